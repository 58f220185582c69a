package scoring

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/didi-index/didi/result"
)

// diffResult is a result of http://x.test/ with image-alt failing on the
// given pages, each with the given elements (selectors).
func diffResult(failing map[string][]string) *result.Result {
	chk := result.Check{ID: "image-alt", Weight: 3, Counts: map[string]int{}}
	for page, sels := range failing {
		o := result.Outcome{URL: "http://x.test" + page, Outcome: "fail"}
		for _, s := range sels {
			o.Evidence = append(o.Evidence, result.Evidence{Selector: s, Snippet: "<" + s + ">"})
		}
		chk.Outcomes = append(chk.Outcomes, o)
		chk.Counts["fail"]++
	}
	r := &result.Result{Target: "http://x.test/", Mode: "automated", Languages: []string{"nl", "fr"},
		Model: result.Model{ID: "didi", Version: "2026.2", SHA256: "abcdef0123456789"}, Scan: result.Scan{Browser: "Chromium 148"},
		Criteria: []result.Criterion{{ID: "accessible", Checks: []result.Check{chk}}}}
	r.Normalize()
	return r
}

// TestDiffNewPerPageAndElement: a check that already failed is not new as
// a check, but each element and page where it newly fails is a new
// problem; the elements still there are not.
func TestDiffNewPerPageAndElement(t *testing.T) {
	base := diffResult(map[string][]string{"/": {"img"}})
	head := diffResult(map[string][]string{"/": {"img", "video"}, "/b": {"img"}, "/c": nil})
	d := Compare(base, head)
	assert.Empty(t, d.NewFailures, "image-alt failed already")
	var got []string
	for _, p := range d.Problems.New {
		got = append(got, p.Check+" "+p.Page+" "+p.Selector)
	}
	assert.Equal(t, []string{"image-alt / video", "image-alt /b img", "image-alt /c "}, got)
	assert.Len(t, d.Problems.Still, 1)
	assert.Empty(t, d.Problems.Fixed)
	assert.Empty(t, d.Warnings)
	assert.Equal(t, []result.Mismatch{}, d.Mismatches)
}

// TestDiffComparesHowResultsWereMade: other targets, modes, browsers,
// models, languages and overrides are mismatches, each with a warning.
func TestDiffComparesHowResultsWereMade(t *testing.T) {
	base := diffResult(nil)
	head := diffResult(nil)
	head.Target = "http://y.test/"
	head.Mode = "combined"
	head.Scan.Browser = ""
	head.Model.Version = "2026.3"
	head.Languages = []string{"en"}
	head.Overrides.IgnoreURLs = []string{"/legacy/"}
	d := Compare(base, head)
	var what []string
	for _, m := range d.Mismatches {
		what = append(what, m.What)
	}
	assert.Equal(t, []string{"target", "mode", "browser", "model", "languages", "overrides"}, what)
	assert.Equal(t, result.Mismatch{What: "browser", Base: "browser", Head: "none"}, d.Mismatches[2])
	assert.Contains(t, d.Warnings, "the browsers differ: a browser and no browser")
	assert.Contains(t, d.Warnings, "the overrides differ: none and ignore-url /legacy/")
	assert.Len(t, d.Warnings, 6)

	// Another browser version or port is the same way of scanning.
	head = diffResult(nil)
	head.Target = "http://x.test:8080/"
	head.Scan.Browser = "Chromium 149"
	assert.Empty(t, Compare(base, head).Mismatches)
}

// TestDiffLeavesOutWhatSettingsChanged: a check switched off or made a
// warning, or a page ignored, is not a fixed problem.
func TestDiffLeavesOutWhatSettingsChanged(t *testing.T) {
	base := diffResult(map[string][]string{"/": {"img"}, "/legacy/": {"img"}})
	head := diffResult(map[string][]string{"/": {"img"}})
	head.Pages = []result.Page{{URL: "http://x.test/legacy/", Ignored: true}}
	d := Compare(base, head)
	assert.Empty(t, d.Problems.Fixed, "the page is ignored now, not fixed")

	// A check that failed only on the page ignored is not fixed, nor new.
	ignoring := diffResult(nil)
	ignoring.Pages = head.Pages
	legacy := diffResult(map[string][]string{"/legacy/": {"img"}})
	d = Compare(legacy, ignoring)
	assert.Empty(t, d.Problems.Fixed)
	assert.Empty(t, d.Fixed, "the page is ignored now, not fixed")
	d = Compare(ignoring, legacy)
	assert.Empty(t, d.Problems.New)
	assert.Empty(t, d.NewFailures, "the page was ignored, not new")

	head = diffResult(nil)
	head.Criteria[0].Checks = nil
	head.Overrides.Checks = []result.CheckOverride{{ID: "image-alt", Level: result.LevelOff}}
	d = Compare(base, head)
	assert.Empty(t, d.Problems.Fixed, "switched off, not fixed")
	assert.Empty(t, d.Fixed)
}
