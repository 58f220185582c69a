package checks

import (
	"fmt"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"github.com/didi-index/didi/checks/lang"
)

// genericLinkTextParams are the defaults of the generic-link-text check.
var genericLinkTextParams = Params{"extra_phrases": []any{}}

// genericLinkText is the plain-language side of link texts: a link whose
// visible text is a generic phrase ("klik hier", "lees meer", "en savoir
// plus", "click here", in nl, fr, de and en, plus the model's
// extra_phrases) fails wherever it is, even when its sentence explains it
// (link-text accepts that for WCAG 2.4.4). It makes no WCAG claim. A link
// whose accessible name is more specific than its visible text still fails
// (message "hidden"): only screen reader users get that name. In-page links
// and links without visible text are left out.
func genericLinkText(p *Page, params Params) Result {
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	generic := genericSet(params.Strings("extra_phrases", nil))
	var ev []Evidence
	seen := false
	for _, n := range links(d) {
		if strings.HasPrefix(strings.TrimSpace(attr(n, "href")), "#") {
			continue
		}
		text := a11y.Collapse(a11y.VisibleText(n, a11y.TextOpts{SkipAriaHidden: true}))
		if text == "" {
			continue
		}
		seen = true
		if !generic[normLinkText(text)] {
			continue
		}
		msg := "fail"
		if name := d.Name(n); name != "" && !generic[normLinkText(name)] {
			msg = "hidden"
		}
		if len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, msg, "text", Shorten(text, 60)))
		}
	}
	if !seen {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// endsSentence reports whether s ends with a full stop, question or
// exclamation mark (before closing quotes or brackets).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'’”»)] ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}

// sentenceLengthParams are the defaults of the sentence-length check.
var sentenceLengthParams = Params{"max_words": 30}

// sentenceLength fails for every sentence of the page's running text
// (paragraphs and list items of the main part that are not mostly links)
// with more than max_words words, whatever the length of the page; the
// sentence is the evidence. Pages without running text are inapplicable.
func sentenceLength(p *Page, params Params) Result {
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	_, blocks := mainText(d)
	code, _ := pageTextLanguage(d, blocks)
	if !lang.Supported(code) {
		code = lang.English // sentence ends are alike in the four languages
	}
	maxWords := int(params.Float("max_words", 30))
	var ev []Evidence
	seen := false
	for _, b := range blocks {
		if !b.prose() {
			continue
		}
		for _, s := range lang.Sentences(b.text, code) {
			n := lang.CountWords(s)
			if n == 0 || (b.node.Data != "p" && !endsSentence(s)) {
				continue // a run of words without a full stop outside a paragraph: a line, not a sentence
			}
			seen = true
			if n > maxWords && len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(b.node, "fail", "words", fmt.Sprint(n), "max", fmt.Sprint(maxWords),
					"sentence", Shorten(s, 400)))
			}
		}
	}
	if !seen {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}
