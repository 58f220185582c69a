// Package serve is `didi serve`: the questionnaire, scans and reports as a
// local web application, for teams and lecture halls. It is a thin caller
// of the engine: scans are engine.Run, review answers are Output.Rescore,
// reports come from the report writers, answers files from criteria and
// diffs from scoring.Compare. Storage is SQLite (modernc.org/sqlite, pure
// Go). Pages are html/template with a little plain JavaScript from
// static/, and work without it.
package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/base32"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/scoring"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/i18n"
	"github.com/didi-index/didi/result"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what `didi serve` takes from its flags.
type Config struct {
	// Addr is the address to listen on (default 127.0.0.1:8080).
	Addr string
	// DB is the SQLite database file; ":memory:" keeps nothing.
	DB string
	// Token, when set, is required on every request (?token= once, then a
	// cookie). Run generates one when Addr is not loopback and it is empty.
	Token string
	// AllowPrivate lets scans reach loopback and private networks.
	AllowPrivate bool
	// AllowIP overrides the address guard (tests); nil means
	// crawler.PublicOnly unless AllowPrivate.
	AllowIP func(net.IP) error
	// Limits; zero values take the defaults in withDefaults.
	MaxScans       int           // scans running at once (each with its own browser)
	MaxQueue       int           // scans waiting
	MaxPages       int           // pages per scan
	ScanTimeout    time.Duration // time per scan
	MaxBody        int64         // bytes per request body
	ScansPerMinute int           // scans one client may start per minute
	MaxSessions    int           // class sessions
	MaxStudents    int           // students per session
	// Operator names who runs the server (name and postal address), shown
	// on every page so that users know whom they deal with.
	Operator string
	// Browser is the Chromium path ("" = found on PATH).
	Browser string
	// NoBrowser scans over plain HTTP (checks that need a browser are not
	// evaluated).
	NoBrowser bool
	// Model and Registry; nil means the defaults.
	Model    *criteria.Model
	Registry *checks.Registry
	// Tool names the program in results.
	Tool result.Tool
	// Log receives the start message with the URL; nil = os.Stderr via log.
	Log io.Writer
}

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.MaxScans, 2)
	def(&c.MaxQueue, 200)
	def(&c.MaxPages, 10)
	def(&c.ScansPerMinute, 6)
	def(&c.MaxSessions, 100)
	def(&c.MaxStudents, 200)
	if c.ScanTimeout <= 0 {
		c.ScanTimeout = 3 * time.Minute
	}
	if c.MaxBody <= 0 {
		c.MaxBody = 1 << 20
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	if c.DB == "" {
		c.DB = ":memory:"
	}
	if c.Tool.Name == "" {
		c.Tool = result.Tool{Name: "didi", Version: "dev"}
	}
	return c
}

// Server is the web application.
type Server struct {
	cfg     Config
	model   *criteria.Model
	reg     *checks.Registry
	store   *store
	scans   *scanner
	pages   map[string]*template.Template
	rate    *rateLimiter
	results *resultCache
	mux     *http.ServeMux
}

// New opens the database and prepares the server; Close releases it.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	s := &Server{cfg: cfg, model: cfg.Model, reg: cfg.Registry}
	if s.reg == nil {
		s.reg = checks.Default()
	}
	if s.model == nil {
		m, err := criteria.LoadDefault(scoring.Known(s.reg))
		if err != nil {
			return nil, err
		}
		s.model = m
	}
	pages, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s.pages = pages
	if s.store, err = openStore(cfg.DB); err != nil {
		// A folder that does not exist or a file that is no database: the
		// user's --db (exit 2).
		return nil, engine.BadInputf("--db: %v", err)
	}
	s.rate = &rateLimiter{per: cfg.ScansPerMinute, seen: map[string][]time.Time{}}
	s.results = &resultCache{m: map[string]cached{}}
	s.scans = newScanner(s)
	s.routes()
	return s, nil
}

// Close stops the scans (recorded as interrupted, browsers closed) and
// closes the database.
func (s *Server) Close() error {
	s.scans.close()
	return s.store.close()
}

// allowIP is the guard for scans.
func (s *Server) allowIP() func(net.IP) error {
	switch {
	case s.cfg.AllowIP != nil:
		return s.cfg.AllowIP
	case s.cfg.AllowPrivate:
		return nil
	}
	return crawler.PublicOnly
}

// Handler is the whole application with its middleware: token, security
// headers, body limit, CSRF.
func (s *Server) Handler() http.Handler {
	return s.secure(s.mux)
}

// Run serves cfg until ctx is done, then shuts down gracefully: running
// scans are recorded as interrupted and no browser is left.
func Run(ctx context.Context, cfg Config) error {
	cfg = cfg.withDefaults()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return engine.BadInputf("--addr: cannot listen on %s: %v", cfg.Addr, err)
	}
	if cfg.Token == "" && !isLoopbackAddr(ln.Addr()) {
		cfg.Token = randomID() + randomID()
	}
	s, err := New(cfg)
	if err != nil {
		ln.Close()
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	if cfg.Token != "" {
		url += "?token=" + cfg.Token
	}
	out := cfg.Log
	if out == nil {
		out = log.Writer()
	}
	fmt.Fprintf(out, "didi serve: open %s in your browser (Ctrl-C stops the server)\n", url)
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, then closes the server and s.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	base, stopStreams := context.WithCancel(context.Background())
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second,
		BaseContext: func(net.Listener) context.Context { return base }}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	s.scans.close()
	stopStreams() // ends the event streams
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	if cerr := s.store.close(); err == nil && !errors.Is(err, http.ErrServerClosed) {
		err = cerr
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

func isLoopbackAddr(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// randomID is 20 random bytes in lower-case base32: a secret that can stand
// in a URL.
func randomID() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}

// joinCode is 6 characters without look-alikes (no 0/O, 1/I/L).
func joinCode() string {
	const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// errLimit is returned when a session or student limit is reached.
var errLimit = errors.New("limit reached")

// rateLimiter counts scans per client over the last minute.
type rateLimiter struct {
	per  int
	mu   sync.Mutex
	seen map[string][]time.Time
}

// allow records a scan for client and says whether it is within the limit.
func (r *rateLimiter) allow(client string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	cut := time.Now().Add(-time.Minute)
	var kept []time.Time
	for _, t := range r.seen[client] {
		if t.After(cut) {
			kept = append(kept, t)
		}
	}
	if len(kept) >= r.per {
		r.seen[client] = kept
		return false
	}
	r.seen[client] = append(kept, time.Now())
	return true
}

// clientOf is the client's IP address (not its port).
func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Cookie names.
const (
	cookieLang  = "didi_lang"
	cookieCSRF  = "didi_csrf"
	cookieToken = "didi_token"
)

// secure wraps h with the token check, security headers, the body limit
// and the CSRF check of every state-changing request.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		csp := "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
			"form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
		if strings.HasSuffix(r.URL.Path, "/report.html") {
			// The HTML report carries its own styles, and no script.
			csp = strings.Replace(csp, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1)
		}
		hd.Set("Content-Security-Policy", csp)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		if !strings.HasPrefix(r.URL.Path, "/static/") {
			hd.Set("Cache-Control", "no-store")
		}
		if s.cfg.Token != "" && !s.tokenOK(w, r) {
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := parseBody(r); err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					s.fail(w, r, http.StatusRequestEntityTooLarge, t(s.lang(r), "err.body", s.cfg.MaxBody>>10))
					return
				}
			}
			if !s.csrfOK(r) {
				s.fail(w, r, http.StatusForbidden, t(s.lang(r), "err.csrf"))
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// tokenOK accepts the token as ?token= (then sets a cookie and drops it
// from the address), as a cookie, or as a Bearer header; otherwise it
// answers 401.
func (s *Server) tokenOK(w http.ResponseWriter, r *http.Request) bool {
	want := []byte(s.cfg.Token)
	eq := func(got string) bool { return got != "" && subtle.ConstantTimeCompare([]byte(got), want) == 1 }
	if q := r.URL.Query().Get("token"); eq(q) {
		http.SetCookie(w, &http.Cookie{Name: cookieToken, Value: q, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		u := *r.URL
		qs := u.Query()
		qs.Del("token")
		u.RawQuery = qs.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	if c, err := r.Cookie(cookieToken); err == nil && eq(c.Value) {
		return true
	}
	if b, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && eq(b) {
		return true
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	for _, l := range i18n.Languages {
		fmt.Fprintln(w, texts["err.token"].In(l))
	}
	return false
}

// csrfToken returns the client's CSRF token, setting the cookie when it has
// none. Forms send it back in the field "csrf" (double submit), checked
// against the cookie, which other sites can neither read nor set.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(cookieCSRF); err == nil && len(c.Value) >= 20 {
		return c.Value
	}
	v := randomID()
	http.SetCookie(w, &http.Cookie{Name: cookieCSRF, Value: v, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	r.AddCookie(&http.Cookie{Name: cookieCSRF, Value: v})
	return v
}

// parseBody reads the form of a POST (multipart for uploads) within the
// body limit.
func parseBody(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return r.ParseMultipartForm(1 << 20)
	}
	return r.ParseForm()
}

func (s *Server) csrfOK(r *http.Request) bool {
	c, err := r.Cookie(cookieCSRF)
	if err != nil || len(c.Value) < 20 {
		return false
	}
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.FormValue("csrf") // parses the (size-limited) body
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(c.Value)) == 1
}

// lang is the page language: the cookie, else the browser's first
// supported language, else nl.
func (s *Server) lang(r *http.Request) string {
	if c, err := r.Cookie(cookieLang); err == nil && supported(c.Value) {
		return c.Value
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		l := strings.ToLower(strings.TrimSpace(part))
		if len(l) >= 2 && supported(l[:2]) {
			return l[:2]
		}
	}
	return "nl"
}

func supported(l string) bool {
	for _, x := range i18n.Languages {
		if x == l {
			return true
		}
	}
	return false
}

func staticFiles() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	fsrv := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.StripPrefix("/static/", fsrv).ServeHTTP(w, r)
	})
}

// DefaultDB is the database file when --db is not given: didi/serve.db in
// the user's data folder ($XDG_DATA_HOME or ~/.local/share on Linux and
// BSD, Application Support on macOS, %LocalAppData% on Windows). The folder
// is created.
func DefaultDB() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = d
	case "windows":
		d, err := os.UserCacheDir() // %LocalAppData%
		if err != nil {
			return "", err
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", err
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	dir = filepath.Join(dir, "didi")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create data folder: %w", err)
	}
	return filepath.Join(dir, "serve.db"), nil
}
