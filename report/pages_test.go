package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/result"
)

// TestPageCountsInEveryFormat: every report (PDF, HTML, Markdown) states
// the pages scanned, failed by reason, skipped and not checked, and warns
// when most pages that count failed; a page ignored by ignore-url, even one
// that failed, counts as neither.
func TestPageCountsInEveryFormat(t *testing.T) {
	r := fixtureResult(4)
	r.Pages = []result.Page{
		{URL: "https://a.be/", Status: 200},
		{URL: "https://a.be/x", Status: 404, Error: "HTTP 404 Not Found"},
		{URL: "https://a.be/y", Error: "timed out after 30s in the browser"},
		{URL: "https://a.be/z", Error: "timed out after 30s in the browser"},
		{URL: "https://a.be/legacy/a", Status: 200, Ignored: true},
		{URL: "https://a.be/legacy/b", Status: 404, Error: "HTTP 404 Not Found", Ignored: true},
	}
	r.Scan.RobotsSkipped = []string{"https://a.be/private"}
	want := map[string][]string{
		"nl": {"1 pagina gescand, 3 niet gelukt (HTTP 404: 1, time-out: 2), 1 overgeslagen, 2 niet gecontroleerd.", "de meeste pagina's konden niet worden gescand (3 van de 4)"},
		"fr": {"1 page analysée, 3 en échec (HTTP 404\u00a0: 1, délai dépassé\u00a0: 2), 1 ignorée, 2 non contrôlées.", "la plupart des pages n'ont pas pu être analysées (3 sur 4)"},
		"en": {"1 page scanned, 3 failed (HTTP 404: 1, timeout: 2), 1 skipped, 2 not checked.", "most pages could not be scanned (3 of 4)"},
	}
	for _, format := range []string{"md", "html", "pdf"} {
		w, err := WriterFor(format)
		if err != nil {
			t.Fatal(err)
		}
		for lang, texts := range want {
			var b bytes.Buffer
			if err := w.Write(&b, r, []string{lang}); err != nil {
				t.Fatal(err)
			}
			out := strings.ReplaceAll(b.String(), "&#39;", "'")
			if format == "pdf" {
				path := filepath.Join(t.TempDir(), "r.pdf")
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				out = pdfText(t, path)
			}
			for _, s := range texts {
				if format == "pdf" {
					s = fold(s)
				}
				if !strings.Contains(out, s) {
					t.Errorf("%s %s: missing %q", format, lang, s)
				}
			}
		}
	}
	c := r.Counts()
	if c.Planned != 6 || c.Scanned != 1 || c.Failed != 3 || c.Ignored != 2 || c.FailedBy["timeout"] != 2 || c.FailedBy["http_404"] != 1 || c.Skipped != 1 || !c.MostlyFailed() {
		t.Errorf("counts %+v", c)
	}
	r.Pages = r.Pages[:2]
	if v := buildView(r, "en"); v.PagesWarning != "" {
		t.Errorf("half the pages failed is not most: %q", v.PagesWarning)
	}
}

// TestCommentLanguageMarked: a comment in another language than the
// report says which language it is in.
func TestCommentLanguageMarked(t *testing.T) {
	r := fixtureResult(2)
	r.Assessment = &result.Assessment{Language: "nl"}
	r.Criteria[0].Questions[0].Answer = "yes"
	r.Criteria[0].Questions[0].Comment = "Elk jaar"
	r.Criteria[0].Unanswered = nil
	for lang, want := range map[string]string{"nl": "Elk jaar", "fr": "(nl) Elk jaar", "en": "(nl) Elk jaar"} {
		v := buildView(r, lang)
		if got := v.Criteria[0].Questions[0].Comment; got != want {
			t.Errorf("%s: comment %q, want %q", lang, got, want)
		}
	}
}
