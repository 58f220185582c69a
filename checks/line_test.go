package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/didi-index/didi/snapshot"
)

// TestServedLine finds elements of the rendered DOM in the served HTML:
// by their attributes, by their rank among identical ones, by a looser key
// when a script changed their class, and not at all when a script added
// them.
func TestServedLine(t *testing.T) {
	served := "<!doctype html>\n<html lang=\"en\">\n<body>\n<main id=\"main\">\n<img src=\"a.png\">\n<img src=\"a.png\">\n" +
		"<p class=\"x\">Hello\nworld</p>\n<input name=\"q\" class=\"field\">\n</main>\n</body>\n</html>\n"
	// The browser added a class to the input and a new image.
	dom := strings.Replace(served, `class="field"`, `class="field is-empty"`, 1)
	dom = strings.Replace(dom, "</main>", "<img src=\"late.png\"></main>", 1)
	p := NewPage(&snapshot.Snapshot{URL: "http://127.0.0.1/", HTML: served, DOM: dom}, true)
	for sel, want := range map[string]int{
		"#main":                        4,
		"#main > img:nth-of-type(1)":   5,
		"#main > img:nth-of-type(2)":   6,
		"#main > p:nth-of-type(1)":     7,
		"#main > input:nth-of-type(1)": 9,
		"#main > img:nth-of-type(3)":   0,
		"html":                         2,
		"#nothing":                     0,
		"":                             0,
	} {
		assert.Equal(t, want, p.ServedLine(sel), sel)
	}
}

// BenchmarkServedLine locates 2,000 images on a page of 4,000 elements
// (checks keep at most a few dozen evidence items per page; this is far
// beyond), index building included.
func BenchmarkServedLine(b *testing.B) {
	var src strings.Builder
	src.WriteString("<!doctype html><html><body><main id=\"main\">\n")
	for i := range 2000 {
		fmt.Fprintf(&src, "<p><img src=\"img-%d.png\"></p>\n", i)
	}
	src.WriteString("</main></body></html>")
	html := src.String()
	b.ReportAllocs()
	for b.Loop() {
		p := NewPage(&snapshot.Snapshot{URL: "http://127.0.0.1/", HTML: html, DOM: html}, true)
		for i := 1; i <= 2000; i++ {
			if line := p.ServedLine(fmt.Sprintf("#main > p:nth-of-type(%d) > img:nth-of-type(1)", i)); line != i+1 {
				b.Fatalf("image %d: line %d", i, line)
			}
		}
	}
}
