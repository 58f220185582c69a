package crawler

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestSharedBrowser runs several crawls in one browser: each gets its
// pages and its own outside-request blocking; the browser outlives each
// crawl, is started again when it died between crawls or during one, and
// Close leaves no process or profile behind (isolateTemp checks).
func TestSharedBrowser(t *testing.T) {
	path := browserOrSkip(t)
	dir := isolateTemp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b, err := StartBrowser(ctx, Options{Browser: path})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !strings.Contains(b.Version(), "Chrome") {
		t.Errorf("Version() = %q", b.Version())
	}
	crawl := func(o Options) *Scan {
		t.Helper()
		o.Shared, o.Timeout = b, 15*time.Second
		scan, err := Crawl(ctx, o)
		if err != nil {
			t.Fatalf("Crawl: %v", err)
		}
		return scan
	}

	// Two sites on two origins: the first is blocked from the second's
	// origin, as with a crawl's own browser.
	site := factsServer(t)
	scan := crawl(Options{Start: []string{site.URL + "/"}, NoCrawl: true, BlockOutside: true})
	p := scan.Pages[0]
	if p.Error != "" || p.Browser == nil {
		t.Fatalf("facts page: error %q, browser facts %t", p.Error, p.Browser != nil)
	}
	if r := request(p.Browser, site.other.URL+"/pixel.png"); r == nil || r.Failed == "" || site.otherHits != 0 {
		t.Errorf("the other loopback origin was not blocked: %+v, %d hits", r, site.otherHits)
	}
	if !blockedThirdParty(p.Browser, "tracker.example") {
		t.Error("third-party request not blocked")
	}
	if processesUsing(dir) == 0 {
		t.Fatal("the shared browser stopped with the crawl")
	}
	srv := siteServer(t)
	if scan := crawl(Options{Start: []string{srv.URL}, MaxPages: 4, BlockOutside: true}); okPages(scan) != 4 {
		t.Errorf("second site: %d pages with browser facts, want 4", okPages(scan))
	}

	// Killed between crawls: the next crawl starts it again.
	killBrowser(t, dir)
	time.Sleep(500 * time.Millisecond)
	if scan := crawl(Options{Start: []string{srv.URL}, MaxPages: 3}); okPages(scan) != 3 {
		t.Errorf("after a kill between crawls: %d pages with browser facts, want 3", okPages(scan))
	}

	// Killed during a crawl: restarted once, the crawl goes on.
	killer := killingServer(t, dir)
	scan = crawl(Options{Start: []string{killer.URL}, MaxPages: 8, Concurrency: 1})
	if scan.BrowserRestarts != 1 || okPages(scan) < 7 {
		t.Errorf("killed during a crawl: %d restarts, %d good pages; want 1 and at least 7", scan.BrowserRestarts, okPages(scan))
	}

	// A crawl that wants other launch options is refused.
	if _, err := Crawl(ctx, Options{Start: []string{srv.URL}, Shared: b, Insecure: true}); err == nil {
		t.Error("a crawl with Insecure in a browser started without it was accepted")
	}
}

// okPages counts the pages scanned without error and with browser facts.
func okPages(scan *Scan) int {
	n := 0
	for _, p := range scan.Pages {
		if p.Error == "" && p.Browser != nil {
			n++
		}
	}
	return n
}
