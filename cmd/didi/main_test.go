package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/didi-index/didi/result"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/criteria"
)

var update = flag.Bool("update", false, "rewrite golden files and generated docs")

// didi runs the command line in-process and returns exit code, stdout and
// stderr.
func didi(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb})
	return code, out.String(), errb.String()
}

// serveSite serves a folder of testdata/sites on loopback.
func serveSite(t *testing.T, name string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(filepath.Join("..", "..", "testdata", "sites", name))))
	t.Cleanup(srv.Close)
	return srv
}

// fixClock makes result.json reproducible.
func fixClock(t *testing.T) {
	t.Helper()
	old := now
	now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { now = old })
}

// golden compares got with testdata/NAME, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./cmd/didi -run %s -update", t.Name())
	assert.Equal(t, string(want), string(got), "golden %s differs; run with -update if the change is intended", path)
}

func TestScanResultGolden(t *testing.T) {
	fixClock(t)
	srv := serveSite(t, "golden")
	out := t.TempDir()
	code, stdout, stderr := didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet",
		"--answers", filepath.Join("..", "..", "testdata", "answers", "bakery.yaml"),
		"--format", "json", "--out", out)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	b, err := os.ReadFile(filepath.Join(out, "result.json"))
	require.NoError(t, err)
	got := strings.ReplaceAll(string(b), srv.URL, "http://bakery.test")
	golden(t, "result.golden.json", []byte(got))
	assert.Contains(t, stdout, "didi index")
}

func TestExitCodes(t *testing.T) {
	srv := serveSite(t, "golden")
	down := httptest.NewServer(http.NotFoundHandler())
	downURL := down.URL
	down.Close()
	dir := t.TempDir()
	badConfig := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(badConfig, []byte("max-pages: 5\nnot-a-flag: 1\n"), 0o644))
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no command", nil, 2, "no command"},
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"bad flag", []string{"scan", "--max-pagez", "3", srv.URL}, 2, "max-pagez"},
		{"no url", []string{"scan", "--no-browser"}, 2, "at least one URL"},
		{"not a url", []string{"scan", "ftp://x", "--no-browser"}, 2, "not an http"},
		{"bad language", []string{"scan", srv.URL, "--lang", "de", "--no-browser"}, 2, "not a language"},
		{"bad format", []string{"scan", srv.URL, "--format", "docx", "--no-browser"}, 2, "unknown format"},
		{"bad gate", []string{"scan", srv.URL, "--fail-under", "120", "--no-browser"}, 2, "not a score"},
		{"unknown criterion gate", []string{"scan", srv.URL, "--fail-under-criterion", "fast=50", "--no-browser"}, 2, "unknown criterion"},
		{"bad config", []string{"scan", srv.URL, "--config", badConfig, "--no-browser"}, 2, "bad.yaml:2:1: unknown setting"},
		{"bad model", []string{"model", "validate", filepath.Join("..", "..", "criteria", "testdata", "does-not-exist.yaml")}, 2, "does-not-exist"},
		{"no browser", []string{"scan", srv.URL, "--browser", filepath.Join(dir, "no-such-browser"), "--quiet", "--out", dir}, 3, "--no-browser"},
		{"site down", []string{"scan", downURL, "--no-browser", "--quiet", "--out", dir}, 3, "no page could be scanned"},
		{"gate fails", []string{"scan", srv.URL + "/index.html", "--no-browser", "--quiet", "--format", "json", "--out", dir, "--fail-under", "100"}, 1, "gate failed"},
		{"gate passes", []string{"scan", srv.URL + "/index.html", "--no-browser", "--quiet", "--format", "json", "--out", dir, "--fail-under", "1"}, 0, ""},
		{"version", []string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := didi(t, "", tt.args...)
			assert.Equal(t, tt.code, code, "stdout: %s\nstderr: %s", stdout, stderr)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

func TestModelValidateBrokenFixtures(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "criteria", "testdata", "model", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		if filepath.Base(f) == "valid.yaml" {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, _, stderr := didi(t, "", "model", "validate", f)
			assert.Equal(t, 2, code)
			assert.Regexp(t, `\.yaml:\d+:\d+: `, stderr)
		})
	}
	code, stdout, stderr := didi(t, "", "model", "validate")
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stdout, "valid")
}

func TestModelShowJSON(t *testing.T) {
	code, stdout, stderr := didi(t, "", "model", "show", "--format", "json")
	require.Equal(t, 0, code, stderr)
	var m criteria.Model
	require.NoError(t, json.Unmarshal([]byte(stdout), &m))
	require.Len(t, m.Criteria, 7)
	questions := 0
	texts := []criteria.Text{}
	for _, c := range m.Criteria {
		assert.GreaterOrEqual(t, len(c.Questions), 6, c.ID)
		questions += len(c.Questions)
		texts = append(texts, c.Title, c.Why)
		for _, q := range c.Questions {
			texts = append(texts, q.Text, q.Help, q.Tip)
			for _, o := range q.Options {
				texts = append(texts, o.Text)
			}
		}
	}
	for _, ct := range m.Checks {
		texts = append(texts, ct.Title, ct.Description, ct.Tip)
	}
	assert.GreaterOrEqual(t, questions, 45)
	for _, tx := range texts {
		for _, l := range []string{"nl", "fr", "en"} {
			assert.NotEmpty(t, tx[l], "missing %s in %v", l, tx)
			assert.NotContains(t, tx[l], "TODO", "unfinished text %v", tx)
		}
	}
}

func TestDocsInSync(t *testing.T) {
	m, err := loadModel("")
	require.NoError(t, err)
	_ = m
	var out bytes.Buffer
	code := run(context.Background(), []string{"checks", "--lang", "en"}, env{stdout: &out, stderr: &out})
	require.Equal(t, 0, code, out.String())
	path := filepath.Join("..", "..", "docs", "checks.md")
	if *update {
		require.NoError(t, os.WriteFile(path, out.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), out.String(), "docs/checks.md is out of date: go test ./cmd/didi -run TestDocsInSync -update")
}

func TestScriptedQuestionnaireFeedsScan(t *testing.T) {
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.yaml")
	// Options by number: the first option of every question, a skip, a comment line.
	stdin := "organisation: Bakkerij\n# first question\n1\n\n2\n3\n1\n1\n"
	code, stdout, stderr := didi(t, stdin, "questionnaire", "--lang", "fr", "--out", answers)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	a, err := os.ReadFile(answers)
	require.NoError(t, err)
	assert.Contains(t, string(a), `organisation: "Bakkerij"`)

	srv := serveSite(t, "golden")
	code, stdout, stderr = didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet", "--answers", answers, "--format", "json", "--out", dir)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	var res struct {
		Mode     string `json:"mode"`
		Criteria []struct {
			Questionnaire *float64 `json:"questionnaire_score"`
		} `json:"criteria"`
	}
	b, err := os.ReadFile(filepath.Join(dir, "result.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &res))
	assert.Equal(t, "combined", res.Mode)
	require.NotNil(t, res.Criteria[0].Questionnaire)
}

func TestBadAnswersFileExits2WithPosition(t *testing.T) {
	srv := serveSite(t, "golden")
	bad := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("model: didi\nanswers:\n  accessible.audit: maybe\n  nope.question: yes\n"), 0o644))
	code, _, stderr := didi(t, "", "scan", srv.URL, "--no-browser", "--answers", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "answers.yaml:3:")
	assert.Contains(t, stderr, "answers.yaml:4:")
}

func TestEveryRegisteredCheckIsUsedByTheDefaultModel(t *testing.T) {
	m, err := loadModel("")
	require.NoError(t, err)
	used := map[string]bool{}
	for _, id := range m.CheckIDs() {
		used[id] = true
	}
	for _, id := range registry.IDs() {
		assert.True(t, used[id], "check %s is registered but the default model does not use it", id)
	}
}

func TestReportAndDiffFromSavedResults(t *testing.T) {
	fixClock(t)
	srv := serveSite(t, "golden")
	dir := t.TempDir()
	code, _, stderr := didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet", "--format", "json", "--out", dir)
	require.Equal(t, 0, code, stderr)
	base := filepath.Join(dir, "result.json")

	out := t.TempDir()
	code, stdout, stderr := didi(t, "", "report", base, "--lang", "fr", "--format", "md,junit,sarif", "--out", out)
	require.Equal(t, 0, code, stderr)
	for _, f := range []string{"didi-report.md", "didi-junit.xml", "didi.sarif"} {
		assert.FileExists(t, filepath.Join(out, f))
		assert.Contains(t, stdout, f)
	}
	md, err := os.ReadFile(filepath.Join(out, "didi-report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "Compréhensible")

	// A head result with a lower index is a regression.
	var r map[string]any
	b, err := os.ReadFile(base)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &r))
	r["index"] = r["index"].(float64) - 5
	worse, err := json.Marshal(r)
	require.NoError(t, err)
	head := filepath.Join(dir, "head.json")
	require.NoError(t, os.WriteFile(head, worse, 0o644))
	code, stdout, _ = didi(t, "", "diff", base, head, "--fail-on-regression", "2")
	assert.Equal(t, 1, code)
	assert.Contains(t, stdout, "(-5.0)")
	code, _, _ = didi(t, "", "diff", base, head, "--fail-on-regression", "10")
	assert.Equal(t, 0, code)

	// A broken result file names its position.
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte("{\n  \"index\": oops\n}"), 0o644))
	code, _, stderr = didi(t, "", "report", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "bad.json:2:")
}

// TestQuestionnaireInterrupt: Ctrl-C while the questionnaire waits for a
// line stops it at once, keeps the answers given and exits 130.
func TestQuestionnaireInterrupt(t *testing.T) {
	answers := filepath.Join(t.TempDir(), "answers.yaml")
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		fmt.Fprintln(pw, "1") // one answer, then the terminal waits
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			if _, err := os.Stat(answers); err == nil {
				break // the answer is saved
			}
		}
		cancel()
	}()
	var out, errb bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"questionnaire", "--lang", "en", "--out", answers}, env{stdin: pr, stdout: &out, stderr: &errb})
	}()
	select {
	case code := <-done:
		assert.Equal(t, 130, code, errb.String())
	case <-time.After(10 * time.Second):
		t.Fatal("the questionnaire did not stop on the interrupt")
	}
	b, err := os.ReadFile(answers)
	require.NoError(t, err, "answers not saved")
	assert.Contains(t, string(b), "answers:")
	assert.Contains(t, errb.String(), "interrupted")
}

// TestScanInterrupt: Ctrl-C during a scan checks the pages done, writes
// their reports, marked interrupted, and exits 130.
func TestScanInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pages atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/x") && pages.Add(1) == 4 {
			cancel() // Ctrl-C while the fifth page loads: four are done
		}
		n := len(r.URL.Path)
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Page %d</title></head><body><main><h1>Page %d</h1><a href="%s/x">next</a></main></body></html>`, n, n, strings.TrimSuffix(r.URL.Path, "/"))
	}))
	defer srv.Close()
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"scan", srv.URL + "/", "--no-browser", "--concurrency", "1", "--max-pages", "100", "--max-depth", "100",
		"--format", "json,md", "--lang", "en", "--out", out, "--quiet"}, env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr})
	assert.Equal(t, 130, code, stderr.String())
	r, err := result.Read(filepath.Join(out, "result.json"))
	require.NoError(t, err, "no partial result written")
	assert.True(t, r.Interrupted)
	assert.NotEmpty(t, r.Pages)
	assert.Less(t, len(r.Pages), 100)
	assert.Positive(t, r.Coverage, "the pages scanned were not checked")
	assert.Positive(t, r.Index)
	assert.Contains(t, stdout.String(), "interrupted")
	assert.NotContains(t, stderr.String(), "starting it again")
}

// TestScanHelpNamesArguments: `didi scan -h` names what a flag takes
// (-answers FILE, -fail-under SCORE), not the Go type.
func TestScanHelpNamesArguments(t *testing.T) {
	code, _, stderr := didi(t, "", "scan", "-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"-answers FILE", "-model FILE", "-urls-from FILE", "-fail-under SCORE", "-fail-on CHECK_ID", "-baseline FILE"} {
		assert.Contains(t, stderr, want)
	}
	assert.NotContains(t, stderr, "-answers string")
}

// TestServeBadInput: an address didi cannot listen on and a database it
// cannot open are the user's flags (exit 2), not internal errors.
func TestServeBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "nonsense"},
		{"serve", "--db", filepath.Join(t.TempDir(), "no-such-folder", "didi.db")},
	} {
		code, _, stderr := didi(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
		assert.Contains(t, stderr, args[1]+":", args)
	}
}
