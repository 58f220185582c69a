package crawler

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/didi-index/didi/snapshot"
)

// silentServer accepts connections and never answers.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var conns []net.Conn
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String() + "/"
}

// TestSilentStartPageCostsOneTimeout: a start page that never answers
// costs about one page timeout (issue 18: it cost 2.6 to 4.6 timeouts, as
// resolving the start URLs' redirects, the page itself, the
// slow-connection load, robots.txt and the sitemap each waited for it).
// The silent page is the first start URL, the one the slow-connection
// load measures; a second start page answers, so that the browser has a
// page to load. The browser is started before the clock starts (Shared):
// its start-up time depends on the machine's load, not on the timeout.
func TestSilentStartPageCostsOneTimeout(t *testing.T) {
	const timeout = time.Second
	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>Fine</title><main><p>Fine</p></main></html>`)
	}))
	defer ok.Close()
	tests := []struct {
		name   string
		o      Options
		starts []string
	}{
		{"no-browser", Options{NoBrowser: true}, []string{silentServer(t)}},
		{"browser", Options{BlockOutside: true, SlowProfile: &snapshot.SlowProfile{Latency: 400 * time.Millisecond, Down: 50_000, Up: 20_000}},
			[]string{silentServer(t), ok.URL + "/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.o.NoBrowser {
				isolateTemp(t)
				b, err := StartBrowser(context.Background(), Options{Browser: browserOrSkip(t)})
				if err != nil {
					t.Fatal(err)
				}
				defer b.Close()
				tt.o.Shared = b
			}
			tt.o.Start, tt.o.Timeout = tt.starts, timeout
			began := time.Now()
			scan := crawlT(t, tt.o)
			took := time.Since(began)
			if len(scan.Pages) != len(tt.starts) || scan.Pages[0].ErrorCode != ErrTimeout {
				t.Fatalf("pages %+v, want the first one to time out", scan.Pages)
			}
			for _, p := range scan.Pages[1:] {
				if p.Error != "" || p.Browser == nil {
					t.Errorf("%s: error %q, browser facts %t", p.URL, p.Error, p.Browser != nil)
				}
			}
			t.Logf("the crawl took %v", took.Round(time.Millisecond))
			if took > 2*timeout {
				t.Errorf("the crawl took %v with a page timeout of %v; want under %v", took.Round(time.Millisecond), timeout, 2*timeout)
			}
		})
	}
}
