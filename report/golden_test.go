package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./report -update and review the diff.\ngot:\n%s", name, got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	r := loadFixture(t)
	for _, langs := range [][]string{{"nl", "fr"}, {"en"}} {
		name := "report-" + strings.Join(langs, "-") + ".md"
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := (markdownWriter{}).Write(&buf, r, langs); err != nil {
				t.Fatal(err)
			}
			golden(t, name, buf.Bytes())
		})
	}
}

// htmlOutline lists the landmarks and headings of an HTML document, one a
// line, indented by depth: the structure the golden file pins.
func htmlOutline(doc *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "header", "nav", "main", "footer", "article", "section", "aside":
				fmt.Fprintf(&b, "%s<%s%s>\n", strings.Repeat("  ", depth), n.Data, attrs(n, "id", "lang", "aria-label", "aria-labelledby"))
				depth++
			case "h1", "h2", "h3", "h4", "h5", "h6":
				fmt.Fprintf(&b, "%s%s %s\n", strings.Repeat("  ", depth), n.Data, strings.Join(strings.Fields(textOf(n)), " "))
			case "table":
				fmt.Fprintf(&b, "%stable %q\n", strings.Repeat("  ", depth), captionOf(n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth)
		}
	}
	walk(doc, 0)
	return b.String()
}

// attrs formats the named attributes of n that are present.
func attrs(n *html.Node, names ...string) string {
	var b strings.Builder
	for _, name := range names {
		for _, a := range n.Attr {
			if a.Key == name {
				fmt.Fprintf(&b, " %s=%q", a.Key, a.Val)
			}
		}
	}
	return b.String()
}

// textOf is the text content of n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// captionOf is the caption text of a table.
func captionOf(table *html.Node) string {
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "caption" {
			return strings.Join(strings.Fields(textOf(c)), " ")
		}
	}
	return ""
}

// renderHTML renders the fixture as HTML and parses it.
func renderHTML(t *testing.T, langs []string) (*html.Node, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := (htmlWriter{}).Write(&buf, loadFixture(t), langs); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, buf.Bytes()
}

func TestHTMLStructureGolden(t *testing.T) {
	doc, _ := renderHTML(t, []string{"nl", "fr"})
	golden(t, "report-html-outline.txt", []byte(htmlOutline(doc)))
}

// elements returns every element of doc named name.
func elements(doc *html.Node, name string) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == name {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// attr returns the value of attribute key of n.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func TestHTMLSelfContainedAndAccessible(t *testing.T) {
	for _, langs := range [][]string{{"nl", "fr"}, {"en"}} {
		t.Run(strings.Join(langs, ","), func(t *testing.T) {
			doc, raw := renderHTML(t, langs)
			for _, bad := range []string{"<script", "<link", "<img", "<iframe", "@import", "url("} {
				if bytes.Contains(raw, []byte(bad)) {
					t.Errorf("report contains %q: not self-contained", bad)
				}
			}
			if l, _ := attr(elements(doc, "html")[0], "lang"); l == "" {
				t.Error("html element has no lang")
			}
			if n := len(elements(doc, "h1")); n != 1 {
				t.Errorf("%d h1 elements, want 1", n)
			}
			if n := len(elements(doc, "main")); n != 1 {
				t.Errorf("%d main elements, want 1", n)
			}
			checkHeadingOrder(t, doc)
			checkIDsAndLinks(t, doc)
			for _, table := range elements(doc, "table") {
				if captionOf(table) == "" {
					t.Error("table without caption")
				}
				if len(elements(table, "th")) == 0 {
					t.Error("table without header cells")
				}
			}
			for _, svg := range elements(doc, "svg") {
				if r, _ := attr(svg, "role"); r != "img" || len(elements(svg, "title")) == 0 {
					t.Error("svg without role=img and a title")
				}
			}
		})
	}
}

// checkHeadingOrder fails when a heading skips a level.
func checkHeadingOrder(t *testing.T, doc *html.Node) {
	t.Helper()
	last := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
			level := int(n.Data[1] - '0')
			if level > last+1 {
				t.Errorf("heading %q skips from h%d to h%d", textOf(n), last, level)
			}
			last = level
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// checkIDsAndLinks fails on duplicate ids and on links to missing ids.
func checkIDsAndLinks(t *testing.T, doc *html.Node) {
	t.Helper()
	ids := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if id, ok := attr(n, "id"); ok && n.Type == html.ElementNode {
			if ids[id] {
				t.Errorf("duplicate id %q", id)
			}
			ids[id] = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, a := range elements(doc, "a") {
		href, _ := attr(a, "href")
		if !strings.HasPrefix(href, "#") || !ids[href[1:]] {
			t.Errorf("link %q points nowhere in the report", href)
		}
		if strings.TrimSpace(textOf(a)) == "" {
			t.Errorf("link %q has no text", href)
		}
	}
}
