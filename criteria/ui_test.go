package criteria

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/didi-index/didi/i18n"
)

// TestUITextComplete checks the questionnaire's own words: one column per
// language of i18n.Languages, each text present, the same {placeholders} in
// every language ({quoted} and {value} both stand for what the user typed),
// and no fmt verb.
func TestUITextComplete(t *testing.T) {
	var row [3]string
	if len(row) != len(i18n.Languages) {
		t.Fatalf("uiText has %d columns, i18n.Languages %d", len(row), len(i18n.Languages))
	}
	ph := regexp.MustCompile(`\{[a-z]+\}`)
	verb := regexp.MustCompile(`%[a-z]`)
	norm := func(s string) string {
		list := ph.FindAllString(strings.ReplaceAll(s, "{quoted}", "{value}"), -1)
		slices.Sort(list)
		return strings.Join(list, "")
	}
	for key, texts := range uiText {
		want := norm(texts[0])
		for i, s := range texts {
			lang := i18n.Languages[i]
			switch {
			case strings.TrimSpace(s) == "":
				t.Errorf("%s: no %s text", key, lang)
			case norm(s) != want:
				t.Errorf("%s/%s: placeholders %s, %s has %s", key, lang, norm(s), i18n.Languages[0], want)
			case verb.MatchString(s):
				t.Errorf("%s/%s: a fmt verb; use {placeholders}", key, lang)
			}
		}
	}
}

func TestTrQuotesWhatTheUserTyped(t *testing.T) {
	if got, want := tr("nl", "q.badDate", quoted("a\tb")...), `"a\tb" is geen datum. Schrijf de datum als JJJJ-MM-DD.`; got != want {
		t.Errorf("nl: %q, want %q", got, want)
	}
	if got, want := tr("fr", "q.badDate", quoted("x")...), "«\u00a0x\u00a0» n'est pas une date. Écrivez la date sous la forme AAAA-MM-JJ."; got != want {
		t.Errorf("fr: %q, want %q", got, want)
	}
	if got := tr("de", "question", "n", "2", "total", "9"); got != "Question 2/9" {
		t.Errorf("fallback to English: %q", got)
	}
}
