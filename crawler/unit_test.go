package crawler

import (
	"bytes"
	"context"
	"errors"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"

	"github.com/didi-index/didi/snapshot"
)

func TestFindBrowser(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "my-chrome")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Run("flag first", func(t *testing.T) {
		t.Setenv("DIDI_BROWSER", "/nonexistent")
		if got, err := FindBrowser(fake); err != nil || got != fake {
			t.Errorf("FindBrowser(flag) = %q, %v; want %q", got, err, fake)
		}
	})
	t.Run("environment", func(t *testing.T) {
		t.Setenv("DIDI_BROWSER", fake)
		if got, err := FindBrowser(""); err != nil || got != fake {
			t.Errorf("FindBrowser with DIDI_BROWSER = %q, %v; want %q", got, err, fake)
		}
	})
	t.Run("bad flag", func(t *testing.T) {
		_, err := FindBrowser(filepath.Join(dir, "missing"))
		if !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), "--no-browser") {
			t.Errorf("error %v, want ErrNoBrowser with the --no-browser hint", err)
		}
	})
	t.Run("none on PATH", func(t *testing.T) {
		t.Setenv("DIDI_BROWSER", "")
		t.Setenv("PATH", dir)
		_, err := FindBrowser("")
		if !errors.Is(err, ErrNoBrowser) || !strings.Contains(err.Error(), "apt-get install chromium") {
			t.Errorf("error %v, want ErrNoBrowser with install advice", err)
		}
	})
	t.Run("name on PATH", func(t *testing.T) {
		t.Setenv("DIDI_BROWSER", "")
		named := filepath.Join(dir, "chromium")
		if err := os.WriteFile(named, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("PATH", dir)
		if got, err := FindBrowser(""); err != nil || got != named {
			t.Errorf("FindBrowser() = %q, %v; want %q", got, err, named)
		}
	})
}

func TestBadOptions(t *testing.T) {
	for _, start := range [][]string{nil, {"ftp://example.be/"}, {"example.be"}} {
		if _, err := Crawl(t.Context(), Options{Start: start, NoBrowser: true}); !errors.Is(err, ErrBadOptions) {
			t.Errorf("Start %v: error %v, want ErrBadOptions", start, err)
		}
	}
}

func TestBypassList(t *testing.T) {
	got := bypassList([]string{"http://127.0.0.1:8801", "https://example.be"})
	want := "<-loopback>;http://127.0.0.1:8801;https://example.be:443"
	if got != want {
		t.Errorf("bypassList = %q, want %q", got, want)
	}
}

func TestRecorder(t *testing.T) {
	r := newRecorder()
	events := []any{
		&network.EventRequestWillBeSent{RequestID: "1", Type: network.ResourceTypeDocument, Request: &network.Request{URL: "https://www.example.be/"}},
		&network.EventResponseReceived{RequestID: "1", Response: &network.Response{Status: 200}},
		&network.EventLoadingFinished{RequestID: "1", EncodedDataLength: 1234},
		&network.EventRequestWillBeSent{RequestID: "2", Type: network.ResourceTypeImage, Request: &network.Request{URL: "http://cdn.example.be/a.png"}},
		&network.EventRequestWillBeSent{RequestID: "3", Type: network.ResourceTypeScript, Request: &network.Request{URL: "https://tracker.example/t.js"}},
		&network.EventLoadingFailed{RequestID: "3", ErrorText: "net::ERR_PROXY_CONNECTION_FAILED"},
		&network.EventRequestWillBeSent{RequestID: "4", Request: &network.Request{URL: "data:image/png;base64,AAAA"}},
		&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeError, Args: []*runtime.RemoteObject{{Type: runtime.RemoteObjectTypeString, Value: []byte(`"boom"`)}}},
		&runtime.EventConsoleAPICalled{Type: runtime.ConsoleAPICalledTypeLog, Args: []*runtime.RemoteObject{{Type: runtime.RemoteObjectTypeString, Value: []byte(`"fine"`)}}},
		&runtime.EventExceptionThrown{ExceptionDetails: &runtime.ExceptionDetails{Text: "Uncaught", Exception: &runtime.RemoteObject{Description: "TypeError: x is undefined"}}},
	}
	for _, ev := range events {
		r.handle(ev)
	}
	reqs, console := r.take("https://www.example.be/")
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3 (data: URLs left out): %+v", len(reqs), reqs)
	}
	if reqs[0].Status != 200 || reqs[0].Bytes != 1234 || reqs[0].ThirdParty || reqs[0].Mixed {
		t.Errorf("document request %+v", reqs[0])
	}
	if !reqs[1].Mixed || reqs[1].ThirdParty {
		t.Errorf("http image on https page: %+v, want mixed, same site", reqs[1])
	}
	if !reqs[2].ThirdParty || reqs[2].Failed == "" {
		t.Errorf("blocked tracker: %+v, want third party and failed", reqs[2])
	}
	if strings.Join(console, "|") != "boom|TypeError: x is undefined" {
		t.Errorf("console errors %q", console)
	}
}

// TestRecorderLeft: only a navigation the page asks for after its own
// commit counts as leaving; a jump to a fragment of the page does not;
// other frames do not.
func TestRecorderLeft(t *testing.T) {
	const page0 = "https://www.example.be/a"
	ask := func(frame cdp.FrameID, u string) any {
		return &page.EventFrameRequestedNavigation{FrameID: frame, URL: u, Reason: page.ClientNavigationReasonMetaTagRefresh,
			Disposition: page.ClientNavigationDispositionCurrentTab}
	}
	commit := func(loader cdp.LoaderID) any {
		return &page.EventFrameNavigated{Frame: &cdp.Frame{ID: "main", LoaderID: loader, URL: page0}}
	}
	tests := []struct {
		name   string
		events []any
		want   string // the URL left for, "" when the page stays
	}{
		{"nothing asked", []any{commit("L1")}, ""},
		{"asked before the commit (the page before)", []any{ask("main", "https://www.example.be/old"), commit("L1")}, ""},
		{"not yet committed", []any{ask("main", "https://www.example.be/b")}, ""},
		{"meta refresh after the commit", []any{commit("L1"), ask("main", "https://www.example.be/b")}, "https://www.example.be/b"},
		{"fragment of the same page", []any{commit("L1"), ask("main", page0+"#top")}, ""},
		{"fragment, then another page", []any{commit("L1"), ask("main", page0+"#top"), ask("main", "https://www.example.be/b#x")}, "https://www.example.be/b#x"},
		{"another frame", []any{commit("L1"), ask("child", "https://www.example.be/c")}, ""},
		{"after another loader's commit", []any{commit("L1"), commit("L2"), ask("main", "https://www.example.be/b")}, ""},
	}
	for _, tt := range tests {
		r := newRecorder()
		for _, ev := range tt.events {
			r.handle(ev)
		}
		nav, ok := r.left("main", "L1", page0)
		if got := nav.URL; ok != (tt.want != "") || got != tt.want {
			t.Errorf("%s: left %q (%t), want %q", tt.name, got, ok, tt.want)
		}
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		body []byte
		want bool
	}{
		{[]byte("<html><body>héllo wörld</body></html>"), false},
		{[]byte("abc\x00def"), true},
		{bytes.Repeat([]byte{0xff, 0xfe, 0x01}, 100), true},
		{[]byte(""), false},
	}
	for _, tt := range tests {
		if got := isBinary(tt.body); got != tt.want {
			t.Errorf("isBinary(%q) = %v, want %v", tt.body[:min(len(tt.body), 10)], got, tt.want)
		}
	}
}

func TestRendersAsDocument(t *testing.T) {
	tests := []struct {
		name, body string
		want       bool
	}{
		{"svg", `<svg xmlns="http://www.w3.org/2000/svg"><text>A</text></svg>`, true},
		{"svg after declaration, comment and doctype", "\ufeff<?xml version=\"1.0\"?>\n<!-- drawn by hand -->\n" +
			`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` +
			`<svg width='10' xmlns='http://www.w3.org/2000/svg'/>`, true},
		{"xhtml", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><body/></html>`, true},
		{"feed", `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`, false},
		{"mathml without its namespace", `<math lang="en">x</math>`, false},
		{"svg without its namespace", `<svg><text>A</text></svg>`, false},
		{"unterminated comment", `<!-- <svg xmlns="http://www.w3.org/2000/svg"/>`, false},
		{"text", "just text", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rendersAsDocument([]byte(tt.body)); got != tt.want {
				t.Errorf("rendersAsDocument(%q) = %v, want %v", tt.body, got, tt.want)
			}
		})
	}
	for mt, want := range map[string]bool{"image/svg+xml": true, "application/xml": true, "text/xml": true,
		"application/rss+xml": false, "text/html": false, "application/json": false} {
		if got := isXMLType(mt); got != want {
			t.Errorf("isXMLType(%q) = %v, want %v", mt, got, want)
		}
	}
}

// TestFetchErrorCodes: the usual reasons a site is down get a code of their
// own, which reports say in their language.
func TestFetchErrorCodes(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close() // nothing listens there now: the connection is refused
	_, refused := http.Get(closed)
	notFound := &url.Error{Op: "Get", URL: "http://nowhere.invalid/", Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}}}
	for _, c := range []struct {
		name   string
		err    error
		code   string
		params map[string]string
	}{
		{"refused", refused, ErrRefused, nil},
		{"no host", notFound, ErrNoHost, map[string]string{"host": "nowhere.invalid"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var snap snapshot.Snapshot
			setError(&snap, describeFetchError(context.Background(), c.err))
			if snap.ErrorCode != c.code || !maps.Equal(snap.ErrorParams, c.params) {
				t.Errorf("code %q %v (%q), want %q %v", snap.ErrorCode, snap.ErrorParams, snap.Error, c.code, c.params)
			}
		})
	}
}
