package crawler

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didi-index/didi/snapshot"
)

// hits counts the requests a server got, by path and user agent.
type hits struct {
	mu   sync.Mutex
	list []string
}

func (h *hits) add(r *http.Request, note string) {
	h.mu.Lock()
	h.list = append(h.list, r.URL.Path+" "+note)
	h.mu.Unlock()
}

func (h *hits) all() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]string(nil), h.list...)
}

// TestRequestsStayInScope: sitemaps on another host (named by robots.txt or
// a sitemap index), a crawled page's redirect off the site and a start URL's
// redirect to another host are not requested; the redirects are reported.
func TestRequestsStayInScope(t *testing.T) {
	other := &hits{}
	away := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		other.add(r, "")
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://%s/trap</loc></url></urlset>`, r.Host)
	}))
	defer away.Close()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap.xml\nSitemap: %s/index.xml\n", away.URL, "http://"+r.Host)
	})
	mux.HandleFunc("/index.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/second.xml</loc></sitemap></sitemapindex>`, away.URL)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>home</title><body><a href="/leave">leave</a></body></html>`)
	})
	mux.HandleFunc("/leave", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, away.URL+"/landed", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, away.URL+"/elsewhere", http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/", srv.URL + "/moved"}, NoBrowser: true, MaxPages: 10})
	if got := other.all(); len(got) > 0 {
		t.Errorf("the other host got requests: %v", got)
	}
	for _, path := range []string{"/leave", "/moved"} {
		if p := pageByPath(t, scan, path); !strings.Contains(p.Error, "outside the scanned site") {
			t.Errorf("%s: error %q, want a redirect outside the site", path, p.Error)
		}
	}
}

// TestSlowTabSendsCookiesAndRespectsTheSizeGate: the slow-connection load
// of the start page carries the user's cookie, and a start page the fetcher
// rejects (over MaxHTMLBytes) is never loaded in the browser.
func TestSlowTabSendsCookiesAndRespectsTheSizeGate(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	seen := &hits{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			http.NotFound(w, r)
			return
		}
		c, err := r.Cookie("login")
		agent := "didi"
		if strings.Contains(r.UserAgent(), "Chrome") {
			agent = "chromium"
		}
		seen.add(r, fmt.Sprintf("%s cookie=%t", agent, err == nil && c.Value == "token"))
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/huge" {
			chunk := []byte(strings.Repeat("<p>filler text</p>\n", 1000))
			for n := 0; n < MaxHTMLBytes+len(chunk); n += len(chunk) {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
			return
		}
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>home</title><body><p>hello</p></body></html>`)
	}))
	defer srv.Close()
	slow := &snapshot.SlowProfile{Latency: 10 * time.Millisecond, Down: 1 << 20, Up: 1 << 20}
	for _, start := range []string{"/", "/huge"} {
		seen.mu.Lock()
		seen.list = nil
		seen.mu.Unlock()
		crawlT(t, Options{Start: []string{srv.URL + start}, Browser: browser, NoCrawl: true, Timeout: 10 * time.Second,
			SlowProfile: slow, Cookies: []*http.Cookie{{Name: "login", Value: "token"}}})
		got := seen.all()
		browserLoads := 0
		for _, h := range got {
			if strings.Contains(h, "cookie=false") {
				t.Errorf("%s: a request without the cookie: %v", start, got)
			}
			if strings.Contains(h, "chromium") {
				browserLoads++
			}
		}
		switch {
		case start == "/" && browserLoads < 2:
			t.Errorf("/: %d loads in the browser, want the page and the slow load: %v", browserLoads, got)
		case start == "/huge" && browserLoads > 0:
			t.Errorf("/huge is over the size limit but the browser loaded it: %v", got)
		}
	}
}

// TestWebRTCCannotLeak: a page that asks a STUN server on another loopback
// address for its addresses sends it nothing.
func TestWebRTCCannotLeak(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	udp, err := net.ListenPacket("udp4", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	defer udp.Close()
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 1500)
		if _, from, err := udp.ReadFrom(buf); err == nil {
			got <- from.String()
		}
	}()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>rtc</title><body><p>hi</p><script>
const pc = new RTCPeerConnection({iceServers: [{urls: "stun:%s"}]});
pc.createDataChannel("x");
pc.createOffer().then(o => pc.setLocalDescription(o));
</script></body></html>`, udp.LocalAddr())
	}))
	defer srv.Close()
	crawlT(t, Options{Start: []string{srv.URL + "/"}, Browser: browser, NoCrawl: true})
	select {
	case from := <-got:
		t.Errorf("a STUN packet reached %s from %s", udp.LocalAddr(), from)
	case <-time.After(2 * time.Second):
	}
}

// TestPageMemoryIsCapped: a page that allocates without end crashes its
// own tab, which is recorded as the page's error; the scan goes on.
func TestPageMemoryIsCapped(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body := `<p>fine</p>`
		if r.URL.Path == "/" {
			body = `<a href="/ok">ok</a><script>const a = []; for (;;) a.push(new Array(1 << 20).fill(0.5));</script>`
		}
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>mem</title><body>%s</body></html>`, body)
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/", srv.URL + "/ok"}, Browser: browser, NoCrawl: true, Timeout: 40 * time.Second})
	if p := pageByPath(t, scan, "/"); !strings.Contains(p.Error, "crashed") {
		t.Errorf("the greedy page: error %q, want a crash", p.Error)
	}
	if p := pageByPath(t, scan, "/ok"); p.Error != "" || p.Browser == nil {
		t.Errorf("/ok: error %q, browser facts %v", p.Error, p.Browser != nil)
	}
}

// TestPageCannotFakeItsFacts: a page that replaces getComputedStyle (and
// JSON.stringify) to look black on white still shows its real 1.21:1
// contrast: didi's page script runs in an isolated world.
func TestPageCannotFakeItsFacts(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html lang="en"><title>fake</title><body style="background:#fff">
<p id="faint" style="color:#eeeeee">This text is hard to read.</p>
<script>
const real = window.getComputedStyle;
window.getComputedStyle = function (el, pseudo) {
  const s = real.call(window, el, pseudo);
  return new Proxy(s, {get(o, k) {
    if (k === "color") return "rgb(0, 0, 0)";
    if (k === "getPropertyValue") return n => n === "color" ? "rgb(0, 0, 0)" : o.getPropertyValue(n);
    const v = o[k]; return typeof v === "function" ? v.bind(o) : v; }});
};
JSON.stringify = () => "{}";
</script></body></html>`)
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/"}, Browser: browser, NoCrawl: true})
	p := scan.Pages[0]
	if p.Error != "" || p.Browser == nil {
		t.Fatalf("page error %q", p.Error)
	}
	for _, ts := range p.Browser.Texts {
		if strings.Contains(ts.Selector, "faint") {
			if ts.Ratio > 1.3 {
				t.Errorf("contrast of the faint text is %.2f:1, want its real 1.16:1", ts.Ratio)
			}
			return
		}
	}
	t.Errorf("the faint text was not measured: %+v", p.Browser.Texts)
}

// TestDeepPagesAreReadWhole: Chromium sends no DOM tree nested deeper than
// its protocol's stack limit, so the tree comes in pieces; a page of 300
// nested elements has its facts down to the deepest link. A page nested
// deeper than the checks' parser takes is a too_deep page error (also
// without a browser: TestFaultsAreRecordedAndTheScanGoesOn).
func TestDeepPagesAreReadWhole(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := 300
		if r.URL.Path == "/600" {
			n = 600
		}
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>deep</title><body>%s<a id="deepest" href="/">home</a>%s</body></html>`,
			strings.Repeat("<div>", n), strings.Repeat("</div>", n))
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/300", srv.URL + "/600"}, Browser: browser, NoCrawl: true})
	p := pageByPath(t, scan, "/300")
	if p.Error != "" || p.Browser == nil {
		t.Fatalf("/300: page error %q", p.Error)
	}
	found := false
	for _, n := range p.Browser.AXTree {
		found = found || n.Selector == "#deepest" && n.Role == "link"
	}
	if !found {
		t.Errorf("/300: the deepest link is not in the accessibility tree's facts")
	}
	if p := pageByPath(t, scan, "/600"); p.ErrorCode != ErrTooDeep || p.ErrorParams["max"] != "512" {
		t.Errorf("/600: error %q (%s %v), want too_deep with max 512", p.Error, p.ErrorCode, p.ErrorParams)
	}
}
