package checks

import (
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// simField is a visible form field a person fills in.
type simField struct {
	sel  *goquery.Selection
	node *html.Node
	// form is the enclosing form element, nil outside any form.
	form *html.Node
	// kind is the input type ("text" when absent), or "select"/"textarea".
	kind string
	// label is the folded text of the field's labels (label elements,
	// aria-labelledby, aria-label, title).
	label string
	// shown is the folded text of the labels a sighted person sees (label
	// elements and aria-labelledby, not aria-label or title).
	shown string
	// placeholder is the folded placeholder.
	placeholder string
	// ident is the folded words of the name and id attributes.
	ident string
}

// simNoFieldTypes are input types that are not filled in by typing or
// choosing (buttons and hidden data).
var simNoFieldTypes = map[string]bool{
	"hidden": true, "submit": true, "button": true, "reset": true, "image": true,
}

// simPageFields lists the visible fields of a page: with browser facts,
// fields the browser found hidden (a later step of a form, a closed panel)
// are left out.
func simPageFields(p *Page) []simField {
	return pageMemo(p, "fields", func() []simField { return simVisibleFields(p) })
}

func simVisibleFields(p *Page) []simField {
	fields := simFields(p.Doc())
	b := p.Snap.Browser
	if b == nil {
		return fields
	}
	hidden := map[*html.Node]bool{}
	for _, f := range b.Focusables {
		if !f.Hidden {
			continue
		}
		if s := simFind(p.Doc(), f.Selector); s.Length() == 1 {
			hidden[s.Get(0)] = true
		}
	}
	if len(hidden) == 0 {
		return fields
	}
	out := fields[:0]
	for _, f := range fields {
		if !hidden[f.node] {
			out = append(out, f)
		}
	}
	return out
}

// simFields lists the visible fields of doc that people can fill in, in
// document order.
func simFields(doc *goquery.Document) []simField {
	labels := simLabelsFor(doc)
	var out []simField
	find(doc, "input, select, textarea").Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		kind := n.Data
		if kind == "input" {
			kind = strings.ToLower(strings.TrimSpace(s.AttrOr("type", "text")))
			if kind == "" {
				kind = "text"
			}
		}
		if simNoFieldTypes[kind] || simHidden(s) || simDisabled(s) {
			return
		}
		shown, all := simFieldLabel(doc, s, labels)
		out = append(out, simField{
			sel: s, node: n, form: simFormOf(n), kind: kind,
			label: text.Fold(all), shown: text.Fold(shown),
			placeholder: text.Fold(s.AttrOr("placeholder", "")),
			ident:       text.IdentWords(s.AttrOr("name", "") + " " + s.AttrOr("id", "")),
		})
	})
	return out
}

// simDisabled reports whether a field cannot be filled in: disabled
// itself or by its fieldset, or aria-disabled.
func simDisabled(s *goquery.Selection) bool {
	if _, ok := s.Attr("disabled"); ok {
		return true
	}
	if strings.EqualFold(strings.TrimSpace(s.AttrOr("aria-disabled", "")), "true") {
		return true
	}
	return s.Closest("fieldset[disabled]").Length() > 0
}

// simFormOf returns the form element around n, or nil.
func simFormOf(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "form" {
			return p
		}
	}
	return nil
}

// simLabelsFor maps label[for] values to their labels' texts.
func simLabelsFor(doc *goquery.Document) map[string][]string {
	m := map[string][]string{}
	find(doc, "label[for]").Each(func(_ int, l *goquery.Selection) {
		id := l.AttrOr("for", "")
		m[id] = append(m[id], simLabelText(l.Get(0)))
	})
	return m
}

// simFieldLabel returns the text of the labels of field s that show on
// screen, and of all its labels (with aria-label and title).
func simFieldLabel(doc *goquery.Document, s *goquery.Selection, labels map[string][]string) (shown, all string) {
	var parts []string
	for _, id := range strings.Fields(s.AttrOr("aria-labelledby", "")) {
		find(doc, "[id]").EachWithBreak(func(_ int, e *goquery.Selection) bool {
			if e.AttrOr("id", "") == id {
				parts = append(parts, simLabelText(e.Get(0)))
				return false
			}
			return true
		})
	}
	if id := s.AttrOr("id", ""); id != "" {
		parts = append(parts, labels[id]...)
	}
	if l := s.Closest("label"); l.Length() > 0 {
		parts = append(parts, simLabelText(l.Get(0)))
	}
	shown = strings.Join(parts, " ")
	return shown, strings.Join(append(parts, s.AttrOr("aria-label", ""), s.AttrOr("title", "")), " ")
}

// simLabelText is the visible text of a label without the text of fields
// inside it (such as a select's options).
func simLabelText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
		}
		if x.Type == html.ElementNode && (text.SkipTags[x.Data] || x.Data == "select" || x.Data == "textarea" || text.NodeHidden(x)) {
			return
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		b.WriteByte(' ')
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// simMarkerWords are the words that mark a field as required, and the
// punctuation around a label, removed to get a label's core words.
var simMarkerWords = rx.MustCompile(`\*|\((verplicht|vereist|obligatoire|requis|pflicht|pflichtfeld|erforderlich|required|mandatory)\)|[:?()]`)

// simCoreLabel is a folded label without required markers and punctuation.
func simCoreLabel(label string) string {
	return text.Collapse(simMarkerWords.ReplaceAllString(label, " "))
}

// simPurpose is a kind of personal data a field asks for (WCAG 1.3.5).
type simPurpose struct {
	// token is the autocomplete value for it.
	token string
	// label matches the folded label or placeholder text.
	label *rx.Regexp
	// exact, when set, must match the whole core label instead.
	exact *rx.Regexp
	// ident matches the folded words of name and id.
	ident *rx.Regexp
	// not excludes labels that look alike but ask for something else.
	not *rx.Regexp
}

// simPurposes are checked in order: the first that matches wins, so that
// "e-mailadres" is an e-mail address, not a postal address.
var simPurposes = []simPurpose{
	{token: "email",
		label: rx.MustCompile(`\b(e-?mail|email|courriel|mail)(-?adres|-?adresse|-?address)?\b|\badresse electronique\b`),
		ident: rx.MustCompile(`\b(e ?mail|mail|courriel|emailadres|emailaddress|emailadresse|e mailadres)\b`)},
	{token: "tel",
		label: rx.MustCompile(`\b(tel|telefoon|telefoonnummer|gsm|gsm-?nummer|mobiel|mobiele nummer|mobiel nummer|telephone|numero de telephone|portable|telefon|telefonnummer|handy|handynummer|mobilnummer|phone|phone number|mobile|mobile number)\b`),
		ident: rx.MustCompile(`\b(tel|telephone|telefoon|telefoonnummer|phone|phonenumber|gsm|mobile|mobiel|telefon|telefonnummer|handy|portable|cellphone)\b`),
		not:   rx.MustCompile(`\b(extension|ext|toestel|intern|poste|durchwahl|nebenstelle)\b`)},
	{token: "name",
		exact: rx.MustCompile(`^(uw |je |jouw |votre |ton |ihr |dein |your |volledige |full )?(naam|nom|name|nom complet|vollstandiger name|naam en voornaam|voornaam en naam|voor- en achternaam|nom et prenom|prenom et nom|vor- und nachname|first and last name)$`),
		ident: rx.MustCompile(`^(name|naam|nom|full ?name|your name|uw naam|votre nom)$`)},
	{token: "given-name",
		label: rx.MustCompile(`\b(voornaam|voornamen|roepnaam|prenom|prenoms|vorname|vornamen|first ?name|given name|forename)\b`),
		ident: rx.MustCompile(`\b(voornaam|prenom|vorname|firstname|first name|fname|givenname|given name|forename)\b`)},
	{token: "family-name",
		label: rx.MustCompile(`\b(achternaam|familienaam|nom de famille|nachname|familienname|last ?name|surname|family name)\b`),
		ident: rx.MustCompile(`\b(achternaam|familienaam|nachname|familienname|lastname|last name|lname|surname|familyname|family name)\b`)},
	{token: "street-address",
		label: rx.MustCompile(`\b(adres|woonadres|postadres|domicilieadres|leveringsadres|factuuradres|facturatieadres|straat|straatnaam|adresse|adresse postale|rue|anschrift|strasse|wohnadresse|address|street|street address|postal address|home address)\b`),
		ident: rx.MustCompile(`\b(address|adres|adresse|street|straat|strasse|anschrift|rue|address1|address line1|addressline1)\b`),
		not:   rx.MustCompile(`\b(ip|web|url|mac|site|internet|e ?mail|mail)\b`)},
	{token: "postal-code",
		label: rx.MustCompile(`\b(postcode|postnummer|code postal|plz|postleitzahl|zip|zip code|zipcode|postal code)\b`),
		ident: rx.MustCompile(`\b(postcode|postalcode|postal code|zip|zipcode|zip code|plz|postleitzahl|codepostal|code postal)\b`)},
	{token: "address-level2",
		label: rx.MustCompile(`\b(gemeente|woonplaats|plaats|stad|commune|localite|ville|ort|wohnort|stadt|city|town)\b`),
		ident: rx.MustCompile(`\b(city|town|gemeente|woonplaats|plaats|stad|commune|ville|localite|ort|wohnort|stadt|locality)\b`),
		not:   rx.MustCompile(`\b(geboorte\w*|geboren|naissance|nee? a|geburt\w*|birth\w*|born)\b`)},
	{token: "bday",
		label: rx.MustCompile(`\b(geboortedatum|geboortedag|date de naissance|geburtsdatum|geburtstag|date of birth|birth ?date|birthday)\b`),
		ident: rx.MustCompile(`\b(birthdate|birth date|birthday|dob|bday|geboortedatum|date naissance|datenaissance|date de naissance|geburtsdatum)\b`)},
	{token: "country",
		exact: rx.MustCompile(`^(uw |votre |ihr |your )?(land|pays|country|land/regio|pays/region|country/region)$`),
		ident: rx.MustCompile(`^(country|land|pays|country code|countrycode)$`)},
}

// simOtherPerson matches labels about someone other than the user, which
// WCAG 1.3.5 does not cover (a recipient, a friend, a child).
var simOtherPerson = rx.MustCompile(`\b(ontvanger|begunstigde|vriend\w*|destinataire|beneficiaire|ami|amie|empfanger|freund\w*|recipient|friend|kind|enfant|child)\b`)

// simFilterName matches the words of search and filter forms, which ask
// about what to find, not about the user.
var simFilterName = rx.MustCompile(`\b(search|zoek\w*|recherche\w*|such\w*|filter\w*|filtre\w*|facet\w*)\b`)

// simFilterForm reports whether form is a search or filter form.
func simFilterForm(form *html.Node) bool {
	if form == nil {
		return false
	}
	if strings.EqualFold(attr(form, "role"), "search") {
		return true
	}
	return simFilterName.MatchString(text.IdentWords(attr(form, "id")+" "+attr(form, "class")+" "+attr(form, "name")+" "+attr(form, "action")) + " " + text.Fold(attr(form, "aria-label")))
}

// simMaxLabelWords bounds the words of a label that names a purpose:
// longer texts are questions or instructions, not labels.
const simMaxLabelWords = 6

// purpose returns the autocomplete token of the personal data field f asks
// for, or "" when it asks for none that WCAG 1.3.5 lists.
func (f simField) purpose() string {
	if simOtherPerson.MatchString(f.label+" "+f.placeholder) || simFilterForm(f.form) {
		return ""
	}
	switch f.kind {
	case "email":
		return "email"
	case "tel":
		return "tel"
	case "text", "number", "date", "select", "textarea":
	default:
		return ""
	}
	texts := []string{simCoreLabel(f.label), simCoreLabel(f.placeholder)}
	hasText := texts[0] != "" || texts[1] != ""
	for _, t := range texts {
		if t == "" || len(strings.Fields(t)) > simMaxLabelWords {
			continue
		}
		for _, p := range simPurposes {
			if p.not != nil && p.not.MatchString(t) {
				continue
			}
			if (p.exact != nil && p.exact.MatchString(t)) || (p.label != nil && p.label.MatchString(t)) {
				return p.token
			}
		}
	}
	if hasText {
		return ""
	}
	for _, p := range simPurposes {
		if p.not != nil && p.not.MatchString(f.ident) {
			continue
		}
		if p.ident.MatchString(f.ident) {
			return p.token
		}
	}
	return ""
}

// simAutofillFields are the field names of the HTML autofill grammar.
var simAutofillFields = simSet("name honorific-prefix given-name additional-name family-name honorific-suffix " +
	"nickname username new-password current-password one-time-code organization-title organization " +
	"street-address address-line1 address-line2 address-line3 address-level4 address-level3 address-level2 " +
	"address-level1 country country-name postal-code cc-name cc-given-name cc-additional-name cc-family-name " +
	"cc-number cc-exp cc-exp-month cc-exp-year cc-csc cc-type transaction-currency transaction-amount language " +
	"bday bday-day bday-month bday-year sex url photo")

// simAutofillContact are the field names that take a contact kind (home,
// work, mobile, fax, pager) before them.
var simAutofillContact = simSet("tel tel-country-code tel-national tel-area-code tel-local tel-local-prefix " +
	"tel-local-suffix tel-extension email impp")

// simSet makes a set of the space-separated words.
func simSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// simAutocomplete classifies an autocomplete value: "" when it names a
// field purpose, "off" or "on" for those keywords, "invalid" otherwise.
func simAutocomplete(v string) string {
	t := strings.Fields(strings.ToLower(v))
	if len(t) == 1 && (t[0] == "on" || t[0] == "off") {
		return t[0]
	}
	if len(t) > 0 && t[len(t)-1] == "webauthn" {
		t = t[:len(t)-1]
	}
	if len(t) == 0 {
		return "invalid"
	}
	if len(t) > 0 && strings.HasPrefix(t[0], "section-") {
		t = t[1:]
	}
	if len(t) > 0 && (t[0] == "shipping" || t[0] == "billing") {
		t = t[1:]
	}
	switch {
	case len(t) == 1 && (simAutofillFields[t[0]] || simAutofillContact[t[0]]):
		return ""
	case len(t) == 2 && simAutofillContact[t[1]] &&
		(t[0] == "home" || t[0] == "work" || t[0] == "mobile" || t[0] == "fax" || t[0] == "pager"):
		return ""
	}
	return "invalid"
}

// autocomplete is the field's effective autocomplete value: its own, or
// "off" inherited from its form.
func (f simField) autocomplete() (string, bool) {
	if v, ok := f.sel.Attr("autocomplete"); ok && strings.TrimSpace(v) != "" {
		return v, true
	}
	if f.form != nil && strings.EqualFold(strings.TrimSpace(attr(f.form, "autocomplete")), "off") {
		return "off", true
	}
	return "", false
}
