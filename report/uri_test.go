package report

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/result"
)

// rfc3986Ref matches a URI reference made only of characters RFC 3986
// allows, with escapes of two hexadecimal digits and at most one "#";
// brackets only around an IPv6 host.
var rfc3986Ref = regexp.MustCompile(`^(?:[A-Za-z][A-Za-z0-9+.-]*://(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*))?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$`)

// hostileURLs are page addresses as a site may write them, each with the
// URI the SARIF must carry for it (relative to the site root, or absolute
// on another site).
var hostileURLs = []struct{ page, uri string }{
	{"http://127.0.0.1:8080/", "index.html"},
	{"http://127.0.0.1:8080/a b/c.html", "a%20b/c.html"},
	{"http://127.0.0.1:8080/caf%C3%A9/", "caf%C3%A9/index.html"},
	{"http://127.0.0.1:8080/café/中文.html", "caf%C3%A9/%E4%B8%AD%E6%96%87.html"},
	{"http://127.0.0.1:8080/100%/x%zz", "100%25/x%25zz"},
	{"http://127.0.0.1:8080/a.html#b#c", "a.html"},
	{"http://127.0.0.1:8080/shop/?q=\"x y\"", "shop/index.html"},
	{"http://127.0.0.1:8080/[x]\"<q>'.html", "%5Bx%5D%22%3Cq%3E'.html"},
	{"http://127.0.0.1:8080/a\\b{c}|d^e`f", "a%5Cb%7Bc%7D%7Cd%5Ee%60f"},
	{"http://127.0.0.1:8080/mailto:x", "./mailto:x"},
	{"http://127.0.0.1:8080//evil.example/x", ".//evil.example/x"},
	{"http://127.0.0.1:8080/\u202eevil.html", "%E2%80%AEevil.html"},
	{"https://cdn.example.org/a b?q=\"x\"#f#g", "https://cdn.example.org/a%20b?q=%22x%22#f%23g"},
	{"https://exämple.be/ü", "https://xn--exmple-cua.be/%C3%BC"},
	{"http://[::1]:8080/[a]", "http://[::1]:8080/%5Ba%5D"},
}

func TestSARIFPageURIs(t *testing.T) {
	root := siteRoot("http://127.0.0.1:8080/start")
	for _, tt := range hostileURLs {
		t.Run(tt.page, func(t *testing.T) {
			loc := pageURI(root, tt.page)
			assert.Equal(t, tt.uri, loc.URI)
			assert.Regexp(t, rfc3986Ref, loc.URI)
			ref, err := url.Parse(loc.URI)
			require.NoError(t, err)
			if loc.URIBaseID == "" {
				assert.True(t, ref.IsAbs(), "a URI without a base is absolute")
				return
			}
			assert.False(t, ref.IsAbs() || ref.Host != "", "a relative URI stays on the site")
			// Resolved against the root, it is the page on the site.
			base, _ := url.Parse(root)
			want, _, _ := strings.Cut(uriReference(tt.page), "#")
			want, _, _ = strings.Cut(want, "?")
			if strings.HasSuffix(want, "/") {
				want += "index.html"
			}
			assert.Equal(t, want, base.ResolveReference(ref).String())
		})
	}
	// Encoding is done once: an encoded URI comes out as it went in.
	for _, tt := range hostileURLs {
		assert.Equal(t, uriReference(tt.uri), tt.uri, "encoded twice: %s", tt.uri)
	}
	assert.Equal(t, "https://xn--exmple-cua.be/", siteRoot("https://exämple.be/a b"))
}

// TestSARIFHostileURIs writes SARIF for pages and evidence at hostile
// addresses and checks that every URI in the log is a valid URI reference.
func TestSARIFHostileURIs(t *testing.T) {
	r := ciResult()
	r.Target = "http://127.0.0.1:8080/ start"
	chk := &r.Criteria[0].Checks[0]
	for _, tt := range hostileURLs {
		chk.Outcomes = append(chk.Outcomes, result.Outcome{URL: tt.page, Outcome: "fail",
			Evidence: []result.Evidence{{Selector: "img", Message: result.Text{"en": "x"}}, {URL: tt.page + "?frame", Selector: "img"}}})
	}
	var buf bytes.Buffer
	require.NoError(t, sarifWriter{}.Write(&buf, r, []string{"en"}))
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
			Results            []sarifResult               `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
	assert.Equal(t, "http://127.0.0.1:8080/", log.Runs[0].OriginalURIBaseIDs[sarifRoot].URI)
	seen := map[string]bool{}
	for _, res := range log.Runs[0].Results {
		for _, l := range res.Locations {
			uri := l.PhysicalLocation.ArtifactLocation.URI
			assert.Regexp(t, rfc3986Ref, uri)
			seen[uri] = true
		}
	}
	for _, tt := range hostileURLs {
		assert.True(t, seen[tt.uri], "no location %s", tt.uri)
	}
}
