package lang

import (
	"strings"
)

// stopWords are the most frequent function words of each language. A word in
// several lists counts for each, divided by the number of lists it is in.
var stopWords = map[string][]string{
	Dutch: strings.Fields(`de het een en van in is dat op te zijn met voor niet aan er ook als bij of door
		maar om dan nog wordt worden uit naar hebben heeft heb kan kunt kunnen moet moeten u uw je jij jouw
		wij we ze zij hij deze dit die wat wie waar hoe geen meer over tot na al zo wel want omdat hier daar
		alle ons onze mijn hun zich was waren werd zal zullen wilt wil gaat krijgt tussen tegen zonder toch
		dus nu elke iets niets welke wanneer hoeveel hem haar mee waarvoor ervoor daarna bent veel vaak`),
	French: strings.Fields(`le la les un une des du de et en est que qui dans pour pas sur au aux par avec
		ce cette ces il elle ils elles nous vous on ne se sont ont être avoir plus mais ou où son sa ses
		leur leurs votre vos notre nos mon ma mes je tu y été fait peut doit comme si aussi bien très tout
		tous toute toutes sans entre chez après avant lors dont ainsi donc car pendant selon sous vers
		c'est d'un d'une qu'il l'on n'est s'il peuvent pouvez devez avez êtes sera était`),
	German: strings.Fields(`der die das und ist in den von zu mit sich des auf für nicht ein eine einen
		einem einer es im dem auch an als werden wird wurde sind war hat haben kann können muss müssen
		sie er wir ihr ihre ihren sein seine oder aber wenn nach bei aus um noch nur über vor durch so wie
		zum zur bis mehr unter diese dieser dieses man sowie gegen ohne jedoch hier dass sehr alle schon
		bitte ihnen uns unsere unser wo können dürfen sollten werden`),
	English: strings.Fields(`the of and to in is that for it as with was on be by this are at or from an
		have has not but which they you your we our can will would their there been more all if about into
		than its who what when also may should must these those do does he she his her them how other only
		any each were had please us my me out up so no get use here where why`),
}

// stopIndex maps a word to the languages whose list holds it.
var stopIndex = buildStopIndex()

func buildStopIndex() map[string][]string {
	idx := map[string][]string{}
	for _, code := range []string{Dutch, French, German, English} {
		for _, w := range stopWords[code] {
			if !contains(idx[w], code) {
				idx[w] = append(idx[w], code)
			}
		}
	}
	return idx
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// letterHints are letters and letter groups typical of one language, with
// the weight one occurrence adds to it.
var letterHints = []struct {
	code, s string
	w       float64
}{
	{French, "é", 0.4}, {French, "è", 0.4}, {French, "ê", 0.4}, {French, "à", 0.4}, {French, "ç", 0.6},
	{French, "ù", 0.4}, {French, "œ", 0.6}, {French, "eau", 0.3},
	{German, "ä", 0.5}, {German, "ö", 0.5}, {German, "ü", 0.5}, {German, "ß", 0.8}, {German, "tz", 0.2},
	{Dutch, "ij", 0.3}, {Dutch, "aa", 0.2}, {Dutch, "uu", 0.3}, {Dutch, "oe", 0.1},
	{English, "th", 0.15}, {English, "wh", 0.3}, {English, "ing", 0.2},
}

// suffixes are word endings typical of one language's content words; a word
// of five letters or more with such an ending adds half a point.
var suffixes = map[string][]string{
	Dutch:   {"heid", "heden", "lijk", "lijke", "lijks", "tje", "tjes", "ijn", "ijs", "ouw", "ieuw", "oen", "eel", "eren", "aar", "ische"},
	French:  {"eux", "euse", "aire", "ique", "ée", "ées", "ais", "ait", "aient", "ons", "ez", "oir", "é", "ès", "eau", "eaux", "ité"},
	German:  {"ung", "ungen", "keit", "lich", "liche", "lichen", "isch", "schaft", "ieren", "tz", "chen", "ern"},
	English: {"ing", "ly", "ness", "ful", "ous", "ity", "ight", "ough"},
}

func suffixScore(w string) (string, float64) {
	if len([]rune(w)) < 5 {
		return "", 0
	}
	best, bestLen := "", 0
	for _, code := range []string{Dutch, French, German, English} {
		for _, s := range suffixes[code] {
			if len(s) > bestLen && strings.HasSuffix(w, s) {
				best, bestLen = code, len(s)
			}
		}
	}
	if best == "" {
		return "", 0
	}
	return best, 0.5
}

// Guess is the result of Identify.
type Guess struct {
	// Language is nl, fr, de, en, or Unknown.
	Language string
	// Confidence is the best score's share of all scores, 0..1.
	Confidence float64
	// Words is the number of words looked at.
	Words int
}

// The identifier's limits: fewer words or less evidence gives Unknown.
const (
	minIdentifyWords = 6
	minEvidence      = 2.0
	minMargin        = 1.6 // best score over the runner-up
	// maxIdentifyBytes is how much of a long text Identify reads.
	maxIdentifyBytes = 20000
)

// Identify guesses the language of text among Dutch, French, German and
// English. It scores each language by its function words (a word shared by
// several languages counts for each, split evenly) and by typical letters
// (é, ç, ä, ß, ij, th) and word endings (-heid, -ung, -ique, -ing). It says Unknown when the text has fewer than 6 words,
// too little evidence, or no clear winner.
func Identify(text string) Guess {
	if len(text) > maxIdentifyBytes { // a sample is enough, and keeps it fast
		cut := strings.LastIndexByte(text[:maxIdentifyBytes], ' ')
		if cut <= 0 {
			cut = maxIdentifyBytes
		}
		text = text[:cut]
	}
	words := Words(strings.ToLower(text))
	g := Guess{Language: Unknown, Words: len(words)}
	if len(words) < minIdentifyWords {
		return g
	}
	score := map[string]float64{}
	for _, w := range words {
		w = strings.ReplaceAll(w, "’", "'")
		langs := stopIndex[w]
		for _, l := range langs {
			score[l] += 1 / float64(len(langs))
		}
		if len(langs) == 0 {
			if l, v := suffixScore(w); l != "" {
				score[l] += v
			}
		}
	}
	lower := strings.ToLower(text)
	letters := map[string]float64{}
	for _, h := range letterHints {
		letters[h.code] += h.w * float64(strings.Count(lower, h.s))
	}
	// Letters help but never outweigh the function words: cap them at half
	// a word per ten words.
	limit := float64(len(words)) / 20
	for l, v := range letters {
		if v > limit {
			v = limit
		}
		score[l] += v
	}
	best, second, total := "", 0.0, 0.0
	for _, l := range []string{Dutch, French, German, English} {
		total += score[l]
		if best == "" || score[l] > score[best] {
			if best != "" {
				second = score[best]
			}
			best = l
		} else if score[l] > second {
			second = score[l]
		}
	}
	if score[best] < minEvidence || score[best] < minMargin*second {
		return g
	}
	g.Language = best
	g.Confidence = score[best] / total
	return g
}
