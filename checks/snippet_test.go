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
