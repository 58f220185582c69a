package checks

import (
	"math"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/checks/internal/rx"

	"golang.org/x/net/html"
)

// This file holds the accessible checks about WAI-ARIA: valid roles,
// attributes and values, attributes the role allows or requires, required
// context and owned elements, focusable content under aria-hidden, and
// duplicate ids that ARIA and labels point at.

// inTree reports whether n is rendered and not aria-hidden (Chromium may
// still mark a plain generic element "ignored"; it is in the tree for ARIA).
func (d *axDoc) inTree(n *html.Node) bool { return d.exposedOrIgnored(n) }

// ariaRoleValid fails for elements whose role attribute holds no valid,
// concrete WAI-ARIA role.
func ariaRoleValid(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		v, ok := a11y.Attr(n, "role")
		if !ok || strings.TrimSpace(v) == "" || !d.inTree(n) {
			continue
		}
		applicable = true
		if _, valid := a11y.ExplicitRole(n); !valid && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "role", strings.TrimSpace(v)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// ariaAttrValid fails for aria-* attributes that WAI-ARIA does not define
// (a typo such as aria-labeledby).
func ariaAttrValid(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		for _, a := range n.Attr {
			if !strings.HasPrefix(a.Key, "aria-") || a.Namespace != "" {
				continue
			}
			applicable = true
			if _, ok := a11y.Attrs[a.Key]; !ok && len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, "fail", "attr", a.Key))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

var axIntRE = rx.MustCompile(`^[-+]?[0-9]+$`)

// axValueOK reports whether value is valid for an attribute of type def.
// ID references are not checked (an id may be added later by a script).
func axValueOK(def a11y.AttrInfo, value string) bool {
	v := strings.ToLower(strings.TrimSpace(value))
	switch def.Typ {
	case a11y.TypeBool:
		return v == "true" || v == "false"
	case a11y.TypeTristate:
		return v == "true" || v == "false" || v == "mixed" || v == "undefined"
	case a11y.TypeTrueFalseU:
		return v == "true" || v == "false" || v == "undefined"
	case a11y.TypeInt:
		return axIntRE.MatchString(v)
	case a11y.TypeNumber:
		f, err := strconv.ParseFloat(v, 64)
		return err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
	case a11y.TypeToken:
		return a11y.Contains(def.Tokens, v)
	case a11y.TypeTokens:
		for _, t := range strings.Fields(v) {
			if !a11y.Contains(def.Tokens, t) {
				return false
			}
		}
		return true
	}
	return true
}

// ariaValueValid fails for ARIA states and properties whose value is not
// allowed (aria-expanded="collapsed", aria-live="page", aria-level="2.5").
func ariaValueValid(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		for _, a := range n.Attr {
			def, ok := a11y.Attrs[a.Key]
			if !ok || a.Namespace != "" || strings.TrimSpace(a.Val) == "" {
				continue
			}
			applicable = true
			if !axValueOK(def, a.Val) && len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, "fail", "attr", a.Key, "value", a.Val))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axNameAttrs are the global attributes prohibited on roles that cannot be
// named; axRoledescAttrs are prohibited on generic.
var (
	axNameAttrs     = []string{"aria-label", "aria-labelledby", "aria-braillelabel"}
	axRoledescAttrs = []string{"aria-roledescription", "aria-brailleroledescription"}
)

// ariaAllowedAttr fails for ARIA attributes that the element's role does not
// support (aria-checked on a button) or prohibits (aria-label on a generic
// div or a paragraph).
func ariaAllowedAttr(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if !axHasARIA(n) || !d.inTree(n) {
			continue
		}
		role := d.Role(n)
		ri, known := a11y.RoleLookup(role)
		for _, a := range n.Attr {
			def, ok := a11y.Attrs[a.Key]
			if !ok || a.Namespace != "" {
				continue
			}
			applicable = true
			msg := ""
			switch {
			case def.Global && known && ri.NameProhibited && a11y.Contains(axNameAttrs, a.Key):
				msg = "prohibited"
			case def.Global && role == "generic" && a11y.Contains(axRoledescAttrs, a.Key):
				msg = "prohibited"
			case def.Global:
			case role == "" && a11y.IsControl(n):
				// Inputs without an ARIA role (date, colour, file) follow
				// their closest role; leave them to a human.
			case !ri.Supports(a.Key):
				msg = "unsupported"
			}
			if msg != "" && len(ev) < axMaxEvidence {
				shown := role
				if shown == "" {
					shown = n.Data
				}
				ev = append(ev, d.ev(n, msg, "attr", a.Key, "role", shown))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axHasARIA reports whether n has any aria-* attribute.
func axHasARIA(n *html.Node) bool {
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "aria-") {
			return true
		}
	}
	return false
}

// axNativeProvides reports whether element n's own semantics provide the
// required attribute of its explicit role (a checked state, a level).
func axNativeProvides(n *html.Node, role string) bool {
	if a11y.ImplicitRole(n) == role {
		return true
	}
	switch n.Data {
	case "input":
		t := a11y.InputType(n)
		switch role {
		case "checkbox", "switch", "menuitemcheckbox":
			return t == "checkbox"
		case "radio", "menuitemradio":
			return t == "radio" || t == "checkbox"
		case "slider", "spinbutton", "scrollbar":
			return t == "range" || t == "number"
		}
	case "select":
		return role == "combobox" || role == "listbox"
	case "meter", "progress":
		return role == "meter" || role == "progressbar"
	}
	if _, ok := a11y.IsHeadingTag(n.Data); ok && role == "heading" {
		return true
	}
	return false
}

// ariaRequiredAttr fails for elements with an explicit role that lack an
// attribute the role requires (role=checkbox without aria-checked).
func ariaRequiredAttr(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		role, ok := a11y.ExplicitRole(n)
		if !ok || !d.inTree(n) || d.Role(n) != role {
			continue
		}
		ri, _ := a11y.RoleLookup(role)
		req := ri.Required
		if role == "separator" && a11y.Focusable(n) {
			req = []string{"aria-valuenow"} // a focusable separator is a range widget
		}
		if len(req) == 0 || axNativeProvides(n, role) {
			continue
		}
		applicable = true
		for _, a := range req {
			if strings.TrimSpace(attr(n, a)) == "" && len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, "fail", "attr", a, "role", role))
				break
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axOwned is one element (or text) an element owns in the accessibility
// tree.
type axOwned struct {
	node *html.Node
	role string // "#text" for text
}

// transparent reports whether n is skipped when looking for owned elements or
// for a context parent: generic or presentational without global ARIA
// attributes or focus.
func (d *axDoc) transparent(n *html.Node) bool {
	switch d.Role(n) {
	case "", "none", "presentation":
		return true
	case "generic":
		return !a11y.HasGlobalARIA(n) && !a11y.Focusable(n)
	}
	return false
}

// owned returns the elements n owns: its children and aria-owns targets,
// looking through transparent elements; hidden ones are left out. rendered
// counts the rendered child nodes seen.
func (d *axDoc) owned(n *html.Node) (out []axOwned, rendered int) {
	var visit func(x *html.Node, top bool)
	seen := map[*html.Node]bool{n: true}
	add := func(c *html.Node) {
		if seen[c] {
			return
		}
		seen[c] = true
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				out = append(out, axOwned{node: c.Parent, role: "#text"})
				rendered++
			}
		case html.ElementNode:
			if a11y.SelfHidden(c) || a11y.AriaHiddenSelf(c) {
				return
			}
			rendered++
			if d.transparent(c) {
				visit(c, false)
				return
			}
			out = append(out, axOwned{node: c, role: a11y.BaseRole(d.Role(c))})
		}
	}
	visit = func(x *html.Node, top bool) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if o := d.Owner[c]; o != nil && o != n {
				continue
			}
			add(c)
		}
		if v, ok := a11y.Attr(x, "aria-owns"); ok {
			for _, id := range strings.Fields(v) {
				if t := d.ByID(id); t != nil && d.Owner[t] == x {
					add(t)
				}
			}
		}
	}
	visit(n, true)
	return out, rendered
}

// axOwnedExtra lists roles allowed among owned elements beyond the required
// ones: captions of tables, separators in menus and list boxes.
var axOwnedExtra = map[string][]string{
	"table": {"caption"}, "grid": {"caption"}, "treegrid": {"caption"},
	"listbox": {"separator"}, "menu": {"separator"}, "menubar": {"separator"},
}

// badOwned returns the role of the first owned element that role may not
// own ("" when all fit). A group inside a menu, list box or tree must itself
// own what its container may own.
func (d *axDoc) badOwned(owned []axOwned, role string, allowed []string, depth int) string {
	for _, o := range owned {
		if !a11y.Contains(allowed, o.role) && !a11y.Contains(axOwnedExtra[role], o.role) {
			return o.role
		}
		if o.role == "group" && depth < 10 && (role == "menu" || role == "menubar" || role == "listbox" || role == "tree") {
			inner, _ := d.owned(o.node)
			if bad := d.badOwned(inner, role, allowed, depth+1); bad != "" {
				return bad
			}
		}
	}
	return ""
}

// ariaRequiredChildren fails for elements whose role requires owned elements
// of certain roles (a list owns list items, a tablist tabs) but that own
// something else, or own nothing while having content.
func ariaRequiredChildren(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		role := a11y.BaseRole(d.Role(n))
		ri, _ := a11y.RoleLookup(role)
		if len(ri.Owned) == 0 || !d.inTree(n) || strings.EqualFold(attr(n, "aria-busy"), "true") {
			continue
		}
		applicable = true
		owned, rendered := d.owned(n)
		bad := d.badOwned(owned, role, ri.Owned, 0)
		if bad == "" && len(owned) == 0 && rendered > 0 {
			bad = "-"
		}
		if bad != "" && len(ev) < axMaxEvidence {
			msg := "fail"
			if bad == "-" {
				msg = "empty"
			}
			ev = append(ev, d.ev(n, msg, "role", role, "child", strings.TrimPrefix(bad, "#"), "allowed", strings.Join(ri.Owned, ", ")))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// contextParent returns the nearest ancestor of n in the accessibility tree
// that is not transparent (following aria-owns), or nil.
func (d *axDoc) contextParent(n *html.Node) *html.Node {
	x := n
	for i := 0; i < 1000; i++ {
		next := d.Owner[x]
		if next == nil {
			next = x.Parent
		}
		if next == nil || next.Type != html.ElementNode {
			return nil
		}
		x = next
		if x.Data == "body" || x.Data == "html" {
			return nil
		}
		if !d.transparent(x) {
			return x
		}
	}
	return nil
}

// ariaRequiredParent fails for elements with an explicit role that must be
// owned by a certain role (listitem in a list, tab in a tablist, menuitem in
// a menu) and are not.
func ariaRequiredParent(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		role, ok := a11y.ExplicitRole(n)
		if !ok || d.Role(n) != role || !d.inTree(n) {
			continue
		}
		ri, _ := a11y.RoleLookup(role)
		if len(ri.Context) == 0 {
			continue
		}
		applicable = true
		parent := d.contextParent(n)
		prole := ""
		if parent != nil {
			prole = a11y.BaseRole(d.Role(parent))
		}
		if !a11y.Contains(ri.Context, prole) && len(ev) < axMaxEvidence {
			if prole == "" {
				prole = "-"
			}
			ev = append(ev, d.ev(n, "fail", "role", role, "parent", prole, "allowed", strings.Join(ri.Context, ", ")))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// ariaHiddenFocus fails for elements in the Tab order inside an
// aria-hidden="true" subtree: keyboard users reach them but screen readers
// say nothing.
func ariaHiddenFocus(p *Page, _ Params) Result {
	d := newAXDoc(p)
	// With browser facts, only elements in the measured Tab order count, and
	// an element that passed focus on at once (a focus sentinel of a modal
	// dialog) does not.
	var tabOrder map[string]bool
	if b := p.Snap.Browser; b != nil && len(b.Focusables) > 0 {
		tabOrder = make(map[string]bool, len(b.Focusables))
		for _, f := range b.Focusables {
			tabOrder[f.Selector] = f.FocusVisible != nil || b.FocusSampled
		}
	}
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if a11y.AriaHiddenSelf(n) && !a11y.Hidden(n) {
			applicable = true
		}
		if !a11y.Tabbable(n) || a11y.Hidden(n) || !a11y.AriaHidden(n) {
			continue
		}
		if tabOrder != nil && !tabOrder[d.Sel(n)] {
			continue
		}
		if len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail"))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axIDRefAttrs are the attributes whose value names ids.
var axIDRefAttrs = []string{"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns",
	"aria-activedescendant", "aria-errormessage", "aria-details", "aria-flowto", "for", "headers"}

// duplicateIDAria fails when an id that aria-labelledby, aria-describedby,
// another ARIA reference, a label's for or a cell's headers points at is used
// by more than one element: the reference then reaches only the first.
func duplicateIDAria(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	reported := map[string]bool{}
	var ev []Evidence
	for _, n := range d.Elems {
		for _, name := range axIDRefAttrs {
			v, ok := a11y.Attr(n, name)
			if !ok || (name == "for" && n.Data != "label" && n.Data != "output") ||
				(name == "headers" && n.Data != "td" && n.Data != "th") {
				continue
			}
			for _, id := range strings.Fields(v) {
				applicable = true
				dups := d.IDs[id]
				if len(dups) < 2 || reported[id] {
					continue
				}
				reported[id] = true
				for _, dup := range dups[1:] {
					if len(ev) < axMaxEvidence {
						ev = append(ev, d.ev(dup, "fail", "id", id, "attr", name, "count", strconv.Itoa(len(dups))))
					}
				}
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}
