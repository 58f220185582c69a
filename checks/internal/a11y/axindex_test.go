package a11y

import (
	"fmt"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
)

// TestAXNodeIsTheNodeOfItsSelector: the trie walk gives every element the
// first tree node whose selector is the element's Sel, as a map by
// selector would, for selectors Sel writes and for those it never writes
// (a bare tag, a number with a leading zero, a duplicate id, an "html"
// further down), and for elements that share a Sel (an html element in
// SVG).
func TestAXNodeIsTheNodeOfItsSelector(t *testing.T) {
	var page strings.Builder
	page.WriteString(`<html id="r"><body><main id="m"><p>a</p><p id="dup">b</p><p id="dup">c</p>` +
		`<p id="with space">d</p><svg><html><body>x</body></html></svg><div><span>e</span></div>`)
	for i := range 150 {
		fmt.Fprintf(&page, `<a href="/%d">l%d</a><b>b</b>`, i, i)
	}
	page.WriteString(`</main><footer><p>f</p></footer></body></html>`)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page.String()))
	if err != nil {
		t.Fatal(err)
	}
	plain := New(doc, nil)
	var tree []snapshot.AXNode
	for i, n := range plain.Elems {
		sel := plain.Sel(n)
		tree = append(tree, snapshot.AXNode{Selector: sel, Role: "first"}, snapshot.AXNode{Selector: sel, Role: "second"})
		if i%7 == 0 {
			tree = append(tree, snapshot.AXNode{Selector: sel + " > div", Role: "bare"})
		}
	}
	for _, s := range []string{"html", "#m > p:nth-of-type(01)", "#dup", "#m > p:nth-of-type(2)", "html > body > html",
		"body", "#m > svg:nth-of-type(1) > html:nth-of-type(1)", "#r > body > main:nth-of-type(1)", "", "#m > a:nth-of-type(150)"} {
		tree = append(tree, snapshot.AXNode{Selector: s, Role: "extra " + s})
	}
	bySel := map[string]*snapshot.AXNode{}
	for i := range tree {
		if _, ok := bySel[tree[i].Selector]; !ok && tree[i].Selector != "" {
			bySel[tree[i].Selector] = &tree[i]
		}
	}
	d := New(doc, tree)
	for _, n := range d.Elems {
		if got, want := d.AXNode(n), bySel[d.Sel(n)]; got != want {
			t.Errorf("%s: node %v, want %v", d.Sel(n), got, want)
		}
	}
	if !d.HasAX() || plain.HasAX() {
		t.Errorf("HasAX: %t with a tree, %t without", d.HasAX(), plain.HasAX())
	}
}
