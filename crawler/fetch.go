package crawler

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// maxRedirects is the longest redirect chain followed.
const maxRedirects = 10

// errRedirectLoop is returned when a redirect chain comes back to an
// address it already visited or is longer than maxRedirects.
var errRedirectLoop = errors.New("redirect loop")

// fetcher loads documents with plain HTTP. It is the whole loader with
// --no-browser, and the gate before the browser otherwise: it gives the
// status, headers, redirect chain and the HTML as served, and finds the
// responses the browser need not load (errors, non-HTML, oversized).
type fetcher struct {
	client  *http.Client
	origins *originSet
}

// fetchResult is one document loaded with plain HTTP.
type fetchResult struct {
	FinalURL    string
	Redirects   []string
	Status      int
	Headers     map[string]string
	ContentType string
	Body        []byte
	// Err says why the document cannot be scanned.
	Err error
}

// newFetcher makes a fetcher that sends o.Headers and o.Cookies to the
// origins in scope only.
func newFetcher(o Options, origins *originSet) *fetcher {
	dial := (&net.Dialer{Timeout: 10 * time.Second}).DialContext
	if o.AllowIP != nil {
		dial = guardedDial(o.AllowIP)
	}
	tr := &http.Transport{
		Proxy:                 nil,
		DialContext:           dial,
		TLSClientConfig:       &tls.Config{InsecureSkipVerify: o.Insecure}, //nolint:gosec // --insecure asks for it
		MaxIdleConnsPerHost:   max(o.Concurrency, 2) * 2,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: o.Timeout,
	}
	rt := &scopedHeaders{next: tr, headers: o.Headers, cookies: o.Cookies, origins: origins}
	c := &http.Client{Transport: rt, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		return checkRedirect(req, via, origins)
	}}
	return &fetcher{client: c, origins: origins}
}

// errOffSite is returned, without requesting it, for a redirect to another
// site: an origin that is not scanned and not the same host as the address
// asked for (http to https and a www. host are the same site).
var errOffSite = errors.New("redirects outside the scanned site to")

// checkRedirect stops redirect loops, over-long chains and redirects to
// another site.
func checkRedirect(req *http.Request, via []*http.Request, origins *originSet) error {
	if !origins.has(req.URL.Scheme+"://"+req.URL.Host) && !sameSite(req.URL, via[0].URL) {
		return fmt.Errorf("%w %s (not followed)", errOffSite, req.URL.Redacted())
	}
	if len(via) >= maxRedirects {
		return fmt.Errorf("%w: more than %d redirects", errRedirectLoop, maxRedirects)
	}
	next, _ := normalizeURL(req.URL)
	for _, v := range via {
		if u, _ := normalizeURL(v.URL); u == next {
			return fmt.Errorf("%w: back to %s", errRedirectLoop, next)
		}
	}
	return nil
}

// sameSite reports whether a and b are on the same host and port, but for
// the scheme and a leading "www." (http://x/ going on to https://www.x/ is
// one site; another port is another site).
func sameSite(a, b *url.URL) bool {
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" && !(p == "80" && u.Scheme == "http") && !(p == "443" && u.Scheme == "https") {
			return p
		}
		return ""
	}
	return host(a) == host(b) && port(a) == port(b)
}

// scopedHeaders adds the user's headers and cookies to requests for the
// scanned origins, and to no other.
type scopedHeaders struct {
	next    http.RoundTripper
	headers http.Header
	cookies []*http.Cookie
	origins *originSet
}

// RoundTrip implements http.RoundTripper.
func (s *scopedHeaders) RoundTrip(req *http.Request) (*http.Response, error) {
	if len(s.headers) == 0 && len(s.cookies) == 0 {
		return s.next.RoundTrip(req)
	}
	if !s.origins.has(req.URL.Scheme + "://" + req.URL.Host) {
		return s.next.RoundTrip(req)
	}
	req = req.Clone(req.Context())
	for k, vs := range s.headers {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	for _, c := range s.cookies {
		req.AddCookie(c)
	}
	return s.next.RoundTrip(req)
}

// get loads raw and reads at most limit bytes of its body.
func (f *fetcher) get(ctx context.Context, raw string, limit int64) fetchResult {
	res := fetchResult{FinalURL: raw}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		res.Err = fmt.Errorf("build request: %w", err)
		return res
	}
	req.Header.Set("User-Agent", "didi (+https://github.com/didi-index/didi)")
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		res.Err = describeFetchError(ctx, err)
		return res
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	res.Headers = flattenHeaders(resp.Header)
	res.FinalURL, _ = normalizeURL(resp.Request.URL)
	res.Redirects = redirectChain(resp)
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	res.ContentType = mt
	notHTML := func() fetchResult {
		res.Err = newPageError(ErrNotHTML, fmt.Sprintf("not an HTML page (content type %q)", mt), "type", mt)
		if resp.StatusCode >= 400 {
			res.Err = httpError(resp.StatusCode)
		}
		return res
	}
	xml := isXMLType(mt)
	if !isHTMLType(mt) && !xml {
		return notHTML()
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		res.Err = describeFetchError(ctx, fmt.Errorf("read body: %w", err))
		return res
	}
	if int64(len(body)) > limit {
		res.Err = newPageError(ErrTooLarge, fmt.Sprintf("page larger than %d MB", limit>>20), "mb", strconv.FormatInt(limit>>20, 10))
		return res
	}
	if isBinary(body) {
		res.Err = newPageError(ErrBinary, "binary content served as HTML")
		return res
	}
	if xml && !rendersAsDocument(body) {
		return notHTML()
	}
	res.Body = body
	if resp.StatusCode >= 400 {
		res.Err = httpError(resp.StatusCode)
	}
	return res
}

// httpError names an HTTP error status, e.g. "HTTP 404 Not Found".
func httpError(status int) error {
	return newPageError(ErrHTTPStatus, fmt.Sprintf("HTTP %d %s", status, http.StatusText(status)), "status", strconv.Itoa(status))
}

// describeFetchError turns transport errors into short, plain reasons.
func describeFetchError(ctx context.Context, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return newPageError(ErrTimeout, "timed out")
	case errors.Is(ctx.Err(), context.Canceled):
		return newPageError(ErrCancelled, "cancelled")
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) {
		return newPageError(ErrConnectionClosed, fmt.Sprintf("the server closed the connection (%v)", err))
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return newPageError(ErrRefused, fmt.Sprintf("the server refused the connection (%v)", err))
	}
	if dnsErr, ok := errors.AsType[*net.DNSError](err); ok && dnsErr.IsNotFound {
		return newPageError(ErrNoHost, fmt.Sprintf("the server name %s was not found (%v)", dnsErr.Name, err), "host", dnsErr.Name)
	}
	var certErr *tls.CertificateVerificationError
	if errors.As(err, &certErr) {
		return newPageError(ErrTLS, fmt.Sprintf("TLS certificate not valid (use --insecure for a test server): %v", certErr.Err))
	}
	if errors.Is(err, errRedirectLoop) {
		return newPageError(ErrRedirectLoop, err.Error())
	}
	return err
}

// redirectChain lists the addresses before the final one.
func redirectChain(resp *http.Response) []string {
	var chain []string
	for r := resp.Request.Response; r != nil; r = r.Request.Response {
		if u, ok := normalizeURL(r.Request.URL); ok {
			chain = append([]string{u}, chain...)
		}
	}
	return chain
}

// flattenHeaders joins repeated header values with ", ".
func flattenHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, vs := range h {
		out[http.CanonicalHeaderKey(k)] = strings.Join(vs, ", ")
	}
	return out
}

// isHTMLType reports whether a media type is an HTML document. An empty type
// is taken as HTML, as browsers sniff it.
func isHTMLType(mt string) bool {
	return mt == "" || mt == "text/html" || mt == "application/xhtml+xml"
}

// isXMLType reports whether a media type is XML that a browser may render
// as a document (see rendersAsDocument).
func isXMLType(mt string) bool {
	return mt == "image/svg+xml" || mt == "application/xml" || mt == "text/xml"
}

// rendersAsDocument reports whether an XML body is a document a browser
// renders as a page: its root element is in the SVG or the XHTML namespace
// (an SVG drawing, an XHTML page served as XML). Other XML (a feed, a
// sitemap, MathML without its namespace) the browser only shows as a tree
// of source code.
func rendersAsDocument(body []byte) bool {
	rest := bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		var end []byte
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(rest, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(rest, []byte("<!")):
			end = []byte(">")
		}
		if end == nil {
			break
		}
		i := bytes.Index(rest, end)
		if i < 0 {
			return false
		}
		rest = rest[i+len(end):]
	}
	if !bytes.HasPrefix(rest, []byte("<")) {
		return false
	}
	tag := rest
	if i := bytes.IndexByte(tag, '>'); i >= 0 {
		tag = tag[:i]
	}
	for _, ns := range []string{"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"} {
		if bytes.Contains(tag, []byte(`xmlns="`+ns+`"`)) || bytes.Contains(tag, []byte(`xmlns='`+ns+`'`)) {
			return true
		}
	}
	return false
}

// isBinary reports whether the start of body looks like binary data rather
// than text: NUL bytes, or mostly invalid UTF-8 and control characters.
func isBinary(body []byte) bool {
	head := body[:min(len(body), 2048)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		if (r == utf8.RuneError && n == 1) || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') {
			bad++
		}
		i += n
	}
	return len(head) > 0 && bad*10 > len(head)
}
