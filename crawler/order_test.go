package crawler

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// jitterSite serves n pages, /p/0 to /p/{n-1}, each after a random delay of
// up to maxDelay, so that pages finish in another order on every run. Each
// page links to three others; /p/0 links to three pages and to /r/5, which
// redirects to /p/5, and pages that are multiples of 7 link to /r/k too, so
// that a redirect meets the page it leads to in a different order on
// every run.
func jitterSite(t *testing.T, n int, maxDelay time.Duration) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Duration(rand.Int64N(int64(maxDelay))))
		if k, ok := strings.CutPrefix(r.URL.Path, "/r/"); ok {
			http.Redirect(w, r, "/p/"+k, http.StatusFound)
			return
		}
		k, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p/"))
		if err != nil || k < 0 || k >= n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>Page %d</title><main>`, k)
		for _, to := range []int{(k*7 + 1) % n, (k*13 + 5) % n, (k*3 + 2) % n} {
			fmt.Fprintf(w, `<a href="/p/%d">page %d</a> `, to, to)
		}
		if k == 0 || k%7 == 0 {
			fmt.Fprintf(w, `<a href="/r/%d">moved</a>`, (k+5)%n)
		}
		fmt.Fprint(w, `</main></html>`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// pagesOf lists a scan's pages as "path>final path@depth", in result order.
func pagesOf(scan *Scan, base string) string {
	var b strings.Builder
	for _, p := range scan.Pages {
		fmt.Fprintf(&b, "%s>%s@%d ", strings.TrimPrefix(p.URL, base), strings.TrimPrefix(p.FinalURL, base), p.Depth)
	}
	return b.String()
}

// TestCrawlIsDeterministic crawls a site whose pages answer after random
// delays several times, with a page limit below the site's size: every run
// gives the same pages in the same order (issue 17: the pages at the limit
// used to depend on which page finished first).
func TestCrawlIsDeterministic(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		runs int
	}{
		{"no-browser", Options{NoBrowser: true, Concurrency: 8, MaxPages: 20, MaxDepth: 6}, 6},
		{"browser", Options{Concurrency: 3, MaxPages: 12, MaxDepth: 6, BlockOutside: true}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.o.NoBrowser {
				tt.o.Browser = browserOrSkip(t)
				isolateTemp(t)
			}
			srv := jitterSite(t, 60, 40*time.Millisecond)
			tt.o.Start = []string{srv.URL + "/p/0"}
			first := ""
			for run := range tt.runs {
				scan := crawlT(t, tt.o)
				got := pagesOf(scan, srv.URL)
				if len(scan.Pages) == 0 || len(scan.Pages) > tt.o.MaxPages {
					t.Fatalf("run %d: %d pages, want 1 to %d", run, len(scan.Pages), tt.o.MaxPages)
				}
				for _, p := range scan.Pages {
					if p.Error != "" {
						t.Errorf("run %d: %s: %s", run, p.URL, p.Error)
					}
				}
				if run == 0 {
					first = got
					continue
				}
				if got != first {
					t.Fatalf("run %d scanned other pages or another order:\n got %s\nwant %s", run, got, first)
				}
			}
		})
	}
}
