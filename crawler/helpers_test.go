package crawler

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didi-index/didi/snapshot"
)

// browserOrSkip returns the browser path. Without one it skips the test,
// unless CI is set: then browser tests must run and the test fails.
func browserOrSkip(t testing.TB) string {
	t.Helper()
	p, err := FindBrowser("")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no Chromium found and CI is unset, so this browser test is skipped: %v", err)
		}
		t.Fatalf("CI is set but no browser was found: %v", err)
	}
	return p
}

// isolateTemp points the temporary directory (where the browser profile
// goes) at a fresh directory and checks, when the test ends, that no
// browser process and no profile is left in it.
func isolateTemp(t *testing.T) string {
	t.Helper()
	// A short path: Chromium puts a socket in it, and socket paths are
	// limited to about 100 bytes.
	dir, err := os.MkdirTemp("/tmp", "didi-t")
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", dir)
	t.Cleanup(func() {
		assertNoLeftovers(t, dir)
		os.RemoveAll(dir)
	})
	return dir
}

// assertNoLeftovers fails when a process runs with a profile under dir or
// a profile directory is left in it.
func assertNoLeftovers(t *testing.T, dir string) {
	t.Helper()
	if n := processesUsing(dir); n > 0 {
		t.Errorf("%d browser processes still run with a profile in %s", n, dir)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("temporary profile left behind: %s", filepath.Join(dir, e.Name()))
	}
}

// processesUsing counts live processes whose command line names dir.
func processesUsing(dir string) int {
	stats, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	n := 0
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil || !strings.Contains(string(b), "--user-data-dir="+dir) {
			continue
		}
		status, _ := os.ReadFile(filepath.Join(filepath.Dir(s), "status"))
		if strings.Contains(string(status), "State:\tZ") {
			continue
		}
		n++
	}
	return n
}

// factsSite is the fixture site of testdata/facts, with what its server saw.
type factsSite struct {
	*httptest.Server
	// other is another loopback origin the page loads an image from.
	other *httptest.Server
	mu    sync.Mutex
	// browserHeader and browserCookie are the X-Test header and the login
	// cookie of the browser's request for the page.
	browserHeader, browserCookie string
	otherHits                    int
}

// factsServer serves testdata/facts with a Set-Cookie header on the page,
// and records the headers of the browser's request.
func factsServer(t testing.TB) *factsSite {
	t.Helper()
	site := &factsSite{}
	site.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		site.mu.Lock()
		site.otherHits++
		site.mu.Unlock()
	}))
	t.Cleanup(site.other.Close)
	files := http.FileServer(http.Dir("testdata/facts"))
	site.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			files.ServeHTTP(w, r)
			return
		}
		if strings.Contains(r.UserAgent(), "Chrome") {
			site.mu.Lock()
			site.browserHeader = r.Header.Get("X-Test")
			if c, err := r.Cookie("login"); err == nil {
				site.browserCookie = c.Value
			}
			site.mu.Unlock()
		}
		b, err := os.ReadFile("testdata/facts/index.html")
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "abc", Path: "/"})
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(bytes.ReplaceAll(b, []byte("OTHER_ORIGIN"), []byte(site.other.URL)))
	}))
	t.Cleanup(site.Server.Close)
	return site
}

// siteServer serves testdata/site50.
func siteServer(t testing.TB) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir("../testdata/site50")))
	t.Cleanup(srv.Close)
	return srv
}

// crawlT runs Crawl with a test deadline and fails on error.
func crawlT(t *testing.T, o Options) *Scan {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if o.Timeout == 0 {
		o.Timeout = 15 * time.Second
	}
	scan, err := Crawl(ctx, o)
	if err != nil {
		t.Fatalf("Crawl: %v", err)
	}
	return scan
}

// pageByPath finds the snapshot whose URL ends with path.
func pageByPath(t *testing.T, scan *Scan, path string) snapshot.Snapshot {
	t.Helper()
	for _, p := range scan.Pages {
		if strings.HasSuffix(p.URL, path) {
			return p
		}
	}
	t.Fatalf("no page %s among %d pages", path, len(scan.Pages))
	return snapshot.Snapshot{}
}
