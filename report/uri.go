package report

import (
	"strings"

	"golang.org/x/net/idna"
)

// uriReference turns s, an address as a site or a crawler wrote it, into a
// valid RFC 3986 URI reference: every character a URI may not hold (spaces,
// quotes, angle brackets, braces, backslashes, non-ASCII letters, a second
// "#", brackets outside an IPv6 host, a "%" that starts no escape) is
// percent-encoded as UTF-8, and what is already encoded ("%20") stays as it
// is, so nothing is encoded twice. A non-ASCII host becomes its ASCII
// (punycode) form.
func uriReference(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	rest := s
	if i := schemeEnd(s); i > 0 && strings.HasPrefix(s[i:], "://") {
		b.WriteString(s[:i+3])
		rest = s[i+3:]
		end := strings.IndexAny(rest, "/?#")
		if end < 0 {
			end = len(rest)
		}
		writeAuthority(&b, rest[:end])
		rest = rest[end:]
	}
	path, fragment, hasFragment := strings.Cut(rest, "#")
	writeEncoded(&b, path, "")
	if hasFragment {
		b.WriteByte('#')
		writeEncoded(&b, fragment, "")
	}
	return b.String()
}

// writeAuthority writes the user information, host and port of a URI:
// an IPv6 literal keeps its brackets, a non-ASCII host is converted to
// punycode, and anything else a URI may not hold is percent-encoded.
func writeAuthority(b *strings.Builder, auth string) {
	host := auth
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		writeEncoded(b, strings.ReplaceAll(auth[:at], "@", "%40"), "")
		b.WriteByte('@')
		host = auth[at+1:]
	}
	if strings.HasPrefix(host, "[") {
		if end := strings.IndexByte(host, ']'); end > 0 {
			writeEncoded(b, host[:end+1], "[]")
			writeEncoded(b, host[end+1:], "")
			return
		}
	}
	name, port := host, ""
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		name, port = host[:i], host[i:]
	}
	if ascii, err := idna.ToASCII(name); err == nil {
		name = ascii
	}
	writeEncoded(b, name, "")
	writeEncoded(b, port, "")
}

// writeEncoded writes s with every byte a URI may not hold there
// percent-encoded: besides the bytes no URI holds, "#", brackets and a "%"
// that starts no escape. keep lists delimiters that stay as they are.
func writeEncoded(b *strings.Builder, s, keep string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte(keep, c) >= 0:
			b.WriteByte(c)
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case uriChar(c):
			b.WriteByte(c)
		default:
			pctEncode(b, c)
		}
	}
}

// schemeEnd is the length of the scheme at the start of s ("https" in
// "https://…"), or 0 when s starts with none.
func schemeEnd(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':' && i > 0:
			return i
		default:
			return 0
		}
	}
	return 0
}

// uriChar reports whether c may appear as it is in a path, query or
// fragment: an unreserved character or a delimiter (RFC 3986, section 2),
// but # [ ] and %, which would end or change it.
func uriChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?@!$&'()*+,;=", c) >= 0
}

// isHex reports whether c is a hexadecimal digit.
func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// pctEncode writes c as %XX.
func pctEncode(b *strings.Builder, c byte) {
	const hex = "0123456789ABCDEF"
	b.WriteByte('%')
	b.WriteByte(hex[c>>4])
	b.WriteByte(hex[c&15])
}
