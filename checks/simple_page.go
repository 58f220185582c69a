package checks

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// simCaptchaWidget is a CAPTCHA a person has to solve or wait for, found by
// a CSS selector in the rendered page.
type simCaptchaWidget struct {
	selector, kind string
}

// simCaptchaWidgets are the widgets of the common CAPTCHA services.
var simCaptchaWidgets = []simCaptchaWidget{
	{".g-recaptcha", "reCAPTCHA"},
	{".h-captcha", "hCaptcha"},
	{".cf-turnstile", "Turnstile"},
	{".frc-captcha, .friendly-captcha", "Friendly Captcha"},
	{`iframe[src*="recaptcha"]`, "reCAPTCHA"},
	{`iframe[src*="hcaptcha.com"]`, "hCaptcha"},
	{`iframe[src*="challenges.cloudflare.com"]`, "Turnstile"},
}

// simCaptchaWord finds "captcha" in ids, classes, names, sources and alt
// texts of home-made CAPTCHAs (an image of distorted letters and a field).
var simCaptchaWord = rx.MustCompile(`(?i)captcha`)

// simCaptchaHosts map script addresses to the CAPTCHA service they load.
var simCaptchaHosts = []struct{ part, kind string }{
	{"google.com/recaptcha", "reCAPTCHA"},
	{"gstatic.com/recaptcha", "reCAPTCHA"},
	{"recaptcha.net", "reCAPTCHA"},
	{"hcaptcha.com", "hCaptcha"},
	{"challenges.cloudflare.com/turnstile", "Turnstile"},
	{"friendlycaptcha", "Friendly Captcha"},
	{"friendly-challenge", "Friendly Captcha"},
	{"captcha", "CAPTCHA"},
}

// simCaptcha fails pages that show a CAPTCHA: a widget of reCAPTCHA,
// hCaptcha, Turnstile or Friendly Captcha, or an image, field or block
// named "captcha". Invisible ones (reCAPTCHA v3, data-size="invisible")
// are left out: nobody has to solve them. A CAPTCHA script without a
// widget in the page needs review.
func simCaptcha(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	doc := p.Doc()
	var found []*html.Node
	kinds := map[*html.Node]string{}
	add := func(s *goquery.Selection, kind string) {
		if simHidden(s) || simCaptchaInvisible(s) || s.Closest(".grecaptcha-badge").Length() > 0 {
			return
		}
		n := s.Get(0)
		for _, f := range found {
			if simContains(f, n) {
				return
			}
		}
		found = append(found, n)
		kinds[n] = kind
	}
	for _, w := range simCaptchaWidgets {
		find(doc, w.selector).Each(func(_ int, s *goquery.Selection) { add(s, w.kind) })
	}
	find(doc, "body *").Each(func(_ int, s *goquery.Selection) {
		for _, a := range []string{"id", "class", "name", "src", "alt"} {
			if simCaptchaWord.MatchString(s.AttrOr(a, "")) && s.Get(0).Data != "script" {
				add(s, "CAPTCHA")
				return
			}
		}
	})
	var ev []Evidence
	for _, n := range simOutermost(found) {
		ev = append(ev, EvidenceFor(simNodeSel(doc, n), "widget", "kind", kinds[n]))
	}
	if len(ev) > 0 {
		return Verdict(ev)
	}
	if kind, src := simCaptchaScript(p); kind != "" {
		return Result{Outcome: NeedsReview, Evidence: []Evidence{{Message: "script", Params: map[string]string{"kind": kind, "url": src}}}}
	}
	if len(simPageFields(p)) == 0 {
		return Result{Outcome: Inapplicable}
	}
	return Result{Outcome: Pass}
}

// simCaptchaInvisible reports whether a CAPTCHA element is the invisible
// kind (reCAPTCHA or hCaptcha data-size="invisible", Turnstile shown only
// when it needs an interaction).
func simCaptchaInvisible(s *goquery.Selection) bool {
	return strings.EqualFold(s.AttrOr("data-size", ""), "invisible") ||
		strings.EqualFold(s.AttrOr("data-appearance", ""), "interaction-only") ||
		strings.Contains(s.AttrOr("src", ""), "size=invisible") ||
		strings.Contains(strings.ToLower(s.AttrOr("class", "")), "invisible")
}

// simCaptchaScript returns the service and address of a CAPTCHA script the
// page loads (script elements and, with a browser, its requests); "" when
// none. reCAPTCHA v3 (render=<site key>) is invisible and left out.
func simCaptchaScript(p *Page) (kind, src string) {
	var urls []string
	for _, d := range []*goquery.Document{p.Doc(), p.Served()} {
		find(d, "script[src]").Each(func(_ int, s *goquery.Selection) { urls = append(urls, s.AttrOr("src", "")) })
	}
	if b := p.Snap.Browser; b != nil {
		for _, r := range b.Requests {
			if r.Type == "Script" || r.Type == "Document" {
				urls = append(urls, r.URL)
			}
		}
	}
	for _, u := range urls {
		low := strings.ToLower(u)
		if i := strings.Index(low, "render="); i >= 0 && !strings.HasPrefix(low[i:], "render=explicit") {
			continue
		}
		for _, h := range simCaptchaHosts {
			if strings.Contains(low, h.part) {
				return h.kind, u
			}
		}
	}
	return "", ""
}

// simContains reports whether node a contains node b (or is b).
func simContains(a, b *html.Node) bool {
	for n := b; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// simOutermost drops nodes that lie inside another node of the list.
func simOutermost(nodes []*html.Node) []*html.Node {
	var out []*html.Node
	for i, n := range nodes {
		inside := false
		for j, m := range nodes {
			if i != j && m != n && simContains(m, n) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, n)
		}
	}
	return out
}

// simSessionText matches texts that warn of a session that ends on its own,
// in nl, fr, de and en (folded: lower case, no accents).
var simSessionText = rx.MustCompile(`\b(` +
	// nl
	`(uw|je|jouw) sessie (verloopt|vervalt|is verlopen|is vervallen|loopt af)|` +
	`(u|je) wordt (over \d+ \w+ )?(automatisch )?(afgemeld|uitgelogd)|` +
	// fr
	`(votre|ta) session (va expirer|expire|expirera|a expire|arrive a expiration|va se terminer)|` +
	`vous (allez etre|serez|avez ete) (automatiquement )?deconnecte|` +
	// de
	`(ihre|deine) sitzung (lauft|ist) .{0,30}?(ab|abgelaufen)|` +
	`sie werden (in \d+ \w+ )?automatisch abgemeldet|` +
	// en
	`your session (will |is about to |has )?(expire|expires|expired|time out|times out|timed out|end|ends)|` +
	`you will be (automatically )?(logged|signed) out` +
	`)\b`)

// simSessionWords is simSessionText behind a quick test: every phrase it
// matches has one of these words, and most pages have none.
var simSessionWords = withWords(simSessionText, "sessie", "afgemeld", "uitgelogd", "session", "deconnecte",
	"sitzung", "abgemeldet", "logged out", "signed out")

// simExtendText matches buttons and links that extend a session, which
// WCAG 2.2.1 accepts.
var simExtendText = rx.MustCompile(`\b(sessie verlengen|verleng\w*|aangemeld blijven|blijf aangemeld|prolonger|rester connecte|verlangern|angemeldet bleiben|extend|stay (signed|logged) in|continue (my )?session)\b`)

// simCountdownName matches ids and classes of countdown timers.
var simCountdownName = rx.MustCompile(`\b(countdown|count down|aftellen|afteller|compte a rebours|compte rebours|compteur rebours)\b`)

// simTimeLimit fails pages with time pressure: a meta refresh that reloads
// the page after a delay, a warning that the session ends on its own with
// no button to extend it, or a countdown timer.
func simTimeLimit(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	doc := p.Doc()
	var ev []Evidence
	find(doc, `meta[http-equiv]`).Each(func(_ int, s *goquery.Selection) {
		if !strings.EqualFold(strings.TrimSpace(s.AttrOr("http-equiv", "")), "refresh") {
			return
		}
		if secs, ok := simSelfRefresh(s.AttrOr("content", ""), p.URL()); ok {
			ev = append(ev, EvidenceFor(s, "refresh", "seconds", strconv.Itoa(secs)))
		}
	})
	// A session warning counts when no control offers to extend the
	// session; most pages have no warning to look for one for.
	if session := simDeepest(p, simSessionWords); len(session) > 0 && !simHasExtend(doc) {
		for _, n := range session {
			ev = append(ev, EvidenceFor(simNodeSel(doc, n), "session"))
		}
	}
	var timers []*html.Node
	for _, n := range find(doc, "body *").Nodes {
		if (strings.EqualFold(attr(n, "role"), "timer") ||
			simCountdownName.MatchString(text.IdentWords(attr(n, "id")+" "+attr(n, "class")))) && !simHiddenNode(n) {
			timers = append(timers, n)
		}
	}
	for _, n := range simOutermost(timers) {
		ev = append(ev, EvidenceFor(simNodeSel(doc, n), "countdown"))
	}
	return Verdict(ev)
}

// simSelfRefresh parses a meta refresh content ("30" or "30; url=...") and
// reports the delay when it reloads the page itself after 1 second to 20
// hours (WCAG 2.2.1 allows longer).
func simSelfRefresh(content, page string) (int, bool) {
	parts := strings.SplitN(content, ";", 2)
	if len(parts) == 0 {
		return 0, false
	}
	secs, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(parts[0], ".", 2)[0]))
	if err != nil || secs <= 0 || secs > 72000 {
		return 0, false
	}
	if len(parts) == 1 {
		return secs, true
	}
	target := strings.TrimSpace(parts[1])
	if i := strings.Index(target, "="); i >= 0 && strings.EqualFold(strings.TrimSpace(target[:i]), "url") {
		target = strings.TrimSpace(target[i+1:])
	}
	target = strings.Trim(target, `'"`)
	if target == "" {
		return secs, true
	}
	base, err1 := url.Parse(page)
	ref, err2 := url.Parse(target)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	abs := base.ResolveReference(ref)
	abs.Fragment, base.Fragment = "", ""
	return secs, abs.String() == base.String()
}

// simHasExtend reports whether a button or link offers to extend the
// session.
func simHasExtend(doc *goquery.Document) bool {
	found := false
	find(doc, `a, button, [role=button], input[type=submit], input[type=button]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t := text.Fold(simSelText(s) + " " + s.AttrOr("value", "") + " " + s.AttrOr("aria-label", ""))
		found = simExtendText.MatchString(t)
		return !found
	})
	return found
}

// simOverlayName matches ids, classes and texts of elements that are
// made to cover a page: modals, pop-ups, cookie walls, newsletter offers.
var simOverlayName = rx.MustCompile(`\b(modal|popup|pop up|pop-up|overlay|dialog|lightbox|backdrop|interstitial|cookie\w*|consent|consentement|toestemming|einwilligung|gdpr|rgpd|avg|dsgvo|newsletter|nieuwsbrief|infolettre|lettre d'information)\b`)

// simOverlayOnLoad fails pages where an overlay (a cookie wall, a
// newsletter pop-up, a modal dialog) covers at least min_coverage of the
// screen right after loading, before anyone did anything. A large fixed or
// positioned block that does not look like a dialog needs review; one that
// holds the page's main content is the layout, not an overlay.
func simOverlayOnLoad(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	if p.Snap.Browser == nil {
		return Result{Outcome: NotEvaluated}
	}
	floor := params.Float("min_coverage", 0.5)
	doc := p.Doc()
	var fail, review []Evidence
	for _, o := range p.Snap.Browser.Overlays {
		if o.Coverage < floor {
			continue
		}
		e := Evidence{Selector: o.Selector, Message: "fail",
			Params: map[string]string{"coverage": strconv.Itoa(int(o.Coverage*100 + 0.5)), "text": Shorten(o.Text, 80)}}
		s := simFind(doc, o.Selector)
		if s.Length() == 0 {
			review = append(review, e)
			continue
		}
		e.Snippet = startTag(s, "").Snippet
		switch {
		case s.Is("main, [role=main], header, body") || s.Find("main, [role=main], h1").Length() > 0:
		case simDialogLike(s, o.Text):
			fail = append(fail, e)
		default:
			review = append(review, e)
		}
	}
	return VerdictOrReview(fail, review)
}

// simDialogLike reports whether an element is a dialog by its markup
// (dialog, role=dialog or alertdialog, aria-modal) or by its names or text.
func simDialogLike(s *goquery.Selection, shown string) bool {
	if s.Is("dialog, [role=dialog], [role=alertdialog], [aria-modal=true]") {
		return true
	}
	names := text.IdentWords(s.AttrOr("id", "") + " " + s.AttrOr("class", ""))
	return simOverlayName.MatchString(names) || simOverlayName.MatchString(text.Fold(Shorten(shown, 200)))
}

// simFind finds selector in doc, or an empty selection when the selector
// is empty or not valid.
func simFind(doc *goquery.Document, selector string) *goquery.Selection {
	if strings.TrimSpace(selector) == "" {
		return find(doc, "no-such-element-didi")
	}
	return find(doc, selector)
}

// simInteractiveTags take clicks and keyboard focus on their own.
var simInteractiveTags = map[string]bool{
	"a": true, "button": true, "input": true, "select": true, "textarea": true, "label": true,
	"summary": true, "details": true, "option": true, "area": true, "video": true, "audio": true,
	"iframe": true, "object": true, "embed": true, "html": true, "body": true, "form": true,
}

// simInteractiveRoles are ARIA roles of widgets people can operate.
var simInteractiveRoles = simSet("button link checkbox radio switch tab menuitem menuitemcheckbox " +
	"menuitemradio option treeitem gridcell slider spinbutton combobox textbox searchbox")

// simNoAction matches click handlers that do nothing a person would use:
// empty, or only stopping the event.
var simNoAction = rx.MustCompile(`^\s*((event|e)\.stopPropagation\(\)|return (false|true)|void\(0\)|void 0)?\s*;?\s*$`)

// simClickable fails elements that react to a click (an onclick attribute)
// but are not a link or button: a div, span, li or td without an
// interactive role or without tabindex, so keyboards and screen readers
// cannot use them. Elements that hold a real link or button, which then
// does the same, are left out.
func simClickable(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	var ev []Evidence
	find(p.Doc(), "body [onclick]").Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		if simInteractiveTags[n.Data] || simNoAction.MatchString(s.AttrOr("onclick", "")) || simHidden(s) {
			return
		}
		if s.Find("a[href], button, input, select, textarea, [role=button], [role=link]").Length() > 0 {
			return
		}
		_, tab := s.Attr("tabindex")
		hasRole := false
		for _, role := range strings.Fields(strings.ToLower(s.AttrOr("role", ""))) {
			hasRole = hasRole || simInteractiveRoles[role]
		}
		switch {
		case !hasRole && !tab:
			ev = append(ev, EvidenceFor(s, "fail", "tag", n.Data))
		case !hasRole:
			ev = append(ev, EvidenceFor(s, "no-role", "tag", n.Data))
		case !tab:
			ev = append(ev, EvidenceFor(s, "no-tabindex", "tag", n.Data))
		}
	})
	return Verdict(ev)
}
