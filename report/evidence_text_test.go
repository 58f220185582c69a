package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/didi-index/didi/result"
)

// The evidence of a page whose HTML says "d&#39;inactivité &amp;
// &lt;script&gt;": the message quotes its text, decoded once, and the
// snippet is its HTML as a browser serialises it.
const (
	pageText    = "d'inactivité & <script>"
	pageSnippet = `<p title="Tom &amp; Jerry's">d'inactivité &amp; &lt;script&gt;</p>`
)

// entityResult is the fixture with that evidence on the first element of
// the first failing check that counts.
func entityResult(t *testing.T) *result.Result {
	r := loadFixture(t)
	for ci := range r.Criteria {
		for ki := range r.Criteria[ci].Checks {
			ch := &r.Criteria[ci].Checks[ki]
			if ch.Weight == 0 || ch.Counts["fail"] == 0 {
				continue
			}
			for oi := range ch.Outcomes {
				o := &ch.Outcomes[oi]
				if o.Outcome == "fail" && len(o.Evidence) > 0 {
					o.Evidence[0].Message = result.Text{"nl": "Tekst: " + pageText, "fr": "Texte : " + pageText, "en": "Text: " + pageText}
					o.Evidence[0].Snippet = pageSnippet
					return r
				}
			}
		}
	}
	t.Fatal("the fixture has no failing check with evidence")
	return nil
}

// render writes r in format and language en.
func render(t *testing.T, r *result.Result, format string) []byte {
	t.Helper()
	w, err := WriterFor(format)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, w.Write(&buf, r, []string{"en"}))
	return buf.Bytes()
}

// TestEvidenceTextDecodedOnce: in every format a reader sees the page's
// text as the page shows it (d'inactivité & <script>) and the snippet as
// its HTML source, never d&#39;inactivité or &amp;amp;.
func TestEvidenceTextDecodedOnce(t *testing.T) {
	r := entityResult(t)
	t.Run("json", func(t *testing.T) {
		b := render(t, r, "json")
		var back result.Result
		require.NoError(t, json.Unmarshal(b, &back))
		has(t, string(b), pageText)
		hasNot(t, string(b), `\u0026`)
	})
	t.Run("html", func(t *testing.T) {
		doc, err := html.Parse(bytes.NewReader(render(t, r, "html")))
		require.NoError(t, err)
		text := textOf(doc)
		has(t, text, "Text: "+pageText)
		has(t, text, pageSnippet)
		hasNot(t, text, "&#39;")
		hasNot(t, text, "&amp;amp;")
	})
	t.Run("pdf", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "r.pdf")
		require.NoError(t, os.WriteFile(path, render(t, r, "pdf"), 0o644))
		text := pdfText(t, path)
		has(t, text, fold("Text: "+pageText))
		has(t, strings.ReplaceAll(text, " ", ""), strings.ReplaceAll(pageSnippet, " ", ""))
		hasNot(t, text, "&#39;")
	})
	t.Run("junit", func(t *testing.T) {
		var suites junitSuites
		require.NoError(t, xml.Unmarshal(render(t, r, "junit"), &suites))
		found := false
		for _, s := range suites.Suites {
			for _, c := range s.Cases {
				found = found || c.Failure != nil && strings.Contains(c.Failure.Body, "Text: "+pageText)
			}
		}
		assert.True(t, found, "no JUnit failure quotes %q", pageText)
	})
	t.Run("sarif", func(t *testing.T) {
		var log sarifLog
		require.NoError(t, json.Unmarshal(render(t, r, "sarif"), &log))
		var msg, snippet bool
		for _, res := range log.Runs[0].Results {
			msg = msg || res.Message.Text == "Text: "+pageText
			for _, l := range res.Locations {
				snippet = snippet || l.PhysicalLocation.Region.Snippet != nil && l.PhysicalLocation.Region.Snippet.Text == pageSnippet
			}
		}
		assert.True(t, msg, "no SARIF message %q", pageText)
		assert.True(t, snippet, "no SARIF snippet %q", pageSnippet)
	})
	t.Run("md diff", func(t *testing.T) {
		var b bytes.Buffer
		d := result.Diff{Problems: result.ProblemDiff{New: []result.Problem{{Check: "c", Page: "/", Message: result.Text{"en": pageText}}}}}
		require.NoError(t, WriteDiff(&b, d, "md", "en"))
		// Markdown decodes character references once, as HTML does.
		has(t, html.UnescapeString(b.String()), pageText)
		hasNot(t, html.UnescapeString(b.String()), "&#39;")
	})
}

// TestMarkdownEscapesAmpersands: text that shows "&amp;" literally stays
// "&amp;" once a Markdown viewer has decoded it.
func TestMarkdownEscapesAmpersands(t *testing.T) {
	assert.Equal(t, "Tom &amp;amp; Jerry", mdEscape("Tom &amp; Jerry"))
	assert.Equal(t, "Tom &amp; Jerry", html.UnescapeString(mdEscape("Tom &amp; Jerry")))
}

// has fails when text lacks want, quoting only where want was expected.
func has(t *testing.T, text, want string) {
	t.Helper()
	if !strings.Contains(text, want) {
		t.Errorf("the output lacks %q", want)
	}
}

// hasNot fails when text has bad, quoting it with some context.
func hasNot(t *testing.T, text, bad string) {
	t.Helper()
	if i := strings.Index(text, bad); i >= 0 {
		t.Errorf("the output has %q: …%s…", bad, text[max(i-60, 0):min(i+60, len(text))])
	}
}
