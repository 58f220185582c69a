package checks

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Text helpers shared by the "simple" and "reachable" checks. Names start
// with "sim" so they do not clash with other criteria's helpers.

// simFoldReplacer folds the accented letters of nl, fr and de and
// typographic quotes to plain ASCII, so word lists need one spelling.
var simFoldReplacer = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a",
	"ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u",
	"ÿ", "y", "ß", "ss", "œ", "oe", "æ", "ae",
	"’", "'", "‘", "'", "‐", "-", "‑", "-", "–", "-",
)

// simFold lowercases s, folds accents and collapses white space.
func simFold(s string) string {
	return strings.Join(strings.Fields(simFoldReplacer.Replace(strings.ToLower(s))), " ")
}

// simIdentWords turns an identifier such as "customer[firstName]" or
// "e-mail_address" into folded words: "customer first name",
// "e mail address".
func simIdentWords(id string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range id {
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteRune(' ')
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(' ')
		}
		prev = r
	}
	return simFold(b.String())
}

// simSkipTags hold no text of the page's own: scripts, metadata and
// quoted code.
var simSkipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "title": true, "meta": true, "link": true, "svg": true,
	// Code quotes markup or program text, not the page's own words.
	"code": true, "samp": true, "kbd": true,
}

// simInlineTags do not break words apart; every other element does.
var simInlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "dfn": true, "em": true, "i": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true, "var": true,
	"font": true,
}

// simStyleHidden matches inline styles that hide an element.
var simStyleHidden = regexp.MustCompile(`(?i)(display\s*:\s*none|visibility\s*:\s*hidden)`)

// simNodeHidden reports whether element n itself is hidden from sight: the
// hidden attribute, an inline style that hides it, or an input of type
// hidden.
func simNodeHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if simStyleHidden.MatchString(a.Val) {
				return true
			}
		case "type":
			if n.Data == "input" && strings.EqualFold(a.Val, "hidden") {
				return true
			}
		}
	}
	return false
}

// simHidden reports whether the first element of sel or one of its
// ancestors is hidden (as far as the HTML tells).
func simHidden(sel *goquery.Selection) bool {
	if sel.Length() == 0 {
		return true
	}
	for n := sel.Get(0); n != nil; n = n.Parent {
		if simNodeHidden(n) || (n.Type == html.ElementNode && n.Data == "template") {
			return true
		}
	}
	return false
}

// simText is the visible text of n: no scripts, styles or hidden elements;
// block elements are separated by spaces.
func simText(n *html.Node) string {
	var b strings.Builder
	simWriteText(&b, n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// simWriteText writes the visible text under n to b.
func simWriteText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if simSkipTags[n.Data] || simNodeHidden(n) {
			return
		}
		if n.Data == "img" || n.Data == "input" {
			b.WriteByte(' ')
			return
		}
	}
	block := n.Type == html.ElementNode && !simInlineTags[n.Data]
	if block {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		simWriteText(b, c)
	}
	if block {
		b.WriteByte(' ')
	}
}

// simSelText is the visible text of the first element of sel.
func simSelText(sel *goquery.Selection) string {
	if sel.Length() == 0 {
		return ""
	}
	return simText(sel.Get(0))
}

// simMatcher tells whether a folded text matches; *regexp.Regexp is one.
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
	if root == nil || !re.MatchString(pageMemo(p, "folded body", func() string { return simFold(simText(root)) })) {
		return nil
	}
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		found := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || simSkipTags[c.Data] || simNodeHidden(c) {
				continue
			}
			if re.MatchString(simFold(simText(c))) {
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
	if b := doc.Find("body").First(); b.Length() > 0 {
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

// simWords splits folded text into words of letters and digits.
func simWords(s string) []string {
	return strings.FieldsFunc(simFold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// simPageApplies reports whether a page-level check applies at all: an HTML
// document with a body.
func simPageApplies(p *Page) bool {
	return p.IsHTML() && p.Doc().Find("body").Length() > 0
}

// simFragmentTag finds the tags a whole document has and a fragment loaded
// into other pages (an Ajax menu, a widget template) lacks.
var simFragmentTag = regexp.MustCompile(`(?i)<(head|body|title)[\s>]`)

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
	return body != nil && (simText(body) != "" || p.Doc().Find("body img, body video, body iframe, body input, body canvas").Length() > 0)
}
