package scoring

import (
	"context"
	"testing"

	"github.com/andybalholm/cascadia"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/snapshot"
)

// TestApplyLevels: off leaves the check out of a copy of the model, warn
// makes it weigh 0; the model itself stays as it was; what changed is
// listed in model order with the model's weight.
func TestApplyLevels(t *testing.T) {
	m := testModel()
	got, changed := ApplyLevels(m, map[string]string{"c3": result.LevelWarn, "c1": result.LevelOff, "c2": result.LevelOn})
	assert.Equal(t, []criteria.CheckRef{{ID: "c2", Weight: 1}}, got.Criteria[0].Checks)
	assert.Equal(t, []criteria.CheckRef{{ID: "c3", Weight: 0}}, got.Criteria[1].Checks)
	assert.Equal(t, []result.CheckOverride{
		{ID: "c1", Criterion: "a", Level: "off", Weight: 2, Title: txt("c1")},
		{ID: "c3", Criterion: "b", Level: "warn", Weight: 1, Title: txt("c3")},
	}, changed)
	assert.Len(t, m.Criteria[0].Checks, 2, "the model is not changed")
	assert.Equal(t, 1.0, m.Criteria[1].Checks[0].Weight)

	// A check switched off is no part of the score or of coverage.
	outs := map[string][]checks.PageOutcome{"c2": outcomes("pass"), "c3": outcomes("fail")}
	r := Score(Input{Model: got, Outcomes: outs})
	assert.Equal(t, 1.0, r.Criteria[0].Coverage)
	assert.Equal(t, 100.0, *r.Criteria[0].AutomatedScore)
	assert.Nil(t, r.Criteria[1].AutomatedScore, "a warning alone gives no score")
}

// TestIgnoreElements: evidence on an element that matches an ignore
// selector, or lies inside one, is dropped; a failing page left without
// evidence passes; evidence without a selector, or on another element,
// stays.
func TestIgnoreElements(t *testing.T) {
	page := func(url, body string) *checks.Page {
		src := `<!doctype html><html><body>` + body + `</body></html>`
		return checks.NewPage(&snapshot.Snapshot{URL: url, FinalURL: url, Status: 200, HTML: src, DOM: src, ContentType: "text/html"}, false)
	}
	pages := []*checks.Page{
		page("http://x/a", `<div id="cookie"><p><img src="c.png"></p></div><img id="hero" src="h.png">`),
		page("http://x/b", `<aside class="chat"><img src="bot.png"></aside>`),
	}
	ev := func(url, sel string) checks.Evidence { return checks.Evidence{URL: url, Selector: sel} }
	outs := map[string][]checks.PageOutcome{
		"image-alt": {
			{URL: "http://x/a", Result: checks.Result{Outcome: checks.Fail, Evidence: []checks.Evidence{
				ev("http://x/a", "#cookie > p:nth-of-type(1) > img:nth-of-type(1)"), ev("http://x/a", "#hero")}}},
			{URL: "http://x/b", Result: checks.Result{Outcome: checks.Fail, Evidence: []checks.Evidence{ev("http://x/b", "aside > img")}}},
		},
		"page-title": {{URL: "http://x/b", Result: checks.Result{Outcome: checks.Fail, Evidence: []checks.Evidence{ev("http://x/b", "")}}}},
	}
	sels := []cascadia.Matcher{cascadia.MustCompile("#cookie"), cascadia.MustCompile(".chat, .other")}
	require.Equal(t, 2, IgnoreElements(outs, pages, sels))
	a := outs["image-alt"]
	assert.Equal(t, checks.Fail, a[0].Outcome)
	assert.Equal(t, []checks.Evidence{ev("http://x/a", "#hero")}, a[0].Evidence)
	assert.Equal(t, checks.Pass, a[1].Outcome, "every element ignored: the page passes")
	assert.Empty(t, a[1].Evidence)
	assert.Equal(t, checks.Fail, outs["page-title"][0].Outcome, "a problem of the whole page stays")
	assert.Zero(t, IgnoreElements(outs, pages, nil))
}

// TestOverallCoverage: the result's coverage is the criterion-weighted mean
// over the criteria where some check applies; a criterion where none does
// is left out rather than counted as full or empty.
func TestOverallCoverage(t *testing.T) {
	outs := map[string][]checks.PageOutcome{
		"c1": outcomes("pass"), "c2": outcomes("not_evaluated"), // a: 2 of 3
		"c3": outcomes("inapplicable"), // b: nothing applies
	}
	r := Score(Input{Model: testModel(), Outcomes: outs})
	assert.Equal(t, 0.667, r.Criteria[0].Coverage)
	assert.Equal(t, 1.0, r.Criteria[1].Coverage)
	assert.Equal(t, 0.667, r.Coverage)

	outs["c3"] = outcomes("needs_review") // b applies, not evaluated: (1×0.667 + 3×0)/4
	assert.Equal(t, 0.167, Score(Input{Model: testModel(), Outcomes: outs}).Coverage)
	assert.Zero(t, Score(Input{Model: testModel(), Answers: answers("a.one", "yes")}).Coverage, "no page checked")
}

// TestEvidenceTextDecodedOnceAtTheSource: a message quoting a page's text
// and a snippet of its HTML come out of scoring decoded once, whatever
// character references the page used.
func TestEvidenceTextDecodedOnceAtTheSource(t *testing.T) {
	src := `<!doctype html><html lang="fr"><head><title>Form</title></head><body><main><form>` +
		`<label for="n">Nom d&#39;usager &amp; &lt;b&gt; *</label> <input id="n" name="n" required>` +
		`<label for="d">Date *</label> <input id="d" name="d" type="date" required>` +
		`<label for="r">Remarque</label> <textarea id="r" name="r"></textarea><button>Envoyer</button>` +
		`<p class="note">Vous serez déconnecté après 10 minutes d&#39;inactivité.</p></form></main></body></html>`
	url := "http://x.test/"
	reg := checks.Default()
	m, err := criteria.LoadDefault(Known(reg))
	require.NoError(t, err)
	s := &snapshot.Snapshot{URL: url, FinalURL: url, Status: 200, HTML: src, DOM: src, ContentType: "text/html"}
	outs, err := Evaluate(context.Background(), m, reg, []*checks.Page{checks.NewPage(s, true)})
	require.NoError(t, err)
	r := Score(Input{Model: m, Registry: reg, Outcomes: outs, Target: url})
	var quoted []string
	for _, c := range r.Criteria {
		for _, ch := range c.Checks {
			for _, o := range ch.Outcomes {
				for _, e := range o.Evidence {
					for _, msg := range e.Message {
						assert.NotContains(t, msg, "&#39;", ch.ID)
						assert.NotContains(t, msg, "&amp;", ch.ID)
					}
					assert.NotContains(t, e.Snippet, "&#39;", ch.ID)
					if ch.ID == "required-explained" {
						quoted = append(quoted, e.Message["fr"])
					}
				}
			}
		}
	}
	assert.Contains(t, quoted, "L'étiquette « Nom d'usager & <b> * » a un astérisque, mais rien n'explique ce qu'il veut dire.")
}

// TestIgnoreElementsOnStoredPages: on pages read back from the spool (more
// pages than stay open), an ignored element is still found on every page
// for every check. The elements found on a page were kept from the tree of
// its first reading, so after the page had been closed and read again they
// matched nothing.
func TestIgnoreElementsOnStoredPages(t *testing.T) {
	snaps := map[string]*snapshot.Snapshot{}
	store := &checks.StoredPages{MaxOpen: 1}
	var pages []*checks.Page
	for _, url := range []string{"http://x/a", "http://x/b"} {
		src := `<!doctype html><html><body><div class="cookie"><img src="c.png"></div><img id="hero" src="h.png"></body></html>`
		snaps[url] = &snapshot.Snapshot{URL: url, FinalURL: url, Status: 200, HTML: src, DOM: src, ContentType: "text/html"}
		light := &snapshot.Snapshot{URL: url, FinalURL: url, Status: 200, ContentType: "text/html"}
		pages = append(pages, store.Page(light, func() (*snapshot.Snapshot, error) { return snaps[url], nil }, url == "http://x/a"))
	}
	outs := map[string][]checks.PageOutcome{}
	for _, id := range []string{"c1", "c2", "c3"} {
		for _, url := range []string{"http://x/a", "http://x/b"} {
			outs[id] = append(outs[id], checks.PageOutcome{URL: url, Result: checks.Result{Outcome: checks.Fail,
				Evidence: []checks.Evidence{{URL: url, Selector: "div.cookie > img"}, {URL: url, Selector: "#hero"}}}})
		}
	}
	require.Equal(t, 6, IgnoreElements(outs, pages, []cascadia.Matcher{cascadia.MustCompile(".cookie")}))
	for id, list := range outs {
		for _, o := range list {
			assert.Equal(t, []checks.Evidence{{URL: o.URL, Selector: "#hero"}}, o.Evidence, "%s on %s", id, o.URL)
		}
	}
}
