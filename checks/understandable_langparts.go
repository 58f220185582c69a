package checks

import (
	"fmt"

	"github.com/didi-index/didi/checks/lang"
)

// langPartsParams are the defaults of the lang-parts check: only paragraphs
// of at least min_words words whose language is identified with at least
// min_confidence are judged.
var langPartsParams = Params{
	"min_words":      20,
	"min_confidence": 0.8,
}

// langParts checks that paragraphs in another language than the page carry
// their own lang attribute (WCAG 3.1.2), so that a screen reader switches
// its pronunciation. It applies to pages whose declared language (nl, fr,
// de, en) is the language of most of their text; it fails each paragraph,
// list item or quote of at least min_words words that is clearly in another
// of those languages and has no lang attribute of its own or on an
// ancestor below the html element. Headings, table cells and link lists are
// not judged.
func langParts(p *Page, params Params) Result {
	d, declared, blocks, ok := proseBlocks(p)
	if !ok {
		return Result{Outcome: Inapplicable}
	}
	own := joinBlocks(blocks, func(b textBlock) bool { return b.lang == "" })
	if lang.Identify(own).Language != declared {
		return Result{Outcome: Inapplicable} // no text, unclear, or lang-match's failure
	}
	minWords := int(params.Float("min_words", 20))
	minConf := params.Float("min_confidence", 0.8)
	var ev []Evidence
	judged := false
	for _, b := range blocks {
		if b.lang != "" || lang.CountWords(b.text) < minWords {
			continue
		}
		g := lang.Identify(b.text)
		if g.Language == lang.Unknown || g.Confidence < minConf {
			continue
		}
		judged = true
		if g.Language != declared && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(b.node, "fail", "declared", declared, "detected", g.Language,
				"text", Shorten(b.text, 80), "confidence", fmt.Sprintf("%.0f%%", 100*g.Confidence)))
		}
	}
	if !judged {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// proseBlocks returns the running-text blocks of the page's main text and
// the page's declared language; ok is false for pages that are not HTML or
// whose declared language is none of nl, fr, de, en.
func proseBlocks(p *Page) (d *axDoc, declared string, blocks []textBlock, ok bool) {
	if !p.IsHTML() {
		return nil, "", nil, false
	}
	d = newAXDoc(p)
	declared = declaredLang(d)
	if !lang.Supported(declared) {
		return nil, "", nil, false
	}
	_, all := mainText(d)
	for _, b := range all {
		if b.prose() {
			blocks = append(blocks, b)
		}
	}
	return d, declared, blocks, true
}
