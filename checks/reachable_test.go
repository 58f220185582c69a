package checks

import (
	"testing"
	"time"

	"github.com/didi-index/didi/checks/internal/text"
	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRchAppOnlyPhrases(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Een parkeerkaart vraagt u vanaf 1 januari alleen nog aan via onze app.", true},
		{"Deze dienst is enkel beschikbaar in de app.", true},
		{"Betalen kan uitsluitend met onze mobiele app.", true},
		{"Download de app om je afspraak te maken.", true},
		{"Ce service est disponible uniquement dans l’application Ma Commune.", true},
		{"Vous ne pouvez réserver que via l'appli.", true},
		{"Téléchargez l'application pour prendre rendez-vous.", true},
		{"Den Parkausweis beantragen Sie ausschließlich in unserer App.", true},
		{"Tickets gibt es nur noch in der App.", true},
		{"Laden Sie die App herunter, um einen Termin zu buchen.", true},
		{"Tickets are only available in our app.", true},
		{"Download our app to book a slot.", true},
		{"This offer is app-only.", true},
		// Suggestions, alternatives and unrelated texts.
		{"Vraag uw parkeerkaart aan online, aan het loket of via de app.", false},
		{"Niet alleen via de app: ook aan het loket.", false},
		{"Download onze app om nog sneller te betalen.", false},
		{"Pas seulement dans l'application : aussi au guichet.", false},
		{"Téléchargez notre application pour aller plus vite.", false},
		{"Nicht nur in der App, auch am Schalter.", false},
		{"Not only in the app, but also on the web.", false},
		{"Use our app to order faster.", false},
		{"Alleen inwoners kunnen een parkeerkaart aanvragen. Er is ook een app.", false},
		{"Uniquement sur rendez-vous. Notre application est gratuite.", false},
		{"Het recyclagepark is alleen open op zaterdag.", false},
		{"Tickets zijn alleen geldig met de app of op papier.", false},
		{"Réservation uniquement via l'application ou par téléphone.", false},
		{"Nur in der App oder am Schalter.", false},
		{"Only in our app or at the desk.", false},
		{"Download de app om je afspraak te maken of bel ons op 050 12 34 56.", false},
		{"Betalen kan alleen via de app. Vragen? Bel ons.", true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, rchAppOnlyMatcher{}.MatchString(text.Fold(tc.text)), tc.text)
	}
}

func TestRchViewport(t *testing.T) {
	tests := []struct {
		meta string
		want Outcome
	}{
		{`<meta name="viewport" content="width=device-width, initial-scale=1">`, Pass},
		{`<meta name="viewport" content="width=device-width">`, Pass},
		{`<meta name="viewport" content="initial-scale=1.0">`, Pass},
		{`<meta name="viewport" content="width = device-width ; initial-scale = 1">`, Pass},
		{`<meta name="viewport" content="width=1024">`, Fail},
		{`<meta name="viewport" content="initial-scale=0.5">`, Fail},
		{`<meta name="viewport" content="">`, Fail},
		{``, Fail},
	}
	for _, tc := range tests {
		h := `<!doctype html><html><head>` + tc.meta + `</head><body><p>x</p></body></html>`
		p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: h, DOM: h}, true)
		assert.Equal(t, tc.want, rchViewport(p, nil).Outcome, tc.meta)
	}
}

func TestRchSlowLoad(t *testing.T) {
	h := `<html><body><p>x</p></body></html>`
	snap := func(ms float64) *snapshot.Snapshot {
		return &snapshot.Snapshot{URL: "https://example.be/", HTML: h, DOM: h, Browser: &snapshot.BrowserFacts{SlowLoadMs: ms}}
	}
	tests := []struct {
		name  string
		start bool
		ms    float64
		want  Outcome
	}{
		{"fast start page", true, 9000, Pass},
		{"slow start page", true, 10500, Fail},
		{"not measured", true, 0, NotEvaluated},
		{"other page", false, 30000, Inapplicable},
	}
	for _, tc := range tests {
		r := rchSlowLoad(NewPage(snap(tc.ms), tc.start), Params{"max_seconds": 10})
		assert.Equal(t, tc.want, r.Outcome, tc.name)
	}
}

func TestRchContentWithoutJS(t *testing.T) {
	text := "Het recyclagepark is open van dinsdag tot zaterdag van negen tot vijf uur en u brengt uw identiteitskaart mee"
	tests := []struct {
		name, served, rendered string
		want                   Outcome
	}{
		{"all served", "<p>" + text + "</p>", text, Pass},
		{"empty shell", `<div id="app"></div><script>var t = "` + text + `";</script>`, text, Fail},
		{"noscript only", `<noscript>` + text + `</noscript>`, text, Fail},
		{"a third served", "<p>" + text[:35] + "</p>", text, Fail},
		{"too short", "", "Welkom", Inapplicable},
	}
	for _, tc := range tests {
		h := `<html><body>` + tc.served + `</body></html>`
		p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: h, DOM: h,
			Browser: &snapshot.BrowserFacts{RenderedText: tc.rendered}}, true)
		r := rchContentWithoutJS(p, Params{"min_share": 0.5, "min_words": 15})
		assert.Equal(t, tc.want, r.Outcome, tc.name)
	}
}

func TestRchImageOversized(t *testing.T) {
	tests := []struct {
		name string
		img  snapshot.Image
		want Outcome
	}{
		{"4k photo as thumbnail", snapshot.Image{Selector: "img", Src: "/a.jpg", NaturalWidth: 4000, NaturalHeight: 3000, ShownWidth: 320, ShownHeight: 240}, Fail},
		{"retina sized", snapshot.Image{Selector: "img", Src: "/a.jpg", NaturalWidth: 1280, NaturalHeight: 960, ShownWidth: 640, ShownHeight: 480}, Pass},
		{"just under factor", snapshot.Image{Selector: "img", Src: "/a.jpg", NaturalWidth: 1280, NaturalHeight: 960, ShownWidth: 320, ShownHeight: 240}, Pass},
		{"small icon", snapshot.Image{Selector: "img", Src: "/i.png", NaturalWidth: 256, NaturalHeight: 256, ShownWidth: 16, ShownHeight: 16}, Pass},
		{"svg", snapshot.Image{Selector: "img", Src: "/logo.SVG?v=2", NaturalWidth: 3000, NaturalHeight: 3000, ShownWidth: 30, ShownHeight: 30}, Inapplicable},
		{"hidden", snapshot.Image{Selector: "img", Src: "/a.jpg", NaturalWidth: 4000, NaturalHeight: 3000}, Inapplicable},
	}
	h := `<html><body><img src="/a.jpg" alt=""></body></html>`
	for _, tc := range tests {
		p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: h, DOM: h,
			Browser: &snapshot.BrowserFacts{Images: []snapshot.Image{tc.img}}}, true)
		r := rchImageOversized(p, Params{})
		assert.Equal(t, tc.want, r.Outcome, tc.name)
	}
}

func TestRchPageWeightEvidence(t *testing.T) {
	h := `<html><body><p>x</p></body></html>`
	reqs := []snapshot.Request{
		{URL: "https://example.be/", Bytes: 20_000},
		{URL: "https://example.be/hero.mp4", Bytes: 1_400_000},
		{URL: "https://example.be/app.js", Bytes: 300_000},
	}
	p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: h, DOM: h, Browser: &snapshot.BrowserFacts{Requests: reqs}}, true)
	r := rchPageWeight(p, Params{"max_kb": 1500})
	require.Equal(t, Fail, r.Outcome)
	assert.Equal(t, "1720", r.Evidence[0].Params["kb"])
	assert.Equal(t, "https://example.be/hero.mp4", r.Evidence[1].Params["url"])
	assert.Len(t, r.Evidence, 4)
	assert.Equal(t, Pass, rchPageWeight(p, Params{"max_kb": 2000}).Outcome)
}

func TestSlowProfile(t *testing.T) {
	c := Default().Get("slow-load")
	d := c.Throttle(c.WithDefaults(nil))
	assert.Equal(t, 150*time.Millisecond, d.Latency)
	assert.InDelta(t, 200000, d.Down, 0.1)
	assert.InDelta(t, 93750, d.Up, 0.1)
	m := c.Throttle(c.WithDefaults(Params{"latency_ms": 400, "down_kbps": 400.0}))
	assert.Equal(t, 400*time.Millisecond, m.Latency)
	assert.InDelta(t, 50000, m.Down, 0.1)
}

func TestRchHorizontalScrollSkipsOffscreenText(t *testing.T) {
	h := `<html><body><a class="skip-link sr-only" href="#main">Skip</a><main id="main"><div id="wide">x</div></main></body></html>`
	p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: h, DOM: h, Browser: &snapshot.BrowserFacts{
		Reflow: snapshot.Reflow{ViewportWidth: 320, ScrollWidth: 700, Overflows: true, Offenders: []string{"html > body > a:nth-of-type(1)", "#wide"}}}}, true)
	r := rchHorizontalScroll(p, nil)
	require.Equal(t, Fail, r.Outcome)
	require.Len(t, r.Evidence, 1)
	assert.Equal(t, "#wide", r.Evidence[0].Selector)
}

func TestRchNamesApp(t *testing.T) {
	for s, want := range map[string]bool{
		"alleen in de app": true, "l'application mobile": true, "notre appli.": true, "app-only": true, "app": true,
		"apply now": false, "the approach": false, "whatsapp": false, "happy": false, "": false, "appé": true,
	} {
		if got := rchNamesApp(s); got != want {
			t.Errorf("rchNamesApp(%q) = %v, want %v", s, got, want)
		}
	}
}
