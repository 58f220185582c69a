package crawler

import (
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// Normalize returns the canonical form of an absolute http(s) URL, so that a
// page is visited once: lower-case scheme and host, no default port, no
// fragment, "/" for an empty path, duplicate slashes collapsed, percent
// escapes upper-cased and unreserved characters unescaped. The query is kept
// in its order (servers may depend on it). ok is false for other schemes.
func Normalize(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", false
	}
	return normalizeURL(u)
}

func normalizeURL(u *url.URL) (string, bool) {
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" || u.Opaque != "" {
		return "", false
	}
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	path := u.EscapedPath()
	for strings.Contains(path, "//") {
		path = strings.ReplaceAll(path, "//", "/")
	}
	if path == "" {
		path = "/"
	}
	path = normalizeEscapes(path)
	u.ForceQuery = false
	query := normalizeEscapes(u.RawQuery)
	s := u.Scheme + "://" + u.Host + path
	if query != "" {
		s += "?" + query
	}
	return s, true
}

// normalizeEscapes upper-cases percent escapes and decodes escaped
// unreserved characters (RFC 3986 section 6.2.2).
func normalizeEscapes(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			c := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(c) {
				b.WriteByte(c)
			} else {
				b.WriteByte('%')
				b.WriteString(strings.ToUpper(s[i+1 : i+3]))
			}
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// origin returns scheme://host[:port] of a normalised URL.
func origin(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Scheme + "://" + p.Host
}

// resolve makes href absolute against base and normalises it.
func resolve(base *url.URL, href string) (string, bool) {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return "", false
	}
	return normalizeURL(base.ResolveReference(ref))
}

// RegistrableDomain returns the registrable domain (eTLD+1) of host, e.g.
// "example.co.uk" for "www.example.co.uk". IP addresses, localhost and
// single-label hosts are returned as they are.
func RegistrableDomain(host string) string {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "" || net.ParseIP(host) != nil || !strings.Contains(host, ".") {
		return host
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return d
}

// thirdParty reports whether host belongs to another site than pageHost.
func thirdParty(host, pageHost string) bool {
	if host == "" || pageHost == "" {
		return false
	}
	return RegistrableDomain(host) != RegistrableDomain(pageHost)
}
