package checks

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAccessibleWanted checks the .want files of the accessible checks
// line by line, "#id" selectors included (the shared fixture test reads
// lines starting with "#" as comments); only "# " starts a comment here.
func TestAccessibleWanted(t *testing.T) {
	for _, c := range accessibleChecks() {
		entries, _ := os.ReadDir(filepath.Join("testdata", c.ID))
		for _, e := range entries {
			if filepath.Ext(e.Name()) != ".want" {
				continue
			}
			base := filepath.Join("testdata", c.ID, strings.TrimSuffix(e.Name(), ".want"))
			path := base + ".html"
			if _, err := os.Stat(path); err != nil {
				path = base + ".json"
			}
			b, err := os.ReadFile(base + ".want")
			require.NoError(t, err)
			got := map[string]bool{}
			for _, o := range Run(context.Background(), &c, loadFixture(t, path), nil) {
				for _, ev := range o.Evidence {
					got[ev.Selector] = true
				}
			}
			for _, line := range strings.Split(string(b), "\n") {
				if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "# ") {
					assert.True(t, got[line], "%s: evidence lacks %q; got %v", path, line, got)
				}
			}
		}
	}
}

func TestAXSelectorMatchesSelector(t *testing.T) {
	src := `<html><head><title>t</title></head><body><div id="a"><p>1</p><p id="dup">2</p><p id="dup">3</p></div>
	<ul><li>x</li><li><a href="/">y</a></li></ul><section id="9bad"><span>z</span></section></body></html>`
	p := NewPage(&snapshot.Snapshot{HTML: src, DOM: src}, true)
	d := newAXDoc(p)
	for _, n := range d.Elems {
		want := Selector(goquery.NewDocumentFromNode(n).Selection)
		assert.Equal(t, want, d.Sel(n))
		assert.Same(t, n, d.Resolve(want), "resolve %s", want)
	}
	assert.Nil(t, d.Resolve("div > p"))
	assert.Nil(t, d.Resolve("html > body > p:nth-of-type(x)"))
}

func TestAXValidLang(t *testing.T) {
	for _, c := range []struct {
		tag  string
		want bool
	}{
		{"nl", true}, {"nl-BE", true}, {"fr-CH", true}, {"EN", true}, {"en-US-GB", true}, {"gsw", true},
		{"de-CH-1901", true}, {"", false}, {" ", false}, {"dutch", false}, {"eng", false}, {"i-lux", false},
		{"#!", false}, {"nl_BE", false}, {"xx", false}, {"en-", false}, {"en-toolongsubtag", false},
	} {
		assert.Equal(t, c.want, axValidLang(c.tag), c.tag)
	}
}

func TestAXRefresh(t *testing.T) {
	for _, c := range []struct {
		content string
		delay   int
		valid   bool
	}{
		{"30", 30, true}, {"0; URL='https://x'", 0, true}, {"5; https://x", 5, true}, {" 72001; x", 72001, true},
		{"0: https://x", 0, false}, {"+5; x", 0, false}, {"-00.12 foo", 0, false}, {"; 30", 0, false},
		{"", 0, false}, {"foo; URL=x", 0, false}, {"1.5; x", 1, true}, {".5", 0, true},
	} {
		d, ok := axRefresh(c.content)
		assert.Equal(t, c.valid, ok, c.content)
		if ok {
			assert.Equal(t, c.delay, d, c.content)
		}
	}
}

func TestAXLabelInName(t *testing.T) {
	for _, c := range []struct {
		label, name string
		want        bool
	}{
		{"ACT rules", "ACT rules", true},
		{"ACT rules", " act Rules ", true},
		{"Next Page", "Next Page in the list", true},
		{"Search by date (YYYY-MM-DD)", "Search by date", true},
		{"Next…", "Next", true},
		{">>> ** Submit ** <<<", "💡 Submit 💡", true},
		{"University Ave.", "University Avenue", true},
		{"nonstandard", "non-standard", true},
		{"ACT rules", "WCAG", false},
		{"Discover It", "Discover Italy", false},
		{"justice", "just ice", false},
		{"W C A G", "WCAG", false},
		{"Download specification", "Download the specification", false},
		{"you how are", "how are you", false},
		{"123.555.0123", "1 2 3. 5 5 5. 0 1 2 3", false},
	} {
		assert.Equal(t, c.want, axLabelInName(c.label, c.name), "%q in %q", c.label, c.name)
	}
}

func TestAXStaticName(t *testing.T) {
	src := `<html><body>
	<label for="f1">Voornaam</label><input id="f1">
	<label>Familienaam <input id="f2"></label>
	<input id="f3" placeholder="Zoeken">
	<input id="f4" title="Titel" placeholder="Plaats">
	<span id="l1">Hallo</span><span id="l2" hidden>wereld</span><button id="b1" aria-labelledby="l1 l2">x</button>
	<button id="b2"><img src="a.png" alt="Sluiten"></button>
	<button id="b3"><span aria-hidden="true">×</span></button>
	<a id="a1" href="/"><span style="display:none">Verborgen</span>Zichtbaar</a>
	<input id="s1" type="submit"><input id="s2" type="reset" value="Wis">
	<svg id="g1" role="img"><title>Grafiek</title></svg>
	<h1 id="h1">Kop<br>regel</h1>
	<select id="sel"><option>Een</option></select>
	</body></html>`
	p := NewPage(&snapshot.Snapshot{HTML: src, DOM: src}, true)
	d := newAXDoc(p)
	for id, want := range map[string]string{
		"f1": "Voornaam", "f2": "Familienaam", "f3": "Zoeken", "f4": "Titel", "b1": "Hallo wereld",
		"b2": "Sluiten", "b3": "", "a1": "Zichtbaar", "s1": "Submit", "s2": "Wis", "g1": "Grafiek",
		"h1": "Kop regel", "sel": "",
	} {
		n := d.ByID(id)
		require.NotNil(t, n, id)
		assert.Equal(t, want, d.StaticName(n), id)
	}
}

func TestAXRoles(t *testing.T) {
	src := `<html><body><header id="hb">x</header><article><header id="hg">y</header></article>
	<img id="i1" src="a" alt=""><img id="i2" src="a" role="presentation" tabindex="0"><img id="i3" src="a" role="none" aria-label="x">
	<div id="d1" role="foo button">x</div><input id="n1" type="number"><input id="e1" type="email" list="l">
	<select id="s1" size="4"></select><a id="a1">x</a><th id="t1" scope="row">x</th></body></html>`
	p := NewPage(&snapshot.Snapshot{HTML: src, DOM: src}, true)
	d := newAXDoc(p)
	for id, want := range map[string]string{
		"hb": "banner", "hg": "generic", "i1": "presentation", "i2": "img", "i3": "img", "d1": "button",
		"n1": "spinbutton", "e1": "combobox", "s1": "listbox", "a1": "generic",
	} {
		assert.Equal(t, want, d.Role(d.ByID(id)), id)
	}
}

// BenchmarkAccessibleChecks runs every accessible check on a fresh page of
// about 5,000 elements, parsing not counted; together they stay well under
// 50 ms on an idle machine: go test ./checks -run '^$' -bench Accessible.
func BenchmarkAccessibleChecks(b *testing.B) {
	snap := bigAccessibleSnapshot()
	if n := NewPage(snap, true).Doc().Find("*").Length(); n < 5000 {
		b.Fatalf("the page has %d elements, want 5000 or more", n)
	}
	list := accessibleChecks()
	for b.Loop() {
		b.StopTimer()
		page := NewPage(snap, true)
		page.Doc() // parsing is shared by all checks, not counted
		b.StartTimer()
		for i := range list {
			Run(context.Background(), &list[i], []*Page{page}, nil)
		}
	}
}

// bigAccessibleSnapshot is a page of about 5,000 elements.
func bigAccessibleSnapshot() *snapshot.Snapshot {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="nl"><head><title>Groot</title></head><body><nav><ul>`)
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&b, `<li><a href="/p%d" id="n%d">Pagina %d</a></li>`, i, i, i)
	}
	b.WriteString(`</ul></nav><main><h1>Groot</h1>`)
	for i := 0; i < 520; i++ {
		fmt.Fprintf(&b, `<section><h2>Deel %d</h2><p lang="fr">Tekst <a href="#n%d">link</a> <img src="i%d.png" alt="Foto %d"></p>`+
			`<label for="f%d">Veld</label><input id="f%d" aria-describedby="n%d"><div role="button" tabindex="0" aria-pressed="false">Knop</div></section>`,
			i, i, i, i, i, i, i)
	}
	b.WriteString(`<table><tr><th>A</th><th>B</th></tr>`)
	for i := 0; i < 100; i++ {
		b.WriteString(`<tr><td>1</td><td>2</td></tr>`)
	}
	b.WriteString(`</table></main></body></html>`)
	src := b.String()
	return &snapshot.Snapshot{URL: "https://example.be/", Status: 200, HTML: src, DOM: src, ContentType: "text/html"}
}

// TestAccessibleOddInput runs every accessible check on odd pages and
// browser facts that point nowhere: none may panic.
func TestAccessibleOddInput(t *testing.T) {
	deep := strings.Repeat("<div>", 3000) + "x" + strings.Repeat("</div>", 3000)
	pages := []string{
		"", "just text", "<", "<html", "<svg><title></title></svg>", deep,
		`<table><tr><td headers="a b c" id="a">1</td></tr></table><ul><li role="menuitem" aria-owns="x"><div id="x" aria-owns="y"><p id="y" aria-owns="x"></p></div></li></ul>`,
		`<meta http-equiv="refresh" content="99999999999999999999"><meta name="viewport" content="maximum-scale=,user-scalable">`,
		`<div role="list" aria-owns="a"><div id="a" role="list" aria-owns="b"><div id="b" role="listitem" aria-labelledby="b">x</div></div></div>`,
		`<video autoplay src="x#t=abc"></video><p style="letter-spacing:!important;line-height: 1e400 !important">t</p>`,
	}
	browser := &snapshot.BrowserFacts{
		AXTree:     []snapshot.AXNode{{Selector: "html > body > zz:nth-of-type(9)", Role: "button"}, {Selector: "#nope"}},
		Texts:      []snapshot.TextStyle{{Selector: "#missing", Text: "x", Ratio: 1.5}, {Selector: ">>>"}},
		Controls:   []snapshot.ControlStyle{{Selector: "html > body > input:nth-of-type(x)"}},
		Focusables: []snapshot.Focusable{{Selector: ""}},
		Targets:    []snapshot.Target{{Selector: "#a", Width: 1, Height: 1}},
		Reflow:     snapshot.Reflow{ViewportWidth: 320, ScrollWidth: 900, Overflows: true, Offenders: []string{"", "#x"}},
		Media:      []snapshot.Media{{Selector: "html > body > video:nth-of-type(1)", Playing: true}},
	}
	list := accessibleChecks()
	for _, src := range pages {
		for _, b := range []*snapshot.BrowserFacts{nil, browser} {
			snap := &snapshot.Snapshot{URL: "https://example.be/", Status: 200, HTML: src, DOM: src, ContentType: "text/html", Browser: b}
			for i := range list {
				assert.NotPanics(t, func() { Run(context.Background(), &list[i], []*Page{NewPage(snap, true)}, nil) }, "%s on %.40q", list[i].ID, src)
			}
		}
	}
}

func TestContrastVerdict(t *testing.T) {
	c := func(r, g, b uint8) snapshot.Colour { return snapshot.Colour{R: r, G: g, B: b, A: 1} }
	white, grey, light := c(255, 255, 255), c(102, 102, 102), c(170, 170, 170)
	tests := []struct {
		name   string
		text   snapshot.TextStyle
		inline bool
		want   string
	}{
		{"enough", snapshot.TextStyle{Foreground: grey, Background: white, Ratio: 5.74}, false, ""},
		{"too little", snapshot.TextStyle{Foreground: light, Background: white, Ratio: 2.32}, false, "fail"},
		{"image", snapshot.TextStyle{Foreground: grey, Background: white, Ratio: 5.74, BackgroundImage: true}, false, "review"},
		{"shadow may help", snapshot.TextStyle{Foreground: light, Background: white, Ratio: 2.32, Shadow: true}, false, "review"},
		{"inline shadow may help", snapshot.TextStyle{Foreground: light, Background: white, Ratio: 2.32}, true, "review"},
		{"gradient too low everywhere", snapshot.TextStyle{Foreground: light, Background: white, Ratio: 3.7, RatioMin: 2.32}, false, "gradient"},
		{"gradient low somewhere", snapshot.TextStyle{Foreground: grey, Background: white, Ratio: 5.74, RatioMin: 2}, false, "review"},
		{"gradient enough everywhere", snapshot.TextStyle{Foreground: grey, Background: white, Ratio: 5.74, RatioMin: 4.6}, false, ""},
		{"halo too close", snapshot.TextStyle{Foreground: grey, Background: white, Ratio: 5.74, Shadow: true, Halo: &light}, false, "shadow"},
		{"halo helps", snapshot.TextStyle{Foreground: c(0, 0, 0), Background: c(115, 115, 115), Ratio: 4.3, Shadow: true, Halo: &white}, false, ""},
		{"halo stands out", snapshot.TextStyle{Foreground: white, Background: c(0, 0, 34), Ratio: 19.6, Shadow: true, Halo: &white}, false, "review"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, axContrastVerdict(tt.text, 4.5, tt.inline))
		})
	}
}

func TestContrastRatio(t *testing.T) {
	c := func(r, g, b uint8) snapshot.Colour { return snapshot.Colour{R: r, G: g, B: b, A: 1} }
	assert.Equal(t, 21.0, axContrast(c(0, 0, 0), c(255, 255, 255)))
	assert.Equal(t, 2.32, axContrast(c(170, 170, 170), c(255, 255, 255)))
	assert.Equal(t, 5.74, axContrast(c(102, 102, 102), c(255, 255, 255)))
	half := snapshot.Colour{R: 0, G: 0, B: 0, A: 0.5}
	assert.Equal(t, c(128, 128, 128), axOver(half, c(255, 255, 255)))
}
