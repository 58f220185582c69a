package checks

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// This file holds the accessible checks about page structure: title,
// language of parts, headings, landmarks, bypass blocks, tables, lists,
// meta refresh and viewport, and tab order.

// pageTitle fails when the first title element of an HTML page is missing
// or holds only white space.
func pageTitle(p *Page, _ Params) Result {
	d := newAXDoc(p)
	if d.HTML == nil || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	for _, n := range d.Elems {
		if n.Data != "title" || n.Namespace != "" || axInTemplate(n) {
			continue
		}
		if a11y.Collapse(a11y.RawText(n)) == "" {
			return Verdict([]Evidence{d.ev(n, "empty")})
		}
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{d.topEvidence("head", "missing")})
}

// axInTemplate reports whether n lies in a template or an SVG/MathML subtree.
func axInTemplate(n *html.Node) bool {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "template" || x.Namespace == "svg" || x.Namespace == "math" {
			return true
		}
	}
	return false
}

// axISO6391 are the two-letter primary language subtags (ISO 639-1, with
// the deprecated in, iw, ji, jw and mo).
var axISO6391 = axSet(`aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co
cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy
hz ia id ie ig ii ik in io is it iu iw ja ji jv jw ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu
rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty
ug uk ur uz ve vi vo wa wo xh yi yo za zh zu`)

// axISO6392Dup are three-letter codes that have a two-letter code, which
// BCP 47 requires instead ("eng" is not valid, "en" is).
var axISO6392Dup = axSet(`eng fra fre nld dut deu ger spa ita por rus ara zho chi jpn kor pol tur swe
dan nor nob nno fin ell gre heb hin ces cze hun ron rum bul ukr vie tha ind msa may cat eus baq glg ltz hrv srp
slk slo slv est lav lit isl ice gle cym wel fas per urd ben tam tel afr sqi alb hye arm aze bel bos kat geo kaz
mkd mac mlt mon nep pan pus som swa tgl uzb yid zul`)

// axSet builds a set of the space-separated words of s.
func axSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// axValidLang reports whether tag is a valid BCP 47 language tag whose
// primary subtag is a known language: two letters from ISO 639-1, or three
// letters without a two-letter equivalent. Other subtags are checked for
// their form only.
func axValidLang(tag string) bool {
	parts := strings.Split(strings.ToLower(strings.TrimSpace(tag)), "-")
	primary := parts[0]
	switch len(primary) {
	case 2:
		if !axISO6391[primary] {
			return false
		}
	case 3:
		if axISO6392Dup[primary] || !axAllLetters(primary) {
			return false
		}
	default:
		return false
	}
	for _, s := range parts[1:] {
		if len(s) < 1 || len(s) > 8 || !axAllAlnum(s) {
			return false
		}
	}
	return true
}

// axAllLetters reports whether s holds only the letters a to z.
func axAllLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// axAllAlnum reports whether s holds only letters a to z and digits.
func axAllAlnum(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// elementLang fails for elements (other than html) whose lang attribute is
// not a valid language tag while they hold text that takes their language.
func elementLang(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		v, ok := a11y.Attr(n, "lang")
		if !ok || v == "" || n.Data == "html" || a11y.Hidden(n) || !axOwnsLangText(n) {
			continue
		}
		applicable = true
		if !axValidLang(v) && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "lang", v))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axOwnsLangText reports whether n holds rendered text (or an image text
// alternative) that no nearer lang attribute claims.
func axOwnsLangText(n *html.Node) bool {
	var walk func(x *html.Node) bool
	walk = func(x *html.Node) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					return true
				}
			case html.ElementNode:
				if a11y.SelfHidden(c) {
					continue
				}
				if v, ok := a11y.Attr(c, "lang"); ok && v != "" {
					continue
				}
				if c.Data == "img" && strings.TrimSpace(attr(c, "alt")) != "" {
					return true
				}
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(n)
}

// axHeading is an exposed heading and its level.
type axHeading struct {
	node  *html.Node
	level int
}

// headings lists the exposed headings in document order.
func (d *axDoc) headings() []axHeading {
	var out []axHeading
	for _, n := range d.Elems {
		if a11y.BaseRole(d.Role(n)) != "heading" || !d.exposedOrIgnored(n) {
			continue
		}
		level, isTag := a11y.IsHeadingTag(n.Data)
		if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "aria-level"))); err == nil && v > 0 {
			level = v
		} else if !isTag {
			level = 2
		}
		out = append(out, axHeading{node: n, level: level})
	}
	return out
}

// headingOrder fails for headings that skip a level going down (an h2
// followed by an h4): the outline then has a gap.
func headingOrder(p *Page, _ Params) Result {
	d := newAXDoc(p)
	hs := d.headings()
	if len(hs) == 0 {
		return Result{Outcome: Inapplicable}
	}
	var ev []Evidence
	for i := 1; i < len(hs); i++ {
		if hs[i].level > hs[i-1].level+1 && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(hs[i].node, "fail", "level", strconv.Itoa(hs[i].level), "previous", strconv.Itoa(hs[i-1].level)))
		}
	}
	return Verdict(ev)
}

// bodyWords counts the words of the rendered text of the body.
func (d *axDoc) bodyWords() int {
	if d.Body == nil {
		return 0
	}
	return len(strings.Fields(a11y.VisibleText(d.Body, a11y.TextOpts{})))
}

// headingPresent fails for long pages (at least min_words words) that have
// no heading to find one's way.
func headingPresent(p *Page, params Params) Result {
	d := newAXDoc(p)
	if len(d.headings()) > 0 {
		return Result{Outcome: Pass}
	}
	words := d.bodyWords()
	if d.Body == nil || float64(words) < params.Float("min_words", 300) {
		return Result{Outcome: Inapplicable}
	}
	return Verdict([]Evidence{d.topEvidence("body", "fail", "words", strconv.Itoa(words))})
}

// hasLandmark reports whether the page has an exposed element with role.
func (d *axDoc) hasLandmark(role string) bool { return d.landmark(role) != nil }

// landmark returns the page's first exposed element with role, or nil.
func (d *axDoc) landmark(role string) *html.Node {
	for _, n := range d.Elems {
		if d.Role(n) == role && d.exposedOrIgnored(n) {
			return n
		}
	}
	return nil
}

// landmarkMain fails for pages with content (at least min_words words) but
// no main landmark (a main element or role=main).
func landmarkMain(p *Page, params Params) Result {
	d := newAXDoc(p)
	if d.Body == nil || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	if d.hasLandmark("main") {
		return Result{Outcome: Pass}
	}
	if float64(d.bodyWords()) < params.Float("min_words", 30) {
		return Result{Outcome: Inapplicable}
	}
	return Verdict([]Evidence{d.topEvidence("body", "fail")})
}

// bypassBlocks fails for pages where links come before the first block of
// text and nothing lets a user skip them: no main or navigation landmark,
// no heading and no skip link (one of the first links, pointing at a place
// further down the same page).
func bypassBlocks(p *Page, _ Params) Result {
	d := newAXDoc(p)
	if d.Body == nil || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	firstLink := -1
	firstText := -1
	for i, n := range d.Elems {
		if firstLink < 0 && n.Data == "a" && a11y.Has(n, "href") && !a11y.Hidden(n) {
			firstLink = i
		}
		if firstText < 0 && axIsTextBlock(n) && !a11y.Hidden(n) && !axInLink(n) {
			firstText = i
		}
	}
	if firstLink < 0 || (firstText >= 0 && firstText < firstLink) {
		return Result{Outcome: Inapplicable}
	}
	if d.hasLandmark("main") || d.hasLandmark("navigation") || len(d.headings()) > 0 || d.hasSkipLink() {
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{d.ev(d.Elems[firstLink], "fail")})
}

// contentHeading fails for pages that open with links (a header, a menu)
// when no heading marks where their own content starts: no exposed heading
// with a name after the first of those links and before the first block
// of text (in the main landmark when there is one; never in a header, menu,
// sidebar or footer, which repeat on every page). Screen reader users jump
// from heading to heading; without one there they must go through the
// links. Links inside a heading (a card's title) do not count, nor does
// text inside a link or a heading. Pages without such links, or without a
// block of text, are inapplicable. A heading inside the menu after its
// first link is enough: the check does not tell menus apart.
func contentHeading(p *Page, _ Params) Result {
	d := newAXDoc(p)
	if d.Body == nil || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	main := d.landmark("main")
	linked, headed := false, false
	for _, n := range d.Elems {
		heading := a11y.BaseRole(d.Role(n)) == "heading"
		switch {
		case heading && linked && d.exposedOrIgnored(n) && d.Name(n) != "":
			headed = true
		case !linked && n.Data == "a" && a11y.Has(n, "href") && !a11y.Hidden(n) && !d.axInHeading(n):
			linked = true
		case !heading && axIsTextBlock(n) && !a11y.Hidden(n) && !axInLink(n) && !d.axInHeading(n) &&
			(main == nil || simContains(main, n)) && !axInRepeated(n):
			switch {
			case !linked:
				return Result{Outcome: Inapplicable} // nothing to skip before the content
			case headed:
				return Result{Outcome: Pass}
			}
			return Verdict([]Evidence{d.ev(n, "fail")})
		}
	}
	return Result{Outcome: Inapplicable}
}

// axInHeading reports whether n lies inside a heading.
func (d *axDoc) axInHeading(n *html.Node) bool {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if a11y.BaseRole(d.Role(x)) == "heading" {
			return true
		}
	}
	return false
}

// axRepeated are the elements and roles of the parts that repeat on every
// page: header, menu, sidebar, footer, search.
var axRepeated = map[string]bool{"header": true, "nav": true, "aside": true, "footer": true, "banner": true,
	"navigation": true, "complementary": true, "contentinfo": true, "search": true}

// axInRepeated reports whether n lies in a part that repeats on every page
// (see axRepeated).
func axInRepeated(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if axRepeated[x.Data] || axRepeated[strings.ToLower(strings.TrimSpace(attr(x, "role")))] {
			return true
		}
	}
	return false
}

// axIsTextBlock reports whether n is a paragraph or holds a long run of
// text of its own: the start of the page's content.
func axIsTextBlock(n *html.Node) bool {
	if n.Data == "p" && len(strings.Fields(a11y.RawText(n))) >= 5 {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && len(strings.Fields(c.Data)) >= 10 {
			return true
		}
	}
	return false
}

// axInLink reports whether n is inside a link.
func axInLink(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "a" && a11y.Has(x, "href") {
			return true
		}
	}
	return false
}

// skipLinkWindow is how many links from the start of the page a skip link
// may come: it must come before the block it lets people skip.
const skipLinkWindow = 3

// hasSkipLink reports whether one of the page's first links points at an
// element of the same page that comes after it: a link further down (such
// as "toegankelijk" pointing at a section) skips nothing.
func (d *axDoc) hasSkipLink() bool {
	pos := map[*html.Node]int{}
	for i, n := range d.Elems {
		pos[n] = i
	}
	seen := 0
	for i, n := range d.Elems {
		if n.Data != "a" || !a11y.Has(n, "href") {
			continue
		}
		if seen++; seen > skipLinkWindow {
			return false
		}
		h := strings.TrimSpace(attr(n, "href"))
		if len(h) < 2 || h[0] != '#' {
			continue
		}
		if t := d.ByID(h[1:]); t != nil && pos[t] > i {
			return true
		}
		if d.namedAnchor(h[1:]) {
			return true
		}
	}
	return false
}

// skipLinkTarget fails for a skip link that leads nowhere: one of the
// page's first links (skipLinkWindow) points at a fragment that no element
// has as id (nor an a element as name), and no other of those links skips
// anywhere. Links a script handles (role=button, aria-controls,
// aria-expanded) and "#top", which browsers always know, are left out.
// Pages whose first links point at no fragment are inapplicable.
func skipLinkTarget(p *Page, _ Params) Result {
	d := newAXDoc(p)
	if d.Body == nil || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	applicable := false
	var ev []Evidence
	seen := 0
	for _, n := range d.Elems {
		if n.Data != "a" || !a11y.Has(n, "href") {
			continue
		}
		if seen++; seen > skipLinkWindow {
			break
		}
		h := strings.TrimSpace(attr(n, "href"))
		if len(h) < 2 || h[0] != '#' || strings.EqualFold(h, "#top") || a11y.Has(n, "aria-controls") ||
			a11y.Has(n, "aria-expanded") || strings.EqualFold(strings.TrimSpace(attr(n, "role")), "button") {
			continue
		}
		applicable = true
		frag := h[1:]
		if u, err := url.PathUnescape(frag); err == nil {
			frag = u
		}
		if d.ByID(frag) == nil && !d.namedAnchor(frag) {
			ev = append(ev, d.ev(n, "fail", "target", frag))
		}
	}
	switch {
	case !applicable:
		return Result{Outcome: Inapplicable}
	case len(ev) > 0 && d.hasSkipLink():
		return Result{Outcome: Pass} // another of the first links skips to the content
	}
	return Verdict(ev)
}

// namedAnchor reports whether an a element has name.
func (d *axDoc) namedAnchor(name string) bool {
	for _, n := range d.Elems {
		if n.Data == "a" && attr(n, "name") == name {
			return true
		}
	}
	return false
}

// axRefresh parses a meta refresh content value as HTML does: the delay in
// whole seconds and whether the value is valid.
func axRefresh(content string) (delay int, valid bool) {
	s := strings.TrimLeft(content, " \t\n\f\r")
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	j := i
	for j < len(s) && (s[j] == '.' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == 0 {
		return 0, false
	}
	if rest := s[j:]; rest != "" && !strings.ContainsAny(rest[:1], ";, \t\n\f\r") {
		return 0, false
	}
	if i == 0 {
		return 0, true
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return 1 << 30, true
	}
	return n, true
}

// metaRefresh fails for a page that refreshes or redirects itself after a
// delay (more than 0 seconds and up to max_seconds, 20 hours). An immediate
// redirect (0) passes.
func metaRefresh(p *Page, params Params) Result {
	d := newAXDoc(p)
	limit := int(params.Float("max_seconds", 72000))
	for _, n := range d.Elems {
		if n.Data != "meta" || !strings.EqualFold(strings.TrimSpace(attr(n, "http-equiv")), "refresh") {
			continue
		}
		content, ok := a11y.Attr(n, "content")
		if !ok {
			continue
		}
		delay, valid := axRefresh(content)
		if !valid {
			continue
		}
		if delay > 0 && delay <= limit {
			return Verdict([]Evidence{d.ev(n, "fail", "seconds", strconv.Itoa(delay))})
		}
		return Result{Outcome: Pass}
	}
	return Result{Outcome: Inapplicable}
}

// axScale reads a viewport scale value as browsers do: yes is 1, no is 0.1,
// device-width and device-height are 10, other words 0; ok is false for a
// negative number (which browsers ignore).
func axScale(v string) (float64, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case "yes":
		return 1, true
	case "no":
		return 0.1, true
	case "device-width", "device-height":
		return 10, true
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0, true
	}
	return f, f >= 0
}

// metaViewport fails when the viewport meta element stops users from
// zooming: user-scalable=no (or 0) or maximum-scale under min_scale (2).
func metaViewport(p *Page, params Params) Result {
	d := newAXDoc(p)
	minScale := params.Float("min_scale", 2)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if n.Data != "meta" || !strings.EqualFold(strings.TrimSpace(attr(n, "name")), "viewport") {
			continue
		}
		for _, part := range strings.FieldsFunc(attr(n, "content"), func(r rune) bool { return r == ',' || r == ';' }) {
			k, v, ok := strings.Cut(part, "=")
			if !ok {
				continue
			}
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "user-scalable":
				applicable = true
				if f, ok := axScale(v); ok && f > -1 && f < 1 {
					ev = append(ev, d.ev(n, "no_zoom", "value", strings.TrimSpace(v)))
				}
			case "maximum-scale":
				applicable = true
				if f, ok := axScale(v); ok && f < minScale {
					ev = append(ev, d.ev(n, "max_scale", "value", strings.TrimSpace(v)))
				}
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	if len(ev) > 1 {
		ev = ev[:1]
	}
	return Verdict(ev)
}

// tabindexPositive fails for elements with a tabindex above 0: they jump
// ahead in the Tab order, away from the reading order.
func tabindexPositive(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		t, ok := a11y.TabIndex(n)
		if !ok || a11y.Hidden(n) {
			continue
		}
		applicable = true
		if t > 0 && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "value", strconv.Itoa(t)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axTableInfo describes the cells of one table (nested tables left out).
type axTableInfo struct {
	rows, cols  int
	headers     bool // th, scope, role header or headers attribute
	blockCells  bool // cells holding blocks, forms or nested tables
	filledCells int
	cells       int
	cellNodes   map[*html.Node]bool
}

// axScanTable collects facts about table t.
func axScanTable(t *html.Node) axTableInfo {
	info := axTableInfo{cellNodes: map[*html.Node]bool{}}
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "table":
				info.blockCells = true
				continue
			case "caption":
				continue
			case "tr":
				info.rows++
				n := 0
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type == html.ElementNode && (cell.Data == "td" || cell.Data == "th") {
						n++
						axScanCell(cell, &info)
					}
				}
				info.cols = max(info.cols, n)
				continue
			}
			walk(c)
		}
	}
	walk(t)
	return info
}

// axScanCell records one cell of a table.
func axScanCell(cell *html.Node, info *axTableInfo) {
	info.cells++
	info.cellNodes[cell] = true
	if cell.Data == "th" || a11y.Has(cell, "scope") || a11y.Has(cell, "headers") {
		info.headers = true
	}
	if r, ok := a11y.ExplicitRole(cell); ok && (r == "columnheader" || r == "rowheader") {
		info.headers = true
	}
	if a11y.HasRawText(cell) {
		info.filledCells++
	}
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && !info.blockCells; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.Data {
			case "table", "div", "p", "ul", "ol", "form", "input", "select", "textarea", "iframe", "h1", "h2", "h3", "h4", "h5", "h6":
				info.blockCells = true
			}
			walk(c)
		}
	}
	walk(cell)
}

// axDataTable reports whether t looks like a data table: a table role, at
// least min rows and 2 columns, short text cells mostly filled, no layout
// blocks in its cells. Chromium's verdict wins when the tree is there.
func (d *axDoc) axDataTable(t *html.Node, info axTableInfo, minRows int) bool {
	if d.Role(t) != "table" || !d.exposedOrIgnored(t) {
		return false
	}
	if a := d.AXNode(t); a != nil && strings.EqualFold(a.Role, "LayoutTable") {
		return false
	}
	return info.rows >= minRows && info.cols >= 2 && !info.blockCells && info.filledCells*4 >= info.cells*3
}

// tableHeaders fails for data tables that have no header cells (th, scope,
// headers or a header role): a screen reader cannot tell which column or
// row a value belongs to.
func tableHeaders(p *Page, params Params) Result {
	d := newAXDoc(p)
	minRows := int(params.Float("min_rows", 3))
	applicable := false
	var ev []Evidence
	for _, t := range d.Elems {
		if t.Data != "table" {
			continue
		}
		info := axScanTable(t)
		if !d.axDataTable(t, info, minRows) {
			continue
		}
		applicable = true
		if !info.headers && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(t, "fail", "rows", strconv.Itoa(info.rows), "cols", strconv.Itoa(info.cols)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// tdHeadersAttr fails for table cells whose headers attribute names an id
// that is not another cell of the same table.
func tdHeadersAttr(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, t := range d.Elems {
		if t.Data != "table" || !a11y.Contains([]string{"table", "grid", "treegrid"}, d.Role(t)) || !d.exposedOrIgnored(t) {
			continue
		}
		info := axScanTable(t)
		for cell := range info.cellNodes {
			v, ok := a11y.Attr(cell, "headers")
			if !ok || strings.TrimSpace(v) == "" {
				continue
			}
			applicable = true
			for _, id := range strings.Fields(v) {
				target := d.ByID(id)
				if target == nil || target == cell || !info.cellNodes[target] {
					if len(ev) < axMaxEvidence {
						ev = append(ev, d.ev(cell, "fail", "id", id))
					}
					break
				}
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	axSortEvidence(ev)
	return Verdict(ev)
}

// axSortEvidence orders evidence by selector so that output is stable.
func axSortEvidence(ev []Evidence) {
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].Selector < ev[j-1].Selector; j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
}

// listStructure fails for lists whose children are not list items (ul, ol
// and menu may hold only li, script and template; dl only dt and dd groups),
// and for list items outside a list.
func listStructure(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	add := func(n *html.Node, msg string, kv ...string) {
		if len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, msg, kv...))
		}
	}
	for _, n := range d.Elems {
		if a11y.Has(n, "role") || a11y.Hidden(n) || n.Namespace != "" {
			continue
		}
		switch n.Data {
		case "ul", "ol", "menu":
			applicable = true
			if c := axBadChild(n, "li"); c != nil {
				add(c, "child", "tag", c.Data, "list", n.Data)
			}
		case "dl":
			applicable = true
			if c := axBadDLChild(n); c != nil {
				add(c, "child", "tag", c.Data, "list", "dl")
			}
		case "li":
			applicable = true
			if par := n.Parent; par != nil && !a11y.Contains([]string{"ul", "ol", "menu"}, par.Data) && !a11y.Has(par, "role") {
				add(n, "orphan", "tag", "li")
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axBadChild returns the first child element of n that is not one of ok,
// script or template, or nil.
func axBadChild(n *html.Node, ok ...string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data == "script" || c.Data == "template" || a11y.SelfHidden(c) {
			continue
		}
		if !a11y.Contains(ok, c.Data) {
			return c
		}
	}
	return nil
}

// axBadDLChild returns the first child of a dl that breaks its structure.
func axBadDLChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.Data == "script" || c.Data == "template" || a11y.SelfHidden(c) {
			continue
		}
		switch c.Data {
		case "dt", "dd":
		case "div":
			if bad := axBadChild(c, "dt", "dd"); bad != nil {
				return bad
			}
		default:
			return c
		}
	}
	return nil
}

// topEvidence is evidence for the page's head or body element (by tag),
// shown by its start tag.
func (d *axDoc) topEvidence(tag, message string, kv ...string) Evidence {
	var n *html.Node
	switch tag {
	case "body":
		n = d.Body
	case "head":
		for _, e := range d.Elems {
			if e.Data == "head" {
				n = e
				break
			}
		}
	}
	if n == nil {
		return Evidence{Selector: tag, Snippet: "<" + tag + ">", Message: message, Params: evParams(kv...)}
	}
	return Evidence{Selector: d.Sel(n), Snippet: snippetOf(n, true), Message: message, Params: evParams(kv...)}
}
