package checks

import (
	"strings"

	"golang.org/x/net/html"
)

// This file computes roles and accessible names statically, following
// WAI-ARIA 1.2, HTML-AAM and accname 1.2 closely enough for the checks. When
// the page has Chromium's accessibility tree the checks use its computed
// name instead (axDoc.name).

// axExplicitRole returns the first valid token of n's role attribute.
func axExplicitRole(n *html.Node) (string, bool) {
	v, ok := axAttr(n, "role")
	if !ok {
		return "", false
	}
	for _, tok := range strings.Fields(strings.ToLower(v)) {
		if _, ok := roleLookup(tok); ok {
			return tok, true
		}
	}
	return "", false
}

// axHasGlobalARIA reports whether n has a global ARIA state or property that
// makes a presentational role be ignored (ARIA 1.2, presentational role
// conflict resolution).
func axHasGlobalARIA(n *html.Node) bool {
	for _, a := range n.Attr {
		if !strings.HasPrefix(a.Key, "aria-") {
			continue
		}
		switch a.Key {
		case "aria-hidden", "aria-braillelabel", "aria-brailleroledescription", "aria-roledescription":
			continue
		}
		if d, ok := ariaAttrs[a.Key]; ok && d.global {
			return true
		}
	}
	return false
}

// role returns the computed role of n: its explicit role (ignoring none or
// presentation when the element is focusable or has global ARIA
// attributes), else its implicit role; "" when it has none.
func (d *axDoc) role(n *html.Node) string {
	if r, ok := axExplicitRole(n); ok {
		if (r == "none" || r == "presentation") && (axFocusable(n) || axHasGlobalARIA(n)) {
			return axImplicitRole(n)
		}
		return r
	}
	return axImplicitRole(n)
}

// axImplicitRole returns the role an HTML element has without a role
// attribute ("" when it has none, "generic" for div and span): from
// axFixedRoles, or from axRoleRules for elements whose role depends on their
// attributes or place (HTML-AAM).
func axImplicitRole(n *html.Node) string {
	if n.Namespace == "svg" {
		if n.Data == "svg" {
			return "graphics-document"
		}
		return ""
	}
	if _, ok := axIsHeadingTag(n.Data); ok {
		return "heading"
	}
	if rule, ok := axRoleRules[n.Data]; ok {
		return rule(n)
	}
	return axFixedRoles[n.Data]
}

// axFixedRoles are the implicit roles of elements that always have the same
// one, by tag.
var axFixedRoles = func() map[string]string {
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

// axRoleRules give the implicit role of elements whose role depends on
// their attributes or where they are.
var axRoleRules = map[string]func(n *html.Node) string{
	"a":    axLinkRole,
	"area": axLinkRole,
	"footer": func(n *html.Node) string {
		return axUnlessSectioned(n, "contentinfo")
	},
	"header": func(n *html.Node) string {
		return axUnlessSectioned(n, "banner")
	},
	"img": func(n *html.Node) string {
		if v, ok := axAttr(n, "alt"); ok && v == "" {
			return "presentation"
		}
		return "img"
	},
	"input": axInputRole,
	// HTML-AAM: a list item only inside a list; in a ul with another role
	// (menubar, tablist) it is generic.
	"li": func(n *html.Node) string {
		if par := n.Parent; par != nil && par.Type == html.ElementNode {
			switch par.Data {
			case "ul", "ol", "menu":
				if r, ok := axExplicitRole(par); !ok || r == "list" {
					return "listitem"
				}
			}
		}
		return "generic"
	},
	"select": func(n *html.Node) string {
		if axHas(n, "multiple") {
			return "listbox"
		}
		if sz, ok := axAttr(n, "size"); ok && strings.TrimSpace(sz) != "" && strings.TrimSpace(sz) != "0" && strings.TrimSpace(sz) != "1" {
			return "listbox"
		}
		return "combobox"
	},
	"th": func(n *html.Node) string {
		if strings.EqualFold(attr(n, "scope"), "row") {
			return "rowheader"
		}
		return "columnheader"
	},
}

// axLinkRole is the role of a and area: a link with an href.
func axLinkRole(n *html.Node) string {
	if axHas(n, "href") {
		return "link"
	}
	return "generic"
}

// axUnlessSectioned is the role of header and footer: a landmark, unless
// inside a sectioning element.
func axUnlessSectioned(n *html.Node, landmark string) string {
	if axInSectioning(n) {
		return "generic"
	}
	return landmark
}

// axInputRole is the implicit role of an input element.
func axInputRole(n *html.Node) string {
	switch axInputType(n) {
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
		if axHas(n, "list") {
			return "combobox"
		}
		return "searchbox"
	case "email", "tel", "text", "url":
		if axHas(n, "list") {
			return "combobox"
		}
		return "textbox"
	}
	return ""
}

// axInSectioning reports whether n lies inside article, aside, main, nav or
// section (then header and footer are not landmarks).
func axInSectioning(n *html.Node) bool {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		switch x.Data {
		case "article", "aside", "main", "nav", "section":
			return true
		}
		if r, ok := axExplicitRole(x); ok {
			switch r {
			case "article", "complementary", "main", "navigation", "region":
				return true
			}
		}
	}
	return false
}

// name returns the accessible name of n: Chromium's when the page has the
// accessibility tree and n is in it, else the static computation. When
// Chromium's name is empty but the element holds rendered text or text
// alternatives, the static name is returned: an empty name is only
// reported when both agree (Chromium leaves some content out, such as a
// figure inside a link).
func (d *axDoc) name(n *html.Node) string {
	if a := d.axNode(n); a != nil {
		if s := axCollapse(a.Name); s != "" {
			return s
		}
	}
	return d.staticName(n)
}

// notRendered reports whether the browser's tree is there and has no node
// for element n: CSS keeps it from rendering (display: none).
func (d *axDoc) notRendered(n *html.Node) bool {
	return d.hasAX() && n.Type == html.ElementNode && d.axNode(n) == nil
}

// axNameCtx carries the state of one name computation.
type axNameCtx struct {
	visited      map[*html.Node]bool
	inLabelledby bool
	showHidden   bool
}

// staticName computes the accessible name of n from the DOM.
func (d *axDoc) staticName(n *html.Node) string {
	c := &axNameCtx{visited: map[*html.Node]bool{}}
	return axCollapse(d.nameOf(n, c, true))
}

// nameOf implements the steps of accname for node n.
func (d *axDoc) nameOf(n *html.Node, c *axNameCtx, root bool) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	if n.Type != html.ElementNode || c.visited[n] {
		return ""
	}
	c.visited[n] = true
	if !root && !c.showHidden && (axSelfHidden(n) || axAriaHiddenSelf(n) || d.notRendered(n)) {
		return ""
	}
	if !c.inLabelledby {
		if s := d.labelledbyName(n, c); s != "" {
			return s
		}
	}
	if v := strings.TrimSpace(attr(n, "aria-label")); v != "" {
		return v
	}
	role := d.role(n)
	if role != "none" && role != "presentation" {
		if s := strings.TrimSpace(d.nativeName(n, c, root)); s != "" {
			return s
		}
	}
	ri, _ := roleLookup(baseRole(role))
	if !root || ri.fromContent || c.inLabelledby {
		if !(root && axIsControl(n)) {
			if s := strings.TrimSpace(d.contentName(n, c)); s != "" {
				return s
			}
		}
	}
	return strings.TrimSpace(attr(n, "title"))
}

// axAriaHiddenSelf reports whether n itself has aria-hidden="true".
func axAriaHiddenSelf(n *html.Node) bool {
	v, _ := axAttr(n, "aria-hidden")
	return strings.EqualFold(strings.TrimSpace(v), "true")
}

// axIsControl reports whether n is a form control whose name never comes
// from its content.
func axIsControl(n *html.Node) bool {
	switch n.Data {
	case "input", "select", "textarea":
		return true
	}
	return false
}

// labelledbyName is the text of the elements aria-labelledby points at.
func (d *axDoc) labelledbyName(n *html.Node, c *axNameCtx) string {
	v, ok := axAttr(n, "aria-labelledby")
	if !ok {
		return ""
	}
	var parts []string
	for _, id := range strings.Fields(v) {
		t := d.byID(id)
		if t == nil {
			continue
		}
		sub := &axNameCtx{visited: map[*html.Node]bool{}, inLabelledby: true, showHidden: c.showHidden || axHidden(t) || axAriaHidden(t)}
		parts = append(parts, axCollapse(d.nameOf(t, sub, false)))
	}
	return axCollapse(strings.Join(parts, " "))
}

// nativeName is the name an element gets from its host language: alt,
// labels, value, legend, caption, svg title.
func (d *axDoc) nativeName(n *html.Node, c *axNameCtx, root bool) string {
	if n.Namespace == "svg" {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && ch.Data == "title" {
				return axCollapse(axRawText(ch))
			}
		}
		return ""
	}
	switch n.Data {
	case "img", "area":
		return attr(n, "alt")
	case "input":
		switch t := axInputType(n); t {
		case "image":
			return attr(n, "alt")
		case "button", "submit", "reset":
			if v, ok := axAttr(n, "value"); ok {
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
				return attr(n, "value")
			}
			if s := d.labelName(n, c); s != "" {
				return s
			}
			if s := attr(n, "title"); strings.TrimSpace(s) != "" {
				return s
			}
			return attr(n, "placeholder")
		}
	case "select", "textarea", "meter", "progress", "output":
		if !root && n.Data == "select" {
			return axSelectedOption(n)
		}
		if s := d.labelName(n, c); s != "" {
			return s
		}
		if s := attr(n, "title"); strings.TrimSpace(s) != "" {
			return s
		}
		if n.Data == "textarea" {
			return attr(n, "placeholder")
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
		return attr(n, "title")
	}
	return ""
}

// axSelectedOption is the text of a select's selected (or first) option.
func axSelectedOption(n *html.Node) string {
	var first, sel *html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "option" {
				if first == nil {
					first = c
				}
				if sel == nil && axHas(c, "selected") {
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
	return axCollapse(axRawText(sel))
}

// firstChildText names n by its first child element tag (legend, caption).
func (d *axDoc) firstChildText(n *html.Node, tag string, c *axNameCtx) string {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.Data == tag {
			return d.contentName(ch, c)
		}
	}
	return ""
}

// labelName is the text of the label elements of a labelable control.
func (d *axDoc) labelName(n *html.Node, c *axNameCtx) string {
	var parts []string
	if id := attr(n, "id"); id != "" {
		for _, l := range d.labelsFor(id) {
			parts = append(parts, d.contentName(l, c))
		}
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "label" {
			if f, ok := axAttr(x, "for"); !ok || f == attr(n, "id") {
				if !c.visited[x] {
					parts = append(parts, d.contentName(x, c))
				}
			}
			break
		}
	}
	return axCollapse(strings.Join(parts, " "))
}

// labelsFor returns the label elements whose for attribute is id.
func (d *axDoc) labelsFor(id string) []*html.Node {
	d.labelsOnce.Do(func() {
		d.labels = map[string][]*html.Node{}
		for _, e := range d.elems {
			if e.Data == "label" {
				if f, ok := axAttr(e, "for"); ok {
					d.labels[f] = append(d.labels[f], e)
				}
			}
		}
	})
	return d.labels[id]
}

// contentName is the name n gets from its content (accname step 2F).
func (d *axDoc) contentName(n *html.Node, c *axNameCtx) string {
	c.visited[n] = true
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode {
			b.WriteString(ch.Data)
			continue
		}
		if ch.Type != html.ElementNode {
			continue
		}
		block := axBlockTag[ch.Data] && !axInlineStyle(ch)
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

// axInlineStyle reports whether n's inline style makes it display inline.
func axInlineStyle(n *html.Node) bool {
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:inline")
}

// axRawText is all text below n.
func axRawText(n *html.Node) string {
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
