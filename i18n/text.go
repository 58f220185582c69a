// Package i18n holds what every user-facing text of didi shares: the Text
// type (one string per language) and the list of languages didi speaks. It
// is a leaf package: the model, the result schema and the reports use it.
package i18n

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Text is a user-facing text in several languages, keyed by language code
// ("nl", "fr", "en").
type Text map[string]string

// In returns the text in lang, falling back to English, then to any language.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	if s, ok := t["en"]; ok {
		return s
	}
	for _, s := range t {
		return s
	}
	return ""
}

// Languages are the languages didi's reports and pages are written in, in
// the order they are offered.
var Languages = []string{"nl", "fr", "en"}

// Fill replaces each {name} in s by params[name]; unknown names stay. It is
// the one template syntax of didi's texts: the model's messages, the
// report's labels and the questionnaire's wording. Values are not scanned
// again.
func Fill(s string, params map[string]string) string {
	if len(params) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		if v, ok := params[name]; ok {
			b.WriteString(s[:i])
			b.WriteString(v)
		} else {
			b.WriteString(s[:i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Pairs turns name, value pairs into Fill's parameters.
func Pairs(kv ...string) map[string]string {
	params := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		params[kv[i]] = kv[i+1]
	}
	return params
}

// Table holds a package's own texts (the questionnaire's, the answers
// file's): key → one text per language of Languages, in that order.
type Table map[string][3]string

// Text returns the text key in lang (English when lang is not one of
// Languages), its {placeholders} filled from kv (name, value pairs) with
// Fill, and typeset for lang (French spacing). A missing key shows the key,
// so a gap is visible.
func (t Table) Text(lang, key string, kv ...string) string {
	col := slices.Index(Languages, "en")
	if i := slices.Index(Languages, lang); i >= 0 {
		col = i
	}
	texts, ok := t[key]
	if !ok {
		return key
	}
	return Typeset(lang, Fill(texts[col], Pairs(kv...)))
}

// TextN is Text for a count n: it uses key+".one" when n is 1 and that text
// exists, and fills {n} besides kv.
func (t Table) TextN(lang, key string, n int, kv ...string) string {
	if _, ok := t[key+".one"]; ok && n == 1 {
		key += ".one"
	}
	return t.Text(lang, key, append([]string{"n", strconv.Itoa(n)}, kv...)...)
}

// Problems checks the table: every text present, the same {placeholders}
// in every language ({quoted} and {value} both stand for what the user
// typed) and no fmt verb. It returns one line per problem; each package's
// tests call it on its table.
func (t Table) Problems() []string {
	table := t
	var problems []string
	norm := func(s string) string {
		list := placeholderRE.FindAllString(strings.ReplaceAll(s, "{quoted}", "{value}"), -1)
		slices.Sort(list)
		return strings.Join(list, "")
	}
	for key, texts := range table {
		want := norm(texts[0])
		for i, s := range texts {
			lang := Languages[i]
			switch {
			case strings.TrimSpace(s) == "":
				problems = append(problems, fmt.Sprintf("%s: no %s text", key, lang))
			case norm(s) != want:
				problems = append(problems, fmt.Sprintf("%s/%s: placeholders %s, %s has %s", key, lang, norm(s), Languages[0], want))
			case fmtVerbRE.MatchString(s):
				problems = append(problems, fmt.Sprintf("%s/%s: a fmt verb; use {placeholders}", key, lang))
			}
		}
	}
	slices.Sort(problems)
	return problems
}

var (
	placeholderRE = regexp.MustCompile(`\{[a-z]+\}`)
	fmtVerbRE     = regexp.MustCompile(`%[a-z]`)
)
