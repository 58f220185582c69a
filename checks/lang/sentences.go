package lang

import (
	"strings"
	"unicode"
)

// abbreviations never end a sentence (lower case, with their dots).
var abbreviations = map[string]bool{
	// Dutch
	"bv.": true, "bijv.": true, "vb.": true, "o.a.": true, "m.a.w.": true, "d.w.z.": true, "i.p.v.": true,
	"t.a.v.": true, "t.e.m.": true, "t.o.v.": true, "nr.": true, "blz.": true, "art.": true, "dhr.": true,
	"mevr.": true, "ir.": true, "ing.": true, "ca.": true, "incl.": true, "excl.": true, "ong.": true,
	"resp.": true, "evt.": true, "tel.": true, "gsm.": true, "zgn.": true, "m.b.t.": true, "i.v.m.": true,
	"p.": true, "pp.": true, "max.": true, "min.": true,
	// French
	"p.ex.": true, "cf.": true, "mme.": true, "mlle.": true, "av.": true, "bd.": true, "tél.": true,
	"env.": true, "c.-à-d.": true, "ex.": true, "éd.": true, "vol.": true, "n°.": true, "ste.": true,
	// German
	"z.b.": true, "bzw.": true, "d.h.": true, "u.a.": true, "str.": true, "hr.": true, "fr.": true,
	"evtl.": true, "ggf.": true, "inkl.": true, "vgl.": true, "s.o.": true, "u.u.": true, "z.t.": true,
	"sog.": true, "geb.": true,
	// English and shared
	"e.g.": true, "i.e.": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true, "prof.": true,
	"st.": true, "vs.": true, "no.": true, "approx.": true, "inc.": true, "ltd.": true, "jr.": true,
	"sr.": true, "co.": true, "fig.": true, "dept.": true, "jan.": true, "feb.": true, "apr.": true,
	"aug.": true, "sep.": true, "sept.": true, "okt.": true, "oct.": true, "nov.": true, "dec.": true,
}

// enders are abbreviations that end a sentence when a capital follows.
var enders = map[string]bool{"etc.": true, "enz.": true, "usw.": true, "e.a.": true, "e.d.": true}

// Sentences splits one block of text (a paragraph, a list item) into
// sentences. A sentence ends at ., ! or ? (also … and runs such as ?! or
// ...), with closing quotes or brackets, when a space and a capital, digit,
// quote or bracket, or the end of the text follow. A full stop does not end
// a sentence after a known abbreviation (bv., p.ex., z.B., e.g., Mr.), an
// initial ("J."), a number at the start of the block (a list number), or, in
// German, a day number ("am 3. Mai").
func Sentences(text, code string) []string {
	rs := []rune(strings.Join(strings.Fields(text), " "))
	var out []string
	start := 0
	for i := 0; i < len(rs); i++ {
		if !isTerminal(rs[i]) {
			continue
		}
		end := i + 1
		for end < len(rs) && (isTerminal(rs[end]) || isCloser(rs[end]) ||
			(rs[end] == ' ' && end+1 < len(rs) && rs[end+1] == '»')) { // French « … passe. » with its space
			end++
		}
		if !boundaryAfter(rs, end) {
			i = end - 1
			continue
		}
		if rs[i] == '.' && end == i+1 && !fullStopEnds(rs, start, i, end, code) {
			continue
		}
		if s := strings.TrimSpace(string(rs[start:end])); s != "" {
			out = append(out, s)
		}
		start = end
		i = end - 1
	}
	if s := strings.TrimSpace(string(rs[start:])); s != "" {
		out = append(out, s)
	}
	return out
}

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '“':
		return true
	}
	return false
}

// boundaryAfter reports whether the text after position end can start a new
// sentence: the end of the text, or a space then a capital, digit, quote or
// bracket.
func boundaryAfter(rs []rune, end int) bool {
	if end >= len(rs) {
		return true
	}
	if rs[end] != ' ' {
		return false
	}
	if end+1 >= len(rs) {
		return true
	}
	n := rs[end+1]
	return unicode.IsUpper(n) || unicode.IsDigit(n) || strings.ContainsRune("\"'“«‘([¿¡-–•", n)
}

// fullStopEnds decides whether the full stop at i ends the sentence that
// started at start.
func fullStopEnds(rs []rune, start, i, end int, code string) bool {
	ts := i
	for ts > start && rs[ts-1] != ' ' && rs[ts-1] != '(' {
		ts--
	}
	tok := strings.ToLower(string(rs[ts : i+1]))
	next := rune(0)
	if end+1 < len(rs) {
		next = rs[end+1]
	}
	switch {
	case enders[tok]:
		return unicode.IsUpper(next)
	case abbreviations[tok]:
		return false
	case len([]rune(tok)) == 2 && unicode.IsUpper(rs[ts]):
		return false // an initial: J. Janssens
	case isDigits(tok[:len(tok)-1]):
		if ts == start {
			return false // a list number: 1. Vul het formulier in
		}
		if code == German && len(tok) <= 3 {
			return false // am 3. Mai
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
