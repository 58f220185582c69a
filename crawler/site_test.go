package crawler

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didi-index/didi/progress"
)

// TestSite50 crawls the 50-page test site and checks that every page is
// visited once, without error, in both modes.
func TestSite50(t *testing.T) {
	for _, mode := range []string{"no-browser", "browser"} {
		t.Run(mode, func(t *testing.T) {
			o := Options{MaxPages: 100}
			if mode == "browser" {
				o.Browser = browserOrSkip(t)
				isolateTemp(t)
			} else {
				o.NoBrowser = true
			}
			srv := siteServer(t)
			o.Start = []string{srv.URL}
			scan := crawlT(t, o)
			if len(scan.Pages) != 50 {
				t.Errorf("scanned %d pages, want 50", len(scan.Pages))
			}
			seen := map[string]bool{}
			for _, p := range scan.Pages {
				if p.Error != "" {
					t.Errorf("%s: %s", p.URL, p.Error)
				}
				if seen[p.URL] {
					t.Errorf("%s scanned twice", p.URL)
				}
				seen[p.URL] = true
				if p.Depth > 3 {
					t.Errorf("%s at depth %d", p.URL, p.Depth)
				}
				if (mode == "browser") != (p.Browser != nil) {
					t.Errorf("%s: browser facts present = %v in mode %s", p.URL, p.Browser != nil, mode)
				}
			}
			if scan.Pages[0].URL != srv.URL+"/" || scan.Pages[0].Depth != 0 {
				t.Errorf("first page %s at depth %d, want the start page", scan.Pages[0].URL, scan.Pages[0].Depth)
			}
		})
	}
}

// TestLimits checks max pages, max depth and no-crawl.
func TestLimits(t *testing.T) {
	srv := siteServer(t)
	tests := []struct {
		name string
		o    Options
		want int
	}{
		{"max pages", Options{MaxPages: 7}, 7},
		{"depth 1", Options{MaxDepth: 1, MaxPages: 100}, 8}, // home, 4 sections, 3 footer pages
		{"no crawl", Options{NoCrawl: true}, 1},
		{"exclude", Options{MaxPages: 100, Exclude: []*regexp.Regexp{regexp.MustCompile(`/news/`)}}, 35},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.o.Start, tt.o.NoBrowser = []string{srv.URL}, true
			if got := len(crawlT(t, tt.o).Pages); got != tt.want {
				t.Errorf("scanned %d pages, want %d", got, tt.want)
			}
		})
	}
}

// TestRobotsAndSitemaps checks that robots.txt keeps didi out and that
// sitemaps (through a sitemap index) add pages no link reaches.
func TestRobotsAndSitemaps(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprintf(w, "User-agent: didi\nDisallow: /private/\n\nSitemap: %s/sitemap-index.xml\n", srv.URL)
		case "/sitemap-index.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/sitemap-pages.xml</loc></sitemap></sitemapindex>`, srv.URL)
		case "/sitemap-pages.xml":
			fmt.Fprintf(w, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/orphan</loc></url><url><loc>%s/private/x</loc></url></urlset>`, srv.URL, srv.URL)
		case "/":
			fmt.Fprint(w, `<html><body><a href="/private/secret">secret</a> <a href="/public">public</a></body></html>`)
		default:
			fmt.Fprint(w, `<html><body><p>page</p></body></html>`)
		}
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL}, NoBrowser: true})
	var got []string
	for _, p := range scan.Pages {
		got = append(got, strings.TrimPrefix(p.URL, srv.URL))
	}
	want := []string{"/", "/public", "/orphan"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("scanned %v, want %v", got, want)
	}
	if len(scan.RobotsSkipped) != 2 {
		t.Errorf("robots skipped %v, want the two private pages", scan.RobotsSkipped)
	}
}

func TestParseSitemap(t *testing.T) {
	tests := []struct {
		name, body string
		locs       []string
		index      bool
	}{
		{"urlset", `<urlset><url><loc>http://a/1</loc></url><url><loc>http://a/2</loc></url></urlset>`, []string{"http://a/1", "http://a/2"}, false},
		{"index", `<sitemapindex><sitemap><loc>http://a/s.xml</loc></sitemap></sitemapindex>`, []string{"http://a/s.xml"}, true},
		{"garbage", `not xml at all`, nil, false},
	}
	for _, tt := range tests {
		locs, index := parseSitemap([]byte(tt.body))
		if fmt.Sprint(locs) != fmt.Sprint(tt.locs) || index != tt.index {
			t.Errorf("%s: got %v %v, want %v %v", tt.name, locs, index, tt.locs, tt.index)
		}
	}
}

// TestCancelLeavesNothingBehind cancels a browser crawl after its first page
// and checks that no Chromium process or profile is left.
func TestCancelLeavesNothingBehind(t *testing.T) {
	path := browserOrSkip(t)
	isolateTemp(t)
	srv := siteServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var once sync.Once
	cancelAtFirstPage := func(e progress.Event) {
		if e.Kind == progress.PageDone || e.Kind == progress.PageFailed {
			once.Do(cancel)
		}
	}
	scan, err := Crawl(ctx, Options{Start: []string{srv.URL}, Browser: path, MaxPages: 50, Events: cancelAtFirstPage, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if !scan.Interrupted {
		t.Error("scan not marked as interrupted")
	}
	if len(scan.Pages) >= 50 {
		t.Errorf("scanned %d pages after the cancel", len(scan.Pages))
	}
}

// TestBrowserThatWillNotStart checks the error and the clean-up when the
// browser cannot start.
func TestBrowserThatWillNotStart(t *testing.T) {
	isolateTemp(t)
	_, err := Crawl(context.Background(), Options{Start: []string{"http://127.0.0.1:9/"}, Browser: "/bin/false"})
	if err == nil || !strings.Contains(err.Error(), "start browser") {
		t.Errorf("error %v, want a browser start error", err)
	}
}

// TestBrowserRestart kills the browser in the middle of a crawl: the scan
// restarts it once and goes on.
func TestBrowserRestart(t *testing.T) {
	path := browserOrSkip(t)
	srv := killingServer(t, isolateTemp(t))
	scan := crawlT(t, Options{Start: []string{srv.URL}, Browser: path, MaxPages: 8, Concurrency: 1})
	if scan.BrowserRestarts != 1 {
		t.Errorf("browser restarts = %d, want 1", scan.BrowserRestarts)
	}
	if len(scan.Pages) != 8 {
		t.Errorf("scanned %d pages, want 8", len(scan.Pages))
	}
	ok := 0
	for _, p := range scan.Pages {
		if p.Error == "" && p.Browser != nil {
			ok++
		}
	}
	if ok < 7 {
		t.Errorf("%d pages with browser facts, want at least 7", ok)
	}
}

// killingServer serves testdata/site50 and kills the browser whose
// profile is under dir when it first asks for /news/.
func killingServer(t *testing.T, dir string) *httptest.Server {
	var once sync.Once
	files := http.FileServer(http.Dir("../testdata/site50"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/news/" && strings.Contains(r.UserAgent(), "Chrome") {
			once.Do(func() { killBrowser(t, dir) })
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// killBrowser kills the main browser process whose profile is under dir.
func killBrowser(t *testing.T, dir string) {
	stats, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil || !bytes.Contains(b, []byte("--user-data-dir="+dir)) || bytes.Contains(b, []byte("--type=")) {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(s)))
		if p, err := os.FindProcess(pid); err == nil {
			t.Logf("killing browser pid %d", pid)
			p.Kill()
		}
	}
}

// TestBudget stops the crawl when the budget runs out.
func TestBudget(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		fmt.Fprintf(w, `<html><body><a href="/%d">next</a></body></html>`, n+1)
	}))
	defer srv.Close()
	began := time.Now()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/0"}, NoBrowser: true, Concurrency: 1, MaxDepth: 100, MaxPages: 100, Budget: time.Second})
	if took := time.Since(began); took > 3*time.Second {
		t.Errorf("crawl took %v with a 1 s budget", took)
	}
	if !scan.Interrupted || len(scan.Pages) == 0 || len(scan.Pages) > 6 {
		t.Errorf("interrupted %v with %d pages; want interrupted after a few pages", scan.Interrupted, len(scan.Pages))
	}
	for _, p := range scan.Pages {
		if p.Error != "" {
			t.Errorf("%s: %s (a page cut by the budget must not be recorded)", p.URL, p.Error)
		}
	}
}

// TestHeadersAndCookiesWithoutBrowser checks --header and --cookie on the
// scanned origin, and that another origin does not get them.
func TestHeadersAndCookiesWithoutBrowser(t *testing.T) {
	var mu sync.Mutex
	leaked := false
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		leaked = leaked || r.Header.Get("Authorization") != ""
		mu.Unlock()
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("login")
		if r.Header.Get("Authorization") != "Bearer x" || err != nil || c.Value != "token" {
			http.Error(w, "login needed", http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, other.URL+"/", http.StatusFound)
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL}, NoBrowser: true, NoCrawl: true,
		Headers: http.Header{"Authorization": {"Bearer x"}}, Cookies: []*http.Cookie{{Name: "login", Value: "token"}}})
	if p := scan.Pages[0]; p.Status == http.StatusUnauthorized {
		t.Error("headers or cookies not sent to the scanned origin")
	}
	if leaked {
		t.Error("the Authorization header reached another origin")
	}
}

// TestRedirectToAKnownPageIsScannedOnce: /a and /a/ are one page; links to
// both, in either order, give one snapshot.
func TestRedirectToAKnownPageIsScannedOnce(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html lang="en"><title>Home</title><a href="/a">a</a> <a href="/b/">b/</a> <a href="/a/">a/</a> <a href="/b">b</a>`)
	})
	for _, p := range []string{"/a", "/b"} {
		mux.Handle(p, http.RedirectHandler(p+"/", http.StatusMovedPermanently))
		mux.HandleFunc(p+"/", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html lang="en"><title>Page</title><p>Text</p>`)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/"}, NoBrowser: true, Concurrency: 1})
	finals := map[string]int{}
	for _, p := range scan.Pages {
		finals[p.FinalURL]++
	}
	want := map[string]int{srv.URL + "/": 1, srv.URL + "/a/": 1, srv.URL + "/b/": 1}
	if fmt.Sprint(finals) != fmt.Sprint(want) {
		t.Errorf("pages by final URL = %v, want %v", finals, want)
	}
}

// TestPagesThatLeaveByThemselves: a page that goes on to another one by a
// meta refresh or a script is scanned like an HTTP redirect, where it
// leads; a page that reloads itself at once, or two that send each other
// back and forth, are errors; a jump to a fragment is not leaving. Twice,
// as this used to depend on timing.
func TestPagesThatLeaveByThemselves(t *testing.T) {
	b := browserOrSkip(t)
	pages := map[string]string{
		"/meta":   `<title>Alias</title><meta http-equiv="refresh" content="0; url=/target">`,
		"/js":     `<title>Script alias</title><script>location.replace('/other')</script><p>Moving</p>`,
		"/self":   `<title>Self</title><meta http-equiv="refresh" content="0">`,
		"/hash":   `<title>Hash</title><p id="x">Stays</p><script>location.hash = '#x'</script>`,
		"/loop-a": `<title>Loop A</title><meta http-equiv="refresh" content="0; url=/loop-b">`,
		"/loop-b": `<title>Loop B</title><meta http-equiv="refresh" content="0; url=/loop-a">`,
		"/target": `<title>Target</title><main><h1>Target</h1></main>`,
		"/other":  `<title>Other</title><main><h1>Other</h1></main>`,
	}
	mux := http.NewServeMux()
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<!doctype html><html lang="en"><head>`+body+`</head></html>`)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for range 2 {
		scan := crawlT(t, Options{Browser: b, BlockOutside: true, NoCrawl: true, Concurrency: 1,
			Start: []string{srv.URL + "/meta", srv.URL + "/js", srv.URL + "/self", srv.URL + "/hash", srv.URL + "/loop-a"}})
		for _, c := range []struct{ path, final, title string }{
			{"/meta", "/target", "Target"},
			{"/js", "/other", "Other"},
			{"/hash", "/hash", "Hash"},
		} {
			p := pageByPath(t, scan, c.path)
			if p.Error != "" || p.FinalURL != srv.URL+c.final || p.Title != c.title || p.Browser == nil {
				t.Errorf("%s: error %q, final %s, title %q, browser facts %t; want final %s, title %q",
					c.path, p.Error, p.FinalURL, p.Title, p.Browser != nil, c.final, c.title)
			}
		}
		if p := pageByPath(t, scan, "/meta"); !slices.Contains(p.Redirects, srv.URL+"/meta") {
			t.Errorf("/meta: redirects %v, want /meta in them", p.Redirects)
		}
		if p := pageByPath(t, scan, "/self"); !strings.Contains(p.Error, "reloads itself") || p.ErrorCode != ErrClientReload {
			t.Errorf("/self: error %q, want it to say the page reloads itself", p.Error)
		}
		if p := pageByPath(t, scan, "/loop-a"); !strings.Contains(p.Error, "loop") || p.ErrorCode != ErrClientLoop || p.ErrorParams["url"] == "" ||
			!slices.Contains(p.Redirects, srv.URL+"/loop-a") {
			t.Errorf("/loop-a: error %q, redirects %v; want a loop error after /loop-a", p.Error, p.Redirects)
		}
	}
	// A page that leads to a page scanned anyway is not scanned twice.
	scan := crawlT(t, Options{Browser: b, BlockOutside: true, NoCrawl: true, Concurrency: 1,
		Start: []string{srv.URL + "/target", srv.URL + "/meta"}})
	if len(scan.Pages) != 1 || scan.Pages[0].FinalURL != srv.URL+"/target" {
		t.Errorf("got %d pages (%v), want only /target", len(scan.Pages), scan.Pages)
	}
}
