package checks

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// requiredWords say "required" in nl, fr, de and en.
const requiredWords = `verplicht|vereist|verplichte|obligatoire|obligatoires|requis|requise|exigé|erforderlich|pflicht\w*|required|mandatory|compulsory`

// requiredWord matches a word that says a field is required.
var requiredWord = regexp.MustCompile(`(?i)(^|[^\p{L}])(` + requiredWords + `)($|[^\p{L}])`)

// optionalWord matches a word that says a field is optional.
var optionalWord = regexp.MustCompile(`(?i)(^|[^\p{L}])(optioneel|facultatief|niet verplicht|facultatif|facultative|optionnel|optionnelle|freiwillig|optional|fakultativ|not required)($|[^\p{L}])`)

// asteriskLegend matches a text that explains the asterisk: "* verplicht
// veld", "Velden met een * zijn verplicht", "* champs obligatoires",
// "Pflichtfelder sind mit * markiert", "Fields marked * are required".
var asteriskLegend = regexp.MustCompile(`(?i)[*✱＊][^.!?\n]{0,80}(` + requiredWords + `)|(` + requiredWords + `)[^.!?\n]{0,80}[*✱＊]|(sterretje|astérisque|sternchen|asterisk)[^.!?\n]{0,80}(` + requiredWords + `)|(` + requiredWords + `)[^.!?\n]{0,80}(sterretje|astérisque|sternchen|asterisk)`)

// allRequired matches a text that says every field is required.
var allRequired = regexp.MustCompile(`(?i)(alle velden zijn verplicht|alle velden moeten ingevuld|tous les champs sont (obligatoires|requis)|alle felder sind (pflicht|erforderlich)|all fields are (required|mandatory))`)

// consentWords mark a consent checkbox, required by its nature.
var consentWords = regexp.MustCompile(`(?i)(akkoord|accepteer|ga ermee akkoord|j'accepte|accepte|d'accord|agree|accept|einverstanden|akzeptiere|zustimm)`)

// formControl is a field a user fills in.
type formControl struct {
	node     *html.Node
	required bool
}

// isField reports whether n is a form field a user fills in or chooses.
func isField(n *html.Node) bool {
	switch n.Data {
	case "select", "textarea":
		return true
	case "input":
		switch strings.ToLower(strings.TrimSpace(attr(n, "type"))) {
		case "hidden", "submit", "reset", "button", "image":
			return false
		}
		return true
	}
	return false
}

func isRequired(n *html.Node) bool {
	if axHas(n, "required") {
		return true
	}
	v, _ := axAttr(n, "aria-required")
	return strings.EqualFold(strings.TrimSpace(v), "true")
}

// formGroups groups the visible fields of page d by their form (the form
// attribute, else the enclosing form; fields outside any form share one
// group). Radio buttons and checkboxes with one name count once.
func formGroups(d *axDoc) (map[*html.Node][]formControl, []*html.Node) {
	groups := map[*html.Node][]formControl{}
	var order []*html.Node
	seenName := map[string]bool{}
	for _, e := range d.elems {
		if !isField(e) || axHidden(e) || axDisabled(e) {
			continue
		}
		owner := d.body
		if id := attr(e, "form"); id != "" && len(d.ids[id]) == 1 {
			owner = d.ids[id][0]
		} else {
			for x := e.Parent; x != nil; x = x.Parent {
				if x.Type == html.ElementNode && x.Data == "form" {
					owner = x
					break
				}
			}
		}
		typ := strings.ToLower(attr(e, "type"))
		if (typ == "radio" || typ == "checkbox") && attr(e, "name") != "" {
			key := typ + "\x00" + attr(e, "name")
			if seenName[key] {
				continue
			}
			seenName[key] = true
		}
		if _, ok := groups[owner]; !ok {
			order = append(order, owner)
		}
		groups[owner] = append(groups[owner], formControl{node: e, required: isRequired(e)})
	}
	return groups, order
}

// fieldLabelText is what a user sees next to a field: its labels, the text
// of aria-labelledby targets, aria-label, placeholder, title, and the legend
// of the fieldset around it.
func fieldLabelText(d *axDoc, n *html.Node) string {
	var parts []string
	if id := attr(n, "id"); id != "" {
		for _, l := range d.labelsFor(id) {
			parts = append(parts, axVisibleText(l, axTextOpts{}))
		}
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "label" {
			parts = append(parts, axVisibleText(x, axTextOpts{}))
			break
		}
	}
	for _, id := range strings.Fields(attr(n, "aria-labelledby")) {
		for _, t := range d.ids[id] {
			parts = append(parts, axVisibleText(t, axTextOpts{}))
		}
	}
	parts = append(parts, attr(n, "aria-label"), attr(n, "placeholder"), attr(n, "title"))
	if fs := enclosingFieldsetLegend(n); fs != nil {
		parts = append(parts, axVisibleText(fs, axTextOpts{}))
	}
	return axCollapse(strings.Join(parts, " "))
}

// enclosingFieldsetLegend is the legend of the nearest fieldset around n.
func enclosingFieldsetLegend(n *html.Node) *html.Node {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data != "fieldset" {
			continue
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == "legend" {
				return c
			}
		}
		return nil
	}
	return nil
}

// markedByStyle reports whether a label of n (or an element in it) carries a
// class such as "required" or "form-required": such a mark is drawn by CSS
// (an asterisk or a colour) and is not text.
func markedByStyle(d *axDoc, n *html.Node) bool {
	var labels []*html.Node
	if id := attr(n, "id"); id != "" {
		labels = append(labels, d.labelsFor(id)...)
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "label" {
			labels = append(labels, x)
			break
		}
	}
	if fs := enclosingFieldsetLegend(n); fs != nil {
		labels = append(labels, fs)
	}
	for _, l := range labels {
		if hasRequiredClass(l) {
			return true
		}
	}
	return false
}

func hasRequiredClass(n *html.Node) bool {
	c := strings.ToLower(attr(n, "class"))
	if strings.Contains(c, "required") || strings.Contains(c, "mandatory") {
		return true
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && hasRequiredClass(ch) {
			return true
		}
	}
	return false
}

// legendExplains reports whether the form or the page explains the asterisk,
// in text or in a title or aria-label on the asterisk itself.
func legendExplains(d *axDoc, form *html.Node) bool {
	for _, scope := range []*html.Node{form, d.body} {
		if scope == nil {
			continue
		}
		if asteriskLegend.MatchString(axVisibleText(scope, axTextOpts{})) {
			return true
		}
	}
	for _, e := range d.elems {
		if strings.TrimSpace(axVisibleText(e, axTextOpts{})) != "*" {
			continue
		}
		if requiredWord.MatchString(attr(e, "title") + " " + attr(e, "aria-label")) {
			return true
		}
	}
	return false
}

// requiredExplained checks that required fields are marked in text. A form
// (with at least two fields, some required and some not) passes when each
// required field's label says "verplicht", "obligatoire", "Pflicht",
// "required" or the like, or has an asterisk that the form or page explains
// ("* verplicht veld"), or when the optional fields are marked instead
// ("optioneel", "facultatif", "optional"), or a text says all fields are
// required. A required field marked only by the required attribute, by a
// style, or by an unexplained asterisk fails. Consent checkboxes ("Ik ga
// akkoord") need no mark. Forms where every field is required need no marks
// either. Pages without such forms are inapplicable.
func requiredExplained(p *Page, _ Params) Result {
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	groups, order := formGroups(d)
	applicable := false
	var ev []Evidence
	for _, form := range order {
		fields := groups[form]
		if len(fields) < 2 {
			continue
		}
		var req, opt []formControl
		for _, f := range fields {
			if f.required {
				req = append(req, f)
			} else {
				opt = append(opt, f)
			}
		}
		if len(req) == 0 {
			continue
		}
		applicable = true
		if len(opt) == 0 || formExplainsRequired(d, form, opt) {
			continue
		}
		ev = append(ev, unmarkedRequired(d, form, req)...)
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	if len(ev) > axMaxEvidence {
		ev = ev[:axMaxEvidence]
	}
	return Verdict(ev)
}

// formExplainsRequired reports whether the form marks its optional fields in
// text or says that all fields are required.
func formExplainsRequired(d *axDoc, form *html.Node, opt []formControl) bool {
	if form != nil && allRequired.MatchString(axVisibleText(form, axTextOpts{})) {
		return true
	}
	for _, f := range opt {
		if optionalWord.MatchString(fieldLabelText(d, f.node)) {
			return true
		}
	}
	return false
}

// unmarkedRequired returns evidence for each required field whose mark is
// missing, only a style, or an unexplained asterisk.
func unmarkedRequired(d *axDoc, form *html.Node, req []formControl) []Evidence {
	var ev []Evidence
	explained := -1 // computed once, on the first asterisk
	for _, f := range req {
		label := fieldLabelText(d, f.node)
		typ := strings.ToLower(attr(f.node, "type"))
		switch {
		case requiredWord.MatchString(label):
			continue
		case typ == "checkbox" && consentWords.MatchString(label):
			continue
		case strings.ContainsAny(label, "*✱＊") || markedByStyle(d, f.node):
			if explained < 0 {
				explained = 0
				if legendExplains(d, form) {
					explained = 1
				}
			}
			if explained == 1 {
				continue
			}
			msg := "asterisk"
			if !strings.ContainsAny(label, "*✱＊") {
				msg = "style"
			}
			ev = append(ev, d.ev(f.node, msg, "label", Shorten(label, 60)))
		default:
			ev = append(ev, d.ev(f.node, "unmarked", "label", Shorten(label, 60)))
		}
	}
	return ev
}
