package checks

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
)

// rchContentWithoutJS fails pages whose HTML as served holds less than
// min_share of the words people see once scripts ran: without JavaScript
// (an old phone, a blocked or failed script, a slow connection) the core
// text is missing. Pages with fewer than min_words visible words are
// inapplicable.
func rchContentWithoutJS(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	b := p.Snap.Browser
	if b == nil || strings.TrimSpace(b.RenderedText) == "" {
		return Result{Outcome: NotEvaluated}
	}
	minShare := params.Float("min_share", 0.5)
	rendered := text.Words(b.RenderedText)
	if float64(len(rendered)) < params.Float("min_words", 50) {
		return Result{Outcome: Inapplicable}
	}
	served := map[string]int{}
	servedCount := 0
	if body := simBody(p.Served()); body != nil {
		for _, w := range text.Words(text.Visible(body)) {
			served[w]++
			servedCount++
		}
	}
	found := 0
	for _, w := range rendered {
		if served[w] > 0 {
			served[w]--
			found++
		}
	}
	share := float64(found) / float64(len(rendered))
	if share >= minShare {
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{{Message: "fail", Params: evParams(
		"share", strconv.Itoa(int(share*100+0.5)), "served", strconv.Itoa(servedCount),
		"rendered", strconv.Itoa(len(rendered)), "min", strconv.Itoa(int(minShare*100+0.5)))}})
}

// rchStoreHosts are the app stores whose links point to an app.
var rchStoreHosts = []string{"apps.apple.com", "itunes.apple.com", "play.google.com", "appgallery.huawei.com", "appgallery.cloud.huawei.com"}

// rchAppOnlyPhrase matches texts that send people to an app as the only
// way, in nl, fr, de and en (folded: lower case, no accents).
var rchAppOnlyPhrase = rx.MustCompile(`\b(` +
	// nl
	`(alleen|enkel|uitsluitend)\b[^.!?]{0,40}\b(in|via|met|op) (de|onze|onze mobiele|de mobiele) app|` +
	// fr
	`(uniquement|seulement|exclusivement)\b[^.!?]{0,40}\b(dans|via|sur|avec|depuis|par) (l'|notre |votre )(app|appli|application)|` +
	`que (dans|via|sur|avec|depuis|par) (l'|notre |votre )(app|appli|application)|` +
	// de
	`(nur|ausschliesslich|lediglich)\b[^.!?]{0,40}\b(in|uber|mit|per) (der|unserer|die|unsere) app|nur per app|` +
	// en
	`only\b[^.!?]{0,40}\b(in|via|through|with|on|using) (the|our) (mobile )?app|` +
	`exclusively (in|on|via|through) (the|our) (mobile )?app|app-only` +
	`)\b`)

// rchAppTo matches "download the app to ...", which sends people to the app
// for a task; followed by a comparison ("to order faster") it is a
// suggestion, not the only way.
var rchAppTo = rx.MustCompile(`\b(` +
	`(download|installeer|gebruik) (de|onze) (mobiele )?app om|` +
	`(telechargez|installez|utilisez) (l'|notre )(app|appli|application)( mobile)? pour|` +
	`(laden|installieren|nutzen) sie (die|unsere) app( herunter)?,? um|` +
	`(download|install|use) (the|our) (mobile )?app to` +
	`)\b`)

// rchComparison matches the comparisons that make rchAppTo a suggestion.
var rchComparison = rx.MustCompile(`\b(ook|nog|sneller|makkelijker|gemakkelijker|eenvoudiger|aussi|encore|plus|schneller|einfacher|bequemer|auch|noch|also|even|faster|easier|quicker)\b`)

// rchNotOnly removes "not only" in every language, which says the opposite.
var rchNotOnly = rx.MustCompile(`\b(niet alleen|niet enkel|non seulement|pas seulement|pas uniquement|nicht nur|not only)\b`)

// rchAlternative matches another way named in the same sentence (a desk,
// the website, a form, the phone, paper), which makes the app not the only
// way.
var rchAlternative = rx.MustCompile(`\b(loket|balie|website|webformulier|formulier|telefoon|telefonisch|bel ons|papier|afdruk|guichet|appelez|site web|site internet|formulaire|telephone|par courrier|schalter|webseite|formular|telefon|rufen sie|papierform|call us|desk|counter|web form|form|phone|paper|printed)\b`)

// rchSentence returns the sentence of s around the bytes from i to j.
func rchSentence(s string, i, j int) string {
	start := strings.LastIndexAny(s[:i], ".!?") + 1
	end := len(s)
	if k := strings.IndexAny(s[j:], ".!?"); k >= 0 {
		end = j + k
	}
	return s[start:end]
}

// rchAppOnlyMatcher matches app-only phrases, ignoring "not only ...".
type rchAppOnlyMatcher struct{}

// MatchString reports whether folded text s sends people to an app only.
func (rchAppOnlyMatcher) MatchString(s string) bool {
	if !rchNamesApp(s) { // every phrase below names the app
		return false
	}
	t := rchNotOnly.ReplaceAllString(s, "…")
	for _, loc := range rchAppOnlyPhrase.FindAllStringIndex(t, -1) {
		if !rchAlternative.MatchString(rchSentence(t, loc[0], loc[1])) {
			return true
		}
	}
	for _, loc := range rchAppTo.FindAllStringIndex(s, -1) {
		tail := s[loc[1]:]
		if i := strings.IndexAny(tail, ".!?"); i >= 0 {
			tail = tail[:i]
		}
		if !rchComparison.MatchString(tail) && !rchAlternative.MatchString(rchSentence(s, loc[0], loc[1])) {
			return true
		}
	}
	return false
}

// rchNamesApp reports whether s has the word app, appli or application
// (between \b boundaries, as in the expressions above): a quick test that
// lets text without it skip them.
func rchNamesApp(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "app")
		if j < 0 {
			return false
		}
		at := i + j
		i = at + 3
		if at > 0 && isASCIIWord(s[at-1]) {
			continue
		}
		for _, tail := range []string{"", "li", "lication"} {
			end := at + 3 + len(tail)
			if strings.HasPrefix(s[at+3:], tail) && (end == len(s) || !isASCIIWord(s[end])) {
				return true
			}
		}
	}
}

// isASCIIWord reports whether c is a word character for regexp's \b.
func isASCIIWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// rchAppOnly fails pages that present an app as the only way: a text such
// as "alleen in de app", "uniquement via l'application", "nur in der App",
// "only in our app", or a main content that is little more than app store
// badges. Pages that neither link to an app store nor speak of the app
// that way are inapplicable.
func rchAppOnly(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	doc := p.Doc()
	store := rchStoreLinksIn(doc.Selection)
	var ev []Evidence
	for _, n := range simDeepest(p, rchAppOnlyMatcher{}) {
		ev = append(ev, EvidenceFor(simNodeSel(doc, n), "phrase"))
	}
	if len(ev) == 0 && store.Length() > 0 {
		main := find(doc, "main, [role=main]").First()
		if main.Length() == 0 {
			main = find(doc, "body").First()
		}
		inMain := store.FilterFunction(func(_ int, s *goquery.Selection) bool {
			return simContains(main.Get(0), s.Get(0)) && s.Closest("header, nav, footer").Length() == 0
		})
		if inMain.Length() >= 2 {
			words := rchOtherWords(main)
			if float64(words) < params.Float("badge_page_words", 25) {
				ev = append(ev, startTag(main, "badges", "words", strconv.Itoa(words)))
			}
		}
	}
	if len(ev) == 0 && store.Length() == 0 {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// rchOtherWords counts the words of sel outside store links, headers,
// menus and footers.
func rchOtherWords(sel *goquery.Selection) int {
	c := sel.Clone()
	c.Find("header, nav, footer, [role=banner], [role=navigation], [role=contentinfo]").Remove()
	rchStoreLinksIn(c).Remove()
	return len(text.Words(simSelText(c)))
}

// rchStoreLinksIn selects the app store links under sel.
func rchStoreLinksIn(sel *goquery.Selection) *goquery.Selection {
	return sel.Find("a[href]").FilterFunction(func(_ int, s *goquery.Selection) bool {
		u, err := url.Parse(strings.TrimSpace(s.AttrOr("href", "")))
		if err != nil {
			return false
		}
		h := strings.ToLower(u.Hostname())
		for _, store := range rchStoreHosts {
			if h == store {
				return true
			}
		}
		return false
	})
}
