package report

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"
	"github.com/didi-index/didi/snapshot"
)

// txt builds a Text in nl, fr and en.
func txt(nl, fr, en string) result.Text { return result.Text{"nl": nl, "fr": fr, "en": en} }

// fixtureURL is the URL of page i beyond the saved pages; some are very
// long.
func fixtureURL(i int) string {
	switch {
	case i%9 == 4:
		return fmt.Sprintf("https://www.voorbeeld-gemeente.be/nl/diensten/burgerzaken/identiteitskaarten-en-reispassen/elektronische-identiteitskaart-aanvragen-vernieuwen-of-verloren-melden/stap-%d?utm_source=nieuwsbrief&utm_medium=email&utm_campaign=najaar-2026-digitale-inclusie-en-toegankelijkheid&sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0", i)
	case i%2 == 0:
		return fmt.Sprintf("https://www.voorbeeld-gemeente.be/fr/services/page-%d-démarches-en-ligne", i)
	}
	return fmt.Sprintf("https://www.voorbeeld-gemeente.be/nl/diensten/pagina-%d", i)
}

// fixtureInput is what every fixture result is scored from: the default
// model and registry, the bakery's answers, and testdata/snapshots.json, a
// real browser crawl of testdata/sites/bad (ten pages and, fourth, one that
// gave 404)
// with its loopback address replaced by www.voorbeeld-gemeente.be.
var fixtureInput = sync.OnceValues(func() (*scoring.Input, error) {
	snaps, err := snapshot.Load("testdata/snapshots.json")
	if err != nil {
		return nil, err
	}
	reg := checks.Default()
	m, err := criteria.LoadDefault(scoring.Known(reg))
	if err != nil {
		return nil, err
	}
	a, err := criteria.LoadAnswers("../testdata/answers/bakery.yaml", m)
	if err != nil {
		return nil, err
	}
	return &scoring.Input{
		Model: m, Answers: a, Registry: reg, Pages: nil, Languages: []string{"nl", "fr"},
		Target:  snaps[0].URL,
		Started: "2026-11-23T09:14:05Z", Finished: "2026-11-23T09:16:41Z",
		Tool: result.Tool{Name: "didi", Version: "0.1.0"},
		Scan: result.Scan{Browser: "Chromium 131.0.6778.85"},
	}, nil
})

// fixtureSnapshots are the saved pages.
var fixtureSnapshots = sync.OnceValues(func() ([]snapshot.Snapshot, error) {
	return snapshot.Load("testdata/snapshots.json")
})

// fixtureResult scores a scan of n pages with scoring.Score: the saved
// pages first, then copies of them at other (some very long) addresses.
func fixtureResult(n int) *result.Result {
	in, err := fixtureInput()
	if err != nil {
		panic(fmt.Sprintf("report fixture: %v", err))
	}
	snaps, err := fixtureSnapshots()
	if err != nil {
		panic(fmt.Sprintf("report fixture: %v", err))
	}
	run := *in
	var pages []*checks.Page
	for i := range n {
		s := snaps[i%len(snaps)]
		if i >= len(snaps) {
			s.URL, s.FinalURL = fixtureURL(i), fixtureURL(i)
		}
		pages = append(pages, checks.NewPage(&s, i == 0))
		run.Pages = append(run.Pages, result.Page{URL: s.URL, FinalURL: s.FinalURL, Status: s.Status, Error: s.Error})
	}
	run.Outcomes, _ = scoring.Evaluate(context.Background(), in.Model, in.Registry, pages)
	return scoring.Score(run)
}

// TestFixtureIsScored checks that the fixture comes from scoring: every
// criterion scored, pages that failed to load listed, failures with
// evidence.
func TestFixtureIsScored(t *testing.T) {
	r := fixtureResult(25)
	if len(r.Pages) != 25 || len(r.Criteria) != 7 {
		t.Fatalf("%d pages, %d criteria", len(r.Pages), len(r.Criteria))
	}
	failed, evidence := 0, 0
	for _, p := range r.Pages {
		if p.Error != "" {
			failed++
		}
	}
	for _, c := range r.Criteria {
		for _, ch := range c.Checks {
			for _, o := range ch.Outcomes {
				evidence += len(o.Evidence)
			}
		}
	}
	if failed == 0 || evidence < 50 {
		t.Errorf("%d pages failed, %d evidence items: the fixture should show both", failed, evidence)
	}
}
