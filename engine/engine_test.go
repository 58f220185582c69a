package engine_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"
)

// site serves a start page that links to n-1 more pages.
func site(t *testing.T, n int) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>p</title><body>`)
		if r.URL.Path == "/" {
			for i := 1; i < n; i++ {
				fmt.Fprintf(w, `<a href="/p%d">page %d</a>`, i, i)
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// slowChecks is a registry with one page check of the default model
// (page-title) that runs do on every page.
func slowChecks(do func()) *checks.Registry {
	return checks.NewRegistry([]checks.Check{{ID: "page-title", Criterion: "understandable",
		Page: func(*checks.Page, checks.Params) checks.Result { do(); return checks.Result{Outcome: checks.Pass} }}})
}

func plan(t *testing.T, srv *httptest.Server, reg *checks.Registry, rec *progress.Recorder) engine.Plan {
	m, err := criteria.LoadDefault(nil)
	require.NoError(t, err)
	return engine.Plan{Model: m, Registry: reg, Languages: []string{"en"}, Events: rec.Record,
		Crawl: crawler.Options{Start: []string{srv.URL + "/"}, NoBrowser: true, MaxPages: 4, Concurrency: 1}}
}

func outcomes(t *testing.T, out *engine.Output) map[checks.Outcome]int {
	n := map[checks.Outcome]int{}
	for _, o := range out.Input.Outcomes["page-title"] {
		n[o.Outcome]++
	}
	return n
}

// A signal during the checks stops them at once: the pages checked so far
// are kept, the rest are not evaluated, and the run is interrupted.
func TestRunInterruptedDuringChecks(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls atomic.Int32
	rec := &progress.Recorder{}
	out, err := engine.Run(ctx, plan(t, site(t, 4), slowChecks(func() { calls.Add(1); cancel() }), rec))
	require.ErrorIs(t, err, engine.ErrInterrupted)
	require.NotNil(t, out)
	assert.True(t, out.Result.Interrupted)
	assert.Equal(t, int32(1), calls.Load(), "no check runs after the interrupt")
	assert.Equal(t, map[checks.Outcome]int{checks.Pass: 1, checks.NotEvaluated: 3}, outcomes(t, out))
}

// When the budget runs out during the checks, the run goes on with what
// was checked, says so, and is not marked interrupted.
func TestRunBudgetEndsChecks(t *testing.T) {
	rec := &progress.Recorder{}
	p := plan(t, site(t, 4), slowChecks(func() { time.Sleep(600 * time.Millisecond) }), rec)
	p.Crawl.Budget, p.Crawl.Timeout = time.Second, 100*time.Millisecond
	out, err := engine.Run(context.Background(), p)
	require.NoError(t, err)
	assert.False(t, out.Result.Interrupted)
	got := outcomes(t, out)
	assert.Positive(t, got[checks.Pass], "%v", got)
	assert.Positive(t, got[checks.NotEvaluated], "%v", got)
	var warned bool
	for _, e := range rec.Events() {
		warned = warned || e.Kind == progress.Warning && strings.Contains(e.Message, "ran out during the checks")
	}
	assert.True(t, warned, "a warning says the time ran out")
}
