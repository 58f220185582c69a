package snapshot

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

// TestSpoolKeepsSnapshots: what Load returns is what Put got, as JSON
// (Save and Load's contract: a pointer to false stays one), and the spool
// leaves no file in its folder, before or after Close.
func TestSpoolKeepsSnapshots(t *testing.T) {
	dir := t.TempDir()
	s, err := NewSpool(dir)
	if err != nil {
		t.Fatal(err)
	}
	no := false
	snaps := []Snapshot{
		{URL: "https://example.be/", FinalURL: "https://example.be/", Status: 200, HTML: "<p>é</p>", DOM: "<html><p>é</p></html>",
			Headers: map[string]string{"Content-Type": "text/html"}, Fetched: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC),
			Browser: &BrowserFacts{AXTree: []AXNode{{Selector: "html", Role: "RootWebArea"}}, Focusables: []Focusable{{Selector: "a", FocusVisible: &no}},
				Reflow: Reflow{ViewportWidth: 320, Overflows: true}, SlowLoadMs: 1234.5}},
		{URL: "https://example.be/plain", Status: 200, HTML: "<p>\"a\"</p>\n", DOM: "<p>\"a\"</p>\n"},
		{URL: "https://example.be/nodom", Status: 200, HTML: "<p>x</p>"},
		{URL: "https://example.be/404", Status: 404, Error: "HTTP 404", ErrorCode: "http_status", ErrorParams: map[string]string{"status": "404"}},
	}
	var refs []Ref
	for i := range snaps {
		r, err := s.Put(&snaps[i])
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, r)
	}
	for i := len(refs) - 1; i >= 0; i-- {
		got, err := refs[i].Load()
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(&snaps[i])
		back, _ := json.Marshal(got)
		if string(back) != string(want) {
			t.Errorf("snapshot %d:\n got %s\nwant %s", i, back, want)
		}
	}
	if got := s.Size(); got == 0 {
		t.Error("Size is 0")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the spool file is in its folder: %v", entries)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := refs[0].Load(); err == nil {
		t.Error("Load after Close succeeds")
	}
	if _, err := s.Put(&snaps[0]); err == nil {
		t.Error("Put after Close succeeds")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestLightKeepsTheMeasures(t *testing.T) {
	full := Snapshot{URL: "u", Status: 200, HTML: "h", DOM: "d", Headers: map[string]string{"A": "b"},
		Browser: &BrowserFacts{AXTree: []AXNode{{Role: "x"}}, RenderedText: "t", Reflow: Reflow{ScrollWidth: 900}, SlowLoadMs: 5}}
	l := full.Light()
	if l.HTML != "" || l.DOM != "" || l.Browser.AXTree != nil || l.Browser.RenderedText != "" {
		t.Errorf("light copy keeps content: %+v", l)
	}
	if l.URL != "u" || l.Headers["A"] != "b" || l.Browser.Reflow.ScrollWidth != 900 || l.Browser.SlowLoadMs != 5 {
		t.Errorf("light copy lost a measure: %+v", l)
	}
	if full.HTML != "h" || len(full.Browser.AXTree) != 1 {
		t.Error("Light changed the snapshot")
	}
	if (&Snapshot{URL: "n"}).Light().Browser != nil {
		t.Error("a snapshot without browser facts gets some")
	}
}

// TestSpoolWritesTheHTMLOnce: without a browser the DOM is the served HTML;
// the spool writes it once (the compressor's 32 kB window cannot see the
// first copy from the second) and reads it back as the same text.
func TestSpoolWritesTheHTMLOnce(t *testing.T) {
	s, err := NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 200_000 {
		fmt.Fprintf(&b, "<p id=\"p%d\">%x</p>\n", r.IntN(1e6), r.Uint64())
	}
	page := b.String()
	alone, err := s.Put(&Snapshot{URL: "https://example.be/a", HTML: page})
	if err != nil {
		t.Fatal(err)
	}
	same, err := s.Put(&Snapshot{URL: "https://example.be/b", HTML: page, DOM: page})
	if err != nil {
		t.Fatal(err)
	}
	if same.n > alone.n+64 {
		t.Errorf("a page whose DOM is its HTML takes %d bytes, the HTML alone %d", same.n, alone.n)
	}
	got, err := same.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got.HTML != page || got.DOM != page {
		t.Error("the page does not come back as it was")
	}
}
