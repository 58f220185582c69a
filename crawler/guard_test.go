package crawler

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestPublicOnly(t *testing.T) {
	for ip, ok := range map[string]bool{
		"8.8.8.8": true, "2001:4860:4860::8888": true, "193.191.245.1": true,
		"127.0.0.1": false, "127.9.9.9": false, "::1": false, "10.1.2.3": false, "172.16.0.1": false,
		"172.31.255.255": false, "192.168.1.1": false, "169.254.169.254": false, "100.64.0.1": false,
		"100.100.100.200": false, "0.0.0.0": false, "::": false, "fe80::1": false, "fd00:ec2::254": false,
		"fc00::1": false, "::ffff:10.0.0.1": false, "64:ff9b::a00:1": false, "2002:a00:1::": false,
		"224.0.0.1": false, "255.255.255.255": false, "198.18.0.1": false,
	} {
		err := PublicOnly(net.ParseIP(ip))
		if (err == nil) != ok {
			t.Errorf("PublicOnly(%s) = %v, want allowed=%v", ip, err, ok)
		}
	}
}

// privateStandIn plays the part of a private network in tests, which may
// only use loopback: 127.0.0.2 is refused, 127.0.0.1 allowed.
func privateStandIn(ip net.IP) error {
	if ip.Equal(net.ParseIP("127.0.0.2")) {
		return fmt.Errorf("%w: %s is private (test)", ErrRefusedAddress, ip)
	}
	return nil
}

// privateServer listens on 127.0.0.2 and counts the requests it gets.
func privateServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	var hits atomic.Int32
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><title>private</title><p>secret")
	})}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &hits
}

// TestGuardRefuses: a start URL on a refused address, a redirect to one,
// and everything a page makes the browser load from one are refused; the
// refused server never sees a request. Without the guard the same page
// reaches it, so the test can fail.
func TestGuardRefuses(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	priv, hits := privateServer(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>public</title><a href="%[1]s/page">a link</a>
<img src="%[1]s/pixel.png" alt="x"><iframe src="%[1]s/frame" title="f"></iframe>
<script>fetch(%[1]q + "/api").catch(()=>{})</script>`, priv.URL)
	})
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, priv.URL+"/", http.StatusFound)
	})
	pub := httptest.NewServer(mux)
	t.Cleanup(pub.Close)

	for _, noBrowser := range []bool{false, true} {
		scan := crawlT(t, Options{Start: []string{pub.URL + "/", pub.URL + "/away", priv.URL + "/"}, NoCrawl: true,
			Browser: browser, NoBrowser: noBrowser, AllowIP: privateStandIn})
		if got := pageByPath(t, scan, "/away"); !strings.Contains(got.Error, "refused") {
			t.Errorf("noBrowser=%v: redirect to a refused address: error %q, want refused", noBrowser, got.Error)
		}
		for _, p := range scan.Pages {
			if strings.HasPrefix(p.URL, priv.URL) && !strings.Contains(p.Error, "refused") {
				t.Errorf("noBrowser=%v: start URL on a refused address: error %q", noBrowser, p.Error)
			}
		}
		if p := pageByPath(t, scan, pub.URL+"/"); !p.OK() {
			t.Errorf("noBrowser=%v: the allowed page failed: %s", noBrowser, p.Error)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the refused server got %d requests", n)
	}
	// The control: without the guard the browser reaches it.
	crawlT(t, Options{Start: []string{pub.URL + "/"}, NoCrawl: true, Browser: browser})
	if hits.Load() == 0 {
		t.Errorf("without the guard the page did not reach the other server: the test proves nothing")
	}
}

// TestGuardLinkNotFollowed: a crawl with the guard follows its links on the
// allowed server and never reaches the refused one, even with
// BlockOutside off.
func TestGuardLinkNotFollowed(t *testing.T) {
	browser := browserOrSkip(t)
	isolateTemp(t)
	priv, hits := privateServer(t)
	pub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>p</title><a href="/two">two</a><a href="%s/">private</a>
<link rel="stylesheet" href="%[1]s/s.css">`, priv.URL)
	}))
	t.Cleanup(pub.Close)
	scan := crawlT(t, Options{Start: []string{pub.URL + "/"}, Browser: browser, AllowIP: privateStandIn, MaxPages: 5})
	if len(scan.Pages) != 2 {
		t.Errorf("scanned %d pages, want the 2 on the allowed server", len(scan.Pages))
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the refused server got %d requests", n)
	}
}
