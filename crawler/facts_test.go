package crawler

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/didi-index/didi/snapshot"
)

// TestFactsFixture scans testdata/facts, a page made to show each browser
// fact, and checks that each one is gathered. It also checks headers and
// cookies for pages behind a login, BlockOutside, the slow-connection
// load time, and that the snapshot round-trips through JSON.
func TestFactsFixture(t *testing.T) {
	path := browserOrSkip(t)
	isolateTemp(t)
	site := factsServer(t)
	scan := crawlT(t, Options{
		Start: []string{site.URL + "/"}, NoCrawl: true, Browser: path, BlockOutside: true,
		Headers:     http.Header{"X-Test": {"yes"}},
		Cookies:     []*http.Cookie{{Name: "login", Value: "token"}},
		SlowProfile: &snapshot.SlowProfile{Latency: 300 * time.Millisecond, Down: 50_000, Up: 20_000},
	})
	if len(scan.Pages) != 1 || scan.Pages[0].Error != "" {
		t.Fatalf("pages %+v", scan.Pages)
	}
	if !strings.Contains(scan.Browser, "Chrome") {
		t.Errorf("Scan.Browser = %q, want the browser product", scan.Browser)
	}
	p := scan.Pages[0]
	b := p.Browser
	if b == nil {
		t.Fatal("no browser facts")
	}
	checks := []struct {
		fact string
		ok   bool
	}{
		{"title and lang", p.Title == "Facts fixture" && p.Lang == "en"},
		{"rendered DOM", strings.Contains(p.DOM, `id="overlay"`)},
		{"served HTML", strings.Contains(p.HTML, "OTHER_ORIGIN") == false && strings.Contains(p.HTML, "Facts fixture")},
		{"low contrast text", text(b, "#low").Ratio > 2 && text(b, "#low").Ratio < 2.5},
		{"gradient read: best and worst contrast", !text(b, "#grad").BackgroundImage && text(b, "#grad").Ratio > 18 &&
			text(b, "#grad").RatioMin > 10 && text(b, "#grad").RatioMin < 13},
		{"background image flagged", text(b, "#photo").BackgroundImage},
		{"opacity fades the text", text(b, "#faded").Ratio > 1.8 && text(b, "#faded").Ratio < 2.4},
		{"shadow wrapping the letters", text(b, "#halo").Halo != nil && *text(b, "#halo").Halo == snapshot.Colour{R: 170, G: 170, B: 170, A: 1} &&
			text(b, "#shadow").Halo == nil},
		{"text in a shadow tree", text(b, "#host").Text == "Text in a shadow tree."},
		{"screen-reader-only text left out", text(b, "#sronly").Selector == ""},
		{"scrolling area", scroller(b, "#scroll") != nil && !scroller(b, "#scroll").Focusable && !scroller(b, "#scroll").FocusableInside},
		{"scrolling area with a link", scroller(b, "#scroll-link") != nil && scroller(b, "#scroll-link").FocusableInside && len(b.Scrollers) == 2},
		{"text shadow flagged", text(b, "#shadow").Shadow && !text(b, "#low").Shadow},
		{"normal text not flagged", !text(b, "#low").BackgroundImage && text(b, "#low").FontSizePx == 16},
		{"control contrast", control(b, "#q") != nil},
		{"focus without indicator", focusVisible(b, "#nofocus") == "false"},
		{"focus with outline", focusVisible(b, "#focused") == "true"},
		{"tab order", len(b.Focusables) > 3 && b.Focusables[0].Selector == "#focused"},
		{"small target", target(b, "#t1") != nil && target(b, "#t1").Width == 12 && !target(b, "#t1").Spaced},
		{"small but spaced target", target(b, "#tiny") != nil && target(b, "#tiny").Spaced},
		{"reflow overflow at 320px", b.Reflow.ViewportWidth == 320 && b.Reflow.Overflows && contains(b.Reflow.Offenders, "#wide")},
		{"zoom blocked", b.Reflow.ZoomBlocked},
		{"autoplay audio playing", media(b, "#aud") != nil && media(b, "#aud").Autoplay && media(b, "#aud").Playing},
		{"audio track heard", media(b, "#aud") != nil && media(b, "#aud").HasAudio != nil && *media(b, "#aud").HasAudio},
		{"autoplay muted video", media(b, "#vid") != nil && media(b, "#vid").Muted},
		{"image larger than shown", image(b, "#big") != nil && image(b, "#big").NaturalWidth == 400 && image(b, "#big").ShownWidth == 100},
		{"overlay", len(b.Overlays) == 1 && b.Overlays[0].Selector == "#overlay" && b.Overlays[0].Coverage > 0.9},
		{"min font size", b.MinFontSizePx == 8},
		{"rendered text", strings.Contains(b.RenderedText, "Light grey text")},
		{"console error", contains(b.ConsoleErrors, "fixture console error")},
		{"cookie from header", cookie(b, "session")},
		{"cookie from script", cookie(b, "seen")},
		{"user cookie left out", !cookie(b, "login")},
		{"timings", b.Timing.Load > 0 && b.Timing.DOMContentLoaded > 0},
		{"third-party request blocked but recorded", blockedThirdParty(b, "tracker.example")},
		{"other loopback origin blocked", request(b, site.other.URL+"/pixel.png") != nil && request(b, site.other.URL+"/pixel.png").Failed != "" && site.otherHits == 0},
		{"document request bytes", request(b, site.URL+"/") != nil && request(b, site.URL+"/").Bytes > 0},
		{"AX tree names", axNode(b, "#q") != nil && axNode(b, "#q").Name == "Search"},
		{"AX roles", axNode(b, "#focused") != nil && axNode(b, "#focused").Role == "link" && axNode(b, "#focused").Focusable},
		{"AX selectors match the page script's", axNode(b, "html > body > main:nth-of-type(1) > h1:nth-of-type(1)") != nil &&
			axNode(b, "html > body > main:nth-of-type(1) > h1:nth-of-type(1)").Role == "heading" &&
			text(b, "html > body > main:nth-of-type(1) > h1:nth-of-type(1)").Text == "Facts"},
		{"slow load measured", b.SlowLoadMs >= 300},
		{"header sent by the browser", site.browserHeader == "yes"},
		{"cookie sent by the browser", site.browserCookie == "token"},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("fact not gathered: %s", c.fact)
		}
	}
	if t.Failed() {
		t.Logf("facts: %+v", b)
	}

	file := filepath.Join(t.TempDir(), "snaps.json")
	if err := snapshot.Save(file, scan.Pages); err != nil {
		t.Fatal(err)
	}
	back, err := snapshot.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalizeTimes(back), normalizeTimes(scan.Pages)) {
		t.Error("snapshots differ after a JSON round trip")
	}
}

func normalizeTimes(s []snapshot.Snapshot) []snapshot.Snapshot {
	out := append([]snapshot.Snapshot(nil), s...)
	for i := range out {
		out[i].Fetched = out[i].Fetched.Round(0).UTC()
	}
	return out
}

func scroller(b *snapshot.BrowserFacts, sel string) *snapshot.Scroller {
	for i := range b.Scrollers {
		if b.Scrollers[i].Selector == sel {
			return &b.Scrollers[i]
		}
	}
	return nil
}

func text(b *snapshot.BrowserFacts, sel string) snapshot.TextStyle {
	for _, x := range b.Texts {
		if x.Selector == sel {
			return x
		}
	}
	return snapshot.TextStyle{}
}

func control(b *snapshot.BrowserFacts, sel string) *snapshot.ControlStyle {
	for i := range b.Controls {
		if b.Controls[i].Selector == sel {
			return &b.Controls[i]
		}
	}
	return nil
}

func focusVisible(b *snapshot.BrowserFacts, sel string) string {
	for _, f := range b.Focusables {
		if f.Selector == sel && f.FocusVisible != nil {
			if *f.FocusVisible {
				return "true"
			}
			return "false"
		}
	}
	return "untested"
}

func target(b *snapshot.BrowserFacts, sel string) *snapshot.Target {
	for i := range b.Targets {
		if b.Targets[i].Selector == sel {
			return &b.Targets[i]
		}
	}
	return nil
}

func media(b *snapshot.BrowserFacts, sel string) *snapshot.Media {
	for i := range b.Media {
		if b.Media[i].Selector == sel {
			return &b.Media[i]
		}
	}
	return nil
}

func image(b *snapshot.BrowserFacts, sel string) *snapshot.Image {
	for i := range b.Images {
		if b.Images[i].Selector == sel {
			return &b.Images[i]
		}
	}
	return nil
}

func cookie(b *snapshot.BrowserFacts, name string) bool {
	for _, c := range b.Cookies {
		if c.Name == name {
			return true
		}
	}
	return false
}

func request(b *snapshot.BrowserFacts, u string) *snapshot.Request {
	for i := range b.Requests {
		if b.Requests[i].URL == u {
			return &b.Requests[i]
		}
	}
	return nil
}

func blockedThirdParty(b *snapshot.BrowserFacts, host string) bool {
	for _, r := range b.Requests {
		if r.Host == host && r.ThirdParty && r.Failed != "" && r.Type == "Script" {
			return true
		}
	}
	return false
}

func axNode(b *snapshot.BrowserFacts, sel string) *snapshot.AXNode {
	for i := range b.AXTree {
		if b.AXTree[i].Selector == sel {
			return &b.AXTree[i]
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestFocusTestByGroup: elements that CSS styles alike are focused once per
// group, and the result holds for every member; a page with many links of a
// few kinds is not sampled.
func TestFocusTestByGroup(t *testing.T) {
	path := browserOrSkip(t)
	isolateTemp(t)
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><title>Links</title><style>.quiet:focus{outline:none}.loud:focus{outline:3px solid red}</style><main>`)
	for i := 0; i < 150; i++ {
		fmt.Fprintf(&b, `<a class="quiet" href="/q%d">q%d</a> <a class="loud" href="/l%d">l%d</a> `, i, i, i, i)
	}
	b.WriteString(`</main>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	scan := crawlT(t, Options{Start: []string{srv.URL + "/"}, NoCrawl: true, Browser: path, BlockOutside: true, FocusLimit: 5})
	f := scan.Pages[0].Browser
	if f == nil || len(f.Focusables) != 300 {
		t.Fatalf("focusables: %+v", f)
	}
	if f.FocusSampled {
		t.Error("two groups of links were sampled with a limit of 5 groups")
	}
	for i, fc := range f.Focusables {
		want := i%2 == 1 // loud links come second in each pair
		if fc.FocusVisible == nil || *fc.FocusVisible != want {
			t.Fatalf("focusable %d (%s): FocusVisible = %v, want %v", i, fc.Selector, fc.FocusVisible, want)
		}
	}
}
