package checks

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// accessibleChecks are the checks of the "accessible" criterion (WCAG 2.2 AA).
func accessibleChecks() []Check {
	return []Check{
		{
			ID: "html-lang", Criterion: "accessible",
			WCAG: []string{"3.1.1"}, ACT: []string{"b5c3f8", "bf051a"},
			Page: htmlLang,
		},
	}
}

// langTag matches a BCP 47 primary language subtag with optional subtags.
var langTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)

// htmlLang fails when the html element has no lang attribute, or one that is
// not a valid language tag. Non-HTML documents (SVG) are inapplicable.
func htmlLang(p *Page, _ Params) Result {
	h := p.Doc().Find("html").First()
	if h.Length() == 0 || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	lang, ok := h.Attr("lang")
	lang = strings.TrimSpace(lang)
	switch {
	case !ok || lang == "":
		return Verdict([]Evidence{startTag(h, "missing")})
	case !langTag.MatchString(lang):
		return Verdict([]Evidence{startTag(h, "invalid", "lang", lang)})
	}
	return Result{Outcome: Pass}
}

// startTag is evidence for an element too large to quote: its start tag only.
func startTag(sel *goquery.Selection, message string, kv ...string) Evidence {
	e := EvidenceFor(sel, message, kv...)
	if i := strings.IndexByte(e.Snippet, '>'); i >= 0 {
		e.Snippet = e.Snippet[:i+1]
	}
	return e
}
