package crawler

import (
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
)

// browserOrSkip returns the browser path. Without one it skips the test,
// unless CI is set: then browser tests must run and the test fails.
func browserOrSkip(t testing.TB) string {
	t.Helper()
	p, err := FindBrowser("")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no Chromium found and CI is unset, so the browser test is skipped: %v", err)
		}
		t.Fatalf("CI is set but no browser was found: %v", err)
	}
	return p
}

// factsServer serves testdata/facts with a Set-Cookie header on the page.
func factsServer(t testing.TB) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir("testdata/facts"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.SetCookie(w, &http.Cookie{Name: "session", Value: "abc", Path: "/"})
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

var sharedMu sync.Mutex
