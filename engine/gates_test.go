package engine

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/result"
)

// gateResult is a result with an index, one criterion, one check failing
// on /a with one element, and one failed page.
func gateResult(index, crit float64, selector string) *result.Result {
	return &result.Result{
		Index: index,
		Pages: []result.Page{{URL: "http://x.test/a"}, {URL: "http://x.test/b", Error: "HTTP 404"}},
		Criteria: []result.Criterion{{ID: "accessible", Score: &crit, Checks: []result.Check{{
			ID: "image-alt", Weight: 2, Counts: map[string]int{"fail": 1},
			Outcomes: []result.Outcome{{URL: "http://x.test/a", Outcome: "fail",
				Evidence: []result.Evidence{{Selector: selector, Snippet: "<" + selector + ">"}}}},
		}}}},
	}
}

// ignoredErrors adds a page that failed but matches an ignore-url pattern.
func ignoredErrors(r *result.Result) *result.Result {
	c := *r
	c.Pages = append(append([]result.Page(nil), r.Pages...), result.Page{URL: "http://x.test/legacy", Error: "HTTP 404", Status: 404, Ignored: true})
	return &c
}

func TestCheckGates(t *testing.T) {
	base := gateResult(70, 80, "img")
	same := gateResult(68, 76, "img")
	worse := gateResult(60, 70, "video")
	for _, tc := range []struct {
		name  string
		head  *result.Result
		gates []Gate
		want  []string
	}{
		{"all pass", same, []Gate{{Min: 50}, {Criterion: "accessible", Min: 50}, {Kind: GateCheck, Check: "html-lang"},
			{Kind: GateNew, Base: base}, {Kind: GateRegression, Points: 5, Base: base}, {Kind: GatePageErrors, Max: 1}}, nil},
		{"index", same, []Gate{{Min: 69}}, []string{"--fail-under: required an index of at least 69.0, measured 68.0"}},
		{"criterion", same, []Gate{{Criterion: "accessible", Min: 77}}, []string{"--fail-under-criterion accessible: required at least 77.0, measured 76.0"}},
		{"check", same, []Gate{{Kind: GateCheck, Check: "image-alt"}}, []string{"--fail-on image-alt: required no failing page, measured 1 failing page: /a"}},
		{"new", worse, []Gate{{Kind: GateNew, Base: base, BaseName: "base.json"}}, []string{"--fail-on-new: required no failing element new since base.json, measured 1 new failing element: image-alt on /a"}},
		{"regression", worse, []Gate{{Kind: GateRegression, Points: 5, Base: base}}, []string{"--fail-on-regression: required no drop of more than 5.0 points since the baseline, measured a drop of 10.0 points (index)"}},
		{"page errors", same, []Gate{{Kind: GatePageErrors, Max: 0}}, []string{"--fail-on-page-errors: required at most 0 pages with errors, measured 1 of 2 pages"}},
		{"an ignored page's error does not count", ignoredErrors(same), []Gate{{Kind: GatePageErrors, Max: 1}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckGates(tc.head, tc.gates)
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			var ge *GateError
			require.True(t, errors.As(err, &ge), "%v", err)
			assert.Equal(t, tc.want, ge.Failed)
		})
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"image-alt", "html-lang", "link-name"}
	assert.Equal(t, `; did you mean "image-alt"?`, suggest("image-alts", known))
	assert.Equal(t, `; did you mean "html-lang"?`, suggest("htm-lang", known))
	assert.Equal(t, "", suggest("completely-different", known))
	assert.Equal(t, 3, editDistance("kitten", "sitting"))
}

func TestListLimit(t *testing.T) {
	urls := []string{"http://x/1", "http://x/2", "http://x/3"}
	for _, tc := range []struct {
		name    string
		o       crawler.Options
		max     int
		skipped int
	}{
		{"list, no limit", crawler.Options{Start: urls, NoCrawl: true}, 3, 0},
		{"list cut", crawler.Options{Start: urls, NoCrawl: true, MaxPages: 2}, 2, 1},
		{"list within limit", crawler.Options{Start: urls, NoCrawl: true, MaxPages: 5}, 5, 0},
		{"crawl", crawler.Options{Start: urls}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := tc.o
			assert.Equal(t, tc.skipped, listLimit(&o))
			assert.Equal(t, tc.max, o.MaxPages)
		})
	}
}
