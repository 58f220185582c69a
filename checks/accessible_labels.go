package checks

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/checks/internal/rx"

	"golang.org/x/net/html"
)

// labelledField reports whether n is a field that people type in or choose
// from and that needs a label of its own: a text-like input, a textarea or
// a select.
func labelledField(n *html.Node) bool {
	switch n.Data {
	case "textarea", "select":
		return true
	case "input":
		switch a11y.InputType(n) {
		case "hidden", "submit", "reset", "button", "image", "checkbox", "radio", "range", "color", "file":
			return false
		}
		return true
	}
	return false
}

// visibleLabelOf returns the visible text that labels field n: its label
// elements (for=id or around it) and the elements aria-labelledby points
// at, when they are rendered and, with browser facts, not hidden for the
// eye only (a .sr-only label: see BrowserFacts.HiddenLabels).
func (d *axDoc) visibleLabelOf(n *html.Node, unseen map[string]bool) string {
	shown := func(l *html.Node) bool { return !a11y.Hidden(l) && !unseen[d.Sel(l)] }
	var parts []string
	if id := attr(n, "id"); id != "" {
		for _, l := range d.LabelsFor(id) {
			if shown(l) {
				parts = append(parts, a11y.VisibleText(l, a11y.TextOpts{}))
			}
		}
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "label" {
			if shown(x) {
				parts = append(parts, a11y.VisibleText(x, a11y.TextOpts{}))
			}
			break
		}
	}
	for _, id := range strings.Fields(attr(n, "aria-labelledby")) {
		if t := d.ByID(id); t != nil && t != n && !a11y.Hidden(t) {
			parts = append(parts, a11y.VisibleText(t, a11y.TextOpts{}))
		}
	}
	return a11y.Collapse(strings.Join(parts, " "))
}

// hiddenLabels is the set of labels the browser saw hidden for the eye only.
func hiddenLabels(p *Page) map[string]bool {
	set := map[string]bool{}
	if b := p.Snap.Browser; b != nil {
		for _, s := range b.HiddenLabels {
			set[s] = true
		}
	}
	return set
}

// holdsField reports whether n is or contains a form control.
func holdsField(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.Data {
	case "input", "select", "textarea", "button":
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if holdsField(c) {
			return true
		}
	}
	return false
}

// maxNearbyWords is the most words a text next to a field can have to be
// read as its label: more is an instruction, not a label.
const maxNearbyWords = 12

// nearbyText returns the text someone sees right before field n (the text
// or element before it, also before the wrappers that hold only this field,
// such as the cell before its cell), or the text of a button right after
// it (a search field and its "Search" button): the visible text that can
// tell what the field is for without being its label element.
func (d *axDoc) nearbyText(n *html.Node, unseen map[string]bool) string {
	x := n
	for depth := 0; depth < 4 && x != nil && x.Type == html.ElementNode; depth++ {
		for s := x.PrevSibling; s != nil; s = s.PrevSibling {
			switch {
			case s.Type == html.TextNode:
				if t := a11y.Collapse(s.Data); t != "" {
					return shortText(t)
				}
				continue
			case s.Type != html.ElementNode || a11y.SelfHidden(s) || (s.Data == "label" && unseen[d.Sel(s)]):
				continue
			case holdsField(s):
				return ""
			}
			return shortText(a11y.VisibleText(s, a11y.TextOpts{}))
		}
		p := x.Parent
		if p == nil || p.Type != html.ElementNode {
			break
		}
		switch p.Data {
		case "form", "fieldset", "body", "main", "section", "article", "table":
			return buttonAfter(n)
		}
		x = p
	}
	return buttonAfter(n)
}

// shortText returns t when it is short enough to be a label, else "".
func shortText(t string) string {
	if len(strings.Fields(t)) > maxNearbyWords {
		return ""
	}
	return t
}

// buttonAfter is the visible text of a button that comes right after field
// n (hidden inputs left out), also after the end of the wrappers it ends
// (a form group), or, in a form with this one field only (a search or a
// newsletter form), of the form's button; "" when there is none.
func buttonAfter(n *html.Node) string {
	x := n
climb:
	for depth := 0; depth < 3 && x != nil && x.Type == html.ElementNode; depth++ {
		for s := x.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" || s.Type == html.CommentNode || a11y.SelfHidden(s) {
				continue
			}
			if t := buttonText(s); t != "" {
				return t
			}
			break climb
		}
		if x = x.Parent; x == nil || x.Data == "form" || x.Data == "body" {
			break
		}
	}
	if f := formOf(n); f != nil {
		fields, text := 0, ""
		var walk func(y *html.Node)
		walk = func(y *html.Node) {
			for c := y.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode || a11y.SelfHidden(c) {
					continue
				}
				if labelledField(c) {
					fields++
				} else if t := buttonText(c); t != "" && text == "" {
					text = t
				}
				walk(c)
			}
		}
		walk(f)
		if fields == 1 {
			return text
		}
	}
	return ""
}

// buttonText is the visible text of button element n (or an input button's
// value), "" when n is no button.
func buttonText(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	if n.Data == "button" {
		return a11y.VisibleText(n, a11y.TextOpts{})
	}
	if n.Data == "input" && (a11y.InputType(n) == "submit" || a11y.InputType(n) == "button") {
		return attr(n, "value")
	}
	return ""
}

// sharesWord reports whether a and b have a word of three letters or more in
// common, ignoring case; a word of four letters or more also matches the
// words it starts ("Recherche" and "Recherchez le site").
func sharesWord(a, b string) bool {
	split := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	for _, x := range split(a) {
		for _, y := range split(b) {
			short, long := x, y
			if len(short) > len(long) {
				short, long = long, short
			}
			if n := len([]rune(short)); (n >= 3 && short == long) || (n >= 4 && strings.HasPrefix(long, short)) {
				return true
			}
		}
	}
	return false
}

// visibleLabel fails for a field without a visible label whose only visible
// text is its placeholder (the hint disappears as soon as someone types),
// or whose name comes only from aria-label, title or a label hidden for the
// eye (no one sees it), with no visible text next to it (WCAG 3.3.2, and
// 1.3.1). Text right before the field (or a button right after it) that
// shares a word with the field's name counts as its label; other text there
// needs review. Fields with a visible label element, and fields without any
// name (form-field-name's), are left out of the verdict.
func visibleLabel(p *Page, _ Params) Result {
	d := newAXDoc(p)
	unseen := hiddenLabels(p)
	applicable := false
	var ev, review []Evidence
	for _, n := range d.Elems {
		if !labelledField(n) || !d.Exposed(n) {
			continue
		}
		if d.visibleLabelOf(n, unseen) != "" {
			applicable = true
			continue
		}
		name := a11y.Collapse(d.Name(n))
		if name == "" {
			continue
		}
		applicable = true
		msg, shown := "aria", name
		if ph := a11y.Collapse(attr(n, "placeholder")); ph != "" {
			msg, shown = "placeholder", ph // the only text anyone sees goes away on typing
		}
		near := d.nearbyText(n, unseen)
		switch {
		case near == "":
			if len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, msg, "name", Shorten(shown, 80)))
			}
		case !sharesWord(near, name):
			if len(review) < axMaxEvidence {
				review = append(review, d.ev(n, "review", "name", Shorten(name, 80), "text", Shorten(near, 80)))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return VerdictOrReview(ev, review)
}

// formOf returns the form element around n, or nil.
func formOf(n *html.Node) *html.Node {
	for x := n.Parent; x != nil; x = x.Parent {
		if x.Type == html.ElementNode && x.Data == "form" {
			return x
		}
	}
	return nil
}

// choiceGroupOf returns the element that groups choice n for assistive
// technology: a fieldset with a legend, or an element with role group or
// radiogroup that has a name; nil when there is none.
func (d *axDoc) choiceGroupOf(n *html.Node) *html.Node {
	for x := n.Parent; x != nil && x.Type == html.ElementNode && x.Data != "form" && x.Data != "body"; x = x.Parent {
		if x.Data == "fieldset" && d.Name(x) != "" {
			return x
		}
		if r := a11y.BaseRole(d.Role(x)); (r == "group" || r == "radiogroup") && d.Name(x) != "" {
			return x
		}
	}
	return nil
}

// choiceGroups fails for radio buttons and check boxes that share a name
// (two or more in one form) but are not grouped with a name of the group: a
// fieldset with a legend, or role=group/radiogroup with a name (WCAG 1.3.1).
// A screen reader then reads "Mevrouw, keuzerondje" without the question.
func choiceGroups(p *Page, _ Params) Result {
	d := newAXDoc(p)
	type key struct {
		form *html.Node
		kind string
		name string
	}
	groups := map[key][]*html.Node{}
	var order []key
	for _, n := range d.Elems {
		t := a11y.InputType(n)
		if n.Data != "input" || (t != "radio" && t != "checkbox") || !d.Exposed(n) {
			continue
		}
		name := strings.TrimSpace(attr(n, "name"))
		if name == "" {
			continue
		}
		k := key{formOf(n), t, name}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], n)
	}
	applicable := false
	var ev []Evidence
	for _, k := range order {
		members := groups[k]
		if len(members) < 2 {
			continue
		}
		applicable = true
		for _, m := range members {
			if d.choiceGroupOf(m) == nil {
				ev = append(ev, d.ev(members[0], k.kind, "name", k.name, "count", strconv.Itoa(len(members))))
				break
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// layoutTable fails for tables marked as layout (role=presentation or none)
// that still hold table semantics: header cells (th), a caption or a
// summary (WCAG 1.3.1, failure F46).
func layoutTable(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if n.Data != "table" || a11y.Hidden(n) {
			continue
		}
		if r, ok := a11y.ExplicitRole(n); !ok || (r != "presentation" && r != "none") {
			continue
		}
		applicable = true
		what := ""
		if strings.TrimSpace(attr(n, "summary")) != "" {
			what = "summary"
		}
		var walk func(x *html.Node)
		walk = func(x *html.Node) {
			for c := x.FirstChild; c != nil && what == ""; c = c.NextSibling {
				if c.Type != html.ElementNode || c.Data == "table" {
					continue
				}
				if c.Data == "th" || c.Data == "caption" {
					what = c.Data
					return
				}
				walk(c)
			}
		}
		if what == "" {
			walk(n)
		}
		if what != "" && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "element", what))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// navigation matches script that goes to another page, reloads it,
// opens a window or submits a form: location (or location.href, .pathname,
// .search) set, location.assign/replace/reload, submit() or
// requestSubmit(), window.open(), and Dreamweaver's MM_jumpMenu(). A
// comparison (location.href == x) or a name that only contains the word
// (geolocation, updateLocation) does not match.
var navigation = rx.MustCompile(`(?i)\blocation\s*(\.\s*(href|pathname|search)\s*)?=[^=]|\blocation\s*\.\s*(assign|replace|reload)\s*\(|\.\s*(submit|requestsubmit)\s*\(|\bwindow\s*\.\s*open\s*\(|\bmm_jumpmenu\s*\(`)

// navigates reports whether event handler code clearly navigates or
// submits.
func navigates(js string) bool { return navigation.MatchString(js) }

// onInput fails for a select, radio button or check box whose change or
// input handler navigates or submits the form, when the form offers no
// button to do that on purpose (WCAG 3.2.2): choosing an option with the
// keyboard then already moves the user away. The handler is an inline
// onchange or oninput attribute, or a listener a script added that the
// browser saw (BrowserFacts.InputListeners). With a button in the form it
// needs review: the handler may still act before the user presses it. A
// script listener on a select or radio group without a button whose code
// does not clearly navigate also needs review: it may only update the page,
// which 3.2.2 allows (a check box's listener is left alone: it mostly shows
// or hides part of the form).
func onInput(p *Page, _ Params) Result {
	d := newAXDoc(p)
	scripts := inputListeners(p)
	applicable := false
	var ev, review []Evidence
	reviewed := map[radioGroup]bool{}
	for _, n := range d.Elems {
		t := a11y.InputType(n)
		if n.Data != "select" && (n.Data != "input" || (t != "radio" && t != "checkbox")) || !d.Exposed(n) {
			continue
		}
		applicable = true
		var srcs []string
		if len(scripts) > 0 {
			srcs = scripts[d.Sel(n)]
		}
		nav := navigates(attr(n, "onchange") + ";" + attr(n, "oninput"))
		for _, src := range srcs {
			nav = nav || navigates(src)
		}
		switch {
		case nav && formHasButton(n):
			if len(review) < axMaxEvidence {
				review = append(review, d.ev(n, "review"))
			}
		case nav:
			if len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, "fail"))
			}
		case len(srcs) > 0 && t != "checkbox" && !formHasButton(n):
			g := radioGroup{form: formOf(n), name: attr(n, "name")}
			if t == "radio" && g.name != "" {
				if reviewed[g] {
					continue // one question per radio group
				}
				reviewed[g] = true
			}
			if len(review) < axMaxEvidence {
				review = append(review, d.ev(n, "script"))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return VerdictOrReview(ev, review)
}

// radioGroup is the form and name that group radio buttons.
type radioGroup struct {
	form *html.Node
	name string
}

// inputListeners maps the selector of each form control with a change or
// input listener added by a script to the listeners' source texts.
func inputListeners(p *Page) map[string][]string {
	b := p.Snap.Browser
	if b == nil || len(b.InputListeners) == 0 {
		return nil
	}
	out := map[string][]string{}
	for _, l := range b.InputListeners {
		out[l.Selector] = append(out[l.Selector], l.Source)
	}
	return out
}

// formHasButton reports whether the form around n has a button other than
// a reset button; outside a form, whether a button comes right after n.
func formHasButton(n *html.Node) bool {
	scope := formOf(n)
	if scope == nil {
		return buttonAfter(n) != ""
	}
	found := false
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			t := a11y.InputType(c)
			if (c.Data == "button" && !strings.EqualFold(attr(c, "type"), "reset")) || (c.Data == "input" && (t == "submit" || t == "image" || t == "button")) {
				found = true
				return
			}
			walk(c)
		}
	}
	walk(scope)
	return found
}
