package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// copySite copies testdata/sites/NAME into a temporary folder and serves
// it, so a test can change pages between two scans.
func copySite(t *testing.T, name string) (dir string, srv *httptest.Server) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), name)
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "testdata", "sites", name))))
	srv = httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return dir, srv
}

// editFile replaces old by new in a file, which must contain old.
func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(b), old)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(b), old, new, 1)), 0o644))
}

// TestGates runs each gate on the golden site and pins the exit code and
// the one line per failed gate on stderr.
func TestGates(t *testing.T) {
	srv := serveSite(t, "golden")
	dir := t.TempDir()
	scan := []string{"scan", srv.URL + "/index.html", "--no-browser", "--quiet", "--format", "json", "--out", dir}
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"check fails", []string{"--fail-on", "image-alt"}, 1},
		{"check passes", []string{"--fail-on", "page-title"}, 0},
		{"two checks, one fails", []string{"--fail-on", "page-title", "--fail-on", "image-alt"}, 1},
		{"unknown check", []string{"--fail-on", "image-alts"}, 2},
		{"unknown criterion", []string{"--fail-under-criterion", "acessible=50"}, 2},
		{"scores", []string{"--fail-under", "90", "--fail-under-criterion", "accessible=90", "--fail-under-criterion", "understandable=10"}, 1},
		{"page errors", []string{"--no-crawl", srv.URL + "/missing.html", "--fail-on-page-errors", "0"}, 1},
		{"page errors allowed", []string{"--no-crawl", srv.URL + "/missing.html", "--fail-on-page-errors", "1"}, 0},
		{"bad page errors", []string{"--fail-on-page-errors", "many"}, 2},
		{"new without baseline", []string{"--fail-on-new"}, 2},
		{"bad regression", []string{"--fail-on-regression", "-3", "--baseline", "x.json"}, 2},
	}
	var log strings.Builder
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := didi(t, "", append(append([]string{}, scan...), tc.args...)...)
			assert.Equal(t, tc.code, code, "stdout: %s\nstderr: %s", stdout, stderr)
			fmt.Fprintf(&log, "# %s: %s\nexit %d\n%s\n", tc.name, strings.Join(tc.args, " "), code, stderr)
		})
	}
	golden(t, "gates.golden.txt", []byte(strings.ReplaceAll(log.String(), srv.URL, "http://bakery.test")))
}

// TestBaselineFailsOnNewProblemsOnly scans a site, then a rebuild with
// churn only (other text, reordered paragraphs, a query string), then one
// with a planted regression, then the fix.
func TestBaselineFailsOnNewProblemsOnly(t *testing.T) {
	fixClock(t)
	site, srv := copySite(t, "golden")
	baseDir := t.TempDir()
	code, _, stderr := didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet", "--format", "json", "--out", baseDir)
	require.Equal(t, 0, code, stderr)
	base := filepath.Join(baseDir, "result.json")
	gate := func(url string) (int, string, string, string) {
		out := t.TempDir()
		code, stdout, stderr := didi(t, "", "scan", url, "--no-browser", "--quiet", "--format", "json", "--out", out,
			"--baseline", base, "--fail-on-new", "--fail-on-regression", "5")
		md, err := os.ReadFile(filepath.Join(out, "didi-diff.md"))
		require.NoError(t, err)
		return code, stdout, stderr, string(md)
	}

	// Churn: other text, and the page asked with a query string.
	editFile(t, filepath.Join(site, "index.html"), "Wij bakken elke dag vers brood.", "Wij bakken elke ochtend vers brood, ook op zondag.")
	code, stdout, stderr, _ := gate(srv.URL + "/index.html?utm_source=ci")
	assert.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	assert.Contains(t, stdout, "0 new, 0 fixed")

	// A planted regression: a new image without alt text.
	editFile(t, filepath.Join(site, "index.html"), `<img src="/taart.png">`, `<img src="/taart.png"><img src="/koffiekoek.png">`)
	code, stdout, stderr, md := gate(srv.URL + "/index.html")
	assert.Equal(t, 1, code, "stdout: %s\nstderr: %s", stdout, stderr)
	assert.Contains(t, stdout, "1 new, 0 fixed")
	assert.Contains(t, stderr, "didi: gate failed: --fail-on-new: required no failing element new since "+base+", measured 1 new failing element: image-alt on /")
	golden(t, "diff-regression.golden.md", []byte(md))

	// Fixed: the new image gets an alt text.
	editFile(t, filepath.Join(site, "index.html"), `<img src="/koffiekoek.png">`, `<img src="/koffiekoek.png" alt="Een koffiekoek">`)
	code, stdout, stderr, _ = gate(srv.URL + "/index.html")
	assert.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	assert.Contains(t, stdout, "0 new, 0 fixed")

	// didi diff shows the same, in text, Markdown and JSON.
	code, stdout, _ = didi(t, "", "diff", base, base, "--format", "json", "--fail-on-new")
	assert.Equal(t, 0, code)
	assert.Contains(t, stdout, `"still_failing": [`)

	// Another site: a warning, and --strict refuses.
	b, err := os.ReadFile(base)
	require.NoError(t, err)
	other := filepath.Join(t.TempDir(), "other.json")
	require.NoError(t, os.WriteFile(other, []byte(strings.ReplaceAll(string(b), srv.URL, "https://other.example")), 0o644))
	code, _, stderr = didi(t, "", "diff", base, other)
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "didi: warning: the targets differ")
	code, _, stderr = didi(t, "", "diff", base, other, "--strict")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "do not compare")
}

// TestURLListIsTheScope: an explicit list is scanned whole; an explicit
// --max-pages that cuts it says so and records the skipped count.
func TestURLListIsTheScope(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html lang=\"en\"><title>Page %s</title><h1>Page %s</h1></html>", r.URL.Path, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	var list strings.Builder
	for i := range 40 {
		fmt.Fprintf(&list, "/page-%02d.html\n", i)
	}
	urls := filepath.Join(dir, "urls.txt")
	require.NoError(t, os.WriteFile(urls, []byte(list.String()), 0o644))

	out := t.TempDir()
	code, stdout, stderr := didi(t, "", "scan", srv.URL, "--urls-from", urls, "--no-crawl", "--no-browser", "--quiet", "--format", "json", "--out", out)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	r := readResult(t, out)
	assert.Len(t, r.Pages, 41, "the base URL and the 40 listed")
	assert.Zero(t, r.Scan.Skipped)
	assert.NotContains(t, stderr, "max-pages")

	out = t.TempDir()
	code, stdout, stderr = didi(t, "", "scan", srv.URL, "--urls-from", urls, "--no-crawl", "--no-browser", "--quiet", "--format", "json", "--out", out, "--max-pages", "10")
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	r = readResult(t, out)
	assert.Len(t, r.Pages, 10)
	assert.Equal(t, 31, r.Scan.Skipped)
	golden(t, "url-list-cut.golden.txt", []byte(stderr))
}
