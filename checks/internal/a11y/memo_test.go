package a11y

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestNthOfTypeAmongManySiblings: past the first siblings the position
// comes from the per-parent index; it must match a plain count for every
// child, whatever the tags around it.
func TestNthOfTypeAmongManySiblings(t *testing.T) {
	var b strings.Builder
	b.WriteString("<div>")
	for i := range 300 {
		if i%3 == 0 {
			b.WriteString("<span>s</span>text")
		} else {
			b.WriteString("<a>a</a>")
		}
	}
	b.WriteString("</div>")
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	var div *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "div" {
			div = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	count := map[string]int{}
	for c := div.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		count[c.Data]++
		if got := NthOfType(c); got != count[c.Data] {
			t.Fatalf("%s number %d: NthOfType says %d", c.Data, count[c.Data], got)
		}
	}
}

func TestSimpleIdentIsShort(t *testing.T) {
	if !SimpleIdent("main-menu_2") || SimpleIdent("2col") || SimpleIdent("a b") {
		t.Error("plain ids")
	}
	if SimpleIdent(strings.Repeat("x", MaxIDInSelector+1)) {
		t.Error("an id longer than MaxIDInSelector is used in selectors")
	}
}
