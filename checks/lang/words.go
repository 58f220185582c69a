// Package lang holds didi's small language tools for plain-language checks:
// word and sentence splitting, syllable counters and readability formulas for
// Dutch, French, German and English, and a language identifier for those four
// languages. Everything is pure, deterministic and allocation-light.
package lang

import (
	"strings"
	"unicode"
)

// The languages the tools know, as ISO 639-1 codes.
const (
	Dutch   = "nl"
	French  = "fr"
	German  = "de"
	English = "en"
	// Unknown is what Identify says when a text is too short or unclear.
	Unknown = "unknown"
)

// Supported reports whether code (a primary language subtag) is one of the
// languages the tools know.
func Supported(code string) bool {
	switch code {
	case Dutch, French, German, English:
		return true
	}
	return false
}

// Primary returns the lower-cased primary subtag of a BCP 47 language tag
// ("nl-BE" → "nl", " EN_gb " → "en").
func Primary(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	return tag
}

// Words splits text into words: runs of letters, with an apostrophe or hyphen
// allowed between letters ("aujourd'hui", "e-mail"). Numbers and symbols are
// not words. Elided French articles ("l'", "d'", "qu'") stay attached.
func Words(text string) []string {
	var out []string
	rs := []rune(text)
	start := -1
	for i := 0; i <= len(rs); i++ {
		var r rune
		if i < len(rs) {
			r = rs[i]
		}
		if i < len(rs) && unicode.IsLetter(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if i < len(rs) && start >= 0 && isJoiner(r) && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			continue
		}
		if start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
	}
	return out
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐':
		return true
	}
	return false
}

// CountWords returns the number of Words in text without building them.
func CountWords(text string) int {
	n := 0
	in := false
	for _, r := range text {
		letter := unicode.IsLetter(r)
		switch {
		case letter && !in:
			n++
			in = true
		case !letter && !(in && isJoiner(r)):
			in = false
		}
	}
	return n
}
