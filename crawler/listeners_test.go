package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"
)

// listenersPage has choice controls with listeners of every kind: added
// with addEventListener, set as an onchange property by a script, inline
// attributes, and listeners on controls that are not choices.
const listenersPage = `<!doctype html><html lang="en"><title>Listeners</title><main>
<select id="nav" aria-label="Go to"><option value="/a">A</option><option value="/b">B</option></select>
<select id="filter" aria-label="Filter"><option>All</option><option>New</option></select>
<select id="prop" aria-label="Sort"><option>Date</option></select>
<select id="inline" aria-label="Inline" onchange="location.href = this.value"><option>X</option></select>
<select id="both" aria-label="Both" onchange="void 0"><option>Y</option></select>
<input type="radio" name="r" id="r1" aria-label="One"><input type="radio" name="r" id="r2" aria-label="Two">
<input type="checkbox" id="plain" aria-label="Plain">
<input type="text" id="text" aria-label="Text">
<script>
document.getElementById('nav').addEventListener('change', function (e) { location.href = e.target.value; });
document.getElementById('filter').addEventListener('input', function () { document.body.className = this.value; });
document.getElementById('prop').onchange = function () { this.form.submit(); };
document.getElementById('both').addEventListener('change', () => { window.open('/x'); });
document.getElementById('r1').addEventListener('change', function () { document.title = 'one'; });
document.getElementById('text').addEventListener('change', function () { location.href = '/t'; });
</script></main></html>`

// TestInputListeners checks that the browser records the change and input
// listeners scripts added to select, radio and check box elements, with
// their source, and none of the inline attributes (issue 12).
func TestInputListeners(t *testing.T) {
	b := browserOrSkip(t)
	isolateTemp(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, listenersPage)
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Browser: b, BlockOutside: true, NoCrawl: true, Start: []string{srv.URL + "/"}})
	p := scan.Pages[0]
	if p.Error != "" || p.Browser == nil {
		t.Fatalf("page error %q, browser facts %t", p.Error, p.Browser != nil)
	}
	got := map[string]snapshot.InputListener{}
	for _, l := range p.Browser.InputListeners {
		got[l.Selector+" "+l.Event] = l
	}
	want := map[string]string{
		"#nav change":   "location.href = e.target.value",
		"#filter input": "document.body.className",
		"#prop change":  "this.form.submit()",
		"#both change":  "window.open('/x')",
		"#r1 change":    "document.title",
	}
	for key, src := range want {
		if l, ok := got[key]; !ok || !strings.Contains(l.Source, src) {
			t.Errorf("%s: listener %+v, want one whose source has %q", key, l, src)
		}
	}
	if len(got) != len(want) {
		t.Errorf("listeners %+v, want only %d (no inline attribute, no text field)", p.Browser.InputListeners, len(want))
	}
	if p.Browser.InputListenersCapped {
		t.Error("capped on a page with 8 choice controls")
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"abc", 5, "abc"},
		{"abcdef", 3, "abc"},
		{"aéb", 2, "a"}, // é is two bytes: not cut in half
		{"", 3, ""},
	}
	for _, tt := range tests {
		if got := cut(tt.in, tt.max); got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
