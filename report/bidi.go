package report

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// Text from a scanned site (snippets, selectors, addresses, messages that
// quote the site) may hold bidirectional control characters. Left alone, a
// right-to-left override (U+202E) in a snippet reverses the report's own
// text after it. The HTML report isolates site text in <bdi> elements; the
// PDF and Markdown, which have no isolation, show each control character
// as a visible "[U+202E]".

// isBidiControl reports whether r changes the direction of the text around
// it: the embeddings and overrides (U+202A–U+202E), the isolates
// (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x200E || r == 0x200F || r == 0x061C
}

// bidiName is the visible form of a bidi control character: "[U+202E]".
func bidiName(r rune) string { return fmt.Sprintf("[U+%04X]", r) }

// showBidi replaces every bidi control character of s with its visible
// form, for formats without isolation.
func showBidi(s string) string {
	if strings.IndexFunc(s, isBidiControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isBidiControl(r) {
			b.WriteString(bidiName(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// balanceBidi makes the bidi controls of s self-contained: a closing
// isolate (U+2069) or pop (U+202C) that closes nothing opened in s is
// dropped, and what s opens and leaves open is closed at its end. So site
// text can neither end the isolation around it early nor leak a direction
// past it, however the reader implements <bdi>.
func balanceBidi(s string) string {
	if strings.IndexFunc(s, isBidiControl) < 0 {
		return s
	}
	var b strings.Builder
	var open []rune // the closers owed, innermost last
	for _, r := range s {
		switch r {
		case 0x202A, 0x202B, 0x202D, 0x202E: // LRE, RLE, LRO, RLO
			open = append(open, 0x202C)
		case 0x2066, 0x2067, 0x2068: // LRI, RLI, FSI
			open = append(open, 0x2069)
		case 0x202C: // PDF closes the innermost embedding, if it is one
			if len(open) == 0 || open[len(open)-1] != 0x202C {
				continue
			}
			open = open[:len(open)-1]
		case 0x2069: // PDI closes its isolate and every embedding inside it
			i := len(open) - 1
			for i >= 0 && open[i] != 0x2069 {
				i--
			}
			if i < 0 {
				continue
			}
			open = open[:i]
		}
		b.WriteRune(r)
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteRune(open[i])
	}
	return b.String()
}

// bdiHTML is site text for the HTML report: escaped, balanced and isolated
// in a <bdi> element, whose direction follows the text itself.
func bdiHTML(s string) template.HTML { return isolateHTML(`<bdi>`, s) }

// ltrHTML is code from the site (an address, a selector, a snippet) for
// the HTML report: isolated like bdiHTML, and left to right, as code is,
// whatever script its first letters are in.
func ltrHTML(s string) template.HTML { return isolateHTML(`<bdi dir="ltr">`, s) }

// isolateHTML is s escaped, balanced and isolated in the bdi element open.
func isolateHTML(open, s string) template.HTML {
	if s == "" {
		return ""
	}
	return template.HTML(open + html.EscapeString(balanceBidi(s)) + "</bdi>")
}

// isolateText is site text inside plain report text that has no markup
// (the HTML <title>): its controls shown, the whole between a first-strong
// isolate (U+2068) and its pop (U+2069).
func isolateText(s string) string {
	if s == "" {
		return ""
	}
	return "\u2068" + showBidi(s) + "\u2069"
}
