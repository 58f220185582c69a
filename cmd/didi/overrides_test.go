package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/result"
)

// TestOverrides: .didi.yaml switches a check off and makes one a warning,
// ignores a cookie banner and the pages under /legacy/; the result records
// it, leaves the check off out, ignores what it should, and the summary
// says so.
func TestOverrides(t *testing.T) {
	fixClock(t)
	srv := reviewSite(t)
	dir := t.TempDir()
	cfg := writeFile(t, dir, "didi.yaml", "checks: {image-alt: warn, meta-viewport: off}\nignore-selector: ['.cookie']\nignore-url: ['/legacy/']\nformat: json\nlang: en\n")
	code, stdout, stderr := didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet", "--config", cfg, "--out", dir)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	assert.Contains(t, stdout, "pages: 2 scanned, 0 failed, 0 skipped, 1 not checked (ignore-url)")
	assert.Contains(t, stdout, "changed for this scan: image-alt: warn, meta-viewport: off, ignore-selector .cookie, ignore-url /legacy/ (1 element ignored)")

	r, err := result.Read(filepath.Join(dir, "result.json"))
	require.NoError(t, err)
	o := r.Overrides
	require.Len(t, o.Checks, 2)
	assert.Equal(t, result.CheckOverride{ID: "image-alt", Criterion: "accessible", Level: "warn", Weight: 3, Title: o.Checks[0].Title}, o.Checks[0])
	assert.Equal(t, "meta-viewport", o.Checks[1].ID)
	assert.Equal(t, "off", o.Checks[1].Level)
	assert.NotEmpty(t, o.Checks[1].Title["nl"])
	assert.Equal(t, []string{".cookie"}, o.IgnoreSelectors)
	assert.Equal(t, []string{"/legacy/"}, o.IgnoreURLs)
	assert.Equal(t, 1, o.IgnoredElements)
	assert.Equal(t, result.PageCounts{Planned: 3, Scanned: 2, FailedBy: map[string]int{}, Ignored: 1}, r.PageCounts)

	for _, c := range r.Criteria {
		for _, ch := range c.Checks {
			assert.NotEqual(t, "meta-viewport", ch.ID, "a check switched off is not in the result")
			for _, out := range ch.Outcomes {
				assert.NotContains(t, out.URL, "/legacy/", "%s checked an ignored page", ch.ID)
			}
			if ch.ID != "image-alt" {
				continue
			}
			assert.Zero(t, ch.Weight, "a warning weighs 0")
			got := map[string]string{}
			for _, out := range ch.Outcomes {
				got[out.URL] = out.Outcome
			}
			assert.Equal(t, map[string]string{srv.URL + "/": "pass", srv.URL + "/over.html": "fail"}, got,
				"the image in the cookie banner is ignored")
		}
	}
	for _, p := range r.Pages {
		assert.Equal(t, filepath.Base(filepath.Dir(p.URL)) == "legacy", p.Ignored, p.URL)
	}

	// A warning still gates with --fail-on; a check switched off cannot.
	code, _, stderr = didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet", "--config", cfg, "--out", dir, "--fail-on", "image-alt")
	assert.Equal(t, 1, code, stderr)
	code, _, stderr = didi(t, "", "scan", srv.URL+"/index.html", "--no-browser", "--quiet", "--config", cfg, "--out", dir, "--fail-on", "meta-viewport")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, `--fail-on: check "meta-viewport" is switched off`)
}

// TestOverrideErrors: a bad check id, level, selector or pattern is bad
// input named at its place in the config, with the nearest check id.
func TestOverrideErrors(t *testing.T) {
	srv := reviewSite(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name, yaml string
		args       []string
		want       string
	}{
		{"unknown check", "lang: en\nchecks:\n  target-sise: off\n", nil, `cfg.yaml:3:3: checks: unknown check "target-sise"; did you mean "target-size"?`},
		{"bad level", "checks: {image-alt: offf}\n", nil, `cfg.yaml:1:21: checks: image-alt: "offf" is not a level (use off, warn, on)`},
		{"a list, not a mapping", "checks: [image-alt]\n", nil, `cfg.yaml:1:9: checks: "image-alt" is not a valid value`},
		{"bad selector", "ignore-selector:\n  - 'div['\n", nil, `cfg.yaml:2:5: ignore-selector: "div[" is not a CSS selector`},
		{"bad pattern", "ignore-url: ['(']\n", nil, `cfg.yaml:1:14: ignore-url: "(" is not a regular expression`},
		{"every page ignored", "ignore-url: ['/']\n", nil, "--ignore-url: every page that could be scanned matches it (3 pages)"},
		{"unknown gate check", "fail-on: [imgalt]\n", nil, `cfg.yaml:1:11: fail-on: unknown check "imgalt"; did you mean "image-alt"?`},
		{"unknown check flag", "lang: en\n", []string{"--checks", "target-sise=off"}, `--checks: unknown check "target-sise"; did you mean "target-size"?`},
		{"bad level flag", "lang: en\n", []string{"--checks", "image-alt=error"}, `"error" is not a level (use off, warn, on)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := writeFile(t, dir, "cfg.yaml", tc.yaml)
			args := append([]string{"scan", srv.URL + "/index.html", "--no-browser", "--quiet", "--format", "json", "--config", cfg, "--out", dir}, tc.args...)
			code, _, stderr := didi(t, "", args...)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, tc.want)
		})
	}
}

// TestChecksFlagPairs: --checks takes pairs separated by commas and may be
// repeated; a later level for the same check wins.
func TestChecksFlagPairs(t *testing.T) {
	var l levelsFlag
	require.NoError(t, l.Set("target-size=off, heading-order=warn"))
	require.NoError(t, l.Set("image-alt=on,target-size=warn"))
	assert.Equal(t, map[string]string{"target-size": "warn", "heading-order": "warn", "image-alt": "on"}, l.m)
	assert.Equal(t, "heading-order=warn,image-alt=on,target-size=warn", l.String())
	assert.ErrorContains(t, l.Set("image-alt"), `"image-alt": use CHECK_ID=LEVEL`)
}
