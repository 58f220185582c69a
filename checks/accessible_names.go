package checks

import (
	"strings"
	"unicode"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// This file holds the accessible checks about text alternatives and
// accessible names: images, image buttons, SVG images, buttons, links, form
// fields, frames, headings and the visible label in the name.

// axNamesResult runs one name check: for each element the filter selects
// (applicable), it fails when the name is empty.
func axNamesResult(d *axDoc, applies func(n *html.Node) bool, name func(n *html.Node) string, msg string) Result {
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if !applies(n) {
			continue
		}
		applicable = true
		if strings.TrimSpace(name(n)) == "" && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, msg))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// imageAlt fails for HTML images (img, role=img) that are in the
// accessibility tree and have no accessible name. Decorative images (alt=""
// or role none/presentation) pass.
func imageAlt(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if n.Namespace != "" {
			continue
		}
		isImg := n.Data == "img"
		role := d.Role(n)
		if !isImg && role != "img" {
			continue
		}
		if a11y.Hidden(n) || a11y.AriaHidden(n) || (d.HasAX() && d.AXNode(n) == nil) {
			continue
		}
		applicable = true
		if role != "img" || !d.Exposed(n) { // decorative, or ignored by the browser
			continue
		}
		if d.Name(n) == "" && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail"))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// imageButtonName fails for image buttons (input type=image) without a text
// alternative (alt, aria-label, aria-labelledby or title). The browser's
// name is not used: Chromium falls back to a default "Submit".
func imageButtonName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		return n.Data == "input" && n.Namespace == "" && a11y.InputType(n) == "image" && d.Role(n) == "button" && d.Exposed(n)
	}, d.StaticName, "fail")
}

// svgImgName fails for SVG elements with role img, graphics-document or
// graphics-symbol without an accessible name (title child, aria-label or
// aria-labelledby).
func svgImgName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		if n.Namespace != "svg" {
			return false
		}
		r, ok := a11y.ExplicitRole(n)
		if !ok || (r != "img" && r != "graphics-document" && r != "graphics-symbol") {
			return false
		}
		return !a11y.Hidden(n) && !a11y.AriaHidden(n) && (!d.HasAX() || d.AXNode(n) != nil)
	}, d.StaticName, "fail")
}

// buttonName fails for buttons without an accessible name. Image buttons
// have their own check.
func buttonName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		if n.Data == "input" && a11y.InputType(n) == "image" {
			return false
		}
		return d.Role(n) == "button" && d.Exposed(n)
	}, d.Name, "fail")
}

// exposedOrIgnored reports whether n is rendered and not aria-hidden, even if
// Chromium marks it ignored (a plain generic element is "ignored").
func (d *axDoc) exposedOrIgnored(n *html.Node) bool {
	return !a11y.Hidden(n) && !a11y.AriaHidden(n) && (!d.HasAX() || d.AXNode(n) != nil)
}

// linkName fails for links without an accessible name.
func linkName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		return a11y.BaseRole(d.Role(n)) == "link" && d.Exposed(n)
	}, d.Name, "fail")
}

// axFieldRoles are the roles of form fields that need a name.
var axFieldRoles = map[string]bool{
	"checkbox": true, "combobox": true, "listbox": true, "menuitemcheckbox": true, "menuitemradio": true,
	"radio": true, "searchbox": true, "slider": true, "spinbutton": true, "switch": true, "textbox": true,
}

// axFieldRole returns the role n has as a form field, or "". Date, time and
// colour inputs count as fields although ARIA gives them no role.
func (d *axDoc) axFieldRole(n *html.Node) string {
	r := d.Role(n)
	if axFieldRoles[r] {
		return r
	}
	if r == "" && n.Data == "input" {
		switch a11y.InputType(n) {
		case "date", "datetime-local", "month", "time", "week", "color", "password":
			return "textbox"
		}
	}
	return ""
}

// formFieldName fails for form fields without an accessible name.
func formFieldName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		return d.axFieldRole(n) != "" && d.Exposed(n)
	}, d.Name, "fail")
}

// frameTitle fails for iframes (and frames) in the sequential focus order
// without an accessible name.
func frameTitle(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		if (n.Data != "iframe" && n.Data != "frame") || n.Namespace != "" {
			return false
		}
		if t, ok := a11y.TabIndex(n); ok && t < 0 {
			return false
		}
		if r, ok := a11y.ExplicitRole(n); ok && (r == "none" || r == "presentation") {
			return false
		}
		return d.Exposed(n)
	}, d.Name, "fail")
}

// headingName fails for headings without an accessible name.
func headingName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		return a11y.BaseRole(d.Role(n)) == "heading" && d.Exposed(n)
	}, d.Name, "fail")
}

// axLabelRoles are widget roles that take their name from content, for
// label-in-name.
var axLabelRoles = map[string]bool{
	"button": true, "checkbox": true, "gridcell": true, "link": true, "menuitem": true, "menuitemcheckbox": true,
	"menuitemradio": true, "option": true, "radio": true, "switch": true, "tab": true, "treeitem": true,
}

// labelInName fails for widgets whose accessible name (set with aria-label
// or aria-labelledby) does not contain their visible text label as whole
// words in the same order (WCAG 2.5.3).
func labelInName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if !a11y.Has(n, "aria-label") && !a11y.Has(n, "aria-labelledby") {
			continue
		}
		if !axLabelRoles[a11y.BaseRole(d.Role(n))] || !d.Exposed(n) {
			continue
		}
		label := axTextNodesOnly(n)
		if axLabelWords(label) == nil || axSymbolLabel(label) || (d.iconFont() && axLigatureWord(label)) {
			continue
		}
		name := d.Name(n)
		if name == "" {
			continue
		}
		applicable = true
		if !axLabelInName(label, name) && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "label", a11y.Collapse(label), "name", name))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axTextNodesOnly returns the rendered text of n's text nodes (no image
// alternatives), aria-hidden text included since it is visible.
func axTextNodesOnly(n *html.Node) string {
	var b strings.Builder
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if a11y.SelfHidden(c) || axVisuallyHidden(c) {
					continue
				}
				block := a11y.BlockTag[c.Data] && !a11y.InlineStyle(c)
				if block {
					b.WriteByte(' ')
				}
				walk(c)
				if block {
					b.WriteByte(' ')
				}
			}
		}
	}
	walk(n)
	return a11y.Collapse(b.String())
}

// axWord is one word of a label: its letters and digits, lower-cased, and
// whether it was written as an abbreviation (ending with a period).
type axWord struct {
	text   string
	abbrev bool
}

// axLabelWords splits s into words after removing text in parentheses, and
// punctuation and symbols (which are not part of a spoken label).
func axLabelWords(s string) []axWord {
	var kept strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
		case depth == 0:
			kept.WriteRune(r)
		}
	}
	var out []axWord
	for _, f := range strings.Fields(kept.String()) {
		var b strings.Builder
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		if b.Len() > 0 {
			out = append(out, axWord{text: b.String(), abbrev: strings.HasSuffix(f, ".") && !strings.HasSuffix(f, "..")})
		}
	}
	return out
}

// axLabelInName reports whether the words of label appear in name as a run
// of whole words. An abbreviated label word ("Ave.") matches a name word it
// starts.
func axLabelInName(label, name string) bool {
	lw, nw := axLabelWords(label), axLabelWords(name)
	if len(lw) == 0 {
		return true
	}
	for i := 0; i+len(lw) <= len(nw); i++ {
		ok := true
		for j, w := range lw {
			t := nw[i+j].text
			if t != w.text && !(w.abbrev && strings.HasPrefix(t, w.text)) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// axSymbolLabel reports whether a visible label is a single character other
// than a digit (such as "X" or "›"): a symbol rather than words, which the
// name need not hold.
func axSymbolLabel(label string) bool {
	r := []rune(strings.TrimSpace(label))
	return len(r) == 1 && !unicode.IsDigit(r[0])
}

// axLigatureWord reports whether label looks like an icon font ligature
// name ("search", "arrow_forward"): one lower-case word.
func axLigatureWord(label string) bool {
	label = strings.TrimSpace(label)
	if label == "" || strings.ContainsAny(label, " ") {
		return false
	}
	for _, r := range label {
		if !(r >= 'a' && r <= 'z' || r == '_') {
			return false
		}
	}
	return true
}

// axHiddenClasses are class names that by wide convention hide text
// visually while keeping it for screen readers.
var axHiddenClasses = axSet(`sr-only visually-hidden visuallyhidden screen-reader-text screen-reader-only
element-invisible hidden-visually u-visually-hidden u-hidden-visually a11y-hidden wb-inv sr-text show-for-sr
offscreen`)

// axVisuallyHidden reports whether n has a class that hides it visually.
func axVisuallyHidden(n *html.Node) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if axHiddenClasses[strings.ToLower(c)] {
			return true
		}
	}
	return false
}

// iconFont reports whether the page loads an icon font that draws words as
// icons (Material Icons or Material Symbols ligatures).
func (d *axDoc) iconFont() bool {
	for _, n := range d.Elems {
		var s string
		switch n.Data {
		case "link":
			s = attr(n, "href")
		case "style":
			s = a11y.RawText(n)
		default:
			continue
		}
		s = strings.ToLower(s)
		if strings.Contains(s, "material+icons") || strings.Contains(s, "material icons") ||
			strings.Contains(s, "material+symbols") || strings.Contains(s, "material symbols") {
			return true
		}
	}
	return false
}
