package crawler

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/didi-index/didi/snapshot"
)

// linkedCSSPage is styled only by a linked style sheet: focus removed on
// :focus and globally, links told apart by colour alone or by an underline
// (on hover only for one), and, at 320 px, a wide table next to text moved
// out of view for screen readers, and a label only for screen readers.
const linkedCSSPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Linked styles</title><link rel="stylesheet" href="/site.css"></head>
<body><main><h1>Linked styles</h1>
<p>Read the <a id="plain" class="plain" href="/a">bin calendar</a> for your street, or the
<a id="under" class="under" href="/b">bulky waste rules</a> before you call us.</p>
<p><button id="gbtn" class="g">Send</button> <a id="shown" class="shown" href="/c">Shown</a></p>
<p><span id="offleft" class="offleft">Skip to the content of this page</span>
<span id="sronly" class="sr-only">Opens in a new window, with extra text for screen readers only</span></p>
<form action="/s"><label id="srlabel" class="sr-only" for="street">Street</label><input id="street" placeholder="Street">
<label id="shownlabel" for="town">Town</label><input id="town"></form>
<table id="widetable"><tr><td>Monday</td><td>Tuesday</td><td>Wednesday</td><td>Thursday</td><td>Friday</td></tr></table>
</main></body></html>`

const linkedCSS = `body { color: #333; font: 16px Arial, sans-serif; }
a { color: #0b5cad; text-decoration: none; }
a:hover { text-decoration: underline; }
a.plain:focus { outline: none; }
.under { text-decoration: underline; }
button.g { outline: 0; }
button.g:focus { outline: 0; }
a.shown:focus-visible { outline: 3px solid #000; }
.offleft { position: absolute; left: -1000em; width: 2000px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; left: 330px; }
#widetable { width: 600px; }
`

// TestFactsFromLinkedStyleSheet: focus styles, link cues and the culprit of
// sideways scrolling are measured from a linked style sheet in Chromium.
func TestFactsFromLinkedStyleSheet(t *testing.T) {
	path := browserOrSkip(t)
	isolateTemp(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/site.css":
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write([]byte(linkedCSS))
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(linkedCSSPage))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/"}, NoCrawl: true, Browser: path, BlockOutside: true})
	if len(scan.Pages) != 1 || scan.Pages[0].Browser == nil {
		t.Fatalf("pages %+v", scan.Pages)
	}
	b := scan.Pages[0].Browser
	link := func(sel string) *snapshot.TextLink {
		for i := range b.TextLinks {
			if b.TextLinks[i].Selector == sel {
				return &b.TextLinks[i]
			}
		}
		return nil
	}
	r := b.Reflow
	for _, c := range []struct {
		fact string
		ok   bool
	}{
		{"outline removed on :focus", focusVisible(b, "#plain") == "false"},
		{"outline removed globally", focusVisible(b, "#gbtn") == "false"},
		{"focus-visible outline", focusVisible(b, "#shown") == "true"},
		{"link by colour only", link("#plain") != nil && !link("#plain").Cue && link("#plain").Ratio < 3},
		{"underlined link", link("#under") != nil && link("#under").Cue},
		{"wide table is the culprit", r.Overflows && len(r.Offenders) > 0 && r.Offenders[0] == "#widetable" &&
			len(r.OffenderWidths) > 0 && r.OffenderWidths[0] == 600},
		{"text moved off to the left is no culprit", !contains(r.Offenders, "#offleft")},
		{"clipped screen-reader text is no culprit", !contains(r.Offenders, "#sronly")},
		{"label hidden for the eye", contains(b.HiddenLabels, "#srlabel") && !contains(b.HiddenLabels, "#shownlabel")},
	} {
		if !c.ok {
			t.Errorf("%s: text links %+v, reflow %+v, focusables %+v", c.fact, b.TextLinks, r, b.Focusables)
		}
	}
}
