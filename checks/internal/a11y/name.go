package a11y

import (
	"strings"

	"golang.org/x/net/html"
)

// This file computes roles and accessible names statically, following
// WAI-ARIA 1.2, HTML-AAM and accname 1.2 closely enough for the checks. When
// the page has Chromium's accessibility tree the checks use its computed
// Name instead (Doc.name).

// ExplicitRole returns the first valid token of n's role attribute.
func ExplicitRole(n *html.Node) (string, bool) {
	v, ok := Attr(n, "role")
	if !ok {
		return "", false
	}
	for _, tok := range strings.Fields(strings.ToLower(v)) {
		if _, ok := RoleLookup(tok); ok {
			return tok, true
		}
	}
	return "", false
}

// HasGlobalARIA reports whether n has a global ARIA state or property that
// makes a presentational role be ignored (ARIA 1.2, presentational role
// conflict resolution).
func HasGlobalARIA(n *html.Node) bool {
	for _, a := range n.Attr {
		if !strings.HasPrefix(a.Key, "aria-") {
			continue
		}
		switch a.Key {
		case "aria-hidden", "aria-braillelabel", "aria-brailleroledescription", "aria-roledescription":
			continue
		}
		if d, ok := Attrs[a.Key]; ok && d.Global {
			return true
		}
	}
	return false
}

// Role returns the computed role of n: its explicit role (ignoring none or
// presentation when the element is focusable or has global ARIA
// attributes), else its implicit role; "" when it has none.
func (d *Doc) Role(n *html.Node) string {
	if r, ok := ExplicitRole(n); ok {
		if (r == "none" || r == "presentation") && (Focusable(n) || HasGlobalARIA(n)) {
			return ImplicitRole(n)
		}
		return r
	}
	return ImplicitRole(n)
}

// ImplicitRole returns the role an HTML element has without a role
// attribute ("" when it has none, "generic" for div and span): from
// fixedRoles, or from roleRules for elements whose role depends on their
// attributes or place (HTML-AAM).
func ImplicitRole(n *html.Node) string {
	if n.Namespace == "svg" {
		if n.Data == "svg" {
			return "graphics-document"
		}
		return ""
	}
	if _, ok := IsHeadingTag(n.Data); ok {
		return "heading"
	}
	if rule, ok := roleRules[n.Data]; ok {
		return rule(n)
	}
	return fixedRoles[n.Data]
}

// fixedRoles are the implicit roles of elements that always have the same
// one, by tag.
var fixedRoles = func() map[string]string {
	m := map[string]string{}
	for role, tags := range map[string]string{
		"article": "article", "complementary": "aside", "blockquote": "blockquote", "button": "button summary",
		"caption": "caption", "code": "code", "listbox": "datalist", "deletion": "del s",
		"group": "details fieldset optgroup address hgroup", "term": "dfn", "dialog": "dialog",
		"generic": "div span b i u small bdi bdo data q samp pre body", "emphasis": "em", "figure": "figure",
		"form": "form", "separator": "hr", "insertion": "ins", "main": "main", "mark": "mark", "math": "math",
		"list": "menu ol ul", "meter": "meter", "navigation": "nav", "option": "option", "status": "output",
		"paragraph": "p", "progressbar": "progress", "search": "search", "region": "section", "strong": "strong",
		"subscript": "sub", "superscript": "sup", "table": "table", "rowgroup": "tbody thead tfoot",
		"cell": "td", "textbox": "textarea", "time": "time", "row": "tr",
	} {
		for _, tag := range strings.Fields(tags) {
			m[tag] = role
		}
	}
	return m
}()

// roleRules give the implicit role of elements whose role depends on
// their attributes or where they are.
var roleRules = map[string]func(n *html.Node) string{
	"a":    linkRole,
	"area": linkRole,
	"footer": func(n *html.Node) string {
		return unlessSectioned(n, "contentinfo")
	},
	"header": func(n *html.Node) string {
		return unlessSectioned(n, "banner")
	},
	"img": func(n *html.Node) string {
		if v, ok := Attr(n, "alt"); ok && v == "" {
			return "presentation"
		}
		return "img"
	},
	"input": InputRole,
	// HTML-AAM: a list item only inside a list; in a ul with another role
	// (menubar, tablist) it is generic.
	"li": func(n *html.Node) string {
		if par := n.Parent; par != nil && par.Type == html.ElementNode {
			switch par.Data {
			case "ul", "ol", "menu":
				if r, ok := ExplicitRole(par); !ok || r == "list" {
					return "listitem"
				}
			}
		}
		return "generic"
	},
	"select": func(n *html.Node) string {
		if Has(n, "multiple") {
			return "listbox"
		}
		if sz, ok := Attr(n, "size"); ok && strings.TrimSpace(sz) != "" && strings.TrimSpace(sz) != "0" && strings.TrimSpace(sz) != "1" {
			return "listbox"
		}
		return "combobox"
	},
	"th": func(n *html.Node) string {
		if strings.EqualFold(Value(n, "scope"), "row") {
			return "rowheader"
		}
		return "columnheader"
	},
}

// linkRole is the role of a and area: a link with an href.
func linkRole(n *html.Node) string {
	if Has(n, "href") {
		return "link"
	}
	return "generic"
}

// unlessSectioned is the role of header and footer: a landmark, unless
// inside a sectioning element.
func unlessSectioned(n *html.Node, landmark string) string {
	if InSectioning(n) {
		return "generic"
	}
	return landmark
}

// InputRole is the implicit role of an input element.
func InputRole(n *html.Node) string {
	switch InputType(n) {
	case "button", "image", "reset", "submit":
		return "button"
	case "checkbox":
		return "checkbox"
	case "radio":
		return "radio"
	case "range":
		return "slider"
	case "number":
		return "spinbutton"
	case "search":
		if Has(n, "list") {
			return "combobox"
		}
		return "searchbox"
	case "email", "tel", "text", "url":
		if Has(n, "list") {
			return "combobox"
		}
		return "textbox"
	}
	return ""
}

// InSectioning reports whether n lies inside article, aside, main, nav or
// section (then header and footer are not landmarks).
func InSectioning(n *html.Node) bool {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		switch x.Data {
		case "article", "aside", "main", "nav", "section":
			return true
		}
		if r, ok := ExplicitRole(x); ok {
			switch r {
			case "article", "complementary", "main", "navigation", "region":
				return true
			}
		}
	}
	return false
}

// Name returns the accessible name of n: Chromium's when the page has the
// accessibility tree and n is in it, else the static computation. When
// Chromium's name is empty but the element holds rendered text or text
// alternatives, the static name is returned: an empty name is only
// reported when both agree (Chromium leaves some content out, such as a
// figure inside a link).
func (d *Doc) Name(n *html.Node) string {
	if a := d.AXNode(n); a != nil {
		if s := Collapse(a.Name); s != "" {
			return s
		}
	}
	return d.StaticName(n)
}

// NotRendered reports whether the browser's tree is there and has no node
// for element n: CSS keeps it from rendering (display: none).
func (d *Doc) NotRendered(n *html.Node) bool {
	return d.HasAX() && n.Type == html.ElementNode && d.AXNode(n) == nil
}

// NameCtx carries the state of one name computation.
type NameCtx struct {
	Visited      map[*html.Node]bool
	InLabelledby bool
	ShowHidden   bool
}

// StaticName computes the accessible name of n from the DOM.
func (d *Doc) StaticName(n *html.Node) string {
	c := &NameCtx{Visited: map[*html.Node]bool{}}
	return Collapse(d.nameOf(n, c, true))
}

// nameOf implements the steps of accname for node n.
func (d *Doc) nameOf(n *html.Node, c *NameCtx, root bool) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if n.Type != html.ElementNode || c.Visited[n] {
		return ""
	}
	c.Visited[n] = true
	if !root && !c.ShowHidden && (SelfHidden(n) || AriaHiddenSelf(n) || d.NotRendered(n)) {
		return ""
	}
	if !c.InLabelledby {
		if s := d.LabelledbyName(n, c); s != "" {
			return s
		}
	}
	if v := strings.TrimSpace(Value(n, "aria-label")); v != "" {
		return v
	}
	role := d.Role(n)
	if role != "none" && role != "presentation" {
		if s := strings.TrimSpace(d.nativeName(n, c, root)); s != "" {
			return s
		}
	}
	ri, _ := RoleLookup(BaseRole(role))
	if !root || ri.FromContent || c.InLabelledby {
		if !(root && IsControl(n)) {
			if s := strings.TrimSpace(d.contentName(n, c)); s != "" {
				return s
			}
		}
	}
	return strings.TrimSpace(Value(n, "title"))
}

// AriaHiddenSelf reports whether n itself has aria-hidden="true".
func AriaHiddenSelf(n *html.Node) bool {
	v, _ := Attr(n, "aria-hidden")
	return strings.EqualFold(strings.TrimSpace(v), "true")
}

// IsControl reports whether n is a form control whose name never comes
// from its content.
func IsControl(n *html.Node) bool {
	switch n.Data {
	case "input", "select", "textarea":
		return true
	}
	return false
}

// LabelledbyName is the text of the elements aria-labelledby points at.
func (d *Doc) LabelledbyName(n *html.Node, c *NameCtx) string {
	v, ok := Attr(n, "aria-labelledby")
	if !ok {
		return ""
	}
	var parts []string
	for _, id := range strings.Fields(v) {
		t := d.ByID(id)
		if t == nil {
			continue
		}
		sub := &NameCtx{Visited: map[*html.Node]bool{}, InLabelledby: true, ShowHidden: c.ShowHidden || Hidden(t) || AriaHidden(t)}
		parts = append(parts, Collapse(d.nameOf(t, sub, false)))
	}
	return Collapse(strings.Join(parts, " "))
}

// nativeName is the name an element gets from its host language: alt,
// labels, value, legend, caption, svg title.
func (d *Doc) nativeName(n *html.Node, c *NameCtx, root bool) string {
	if n.Namespace == "svg" {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.Data == "title" {
				return Collapse(RawText(ch))
			}
		}
		return ""
	}
	switch n.Data {
	case "img", "area":
		return Value(n, "alt")
	case "input":
		switch t := InputType(n); t {
		case "image":
			return Value(n, "alt")
		case "button", "submit", "reset":
			if v, ok := Attr(n, "value"); ok {
				return v
			}
			if t == "submit" {
				return "Submit"
			}
			if t == "reset" {
				return "Reset"
			}
			return ""
		default:
			if !root {
				return Value(n, "value")
			}
			if s := d.labelName(n, c); s != "" {
				return s
			}
			if s := Value(n, "title"); strings.TrimSpace(s) != "" {
				return s
			}
			return Value(n, "placeholder")
		}
	case "select", "textarea", "meter", "progress", "output":
		if !root && n.Data == "select" {
			return SelectedOption(n)
		}
		if s := d.labelName(n, c); s != "" {
			return s
		}
		if s := Value(n, "title"); strings.TrimSpace(s) != "" {
			return s
		}
		if n.Data == "textarea" {
			return Value(n, "placeholder")
		}
	case "button":
		if s := d.labelName(n, c); s != "" {
			return s
		}
	case "fieldset":
		return d.firstChildText(n, "legend", c)
	case "table":
		return d.firstChildText(n, "caption", c)
	case "figure":
		return d.firstChildText(n, "figcaption", c)
	case "iframe", "frame":
		return Value(n, "title")
	}
	return ""
}

// SelectedOption is the text of a select's selected (or first) option.
func SelectedOption(n *html.Node) string {
	var first, sel *html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "option" {
				if first == nil {
					first = c
				}
				if sel == nil && Has(c, "selected") {
					sel = c
				}
			}
			walk(c)
		}
	}
	walk(n)
	if sel == nil {
		sel = first
	}
	if sel == nil {
		return ""
	}
	return Collapse(RawText(sel))
}

// firstChildText names n by its first child element tag (legend, caption).
func (d *Doc) firstChildText(n *html.Node, tag string, c *NameCtx) string {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.Data == tag {
			return d.contentName(ch, c)
		}
	}
	return ""
}

// labelName is the text of the label elements of a labelable control.
func (d *Doc) labelName(n *html.Node, c *NameCtx) string {
	var parts []string
	if id := Value(n, "id"); id != "" {
		for _, l := range d.LabelsFor(id) {
			parts = append(parts, d.contentName(l, c))
		}
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "label" {
			if f, ok := Attr(x, "for"); !ok || f == Value(n, "id") {
				if !c.Visited[x] {
					parts = append(parts, d.contentName(x, c))
				}
			}
			break
		}
	}
	return Collapse(strings.Join(parts, " "))
}

// LabelsFor returns the label elements whose for attribute is id.
func (d *Doc) LabelsFor(id string) []*html.Node {
	d.labelsOnce.Do(func() {
		d.labels = map[string][]*html.Node{}
		for _, e := range d.Elems {
			if e.Data == "label" {
				if f, ok := Attr(e, "for"); ok {
					d.labels[f] = append(d.labels[f], e)
				}
			}
		}
	})
	return d.labels[id]
}

// contentName is the name n gets from its content (accname step 2F).
func (d *Doc) contentName(n *html.Node, c *NameCtx) string {
	c.Visited[n] = true
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			b.WriteString(ch.Data)
			continue
		}
		if ch.Type != html.ElementNode {
			continue
		}
		block := BlockTag[ch.Data] && !InlineStyle(ch)
		if block {
			b.WriteByte(' ')
		}
		b.WriteString(d.nameOf(ch, c, false))
		if block {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// InlineStyle reports whether n's inline style makes it display inline.
func InlineStyle(n *html.Node) bool {
	st := strings.ToLower(strings.ReplaceAll(Value(n, "style"), " ", ""))
	return strings.Contains(st, "display:inline")
}

// RawText is all text below n.
func RawText(n *html.Node) string {
	var b strings.Builder
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// HasRawText reports whether RawText(n) holds more than white space,
// without building it: it stops at the first text node that does.
func HasRawText(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) != ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if HasRawText(c) {
			return true
		}
	}
	return false
}
