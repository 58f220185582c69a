package checks

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/snapshot"
)

func TestVerdictOrReview(t *testing.T) {
	bad, doubt := []Evidence{{Selector: "img"}}, []Evidence{{Selector: "p"}}
	tests := []struct {
		name          string
		fails, review []Evidence
		want          Outcome
		evidence      []Evidence
	}{
		{"nothing", nil, nil, Pass, nil},
		{"failure wins", bad, doubt, Fail, bad},
		{"doubt only", nil, doubt, NeedsReview, doubt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := VerdictOrReview(tt.fails, tt.review)
			assert.Equal(t, tt.want, got.Outcome)
			assert.Equal(t, tt.evidence, got.Evidence)
		})
	}
}

func TestIsHTML(t *testing.T) {
	xhtml := `<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>t</title></head><body/></html>`
	tests := []struct {
		name, ct, src string
		want          bool
	}{
		{"html", "text/html", "<!doctype html><html><body>x</body></html>", true},
		{"no content type", "", "<p>x</p>", true},
		{"xhtml", "application/xhtml+xml", xhtml, true},
		{"xhtml served as xml", "application/xml", xhtml, true},
		{"svg", "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg"/>`, false},
		{"svg served as html", "text/html", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, false},
		{"other xml", "text/xml", `<math lang="en">x</math>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPage(&snapshot.Snapshot{ContentType: tt.ct, HTML: tt.src, DOM: tt.src}, true)
			assert.Equal(t, tt.want, p.IsHTML())
		})
	}
}

// TestFindIsDocFind: find gives goquery's answer, through the tag index or
// not, for the kinds of selectors the checks use and odd ones.
func TestFindIsDocFind(t *testing.T) {
	page := `<!doctype html><html lang="nl"><head><title>t</title><meta name="viewport" content="x">
<script src="/a.js"></script><link rel="search" href="/os.xml"></head><body>
<nav aria-label="Menu"><a href="/a">A</a><a href="tel:+32">Bel</a><A HREF="MAILTO:x@y.be">Mail</A></nav>
<form role="search"><input type="search" name="q"><input type="HIDDEN"><textarea></textarea><button>Go</button></form>
<main id="main"><h1>T</h1><p title="a, b" onclick="x()">p <a href="/b" id="b">B</a></p>
<svg><clipPath id="c"></clipPath><a href="/svg">s</a></svg><div role="button">d</div></main></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	require.NoError(t, err)
	for _, sel := range []string{
		"form", "body", "a[href]", "A[HREF]", "a[href], area[href]", `a[href^="tel:" i]`, `a[href^="mailto:" i], form`,
		`input:not([type="hidden" i]):not([type="submit" i]), textarea`, "input, select, textarea", "nav a", "main > p > a",
		`[title="a, b"]`, `p[title="a, b"], h1`, "a , h1", "body *", "*", "[id]", "h1, h2, h3, h4, [id]", "clippath",
		"clipPath", "svg a", `[role=search], search, input[type=search], link[rel~=search]`, "meta[name]", "script[src]",
		"no-such-element", "a[", "", "p:not(.x, .y)", "a:nth-of-type(2)",
	} {
		want := doc.Find(sel).Nodes
		assert.Equal(t, want, find(doc, sel).Nodes, sel)
	}
}
