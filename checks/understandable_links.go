package checks

import (
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/checks/lang"
)

// genericLinkTexts are link texts that say nothing out of context, by
// language, normalised as by normLinkText. Teams add their own phrases with
// the model parameter extra_phrases.
var genericLinkTexts = map[string][]string{
	lang.Dutch: {"klik hier", "klik", "hier", "klik hier voor meer info", "klik hier voor meer informatie",
		"lees meer", "lees verder", "lees hier", "lees hier meer", "meer lezen", "verder lezen", "meer",
		"meer info", "meer informatie", "meer weten", "meer details", "details", "info", "verder",
		"bekijk", "bekijk hier", "bekijk meer", "ontdek", "ontdek meer", "ontdek het hier", "link",
		"deze link", "deze pagina", "deze website", "website", "ga verder", "ga naar", "hier downloaden",
		"download", "downloaden", "download hier", "klik om te downloaden"},
	lang.French: {"cliquez ici", "cliquer ici", "cliquez", "ici", "en savoir plus", "en savoir",
		"lire la suite", "lire plus", "en lire plus", "plus", "plus d'infos", "plus d'info",
		"plus d'informations", "plus d'information", "infos", "info", "suite", "la suite", "voir plus",
		"voir", "voir ici", "découvrir", "découvrez", "découvrez-le", "lien", "ce lien", "cette page",
		"ce site", "page", "détails", "plus de détails", "continuer", "télécharger", "télécharger ici"},
	lang.German: {"hier klicken", "klicken sie hier", "hier", "klicken", "mehr", "mehr erfahren",
		"weiterlesen", "weiter lesen", "mehr lesen", "mehr infos", "mehr info", "mehr informationen",
		"mehr dazu", "weiter", "details", "link", "dieser link", "diese seite", "herunterladen",
		"hier herunterladen", "download", "jetzt lesen", "zum artikel", "mehr anzeigen", "ansehen"},
	lang.English: {"click here", "click", "here", "click here for more", "click here for more information",
		"read more", "read on", "more", "more info", "more information", "learn more", "find out more",
		"see more", "see here", "continue reading", "continue", "details", "more details", "link",
		"this link", "this page", "this website", "website", "info", "go", "view", "view more",
		"download", "download here", "tap here", "here to download", "more here"},
}

// linkTextParams are the defaults of the link-text check.
var linkTextParams = Params{
	"extra_phrases":     []any{},
	"min_context_words": 2,
}

// linkPurposeParams are the defaults of the link-purpose-same-text check.
var linkPurposeParams = Params{"min_context_words": 2}

// genericSet returns the built-in generic link texts of every language plus
// the extra phrases, normalised.
func genericSet(extra []string) map[string]bool {
	set := map[string]bool{}
	for _, list := range genericLinkTexts {
		for _, s := range list {
			set[normLinkText(s)] = true
		}
	}
	for _, s := range extra {
		if n := normLinkText(s); n != "" {
			set[n] = true
		}
	}
	return set
}

// normLinkText lower-cases s, keeps letters, digits, apostrophes and
// single spaces, and drops decoration such as arrows, "»", "…" and "+"
// ("Lees meer »" → "lees meer").
func normLinkText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '’':
			b.WriteByte('\'')
		default:
			space = true
		}
	}
	return strings.Trim(b.String(), "-' ")
}

// contextTags give a link its programmatic context (WCAG 2.4.4): the
// enclosing paragraph, list item, table cell, definition or caption.
var contextTags = map[string]bool{
	"p": true, "li": true, "td": true, "th": true, "dd": true, "dt": true, "blockquote": true,
	"figcaption": true, "caption": true,
}

// links returns the page's links that are in the accessibility tree: a and
// area elements with an href, and elements with role=link. They are found
// once per page (shared: do not modify).
func links(d *axDoc) []*html.Node {
	d.linksOnce.Do(func() {
		for _, e := range d.Elems {
			role := strings.ToLower(strings.TrimSpace(attr(e, "role")))
			isLink := (e.Data == "a" || e.Data == "area") && a11y.Has(e, "href") && (role == "" || role == "link")
			if (isLink || role == "link") && d.Exposed(e) {
				d.links = append(d.links, e)
			}
		}
	})
	return d.links
}

// describedBy is the text of the elements aria-describedby points at.
func describedBy(d *axDoc, n *html.Node) string {
	var parts []string
	for _, id := range strings.Fields(attr(n, "aria-describedby")) {
		for _, t := range d.IDs[id] {
			parts = append(parts, a11y.VisibleText(t, a11y.TextOpts{}))
		}
	}
	return a11y.Collapse(strings.Join(parts, " "))
}

// contextCache remembers what the context of links costs to compute once
// per element: the words of context elements, the words of a block's own run
// of text and whether a table has header cells. Links in a long list, a long
// paragraph or a big table then cost one walk per list item, block or table,
// and a page's links are checked in time linear in its size.
type contextCache struct {
	text, inline map[*html.Node]int
	headers      map[*html.Node]bool
}

func newContextCache() *contextCache {
	return &contextCache{text: map[*html.Node]int{}, inline: map[*html.Node]int{}, headers: map[*html.Node]bool{}}
}

func (c *contextCache) words(n *html.Node) int {
	if w, ok := c.text[n]; ok {
		return w
	}
	w := lang.CountWords(a11y.VisibleText(n, a11y.TextOpts{SkipAriaHidden: true}))
	c.text[n] = w
	return w
}

// hasContext reports whether the link's programmatic context explains it:
// a description (aria-describedby, or a title that is not generic itself),
// the sentence around it (at least minWords words in its run of text), a
// table cell of a table with header cells, or an enclosing paragraph, list
// item (also the parent item of a nested list) or cell with at least
// minWords words besides the link's own text.
func hasContext(d *axDoc, n *html.Node, generic map[string]bool, minWords int, cache *contextCache) bool {
	if describedBy(d, n) != "" {
		return true
	}
	if t := normLinkText(attr(n, "title")); t != "" && !generic[t] {
		return true
	}
	if inlineContextWords(n, cache) >= minWords {
		return true // the sentence around the link, in any block
	}
	own := -1
	for x := n.Parent; x != nil && x.Type == html.ElementNode && x.Data != "body"; x = x.Parent {
		role := strings.ToLower(strings.TrimSpace(attr(x, "role")))
		if !contextTags[x.Data] && role != "listitem" && role != "cell" && role != "gridcell" {
			continue
		}
		if (x.Data == "td" || role == "cell" || role == "gridcell") && tableHasHeaders(x, cache) {
			return true
		}
		if own < 0 {
			own = lang.CountWords(a11y.VisibleText(n, a11y.TextOpts{SkipAriaHidden: true}))
		}
		if cache.words(x)-own >= minWords {
			return true
		}
	}
	return false
}

// inlineContextWords counts the words around link n in its own run of
// text: the nearest block ancestor's text without links and without nested
// blocks (a card's heading and paragraph are blocks of their own, so "Lees
// meer" under them has no words around it; "<div><a>Read more</a> about the
// W3C WAI</div>" has four). Every a element of a block has the same count,
// which is walked once and kept in cache.
func inlineContextWords(n *html.Node, cache *contextCache) int {
	var blk *html.Node
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if blockTags[x.Data] {
			blk = x
			break
		}
	}
	if blk == nil {
		return 0
	}
	if w, ok := cache.inline[blk]; ok && n.Data == "a" {
		return w
	}
	var sb strings.Builder
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				sb.WriteString(c.Data)
			case c.Type != html.ElementNode, c == n, c.Data == "a", blockTags[c.Data], a11y.SelfHidden(c), a11y.AriaHiddenSelf(c):
			default:
				sb.WriteByte(' ')
				walk(c)
				sb.WriteByte(' ')
			}
		}
	}
	walk(blk)
	w := lang.CountWords(sb.String())
	if n.Data == "a" { // links are left out of the text: the same for all of them
		cache.inline[blk] = w
	}
	return w
}

// tableHasHeaders reports whether the table around cell has th cells.
func tableHasHeaders(cell *html.Node, cache *contextCache) bool {
	for t := cell.Parent; t != nil && t.Type == html.ElementNode; t = t.Parent {
		if t.Data != "table" {
			continue
		}
		if found, ok := cache.headers[t]; ok {
			return found
		}
		found := false
		var walk func(x *html.Node)
		walk = func(x *html.Node) {
			for c := x.FirstChild; c != nil && !found; c = c.NextSibling {
				if c.Type != html.ElementNode || c.Data == "table" {
					continue
				}
				if c.Data == "th" {
					found = true
					return
				}
				walk(c)
			}
		}
		walk(t)
		cache.headers[t] = found
		return found
	}
	return false
}

// linkText fails links whose accessible name alone is a generic phrase
// ("klik hier", "lees meer", "en savoir plus", "mehr", "read more") and
// whose context does not explain them (see hasContext). The name comes from
// Chromium's accessibility tree when present, else from the DOM (text, img
// alt, aria-label, aria-labelledby), so a visually hidden extension such as
// "Lees meer <span class=sr-only>over de premie</span>" passes.
func linkText(p *Page, params Params) Result {
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	generic := genericSet(params.Strings("extra_phrases", nil))
	minWords := int(params.Float("min_context_words", 2))
	var ev []Evidence
	seen := false
	cache := newContextCache()
	for _, n := range links(d) {
		name := d.Name(n)
		if name == "" || strings.HasPrefix(strings.TrimSpace(attr(n, "href")), "#") {
			continue // no name: the accessible criterion's; in-page links name their section
		}
		seen = true
		if !generic[normLinkText(name)] || hasContext(d, n, generic, minWords, cache) {
			continue
		}
		if len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "text", Shorten(name, 60)))
		}
	}
	if !seen {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// normTarget normalises an href for comparing destinations: resolved against
// the page, without fragment or tracking parameters (utm_*), host in lower
// case, no default port, and no trailing slash or index file. It returns ""
// for links that go nowhere (javascript:, an empty href or a bare fragment).
func normTarget(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(strings.ToLower(href), "javascript:") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Fragment, u.RawFragment = "", ""
	u.Scheme = strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Host)
	host = strings.TrimSuffix(strings.TrimSuffix(host, ":80"), ":443")
	u.Host = host
	if q := u.Query(); len(q) > 0 {
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	switch path.Base(u.Path) {
	case "index.html", "index.htm", "index.php", "default.aspx":
		u.Path = path.Dir(u.Path)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	return u.String()
}

// pageBase is the URL links on page p resolve against (base href honoured).
func pageBase(p *Page, d *axDoc) *url.URL {
	base, err := url.Parse(p.URL())
	if err != nil {
		base = nil
	}
	for _, e := range d.Elems {
		if e.Data == "base" {
			if h, ok := a11y.Attr(e, "href"); ok {
				if b, err := url.Parse(strings.TrimSpace(h)); err == nil {
					if base != nil {
						return base.ResolveReference(b)
					}
					return b
				}
			}
			break
		}
	}
	return base
}

// sameTextGroup is a set of links that share a name.
type sameTextGroup struct {
	name    string
	targets []string
	first   map[string]*html.Node
	// anyBase and bareBase hold the targets' addresses without query: all
	// of them, and those of targets that had no query.
	anyBase, bareBase map[string]bool
}

// has reports whether the group already holds target or an equivalent:
// the same address with and without a query (a form with a prefilled field,
// issues/new?title=…, is the same place as issues/new).
func (g *sameTextGroup) has(target string) bool {
	if _, ok := g.first[target]; ok {
		return true
	}
	b, q, _ := strings.Cut(target, "?")
	if q == "" {
		return g.anyBase[b]
	}
	return g.bareBase[b]
}

// add records target, reached by link n.
func (g *sameTextGroup) add(target string, n *html.Node) {
	g.first[target] = n
	g.targets = append(g.targets, target)
	b, q, _ := strings.Cut(target, "?")
	g.anyBase[b] = true
	if q == "" {
		g.bareBase[b] = true
	}
}

// linkPurposeSameText fails when several links on a page have the same
// accessible name but lead to different places (after normTarget). Links
// that their context tells apart are left out, as in link-text: a
// description (aria-describedby, or a title that differs from the name), a
// table cell with headers, or a sentence of at least min_context_words
// other words in the same paragraph, list item or cell. Links to language
// versions (different hreflang) and addresses that differ only by an added
// query are not different places. The evidence points at the first link for
// each target and names all targets.
func linkPurposeSameText(p *Page, params Params) Result {
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	base := pageBase(p, d)
	minWords := int(params.Float("min_context_words", 2))
	noGeneric := map[string]bool{}
	cache := newContextCache()
	groups := map[string]*sameTextGroup{}
	var order []string
	count := 0
	for _, n := range links(d) {
		name := d.Name(n)
		key := normLinkText(name)
		target := normTarget(base, attr(n, "href"))
		if key == "" || target == "" {
			continue
		}
		if hl := lang.Primary(attr(n, "hreflang")); hl != "" {
			key += "\x00" + hl // language versions are told apart by hreflang
		}
		count++
		if t := normLinkText(attr(n, "title")); t == key {
			noGeneric[key] = true // a title that repeats the name adds nothing
		}
		if hasContext(d, n, noGeneric, minWords, cache) {
			delete(noGeneric, key)
			continue
		}
		delete(noGeneric, key)
		g := groups[key]
		if g == nil {
			g = &sameTextGroup{name: a11y.Collapse(name), first: map[string]*html.Node{},
				anyBase: map[string]bool{}, bareBase: map[string]bool{}}
			groups[key] = g
			order = append(order, key)
		}
		if !g.has(target) {
			g.add(target, n)
		}
	}
	if count < 2 {
		return Result{Outcome: Inapplicable}
	}
	sort.Strings(order) // deterministic, independent of map order
	var ev []Evidence
	for _, key := range order {
		g := groups[key]
		if len(g.targets) < 2 {
			continue
		}
		list := shortTargets(g.targets, base, 5)
		for _, t := range g.targets {
			if len(ev) >= axMaxEvidence {
				break
			}
			ev = append(ev, d.ev(g.first[t], "fail", "text", Shorten(g.name, 60),
				"count", strconv.Itoa(len(g.targets)), "target", shortTarget(t, base), "targets", list))
		}
	}
	return Verdict(ev)
}

// shortTarget shows a target relative to the page's host when it is on it.
func shortTarget(t string, base *url.URL) string {
	if base != nil {
		if u, err := url.Parse(t); err == nil && strings.EqualFold(u.Host, base.Host) && u.Scheme == base.Scheme {
			s := u.EscapedPath()
			if s == "" {
				s = "/"
			}
			if u.RawQuery != "" {
				s += "?" + u.RawQuery
			}
			return Shorten(s, 80)
		}
	}
	return Shorten(t, 80)
}

// shortTargets lists up to max targets, then "… (+N)".
func shortTargets(ts []string, base *url.URL, max int) string {
	var parts []string
	for i, t := range ts {
		if i == max {
			parts = append(parts, "… (+"+strconv.Itoa(len(ts)-max)+")")
			break
		}
		parts = append(parts, shortTarget(t, base))
	}
	return strings.Join(parts, ", ")
}
