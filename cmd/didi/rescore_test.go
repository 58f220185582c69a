package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/result"
)

// reviewSite serves a small site whose checks without a browser give every
// kind of outcome: a video that needs review, an image without alt text in a
// cookie banner and one in the content, and a page under /legacy/.
func reviewSite(t *testing.T) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	page := func(title, body string) string {
		return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>` +
			title + `</title></head><body><main><h1>` + title + `</h1>` + body + `</main></body></html>`
	}
	files := map[string]string{
		"index.html": page("Bakkerij", `<div class="cookie"><img src="koekje.png"></div><p>Vers brood, elke dag.</p>`+
			`<video src="bakken.mp4" controls></video><a href="over.html">Over ons</a> <a href="legacy/oud.html">Oude site</a>`),
		"over.html":       page("Over ons", `<img src="oven.png"><p>Sinds 1932.</p><a href="index.html">Start</a>`),
		"legacy/oud.html": page("Oud", `<img src="oud.png"><a href="../index.html">Start</a>`),
		"koekje.png":      "png",
		"oven.png":        "png",
		"legacy/oud.png":  "png",
		"bakken.mp4":      "mp4",
	}
	for name, body := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv
}

// writeFile writes body into dir/name and returns its path.
func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(body), 0o644))
	return path
}

// scanResult runs didi scan with args into a new folder and returns
// result.json's bytes, with the server's address made stable.
func scanResult(t *testing.T, srv *httptest.Server, args ...string) []byte {
	t.Helper()
	out := t.TempDir()
	code, stdout, stderr := didi(t, "", append([]string{"scan", srv.URL + "/index.html", "--no-browser", "--quiet",
		"--format", "json", "--out", out}, args...)...)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	b, err := os.ReadFile(filepath.Join(out, "result.json"))
	require.NoError(t, err)
	return b
}

// TestReportAnswersRescoresLikeAScan: `didi report --answers A` on a saved
// result gives, byte for byte, the result.json of `didi scan --answers A`:
// with questions and review answers, from a scan without answers or with
// other answers (whose review verdicts are undone), and with checks
// switched off, made warnings and elements and pages ignored.
func TestReportAnswersRescoresLikeAScan(t *testing.T) {
	fixClock(t)
	srv := reviewSite(t)
	dir := t.TempDir()
	bakery, err := os.ReadFile(filepath.Join("..", "..", "testdata", "answers", "bakery.yaml"))
	require.NoError(t, err)
	a := writeFile(t, dir, "a.yaml", string(bakery)+"reviews:\n  video-captions: {answer: fail, comment: Geen ondertitels.}\n")
	b := writeFile(t, dir, "b.yaml", "model: didi\nanswers:\n  accessible.audit: never\nreviews:\n  video-captions: pass\n")
	cfg := writeFile(t, dir, "didi.yaml", "checks: {image-alt: warn, meta-viewport: off}\nignore-selector: ['.cookie']\nignore-url: ['/legacy/']\n")
	for _, tc := range []struct {
		name  string
		first []string // the scan whose result is scored again
		want  []string // the scan that --answers must equal
	}{
		{"no answers, then A", nil, []string{"--answers", a}},
		{"answers B, then A", []string{"--answers", b}, []string{"--answers", a}},
		{"answers A, then B", []string{"--answers", a}, []string{"--answers", b}},
		{"overrides, answers B, then A", []string{"--config", cfg, "--answers", b}, []string{"--config", cfg, "--answers", a}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			saved := filepath.Join(t.TempDir(), "result.json")
			require.NoError(t, os.WriteFile(saved, scanResult(t, srv, tc.first...), 0o644))
			want := scanResult(t, srv, tc.want...)

			out := t.TempDir()
			code, stdout, stderr := didi(t, "", "report", saved, "--answers", tc.want[len(tc.want)-1], "--format", "json", "--out", out)
			require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
			got, err := os.ReadFile(filepath.Join(out, "result.json"))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		})
	}

	// The review answer is what changed the score: a scan with A has the
	// video check failed by the team's answer.
	r, err := result.Parse("a", scanResult(t, srv, "--answers", a))
	require.NoError(t, err)
	for _, c := range r.Criteria {
		for _, ch := range c.Checks {
			if ch.ID == "video-captions" {
				assert.Equal(t, "fail", ch.ReviewAnswer)
				assert.Equal(t, map[string]int{"fail": 1, "inapplicable": 2}, ch.Counts)
			}
		}
	}
}

// TestReportAnswersBadInput: a bad answers file names its place; a result
// of another model says which one to give; --model alone is a usage error.
func TestReportAnswersBadInput(t *testing.T) {
	fixClock(t)
	srv := serveSite(t, "golden")
	dir := t.TempDir()
	saved := writeFile(t, dir, "result.json", string(scanResult(t, srv)))
	bad := writeFile(t, dir, "answers.yaml", "model: didi\nanswers:\n  accessible.audit: maybe\n  nope.question: yes\n")
	var other map[string]any
	b, err := os.ReadFile(saved)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &other))
	other["model"].(map[string]any)["sha256"] = "0123456789abcdef"
	changed, err := json.Marshal(other)
	require.NoError(t, err)
	otherModel := writeFile(t, dir, "other.json", string(changed))
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"bad answers", []string{"report", saved, "--answers", bad, "--out", dir}, []string{"answers.yaml:3:21: ", "answers.yaml:4:3: "}},
		{"no such answers file", []string{"report", saved, "--answers", filepath.Join(dir, "nope.yaml"), "--out", dir}, []string{"nope.yaml"}},
		{"another model", []string{"report", otherModel, "--answers", bad, "--out", dir}, []string{"made with model didi", "(SHA-256 0123456789ab)", "--model"}},
		{"model without answers", []string{"report", saved, "--model", "x.yaml", "--out", dir}, []string{"--model is only used with --answers"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := didi(t, "", tc.args...)
			assert.Equal(t, 2, code, stderr)
			for _, w := range tc.want {
				assert.Contains(t, stderr, w)
			}
		})
	}
}
