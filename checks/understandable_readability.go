package checks

import (
	"fmt"
	"math"
	"strings"

	"github.com/didi-index/didi/checks/lang"
)

// readabilityParams are the defaults of the readability check, aiming at
// CEFR level B1: a reading ease of at least 60 on each language's formula and
// at most a quarter of the sentences longer than 20 words.
var readabilityParams = Params{
	"min_words":      100,
	"min_score_nl":   60,
	"min_score_fr":   60,
	"min_score_de":   60,
	"min_score_en":   60,
	"long_sentence":  20,
	"max_long_share": 0.25,
}

// pageTextLanguage chooses the language of a page's main text: "" when the
// page declares a language the tools do not know; else the language
// identified in the text when it is clear, else the declared one.
func pageTextLanguage(d *axDoc, blocks []textBlock) (string, lang.Guess) {
	declared := declaredLang(d)
	if declared != "" && !lang.Supported(declared) {
		return "", lang.Guess{Language: lang.Unknown}
	}
	g := lang.Identify(joinBlocks(blocks, func(b textBlock) bool { return b.lang == "" }))
	if g.Language != lang.Unknown {
		return g.Language, g
	}
	return declared, g
}

// pureLanguage is the confidence above which a page's text is taken to be
// in one language only, so that its paragraphs need no identification.
const pureLanguage = 0.9

// readability measures the reading ease of the page's main text (prose
// blocks in the text's language) with the formula for that language, and
// the share of long sentences. It fails when the score is below the
// language's minimum or too many sentences are long; pages with less than
// min_words words of prose, or in a language without a formula, are
// inapplicable.
func readability(p *Page, params Params) Result {
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	root, blocks := mainText(d)
	code, guess := pageTextLanguage(d, blocks)
	if root == nil || !lang.Supported(code) {
		return Result{Outcome: Inapplicable}
	}
	mixed := guess.Language != code || guess.Confidence < pureLanguage
	var prose []string
	for _, b := range blocks {
		if !b.prose() || !b.inLanguage(code) {
			continue
		}
		if mixed && otherLanguage(b.text, code) {
			continue // a paragraph in another language (bilingual pages)
		}
		prose = append(prose, b.text)
	}
	longWords := int(params.Float("long_sentence", 20))
	st := lang.Readability(prose, code, longWords, 3)
	if st.Words < int(params.Float("min_words", 100)) {
		return Result{Outcome: Inapplicable}
	}
	minScore := params.Float("min_score_"+code, 60)
	maxLong := params.Float("max_long_share", 0.25)
	if st.Score >= minScore && st.LongShare() <= maxLong {
		return Result{Outcome: Pass}
	}
	msg := "fail"
	switch {
	case st.Score >= minScore:
		msg = "long"
	case st.LongShare() <= maxLong:
		msg = "score"
	}
	return Verdict([]Evidence{d.ev(root, msg,
		"score", fmt.Sprintf("%.0f", math.Round(st.Score)),
		"min", fmt.Sprintf("%.0f", minScore),
		"formula", lang.Formula(code),
		"lang", code,
		"long", percent(st.LongShare()),
		"max_long", percent(maxLong),
		"words", fmt.Sprint(longWords),
		"sentences", fmt.Sprint(st.Sentences),
		"longest", quoteSentences(st.Longest, 120),
	)})
}

// otherLanguage reports whether text is clearly in a language other than
// code.
func otherLanguage(text, code string) bool {
	g := lang.Identify(text)
	return g.Language != lang.Unknown && g.Language != code
}

func percent(f float64) string { return fmt.Sprintf("%.0f%%", math.Round(100*f)) }

// quoteSentences quotes each sentence, shortened to max characters, and
// joins them with " / ".
func quoteSentences(ss []string, max int) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "“" + Shorten(s, max) + "”"
	}
	return strings.Join(q, " / ")
}

// langMatchParams are the defaults of the lang-match check.
var langMatchParams = Params{
	"min_words":      30,
	"min_lang_share": 0.25,
}

// langMatch checks that the language declared on the html element is the
// language of the page's text. The text is the running text of the main
// part (paragraphs and list items that are not mostly links, outside table
// cells and parts with their own lang); it must have min_words words and a clearly identified language among nl, fr,
// de, en; otherwise, or when the declared language is missing or another
// one, it is inapplicable. A page whose paragraphs are for at least
// min_lang_share in the declared language passes (a bilingual page). A
// mismatch fails only when the declared language covers less than that.
func langMatch(p *Page, params Params) Result {
	d, declared, prose, ok := proseBlocks(p)
	if !ok {
		return Result{Outcome: Inapplicable}
	}
	var blocks []textBlock
	for _, b := range prose {
		if b.lang == "" {
			blocks = append(blocks, b)
		}
	}
	text := joinBlocks(blocks, func(textBlock) bool { return true })
	if lang.CountWords(text) < int(params.Float("min_words", 30)) {
		return Result{Outcome: Inapplicable}
	}
	g := lang.Identify(text)
	if g.Language == declared {
		return Result{Outcome: Pass}
	}
	if languageShare(blocks, declared) >= params.Float("min_lang_share", 0.25) {
		return Result{Outcome: Pass} // a page in several languages, the declared one among them
	}
	if g.Language == lang.Unknown {
		return Result{Outcome: Inapplicable}
	}
	return Verdict([]Evidence{d.ev(d.HTML, "fail", "declared", declared, "detected", g.Language)})
}

// languageShare is the share of words, among blocks without their own lang
// whose language can be identified, that are in language code.
func languageShare(blocks []textBlock, code string) float64 {
	total, in := 0, 0
	for _, b := range blocks {
		if b.lang != "" {
			continue
		}
		g := lang.Identify(b.text)
		if g.Language == lang.Unknown {
			continue
		}
		total += g.Words
		if g.Language == code {
			in += g.Words
		}
	}
	if total == 0 {
		return 0
	}
	return float64(in) / float64(total)
}
