package questionnaire

import (
	"testing"
)

// TestUITextComplete checks the questionnaire's own words in every language.
func TestUITextComplete(t *testing.T) {
	for _, p := range uiText.Problems() {
		t.Error(p)
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
