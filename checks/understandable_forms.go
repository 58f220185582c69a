package checks

import (
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/checks/internal/rx"

	"golang.org/x/net/html"
)

// requiredWords say "required" in nl, fr, de and en.
const requiredWords = `verplicht|vereist|verplichte|obligatoire|obligatoires|requis|requise|exigé|erforderlich|pflicht\w*|required|mandatory|compulsory`

// requiredWord matches a word that says a field is required.
var requiredWord = rx.MustCompile(`(?i)(^|[^\p{L}])(` + requiredWords + `)($|[^\p{L}])`)

// optionalWord matches a word that says a field is optional.
var optionalWord = rx.MustCompile(`(?i)(^|[^\p{L}])(optioneel|facultatief|niet verplicht|facultatif|facultative|optionnel|optionnelle|freiwillig|optional|fakultativ|not required)($|[^\p{L}])`)

// asteriskMarks are the asterisk characters and the words for "asterisk".
var asteriskMarks = []string{"*", "✱", "＊", "sterretje", "astérisque", "asterisque", "sternchen", "asterisk"}

// explainsAsterisk reports whether text explains the asterisk: a word that
// says "required" with an asterisk (or the word asterisk) within 80
// characters in the same sentence: "* verplicht veld", "Velden met een *
// zijn verplicht", "* champs obligatoires", "Pflichtfelder sind mit *
// markiert", "Fields marked * are required".
func explainsAsterisk(text string) bool {
	low := strings.ToLower(text)
	for _, mark := range asteriskMarks {
		for from := 0; from < len(low); {
			i := strings.Index(low[from:], mark)
			if i < 0 {
				break
			}
			i += from
			if requiredWord.MatchString(sentenceAround(low, i, i+len(mark), 80)) {
				return true
			}
			from = i + len(mark)
		}
	}
	return false
}

// sentenceAround returns up to max bytes of s on each side of s[i:j],
// stopping at sentence ends.
func sentenceAround(s string, i, j, max int) string {
	before := s[maxInt(0, i-max):i]
	after := s[j:minInt(len(s), j+max)]
	if k := strings.LastIndexAny(before, ".!?\n"); k >= 0 {
		before = before[k+1:]
	}
	if k := strings.IndexAny(after, ".!?\n"); k >= 0 {
		after = after[:k]
	}
	return before + " * " + after
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// allRequired matches a text that says every field is required.
var allRequired = rx.MustCompile(`(?i)(alle velden zijn verplicht|alle velden moeten ingevuld|tous les champs sont (obligatoires|requis)|alle felder sind (pflicht|erforderlich)|all fields are (required|mandatory))`)

// consentWords mark a consent checkbox, required by its nature.
var consentWords = rx.MustCompile(`(?i)(akkoord|accepteer|ga ermee akkoord|j'accepte|accepte|d'accord|agree|accept|einverstanden|akzeptiere|zustimm)`)

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
	if a11y.Has(n, "required") {
		return true
	}
	v, _ := a11y.Attr(n, "aria-required")
	return strings.EqualFold(strings.TrimSpace(v), "true")
}

// formGroups groups the visible fields of page d by their form (the form
// attribute, else the enclosing form; fields outside any form share one
// group). Radio buttons and checkboxes with one name count once.
func formGroups(d *axDoc) (map[*html.Node][]formControl, []*html.Node) {
	groups := map[*html.Node][]formControl{}
	var order []*html.Node
	seenName := map[string]bool{}
	for _, e := range d.Elems {
		if !isField(e) || a11y.Hidden(e) || a11y.Disabled(e) {
			continue
		}
		owner := d.Body
		if id := attr(e, "form"); id != "" && len(d.IDs[id]) == 1 {
			owner = d.IDs[id][0]
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
	label := fieldOwnLabel(d, n)
	if fs := enclosingFieldsetLegend(n); fs != nil {
		label += " " + a11y.VisibleText(fs, a11y.TextOpts{})
	}
	return a11y.Collapse(label)
}

// fieldOwnLabel is the field's label without the fieldset legend: its labels,
// aria-labelledby targets, aria-label, placeholder and title.
func fieldOwnLabel(d *axDoc, n *html.Node) string {
	var parts []string
	if id := attr(n, "id"); id != "" {
		for _, l := range d.LabelsFor(id) {
			parts = append(parts, a11y.VisibleText(l, a11y.TextOpts{}))
		}
	}
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "label" {
			parts = append(parts, a11y.VisibleText(x, a11y.TextOpts{}))
			break
		}
	}
	for _, id := range strings.Fields(attr(n, "aria-labelledby")) {
		for _, t := range d.IDs[id] {
			parts = append(parts, a11y.VisibleText(t, a11y.TextOpts{}))
		}
	}
	parts = append(parts, attr(n, "aria-label"), attr(n, "placeholder"), attr(n, "title"))
	return a11y.Collapse(strings.Join(parts, " "))
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
		labels = append(labels, d.LabelsFor(id)...)
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
	for _, scope := range []*html.Node{form, d.Body} {
		if scope == nil {
			continue
		}
		if explainsAsterisk(a11y.VisibleText(scope, a11y.TextOpts{})) {
			return true
		}
	}
	for _, e := range d.Elems {
		desc := attr(e, "title") + " " + attr(e, "aria-label")
		if strings.TrimSpace(desc) == "" || !requiredWord.MatchString(desc) {
			continue
		}
		if strings.TrimSpace(a11y.VisibleText(e, a11y.TextOpts{})) == "*" {
			return true
		}
	}
	return false
}

// requiredExplained checks that the mark of required fields is explained in
// text. It looks at forms with at least two fields whose required fields
// carry a mark: a word ("verplicht", "obligatoire", "Pflicht", "required"),
// which explains itself, or an asterisk or a style (a label class such as
// "form-required", drawn by CSS as a colour or an asterisk), which need an
// explanation in the form or on the page ("* verplicht veld", "Les champs
// marqués d'un * sont obligatoires", an abbr title="required" on the
// asterisk). Forms that mark their optional fields or say that all fields
// are required explain it too. Required fields without any mark are the
// simple criterion's required-marked check; pages with no marked required
// field are inapplicable. Consent checkboxes ("Ik ga akkoord") are left out.
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
		marked, symbols, opt := classifyFields(d, fields)
		if !marked {
			continue
		}
		applicable = true
		if len(symbols) == 0 || formExplainsRequired(d, form, opt) || legendExplains(d, form) {
			continue
		}
		for _, f := range symbols {
			msg := "asterisk"
			if !strings.ContainsAny(fieldLabelText(d, f.node), "*✱＊") {
				msg = "style"
			}
			ev = append(ev, d.ev(f.node, msg, "label", shownLabel(d, f.node)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	if len(ev) > axMaxEvidence {
		ev = ev[:axMaxEvidence]
	}
	return Verdict(ev)
}

// classifyFields sorts a form's fields: marked is true when a required field
// carries any mark; symbols are the required fields marked only by an
// asterisk or a style; opt are the fields that are not required.
func classifyFields(d *axDoc, fields []formControl) (marked bool, symbols, opt []formControl) {
	for _, f := range fields {
		if !f.required {
			opt = append(opt, f)
			continue
		}
		label := fieldLabelText(d, f.node)
		switch {
		case strings.EqualFold(attr(f.node, "type"), "checkbox") && consentWords.MatchString(label):
		case requiredWord.MatchString(label):
			marked = true
		case strings.ContainsAny(label, "*✱＊") || markedByStyle(d, f.node):
			marked = true
			symbols = append(symbols, f)
		}
	}
	return marked, symbols, opt
}

// shownLabel is the label quoted in a message: the field's own label, else
// the legend of its fieldset (radio groups), shortened.
func shownLabel(d *axDoc, n *html.Node) string {
	label := fieldOwnLabel(d, n)
	if label == "" {
		if fs := enclosingFieldsetLegend(n); fs != nil {
			label = a11y.Collapse(a11y.VisibleText(fs, a11y.TextOpts{}))
		}
	}
	return Shorten(label, 60)
}

// formExplainsRequired reports whether the form marks its optional fields in
// text or says that all fields are required.
func formExplainsRequired(d *axDoc, form *html.Node, opt []formControl) bool {
	if form != nil && allRequired.MatchString(a11y.VisibleText(form, a11y.TextOpts{})) {
		return true
	}
	for _, f := range opt {
		if optionalWord.MatchString(fieldLabelText(d, f.node)) {
			return true
		}
	}
	return false
}
