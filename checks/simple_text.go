package checks

import (
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Text helpers shared by the "simple" and "reachable" checks. Names start
// with "sim" so they do not clash with other criteria's helpers.

// simHidden reports whether the first element of sel or one of its
// ancestors is hidden (as far as the HTML tells).
func simHidden(sel *goquery.Selection) bool {
	if sel.Length() == 0 {
		return true
	}
	return simHiddenNode(sel.Get(0))
}

// simHiddenNode is simHidden for node n.
func simHiddenNode(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if text.NodeHidden(n) || (n.Type == html.ElementNode && n.Data == "template") {
			return true
		}
	}
	return false
}

// simSelText is the visible text of the first element of sel.
func simSelText(sel *goquery.Selection) string {
	if sel.Length() == 0 {
		return ""
	}
	return text.Visible(sel.Get(0))
}

// simMatcher tells whether a folded text matches; *rx.Regexp is one.
type simMatcher interface {
	MatchString(s string) bool
}

// wordsFirst is a matcher that runs its expression only on texts holding one
// of its words (the expression must match nothing else).
type wordsFirst struct {
	re    simMatcher
	words []string
}

// withWords puts re behind a test for words: every text re matches must
// contain one of them.
func withWords(re simMatcher, words ...string) wordsFirst { return wordsFirst{re, words} }

// MatchString reports whether s holds one of the words and matches.
func (w wordsFirst) MatchString(s string) bool {
	for _, word := range w.words {
		if strings.Contains(s, word) {
			return w.re.MatchString(s)
		}
	}
	return false
}

// simDeepest returns the deepest visible elements under p's body whose
// folded text matches re: an element is returned when it matches and none of
// its child elements does. The search follows matching elements only; the
// body's folded text is computed once per page.
func simDeepest(p *Page, re simMatcher) []*html.Node {
	root := simBody(p.Doc())
	if root == nil || !re.MatchString(pageMemo(p, "folded body", func() string { return text.Fold(text.Visible(root)) })) {
		return nil
	}
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		found := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || text.SkipTags[c.Data] || text.NodeHidden(c) {
				continue
			}
			if re.MatchString(text.Fold(text.Visible(c))) {
				found = true
				walk(c)
			}
		}
		if !found {
			out = append(out, n)
		}
	}
	walk(root)
	return out
}

// simBody returns the body element of doc, or the document's root.
func simBody(doc *goquery.Document) *html.Node {
	if b := find(doc, "body").First(); b.Length() > 0 {
		return b.Get(0)
	}
	if doc.Length() == 0 {
		return nil
	}
	return doc.Get(0)
}

// simNodeSel wraps a node of doc in a selection.
func simNodeSel(doc *goquery.Document, n *html.Node) *goquery.Selection {
	return doc.FindNodes(n)
}

// simPageApplies reports whether a page-level check applies at all: an HTML
// document with a body.
func simPageApplies(p *Page) bool {
	return p.IsHTML() && find(p.Doc(), "body").Length() > 0
}

// simFragmentTag finds the tags a whole document has and a fragment loaded
// into other pages (an Ajax menu, a widget template) lacks.
var simFragmentTag = rx.MustCompile(`(?i)<(head|body|title)[\s>]`)

// simWholePage reports whether the page is a document people see: not a
// fragment without head and body, and not an empty redirect stub.
func simWholePage(p *Page) bool {
	src := p.Snap.HTML
	if src == "" {
		src = p.Snap.DOM
	}
	if !simFragmentTag.MatchString(src) {
		return false
	}
	body := simBody(p.Doc())
	return body != nil && (text.Visible(body) != "" || find(p.Doc(), "body img, body video, body iframe, body input, body canvas").Length() > 0)
}
