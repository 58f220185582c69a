package checks

import (
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// simFormLength fails each form with more visible fields than max_fields. A
// group of radio buttons or checkboxes with one name counts as one field.
// Search and filter forms are left out: people fill in only what they need.
func simFormLength(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	limit := int(params.Float("max_fields", 10))
	doc := p.Doc()
	counts := map[*html.Node]int{}
	seen := map[*html.Node]map[string]bool{}
	var forms []*html.Node
	for _, f := range simPageFields(p) {
		if f.form == nil || simFilterForm(f.form) {
			continue
		}
		if _, ok := counts[f.form]; !ok {
			forms = append(forms, f.form)
			seen[f.form] = map[string]bool{}
		}
		if name := f.sel.AttrOr("name", ""); name != "" && (f.kind == "radio" || f.kind == "checkbox") {
			if seen[f.form][f.kind+":"+name] {
				continue
			}
			seen[f.form][f.kind+":"+name] = true
		}
		counts[f.form]++
	}
	if len(forms) == 0 {
		return Result{Outcome: Inapplicable}
	}
	var ev []Evidence
	for _, form := range forms {
		if counts[form] > limit {
			ev = append(ev, startTag(simNodeSel(doc, form), "fail",
				"count", strconv.Itoa(counts[form]), "max", strconv.Itoa(limit)))
		}
	}
	return Verdict(ev)
}

// simPersonalAutocomplete fails personal-data fields (name, e-mail,
// phone, address, birth date, country) without an autocomplete value that
// names their purpose (WCAG 1.3.5), and any field whose autocomplete value
// is not valid.
func simPersonalAutocomplete(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	applicable := false
	var ev []Evidence
	for _, f := range simPageFields(p) {
		val, has := f.autocomplete()
		kind := simAutocomplete(val)
		if _, own := f.sel.Attr("autocomplete"); own && has && kind == "invalid" {
			applicable = true
			ev = append(ev, EvidenceFor(f.sel, "invalid", "value", val))
			continue
		}
		purpose := f.purpose()
		if purpose == "" {
			if has {
				applicable = true
			}
			continue
		}
		applicable = true
		switch {
		case !has:
			ev = append(ev, EvidenceFor(f.sel, "missing", "token", purpose))
		case kind == "on" || kind == "off":
			ev = append(ev, EvidenceFor(f.sel, "off", "token", purpose, "value", val))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// simUsernameLike matches labels of fields that take an e-mail address or
// something else (a user name, a customer number), where type=text is right.
var simUsernameLike = rx.MustCompile(`\b(gebruikersnaam|gebruiker|klantnummer|login|nom d'utilisateur|utilisateur|identifiant|benutzername|benutzer|kundennummer|username|user name|user id|customer number)\b`)

// simCodeLabel matches labels of short numeric codes: one-time codes sent by
// SMS or e-mail, PIN codes.
var simCodeLabel = rx.MustCompile(`\b(verificatiecode|bevestigingscode|activatiecode|sms-?code|eenmalige code|pincode|code de verification|code de confirmation|code d'activation|code sms|code a usage unique|code pin|bestatigungscode|verifizierungscode|einmalcode|verification code|confirmation code|one-time code|one time code|otp|pin code|pin)\b`)

// simDigitsPattern matches a pattern attribute that accepts digits only,
// such as \d{4} or [0-9]{4,5}.
var simDigitsPattern = rx.MustCompile(`^\^?(\\d|\[0-9\])(\{\d+(,\d*)?\}|\*|\+)?\$?$`)

// simFieldInputType fails fields whose type brings up the wrong keyboard on
// a phone: an e-mail field that is not type=email, a phone field that is
// not type=tel, a numeric code without inputmode=numeric.
func simFieldInputType(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	applicable := false
	var ev []Evidence
	for _, f := range simPageFields(p) {
		if f.node.Data != "input" {
			continue
		}
		switch {
		case f.purpose() == "email":
			applicable = true
			if f.kind != "email" && !simUsernameLike.MatchString(f.label+" "+f.placeholder) {
				ev = append(ev, EvidenceFor(f.sel, "email", "type", f.kind))
			}
		case f.purpose() == "tel":
			applicable = true
			if f.kind != "tel" {
				ev = append(ev, EvidenceFor(f.sel, "tel", "type", f.kind))
			}
		case f.kind == "text" && simNumericCode(f):
			applicable = true
			mode := strings.ToLower(strings.TrimSpace(f.sel.AttrOr("inputmode", "")))
			if mode != "numeric" && mode != "decimal" && mode != "tel" {
				ev = append(ev, EvidenceFor(f.sel, "numeric"))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// simNumericCode reports whether a text field takes digits only: its
// pattern says so, or its label names a one-time or PIN code.
func simNumericCode(f simField) bool {
	if simDigitsPattern.MatchString(strings.TrimSpace(f.sel.AttrOr("pattern", ""))) {
		return true
	}
	t := simCoreLabel(f.label + " " + f.placeholder)
	return len(strings.Fields(t)) <= simMaxLabelWords && simCodeLabel.MatchString(t)
}

// simRequiredMark matches a visible mark of a required field.
var simRequiredMark = rx.MustCompile(`\*|\b(verplicht\w*|vereist|noodzakelijk|obligatoire|obligatoires|requis|requise|pflicht\w*|erforderlich|required|mandatory)\b`)

// simOptionalMark matches the mark of an optional field: forms that mark
// optional fields need not mark the required ones.
var simOptionalMark = rx.MustCompile(`\b(optioneel|facultatief|niet verplicht|facultatif|facultative|optionnel|optionnelle|freiwillig|optional)\b`)

// simAllRequired matches a note that every field of a form is required.
var simAllRequired = rx.MustCompile(`\b(alle velden (zijn )?verplicht|tous les champs sont (obligatoires|requis)|alle felder sind (pflichtfelder|pflicht|erforderlich)|all fields are (required|mandatory))\b`)

// simRequiredMarked fails fields that are required (required or
// aria-required="true") but show no mark at all: no asterisk or word in
// their label, placeholder or description. Forms with one field, forms
// that mark optional fields instead and forms that say every field is
// required pass. Whether a mark is explained is checked elsewhere
// (required-explained).
func simRequiredMarked(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	doc := p.Doc()
	fields := simPageFields(p)
	perForm := map[*html.Node]int{}
	for _, f := range fields {
		perForm[f.form]++
	}
	formOK := map[*html.Node]bool{}
	applicable := false
	var ev []Evidence
	for _, f := range fields {
		if !simIsRequired(f) || f.kind == "checkbox" || f.kind == "radio" {
			continue
		}
		applicable = true
		if perForm[f.form] < 2 || simFieldMarked(doc, f) {
			continue
		}
		ok, known := formOK[f.form]
		if !known {
			ok = simFormExplains(doc, f.form)
			formOK[f.form] = ok
		}
		if !ok {
			ev = append(ev, EvidenceFor(f.sel, "fail"))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// simIsRequired reports whether a field must be filled in.
func simIsRequired(f simField) bool {
	_, req := f.sel.Attr("required")
	return req || strings.EqualFold(strings.TrimSpace(f.sel.AttrOr("aria-required", "")), "true")
}

// simFieldMarked reports whether a required mark shows in the field's
// label, placeholder, description, its group's legend or the text of the
// row around it (the largest ancestor holding no other field).
func simFieldMarked(doc *goquery.Document, f simField) bool {
	texts := []string{f.shown, f.placeholder}
	for _, id := range strings.Fields(f.sel.AttrOr("aria-describedby", "")) {
		find(doc, "[id]").EachWithBreak(func(_ int, e *goquery.Selection) bool {
			if e.AttrOr("id", "") == id {
				texts = append(texts, text.Fold(simSelText(e)))
				return false
			}
			return true
		})
	}
	if lg := f.sel.Closest("fieldset").ChildrenFiltered("legend"); lg.Length() > 0 {
		texts = append(texts, text.Fold(simSelText(lg)))
	}
	if row := simFieldRow(f); row != nil {
		texts = append(texts, text.Fold(simLabelText(row)))
	}
	for _, t := range texts {
		if simRequiredMark.MatchString(t) {
			return true
		}
	}
	return simMarkedByClass(doc, f)
}

// simRequiredClass matches class names that style a label as required,
// often with an asterisk or word added in CSS that the HTML does not show.
var simRequiredClass = rx.MustCompile(`\b(required|req|verplicht|obligatoire|obligatory|mandatory|pflicht|pflichtfeld)\b`)

// simMarkedByClass reports whether a label of the field, or an element in
// its row, has a class that marks it as required.
func simMarkedByClass(doc *goquery.Document, f simField) bool {
	marked := func(_ int, s *goquery.Selection) bool {
		return simRequiredClass.MatchString(text.IdentWords(s.AttrOr("class", "")))
	}
	if id := f.sel.AttrOr("id", ""); id != "" {
		if find(doc, "label[for]").FilterFunction(func(_ int, l *goquery.Selection) bool {
			return l.AttrOr("for", "") == id
		}).Find("*").AddBack().FilterFunction(marked).Length() > 0 {
			return true
		}
	}
	if l := f.sel.Closest("label"); l.Length() > 0 && l.Find("*").AddBack().Not("input, select, textarea").FilterFunction(marked).Length() > 0 {
		return true
	}
	if row := simFieldRow(f); row != nil {
		r := doc.FindNodes(row)
		return r.Find("*").AddBack().Not("input, select, textarea").FilterFunction(marked).Length() > 0
	}
	return false
}

// simFieldRow is the largest ancestor of the field, below its form, that
// holds no other field; nil when the parent already holds another.
func simFieldRow(f simField) *html.Node {
	var row *html.Node
	for n := f.node.Parent; n != nil && n != f.form && n.Type == html.ElementNode && n.Data != "body"; n = n.Parent {
		if simCountFields(n) > 1 {
			break
		}
		row = n
	}
	return row
}

// simCountFields counts input, select and textarea elements under n that
// take input (not hidden, not buttons).
func simCountFields(n *html.Node) int {
	count := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode {
			switch x.Data {
			case "select", "textarea":
				count++
			case "input":
				if !simNoFieldTypes[strings.ToLower(attr(x, "type"))] {
					count++
				}
			}
		}
		for c := x.FirstChild; c != nil && count < 2; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return count
}

// simFormExplains reports whether a form (the body for fields outside any
// form) marks optional fields or says that every field is required.
func simFormExplains(doc *goquery.Document, form *html.Node) bool {
	root := form
	if root == nil {
		root = simBody(doc)
	}
	if root == nil {
		return false
	}
	t := text.Fold(simLabelText(root))
	return simOptionalMark.MatchString(t) || simAllRequired.MatchString(t)
}

// simPasteAttr matches an onpaste handler that cancels the paste.
var simPasteAttr = rx.MustCompile(`(?i)return\s+false|preventdefault\s*\(|returnvalue\s*=\s*false`)

// simPasteScript matches script code that listens to paste events.
var simPasteScript = rx.MustCompile(`(?i)addEventListener\s*\(\s*['"]paste['"]|\.(on|bind)\s*\(\s*['"][^'"]*\bpaste\b|\.onpaste\s*=`)

// simPasteCancel matches code that cancels an event.
var simPasteCancel = rx.MustCompile(`(?i)preventDefault\s*\(|return\s+false`)

// simPasteBlocked fails fields, forms or pages whose onpaste attribute
// cancels pasting, so people cannot paste a password, an e-mail address or
// an account number. Scripts that listen to paste and cancel it without
// reading the clipboard need review.
func simPasteBlocked(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	doc := p.Doc()
	typed := 0
	for _, f := range simPageFields(p) {
		if f.kind != "checkbox" && f.kind != "radio" && f.kind != "select" && f.kind != "file" &&
			f.kind != "range" && f.kind != "color" {
			typed++
		}
	}
	if typed == 0 {
		return Result{Outcome: Inapplicable}
	}
	var ev []Evidence
	find(doc, "[onpaste]").Each(func(_ int, s *goquery.Selection) {
		if simPasteAttr.MatchString(s.AttrOr("onpaste", "")) {
			ev = append(ev, EvidenceFor(s, "fail"))
		}
	})
	if len(ev) > 0 {
		return Verdict(ev)
	}
	find(doc, "script:not([src])").Each(func(_ int, s *goquery.Selection) {
		code := s.Text()
		loc := simPasteScript.FindStringIndex(code)
		if loc == nil || strings.Contains(code, "clipboardData") {
			return
		}
		end := loc[1] + 300
		if end > len(code) {
			end = len(code)
		}
		if simPasteCancel.MatchString(code[loc[1]:end]) {
			e := startTag(s, "script")
			e.Snippet = Shorten(e.Snippet+strings.Join(strings.Fields(code[loc[0]:end]), " "), SnippetMax)
			ev = append(ev, e)
		}
	})
	if len(ev) > 0 {
		return Result{Outcome: NeedsReview, Evidence: ev}
	}
	return Result{Outcome: Pass}
}
