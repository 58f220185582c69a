package checks

import (
	"net/url"
	"strconv"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// involvingChecks are the checks of the "involving" criterion: designed
// with users. The questionnaire carries most of this criterion; these checks
// give it evidence from the site.
func involvingChecks() []Check {
	return []Check{
		{ID: "accessibility-statement", Messages: []string{"fail", "found", "unscanned"}, Review: true, Site: accessibilityStatement},
		{
			ID: "accessibility-statement-date", Messages: []string{"fail", "found"}, Site: accessibilityStatementDate,
			Params: Params{"max_age_days": defaultStatementMaxAge},
		},
		{ID: "feedback-channel", Messages: []string{"fail", "found"}, Site: feedbackChannel},
		{ID: "accessibility-report", Messages: []string{"fail", "found"}, Site: accessibilityReport},
	}
}

// statementTopic is an accessibility statement. Link texts that say only
// "Toegankelijkheid" / "Accessibilité" count too: that is how Belgian sites
// label the link to their statement in the footer.
var statementTopic = topic{
	Text: wordsRE(`toegankelijkheidsverklaring`, `verklaring (?:inzake|over|van|betreffende de) toegankelijkheid`,
		`d[ée]claration d['’]accessibilit[ée]`, `d[ée]claration (?:sur|relative à) l['’]accessibilit[ée]`,
		`barrierefreiheitserklärung`, `erklärung zur barrierefreiheit`, `accessibility statement`, `accessibility declaration`),
	Slug: slugRE(`toegankelijkheidsverklaring`, `toegankelijkheid`, `declaration-accessibilite`, `declaration-d-accessibilite`,
		`accessibilite`, `barrierefreiheitserklaerung`, `barrierefreiheitserklarung`, `barrierefreiheit`, `erklaerung-zur-barrierefreiheit`,
		`accessibility-statement`, `accessibility`),
}

// statementLinkText is the short footer label of the statement link.
var statementLinkText = wordsRE(`^\s*(?:toegankelijkheid|accessibilit[ée]|barrierefreiheit|accessibility)\s*$`)

// accessibilityStatement passes when a scanned page is an accessibility
// statement: its main heading or title names one (nl, fr, de, en). A link
// that only looks like one by its text (such as "Toegankelijkheid") is not
// enough: a link within the page (#accessibility), a link whose address
// alone says "accessibility", or a link to a scanned page that is no
// statement does not count, and a link to a page that was not scanned
// needs review (the team says what is behind it).
func accessibilityStatement(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if p, h := findPage(pages, statementTopic); p != nil {
		return siteResult(true, found(p, h, "what", textOf(h)))
	}
	if l, ok := findStatementLink(pages); ok {
		e := startTagOrText(l.Sel, "unscanned", "what", l.Text, "page", l.Page.URL(), "target", l.URL.String())
		e.URL = l.Page.URL()
		return Result{Outcome: NeedsReview, Evidence: []Evidence{e}}
	}
	return siteResult(false, missing(pages, "fail"))
}

// findStatementLink returns the first link whose text names an
// accessibility statement (or is the short footer label) and that goes to
// another page that was not scanned (the scanned ones are no statement, or
// findPage would have found them).
func findStatementLink(pages []*Page) (link, bool) {
	scanned := map[string]bool{}
	for _, p := range pages {
		for _, u := range []string{p.Snap.URL, p.URL()} {
			if pu, err := url.Parse(u); err == nil {
				scanned[normTarget(nil, pu.String())] = true
			}
		}
	}
	for _, p := range pages {
		base, _ := url.Parse(p.URL())
		for _, l := range linksOf(p) {
			if l.URL == nil || !(statementTopic.Text.MatchString(l.Text) || statementLinkText.MatchString(l.Text)) {
				continue
			}
			target := normTarget(base, l.Href)
			if target == "" || target == normTarget(nil, p.URL()) || scanned[target] {
				continue // a link within the page, or to a scanned page that is no statement
			}
			return l, true
		}
	}
	return link{}, false
}

// defaultStatementMaxAge is a year: the European rules ask to review the
// statement every year.
const defaultStatementMaxAge = 365

// accessibilityStatementDate fails when the statement's date (when it was
// made or last reviewed) is older than max_age_days on the day of the scan
// (the newest Fetched time of the pages, never the clock, so results are
// reproducible). It is inapplicable when no statement page was scanned or
// the statement states no date.
func accessibilityStatementDate(pages []*Page, params Params) Result {
	p, _ := findPage(htmlPages(pages), statementTopic)
	if p == nil {
		return Result{Outcome: Inapplicable}
	}
	body := bodyOf(p)
	d, ok := statementDate(pageText(p))
	if !ok {
		return Result{Outcome: Inapplicable}
	}
	today := scanDay(pages)
	if today.IsZero() {
		return Result{Outcome: NotEvaluated}
	}
	maxAge := params.Float("max_age_days", defaultStatementMaxAge)
	age := int(today.Sub(d.Date).Hours() / 24)
	sel := smallestMatch(body, literal(d.Text))
	e := EvidenceFor(sel, "found", "date", d.Date.Format("2006-01-02"), "days", strconv.Itoa(age), "max", fmtNum(maxAge), "page", p.URL())
	e.URL = p.URL()
	if float64(age) > maxAge {
		e.Message = "fail"
		return Result{Outcome: Fail, Evidence: []Evidence{e}}
	}
	return Result{Outcome: Pass, Evidence: []Evidence{e}}
}

// scanDay is the newest Fetched time of the pages (zero when none has one).
func scanDay(pages []*Page) time.Time {
	var t time.Time
	for _, p := range pages {
		if p.Snap.Fetched.After(t) {
			t = p.Snap.Fetched
		}
	}
	return t
}

// feedbackTopic is a way to give feedback.
var feedbackTopic = topic{
	Text: wordsRE(`feedback`, `uw mening`, `je mening`, `jouw mening`, `geef (?:uw|je) mening`, `suggesties?`, `opmerkingen`,
		`klachten?`, `klachtenbehandeling`, `klachtendienst`, `een klacht indienen`, `meld(?:ingen)? en klachten`, `was deze (?:pagina|informatie) nuttig\s?\??`, `tevredenheidsonderzoek`,
		`votre avis`, `donnez(?: nous)? votre avis`, `ton avis`, `avis et suggestions`, `vos suggestions`, `suggestions?`,
		`plaintes?`, `réclamations?`, `gestion des plaintes`, `introduire une plainte`, `cette page (?:vous )?a-t-elle été utile\s?\??`,
		`rückmeldung`, `ihre meinung`, `anregungen`, `beschwerden?`, `beschwerdemanagement`, `war diese seite hilfreich\s?\??`,
		`your opinion`, `tell us what you think`, `complaints?`, `was this page helpful\s?\??`, `give feedback`),
	Slug: slugRE(`feedback`, `mening`, `suggestie`, `suggesties`, `klacht`, `klachten`, `votre-avis`, `donnez-votre-avis`, `suggestions`,
		`plainte`, `plaintes`, `reclamation`, `rueckmeldung`, `beschwerde`, `complaints?`),
}

// feedbackChannel passes when a page links to a feedback channel or holds a
// feedback form (a form whose text, legend or button asks for feedback).
func feedbackChannel(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if l, ok := findLink(pages, feedbackTopic); ok {
		return siteResult(true, found(l.Page, l.Sel, "what", l.Text))
	}
	for _, p := range pages {
		var hit *goquery.Selection
		find(p.Doc(), "form").EachWithBreak(func(_ int, f *goquery.Selection) bool {
			if feedbackTopic.Text.MatchString(textOf(f)+" "+f.AttrOr("aria-label", "")) || feedbackTopic.Slug.MatchString(f.AttrOr("action", "")) {
				hit = f
				return false
			}
			return true
		})
		if hit != nil {
			return siteResult(true, found(p, hit, "what", ""))
		}
	}
	if p, h := findPage(pages, feedbackTopic); p != nil {
		return siteResult(true, found(p, h, "what", textOf(h)))
	}
	return siteResult(false, missing(pages, "fail"))
}

// reportRE is text that invites people to report an accessibility
// problem, including the heading of that section in the EU model statement
// ("Feedback en contactgegevens", "Retour d'information et coordonnées").
// A list of known problems ("Problèmes d'accessibilité connus") is not an
// invitation and does not match.
var reportRE = wordsRE(
	`meld (?:een|uw|je) toegankelijkheidsprobleem`, `meld (?:een|uw|je) probleem met (?:de )?toegankelijkheid`,
	`toegankelijkheidsproblemen? melden`, `problemen met (?:de )?toegankelijkheid (?:melden|doorgeven)`,
	`(?:ondervindt|ervaart|heeft|ondervind|ervaar|heb) (?:u|je) (?:een )?(?:probleem|problemen) met (?:de )?toegankelijkheid`,
	`feedback en contactgegevens`,
	`signaler un problème d['’]accessibilit[ée]`, `signalez(?:-nous)? un problème d['’]accessibilit[ée]`,
	`(?:rencontrez|constatez)(?:-vous)? un (?:problème|défaut) d['’]accessibilit[ée]`, `retour d['’]information et coordonnées`,
	`barrieren? melden`, `melden sie (?:uns )?(?:eine )?barriere`, `barriere gefunden`, `feedback und kontaktangaben`,
	`report an accessibility (?:problem|issue|barrier)`, `report (?:a )?(?:problem|barrier) with accessibility`,
	`(?:encounter|find|experience|notice) (?:an )?accessibility (?:problems?|issues?|barriers?)`,
	`feedback and contact information`)

// accessibilityReport passes when the site invites people to report an
// accessibility problem: such a text anywhere, or a contact route (an
// e-mail link, a form, a contact link) on the accessibility statement.
func accessibilityReport(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if h, ok := findText(pages, reportRE); ok {
		return siteResult(true, found(h.Page, h.Sel, "what", h.Text))
	}
	if p, _ := findPage(pages, statementTopic); p != nil {
		if s := statementContact(p); s.Length() > 0 {
			return siteResult(true, found(p, s, "what", textOf(s)))
		}
	}
	return siteResult(false, missing(pages, "fail"))
}

// statementContact returns a contact route on a statement page: an e-mail
// link, a form or a link to a contact or feedback page (in the main content
// when the page marks it).
func statementContact(p *Page) *goquery.Selection {
	root := find(p.Doc(), "main").First()
	if root.Length() == 0 {
		root = bodyOf(p)
	}
	if s := root.Find(`a[href^="mailto:" i], form`).First(); s.Length() > 0 {
		return s
	}
	for _, l := range linksOf(p) {
		if l.Sel.Closest("main").Length() == 0 && root.Is("main") {
			continue
		}
		if l.about(contactTopic) || l.about(feedbackTopic) {
			return l.Sel
		}
	}
	return root.Slice(0, 0)
}
