package engine_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
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
	// Pages are checked in parallel, one per CPU: those started before the
	// interrupt end, no other starts.
	n := int(calls.Load())
	assert.True(t, n >= 1 && n <= runtime.GOMAXPROCS(0), "%d checks ran", n)
	assert.Equal(t, map[checks.Outcome]int{checks.Pass: n, checks.NotEvaluated: 4 - n}, outcomes(t, out))
}

// When the budget runs out during the checks, the run goes on with what
// was checked, says so, and is not marked interrupted.
func TestRunBudgetEndsChecks(t *testing.T) {
	rec := &progress.Recorder{}
	// More pages than can be checked in the budget, one per CPU at a time.
	pages := 2*runtime.GOMAXPROCS(0) + 2
	p := plan(t, site(t, pages), slowChecks(func() { time.Sleep(600 * time.Millisecond) }), rec)
	p.Crawl.Budget, p.Crawl.Timeout, p.Crawl.MaxPages = time.Second, 100*time.Millisecond, pages
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

// The snapshots wait in a spool whose file is gone from the temporary
// folder while the scan runs (so that nothing stays there, however the
// process ends), and the pages are scored as from memory.
func TestRunSpoolLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	var during []os.DirEntry
	var once sync.Once
	rec := &progress.Recorder{}
	out, err := engine.Run(context.Background(), plan(t, site(t, 4), slowChecks(func() {
		once.Do(func() { during, _ = os.ReadDir(dir) })
	}), rec))
	require.NoError(t, err)
	assert.Equal(t, map[checks.Outcome]int{checks.Pass: 4}, outcomes(t, out))
	assert.Empty(t, during, "files in the temporary folder during the checks")
	after, _ := os.ReadDir(dir)
	assert.Empty(t, after, "files in the temporary folder after the scan")
	assert.Empty(t, out.Scan.Pages[0].HTML, "the scan keeps light copies of the pages")
}
