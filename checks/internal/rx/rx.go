// Package rx holds the checks' regular expressions: Go's regexp with a
// literal prefilter. Most word lists the checks search (contact, privacy,
// feedback, desks, days) never occur in most texts, and Go's regexp has no
// fast path for an expression such as (?i)(?:^|\W)(?:contact|kontakt|...):
// on a page of 3.5 MB of text it walks every byte in its NFA, for every
// expression. A Regexp here first looks for the literals that any match must
// contain (found in the parsed expression: one of "contact", "kontakt", ...,
// compared with Unicode simple case folding when the expression ignores
// case) with a plain byte scan, and runs the expression only when one is
// there. The answers are those of regexp, always: the prefilter only rules
// out texts that cannot match.
package rx

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Regexp is a compiled regular expression whose search methods skip texts
// that lack every literal a match needs. The methods it does not override
// are regexp's.
type Regexp struct {
	*regexp.Regexp
	pre func() *filter
}

// MustCompile is regexp.MustCompile with a prefilter, built on first use.
func MustCompile(expr string) *Regexp {
	re := regexp.MustCompile(expr)
	return &Regexp{Regexp: re, pre: sync.OnceValue(func() *filter { return newFilter(expr) })}
}

// MayMatch reports whether s holds one of the literals every match needs:
// false means that no part of s matches.
func (re *Regexp) MayMatch(s string) bool { return re.pre().mayMatch(s) }

// MatchString is regexp.Regexp.MatchString.
func (re *Regexp) MatchString(s string) bool { return re.MayMatch(s) && re.Regexp.MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (re *Regexp) FindString(s string) string {
	if !re.MayMatch(s) {
		return ""
	}
	return re.Regexp.FindString(s)
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (re *Regexp) FindStringIndex(s string) []int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringIndex(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (re *Regexp) FindStringSubmatch(s string) []string {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindStringSubmatchIndex(s)
}

// FindAllString is regexp.Regexp.FindAllString.
func (re *Regexp) FindAllString(s string, n int) []string {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllString(s, n)
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !re.MayMatch(s) {
		return nil
	}
	return re.Regexp.FindAllStringSubmatchIndex(s, n)
}

// Split is regexp.Regexp.Split.
func (re *Regexp) Split(s string, n int) []string {
	if n != 0 && !re.MayMatch(s) {
		return []string{s}
	}
	return re.Regexp.Split(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	if !re.MayMatch(src) {
		return src
	}
	return re.Regexp.ReplaceAllString(src, repl)
}

// filter holds the literals one of which every match contains, case
// folded (fold); nil literals means any text may match.
type filter struct {
	literals []string
	// byFirst lists the literals by their first byte.
	byFirst [256][]string
}

// maxLiterals bounds the literals a filter looks for; an expression that
// needs more gets no filter. maxClass bounds the runes of a character class
// taken as literals.
const (
	maxLiterals = 128
	maxClass    = 16
)

func newFilter(expr string) *filter {
	f := &filter{}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return f
	}
	lits, ok := required(re.Simplify())
	if !ok || len(lits) > maxLiterals {
		return f
	}
	seen := map[string]bool{}
	for _, l := range lits {
		if l == "" {
			return &filter{} // cannot happen: literals are never empty
		}
		if !seen[l] {
			seen[l] = true
			f.literals = append(f.literals, l)
			f.byFirst[l[0]] = append(f.byFirst[l[0]], l)
		}
	}
	return f
}

// required returns literals, folded, one of which every match of re
// contains; ok is false when there is no such set.
func required(re *syntax.Regexp) (lits []string, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{fold(string(re.Rune))}, true
	case syntax.OpCharClass:
		// A small class ([:?()], [\[(]) is a set of one-rune literals.
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxClass {
				return nil, false
			}
		}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if l := fold(string(r)); !slices.Contains(lits, l) {
					lits = append(lits, l)
				}
			}
		}
		return lits, len(lits) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// Every part matches: any part's set will do; take the one with
		// the longest shortest literal, then the fewest literals. A run
		// of parts that each match one of a few strings matches one of
		// their products: the parser writes bd|boulevard as b(?:d|oulevard),
		// whose parts alone need only "b".
		consider := func(l []string) {
			if lits == nil || better(l, lits) {
				lits = l
			}
		}
		var run []string // the products of the run of exact parts so far
		inRun := false
		for _, sub := range re.Sub {
			if l, ok := required(sub); ok {
				consider(l)
			}
			e, ok := exact(sub)
			switch {
			case !ok || sub.Op == syntax.OpCharClass: // a class adds literals more than it filters
				inRun = false
				continue
			case !inRun:
				run, inRun = e, true
			default:
				run, inRun = product(run, e)
			}
			if inRun && !slices.Contains(run, "") {
				consider(run)
			}
		}
		return lits, lits != nil
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				return nil, false
			}
			lits = append(lits, l...)
		}
		return lits, len(lits) > 0
	}
	return nil, false
}

// maxExact bounds the strings of an exact set.
const maxExact = 64

// exact returns, folded, every string re matches, when they are at most
// maxExact ("" among them when re matches the empty string).
func exact(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral, syntax.OpCharClass:
		return required(re)
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpQuest:
		e, ok := exact(re.Sub[0])
		if !ok || len(e) >= maxExact {
			return nil, false
		}
		return union(e, []string{""}), true
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if all = union(all, e); !ok || len(all) > maxExact {
				return nil, false
			}
		}
		return all, true
	case syntax.OpConcat:
		all := []string{""}
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if all, ok = product(all, e); !ok {
				return nil, false
			}
		}
		return all, true
	}
	return nil, false
}

// product returns every string of a followed by one of b, when they are at
// most maxExact.
func product(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxExact {
		return nil, false
	}
	var out []string
	for _, x := range a {
		for _, y := range b {
			out = union(out, []string{x + y})
		}
	}
	return out, true
}

// union adds the strings of b that a lacks to a.
func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

// better reports whether literal set a filters better than b: its
// shortest literal is longer, up to goodLiteral bytes (a literal that long
// is rare enough), then it has fewer literals.
func better(a, b []string) bool {
	ma, mb := min(shortest(a), goodLiteral), min(shortest(b), goodLiteral)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

// goodLiteral is the length from which a longer literal filters no better
// than more of them cost.
const goodLiteral = 4

func shortest(lits []string) int {
	m := -1
	for _, l := range lits {
		if m < 0 || len(l) < m {
			m = len(l)
		}
	}
	return m
}

// mayMatch reports whether s holds one of the literals, after folding.
func (f *filter) mayMatch(s string) bool {
	if f.literals == nil {
		return true
	}
	if !isASCII(s) {
		return f.contains(foldedText(s), false)
	}
	return f.contains(s, true)
}

// contains reports whether s holds a literal; asciiFold folds s's bytes
// on the way (s is ASCII then), else s is folded already.
func (f *filter) contains(s string, asciiFold bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiFold {
			c = upper[c]
		}
		for _, l := range f.byFirst[c] {
			if len(l) > len(s)-i {
				continue
			}
			if !asciiFold {
				if s[i:i+len(l)] == l {
					return true
				}
				continue
			}
			j := 1
			for j < len(l) && upper[s[i+j]] == l[j] {
				j++
			}
			if j == len(l) {
				return true
			}
		}
	}
	return false
}

// upper folds ASCII bytes as fold does: letters to upper case.
var upper = func() (t [256]byte) {
	for i := range t {
		t[i] = byte(i)
		if i >= 'a' && i <= 'z' {
			t[i] = byte(i - 'a' + 'A')
		}
	}
	return t
}()

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fold maps every rune of s to the smallest rune of its simple case
// folding orbit (the runes regexp's (?i) takes as equal), so that two
// strings match case-insensitively exactly when their folds are equal.
// Invalid UTF-8 becomes U+FFFD, as regexp reads it.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(upper[r])
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// bigText is the size from which a folded text is kept for the next
// expression (a page's text is searched by dozens).
const bigText = 64 << 10

// folds keeps the folds of the last big texts; each entry holds its text,
// so that the text's memory is not reused for another while it is here.
var folds struct {
	sync.Mutex
	entries [4]struct{ text, folded string }
	next    int
}

// foldedText is fold(s), kept for big texts.
func foldedText(s string) string {
	if len(s) < bigText {
		return fold(s)
	}
	folds.Lock()
	for _, e := range folds.entries {
		if len(e.text) == len(s) && unsafe.StringData(e.text) == unsafe.StringData(s) {
			folds.Unlock()
			return e.folded
		}
	}
	folds.Unlock()
	f := fold(s)
	folds.Lock()
	folds.entries[folds.next] = struct{ text, folded string }{s, f}
	folds.next = (folds.next + 1) % len(folds.entries)
	folds.Unlock()
	return f
}
