// Package a11y is the accessibility engine of the checks: a page's DOM
// indexed once (elements, ids, aria-owns, Chromium's accessibility tree by
// selector), roles (explicit and implicit, from a table), accessible names
// (accname), visibility and focus, and the WAI-ARIA 1.2 data. Checks build
// one Doc per page (checks.Page.AX) and share it; a Doc is safe for
// concurrent use.
package a11y

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/didi-index/didi/checks/internal/text"
	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Doc is a page's DOM prepared for the accessible checks: the element
// index by id, the owners of aria-owns, and Chromium's accessibility tree by
// selector when the browser gathered it. It is built in one walk of the DOM.
type Doc struct {
	doc   *goquery.Document
	Root  *html.Node
	HTML  *html.Node
	Body  *html.Node
	IDs   map[string][]*html.Node
	Owner map[*html.Node]*html.Node
	// Elems lists every element in document order.
	Elems []*html.Node
	// hasAX is true when the page has Chromium's accessibility tree, and
	// axNodes holds its node for each element (see indexAX).
	hasAX   bool
	axNodes map[*html.Node]*snapshot.AXNode
	// labels holds label elements by their for attribute, built on demand.
	labels     map[string][]*html.Node
	labelsOnce sync.Once
	// sels memoises sel by element.
	sels sync.Map
}

// New indexes the parsed page doc, with tree, Chromium's accessibility tree
// of it (nil without a browser).
func New(doc *goquery.Document, tree []snapshot.AXNode) *Doc {
	d := &Doc{doc: doc, IDs: map[string][]*html.Node{}}
	if d.doc.Length() > 0 {
		d.Root = d.doc.Get(0)
	}
	if d.Root != nil {
		// The document's elements, listed once for the checks' selectors
		// and this index (shared: never appended to).
		d.Elems = slices.Clip(ElementsOf(d.Root).All)
	}
	for _, c := range d.Elems {
		switch c.Data {
		case "html":
			if d.HTML == nil {
				d.HTML = c
			}
		case "body":
			if d.Body == nil {
				d.Body = c
			}
		}
		if id := Value(c, "id"); id != "" {
			d.IDs[id] = append(d.IDs[id], c)
		}
	}
	d.indexOwns()
	if len(tree) > 0 {
		d.hasAX = true
		d.indexAX(tree) // the first node for a selector is the element's own node
	}
	return d
}

// indexOwns records, for each element named in an aria-owns, its owner.
func (d *Doc) indexOwns() {
	for _, n := range d.Elems {
		v, ok := Attr(n, "aria-owns")
		if !ok {
			continue
		}
		for _, id := range strings.Fields(v) {
			if t := d.ByID(id); t != nil && t != n {
				if d.Owner == nil {
					d.Owner = map[*html.Node]*html.Node{}
				}
				if _, dup := d.Owner[t]; !dup {
					d.Owner[t] = n
				}
			}
		}
	}
}

// ByID returns the first element with id, or nil.
func (d *Doc) ByID(id string) *html.Node {
	if l := d.IDs[id]; len(l) > 0 {
		return l[0]
	}
	return nil
}

// HasAX reports whether the page has Chromium's accessibility tree.
func (d *Doc) HasAX() bool { return d.hasAX }

// AXNode returns the accessibility tree node of element n, or nil.
func (d *Doc) AXNode(n *html.Node) *snapshot.AXNode {
	return d.axNodes[n]
}

// Sel returns the selector of n in the format of Selector (dom.go): the
// same string as checks.Selector, using the id index, and memoised per element
// so that the selectors of a page's elements are built from their parents'.
func (d *Doc) Sel(n *html.Node) string {
	if n == nil || n.Type != html.ElementNode {
		return ""
	}
	if v, ok := d.sels.Load(n); ok {
		return v.(string)
	}
	var s string
	switch id := Value(n, "id"); {
	case id != "" && SimpleIdent(id) && len(d.IDs[id]) == 1:
		s = "#" + id
	case n.Data == "html":
		s = "html"
	default:
		step := n.Data
		if n.Data != "body" && n.Data != "head" {
			step += ":nth-of-type(" + strconv.Itoa(NthOfType(n)) + ")"
		}
		if up := d.Sel(n.Parent); up != "" {
			step = up + " > " + step
		}
		s = step
	}
	d.sels.Store(n, s)
	return s
}

// Resolve finds the element a selector in the format of Selector points at,
// or nil. It accepts "#id", "html", "head", "body" and "tag:nth-of-type(k)"
// steps joined by " > ".
func (d *Doc) Resolve(selector string) *html.Node {
	var cur *html.Node
	for i, step := range strings.Split(selector, " > ") {
		step = strings.TrimSpace(step)
		switch {
		case strings.HasPrefix(step, "#"):
			if i != 0 {
				return nil
			}
			cur = d.ByID(step[1:])
		case step == "html" && i == 0:
			cur = d.HTML
		case i == 0:
			return nil
		default:
			cur = NthChild(cur, step)
		}
		if cur == nil {
			return nil
		}
	}
	return cur
}

// NthChild returns the child of parent matching "tag:nth-of-type(k)" or a
// bare tag name (the first of its type).
func NthChild(parent *html.Node, step string) *html.Node {
	tag, k := step, 1
	if i := strings.Index(step, ":nth-of-type("); i > 0 && strings.HasSuffix(step, ")") {
		tag = step[:i]
		v, err := strconv.Atoi(step[i+len(":nth-of-type(") : len(step)-1])
		if err != nil {
			return nil
		}
		k = v
	}
	if k < 1 {
		return nil
	}
	c, steps := parent.FirstChild, 0
	for ; c != nil && steps < memoMinSiblings; c, steps = c.NextSibling, steps+1 {
		if c.Type == html.ElementNode && c.Data == tag {
			if k--; k == 0 {
				return c
			}
		}
	}
	if c == nil {
		return nil
	}
	return domMemo.doc(parent).child(c, tag, k)
}

// HasElementChild reports whether n has an element child.
func HasElementChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// Attr returns attribute name of n and whether it is present.
func Attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// Has reports whether n has attribute name.
func Has(n *html.Node, name string) bool {
	_, ok := Attr(n, name)
	return ok
}

// StyleHides reports whether the inline style of n hides it (display:none
// or visibility:hidden/collapse).
func StyleHides(n *html.Node) bool {
	st, ok := Attr(n, "style")
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

// SelfHidden reports whether n itself is not rendered, seen statically:
// the hidden attribute, an inline style that hides it, a hidden input, or an
// element that is never rendered.
func SelfHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "head", "script", "style", "template", "noscript", "title", "meta", "link", "datalist":
		return true
	case "input":
		if strings.EqualFold(Value(n, "type"), "hidden") {
			return true
		}
	case "dialog":
		if !Has(n, "open") {
			return true
		}
	}
	if v, ok := Attr(n, "hidden"); ok && !strings.EqualFold(v, "until-found") {
		return true
	}
	return StyleHides(n)
}

// Hidden reports whether n or an ancestor is not rendered (see
// SelfHidden), or n lies in the closed part of a details element.
func Hidden(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if SelfHidden(x) {
			return true
		}
		if x.Parent != nil && x.Parent.Type == html.ElementNode && x.Parent.Data == "details" &&
			!Has(x.Parent, "open") && !IsSummaryOf(x, x.Parent) {
			return true
		}
	}
	return false
}

// IsSummaryOf reports whether n is the summary of details d.
func IsSummaryOf(n, d *html.Node) bool {
	for c := d.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "summary" {
			return c == n
		}
	}
	return false
}

// AriaHidden reports whether n or an ancestor has aria-hidden="true".
func AriaHidden(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if v, _ := Attr(x, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
			return true
		}
	}
	return false
}

// Exposed reports whether element n is in the accessibility tree: not hidden
// statically, not under aria-hidden, and, when the browser's tree is there,
// present in it and not ignored.
func (d *Doc) Exposed(n *html.Node) bool {
	if Hidden(n) || AriaHidden(n) {
		return false
	}
	if d.HasAX() {
		a := d.AXNode(n)
		return a != nil && !a.Ignored
	}
	return true
}

// Rendered reports whether n is rendered (it may still be aria-hidden).
func (d *Doc) Rendered(n *html.Node) bool {
	if Hidden(n) {
		return false
	}
	if d.HasAX() {
		return d.AXNode(n) != nil
	}
	return true
}

// Disabled reports whether a form control is disabled (itself or by a
// disabled fieldset it is in, outside that fieldset's first legend).
func Disabled(n *html.Node) bool {
	switch n.Data {
	case "button", "input", "select", "textarea", "optgroup", "option", "fieldset":
	default:
		return false
	}
	if Has(n, "disabled") {
		return true
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "fieldset" && Has(x, "disabled") {
			return true
		}
	}
	return false
}

// TabIndex returns the parsed tabindex of n and whether it has a valid one.
func TabIndex(n *html.Node) (int, bool) {
	v, ok := Attr(n, "tabindex")
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return 0, false
	}
	return i, true
}

// Inert reports whether n is in an inert subtree.
func Inert(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if Has(x, "inert") {
			return true
		}
	}
	return false
}

// NativelyFocusable reports whether n can take focus without tabindex.
func NativelyFocusable(n *html.Node) bool {
	switch n.Data {
	case "a", "area":
		return Has(n, "href")
	case "button", "select", "textarea":
		return !Disabled(n)
	case "input":
		return !Disabled(n) && !strings.EqualFold(Value(n, "type"), "hidden")
	case "iframe", "embed", "object":
		return n.Data == "iframe"
	case "audio", "video":
		return Has(n, "controls")
	case "summary":
		return n.Parent != nil && n.Parent.Data == "details" && IsSummaryOf(n, n.Parent)
	}
	if v, ok := Attr(n, "contenteditable"); ok && !strings.EqualFold(v, "false") {
		return true
	}
	return false
}

// Focusable reports whether n can take focus (by script or keyboard).
func Focusable(n *html.Node) bool {
	if Inert(n) {
		return false
	}
	if _, ok := TabIndex(n); ok {
		if Disabled(n) {
			return false
		}
		return true
	}
	return NativelyFocusable(n)
}

// Tabbable reports whether n is in the sequential focus order (Tab key).
func Tabbable(n *html.Node) bool {
	if Inert(n) || Disabled(n) {
		return false
	}
	if t, ok := TabIndex(n); ok {
		return t >= 0
	}
	return NativelyFocusable(n)
}

// Collapse joins whitespace runs into single spaces and trims.
func Collapse(s string) string { return text.Collapse(s) }

// TextOpts tune VisibleText.
type TextOpts struct {
	// SkipAriaHidden leaves out aria-hidden subtrees.
	SkipAriaHidden bool
}

// VisibleText returns the rendered text of n: text nodes and image
// alternatives, leaving out hidden subtrees.
func VisibleText(n *html.Node, o TextOpts) string {
	var b strings.Builder
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		switch x.Type {
		case html.TextNode:
			b.WriteString(x.Data)
			return
		case html.ElementNode:
			if SelfHidden(x) {
				return
			}
			if o.SkipAriaHidden {
				if v, _ := Attr(x, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
					return
				}
			}
			if BlockTag[x.Data] {
				b.WriteByte(' ')
				defer b.WriteByte(' ')
			}
			if x.Data == "img" {
				b.WriteString(Value(x, "alt"))
				return
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return Collapse(b.String())
}

// BlockTag are elements rendered as blocks (or breaks): their text is
// separated from its neighbours.
var BlockTag = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "dd": true, "div": true,
	"dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true,
	"li": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true,
	"td": true, "th": true, "tr": true, "ul": true, "option": true, "caption": true, "legend": true,
}

// IsHeadingTag reports whether tag is h1..h6 and returns its level.
func IsHeadingTag(tag string) (int, bool) {
	if len(tag) == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' {
		return int(tag[1] - '0'), true
	}
	return 0, false
}

// InputType returns the lower-case type of an input element ("text" when
// absent or unknown).
func InputType(n *html.Node) string {
	t := strings.ToLower(strings.TrimSpace(Value(n, "type")))
	switch t {
	case "button", "checkbox", "color", "date", "datetime-local", "email", "file", "hidden", "image",
		"month", "number", "password", "radio", "range", "reset", "search", "submit", "tel", "text",
		"time", "url", "week":
		return t
	}
	return "text"
}

// Value is the value of n's attribute name in any namespace ("" when
// absent).
func Value(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// SimpleIdent reports whether id can be written #id in a selector without
// escaping, and is short enough to use there (MaxIDInSelector).
func SimpleIdent(id string) bool {
	if id == "" || len(id) > MaxIDInSelector || (id[0] >= '0' && id[0] <= '9') || id[0] == '-' {
		return false
	}
	for _, r := range id {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
