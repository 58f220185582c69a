package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/crawler"
)

// TestConfigErrors: config problems are reported as file:line:col where
// they are.
func TestConfigErrors(t *testing.T) {
	srv := serveSite(t, "golden")
	dir := t.TempDir()
	for _, tc := range []struct{ name, yaml, want string }{
		{"tab", "max-pages: 5\n\tconcurrency: 2\n", "cfg.yaml:2:1: YAML syntax: found a tab character"},
		{"over-indented", "# settings\nmax-pages: 5\nformat: json\n   lang: en\n", "cfg.yaml:4:4: YAML syntax: mapping values"},
		{"bad value", "max-pages: lots\n", `cfg.yaml:1:12: max-pages: "lots" is not a valid value`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := filepath.Join(dir, "cfg.yaml")
			require.NoError(t, os.WriteFile(cfg, []byte(tc.yaml), 0o644))
			code, _, stderr := didi(t, "", "scan", srv.URL, "--config", cfg, "--no-browser", "--quiet", "--out", dir)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, tc.want)
		})
	}
}

// TestConfigPathsAreRelativeToTheConfig: a config elsewhere names its
// answers file next to it.
func TestConfigPathsAreRelativeToTheConfig(t *testing.T) {
	srv := serveSite(t, "golden")
	dir := filepath.Join(t.TempDir(), "team")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "answers", "bakery.yaml"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "answers.yaml"), b, 0o644))
	cfg := filepath.Join(dir, "didi.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("answers: answers.yaml\nout: report\nformat: json\nno-browser: true\n"), 0o644))
	code, _, stderr := didi(t, "", "scan", srv.URL+"/index.html", "--config", cfg, "--quiet")
	require.Equal(t, 0, code, stderr)
	assert.FileExists(t, filepath.Join(dir, "report", "result.json"))
	assert.Contains(t, stderr, "using the settings in "+cfg)
}

// TestImplicitConfigRunsNoProgram: a .didi.yaml in the working directory
// (a repository's) cannot name the browser; one given with --config can.
func TestImplicitConfigRunsNoProgram(t *testing.T) {
	if _, err := crawler.FindBrowser(""); err != nil && os.Getenv("CI") == "" {
		t.Skipf("no Chromium found and CI is unset, so this browser test is skipped: %v", err)
	}
	abs, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sites", "golden"))
	require.NoError(t, err)
	srv := httptest.NewServer(http.FileServer(http.Dir(abs)))
	defer srv.Close()
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "evil.sh"), []byte("#!/bin/sh\ntouch "+marker+"\nexit 1\n"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".didi.yaml"), []byte("browser: ./evil.sh\nformat: json\nmax-pages: 1\n"), 0o644))
	t.Chdir(dir)
	code, _, stderr := didi(t, "", "scan", srv.URL+"/index.html", "--quiet", "--out", filepath.Join(dir, "out"))
	assert.Equal(t, 0, code, stderr)
	assert.NoFileExists(t, marker, "the implicit config ran its browser")
	assert.Contains(t, stderr, "using the settings in .didi.yaml")
	assert.Contains(t, stderr, ".didi.yaml:1:1: browser is ignored")

	code, _, stderr = didi(t, "", "scan", srv.URL+"/index.html", "--quiet", "--config", ".didi.yaml", "--out", filepath.Join(dir, "out"))
	assert.Equal(t, 3, code, stderr)
	assert.FileExists(t, marker, "a config given with --config names the browser")
}

// TestInputsAreBounded: an endless input file is an error (exit 2), not a
// program that runs out of memory.
func TestInputsAreBounded(t *testing.T) {
	srv := serveSite(t, "golden")
	dir := t.TempDir()
	for _, args := range [][]string{
		{"model", "validate", "/dev/zero"},
		{"scan", srv.URL, "--no-browser", "--answers", "/dev/zero", "--out", dir},
		{"scan", srv.URL, "--no-browser", "--urls-from", "/dev/zero", "--out", dir},
		{"scan", srv.URL, "--no-browser", "--config", "/dev/zero", "--out", dir},
		{"report", "/dev/zero", "--out", dir},
	} {
		code, _, stderr := didi(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
		assert.Contains(t, stderr, "too large", "%v", args)
	}
}
