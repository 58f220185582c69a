package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/didi-index/didi/snapshot"
)

// TestSpoolKeepsLightCopies: with a spool the scan keeps light copies and
// the whole snapshots are in the spool, the start page's slow-connection
// load time (measured beside the crawl, after the page was stored) in both.
func TestSpoolKeepsLightCopies(t *testing.T) {
	browser := browserOrSkip(t)
	dir := isolateTemp(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>t</title><body><a href="/two">two</a></body></html>`)
	}))
	defer srv.Close()
	spool, err := snapshot.NewSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer spool.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/"}, Browser: browser, MaxPages: 2, Spool: spool,
		SlowProfile: &snapshot.SlowProfile{Latency: 10 * time.Millisecond, Down: 1 << 20, Up: 1 << 20}})
	if len(scan.Pages) != 2 || len(scan.Stored) != 2 {
		t.Fatalf("%d pages, %d stored", len(scan.Pages), len(scan.Stored))
	}
	for i, light := range scan.Pages {
		whole, err := scan.Stored[i].Load()
		if err != nil {
			t.Fatal(err)
		}
		if light.HTML != "" || light.Browser == nil || len(light.Browser.AXTree) != 0 {
			t.Errorf("%s: not a light copy", light.URL)
		}
		if whole.HTML == "" || whole.Browser == nil || len(whole.Browser.AXTree) == 0 || whole.URL != light.URL {
			t.Errorf("%s: the spool lacks the whole snapshot", light.URL)
		}
		if i == 0 && (whole.Browser.SlowLoadMs <= 0 || whole.Browser.SlowLoadMs != light.Browser.SlowLoadMs) {
			t.Errorf("start page: slow load %v in the spool, %v in the light copy", whole.Browser.SlowLoadMs, light.Browser.SlowLoadMs)
		}
	}
}
