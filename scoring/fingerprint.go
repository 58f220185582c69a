package scoring

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/result"
)

// Fingerprint identifies one failing element across builds of a site, so a
// baseline can tell new problems from old ones. It hashes only what stays
// the same when a site is rebuilt:
//
//   - the check id;
//   - the page's path, without scheme, host, port, query string, fragment,
//     trailing slash or a final "index.html";
//   - the element's selector path with the nth-of-type indexes dropped (so
//     reordered siblings match) and generated ids replaced by "*";
//   - the element's tag and its stable attributes (see stableAttrs), read
//     from the start tag of the snippet; generated class names and ids
//     (css-1x2y3z, sc-bdfBwQ, jsx-123, Button_primary__3xYz1) are dropped
//     or cut to their stable part. Text, and so the text of other elements,
//     is left out.
//
// occurrence is 1 for the first element of a page and check with this
// hash, 2 for the next identical one, and so on, so that two identical
// elements have different fingerprints. The result is 16 hex digits.
func Fingerprint(check, pageURL string, e result.Evidence, occurrence int) string {
	page := pageURL
	if e.URL != "" {
		page = e.URL
	}
	key := []string{check, NormalPath(page), normalSelector(e.Selector), normalStartTag(e.Snippet)}
	if occurrence > 1 {
		key = append(key, strconv.Itoa(occurrence))
	}
	sum := sha256.Sum256([]byte(strings.Join(key, "\x00")))
	return hex.EncodeToString(sum[:8])
}

// fingerprintEvidence fills the fingerprint of every evidence item of o.
func fingerprintEvidence(check string, o *result.Outcome) {
	seen := map[string]int{}
	for i := range o.Evidence {
		e := &o.Evidence[i]
		base := Fingerprint(check, o.URL, *e, 1)
		seen[base]++
		e.Fingerprint = Fingerprint(check, o.URL, *e, seen[base])
	}
}

// NormalPath is the part of a page URL that stays between builds and hosts:
// the path, without a trailing slash or a final "index.html", "/" for the
// root. The scheme, host, port, query and fragment are dropped.
func NormalPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	p := u.Path
	if path.Base(p) == "index.html" || path.Base(p) == "index.htm" {
		p = path.Dir(p)
	}
	p = strings.TrimRight(p, "/")
	if p == "" {
		return "/"
	}
	return p
}

// normalSelector drops nth-of-type/nth-child indexes and replaces generated
// ids in a selector made by checks.Selector.
func normalSelector(sel string) string {
	steps := strings.Split(sel, " > ")
	for i, s := range steps {
		s = strings.TrimSpace(s)
		if j := strings.IndexByte(s, ':'); j > 0 {
			s = s[:j]
		}
		if strings.HasPrefix(s, "#") {
			if id := stableToken(s[1:]); id != "" {
				s = "#" + id
			} else {
				s = "*"
			}
		}
		steps[i] = s
	}
	return strings.Join(steps, ">")
}

// stableAttrs are the attributes that name an element rather than style it;
// their values go into the fingerprint (class and id cut to their stable
// tokens, URLs to their path).
var stableAttrs = []string{"id", "class", "name", "type", "role", "href", "src", "action", "for",
	"alt", "aria-label", "lang", "rel", "autocomplete", "http-equiv", "property"}

// normalStartTag is the snippet's tag with its stable attributes, sorted.
func normalStartTag(snippet string) string {
	z := html.NewTokenizer(strings.NewReader(snippet))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			var parts []string
			for _, a := range t.Attr {
				if !slices.Contains(stableAttrs, a.Key) {
					continue
				}
				v := a.Val
				switch a.Key {
				case "id", "class", "for":
					var toks []string
					for _, f := range strings.Fields(v) {
						if s := stableToken(f); s != "" {
							toks = append(toks, s)
						}
					}
					slices.Sort(toks)
					v = strings.Join(toks, " ")
				case "href", "src", "action":
					v = stableURL(v)
				}
				if v != "" {
					parts = append(parts, a.Key+"="+v)
				}
			}
			slices.Sort(parts)
			return t.Data + "[" + strings.Join(parts, ",") + "]"
		}
	}
}

// stableURL keeps the path of a link or source, with hashed parts of
// asset names (app.3f9a1c2b.js) cut out.
func stableURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	if u.Scheme == "data" || u.Scheme == "blob" {
		return u.Scheme + ":"
	}
	var segs []string
	for _, s := range strings.Split(u.Path, "/") {
		var keep []string
		for _, part := range strings.Split(s, ".") {
			if !hashLike(part) {
				keep = append(keep, part)
			}
		}
		segs = append(segs, strings.Join(keep, "."))
	}
	p := strings.TrimRight(strings.Join(segs, "/"), "/")
	if u.Host != "" {
		p = u.Host + p
	}
	if p == "" && u.Fragment != "" {
		return "#" + stableToken(u.Fragment)
	}
	return p
}

// generators are prefixes that CSS-in-JS and frameworks put before a
// generated name: the whole token is dropped.
var generators = []string{"css-", "sc-", "jsx-", "emotion-", "svelte-", "ng-tns-", "jss", "makeStyles-",
	"mui-", "radix-", "headlessui-", "ember", "react-aria", ":r", "«r"}

// stableToken returns the stable part of a class name or id, or "" when it
// is generated: a known generator prefix, or the token without its
// hash-like segments (CSS modules: "Button_primary__3xYz1" → "Button_primary").
func stableToken(tok string) string {
	for _, g := range generators {
		if strings.HasPrefix(tok, g) && (len(tok) > len(g)) {
			if g == "ember" || g == "jss" {
				if !allDigits(tok[len(g):]) {
					continue
				}
			}
			return ""
		}
	}
	var b, seg strings.Builder
	sep := "" // the separators since the last stable segment
	flush := func() {
		if s := seg.String(); s != "" && !hashLike(s) {
			if b.Len() > 0 {
				b.WriteString(sep)
			}
			b.WriteString(s)
			sep = ""
		}
		seg.Reset()
	}
	for _, r := range tok {
		if r == '-' || r == '_' || r == ':' {
			flush()
			sep += string(r)
			continue
		}
		seg.WriteRune(r)
	}
	flush()
	return b.String()
}

// hashLike reports whether a name segment looks generated: letters and
// digits mixed (5 or more characters), a long number, or random mixed case
// ("kGmWXy", "bdfBwQ"; camelCase like "navBar" stays).
func hashLike(s string) bool {
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	switch {
	case digits > 0 && letters > 0 && len(s) >= 5:
		return true
	case digits >= 4 && letters == 0:
		return true
	case digits == 0 && len(s) >= 5:
		return randomCase(s)
	}
	return false
}

// randomCase reports whether the capitals of s do not follow camelCase:
// one at the end, two in a row, or two with a single small letter between.
func randomCase(s string) bool {
	r := []rune(s)
	for i := 1; i < len(r); i++ {
		if !unicode.IsUpper(r[i]) {
			continue
		}
		if i == len(r)-1 || unicode.IsUpper(r[i+1]) || (i >= 2 && unicode.IsUpper(r[i-2]) && !unicode.IsUpper(r[i-1])) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}
