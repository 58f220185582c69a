// Package text holds the visible-text walker of the checks: the text a
// sighted reader sees under an element (no scripts, styles, code or hidden
// elements; block elements apart), folded for matching word lists in nl, fr,
// de and en. What a page's checks share of it is computed once per page
// (checks' pageText and pageMemo).
package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// foldReplacer folds the accented letters of nl, fr and de and
// typographic quotes to plain ASCII, so word lists need one spelling.
var foldReplacer = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a",
	"ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u",
	"ÿ", "y", "ß", "ss", "œ", "oe", "æ", "ae",
	"’", "'", "‘", "'", "‐", "-", "‑", "-", "–", "-",
)

// Fold lowercases s, folds accents and collapses white space.
func Fold(s string) string {
	return Collapse(foldReplacer.Replace(strings.ToLower(s)))
}

// Collapse joins the runs of white space (unicode.IsSpace, no-break space
// included) in s into single spaces and trims it: strings.Join(
// strings.Fields(s), " ") in one pass, and s itself when it is collapsed
// already (most names and labels are).
func Collapse(s string) string {
	if collapsed(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// collapsed reports whether Collapse(s) is s: no white space but single
// spaces between words.
func collapsed(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		i += size
	}
	return s == "" || !prevSpace
}

// IdentWords turns an identifier such as "customer[firstName]" or
// "e-mail_address" into folded words: "customer first name",
// "e mail address".
func IdentWords(id string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range id {
		switch {
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteRune(' ')
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(' ')
		}
		prev = r
	}
	return Fold(b.String())
}

// SkipTags hold no text of the page's own: scripts, metadata and
// quoted code.
var SkipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "title": true, "meta": true, "link": true, "svg": true,
	// Code quotes markup or program text, not the page's own words.
	"code": true, "samp": true, "kbd": true,
}

// InlineTags do not break words apart; every other element does.
var InlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true,
	"code": true, "data": true, "dfn": true, "em": true, "i": true, "kbd": true,
	"mark": true, "q": true, "s": true, "samp": true, "small": true, "span": true,
	"strong": true, "sub": true, "sup": true, "time": true, "u": true, "var": true,
	"font": true,
}

// styleHidden matches inline styles that hide an element.
var styleHidden = regexp.MustCompile(`(?i)(display\s*:\s*none|visibility\s*:\s*hidden)`)

// NodeHidden reports whether element n itself is hidden from sight: the
// hidden attribute, an inline style that hides it, or an input of type
// hidden.
func NodeHidden(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if styleHidden.MatchString(a.Val) {
				return true
			}
		case "type":
			if n.Data == "input" && strings.EqualFold(a.Val, "hidden") {
				return true
			}
		}
	}
	return false
}

// Visible is the visible text of n: no scripts, styles or hidden elements;
// block elements are separated by spaces.
func Visible(n *html.Node) string {
	var b strings.Builder
	WriteVisible(&b, n)
	return Collapse(b.String())
}

// WriteVisible writes the visible text under n to b.
func WriteVisible(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		if SkipTags[n.Data] || NodeHidden(n) {
			return
		}
		if n.Data == "img" || n.Data == "input" {
			b.WriteByte(' ')
			return
		}
	}
	block := n.Type == html.ElementNode && !InlineTags[n.Data]
	if block {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		WriteVisible(b, c)
	}
	if block {
		b.WriteByte(' ')
	}
}

// Words splits folded text into words of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
