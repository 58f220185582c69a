package lang

import (
	"strings"
	"unicode"
)

// Syllables counts the spoken syllables of one word in language code (nl,
// fr, de, en; other codes use the English rules). Words joined by a hyphen
// are counted part by part. A word with letters has at least one syllable;
// a word without letters has none.
//
// The counters group vowels into syllable nuclei with each language's rules:
// Dutch digraphs and trigraphs (aa, ee, oo, uu, ie, oe, eu, ei, ij, ui, au, ou,
// aai, ooi, oei, eeuw, ieuw) and the trema; French silent final e, es and
// verbal ent, é in hiatus and glides; German digraphs (ei, ie, eu, äu, au) and
// -ien; English silent e, -le, -es, -ed, y as a consonant, and hiatus in -ia,
// -io, -eo, -ua. A short list of frequent exceptions per language completes
// the rules.
func Syllables(word, code string) int {
	word = strings.ToLower(word)
	if strings.ContainsAny(word, "-‐") {
		n := 0
		for _, part := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '‐' }) {
			n += Syllables(part, code)
		}
		return n
	}
	rs := []rune(word)
	if !hasLetter(rs) {
		return 0
	}
	var n int
	switch code {
	case Dutch:
		n = dutchSyllables(word, rs)
	case French:
		n = frenchSyllables(word)
	case German:
		n = germanSyllables(word, rs)
	default:
		n = englishSyllables(word, rs)
	}
	if n < 1 {
		n = 1
	}
	return n
}

func hasLetter(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// base strips acute, grave and circumflex accents, keeps the trema (which
// marks a new syllable in Dutch and French) and maps ligatures.
func base(r rune) rune {
	switch r {
	case 'á', 'à', 'â':
		return 'a'
	case 'é', 'è', 'ê':
		return 'e'
	case 'í', 'ì', 'î':
		return 'i'
	case 'ó', 'ò', 'ô':
		return 'o'
	case 'ú', 'ù', 'û':
		return 'u'
	case 'œ', 'æ':
		return 'e'
	}
	return r
}

func isVowel(r rune) bool {
	switch base(r) {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ë', 'ï', 'ö', 'ü', 'ÿ':
		return true
	}
	return false
}

func isTrema(r rune) bool {
	switch r {
	case 'ä', 'ë', 'ï', 'ö', 'ü', 'ÿ':
		return true
	}
	return false
}

// run is a maximal sequence of vowels in a word: rs[start:end].
type run struct{ start, end int }

// vowelRuns finds the vowel runs of rs. vowel decides, with the position,
// whether rs[i] is a vowel (letters such as y, u after q, or j in Dutch ij
// depend on their neighbours).
func vowelRuns(rs []rune, vowel func(rs []rune, i int) bool) []run {
	var out []run
	start := -1
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && vowel(rs, i) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, run{start, i})
			start = -1
		}
	}
	return out
}

// greedy counts the units of a vowel run, matching the longest grapheme of
// units first; with trema, a vowel with a trema (diaeresis) always starts a
// new unit (Dutch, French), otherwise it is an umlaut (German).
func greedy(rs []rune, units []string, trema bool) int {
	n := 0
	for i := 0; i < len(rs); {
		step := 1
		if !trema || !isTrema(rs[i]) {
			for _, u := range units {
				if matchAt(rs, i, u) {
					step = len([]rune(u))
					break
				}
			}
		}
		n++
		i += step
	}
	return n
}

func matchAt(rs []rune, i int, unit string) bool {
	for _, u := range unit {
		if i >= len(rs) || base(rs[i]) != u {
			return false
		}
		i++
	}
	return true
}

// ---------------------------------------------------------------- Dutch

var dutchUnits = []string{"aai", "ooi", "oei", "eeu", "ieu", "eau", "aa", "ee", "oo", "uu", "ie", "oe", "eu",
	"ei", "ij", "ui", "au", "ou", "ai", "oy", "ay", "ey", "uy"}

// dutchExceptions are frequent words (often loans) the rules miss.
var dutchExceptions = map[string]int{
	"museum": 3, "musea": 3, "website": 2, "websites": 2, "online": 2, "update": 2, "software": 2,
	"homepage": 2, "smartphone": 2, "smartphones": 2, "download": 2, "downloaden": 3, "service": 2,
	"team": 1, "teams": 1, "live": 1, "site": 1, "sites": 1, "e-mail": 2, "email": 2, "mail": 1,
	"cookie": 2, "cookies": 2, "laptop": 2, "chat": 1, "chatten": 2, "nieuwe": 2, "leeuwen": 2,
}

func dutchVowel(rs []rune, i int) bool {
	if rs[i] == 'j' {
		return i > 0 && rs[i-1] == 'i' // ij is one vowel
	}
	if rs[i] == 'u' && i > 0 && rs[i-1] == 'q' {
		return false
	}
	return isVowel(rs[i])
}

func dutchSyllables(word string, rs []rune) int {
	if n, ok := dutchExceptions[word]; ok {
		return n
	}
	n := 0
	for _, r := range vowelRuns(rs, dutchVowel) {
		n += greedy(rs[r.start:r.end], dutchUnits, true)
	}
	if strings.HasSuffix(word, "tion") || strings.HasSuffix(word, "sion") {
		n-- // French loans: sta-tion, ver-sion
	}
	return n
}

// ---------------------------------------------------------------- German

var germanUnits = []string{"aa", "ee", "oo", "ie", "ei", "ai", "au", "eu", "äu", "ey", "ay"}

// germanExceptions are frequent words the rules miss.
var germanExceptions = map[string]int{
	"museum": 3, "museen": 3, "familie": 4, "linie": 3, "ferien": 3, "team": 1, "teams": 1,
	"online": 2, "website": 2, "homepage": 2, "service": 2, "e-mail": 2, "email": 2,
}

func germanVowel(rs []rune, i int) bool {
	if rs[i] == 'u' && i > 0 && rs[i-1] == 'q' {
		return false
	}
	return isVowel(rs[i])
}

func germanSyllables(word string, rs []rune) int {
	if n, ok := germanExceptions[word]; ok {
		return n
	}
	runs := vowelRuns(rs, germanVowel)
	n := 0
	for k, r := range runs {
		seg := rs[r.start:r.end]
		c := greedy(seg, germanUnits, false)
		// Plural -ien after other syllables: Medi-en, Famili-en, Aktien.
		if k == len(runs)-1 && k > 0 && string(seg) == "ie" && r.end == len(rs)-1 && rs[len(rs)-1] == 'n' {
			c = 2
		}
		n += c
	}
	return n
}

// ---------------------------------------------------------------- French

// frenchPronouncedEnt are endings after which a final -ent is pronounced
// (nouns, adjectives, adverbs) rather than a silent verb ending.
var frenchPronouncedEnt = []string{"ment", "ident", "édent", "agent", "igent", "rgent", "ugent", "ouvent",
	"client", "patient", "cient", "érent", "arent", "ellent", "alent", "olent", "ésent",
	"bsent", "ontent", "écent", "ocent", "anent", "inent", "quent", "scent"}

// frenchExceptions are frequent words the rules miss.
var frenchExceptions = map[string]int{
	"pays": 2, "paysage": 3, "quelque": 2, "quelques": 2, "monsieur": 2, "femme": 1, "femmes": 1,
	"aiment": 1, "sont": 1, "ont": 1, "font": 1, "vont": 1, "site": 1, "sites": 1, "team": 1,
	"online": 2, "email": 2, "e-mail": 2,
}

func frenchVowel(rs []rune, i int) bool {
	r := rs[i]
	if r == 'u' && i > 0 && (rs[i-1] == 'q' || rs[i-1] == 'g' && (i+1 == len(rs) || isVowel(rs[i+1]))) {
		return false // qu, and gu before a vowel or at the end: the u is silent (numérique, langue)
	}
	if r == 'y' && i+1 < len(rs) && isVowel(rs[i+1]) {
		return false // y before a vowel is a consonant (yeux, crayon)
	}
	return isVowel(r)
}

// frenchStem drops silent endings: verbal -ent, then a final e or es.
func frenchStem(word string) string {
	if strings.HasSuffix(word, "ent") && countRuns(word, frenchVowel) > 1 && silentEnt(word) {
		word = strings.TrimSuffix(word, "nt") // the e is handled as a final e below
	}
	for _, suf := range []string{"es", "e"} {
		if !strings.HasSuffix(word, suf) {
			continue
		}
		trimmed := strings.TrimSuffix(word, suf)
		if countRuns(trimmed, frenchVowel) >= 1 {
			return trimmed // table, pommes, année, vie
		}
		return word // le, les
	}
	return word
}

func silentEnt(word string) bool {
	for _, s := range []string{"aient", "oient", "uient", "ndent", "ngent", "ssent", "ttent", "nnent", "ivent", "euvent", "oivent", "uivent"} {
		if strings.HasSuffix(word, s) {
			return true
		}
	}
	for _, s := range frenchPronouncedEnt {
		if strings.HasSuffix(word, s) {
			return false
		}
	}
	return true
}

func countRuns(word string, vowel func([]rune, int) bool) int {
	return len(vowelRuns([]rune(word), vowel))
}

func isLiquidCluster(rs []rune, i int) bool {
	// rs[i] is the first vowel of a run; a consonant + r/l before it makes a
	// following i, u or ou vowel its own syllable (cli-ent, cri-er, tru-ite).
	if i < 2 {
		return false
	}
	l := rs[i-1]
	c := rs[i-2]
	return (l == 'r' || l == 'l') && strings.ContainsRune("bcdfgkptv", c)
}

func frenchSyllables(word string) int {
	if n, ok := frenchExceptions[word]; ok {
		return n
	}
	stem := []rune(frenchStem(word))
	n := 0
	for _, r := range vowelRuns(stem, frenchVowel) {
		n += frenchRun(stem, r)
	}
	return n
}

// frenchRun counts the syllables of one vowel run: the run is one syllable,
// split at a trema, around é in hiatus (ré-a-li-té, po-é-sie) and after i, u
// or ou following a consonant + r/l cluster (cli-ent).
func frenchRun(rs []rune, r run) int {
	n := 1
	for i := r.start + 1; i < r.end; i++ {
		prev, cur := rs[i-1], rs[i]
		switch {
		case isTrema(cur):
			n++
		case prev == 'é':
			n++ // ré-a-li-té, cré-er
		case cur == 'é' && prev != 'i' && prev != 'u' && base(prev) != 'e':
			n++ // po-é-sie, a-é-ro-port
		case i == r.start+1 && isLiquidCluster(rs, r.start) && (prev == 'i' || prev == 'u') && cur != 'i' && cur != 'u':
			n++ // cli-ent, cru-el
		case i == r.start+2 && isLiquidCluster(rs, r.start) && rs[r.start] == 'o' && prev == 'u':
			n++ // trou-er
		}
	}
	return n
}

// ---------------------------------------------------------------- English

// englishExceptions are frequent words the rules miss.
var englishExceptions = map[string]int{
	"business": 2, "every": 2, "everyone": 3, "everything": 3, "area": 3, "areas": 3, "idea": 3, "ideas": 3,
	"create": 2, "created": 3, "creating": 3, "science": 2, "people": 2, "quiet": 2, "poem": 2,
	"client": 2, "clients": 2, "diet": 2, "lion": 2, "real": 1, "really": 2, "being": 2, "ok": 2,
	"element": 3, "elements": 3, "evening": 2, "several": 3, "interesting": 3, "cooperate": 4,
	"online": 2, "theatre": 3, "theater": 3, "video": 3, "videos": 3, "going": 2, "doing": 2,
}

func englishVowel(rs []rune, i int) bool {
	r := rs[i]
	if r == 'y' {
		if i == 0 {
			return false // yes, year
		}
		if i+1 < len(rs) && isVowel(rs[i+1]) && isVowel(rs[i-1]) {
			return false // player, beyond
		}
		return true
	}
	if r == 'u' && i > 0 && (rs[i-1] == 'q' || rs[i-1] == 'g') && i+1 < len(rs) && isVowel(rs[i+1]) {
		return false // quick, guess, language
	}
	return isVowel(r)
}

func englishSyllables(word string, rs []rune) int {
	if n, ok := englishExceptions[word]; ok {
		return n
	}
	runs := vowelRuns(rs, englishVowel)
	n := 0
	for _, r := range runs {
		n += englishRun(rs, r)
	}
	n -= englishSilent(word, rs, runs)
	if strings.HasSuffix(word, "ism") || strings.HasSuffix(word, "isms") {
		n++ // tour-i-sm
	}
	return n
}

// englishRun counts one vowel run: one syllable, or two in hiatus (ra-di-o,
// u-su-al, vi-de-o, ea-si-er, be-ing).
func englishRun(rs []rune, r run) int {
	seg := string(rs[r.start:r.end])
	before := rune(0)
	if r.start > 0 {
		before = rs[r.start-1]
	}
	atEnd := r.end == len(rs)
	switch {
	case strings.HasPrefix(seg, "i") && len(seg) > 1 && seg[1] != 'e' && !strings.ContainsRune("ctsxgln", before):
		return 2 // ra-di-o, me-di-a, var-i-ous
	case seg == "ua" || seg == "uo" || (seg == "ue" && !atEnd && before != 'q'):
		if r.end < len(rs) && rs[r.end] == 's' && r.end+1 < len(rs) && rs[r.end+1] == 't' {
			return 1 // guest, quest
		}
		return 2 // u-su-al, in-flu-ence
	case seg == "eo":
		return 2 // ge-o-gra-phy
	case strings.HasSuffix(seg, "ie") && r.start > 0 && hasVowelBefore(rs, r.start) && (string(rs[r.end:]) == "r" || string(rs[r.end:]) == "st"):
		return 2 // ea-si-er, hap-pi-est
	case len(seg) >= 2 && strings.HasSuffix(seg, "i") && strings.HasSuffix(string(rs), seg+"ng") && seg != "ai":
		return 2 // see-ing
	}
	return 1
}

// englishSilent returns how many runs are silent: a final e (make), a final
// -es or -ed that adds no syllable (makes, jumped), and an e before a suffix
// (lonely, movement).
func englishSilent(word string, rs []rune, runs []run) int {
	if len(runs) < 2 {
		return 0
	}
	last := runs[len(runs)-1]
	lastSeg := string(rs[last.start:last.end])
	if lastSeg != "e" {
		return englishSuffixE(word, rs, runs)
	}
	tail := string(rs[last.end:])
	before := rune(0)
	if last.start > 0 {
		before = rs[last.start-1]
	}
	before2 := rune(0)
	if last.start > 1 {
		before2 = rs[last.start-2]
	}
	consonantLe := before == 'l' && before2 != 0 && !isVowel(before2) && before2 != 'l'
	switch tail {
	case "":
		if consonantLe {
			return 0 // ta-ble
		}
		return 1 // make
	case "s":
		if consonantLe || strings.ContainsRune("sxzcg", before) || (before == 'h' && (before2 == 'c' || before2 == 's')) {
			return 0 // ta-bles, box-es, pag-es
		}
		return 1 // makes
	case "d":
		if before == 't' || before == 'd' {
			return 0 // want-ed
		}
		return 1 // jumped
	}
	return englishSuffixE(word, rs, runs)
}

// englishSuffixE counts a silent e before ly, ment, ful, ness or less that
// follows a vowel and a consonant (lone-ly, move-ment, care-ful).
func englishSuffixE(word string, rs []rune, runs []run) int {
	for _, suf := range []string{"ly", "ment", "ments", "ful", "ness", "less"} {
		if !strings.HasSuffix(word, "e"+suf) {
			continue
		}
		i := len(rs) - len([]rune(suf)) - 1 // the e
		if i >= 2 && !isVowel(rs[i-1]) && isVowel(rs[i-2]) {
			return 1
		}
	}
	return 0
}

func hasVowelBefore(rs []rune, i int) bool {
	for _, r := range rs[:i] {
		if isVowel(r) {
			return true
		}
	}
	return false
}
