package checks

import (
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/didi-index/didi/checks/internal/rx"
)

// enterpriseCue names a Belgian enterprise or VAT number in nl, fr, de, en.
var enterpriseCue = wordsRE(`kbo(?:-nummer| nr\.?| nummer)?`, `bce`, `ondernemingsnummer`, `ondernemingsnr\.?`, `btw(?:-nummer| nr\.?)?`,
	`num[ée]ro d['’]entreprise`, `n° d['’]entreprise`, `n° bce`, `tva`, `n° tva`, `unternehmensnummer`, `mwst\.?(?:-nr\.?)?`,
	`ust-idnr\.?`, `enterprise number`, `company number`, `vat(?: number| no\.?)?`)

// enterpriseRE finds an enterprise number: optionally "BE", then ten digits
// starting with 0 or 1 (0xxx.xxx.xxx) or the old nine digits (xxx.xxx.xxx).
var enterpriseRE = rx.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(BE\s?)?([01]\d{3}[.\s]?\d{3}[.\s]?\d{3}|\d{3}\.\d{3}\.\d{3})(?:$|[^\p{N}])`)

// validEnterprise checks the mod-97 check digits of a Belgian enterprise
// number: 97 − (the first 8 digits mod 97) equals the last 2.
func validEnterprise(digits string) bool {
	if len(digits) == 9 {
		digits = "0" + digits
	}
	if len(digits) != 10 || (digits[0] != '0' && digits[0] != '1') {
		return false
	}
	base, err1 := strconv.Atoi(digits[:8])
	check, err2 := strconv.Atoi(digits[8:])
	return err1 == nil && err2 == nil && 97-base%97 == check
}

// enterpriseNumber is one enterprise number found in a text.
type enterpriseNumber struct {
	Text  string
	Valid bool
}

// findEnterpriseNumbers returns the enterprise numbers in text: numbers
// written with "BE" or announced by a cue word (KBO, BCE,
// ondernemingsnummer, numéro d'entreprise, ...) in the 40 characters before.
// A text without nine digits among dots and white space has none.
func findEnterpriseNumbers(text string) []enterpriseNumber {
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	if !hasDigitRun(text, func(c byte) bool { return isDigit(c) || c == '.' || isSpaceByte(c) }, isDigit, 9) {
		return nil
	}
	return scanEnterpriseNumbers(text)
}

// scanEnterpriseNumbers is findEnterpriseNumbers without the scan that rules
// texts out.
func scanEnterpriseNumbers(text string) []enterpriseNumber {
	var out []enterpriseNumber
	for _, m := range enterpriseRE.FindAllStringSubmatchIndex(text, -1) {
		num := text[m[4]:m[5]]
		hasBE := m[2] >= 0
		before := text[max(0, m[0]-40):m[0]]
		if !hasBE && !enterpriseCue.MatchString(before+" ") {
			continue
		}
		full := strings.TrimSpace(text[m[0]:m[5]])
		full = strings.TrimLeft(full, " :,(")
		out = append(out, enterpriseNumber{Text: full, Valid: validEnterprise(onlyDigits(num))})
	}
	return out
}

// legalNameRE finds an organisation's legal name: a name followed by a legal
// form, or a public body ("Stad Gent", "Commune de Schaerbeek").
var legalNameRE = rx.MustCompile(`(?:` +
	`\p{Lu}[\p{L}\p{N}&'’.\-]*(?:\s\p{Lu}[\p{L}\p{N}&'’.\-]*){0,4}\s(?:nv|NV|bv|BV|bvba|BVBA|vzw|VZW|cv|CV|cvba|CVBA|commv|CommV|` +
	`sa|SA|srl|SRL|sprl|SPRL|asbl|ASBL|scrl|SCRL|sc|SC|aisbl|AISBL|GmbH|AG|e\.\s?V\.|KG|Ltd\.?|LLC|PLC|plc|Inc\.?)(?:$|[^\p{L}])` +
	`|(?:Stad|Gemeente|OCMW|Provincie|Politiezone|Ville de|Ville d['’]|Commune de|Commune d['’]|CPAS de|CPAS d['’]|Province de|Province du|` +
	`Stadt|Gemeinde|City of|Municipality of)\s\p{Lu}[\p{L}\-]+` +
	`|(?:FOD|SPF|FPS|Vlaamse overheid|Service public de Wallonie|Région de Bruxelles-Capitale|Ministerium)(?:$|[^\p{L}])` +
	`)`)

// organisationIdentity passes when the site names who is behind it: a
// Belgian enterprise number with valid check digits, or a legal name with
// its form (nv, asbl, GmbH, ...) or a public body's name on the same page as
// a postal address. An enterprise number with wrong check digits fails with
// message "invalid_number".
func organisationIdentity(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	var valid *Evidence
	for _, p := range pages {
		body := bodyOf(p)
		for _, n := range findEnterpriseNumbers(pageText(p)) {
			sel := smallestMatch(body, literal(n.Text))
			if !n.Valid {
				e := EvidenceFor(sel, "invalid_number", "number", n.Text, "page", p.URL())
				e.URL = p.URL()
				return siteResult(false, e)
			}
			if valid == nil {
				e := found(p, sel, "what", n.Text)
				valid = &e
			}
		}
	}
	if valid != nil {
		return siteResult(true, *valid)
	}
	if p, sel, name := findLegalName(pages); p != nil {
		return siteResult(true, found(p, sel, "what", name))
	}
	return siteResult(false, missing(pages, "fail"))
}

// findLegalName returns a page that shows a legal name and a postal address.
func findLegalName(pages []*Page) (*Page, *goquery.Selection, string) {
	for _, p := range pages {
		body := bodyOf(p)
		text := pageText(p)
		if pageAddress(p) == "" {
			continue
		}
		if m := legalName(text); m != "" {
			return p, smallestMatch(body, literal(m)), m
		}
	}
	return nil, nil, ""
}

// legalName returns the first legal name in text, without the character
// that ends it.
func legalName(text string) string {
	m := strings.TrimSpace(legalNameRE.FindString(text))
	if strings.HasSuffix(m, ".") && !strings.HasSuffix(m, "V.") && !strings.HasSuffix(m, "Inc.") && !strings.HasSuffix(m, "Ltd.") {
		m = strings.TrimSuffix(m, ".")
	}
	return strings.TrimRight(m, ",;:)–-")
}
