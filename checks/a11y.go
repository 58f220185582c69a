package checks

import (
	"sync"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
)

// axMaxEvidence caps the evidence items one check reports for one page.
const axMaxEvidence = 50

// axDoc is a page's accessibility index (a11y.Doc: elements, ids, roles,
// names, Chromium's accessibility tree) with what the checks derive from it
// once per page.
type axDoc struct {
	*a11y.Doc
	// main and mainBlocks are mainText, walked once.
	main       *html.Node
	mainBlocks []textBlock
	mainOnce   sync.Once
	// links are the exposed links (links), found once.
	links     []*html.Node
	linksOnce sync.Once
}

// newAXDoc returns page p's accessibility index, built once per page
// (Page.AX).
func newAXDoc(p *Page) *axDoc { return p.AX() }

// newAXIndex indexes a page's parsed DOM with Chromium's accessibility tree
// of it (nil without a browser).
func newAXIndex(doc *goquery.Document, tree []snapshot.AXNode) *axDoc {
	return &axDoc{Doc: a11y.New(doc, tree)}
}

// ev builds evidence for element n: its selector and a short snippet (only
// the start tag for elements with element children).
func (d *axDoc) ev(n *html.Node, message string, kv ...string) Evidence {
	return Evidence{Selector: d.Sel(n), Snippet: axSnippet(n), Message: message, Params: evParams(kv...)}
}

// axSnippet renders n shortened; containers are shown by their start tag.
func axSnippet(n *html.Node) string {
	return snippetOf(n, a11y.HasElementChild(n) && n.Data != "a" && n.Data != "button")
}
