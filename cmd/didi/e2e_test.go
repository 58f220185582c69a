package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/result"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/crawler"
)

// requireBrowser skips the test when no Chromium is found, unless CI is set:
// in CI the browser tests must run.
func requireBrowser(t *testing.T) {
	t.Helper()
	if _, err := crawler.FindBrowser(""); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no Chromium found, skipping a browser test (CI would fail here): %v", err)
		}
		t.Fatalf("CI is set but no browser was found: %v", err)
	}
}

// readResult loads result.json from dir.
func readResult(t *testing.T, dir string) *result.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "result.json"))
	require.NoError(t, err)
	var r result.Result
	require.NoError(t, json.Unmarshal(b, &r))
	return &r
}

func TestDemoWritesEveryFormat(t *testing.T) {
	requireBrowser(t)
	out := t.TempDir()
	code, stdout, stderr := didi(t, "", "demo", "--out", out, "--quiet")
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	for _, f := range []string{"didi-report.pdf", "didi-report.html", "didi-report.md", "result.json"} {
		fi, err := os.Stat(filepath.Join(out, f))
		require.NoError(t, err)
		assert.Greater(t, fi.Size(), int64(100), f)
	}
	r := readResult(t, out)
	assert.NotEmpty(t, r.Scan.Browser, "the demo ran with a browser")
	assert.Equal(t, "combined", r.Mode)
	assert.Contains(t, stdout, "didi-report.pdf")
	assert.Contains(t, stdout, "pages: 8 scanned, 1 failed (404: 1), 0 skipped", "the summary counts pages the way the reports do")
	assert.Equal(t, result.PageCounts{Planned: 9, Scanned: 8, Failed: 1, FailedBy: map[string]int{"http_404": 1}}, r.PageCounts)

	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("pdftotext not found; install poppler-utils")
		}
		t.Fatal("CI is set but pdftotext is missing")
	}
	txt, err := exec.Command("pdftotext", "-layout", filepath.Join(out, "didi-report.pdf"), "-").Output()
	require.NoError(t, err)
	text := string(txt)
	// The Dutch section comes before the French one, each with the seven
	// criterion names and every tip of the summary.
	nlAt := strings.Index(text, "Samen ontworpen")
	frAt := strings.LastIndex(text, "Conçu ensemble")
	require.True(t, nlAt >= 0 && frAt > nlAt, "Dutch section before French section")
	for _, c := range r.Criteria {
		assert.Contains(t, text, c.Title["nl"])
		assert.Contains(t, text, c.Title["fr"])
	}
	assert.Contains(t, text, strings.Replace(formatScore(r.Index), ".", ",", 1))
}

func formatScore(f float64) string {
	b, _ := json.Marshal(f)
	s := string(b)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// TestHTMLReportPassesOwnChecks scans didi's own HTML report with its
// accessible, understandable, simple and reachable checks in a browser and
// expects no failure. (The other criteria are about a whole service: a
// report has no contact page.)
func TestHTMLReportPassesOwnChecks(t *testing.T) {
	requireBrowser(t)
	fixClock(t)
	site := serveSite(t, "golden")
	out := t.TempDir()
	code, stdout, stderr := didi(t, "", "scan", site.URL+"/index.html", "--no-browser", "--quiet",
		"--answers", filepath.Join("..", "..", "testdata", "answers", "bakery.yaml"), "--format", "html,json", "--out", out)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)

	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	scanDir := t.TempDir()
	code, stdout, stderr = didi(t, "", "scan", srv.URL+"/didi-report.html", "--no-crawl", "--quiet", "--format", "json", "--out", scanDir)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	r := readResult(t, scanDir)
	require.NotEmpty(t, r.Scan.Browser)
	for _, c := range r.Criteria {
		if c.ID != "accessible" && c.ID != "understandable" && c.ID != "simple" && c.ID != "reachable" {
			continue
		}
		for _, chk := range c.Checks {
			for _, o := range chk.Outcomes {
				if o.Outcome == "fail" {
					var msgs []string
					for _, e := range o.Evidence {
						msgs = append(msgs, e.Selector+": "+e.Message["en"])
					}
					t.Errorf("the HTML report fails %s: %s", chk.ID, strings.Join(msgs, "; "))
				}
			}
		}
	}
}
