package checks

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// supportedChecks are the checks of the "supported" criterion: a human and a
// non-digital alternative within reach. They look at the site as a whole;
// their evidence names the page where something was found, or the start
// page when it was found nowhere.
func supportedChecks() []Check {
	return []Check{
		{ID: "contact-page", Messages: []string{"fail", "found"}, Site: contactPage},
		{ID: "contact-phone", Messages: []string{"fail", "found"}, Site: contactPhone},
		{ID: "contact-address", Messages: []string{"fail", "found"}, Site: contactAddress},
		{ID: "opening-hours", Messages: []string{"fail", "found"}, Site: openingHours},
		{ID: "contact-email", Messages: []string{"fail", "form_only", "found", "found_form"}, Site: contactEmail},
		{ID: "help-pages", Messages: []string{"fail", "found"}, Site: helpPages},
		{ID: "offline-alternative", Messages: []string{"fail", "found"}, Site: offlineAlternative},
		{ID: "digital-help", Messages: []string{"fail", "found"}, Site: digitalHelp},
	}
}

// contactPage passes when a start page links to a contact page or holds a
// contact section (a heading or an element with id "contact").
func contactPage(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	starts := startPages(pages)
	for _, p := range starts {
		for _, l := range linksOf(p) {
			if l.about(contactTopic) {
				return siteResult(true, found(p, l.Sel, "what", l.Text))
			}
		}
	}
	for _, p := range starts {
		if s := contactSection(p); s.Length() > 0 {
			return siteResult(true, found(p, s, "what", textOf(s)))
		}
	}
	return siteResult(false, missing(pages, "fail"))
}

// contactSection returns a heading about contact, or an element with id
// "contact", on page p.
func contactSection(p *Page) *goquery.Selection {
	var hit *goquery.Selection
	find(p.Doc(), "h1, h2, h3, h4, [id]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		id := strings.ToLower(s.AttrOr("id", ""))
		if contactTopic.Slug.MatchString(id) || isHeading(s) && contactTopic.Text.MatchString(textOf(s)) {
			hit = s
			return false
		}
		return true
	})
	if hit == nil {
		return p.Doc().Selection.Slice(0, 0)
	}
	return hit
}

func isHeading(s *goquery.Selection) bool {
	switch goquery.NodeName(s) {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		return true
	}
	return false
}

// contactPhone passes when any page has a tel: link or a phone number in
// its text (Belgian or international format).
func contactPhone(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if p, s, n := findPhone(pages); p != nil {
		return siteResult(true, found(p, s, "phone", n))
	}
	return siteResult(false, missing(pages, "fail"))
}

// findPhone returns the first phone number of the site: a tel: link first,
// then a number in the text.
func findPhone(pages []*Page) (*Page, *goquery.Selection, string) {
	for _, p := range pages {
		if a := find(p.Doc(), `a[href^="tel:" i]`).First(); a.Length() > 0 {
			number := textOf(a)
			if onlyDigits(number) == "" {
				number = a.AttrOr("href", "")[len("tel:"):]
			}
			return p, a, number
		}
	}
	for _, p := range pages {
		body := bodyOf(p)
		if phones := pagePhones(p); len(phones) > 0 {
			return p, smallestMatch(body, literal(phones[0])), phones[0]
		}
	}
	return nil, nil, ""
}

// contactAddress passes when any page shows a postal address: a street with
// a house number near a Belgian postcode and municipality.
func contactAddress(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if p, s, a := findAddressOn(pages); p != nil {
		return siteResult(true, found(p, s, "address", a))
	}
	return siteResult(false, missing(pages, "fail"))
}

// pagePhones are the phone numbers in p's visible text, found once per
// page (contact-phone and contact-email look for them).
func pagePhones(p *Page) []string {
	return pageMemo(p, "phones", func() []string { return findPhones(pageText(p)) })
}

// pageAddress is the first postal address in p's visible text, found once
// per page.
func pageAddress(p *Page) string {
	return pageMemo(p, "address", func() string { return findAddress(pageText(p)) })
}

func findAddressOn(pages []*Page) (*Page, *goquery.Selection, string) {
	for _, p := range pages {
		body := bodyOf(p)
		if a := pageAddress(p); a != "" {
			return p, smallestMatch(body, literal(a)), a
		}
	}
	return nil, nil, ""
}

// openingHours passes when any page states opening hours: a day (or range
// of days) near a range of hours.
func openingHours(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	for _, p := range pages {
		body := bodyOf(p)
		if h := findHours(pageText(p)); h != "" {
			return siteResult(true, found(p, smallestMatch(body, literal(h)), "hours", h))
		}
	}
	return siteResult(false, missing(pages, "fail"))
}

// contactEmail passes when any page shows an e-mail address, or has a
// contact form next to another route (phone or address). A contact form
// that is the only route fails with message "form_only".
func contactEmail(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	for _, p := range pages {
		if a := find(p.Doc(), `a[href^="mailto:" i]`).First(); a.Length() > 0 {
			return siteResult(true, found(p, a, "email", mailAddress(a.AttrOr("href", ""))))
		}
	}
	if h, ok := findText(pages, emailRE); ok {
		return siteResult(true, found(h.Page, h.Sel, "email", h.Text))
	}
	p, form := findContactForm(pages)
	if p == nil {
		return siteResult(false, missing(pages, "fail"))
	}
	if pp, _, _ := findPhone(pages); pp != nil {
		return siteResult(true, foundForm(p, form))
	}
	if pa, _, _ := findAddressOn(pages); pa != nil {
		return siteResult(true, foundForm(p, form))
	}
	e := startTag(form, "form_only", "page", p.URL())
	e.URL = p.URL()
	return siteResult(false, e)
}

// foundForm is the evidence of a contact form that stands next to other
// contact routes.
func foundForm(p *Page, form *goquery.Selection) Evidence {
	e := startTag(form, "found_form", "page", p.URL())
	e.URL = p.URL()
	return e
}

func mailAddress(href string) string {
	a := href[len("mailto:"):]
	if i := strings.IndexByte(a, '?'); i >= 0 {
		a = a[:i]
	}
	return a
}

// findContactForm returns a form to write to the organisation: a form with
// a text area that is not a search form, or any form with a text field on a
// contact page.
func findContactForm(pages []*Page) (*Page, *goquery.Selection) {
	for _, p := range pages {
		contactPage := pageAbout(p, contactTopic).Length() > 0
		var hit *goquery.Selection
		find(p.Doc(), "form").EachWithBreak(func(_ int, f *goquery.Selection) bool {
			if f.AttrOr("role", "") == "search" || f.Find(`input[type="search" i]`).Length() > 0 {
				return true
			}
			if f.Find("textarea").Length() > 0 || contactPage && f.Find(`input[type="text" i], input[type="email" i], input:not([type])`).Length() > 0 {
				hit = f
				return false
			}
			return true
		})
		if hit != nil {
			return p, hit
		}
	}
	return nil, nil
}

// helpPages passes when a page links to help or FAQ pages, or a page is
// one (by its main heading or title).
func helpPages(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if l, ok := findLink(pages, helpTopic); ok {
		return siteResult(true, found(l.Page, l.Sel, "what", l.Text))
	}
	if p, h := findPage(pages, helpTopic); p != nil {
		return siteResult(true, found(p, h, "what", textOf(h)))
	}
	return siteResult(false, missing(pages, "fail"))
}

// offlineAlternative passes when a page mentions a non-digital way to use
// the service (a desk, an appointment, the post), in a sentence that does not
// deny it.
func offlineAlternative(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if h, ok := findAffirmed(pages, offlineRE, negationRE); ok {
		return siteResult(true, found(h.Page, h.Sel, "what", h.Text))
	}
	return siteResult(false, missing(pages, "fail"))
}

// digitalHelp passes when a page offers help with digital procedures
// (digital helpers, a public computer space).
func digitalHelp(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if h, ok := findAffirmed(pages, digitalHelpRE, negationRE); ok {
		return siteResult(true, found(h.Page, h.Sel, "what", h.Text))
	}
	return siteResult(false, missing(pages, "fail"))
}
