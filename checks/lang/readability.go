package lang

import (
	"sort"
	"strings"
)

// Stats describes the readability of a text in one language.
type Stats struct {
	// Language is the code the formula and syllable counter were chosen by.
	Language string
	// Words, Sentences and Syllables are counted over the whole text.
	Words, Sentences, Syllables int
	// LongSentences is the number of sentences with more than the long-word
	// limit given to Readability.
	LongSentences int
	// Score is the formula's reading ease (higher is easier; about 0–100).
	Score float64
	// Longest holds the longest sentences, longest first.
	Longest []string
}

// WordsPerSentence is the mean sentence length in words.
func (s Stats) WordsPerSentence() float64 {
	if s.Sentences == 0 {
		return 0
	}
	return float64(s.Words) / float64(s.Sentences)
}

// SyllablesPerWord is the mean word length in syllables.
func (s Stats) SyllablesPerWord() float64 {
	if s.Words == 0 {
		return 0
	}
	return float64(s.Syllables) / float64(s.Words)
}

// LongShare is the share of sentences that are long, 0..1.
func (s Stats) LongShare() float64 {
	if s.Sentences == 0 {
		return 0
	}
	return float64(s.LongSentences) / float64(s.Sentences)
}

// Formula returns the name of the reading-ease formula used for code.
func Formula(code string) string {
	switch code {
	case Dutch:
		return "Flesch-Douma"
	case French:
		return "Kandel-Moles"
	case German:
		return "Amstad"
	}
	return "Flesch"
}

// Score computes the reading ease for code from words per sentence (wps) and
// syllables per word (spw):
//   - Dutch, Flesch–Douma: 206.84 − 0.77·(syllables per 100 words) − 0.93·wps
//   - French, Kandel & Moles: 207 − 1.015·wps − 73.6·spw
//   - German, Amstad: 180 − wps − 58.5·spw
//   - English, Flesch reading ease: 206.835 − 1.015·wps − 84.6·spw
func Score(code string, wps, spw float64) float64 {
	switch code {
	case Dutch:
		return 206.84 - 0.77*(100*spw) - 0.93*wps
	case French:
		return 207 - 1.015*wps - 73.6*spw
	case German:
		return 180 - wps - 58.5*spw
	}
	return 206.835 - 1.015*wps - 84.6*spw
}

// Readability measures blocks of text (paragraphs, list items) in language
// code: each block is split into sentences, each sentence into words. A
// sentence is long when it has more than longWords words; keep is how many of
// the longest sentences to return. Sentences without words (numbers only)
// are left out.
func Readability(blocks []string, code string, longWords, keep int) Stats {
	st := Stats{Language: code}
	type sent struct {
		text  string
		words int
		order int
	}
	var all []sent
	memo := map[string]int{} // frequent words come back often
	for _, b := range blocks {
		for _, s := range Sentences(b, code) {
			ws := Words(s)
			if len(ws) == 0 {
				continue
			}
			st.Sentences++
			st.Words += len(ws)
			for _, w := range ws {
				n, ok := memo[w]
				if !ok {
					n = Syllables(w, code)
					memo[w] = n
				}
				st.Syllables += n
			}
			if len(ws) > longWords {
				st.LongSentences++
			}
			all = append(all, sent{s, len(ws), len(all)})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].words > all[j].words })
	for i := 0; i < len(all) && i < keep; i++ {
		st.Longest = append(st.Longest, strings.TrimSpace(all[i].text))
	}
	if st.Words > 0 {
		st.Score = Score(code, st.WordsPerSentence(), st.SyllablesPerWord())
	}
	return st
}
