package checks

import (
	"github.com/didi-index/didi/snapshot"
	"strconv"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// axMaxEvidence caps the evidence items one check reports for one page.
const axMaxEvidence = 50

// axDoc is a page's DOM prepared for the accessible checks: the element
// index by id, the owners of aria-owns, and Chromium's accessibility tree by
// selector when the browser gathered it. It is built in one walk of the DOM.
type axDoc struct {
	doc   *goquery.Document
	root  *html.Node
	html  *html.Node
	body  *html.Node
	ids   map[string][]*html.Node
	owner map[*html.Node]*html.Node
	// elems lists every element in document order.
	elems []*html.Node
	// ax holds the accessibility tree nodes by selector; nil without it.
	ax map[string]*snapshot.AXNode
	// labels holds label elements by their for attribute, built on demand.
	labels     map[string][]*html.Node
	labelsOnce sync.Once
	// sels memoises sel by element.
	sels sync.Map
	// main and mainBlocks are mainText, walked once.
	main       *html.Node
	mainBlocks []textBlock
	mainOnce   sync.Once
}

// newAXDoc returns page p's accessibility index, built once per page
// (Page.AX).
func newAXDoc(p *Page) *axDoc { return p.AX() }

// buildAXDoc indexes page p.
func buildAXDoc(p *Page) *axDoc {
	d := &axDoc{doc: p.Doc(), ids: map[string][]*html.Node{}}
	if d.doc.Length() > 0 {
		d.root = d.doc.Get(0)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				walk(c)
				continue
			}
			d.elems = append(d.elems, c)
			switch c.Data {
			case "html":
				if d.html == nil {
					d.html = c
				}
			case "body":
				if d.body == nil {
					d.body = c
				}
			}
			if id := attr(c, "id"); id != "" {
				d.ids[id] = append(d.ids[id], c)
			}
			walk(c)
		}
	}
	if d.root != nil {
		walk(d.root)
	}
	d.indexOwns()
	if b := p.Snap.Browser; b != nil && len(b.AXTree) > 0 {
		d.ax = make(map[string]*snapshot.AXNode, len(b.AXTree))
		for i := range b.AXTree {
			n := &b.AXTree[i]
			if n.Selector == "" {
				continue
			}
			// The first node for a selector is the element's own node.
			if _, seen := d.ax[n.Selector]; !seen {
				d.ax[n.Selector] = n
			}
		}
	}
	return d
}

// indexOwns records, for each element named in an aria-owns, its owner.
func (d *axDoc) indexOwns() {
	for _, n := range d.elems {
		v, ok := axAttr(n, "aria-owns")
		if !ok {
			continue
		}
		for _, id := range strings.Fields(v) {
			if t := d.byID(id); t != nil && t != n {
				if d.owner == nil {
					d.owner = map[*html.Node]*html.Node{}
				}
				if _, dup := d.owner[t]; !dup {
					d.owner[t] = n
				}
			}
		}
	}
}

// byID returns the first element with id, or nil.
func (d *axDoc) byID(id string) *html.Node {
	if l := d.ids[id]; len(l) > 0 {
		return l[0]
	}
	return nil
}

// hasAX reports whether the page has Chromium's accessibility tree.
func (d *axDoc) hasAX() bool { return d.ax != nil }

// axNode returns the accessibility tree node of element n, or nil.
func (d *axDoc) axNode(n *html.Node) *snapshot.AXNode {
	if d.ax == nil {
		return nil
	}
	return d.ax[d.sel(n)]
}

// sel returns the selector of n in the format of Selector (dom.go): the
// same string as nodeSelector, using the id index, and memoised per element
// so that the selectors of a page's elements are built from their parents'.
func (d *axDoc) sel(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode {
		return ""
	}
	if v, ok := d.sels.Load(n); ok {
		return v.(string)
	}
	var s string
	switch id := attr(n, "id"); {
	case id != "" && isSimpleIdent(id) && len(d.ids[id]) == 1:
		s = "#" + id
	case n.Data == "html":
		s = "html"
	default:
		step := n.Data
		if n.Data != "body" && n.Data != "head" {
			step += ":nth-of-type(" + strconv.Itoa(nthOfType(n)) + ")"
		}
		if up := d.sel(n.Parent); up != "" {
			step = up + " > " + step
		}
		s = step
	}
	d.sels.Store(n, s)
	return s
}

// resolve finds the element a selector in the format of Selector points at,
// or nil. It accepts "#id", "html", "head", "body" and "tag:nth-of-type(k)"
// steps joined by " > ".
func (d *axDoc) resolve(selector string) *html.Node {
	var cur *html.Node
	for i, step := range strings.Split(selector, " > ") {
		step = strings.TrimSpace(step)
		switch {
		case strings.HasPrefix(step, "#"):
			if i != 0 {
				return nil
			}
			cur = d.byID(step[1:])
		case step == "html" && i == 0:
			cur = d.html
		case i == 0:
			return nil
		default:
			cur = axNthChild(cur, step)
		}
		if cur == nil {
			return nil
		}
	}
	return cur
}

// axNthChild returns the child of parent matching "tag:nth-of-type(k)" or a
// bare tag name (the first of its type).
func axNthChild(parent *html.Node, step string) *html.Node {
	tag, k := step, 1
	if i := strings.Index(step, ":nth-of-type("); i > 0 && strings.HasSuffix(step, ")") {
		tag = step[:i]
		v, err := strconv.Atoi(step[i+len(":nth-of-type(") : len(step)-1])
		if err != nil {
			return nil
		}
		k = v
	}
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == tag {
			if k--; k == 0 {
				return c
			}
		}
	}
	return nil
}

// ev builds evidence for element n: its selector and a short snippet (only
// the start tag for elements with element children).
func (d *axDoc) ev(n *html.Node, message string, kv ...string) Evidence {
	e := Evidence{Selector: d.sel(n), Snippet: axSnippet(n), Message: message}
	if len(kv) > 0 {
		e.Params = map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			e.Params[kv[i]] = kv[i+1]
		}
	}
	return e
}

// axSnippet renders n shortened; containers are shown by their start tag.
func axSnippet(n *html.Node) string {
	var b strings.Builder
	if axHasElementChild(n) && n.Data != "a" && n.Data != "button" {
		shallow := &html.Node{Type: n.Type, Data: n.Data, DataAtom: n.DataAtom, Namespace: n.Namespace, Attr: n.Attr}
		if err := html.Render(&b, shallow); err != nil {
			return ""
		}
		s := b.String()
		if i := strings.Index(s, "</"); i > 0 {
			s = s[:i]
		}
		return Shorten(strings.Join(strings.Fields(s), " "), SnippetMax)
	}
	if err := html.Render(&b, n); err != nil {
		return ""
	}
	return Shorten(strings.Join(strings.Fields(b.String()), " "), SnippetMax)
}

// axHasElementChild reports whether n has an element child.
func axHasElementChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// axAttr returns attribute name of n and whether it is present.
func axAttr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// axHas reports whether n has attribute name.
func axHas(n *html.Node, name string) bool {
	_, ok := axAttr(n, name)
	return ok
}

// axStyleHides reports whether the inline style of n hides it (display:none
// or visibility:hidden/collapse).
func axStyleHides(n *html.Node) bool {
	st, ok := axAttr(n, "style")
	if !ok {
		return false
	}
	st = strings.ToLower(strings.ReplaceAll(st, " ", ""))
	for _, decl := range strings.Split(st, ";") {
		decl = strings.TrimSuffix(decl, "!important")
		if decl == "display:none" || decl == "visibility:hidden" || decl == "visibility:collapse" {
			return true
		}
	}
	return false
}

// axSelfHidden reports whether n itself is not rendered, seen statically:
// the hidden attribute, an inline style that hides it, a hidden input, or an
// element that is never rendered.
func axSelfHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "head", "script", "style", "template", "noscript", "title", "meta", "link", "datalist":
		return true
	case "input":
		if strings.EqualFold(attr(n, "type"), "hidden") {
			return true
		}
	case "dialog":
		if !axHas(n, "open") {
			return true
		}
	}
	if v, ok := axAttr(n, "hidden"); ok && !strings.EqualFold(v, "until-found") {
		return true
	}
	return axStyleHides(n)
}

// axHidden reports whether n or an ancestor is not rendered (see
// axSelfHidden), or n lies in the closed part of a details element.
func axHidden(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if axSelfHidden(x) {
			return true
		}
		if x.Parent != nil && x.Parent.Type == html.ElementNode && x.Parent.Data == "details" &&
			!axHas(x.Parent, "open") && !axIsSummaryOf(x, x.Parent) {
			return true
		}
	}
	return false
}

// axIsSummaryOf reports whether n is the summary of details d.
func axIsSummaryOf(n, d *html.Node) bool {
	for c := d.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "summary" {
			return c == n
		}
	}
	return false
}

// axAriaHidden reports whether n or an ancestor has aria-hidden="true".
func axAriaHidden(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if v, _ := axAttr(x, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
			return true
		}
	}
	return false
}

// exposed reports whether element n is in the accessibility tree: not hidden
// statically, not under aria-hidden, and, when the browser's tree is there,
// present in it and not ignored.
func (d *axDoc) exposed(n *html.Node) bool {
	if axHidden(n) || axAriaHidden(n) {
		return false
	}
	if d.hasAX() {
		a := d.axNode(n)
		return a != nil && !a.Ignored
	}
	return true
}

// rendered reports whether n is rendered (it may still be aria-hidden).
func (d *axDoc) rendered(n *html.Node) bool {
	if axHidden(n) {
		return false
	}
	if d.hasAX() {
		return d.axNode(n) != nil
	}
	return true
}

// axDisabled reports whether a form control is disabled (itself or by a
// disabled fieldset it is in, outside that fieldset's first legend).
func axDisabled(n *html.Node) bool {
	switch n.Data {
	case "button", "input", "select", "textarea", "optgroup", "option", "fieldset":
	default:
		return false
	}
	if axHas(n, "disabled") {
		return true
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "fieldset" && axHas(x, "disabled") {
			return true
		}
	}
	return false
}

// axTabIndex returns the parsed tabindex of n and whether it has a valid one.
func axTabIndex(n *html.Node) (int, bool) {
	v, ok := axAttr(n, "tabindex")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, false
	}
	return i, true
}

// axInert reports whether n is in an inert subtree.
func axInert(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if axHas(x, "inert") {
			return true
		}
	}
	return false
}

// axNativelyFocusable reports whether n can take focus without tabindex.
func axNativelyFocusable(n *html.Node) bool {
	switch n.Data {
	case "a", "area":
		return axHas(n, "href")
	case "button", "select", "textarea":
		return !axDisabled(n)
	case "input":
		return !axDisabled(n) && !strings.EqualFold(attr(n, "type"), "hidden")
	case "iframe", "embed", "object":
		return n.Data == "iframe"
	case "audio", "video":
		return axHas(n, "controls")
	case "summary":
		return n.Parent != nil && n.Parent.Data == "details" && axIsSummaryOf(n, n.Parent)
	}
	if v, ok := axAttr(n, "contenteditable"); ok && !strings.EqualFold(v, "false") {
		return true
	}
	return false
}

// axFocusable reports whether n can take focus (by script or keyboard).
func axFocusable(n *html.Node) bool {
	if axInert(n) {
		return false
	}
	if _, ok := axTabIndex(n); ok {
		if axDisabled(n) {
			return false
		}
		return true
	}
	return axNativelyFocusable(n)
}

// axTabbable reports whether n is in the sequential focus order (Tab key).
func axTabbable(n *html.Node) bool {
	if axInert(n) || axDisabled(n) {
		return false
	}
	if t, ok := axTabIndex(n); ok {
		return t >= 0
	}
	return axNativelyFocusable(n)
}

// axCollapse joins whitespace runs into single spaces and trims.
func axCollapse(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// axTextOpts tune axVisibleText.
type axTextOpts struct {
	// skipAriaHidden leaves out aria-hidden subtrees.
	skipAriaHidden bool
}

// axVisibleText returns the rendered text of n: text nodes and image
// alternatives, leaving out hidden subtrees.
func axVisibleText(n *html.Node, o axTextOpts) string {
	var b strings.Builder
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
			return
		case html.ElementNode:
			if axSelfHidden(x) {
				return
			}
			if o.skipAriaHidden {
				if v, _ := axAttr(x, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
					return
				}
			}
			if axBlockTag[x.Data] {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
			if x.Data == "img" {
				b.WriteString(attr(x, "alt"))
				return
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return axCollapse(b.String())
}

// axBlockTag are elements rendered as blocks (or breaks): their text is
// separated from its neighbours.
var axBlockTag = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true,
	"li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true,
	"td": true, "th": true, "tr": true, "ul": true, "option": true, "caption": true, "legend": true,
}

// axIsHeadingTag reports whether tag is h1..h6 and returns its level.
func axIsHeadingTag(tag string) (int, bool) {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0'), true
	}
	return 0, false
}

// axInputType returns the lower-case type of an input element ("text" when
// absent or unknown).
func axInputType(n *html.Node) string {
	t := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	switch t {
	case "button", "checkbox", "color", "date", "datetime-local", "email", "file", "hidden", "image",
		"month", "number", "password", "radio", "range", "reset", "search", "submit", "tel", "text",
		"time", "url", "week":
		return t
	}
	return "text"
}
