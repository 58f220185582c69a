package checks

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSnippetAsABrowserWritesIt: a snippet is the element's HTML as a
// browser's outerHTML gives it, so character references in the source are
// decoded once: ' and " in text as they are, &, < and > escaped, and
// attribute values in double quotes.
func TestSnippetAsABrowserWritesIt(t *testing.T) {
	src := `<!doctype html><html><body>` +
		`<p id="a" title="Tom &amp; Jerry's &quot;show&quot;">d&#39;inactivité &amp; &lt;script&gt; &quot;x&quot;&nbsp;!</p>` +
		`<div id="b" onclick="location.href='/fr/'"><span>x</span></div>` +
		`<p id="c">a<br>b<img src="i.png" alt="l'image"></p>` +
		`<script id="d">if (a < b && c) {}</script>` +
		`</body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	require.NoError(t, err)
	for _, tc := range []struct{ sel, want string }{
		{"#a", `<p id="a" title="Tom &amp; Jerry's &quot;show&quot;">d'inactivité &amp; &lt;script&gt; "x"&nbsp;!</p>`},
		{"#b", `<div id="b" onclick="location.href='/fr/'"><span>x</span></div>`},
		{"#c", `<p id="c">a<br>b<img src="i.png" alt="l'image"></p>`},
		{"#d", `<script id="d">if (a < b && c) {}</script>`},
	} {
		assert.Equal(t, tc.want, Snippet(doc.Find(tc.sel)), tc.sel)
	}
	// A container is shown by its start tag only.
	assert.Equal(t, `<div id="b" onclick="location.href='/fr/'">`, axSnippet(doc.Find("#b").Get(0)))
	assert.Equal(t, `<p id="a" title="Tom &amp; Jerry's &quot;show&quot;">d'inactivité &amp; &lt;script&gt; "x"&nbsp;!</p>`, axSnippet(doc.Find("#a").Get(0)))
}

// TestStartTagWithGreaterThan: evidence shown by its start tag keeps the
// whole tag when an attribute value holds a > (a browser writes it as it
// is, so cutting at the first > cut the tag in two).
func TestStartTagWithGreaterThan(t *testing.T) {
	src := `<!doctype html><html lang="nl" data-x="a > b"><head><title>t</title></head>` +
		`<body data-crumbs="Home > Producten"><nav aria-label="Home > Producten"><a href="/">x</a></nav></body></html>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	require.NoError(t, err)
	assert.Equal(t, `<nav aria-label="Home > Producten">`, startTag(doc.Find("nav"), "fail").Snippet)
	assert.Equal(t, `<html lang="nl" data-x="a > b">`, startTag(doc.Find("html"), "fail").Snippet)
	d := newAXDoc(actPage(`<p>x</p>`))
	assert.Equal(t, `<body>`, d.topEvidence("body", "fail").Snippet)
	d = newAXDoc(supPage(src))
	assert.Equal(t, `<body data-crumbs="Home > Producten">`, d.topEvidence("body", "fail", "words", "3").Snippet)
	assert.Equal(t, map[string]string{"words": "3"}, d.topEvidence("body", "fail", "words", "3").Params)
}
