package checks

import (
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
)

// actPage wraps an HTML body in a page without browser facts.
func actPage(body string) *Page {
	src := "<!doctype html><html lang=\"nl\"><head><title>T</title></head><body>" + body + "</body></html>"
	return NewPage(&snapshot.Snapshot{URL: "https://example.be/", Status: 200, HTML: src, DOM: src, ContentType: "text/html"}, true)
}

func TestAutocompleteValid(t *testing.T) {
	cases := []struct {
		name, body string
		want       Outcome
	}{
		{"field name", `<input autocomplete="email">`, Pass},
		{"upper case", `<input autocomplete="Postal-Code">`, Pass},
		{"all modifiers", `<input autocomplete="section-a shipping mobile tel webauthn">`, Pass},
		{"textarea", `<textarea autocomplete="street-address"></textarea>`, Pass},
		{"select", `<select autocomplete="bday-month"><option>1</option></select>`, Pass},
		{"unknown", `<input autocomplete="voornaam">`, Fail},
		{"contact kind on other field", `<input autocomplete="work name">`, Fail},
		{"wrong order", `<input autocomplete="home shipping tel">`, Fail},
		{"modifier only", `<input autocomplete="billing">`, Fail},
		{"webauthn first", `<input autocomplete="webauthn username">`, Fail},
		{"comma", `<input autocomplete="given-name,family-name">`, Fail},
		{"on", `<input autocomplete="on">`, Inapplicable},
		{"off", `<input autocomplete=" OFF ">`, Inapplicable},
		{"empty", `<input autocomplete="">`, Inapplicable},
		{"no attribute", `<input>`, Inapplicable},
		{"hidden input", `<input type="hidden" autocomplete="x">`, Inapplicable},
		{"button", `<input type="button" autocomplete="x">`, Inapplicable},
		{"display none", `<div style="display:none"><input autocomplete="x"></div>`, Inapplicable},
		{"disabled", `<input disabled autocomplete="x">`, Inapplicable},
		{"aria-disabled", `<input aria-disabled="true" autocomplete="x">`, Inapplicable},
		{"not a field", `<form autocomplete="x"></form>`, Inapplicable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := autocompleteValid(actPage(tc.body), nil)
			assert.Equal(t, tc.want, r.Outcome)
			if tc.want == Fail {
				assert.Len(t, r.Evidence, 1)
			}
		})
	}
}

func TestMetaRefreshNoDelay(t *testing.T) {
	cases := []struct {
		name, head string
		want       Outcome
	}{
		{"immediate", `<meta http-equiv="refresh" content="0; url=/nieuw">`, Pass},
		{"short", `<meta http-equiv="refresh" content="5">`, Fail},
		{"over 20 hours", `<meta http-equiv="refresh" content="72001; url=/nieuw">`, Fail},
		{"huge", `<meta http-equiv="refresh" content="99999999999999999999">`, Fail},
		{"invalid", `<meta http-equiv="refresh" content="soon">`, Inapplicable},
		{"none", `<meta charset="utf-8">`, Inapplicable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "<!doctype html><html><head>" + tc.head + "<title>T</title></head><body></body></html>"
			p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", Status: 200, HTML: src, DOM: src}, true)
			assert.Equal(t, tc.want, metaRefreshNoDelay(p, nil).Outcome)
		})
	}
}

func TestContrastEnhancedLimits(t *testing.T) {
	text := func(ratio, size float64, weight int) snapshot.TextStyle {
		return snapshot.TextStyle{Selector: "html > body > p:nth-of-type(1)", Text: "Tekst", FontSizePx: size, FontWeight: weight, Ratio: ratio,
			Foreground: snapshot.Colour{A: 1}, Background: snapshot.Colour{R: 255, G: 255, B: 255, A: 1}}
	}
	cases := []struct {
		name string
		t    snapshot.TextStyle
		aa   Outcome
		aaa  Outcome
	}{
		{"normal 7:1", text(7, 16, 400), Pass, Pass},
		{"normal 5:1", text(5, 16, 400), Pass, Fail},
		{"normal 4:1", text(4, 16, 400), Fail, Fail},
		{"large 4.5:1", text(4.5, 24, 400), Pass, Pass},
		{"large bold 4:1", text(4, 19, 700), Pass, Fail},
		{"small bold 4:1", text(4, 18, 700), Fail, Fail},
	}
	aa := Params{"min_ratio": 4.5, "min_ratio_large": 3}
	aaa := Params{"min_ratio": 7, "min_ratio_large": 4.5}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := actPage("<p>Tekst</p>")
			p.Snap.Browser = &snapshot.BrowserFacts{Texts: []snapshot.TextStyle{tc.t}}
			assert.Equal(t, tc.aa, colorContrast(p, aa).Outcome, "AA")
			assert.Equal(t, tc.aaa, colorContrast(p, aaa).Outcome, "AAA")
		})
	}
}

func TestAXHasWord(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Welkom", true},
		{"5", true},
		{"© 2026", true},
		{"Prijs: € 5,00", true},
		{"----====++++", false},
		{"----=====++++___***%%%Â±Â±Â±Â±@@@@", false},
		{"   ", false},
		{"", false},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, axHasWord(tc.text), tc.text)
	}
}

func TestTableHeaderCells(t *testing.T) {
	cases := []struct {
		name, body string
		want       Outcome
	}{
		{"column headers", `<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>`, Pass},
		{"corner header over row headers", `<table><tr><th>Dag</th><th>Uur</th></tr><tr><th>Ma</th><td>9</td></tr></table>`, Pass},
		{"rowspan covers the column", `<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td rowspan="2">2</td></tr><tr><td>3</td></tr></table>`, Pass},
		{"rowspan zero", `<table><tbody><tr><th>A</th><th>B</th></tr><tr><td rowspan="0">1</td><td>2</td></tr></tbody></table>`, Pass},
		{"scope row", `<table><tr><th scope="row">Naam</th><td>An</td></tr></table>`, Pass},
		{"empty column", `<table><tr><th>A</th><th>B</th></tr><tr><td>1</td></tr></table>`, Fail},
		{"header only", `<table><tr><th>A</th></tr></table>`, Fail},
		{"headers attribute skips it", `<table><tr><th id="a">A</th><th id="b">B</th></tr><tr><td>1</td><td headers="a">2</td></tr></table>`, Fail},
		{"aria row header alone", `<div role="table"><div role="row"><span role="rowheader">R</span></div></div>`, Fail},
		{"aria column header", `<div role="table"><div role="row"><span role="columnheader">K</span></div><div role="row"><span role="cell">1</span></div></div>`, Pass},
		{"colgroup scope left to a human", `<table><tr><th scope="colgroup">A</th></tr></table>`, Inapplicable},
		{"no headers", `<table><tr><td>1</td></tr></table>`, Inapplicable},
		{"nested table judged apart", `<table><tr><th>A</th></tr><tr><td><table><tr><td>x</td></tr></table></td></tr></table>`, Pass},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tableHeaderCells(actPage(tc.body), nil).Outcome)
		})
	}
}

func TestFrameTabOrder(t *testing.T) {
	cases := []struct {
		name, body string
		want       Outcome
	}{
		{"in tab order", `<iframe title="f" srcdoc="<a href='/'>x</a>"></iframe>`, Pass},
		{"negative tabindex with link", `<iframe title="f" tabindex="-1" srcdoc="<a href='/'>x</a>"></iframe>`, Fail},
		{"negative tabindex with field", `<iframe title="f" tabindex="-1" srcdoc="<form><input></form>"></iframe>`, Fail},
		{"link hidden in frame", `<iframe title="f" tabindex="-1" srcdoc="<a href='/' hidden>x</a>"></iframe>`, Inapplicable},
		{"disabled button", `<iframe title="f" tabindex="-1" srcdoc="<button disabled>x</button>"></iframe>`, Inapplicable},
		{"aria-hidden frame", `<div aria-hidden="true"><iframe title="f" tabindex="-1" srcdoc="<a href='/'>x</a>"></iframe></div>`, Inapplicable},
		{"src only", `<iframe title="f" tabindex="-1" src="/x"></iframe>`, Inapplicable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, frameTabOrder(actPage(tc.body), nil).Outcome)
		})
	}
}

func TestAXRotation(t *testing.T) {
	cases := []struct {
		decls map[string]string
		want  float64
		ok    bool
	}{
		{map[string]string{"transform": "rotate(90deg)"}, 90, true},
		{map[string]string{"transform": "rotate(1.5708rad)"}, 90.0002, true},
		{map[string]string{"transform": "rotateZ(0.25turn) translateX(10px)"}, 90, true},
		{map[string]string{"transform": "rotate3d(0, 0, -1, 100grad)"}, -90, true},
		{map[string]string{"transform": "matrix3d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)"}, -90, true},
		{map[string]string{"rotate": "z 270deg"}, 270, true},
		{map[string]string{"transform": "translateX(100px)"}, 0, false},
		{map[string]string{"transform": "rotateZ(0, 0, 1, 270deg)"}, 0, false},
		{map[string]string{"color": "red"}, 0, false},
	}
	for _, tc := range cases {
		got, ok := axRotation(tc.decls)
		assert.Equal(t, tc.ok, ok, "%v", tc.decls)
		assert.InDelta(t, tc.want, got, 0.01, "%v", tc.decls)
	}
}

func TestAXParseCSS(t *testing.T) {
	css := `/* x { } */ @import url(a.css); html { rotate: 0deg }
@media screen and (orientation: portrait) { @supports (rotate: 0) { body, :root { transform: rotate(90deg) } } }
@font-face { font-family: x; } p { color: red; }`
	rules := axParseCSS(css)
	if assert.Len(t, rules, 3) {
		assert.Equal(t, []string{"html"}, rules[0].selectors)
		assert.Equal(t, "", rules[0].orientation)
		assert.Equal(t, []string{"body", ":root"}, rules[1].selectors)
		assert.Equal(t, "portrait", rules[1].orientation)
		assert.Equal(t, "rotate(90deg)", rules[1].decls["transform"])
		assert.Equal(t, "red", rules[2].decls["color"])
	}
	assert.NotPanics(t, func() { axParseCSS("a { b: c; } } @media (orientation: landscape) { body {") })
}

func TestTableHeaderCellsBlankCorner(t *testing.T) {
	// A blank corner cell in the header row does not stop the headers
	// beside it from heading their columns (wet-boew's chart tables).
	body := `<table><tr><td></td><th>Les</th><th>Taak</th></tr><tr><th>Algemeen</th><td>2</td><td>0</td></tr></table>`
	assert.Equal(t, Pass, tableHeaderCells(actPage(body), nil).Outcome)
}
