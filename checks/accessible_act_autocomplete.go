package checks

import (
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// This file holds autocomplete-valid (ACT rule 73f2c2, WCAG 1.3.5): an
// autocomplete value that browsers and assistive technology understand.

// axNoAutofillTypes are input types that take no autocomplete value a person
// benefits from: hidden data and buttons.
var axNoAutofillTypes = map[string]bool{"hidden": true, "button": true, "submit": true, "reset": true, "image": true}

// autocompleteValid fails form fields whose autocomplete attribute is not a
// valid list of autofill tokens (see simAutocomplete): an optional
// section-*, an optional shipping or billing, an optional home, work,
// mobile, fax or pager before a contact field, the field name, and an
// optional webauthn. "on" and "off" are fine. Fields that are hidden (and
// not in the accessibility tree) or disabled are left out.
func autocompleteValid(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		v, ok := axAutocompleteTarget(d, n)
		if !ok {
			continue
		}
		applicable = true
		if simAutocomplete(v) == "invalid" && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "value", Shorten(a11y.Collapse(v), 60)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axAutocompleteTarget returns the autocomplete value of n and whether the
// rule applies to n: an input, select or textarea people can fill in, that
// is rendered or in the accessibility tree, not disabled, and whose value is
// neither empty nor "on" or "off".
func axAutocompleteTarget(d *axDoc, n *html.Node) (string, bool) {
	switch n.Data {
	case "input":
		if axNoAutofillTypes[a11y.InputType(n)] {
			return "", false
		}
	case "select", "textarea":
	default:
		return "", false
	}
	v, ok := a11y.Attr(n, "autocomplete")
	t := strings.ToLower(a11y.Collapse(v))
	if !ok || t == "" || t == "on" || t == "off" {
		return "", false
	}
	if a11y.Disabled(n) || strings.EqualFold(strings.TrimSpace(attr(n, "aria-disabled")), "true") || !d.Rendered(n) {
		return "", false
	}
	return v, true
}
