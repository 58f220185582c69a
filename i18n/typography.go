package i18n

import (
	"regexp"
	"strings"
	"unicode"
)

// Typographic spaces.
const (
	// NBSP is the no-break space French puts before ":" and "%" and inside
	// « ».
	NBSP = "\u00a0"
	// NNBSP is the narrow no-break space French puts before ";", "?" and
	// "!".
	NNBSP = "\u202f"
)

// Typeset applies the typography of lang to s. For French, the space
// before ":" and "%" and inside « » becomes a no-break space, the space
// before ";", "?" and "!" a narrow no-break space, and one is added where
// it is missing ("Oui?" → "Oui ?"), so a mark never starts a line. Other
// languages are returned as they are. Text inside URLs, times ("09:14") and
// ratios ("4,5:1") is left alone: a missing space is only added before ";",
// "?" and "!" that end a word.
func Typeset(lang, s string) string {
	if lang != "fr" || s == "" {
		return s
	}
	if !strings.ContainsAny(s, ":;?!%«»") {
		return s
	}
	r := []rune(s)
	out := make([]rune, 0, len(r)+8)
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch c {
		case ':', ';', '?', '!', '%', '»':
			sp := '\u202f'
			if c == ':' || c == '%' || c == '»' {
				sp = '\u00a0'
			}
			switch {
			case i > 0 && isSpace(r[i-1]) && (c == ':' || c == '%' || c == '»' || endsWord(r, i)):
				out[len(out)-1] = sp
			case i > 0 && !isSpace(r[i-1]) && needsSpace(r, i):
				out = append(out, sp)
			}
			out = append(out, c)
		case '«':
			out = append(out, c)
			if i+1 < len(r) && isSpace(r[i+1]) {
				i++
			}
			if i+1 < len(r) {
				out = append(out, '\u00a0')
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// isSpace reports an ordinary or no-break space (not a line break).
func isSpace(c rune) bool { return c == ' ' || c == '\u00a0' || c == '\u202f' }

// endsWord reports whether the mark at r[i] is followed by the end, a
// space or a closing mark, as a sentence's "?" is (and "!important" is not).
func endsWord(r []rune, i int) bool {
	return i+1 == len(r) || isSpace(r[i+1]) || strings.ContainsRune("\n)\"'»", r[i+1])
}

// needsSpace reports whether the mark at r[i], written right after a word,
// needs a space added: ";", "?", "!" that end a word (followed by a space,
// a closing mark or the end), "»" always, and "%" after a digit. ":" and
// the rest are left as written (times, ratios, URLs, code).
func needsSpace(r []rune, i int) bool {
	prev := r[i-1]
	switch r[i] {
	case '»':
		return !isSpace(prev)
	case '%':
		return unicode.IsDigit(prev)
	case ';', '?', '!':
		if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) && prev != ')' && prev != '"' && prev != '\'' {
			return false
		}
		return endsWord(r, i)
	}
	return false
}

// decimalRE finds decimal numbers written with a point: "2.32", "4.5:1",
// "0.12". It does not match inside versions or dotted names (a digit or
// letter right before or a point right after).
var decimalRE = regexp.MustCompile(`(^|[^\w.])(\d+)\.(\d+)($|[^\w.]|:)`)

// Numbers writes the decimal numbers of s with lang's decimal separator:
// "2.32:1" becomes "2,32:1" in nl and fr. It is meant for values a program
// filled in (evidence parameters), not for free text: it leaves "1.2.3" and
// "v1.5" alone.
func Numbers(lang, s string) string {
	if lang == "en" || !strings.Contains(s, ".") {
		return s
	}
	// Two passes: adjacent matches share a boundary character.
	for range 2 {
		s = decimalRE.ReplaceAllString(s, "${1}${2},${3}${4}")
	}
	return s
}
