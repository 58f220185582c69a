package criteria

import (
	"testing"
)

// TestUITextComplete checks the answers file's own words in every language.
func TestUITextComplete(t *testing.T) {
	for _, p := range uiText.Problems() {
		t.Error(p)
	}
	if got := tr("de", "question", "n", "2", "total", "9"); got != "Question 2/9" {
		t.Errorf("fallback to English: %q", got)
	}
}
