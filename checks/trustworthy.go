package checks

import (
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/didi-index/didi/checks/internal/rx"
)

// trustworthyChecks are the checks of the "trustworthy" criterion: safe,
// private, honest. Loopback hosts (a local build in CI) count as secure
// contexts, as browsers treat them; IsLoopback is the one place that decides.
func trustworthyChecks() []Check {
	return []Check{
		{
			ID: "https", Messages: []string{"fail"},
			Page: httpsPage,
		},
		{ID: "https-redirect", Messages: []string{"fail"}, Page: httpsRedirect},
		{
			ID: "hsts", Messages: []string{"missing", "short"}, Page: hsts,
			Params: Params{"min_max_age": defaultHSTSMaxAge},
		},
		{ID: "mixed-content", Messages: []string{"fail", "request"}, Page: mixedContent},
		{ID: "security-headers", Messages: []string{"missing_frame", "missing_nosniff", "missing_referrer", "weak_referrer"}, Page: securityHeaders},
		{
			ID: "third-party-before-consent", Messages: []string{"cookie", "request"}, Needs: []Fact{FactNetwork},
			Page: thirdPartyBeforeConsent, Params: Params{"allowed_hosts": []any{}},
		},
		{ID: "privacy-page", Messages: []string{"fail", "found"}, Site: privacyPage},
		{ID: "organisation-identity", Messages: []string{"fail", "found", "invalid_number"}, Site: organisationIdentity},
		{
			ID: "url-shortener", Messages: []string{"fail"}, Page: urlShortener,
			Params: Params{"shorteners": anyList(defaultShorteners)},
		},
		{ID: "sensitive-fields", Messages: []string{"card_number", "card_pin", "insecure_password"}, Page: sensitiveFields},
		{ID: "form-action", Messages: []string{"insecure", "other_origin"}, Page: formAction},
	}
}

// httpsPage fails a page served over plain HTTP. Loopback hosts count as
// secure contexts, as browsers treat them.
func httpsPage(p *Page, _ Params) Result {
	u, err := url.Parse(p.URL())
	if err != nil {
		return Result{Outcome: Inapplicable}
	}
	switch {
	case u.Scheme == "https":
		return Result{Outcome: Pass}
	case u.Scheme != "http":
		return Result{Outcome: Inapplicable}
	case IsLoopback(u.Hostname()):
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{{URL: p.URL(), Message: "fail", Params: map[string]string{"url": p.URL()}}})
}

// IsLoopback reports whether host is localhost or a loopback address, which
// browsers treat as a secure context.
func IsLoopback(host string) bool {
	if host == "localhost" || len(host) > 10 && host[len(host)-10:] == ".localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// secureURL reports whether u is a secure context: HTTPS, or HTTP on a
// loopback host.
func secureURL(u *url.URL) bool {
	return u.Scheme == "https" || u.Scheme == "http" && IsLoopback(u.Hostname())
}

// httpsRedirect checks a page that was asked over plain HTTP: it passes when
// the redirects end on HTTPS (or on a loopback host, a secure context) and
// fails when the page stayed on HTTP. Pages never asked over HTTP are
// inapplicable.
func httpsRedirect(p *Page, _ Params) Result {
	asked := ""
	for _, a := range append([]string{p.Snap.URL}, p.Snap.Redirects...) {
		if strings.HasPrefix(strings.ToLower(a), "http://") {
			asked = a
			break
		}
	}
	if asked == "" {
		return Result{Outcome: Inapplicable}
	}
	final, err := url.Parse(p.URL())
	if err != nil {
		return Result{Outcome: Inapplicable}
	}
	if secureURL(final) {
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{{URL: p.URL(), Message: "fail", Params: map[string]string{"url": asked}}})
}

// defaultHSTSMaxAge is 180 days in seconds.
const defaultHSTSMaxAge = 15552000

var maxAgeRE = rx.MustCompile(`(?i)max-age\s*=\s*"?(\d+)`)

// hsts checks the Strict-Transport-Security header of HTTPS pages on a
// domain name: present, with a max-age of at least min_max_age seconds.
// Pages on plain HTTP or on an IP address are inapplicable (browsers ignore
// the header there).
func hsts(p *Page, params Params) Result {
	u, err := url.Parse(p.URL())
	if err != nil || u.Scheme != "https" || net.ParseIP(u.Hostname()) != nil || IsLoopback(u.Hostname()) {
		return Result{Outcome: Inapplicable}
	}
	min := params.Float("min_max_age", defaultHSTSMaxAge)
	v := header(p, "Strict-Transport-Security")
	if v == "" {
		return Verdict([]Evidence{{URL: p.URL(), Message: "missing"}})
	}
	m := maxAgeRE.FindStringSubmatch(v)
	if m == nil {
		return Verdict([]Evidence{{URL: p.URL(), Message: "short", Params: map[string]string{"max_age": "0", "min": fmtNum(min)}}})
	}
	age, _ := strconv.ParseFloat(m[1], 64)
	if age < min {
		return Verdict([]Evidence{{URL: p.URL(), Message: "short", Params: map[string]string{"max_age": m[1], "min": fmtNum(min)}}})
	}
	return Result{Outcome: Pass}
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// header returns a response header of the page ("" when absent), looked up
// case-insensitively.
func header(p *Page, name string) string {
	if v, ok := p.Snap.Headers[name]; ok {
		return v
	}
	for k, v := range p.Snap.Headers {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// subresources are the elements that load a resource into the page, with
// the attribute that names it.
var subresources = []struct{ sel, attr string }{
	{"img[src]", "src"}, {"img[srcset]", "srcset"}, {"script[src]", "src"}, {"iframe[src]", "src"},
	{"frame[src]", "src"}, {"audio[src]", "src"}, {"video[src]", "src"}, {"video[poster]", "poster"},
	{"source[src]", "src"}, {"source[srcset]", "srcset"}, {"track[src]", "src"}, {"embed[src]", "src"},
	{"object[data]", "data"}, {`input[type="image" i][src]`, "src"},
	{`link[rel~="stylesheet" i][href]`, "href"}, {`link[rel~="icon" i][href]`, "href"},
	{`link[rel~="preload" i][href]`, "href"}, {`link[rel~="modulepreload" i][href]`, "href"},
}

// mixedContent fails an HTTPS page that loads resources over plain HTTP:
// elements whose address starts with http://, and requests the browser
// marked as mixed. Loopback resources are exempt (secure contexts). Pages on
// plain HTTP are inapplicable.
func mixedContent(p *Page, _ Params) Result {
	u, err := url.Parse(p.URL())
	if err != nil || u.Scheme != "https" {
		return Result{Outcome: Inapplicable}
	}
	seen := map[string]bool{}
	var ev []Evidence
	for _, sr := range subresources {
		find(p.Doc(), sr.sel).Each(func(_ int, s *goquery.Selection) {
			for _, addr := range addresses(s.AttrOr(sr.attr, ""), sr.attr) {
				if insecureResource(addr) && !seen[addr] {
					seen[addr] = true
					ev = append(ev, startTag(s, "fail", "url", addr))
				}
			}
		})
	}
	if p.Snap.Browser != nil {
		for _, r := range p.Snap.Browser.Requests {
			if r.Mixed && !seen[r.URL] && insecureResource(r.URL) {
				seen[r.URL] = true
				ev = append(ev, Evidence{URL: p.URL(), Message: "request", Params: map[string]string{"url": r.URL, "type": r.Type}})
			}
		}
	}
	return Verdict(ev)
}

// addresses splits an attribute into its addresses (srcset lists several).
func addresses(v, attrName string) []string {
	v = strings.TrimSpace(v)
	if attrName != "srcset" {
		return []string{v}
	}
	var out []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

func insecureResource(addr string) bool {
	u, err := url.Parse(strings.TrimSpace(addr))
	return err == nil && strings.EqualFold(u.Scheme, "http") && !IsLoopback(u.Hostname())
}

// securityHeaders checks an HTML page's protective response headers:
// protection against framing (CSP frame-ancestors or X-Frame-Options),
// X-Content-Type-Options: nosniff, and a Referrer-Policy (header or meta)
// that does not leak full addresses. Each missing header is one piece of
// evidence. Pages without recorded headers are inapplicable.
func securityHeaders(p *Page, _ Params) Result {
	if !p.IsHTML() || len(p.Snap.Headers) == 0 {
		return Result{Outcome: Inapplicable}
	}
	var ev []Evidence
	add := func(key, h string) {
		ev = append(ev, Evidence{URL: p.URL(), Message: key, Params: map[string]string{"header": h}})
	}
	csp := strings.ToLower(header(p, "Content-Security-Policy"))
	xfo := strings.ToLower(strings.TrimSpace(header(p, "X-Frame-Options")))
	if !strings.Contains(csp, "frame-ancestors") && xfo != "deny" && xfo != "sameorigin" {
		add("missing_frame", "Content-Security-Policy: frame-ancestors / X-Frame-Options")
	}
	if !strings.EqualFold(strings.TrimSpace(header(p, "X-Content-Type-Options")), "nosniff") {
		add("missing_nosniff", "X-Content-Type-Options: nosniff")
	}
	rp := strings.ToLower(header(p, "Referrer-Policy"))
	if rp == "" {
		rp = strings.ToLower(find(p.Doc(), `meta[name="referrer" i]`).AttrOr("content", ""))
	}
	switch last := lastToken(rp); last {
	case "":
		add("missing_referrer", "Referrer-Policy")
	case "unsafe-url", "no-referrer-when-downgrade":
		add("weak_referrer", "Referrer-Policy: "+last)
	}
	return Verdict(ev)
}

// lastToken returns the last comma-separated value (the one browsers apply).
func lastToken(v string) string {
	parts := strings.Split(v, ",")
	return strings.TrimSpace(parts[len(parts)-1])
}

// thirdPartyBeforeConsent fails a page that, before any click, made
// requests to or set cookies for third-party hosts not in allowed_hosts.
// Each host is one piece of evidence, pointing at the element that loads it
// when there is one.
func thirdPartyBeforeConsent(p *Page, params Params) Result {
	if p.Snap.Browser == nil {
		return Result{Outcome: NotEvaluated}
	}
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	allowed := params.Strings("allowed_hosts", nil)
	hosts := map[string]string{} // host -> message key
	for _, r := range p.Snap.Browser.Requests {
		h := strings.ToLower(r.Host)
		if h == "" {
			if u, err := url.Parse(r.URL); err == nil {
				h = strings.ToLower(u.Hostname())
			}
		}
		if r.ThirdParty && h != "" && !hostIn(h, allowed) {
			hosts[h] = "request"
		}
	}
	for _, c := range p.Snap.Browser.Cookies {
		h := strings.TrimPrefix(strings.ToLower(c.Domain), ".")
		if c.ThirdParty && h != "" && !hostIn(h, allowed) {
			if _, ok := hosts[h]; !ok {
				hosts[h] = "cookie"
			}
		}
	}
	names := make([]string, 0, len(hosts))
	for h := range hosts {
		names = append(names, h)
	}
	sort.Strings(names)
	var ev []Evidence
	for _, h := range names {
		e := Evidence{URL: p.URL(), Message: hosts[h], Params: map[string]string{"host": h, "hosts": strings.Join(names, ", ")}}
		if s := elementLoading(p, h); s.Length() > 0 {
			e = startTag(s, hosts[h], "host", h, "hosts", strings.Join(names, ", "))
		}
		ev = append(ev, e)
	}
	return Verdict(ev)
}

// hostIn reports whether host is one of list or a subdomain of one.
func hostIn(host string, list []string) bool {
	for _, a := range list {
		a = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(a)), ".")
		if a != "" && (host == a || strings.HasSuffix(host, "."+a)) {
			return true
		}
	}
	return false
}

// elementLoading returns the first element whose resource address is on
// host.
func elementLoading(p *Page, host string) *goquery.Selection {
	for _, sr := range subresources {
		var hit *goquery.Selection
		find(p.Doc(), sr.sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			for _, a := range addresses(s.AttrOr(sr.attr, ""), sr.attr) {
				if u, err := url.Parse(a); err == nil && strings.EqualFold(u.Hostname(), host) {
					hit = s
					return false
				}
			}
			return true
		})
		if hit != nil {
			return hit
		}
	}
	return p.Doc().Selection.Slice(0, 0)
}

// privacyTopic is a privacy page or policy.
var privacyTopic = topic{
	Text: wordsRE(`privacy`, `privacybeleid`, `privacyverklaring`, `privacyreglement`, `bescherming van (?:je|uw) gegevens`, `gegevensbescherming`,
		`vie privée`, `confidentialité`, `politique de confidentialité`, `protection des données(?: personnelles)?`,
		`données personnelles`, `datenschutz`, `datenschutzerklärung`, `datenschutzhinweise`,
		`privacy policy`, `privacy notice`, `privacy statement`, `data protection`),
	Slug: slugRE(`privacy`, `privacybeleid`, `privacyverklaring`, `privacy-policy`, `vie-privee`, `confidentialite`,
		`politique-de-confidentialite`, `protection-des-donnees`, `gegevensbescherming`, `donnees-personnelles`, `datenschutz`, `datenschutzerklaerung`, `gdpr`, `rgpd`, `avg`),
}

// privacyPage passes when a page links to a privacy page, or a page is one.
func privacyPage(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	if len(pages) == 0 {
		return Result{Outcome: Inapplicable}
	}
	if l, ok := findLink(pages, privacyTopic); ok {
		return siteResult(true, found(l.Page, l.Sel, "what", l.Text))
	}
	if p, h := findPage(pages, privacyTopic); p != nil {
		return siteResult(true, found(p, h, "what", textOf(h)))
	}
	return siteResult(false, missing(pages, "fail"))
}

// defaultShorteners are URL shortening services: their links hide where
// they lead, a classic trick of phishing.
var defaultShorteners = []string{"bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly",
	"rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc", "t.ly", "rb.gy"}

// urlShortener fails a page with links through a URL shortener (hosts in
// shorteners). Pages without links are inapplicable.
func urlShortener(p *Page, params Params) Result {
	links := linksOf(p)
	if len(links) == 0 {
		return Result{Outcome: Inapplicable}
	}
	list := params.Strings("shorteners", defaultShorteners)
	var ev []Evidence
	for _, l := range links {
		if l.URL == nil || (l.URL.Scheme != "http" && l.URL.Scheme != "https") {
			continue
		}
		if h := strings.ToLower(l.URL.Hostname()); hostIn(h, list) {
			ev = append(ev, EvidenceFor(l.Sel, "fail", "host", h, "url", l.Href))
		}
	}
	return Verdict(ev)
}
