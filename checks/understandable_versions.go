package checks

import (
	"sort"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/checks/lang"
)

// languageVersionsParams are the defaults of the language-versions check.
var languageVersionsParams = Params{"min_languages": 2}

// languageNames maps what a language switch shows (a code or a name, in
// the language itself or in nl, fr, de, en) to the language code.
var languageNames = map[string]string{
	"nl": "nl", "nld": "nl", "nederlands": "nl", "vlaams": "nl", "néerlandais": "nl", "neerlandais": "nl",
	"niederländisch": "nl", "dutch": "nl",
	"fr": "fr", "fra": "fr", "français": "fr", "francais": "fr", "frans": "fr", "französisch": "fr",
	"french": "fr",
	"de":     "de", "deu": "de", "deutsch": "de", "duits": "de", "allemand": "de", "german": "de",
	"en": "en", "eng": "en", "english": "en", "engels": "en", "anglais": "en", "englisch": "en",
}

// switchLanguage returns the language a language-switch element offers:
// its hreflang, else its lang when its text names a language, else the
// language its text names ("FR", "Français"); "" when it offers none.
func switchLanguage(n *html.Node) string {
	if h := lang.Primary(attr(n, "hreflang")); h != "" && h != "x" {
		return h
	}
	text := normLinkText(a11y.VisibleText(n, a11y.TextOpts{}))
	if text == "" {
		text = normLinkText(attr(n, "aria-label"))
	}
	code, ok := languageNames[text]
	if !ok {
		return ""
	}
	if l := lang.Primary(attr(n, "lang")); l != "" {
		return l
	}
	return code
}

// offeredLanguages returns the languages page d is in or points to:
// the html lang, hreflang alternates in the head, and language switches
// (links, buttons and options whose text is a language code or name, or
// links with hreflang).
func offeredLanguages(d *axDoc) map[string]bool {
	out := map[string]bool{}
	if l := declaredLang(d); l != "" {
		out[l] = true
	}
	for _, e := range d.Elems {
		switch e.Data {
		case "link":
			if strings.Contains(" "+strings.ToLower(attr(e, "rel"))+" ", " alternate ") {
				if h := lang.Primary(attr(e, "hreflang")); h != "" && h != "x" {
					out[h] = true
				}
			}
		case "a", "button", "option":
			if a11y.Hidden(e) && e.Data != "option" {
				continue
			}
			if e.Data == "a" && !a11y.Has(e, "href") {
				continue
			}
			if l := switchLanguage(e); l != "" {
				out[l] = true
			}
		}
	}
	return out
}

// languageVersions is a site-wide check: the site offers at least
// min_languages languages, counted over every page's html lang, hreflang
// alternates and visible language switches. Belgian users speak Dutch,
// French or German, and many read English. It is inapplicable only when no
// page is an HTML document.
func languageVersions(pages []*Page, params Params) Result {
	found := map[string]bool{}
	var start *axDoc
	for _, p := range pages {
		if !p.IsHTML() {
			continue
		}
		d := newAXDoc(p)
		if start == nil {
			start = d
		}
		for l := range offeredLanguages(d) {
			found[l] = true
		}
	}
	if start == nil {
		return Result{Outcome: Inapplicable}
	}
	min := int(params.Float("min_languages", 2))
	if len(found) >= min {
		return Result{Outcome: Pass}
	}
	var list []string
	for l := range found {
		list = append(list, l)
	}
	sort.Strings(list)
	shown := strings.Join(list, ", ")
	if shown == "" {
		shown = "-"
	}
	target := start.HTML
	if target == nil {
		target = start.Body
	}
	if target == nil {
		return Result{Outcome: Fail, Evidence: []Evidence{{Message: "fail",
			Params: map[string]string{"languages": shown, "min": strconv.Itoa(min)}}}}
	}
	return Verdict([]Evidence{start.ev(target, "fail", "languages", shown, "min", strconv.Itoa(min))})
}
