package engine

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/scoring"
)

// TestGatherFollowsTheChecks scans a page that is too wide at 320 px with
// the default model and with one whose checks need no 320 px layout: only
// the first measures it.
func TestGatherFollowsTheChecks(t *testing.T) {
	browser, err := crawler.FindBrowser("")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no Chromium found and CI is unset, so this browser test is skipped: %v", err)
		}
		t.Fatalf("CI is set but no browser was found: %v", err)
	}
	dir, err := os.MkdirTemp("/tmp", "didi-t") // short: Chromium puts a socket in it
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("TMPDIR", dir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><head><title>Wide</title></head><body><main><div id="wide" style="width:900px">Wide</div></main></body></html>`)
	}))
	defer srv.Close()
	reg := checks.Default()
	full, err := criteria.LoadDefault(scoring.Known(reg))
	if err != nil {
		t.Fatal(err)
	}
	narrow, _ := criteria.LoadDefault(scoring.Known(reg))
	// Neither loads the page again on a slow connection, to keep it short.
	without(full, func(c *checks.Check) bool { return c.Throttle != nil })
	without(narrow, func(c *checks.Check) bool { return c.Throttle != nil || slices.Contains(c.Needs, checks.FactReflow) })
	tests := []struct {
		name  string
		model *criteria.Model
		want  bool
	}{{"default model", full, true}, {"no check of the 320 px layout", narrow, false}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GatherPlan(tt.model, reg).Reflow; got != tt.want {
				t.Fatalf("GatherPlan().Reflow = %v, want %v", got, tt.want)
			}
			out, err := Run(context.Background(), Plan{Model: tt.model, Registry: reg,
				Crawl: crawler.Options{Start: []string{srv.URL + "/"}, NoCrawl: true, Browser: browser}})
			if err != nil {
				t.Fatal(err)
			}
			b := out.Scan.Pages[0].Browser
			if b == nil {
				t.Fatal("no browser facts")
			}
			if measured := b.Reflow.ViewportWidth == 320 && b.Reflow.Overflows; measured != tt.want {
				t.Errorf("320 px layout measured = %v (%+v), want %v", measured, b.Reflow, tt.want)
			}
		})
	}
}

// without removes the checks drop picks from m.
func without(m *criteria.Model, drop func(*checks.Check) bool) {
	reg := checks.Default()
	for i := range m.Criteria {
		m.Criteria[i].Checks = slices.DeleteFunc(m.Criteria[i].Checks, func(r criteria.CheckRef) bool { return drop(reg.Get(r.ID)) })
	}
}
