package checks

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
)

// This file holds the text and link helpers shared by the supported,
// trustworthy and involving checks: visible text with word boundaries, word
// lists as regular expressions, and links or pages about a topic.

// wordsRE builds a case-insensitive expression that matches any of alts (each
// a regular expression fragment) as whole words. Letters and digits of every
// script count as word characters, so "privée" and "Datenschutzerklärung"
// have proper boundaries (Go's \b knows only ASCII).
func wordsRE(alts ...string) *rx.Regexp {
	return rx.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}])`)
}

// wordsStrictRE is wordsRE where a hyphen does not end a word either, so
// "loket" does not match inside "e-loket".
func wordsStrictRE(alts ...string) *rx.Regexp {
	return rx.MustCompile(`(?i)(?:^|[^\p{L}\p{N}\-])(?:` + strings.Join(alts, "|") + `)(?:$|[^\p{L}\p{N}\-])`)
}

// slugRE builds an expression that matches any of alts as whole segments of a
// URL path: between slashes, hyphens, underscores, dots or the ends.
func slugRE(alts ...string) *rx.Regexp {
	return rx.MustCompile(`(?i)(?:^|[/_.\-#?=&])(?:` + strings.Join(alts, "|") + `)(?:$|[/_.\-#?=&])`)
}

// topic is a subject a page or a link can be about, e.g. "contact".
type topic struct {
	// Text matches link texts, headings and titles.
	Text *rx.Regexp
	// Slug matches URL paths; nil when paths say nothing reliable.
	Slug *rx.Regexp
}

// textOf returns the visible text of sel (see text.WriteVisible), with a space
// between block elements and runs of white space collapsed.
func textOf(sel *goquery.Selection) string { return textOfNodes(sel.Nodes...) }

// textOfNodes is textOf for nodes.
func textOfNodes(nodes ...*html.Node) string {
	var b strings.Builder
	for _, n := range nodes {
		text.WriteVisible(&b, n)
	}
	return text.Collapse(b.String())
}

// bodyOf returns the body of the rendered page (the whole document when it
// has none).
func bodyOf(p *Page) *goquery.Selection {
	if b := find(p.Doc(), "body").First(); b.Length() > 0 {
		return b
	}
	return p.Doc().Selection
}

// pageText is the visible text of a page's body, walked once per page.
func pageText(p *Page) string {
	return pageMemo(p, "body", func() string { return textOf(bodyOf(p)) })
}

// smallestMatch returns the deepest element under root whose visible text
// matches re (root itself when the match spans its children), or an empty
// selection when root does not match at all.
func smallestMatch(root *goquery.Selection, re *rx.Regexp) *goquery.Selection {
	if root.Length() == 0 || !re.MatchString(textOf(root)) {
		return root.Slice(0, 0)
	}
	cur := root.First()
	for {
		var next *goquery.Selection
		cur.Children().EachWithBreak(func(_ int, c *goquery.Selection) bool {
			if re.MatchString(textOf(c)) {
				next = c
				return false
			}
			return true
		})
		if next == nil {
			return cur
		}
		cur = next
	}
}

// link is one hyperlink of a page.
type link struct {
	Page *Page
	Sel  *goquery.Selection
	// Text is the link's visible text plus its aria-label, title and the alt
	// text of images in it.
	Text string
	// Href is the raw href attribute; URL the address it resolves to (nil
	// when it does not parse).
	Href string
	URL  *url.URL
}

// linksOf lists the links of a page in document order (shared: do not
// modify).
func linksOf(p *Page) []link { return pageMemo(p, "links", func() []link { return findLinks(p) }) }

func findLinks(p *Page) []link {
	base, _ := url.Parse(p.URL())
	var out []link
	find(p.Doc(), "a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		href := strings.TrimSpace(s.AttrOr("href", ""))
		l := link{Page: p, Sel: s, Href: href}
		parts := []string{textOf(s), s.AttrOr("aria-label", ""), s.AttrOr("title", "")}
		parts = appendImgAlts(parts, s.Get(0))
		l.Text = strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
		if u, err := url.Parse(href); err == nil {
			if base != nil {
				u = base.ResolveReference(u)
			}
			l.URL = u
		}
		out = append(out, l)
	})
	return out
}

// appendImgAlts appends the alt attributes of the img elements inside n.
func appendImgAlts(parts []string, n *html.Node) []string {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.Data == "img" && a11y.Has(c, "alt") {
			parts = append(parts, attr(c, "alt"))
		}
		parts = appendImgAlts(parts, c)
	}
	return parts
}

// about reports whether the link leads to t: by its text, or by the path of
// a web address.
func (l link) about(t topic) bool {
	if t.Text != nil && t.Text.MatchString(l.Text) {
		return true
	}
	if t.Slug == nil || l.URL == nil || (l.URL.Scheme != "http" && l.URL.Scheme != "https") {
		return false
	}
	path := l.URL.EscapedPath()
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	return t.Slug.MatchString(path + "#" + l.URL.Fragment)
}

// findLink returns the first link on pages about t.
func findLink(pages []*Page, t topic) (link, bool) {
	for _, p := range pages {
		for _, l := range linksOf(p) {
			if l.about(t) {
				return l, true
			}
		}
	}
	return link{}, false
}

// pageAbout returns the heading (h1, or the title) that shows a page is
// about t, or an empty selection.
func pageAbout(p *Page, t topic) *goquery.Selection {
	if t.Text == nil {
		return p.Doc().Selection.Slice(0, 0)
	}
	for _, sel := range []string{"h1", "title"} {
		var hit *goquery.Selection
		find(p.Doc(), sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if t.Text.MatchString(textOf(s)) || (sel == "title" && t.Text.MatchString(s.Text())) {
				hit = s
				return false
			}
			return true
		})
		if hit != nil {
			return hit
		}
	}
	return p.Doc().Selection.Slice(0, 0)
}

// findPage returns the first page about t and its heading.
func findPage(pages []*Page, t topic) (*Page, *goquery.Selection) {
	for _, p := range pages {
		if h := pageAbout(p, t); h.Length() > 0 {
			return p, h
		}
	}
	return nil, nil
}

// htmlPages keeps the pages that are HTML documents.
func htmlPages(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.IsHTML() {
			out = append(out, p)
		}
	}
	return out
}

// startPages returns the start pages among pages (the first page when none is
// marked).
func startPages(pages []*Page) []*Page {
	var out []*Page
	for _, p := range pages {
		if p.Start {
			out = append(out, p)
		}
	}
	if len(out) == 0 && len(pages) > 0 {
		out = pages[:1]
	}
	return out
}

// found is the evidence that names where something was found on a site;
// its "page" parameter names the page, for messages.
func found(p *Page, sel *goquery.Selection, kv ...string) Evidence {
	e := startTagOrText(sel, "found", append(kv, "page", p.URL())...)
	e.URL = p.URL()
	return e
}

// missing is the evidence that something was found nowhere on the site: it
// points at the start page's body.
func missing(pages []*Page, message string, kv ...string) Evidence {
	start := startPages(pages)[0]
	return Evidence{URL: start.URL(), Message: message, Params: evParams(kv...)}
}

// startTagOrText is evidence for sel: its whole HTML when short, else its
// start tag.
func startTagOrText(sel *goquery.Selection, message string, kv ...string) Evidence {
	e := EvidenceFor(sel, message, kv...)
	if len([]rune(e.Snippet)) >= SnippetMax {
		return startTag(sel, message, kv...)
	}
	return e
}

// siteResult turns site-wide evidence into a result: pass with the evidence
// of where it was found, or fail with the evidence of what is missing.
func siteResult(ok bool, ev ...Evidence) Result {
	if ok {
		return Result{Outcome: Pass, Evidence: ev}
	}
	return Result{Outcome: Fail, Evidence: ev}
}

// anyList turns a list of strings into the form parameters take in the
// model ([]any), for Check.Params defaults.
func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// textHit is where a pattern was found in a site's text.
type textHit struct {
	Page *Page
	Sel  *goquery.Selection
	Text string
}

// findText returns the first page whose visible text matches re, with the
// smallest element holding the match, and the matched text.
func findText(pages []*Page, re *rx.Regexp) (textHit, bool) {
	for _, p := range pages {
		body := bodyOf(p)
		if m := re.FindString(pageText(p)); m != "" {
			return textHit{Page: p, Sel: smallestMatch(body, re), Text: strings.TrimSpace(m)}, true
		}
	}
	return textHit{}, false
}

// sentences splits text into rough sentences (at . ! ? and line-like breaks).
var sentenceEnd = rx.MustCompile(`[.!?;:•|]\s+|\s{2,}`)

// pageSentences is the page's visible text split into sentences, once per
// page.
func pageSentences(p *Page) []string {
	return pageMemo(p, "sentences", func() []string { return sentenceEnd.Split(pageText(p), -1) })
}

// findAffirmed is findText that ignores matches in a sentence that denies
// them ("Er is geen loket meer", "Il n'y a plus de guichet").
func findAffirmed(pages []*Page, re, negation *rx.Regexp) (textHit, bool) {
	for _, p := range pages {
		// A sentence's match is a match in the whole text (sentences end
		// at punctuation or spaces), so a page without one is skipped.
		if !re.MatchString(pageText(p)) {
			continue
		}
		body := bodyOf(p)
		for _, s := range pageSentences(p) {
			m := re.FindString(s)
			if m == "" || negation.MatchString(s) {
				continue
			}
			exact := rx.MustCompile(regexp.QuoteMeta(strings.TrimSpace(s)))
			sel := smallestMatch(body, exact)
			if sel.Length() == 0 {
				sel = smallestMatch(body, re)
			}
			return textHit{Page: p, Sel: sel, Text: strings.TrimSpace(m)}, true
		}
	}
	return textHit{}, false
}

// literal matches s exactly, except that any run of white space matches any
// other, so text found in textOf output can be located in the DOM again.
func literal(s string) *rx.Regexp {
	parts := strings.Fields(s)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return rx.MustCompile(strings.Join(parts, `\s+`))
}
