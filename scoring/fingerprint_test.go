package scoring

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/snapshot"
)

// scoreFixture runs every check of the default model on one fixture page
// served at url, without a browser.
func scoreFixture(t *testing.T, file, url string) *result.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "fingerprint", file))
	require.NoError(t, err)
	reg := checks.Default()
	m, err := criteria.LoadDefault(Known(reg))
	require.NoError(t, err)
	s := &snapshot.Snapshot{URL: url, FinalURL: url, Status: 200, HTML: string(b), DOM: string(b), ContentType: "text/html"}
	pages := []*checks.Page{checks.NewPage(s, true)}
	outcomes, err := Evaluate(context.Background(), m, reg, pages)
	require.NoError(t, err)
	return Score(Input{Model: m, Registry: reg, Outcomes: outcomes, Target: url,
		Pages: []result.Page{{URL: url, FinalURL: url, Status: 200}}})
}

func checkIDs(ps []result.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Check+" "+p.Selector)
	}
	return out
}

// TestFingerprintSurvivesChurn scans two builds of a page that differ only
// in generated class names and ids, sibling order, other text, asset
// hashes, host, port, query string and trailing slash: no problem is new or
// fixed. A build with one more image without alt shows exactly that one.
func TestFingerprintSurvivesChurn(t *testing.T) {
	base := scoreFixture(t, "base.html", "http://127.0.0.1:8080/shop/")
	churn := scoreFixture(t, "churn.html", "http://127.0.0.1:9191/shop?utm_source=mail")
	regressed := scoreFixture(t, "regressed.html", "http://localhost:8080/shop/index.html")

	bp := Problems(base)
	require.NotEmpty(t, bp)
	counts := map[string]int{}
	for _, p := range bp {
		counts[p.Check]++
		assert.Len(t, p.Fingerprint, 16)
	}
	// The fixture's own failures, found by the checks on its HTML.
	assert.Equal(t, 2, counts["image-alt"], checkIDs(bp))
	assert.NotZero(t, counts["link-name"], checkIDs(bp))

	// Each kind of churn alone, then all at once.
	for _, tc := range []struct{ name, file, url string }{
		{"generated ids, classes and asset hashes", "churn-ids.html", "http://127.0.0.1:8080/shop/"},
		{"siblings reordered", "churn-order.html", "http://127.0.0.1:8080/shop/"},
		{"other text", "churn-text.html", "http://127.0.0.1:8080/shop/"},
		{"query string", "base.html", "http://127.0.0.1:8080/shop/?utm_source=mail"},
		{"no trailing slash", "base.html", "http://127.0.0.1:8080/shop"},
		{"index.html, other host and port", "base.html", "http://localhost:9999/shop/index.html"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := Compare(base, scoreFixture(t, tc.file, tc.url))
			assert.Empty(t, d.Problems.New, "new: %v", checkIDs(d.Problems.New))
			assert.Empty(t, d.Problems.Fixed, "fixed: %v", checkIDs(d.Problems.Fixed))
		})
	}
	d := Compare(base, churn)
	assert.Empty(t, d.Problems.New, "new after churn: %v", checkIDs(d.Problems.New))
	assert.Empty(t, d.Problems.Fixed, "fixed after churn: %v", checkIDs(d.Problems.Fixed))
	assert.Len(t, d.Problems.Still, len(bp))

	d = Compare(base, regressed)
	require.Len(t, d.Problems.New, 1, checkIDs(d.Problems.New))
	assert.Equal(t, "image-alt", d.Problems.New[0].Check)
	assert.Contains(t, d.Problems.New[0].Snippet, "blender")
	assert.Empty(t, d.Problems.Fixed, checkIDs(d.Problems.Fixed))

	// And the other way round: the blender image is fixed.
	d = Compare(regressed, base)
	require.Len(t, d.Problems.Fixed, 1)
	assert.Contains(t, d.Problems.Fixed[0].Snippet, "blender")
}

// TestFingerprintOfOldResults: a base written before fingerprints existed
// gets the same fingerprints computed from its selectors and snippets.
func TestFingerprintOfOldResults(t *testing.T) {
	base := scoreFixture(t, "base.html", "http://127.0.0.1:8080/shop/")
	old := scoreFixture(t, "base.html", "http://127.0.0.1:8080/shop/")
	for ci := range old.Criteria {
		for ki := range old.Criteria[ci].Checks {
			for oi := range old.Criteria[ci].Checks[ki].Outcomes {
				for ei := range old.Criteria[ci].Checks[ki].Outcomes[oi].Evidence {
					old.Criteria[ci].Checks[ki].Outcomes[oi].Evidence[ei].Fingerprint = ""
				}
			}
		}
	}
	d := Compare(old, base)
	assert.Empty(t, d.Problems.New)
	assert.Empty(t, d.Problems.Fixed)
}

func TestStableToken(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"main", "main"},
		{"nav-bar", "nav-bar"},
		{"card__title", "card__title"},
		{"navBar", "navBar"},
		{"col-md-6", "col-md-6"},
		{"css-1x2y3z", ""},
		{"css-1n2mv2k-Intro", ""},
		{"sc-bdfBwQ", ""},
		{"kGmWXy", ""},
		{"jsx-2467785283", ""},
		{"svelte-1abc23", ""},
		{"Button_primary__3xYz1", "Button_primary"},
		{"Product_item__9Kd2a", "Product_item"},
		{"ember123", ""},
		{"emberView", "emberView"},
		{":r1:", ""},
		{"post-48213", "post"},
		{"mui-12345", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, stableToken(tc.in))
		})
	}
}

func TestNormalPath(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.be/":                 "/",
		"https://example.be":                  "/",
		"http://127.0.0.1:8080/shop/?a=1#top": "/shop",
		"http://localhost/shop/index.html":    "/shop",
		"http://localhost/a/b.html":           "/a/b.html",
	} {
		assert.Equal(t, want, NormalPath(in), in)
	}
}
