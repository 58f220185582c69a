package crawler

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// faultServer serves a start page linking to one page per fault, plus two
// good pages and the entry of an endless calendar.
func faultServer(t *testing.T) *httptest.Server {
	t.Helper()
	page := func(body string) string {
		return "<!DOCTYPE html><html lang=en><head><title>t</title></head><body>" + body + "</body></html>"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		links := []string{"/ok1", "/ok2", "/slow", "/500", "/loop", "/huge", "/download", "/gone", "/reset", "/garbage", "/hang", "/alert",
			"/drawing", "/feed", "/deep", "/cal/2026/1"}
		var b strings.Builder
		for _, l := range links {
			fmt.Fprintf(&b, `<a href="%s">%s</a> `, l, l)
		}
		fmt.Fprint(w, page(b.String()))
	})
	mux.HandleFunc("/ok1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("<p>one</p>")) })
	mux.HandleFunc("/ok2", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page("<p>two</p>")) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/gone", http.NotFound) // a plain-text 404
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, page("<p>oops</p>"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler text</p>\n", 1000))
		for written := 0; written < 20<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/deep", func(w http.ResponseWriter, r *http.Request) {
		// 600 nested elements: the checks' parser refuses the page.
		fmt.Fprint(w, page(strings.Repeat("<div>", 600)+`<a href="/ok1">hidden</a><img src="x.png">`+strings.Repeat("</div>", 600)))
	})
	mux.HandleFunc("/drawing", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/svg+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><title>Map</title><text y="20">Station</text></svg>`)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>`)
	})
	mux.HandleFunc("/download", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("PK\x03\x04 not a page"))
	})
	mux.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	})
	mux.HandleFunc("/garbage", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		b := make([]byte, 4096)
		for i := range b {
			b[i] = byte(i * 7919 % 256)
		}
		w.Write(b)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("<p>before</p><script>for(;;){}</script><p>after</p>"))
	})
	mux.HandleFunc("/alert", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page(`<p>dialog</p><script>alert("hello"); confirm("sure?")</script>`))
	})
	mux.HandleFunc("/cal/{y}/{m}", func(w http.ResponseWriter, r *http.Request) {
		y, _ := strconv.Atoi(r.PathValue("y"))
		m, _ := strconv.Atoi(r.PathValue("m"))
		next := fmt.Sprintf("/cal/%d/%d?sid=%d", y+m/12, m%12+1, time.Now().UnixNano())
		fmt.Fprint(w, page(fmt.Sprintf(`<p>%d-%d</p><a href="%s">next month</a>`, y, m, next)))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// wantFaults lists the error expected on each fault page ("" = no error).
var wantFaults = map[string]string{
	"/ok1":        "",
	"/ok2":        "",
	"/slow":       "timed out",
	"/500":        "HTTP 500",
	"/loop":       "redirect loop",
	"/huge":       "larger than 10 MB",
	"/download":   "not an HTML page",
	"/drawing":    "",
	"/feed":       "not an HTML page",
	"/gone":       "HTTP 404",
	"/reset":      "EOF",
	"/garbage":    "binary content",
	"/deep":       "nested more than 512 deep",
	"/cal/2026/1": "",
	"/alert":      "",
}

// wantCodes lists the stable error code expected on each fault page.
var wantCodes = map[string]string{
	"/slow":     ErrTimeout,
	"/500":      ErrHTTPStatus,
	"/loop":     ErrRedirectLoop,
	"/huge":     ErrTooLarge,
	"/download": ErrNotHTML,
	"/feed":     ErrNotHTML,
	"/gone":     ErrHTTPStatus,
	"/reset":    ErrConnectionClosed,
	"/garbage":  ErrBinary,
	"/deep":     ErrTooDeep,
}

func TestFaultsAreRecordedAndTheScanGoesOn(t *testing.T) {
	for _, mode := range []string{"no-browser", "browser"} {
		t.Run(mode, func(t *testing.T) {
			o := Options{MaxPages: 30, MaxDepth: 40, Timeout: 2 * time.Second, Concurrency: 4}
			if mode == "browser" {
				o.Browser = browserOrSkip(t)
				isolateTemp(t)
			} else {
				o.NoBrowser = true
			}
			srv := faultServer(t)
			tls := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, "<html><body>secret</body></html>")
			}))
			tls.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
			tls.StartTLS()
			defer tls.Close()
			o.Start = []string{srv.URL + "/", tls.URL + "/"}
			scan := crawlT(t, o)
			if len(scan.Pages) != 30 {
				t.Errorf("scanned %d pages, want 30 (the calendar trap fills the limit)", len(scan.Pages))
			}
			for path, want := range wantFaults {
				p := pageByPath(t, scan, path)
				if want == "" && p.Error != "" {
					t.Errorf("%s: unexpected error %q", path, p.Error)
				}
				if want != "" && !strings.Contains(p.Error, want) {
					t.Errorf("%s: error %q, want it to mention %q", path, p.Error, want)
				}
			}
			if p := pageByPath(t, scan, tls.URL+"/"); !strings.Contains(p.Error, "certificate") || p.ErrorCode != ErrTLS {
				t.Errorf("TLS start page: error %q (%s), want a certificate error", p.Error, p.ErrorCode)
			}
			for path, want := range wantCodes {
				if p := pageByPath(t, scan, path); p.ErrorCode != want {
					t.Errorf("%s: error code %q (%q), want %q", path, p.ErrorCode, p.Error, want)
				}
			}
			if p := pageByPath(t, scan, "/gone"); p.ErrorParams["status"] != "404" {
				t.Errorf("/gone: error params %v, want status 404", p.ErrorParams)
			}
			if p := pageByPath(t, scan, "/deep"); p.ErrorParams["max"] != "512" {
				t.Errorf("/deep: error params %v, want max 512", p.ErrorParams)
			}
			for _, path := range []string{"/ok1", "/ok2"} {
				if p := pageByPath(t, scan, path); p.ErrorCode != "" || p.ErrorParams != nil {
					t.Errorf("%s: error code %q %v on a page without error", path, p.ErrorCode, p.ErrorParams)
				}
			}
			if mode == "browser" {
				if p := pageByPath(t, scan, "/hang"); !strings.Contains(p.Error, "timed out") {
					t.Errorf("/hang: error %q, want a browser time-out", p.Error)
				}
				for _, path := range []string{"/ok2", "/alert", "/drawing"} {
					if p := pageByPath(t, scan, path); p.Browser == nil {
						t.Errorf("%s has no browser facts", path)
					}
				}
			}
			seen := map[string]bool{}
			for _, p := range scan.Pages {
				if seen[p.URL] {
					t.Errorf("%s scanned twice", p.URL)
				}
				seen[p.URL] = true
			}
		})
	}
}

func TestInsecureAcceptsBadCertificates(t *testing.T) {
	tls := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html lang=nl><body><p>staging</p></body></html>")
	}))
	defer tls.Close()
	scan := crawlT(t, Options{Start: []string{tls.URL}, NoBrowser: true, Insecure: true, NoCrawl: true})
	if !scan.Insecure || !scan.Pages[0].Insecure {
		t.Error("scan does not record that certificate errors were ignored")
	}
	if p := scan.Pages[0]; p.Error != "" || p.Lang != "nl" {
		t.Errorf("page: error %q, lang %q; want no error, lang nl", p.Error, p.Lang)
	}
}
