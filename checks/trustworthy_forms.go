package checks

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/didi-index/didi/checks/internal/rx"
)

// pinRE and cardRE recognise fields that ask for a bank card's PIN or full
// number, by their name, id, autocomplete, placeholder or label (words split
// at hyphens, underscores and case changes).
var (
	pinRE = wordsRE(`pin`, `pincode`, `pin code`, `pin-code`, `pinnummer`, `code pin`, `code secret`, `code confidentiel`,
		`geheime code`, `geheimcode`, `geheimzahl`, `geheimnummer`, `card pin`, `pin number`)
	cardRE = wordsRE(`cc number`, `cc num`, `ccnum`, `ccnumber`, `cc-number`, `cc-csc`, `card number`, `cardnumber`, `card no`,
		`credit card`, `debit card number`, `kaartnummer`, `bankkaartnummer`, `kredietkaartnummer`, `nummer van (?:je|uw) (?:bank|krediet)kaart`,
		`num[ée]ro de (?:la )?carte`, `num[ée]ro de carte bancaire`, `carte de cr[ée]dit`, `kartennummer`, `kreditkartennummer`,
		`cvv`, `cvc`, `cvv2`, `cvc2`, `csc`, `veiligheidscode`, `cryptogramme`, `prüfnummer`)
)

// camelBreak splits camelCase names ("cardNumber" -> "card Number").
var camelBreak = rx.MustCompile(`([a-z])([A-Z])`)

// fieldWords is the text that says what a form field asks: its name, id,
// autocomplete, placeholder, aria-label and label, with separators turned
// into spaces.
func fieldWords(p *Page, f *goquery.Selection) string {
	parts := []string{}
	for _, a := range []string{"name", "id", "autocomplete", "placeholder", "aria-label", "title"} {
		parts = append(parts, camelBreak.ReplaceAllString(f.AttrOr(a, ""), "$1 $2"))
	}
	if id := f.AttrOr("id", ""); id != "" {
		for _, l := range p.AX().LabelsFor(id) {
			parts = append(parts, textOfNodes(l))
		}
	}
	if l := f.Closest("label"); l.Length() > 0 {
		parts = append(parts, textOf(l))
	}
	s := strings.Join(parts, " ")
	return strings.NewReplacer("_", " ", "-", " ", "[", " ", "]", " ").Replace(s)
}

// sensitiveFields fails password or PIN fields on a page that is not a
// secure context (plain HTTP, not loopback), and any field that asks for a
// bank card's PIN or full card number. Pages without form fields are
// inapplicable.
func sensitiveFields(p *Page, _ Params) Result {
	fields := find(p.Doc(), `input:not([type="hidden" i]):not([type="submit" i]):not([type="button" i]):not([type="checkbox" i]):not([type="radio" i]), textarea`)
	if fields.Length() == 0 {
		return Result{Outcome: Inapplicable}
	}
	u, err := url.Parse(p.URL())
	insecure := err == nil && u.Scheme == "http" && !IsLoopback(u.Hostname())
	var ev []Evidence
	fields.Each(func(_ int, f *goquery.Selection) {
		words := fieldWords(p, f)
		typ := strings.ToLower(f.AttrOr("type", "text"))
		switch {
		case pinRE.MatchString(words):
			ev = append(ev, EvidenceFor(f, "card_pin"))
		case cardRE.MatchString(words) || strings.EqualFold(f.AttrOr("autocomplete", ""), "cc-number") || strings.EqualFold(f.AttrOr("autocomplete", ""), "cc-csc"):
			ev = append(ev, EvidenceFor(f, "card_number"))
		case insecure && typ == "password":
			ev = append(ev, EvidenceFor(f, "insecure_password", "url", p.URL()))
		}
	})
	return Verdict(ev)
}

// formAction fails forms that send their data over plain HTTP (not to a
// loopback host), and forms that post to another origin than the page's.
// Pages without forms are inapplicable.
func formAction(p *Page, _ Params) Result {
	forms := find(p.Doc(), "form")
	if forms.Length() == 0 {
		return Result{Outcome: Inapplicable}
	}
	base, err := url.Parse(p.URL())
	if err != nil {
		return Result{Outcome: Inapplicable}
	}
	var ev []Evidence
	forms.Each(func(_ int, f *goquery.Selection) {
		method := strings.ToLower(strings.TrimSpace(f.AttrOr("method", "get")))
		targets := []*goquery.Selection{f}
		f.Find("button[formaction], input[formaction]").Each(func(_ int, b *goquery.Selection) { targets = append(targets, b) })
		for _, t := range targets {
			action := strings.TrimSpace(t.AttrOr("action", t.AttrOr("formaction", "")))
			m := method
			if fm, ok := t.Attr("formmethod"); ok {
				m = strings.ToLower(fm)
			}
			if e, bad := judgeAction(base, action, m, t); bad {
				ev = append(ev, e)
			}
		}
	})
	return Verdict(ev)
}

// judgeAction returns evidence when a form's action is insecure or, for a
// POST, on another origin.
func judgeAction(base *url.URL, action, method string, sel *goquery.Selection) (Evidence, bool) {
	u, err := url.Parse(action)
	if err != nil {
		return Evidence{}, false
	}
	u = base.ResolveReference(u)
	if u.Scheme != "http" && u.Scheme != "https" {
		return Evidence{}, false
	}
	if !secureURL(u) {
		return startTag(sel, "insecure", "action", u.String()), true
	}
	if method == "post" && !sameOrigin(base, u) {
		return startTag(sel, "other_origin", "action", u.String(), "host", u.Host), true
	}
	return Evidence{}, false
}

// sameOrigin compares scheme, host and port.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if u.Scheme == "https" {
		return "443"
	}
	return "80"
}
