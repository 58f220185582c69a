package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/result"
)

// TestSummaryEscapesWhatSitesGive: names, groups, reasons and check
// titles from sites cannot inject markup in summary.html nor formulas in
// summary.csv; every language has every text.
func TestSummaryEscapesWhatSitesGive(t *testing.T) {
	evil := `<script>alert(1)</script>"'&`
	idx := 50.0
	s := &Summary{
		Criteria: []Heading{{ID: "accessible", Title: result.Text{"nl": "Toegankelijk", "fr": "Accessible", "en": "Accessible"}}},
		Sites: []Row{
			{URL: "https://a.be/?q=" + evil, Key: "https://a.be/", Name: evil, Group: evil, Status: StatusDone, Index: &idx,
				Criteria: map[string]*float64{"accessible": &idx}, Coverage: &idx, Report: "sites/x/didi-report.html"},
			{URL: "https://b.be/", Key: "https://b.be/", Name: "=HYPERLINK(\"http://evil\")", Status: StatusFailed, Reason: evil},
		},
		FailingChecks: []CheckCount{{ID: "image-alt", Title: result.Text{"en": evil}, Sites: 1}},
		Duplicates:    []string{evil},
	}
	dir := t.TempDir()
	_, err := WriteSummary(dir, s, []string{"nl", "fr", "en"})
	require.NoError(t, err)
	for _, f := range []string{"summary.html", "summary.fr.html", "summary.en.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		html := string(b)
		assert.NotContains(t, html, "<script>alert", f)
		assert.Equal(t, 1, strings.Count(html, "<script>"), "%s: only the page's own script", f)
		assert.Contains(t, html, "&lt;script&gt;alert(1)&lt;/script&gt;", f)
		assert.NotContains(t, html, "onclick", f)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "summary.csv"))
	require.NoError(t, err)
	assert.Contains(t, string(csv), `"'=HYPERLINK(""http://evil"")"`)
	for key, text := range pageTexts {
		for _, l := range []string{"nl", "fr", "en"} {
			assert.NotEmpty(t, text[l], "%s has no %s text", key, l)
		}
	}
	for key, text := range statusNames {
		for _, l := range []string{"nl", "fr", "en"} {
			assert.NotEmpty(t, text[l], "status %s has no %s text", key, l)
		}
	}
}
