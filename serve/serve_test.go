package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/i18n"
)

// testServer runs a Server on loopback.
type testServer struct {
	*Server
	URL string
	ts  *httptest.Server
}

func newTestServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.DB == "" {
		cfg.DB = ":memory:"
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		ts.Close()
		s.Close()
	})
	return &testServer{Server: s, URL: ts.URL, ts: ts}
}

// client is a browser-like HTTP client with cookies that does not follow
// redirects.
type client struct {
	t    testing.TB
	http *http.Client
	base string
}

func newClient(t testing.TB, base string) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (c *client) get(path string) (int, string, http.Header) {
	c.t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// csrf is the client's CSRF token (a GET sets the cookie first).
func (c *client) csrf() string {
	c.t.Helper()
	u, _ := url.Parse(c.base)
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == cookieCSRF {
			return ck.Value
		}
	}
	c.get("/")
	for _, ck := range c.http.Jar.Cookies(u) {
		if ck.Name == cookieCSRF {
			return ck.Value
		}
	}
	c.t.Fatal("no CSRF cookie")
	return ""
}

// post sends a form with the CSRF token and returns status, body and the
// redirect target.
func (c *client) post(path string, form url.Values) (int, string, string) {
	c.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, ok := form["csrf"]; !ok {
		form.Set("csrf", c.csrf())
	}
	resp, err := c.http.PostForm(c.base+path, form)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header.Get("Location")
}

// newEvaluation creates an evaluation and returns its path (/e/ID).
func (c *client) newEvaluation() string {
	c.t.Helper()
	code, body, loc := c.post("/evaluations", nil)
	if code != http.StatusSeeOther || !strings.HasPrefix(loc, "/e/") {
		c.t.Fatalf("new evaluation: %d %s %s", code, loc, body)
	}
	return loc
}

// waitScan waits until the scan at path (/e/ID/s/SID, or its id) is no
// longer waiting or running.
func waitScan(t testing.TB, s *testServer, path string) {
	t.Helper()
	id := path[strings.LastIndex(path, "/")+1:]
	deadline := time.Now().Add(10 * time.Minute)
	for time.Now().Before(deadline) {
		if _, busy := s.scans.state(id); !busy {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("scan %s did not end", path)
}

// siteServer serves testdata/sites/NAME on loopback.
func siteServer(t testing.TB, name string) *httptest.Server {
	ts := httptest.NewServer(http.FileServer(http.Dir(filepath.Join("..", "testdata", "sites", name))))
	t.Cleanup(ts.Close)
	return ts
}

// hangingServer answers nothing until the test ends.
func hangingServer(t testing.TB) *httptest.Server {
	done := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-done:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(done); ts.Close() })
	return ts
}

func TestTextsComplete(t *testing.T) {
	for key, tx := range texts {
		for _, l := range i18n.Languages {
			if strings.TrimSpace(tx[l]) == "" {
				t.Errorf("text %q has no %s", key, l)
			}
		}
		if a, b, c := strings.Count(tx["nl"], "%"), strings.Count(tx["fr"], "%"), strings.Count(tx["en"], "%"); a != b || b != c {
			t.Errorf("text %q: the languages have different placeholders", key)
		}
	}
	// Every key the templates and the code use exists.
	used := regexp.MustCompile(`\bt \$?\.L "([a-z.]*[a-z])"|\bt\((?:l|s\.lang\(r\)), "([a-z.]*[a-z])"|texts\["([a-z.]*[a-z])"\]`)
	var files []string
	_ = fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	goFiles, _ := filepath.Glob("*.go")
	check := func(name string, b []byte) {
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			key := m[1] + m[2] + m[3]
			if _, ok := texts[key]; !ok {
				t.Errorf("%s uses text %q, which is not in the catalogue", name, key)
			}
		}
	}
	for _, f := range files {
		b, _ := templateFS.ReadFile(f)
		check(f, b)
	}
	for _, f := range goFiles {
		b, _ := os.ReadFile(f)
		check(f, b)
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, Config{})
	c := newClient(t, s.URL)
	for _, path := range []string{"/", "/static/app.js", "/no-such-page", "/privacy"} {
		_, _, h := c.get(path)
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	_, _, h := c.get("/")
	for _, ck := range h.Values("Set-Cookie") {
		if !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "SameSite") {
			t.Errorf("cookie without HttpOnly or SameSite: %s", ck)
		}
	}
	// No inline script in any page template.
	_ = fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		b, _ := templateFS.ReadFile(p)
		if regexp.MustCompile(`<script>|<script [^>]*>[^<]|\son[a-z]+=|style=`).Match(b) {
			t.Errorf("%s has inline script or style", p)
		}
		return nil
	})
}

func TestTokenRequired(t *testing.T) {
	s := newTestServer(t, Config{Token: "s3cret-token-value"})
	c := newClient(t, s.URL)
	if code, body, _ := c.get("/"); code != http.StatusUnauthorized || !strings.Contains(body, "toegangscode") {
		t.Errorf("no token: %d %q, want 401", code, body)
	}
	if code, _, _ := c.get("/?token=wrong"); code != http.StatusUnauthorized {
		t.Errorf("wrong token: %d, want 401", code)
	}
	if code, _, _ := c.get("/static/style.css"); code != http.StatusUnauthorized {
		t.Errorf("static file without token: %d, want 401", code)
	}
	if code, _, h := c.get("/?token=s3cret-token-value"); code != http.StatusSeeOther || h.Get("Location") != "/" {
		t.Errorf("token in the address: %d %s, want a redirect to / with a cookie", code, h.Get("Location"))
	}
	if code, _, _ := c.get("/"); code != http.StatusOK {
		t.Errorf("with the token cookie: %d, want 200", code)
	}
	req, _ := http.NewRequest("GET", s.URL+"/", nil)
	req.Header.Set("Authorization", "Bearer s3cret-token-value")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("bearer token: %v %v", resp.StatusCode, err)
	}
}

// TestRunNeedsToken: on an address other than loopback, Run makes a token
// and prints the URL with it.
func TestRunNeedsToken(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out lockedBuffer
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Config{Addr: "0.0.0.0:0", DB: ":memory:", Log: &out}) }()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(out.String(), "http://") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`\?token=[a-z0-9]{40,}`).MatchString(out.String()) {
		t.Errorf("no token in the printed URL: %q", out.String())
	}
}

func TestCSRF(t *testing.T) {
	s := newTestServer(t, Config{})
	c := newClient(t, s.URL)
	for name, form := range map[string]url.Values{"missing": {}, "wrong": {"csrf": {"x" + c.csrf()}}} {
		form := form
		if name == "missing" {
			form = url.Values{"csrf": nil}
		}
		if code, _, _ := c.post("/evaluations", form); code != http.StatusForbidden {
			t.Errorf("%s CSRF token: %d, want 403", name, code)
		}
	}
	// Another site posting with the user's cookies but without the token.
	other := newClient(t, s.URL)
	if code, _, _ := other.post("/class", url.Values{"csrf": {"0123456789abcdefghijklmnopqrstuv"}}); code != http.StatusForbidden {
		t.Errorf("token without its cookie: %d, want 403", code)
	}
	if code, _, _ := c.post("/evaluations", nil); code != http.StatusSeeOther {
		t.Errorf("with the token: %d, want 303", code)
	}
}

func TestPrivateTargetRefused(t *testing.T) {
	s := newTestServer(t, Config{NoBrowser: true})
	site := siteServer(t, "good")
	c := newClient(t, s.URL)
	ev := c.newEvaluation()
	for _, u := range []string{site.URL + "/", "http://localhost:9/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
		"http://10.0.0.1/", "http://100.64.1.1/", "http://[fe80::1]/", "http://[::ffff:192.168.1.1]/", "http://0.0.0.0/"} {
		code, body, _ := c.post(ev+"/scan", url.Values{"url": {u}})
		if code != http.StatusBadRequest || !strings.Contains(body, "privénetwerk") {
			t.Errorf("%s: %d, want 400 with the reason", u, code)
		}
	}
	for _, u := range []string{"ftp://example.be/", "javascript:alert(1)", "http://user:pw@example.be/"} {
		if code, _, _ := c.post(ev+"/scan", url.Values{"url": {u}}); code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", u, code)
		}
	}
	if rows, _ := s.store.scans(context.Background(), strings.TrimPrefix(ev, "/e/")); len(rows) != 0 {
		t.Errorf("%d scans were recorded for refused addresses", len(rows))
	}
}

// standIn refuses 127.0.0.2 as if it were a private network: tests may
// only use loopback.
func standIn(ip net.IP) error {
	if ip.Equal(net.ParseIP("127.0.0.2")) {
		return fmt.Errorf("%w: %s (test stand-in for a private network)", crawler.ErrRefusedAddress, ip)
	}
	return nil
}

// TestRedirectToPrivateRefused: a public-looking site that redirects to a
// refused address gets that page refused, and the refused server sees
// nothing.
func TestRedirectToPrivateRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("cannot listen on 127.0.0.2: %v", err)
	}
	hits := 0
	priv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++ })}}
	priv.Start()
	defer priv.Close()
	pub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, priv.URL+"/admin", http.StatusFound)
			return
		}
	}))
	defer pub.Close()
	s := newTestServer(t, Config{NoBrowser: true, AllowIP: standIn})
	c := newClient(t, s.URL)
	ev := c.newEvaluation()
	if code, body, _ := c.post(ev+"/scan", url.Values{"url": {priv.URL + "/"}}); code != http.StatusBadRequest {
		t.Errorf("the refused address itself: %d %s", code, body)
	}
	code, _, loc := c.post(ev+"/scan", url.Values{"url": {pub.URL + "/"}})
	if code != http.StatusSeeOther {
		t.Fatalf("scan: %d", code)
	}
	waitScan(t, s, loc)
	row, _ := s.store.scan(context.Background(), loc[strings.LastIndex(loc, "/")+1:])
	// The crawler's scope rule (no redirect to another host) or the guard
	// (no private address) stops it; either way nothing reaches it.
	if row.Status != statusFailed || !(strings.Contains(row.Error, "refused") || strings.Contains(row.Error, "outside the scanned site")) {
		t.Errorf("scan that redirects to a refused address: %s %q", row.Status, row.Error)
	}
	if hits != 0 {
		t.Errorf("the refused server got %d requests", hits)
	}
}

func TestLimits(t *testing.T) {
	hang := hangingServer(t)
	t.Run("queue", func(t *testing.T) {
		s := newTestServer(t, Config{NoBrowser: true, AllowPrivate: true, MaxScans: 1, MaxQueue: 1, ScansPerMinute: 100})
		c := newClient(t, s.URL)
		var evs []string
		for range 3 {
			evs = append(evs, c.newEvaluation())
		}
		if code, _, _ := c.post(evs[0]+"/scan", url.Values{"url": {hang.URL + "/"}}); code != http.StatusSeeOther {
			t.Fatalf("first scan: %d", code)
		}
		waitRunning(t, s)
		if code, body, _ := c.post(evs[0]+"/scan", url.Values{"url": {hang.URL + "/"}}); code != http.StatusConflict || !strings.Contains(body, "loopt al een test") {
			t.Errorf("second scan of the same evaluation: %d", code)
		}
		code, _, second := c.post(evs[1]+"/scan", url.Values{"url": {hang.URL + "/"}})
		if code != http.StatusSeeOther {
			t.Fatalf("queued scan: %d", code)
		}
		if _, body, _ := c.get(second); !strings.Contains(body, "Plaats in de wachtrij: 1.") {
			t.Errorf("the queued scan's page does not show its place")
		}
		if code, body, _ := c.post(evs[2]+"/scan", url.Values{"url": {hang.URL + "/"}}); code != http.StatusServiceUnavailable || !strings.Contains(body, "wachten al 1 tests") {
			t.Errorf("scan beyond the queue: %d", code)
		}
	})
	t.Run("rate", func(t *testing.T) {
		s := newTestServer(t, Config{NoBrowser: true, AllowPrivate: true, ScansPerMinute: 2})
		c := newClient(t, s.URL)
		for i := range 3 {
			code, body, _ := c.post(c.newEvaluation()+"/scan", url.Values{"url": {hang.URL + "/"}})
			if want := map[bool]int{true: http.StatusTooManyRequests, false: http.StatusSeeOther}[i == 2]; code != want {
				t.Errorf("scan %d: %d, want %d", i+1, code, want)
			}
			if i == 2 && !strings.Contains(body, "hoogstens 2 per minuut") {
				t.Errorf("the message does not give the limit")
			}
		}
	})
	t.Run("pages and time", func(t *testing.T) {
		slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/" {
				time.Sleep(5 * time.Second)
			}
			fmt.Fprint(w, `<!doctype html><html lang="en"><title>t</title><a href="/a">a</a><a href="/b">b</a><a href="/c">c</a>`)
		}))
		defer slow.Close()
		site := siteServer(t, "good")
		s := newTestServer(t, Config{NoBrowser: true, AllowPrivate: true, MaxPages: 2, ScanTimeout: 2 * time.Second})
		c := newClient(t, s.URL)
		_, _, pages := c.post(c.newEvaluation()+"/scan", url.Values{"url": {site.URL + "/"}})
		_, _, timed := c.post(c.newEvaluation()+"/scan", url.Values{"url": {slow.URL + "/"}})
		waitScan(t, s, pages)
		waitScan(t, s, timed)
		_, body, _ := c.get(pages + "/report.json")
		if n := strings.Count(body, `"final_url"`); n != 2 {
			t.Errorf("scan with --max-pages 2 has %d pages", n)
		}
		if _, body, _ := c.get(timed); !strings.Contains(body, "De tijd was op") {
			t.Errorf("the scan over time does not say so")
		}
	})
	t.Run("sessions and students", func(t *testing.T) {
		s := newTestServer(t, Config{MaxSessions: 1, MaxStudents: 1})
		c := newClient(t, s.URL)
		code, _, lecturer := c.post("/class", url.Values{"title": {"Les 1"}})
		if code != http.StatusSeeOther {
			t.Fatalf("first session: %d", code)
		}
		if code, body, _ := c.post("/class", nil); code != http.StatusTooManyRequests || !strings.Contains(body, "1 sessies") {
			t.Errorf("second session: %d", code)
		}
		ss, _ := s.store.sessionBy(context.Background(), "secret", strings.TrimPrefix(lecturer, "/class/"))
		if code, _, _ := c.post("/join", url.Values{"code": {strings.ToLower(ss.Code)}, "name": {"An"}}); code != http.StatusSeeOther {
			t.Errorf("first student: %d", code)
		}
		if code, body, _ := c.post("/join", url.Values{"code": {ss.Code}, "name": {"Bo"}}); code != http.StatusTooManyRequests || !strings.Contains(body, "vol (1 studenten)") {
			t.Errorf("second student: %d", code)
		}
	})
	t.Run("body", func(t *testing.T) {
		s := newTestServer(t, Config{MaxBody: 2048})
		c := newClient(t, s.URL)
		ev := c.newEvaluation()
		var b bytes.Buffer
		mw := multipart.NewWriter(&b)
		_ = mw.WriteField("csrf", c.csrf())
		fw, _ := mw.CreateFormFile("file", "answers.yaml")
		fw.Write(bytes.Repeat([]byte("# a comment line\n"), 400))
		mw.Close()
		resp, err := c.http.Post(s.URL+ev+"/answers", mw.FormDataContentType(), &b)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("body over the limit: %d, want 413", resp.StatusCode)
		}
	})
}

// waitRunning waits until a scan runs.
func waitRunning(t *testing.T, s *testServer) {
	t.Helper()
	for range 200 {
		s.scans.mu.Lock()
		n := s.scans.running
		s.scans.mu.Unlock()
		if n > 0 {
			return
		}
		time.Sleep(25 * time.Millisecond)
	}
	t.Fatal("no scan started")
}

// lockedBuffer is a bytes.Buffer that a server may write while the test
// reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
