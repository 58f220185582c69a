package checks

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runFixture runs check id on a fixture of its testdata folder.
func runFixture(t *testing.T, id, name string, params Params) PageOutcome {
	t.Helper()
	c := Default().Get(id)
	require.NotNil(t, c, id)
	pages := loadFixture(t, filepath.Join("testdata", id, name))
	got := Run(context.Background(), c, pages, params)
	require.NotEmpty(t, got)
	return got[0]
}

// TestUnderstandableEvidence checks that failures point at the right
// elements and carry the right message parameters.
func TestUnderstandableEvidence(t *testing.T) {
	tests := []struct {
		id, fixture string
		selectors   []string
		params      map[string]string
	}{
		{"readability", "fail-nl.html", []string{"#content"}, map[string]string{"formula": "Flesch-Douma", "lang": "nl"}},
		{"readability", "fail-en.html", []string{"html > body > main:nth-of-type(1)"}, map[string]string{"formula": "Flesch", "lang": "en"}},
		{"lang-match", "fail-french-text.html", []string{"html"}, map[string]string{"declared": "nl", "detected": "fr"}},
		{"lang-parts", "fail.html", []string{"#fr"}, map[string]string{"declared": "nl", "detected": "fr"}},
		{"link-text", "fail.html", []string{"#premie-meer", "html > body > main:nth-of-type(1) > div:nth-of-type(1) > div:nth-of-type(2) > a:nth-of-type(1)",
			"#hier", "#savoir", "#more"}, map[string]string{"text": "Lees meer »"}},
		{"link-text", "fail-ax.json", []string{"html > body > main:nth-of-type(1) > p:nth-of-type(1) > a:nth-of-type(1)"}, map[string]string{"text": "More"}},
		{"link-purpose-same-text", "fail.html", []string{"#a1", "#a2", "#a3"},
			map[string]string{"count": "3", "text": "Lire la suite", "targets": "/actualites/travaux, /actualites/piscine, /actualites/marche"}},
		{"language-versions", "fail", []string{"html"}, map[string]string{"languages": "nl", "min": "2"}},
		{"required-explained", "fail-asterisk.html", []string{"#kind", "#geboorte"}, map[string]string{"label": "Naam van het kind *"}},
		{"required-explained", "fail-style.html", []string{"#edit-name", "#edit-mail"}, map[string]string{"label": "Votre nom"}},
		{"required-explained", "fail-asterisk-all-required.html", []string{"#user", "#pw"}, map[string]string{"label": "Identifiant *"}},
	}
	for _, tt := range tests {
		t.Run(tt.id+"/"+tt.fixture, func(t *testing.T) {
			o := runFixture(t, tt.id, tt.fixture, nil)
			require.Equal(t, Fail, o.Outcome)
			var sels []string
			for _, e := range o.Evidence {
				sels = append(sels, e.Selector)
				t.Logf("%s %s %v", e.Selector, e.Message, e.Params)
			}
			assert.ElementsMatch(t, tt.selectors, sels)
			for k, v := range tt.params {
				assert.Equal(t, v, o.Evidence[0].Params[k], k)
			}
		})
	}
}

func TestNormLinkText(t *testing.T) {
	tests := map[string]string{
		"Lees meer »":              "lees meer",
		"  Klik   HIER. ":          "klik hier",
		"Read more…":               "read more",
		"→ En savoir +":            "en savoir",
		"Plus d’infos":             "plus d'infos",
		"[link]":                   "link",
		"Weiterlesen ›":            "weiterlesen",
		"Lees meer over de premie": "lees meer over de premie",
	}
	for in, want := range tests {
		assert.Equal(t, want, normLinkText(in), in)
	}
}

func TestNormTarget(t *testing.T) {
	base, _ := url.Parse("https://Example.be/nieuws/")
	tests := map[string]string{
		"/contact/":                      "https://example.be/contact",
		"../contact#form":                "https://example.be/contact",
		"https://EXAMPLE.be:443/contact": "https://example.be/contact",
		"/a?utm_source=x&id=3":           "https://example.be/a?id=3",
		"/index.html":                    "https://example.be",
		"artikel":                        "https://example.be/nieuws/artikel",
		"#top":                           "",
		"javascript:void(0)":             "",
		"mailto:info@example.be":         "mailto:info@example.be",
	}
	for in, want := range tests {
		assert.Equal(t, want, normTarget(base, in), in)
	}
}

func TestMainTextLeavesOutChrome(t *testing.T) {
	src := `<html lang="nl"><body><header><p>Kop</p></header><nav><p>Menu</p></nav>
<div><h1>Titel</h1><p>Eerste <a href="/x">alinea</a> tekst.</p><ul><li><a href="/a">Link</a></li></ul>
<p hidden>Verborgen</p><aside><p>Opzij</p></aside><form><p>Formulier</p></form><script>var x</script>
<p lang="fr">Texte <b>français</b></p></div><footer><p>Voet</p></footer></body></html>`
	p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: src, DOM: src, Status: 200}, true)
	root, blocks := mainText(newAXDoc(p))
	require.NotNil(t, root)
	assert.Equal(t, "body", root.Data)
	var got []string
	for _, b := range blocks {
		got = append(got, fmt.Sprintf("%s|%v|%v|%s", b.text, b.heading, b.prose(), b.lang))
	}
	assert.Equal(t, []string{
		"Titel|true|false|",
		"Eerste alinea tekst.|false|true|",
		"Link|false|false|",
		"Texte français|false|true|fr",
	}, got)
}

// bigPage is a page of about 5,000 elements: a menu of 200 links, a form of
// 100 required and 100 optional fields and 1,100 news cards.
func bigPage() *Page {
	var b strings.Builder
	b.WriteString(`<html lang="nl"><body><nav>`)
	for i := 0; i < 200; i++ {
		fmt.Fprintf(&b, `<a href="/menu/%d">Menu %d</a>`, i, i)
	}
	b.WriteString(`</nav><main><form>`)
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, `<label for="f%d">Veld %d *</label><input id="f%d" required><input id="g%d">`, i, i, i, i)
	}
	b.WriteString(`</form>`)
	for i := 0; i < 1100; i++ {
		fmt.Fprintf(&b, `<div class="card"><p>Dit is alinea %d met een korte zin. Wij helpen u graag verder.</p><a href="/n/%d">Lees meer</a></div>`, i, i)
	}
	b.WriteString(`</main></body></html>`)
	src := b.String()
	p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: src, DOM: src, Status: 200}, true)
	p.Doc() // parsing is shared by all checks and not counted
	return p
}

// BenchmarkUnderstandableChecks measures each understandable check on
// bigPage, a fresh page each time (what pages share is computed once per
// page), parsing not counted; the budget is 20 ms per check on an idle
// machine: go test ./checks -run '^$' -bench Understandable.
func BenchmarkUnderstandableChecks(b *testing.B) {
	snap := bigPage().Snap
	for _, c := range Default().All() {
		if c.Criterion != "understandable" {
			continue
		}
		b.Run(c.ID, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				p := NewPage(snap, true)
				p.Doc()
				b.StartTimer()
				Run(context.Background(), c, []*Page{p}, nil)
			}
		})
	}
}

// TestReadabilityMessages checks which message a failure gets: both limits
// missed, only the score, or only the long sentences.
func TestReadabilityMessages(t *testing.T) {
	tests := []struct {
		name   string
		params Params
		want   Outcome
		msg    string
	}{
		{"both", nil, Fail, "fail"},
		{"score only", Params{"max_long_share": 1.0}, Fail, "score"},
		{"long only", Params{"min_score_nl": -100}, Fail, "long"},
		{"lenient", Params{"min_score_nl": -100, "max_long_share": 1.0}, Pass, ""},
		{"too few words", Params{"min_words": 1000}, Inapplicable, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := runFixture(t, "readability", "fail-nl.html", tt.params)
			require.Equal(t, tt.want, o.Outcome)
			if tt.msg != "" {
				require.Len(t, o.Evidence, 1)
				assert.Equal(t, tt.msg, o.Evidence[0].Message)
			}
		})
	}
}

// TestLinkTextExtraPhrases checks that the model can add generic phrases.
func TestLinkTextExtraPhrases(t *testing.T) {
	o := runFixture(t, "link-text", "pass.html", Params{"extra_phrases": []any{"Contacteer ons"}})
	require.Equal(t, Fail, o.Outcome)
	require.Len(t, o.Evidence, 1)
	assert.Equal(t, "Contacteer ons", o.Evidence[0].Params["text"])
}

// TestUnderstandableBadInput runs every understandable check on broken and
// odd pages: none may panic, and each says something.
func TestUnderstandableBadInput(t *testing.T) {
	inputs := []string{
		"",
		"<html>",
		"\x00\xff\xfe garbage <<<>>>",
		`<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		`<html lang=""><body><main></main></body></html>`,
		`<html lang="nl-BE-x-weird"><body><a href="http://[::1">Lees meer</a><a href="%zz">Lees meer</a></body></html>`,
		`<html><body><form><input required><input required aria-required="true"><label for="">*</label></form></body></html>`,
		strings.Repeat("<div>", 3000) + "Tekst. " + strings.Repeat("</div>", 3000),
		`<html lang="fr"><body><p>` + strings.Repeat("mot ", 5000) + `</p></body></html>`,
	}
	for i, src := range inputs {
		for _, c := range Default().All() {
			if c.Criterion != "understandable" {
				continue
			}
			p := NewPage(&snapshot.Snapshot{URL: "https://example.be/x", HTML: src, DOM: src, Status: 200}, true)
			require.NotPanics(t, func() {
				out := Run(context.Background(), c, []*Page{p}, nil)
				require.Len(t, out, 1, "input %d, %s", i, c.ID)
			}, "input %d, %s", i, c.ID)
		}
	}
}

// TestGenericLinkTexts checks the built-in phrases on link texts as they
// appear on sites in each language.
func TestGenericLinkTexts(t *testing.T) {
	set := genericSet(nil)
	generic := []string{
		"Klik hier", "Lees meer »", "Meer info", "Lees verder…", "Meer", "hier", "Download",
		"Cliquez ici", "En savoir plus", "Lire la suite →", "Plus d'infos", "ici", "Télécharger",
		"Hier klicken", "Mehr erfahren", "Weiterlesen ›", "mehr", "Details",
		"Click here", "Read more", "Learn more", "More", "Find out more", "Link",
	}
	specific := []string{
		"Lees meer over de premie", "Openingsuren van het stadhuis", "Meer over afval", "Hier vindt u de brochure",
		"En savoir plus sur la prime", "Horaires d'ouverture", "Plus d'infos sur les collectes",
		"Mehr über die Prämie", "Öffnungszeiten", "Hier klicken, um das Formular zu öffnen",
		"Read more about the grant", "Opening hours", "More about waste", "Contact us",
	}
	for _, s := range generic {
		assert.True(t, set[normLinkText(s)], "%q should be generic", s)
	}
	for _, s := range specific {
		assert.False(t, set[normLinkText(s)], "%q should not be generic", s)
	}
}

// TestExplainsAsterisk checks asterisk legends in the four languages.
func TestExplainsAsterisk(t *testing.T) {
	yes := []string{
		"Velden met een * zijn verplicht.", "* verplicht veld", "Velden met een sterretje zijn verplicht.",
		"Les champs marqués d'un astérisque (*) sont obligatoires.", "* Champ obligatoire",
		"Pflichtfelder sind mit * markiert.", "* Pflichtfeld", "Mit Sternchen markierte Felder sind erforderlich.",
		"Fields marked with * are required.", "* Required field", "Required fields are marked with an asterisk.",
	}
	no := []string{
		"Naam *", "Vul alle velden in. * Wij delen uw gegevens niet.", "Prénom *",
		"Les conditions s'appliquent*. Ce service est obligatoire pour les entreprises.",
		"* Angebot gilt bis Freitag", "Price* (*excluding VAT)", "This field is required",
	}
	for _, s := range yes {
		assert.True(t, explainsAsterisk(s), "%q explains the asterisk", s)
	}
	for _, s := range no {
		assert.False(t, explainsAsterisk(s), "%q does not explain the asterisk", s)
	}
}

// TestOfferedLanguages checks the forms a language switch takes.
func TestOfferedLanguages(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"codes", `<a href="/fr/">FR</a> <a href="/de/">DE</a>`, []string{"de", "fr", "nl"}},
		{"names", `<a href="/fr/">Français</a> <a href="/en/">English</a>`, []string{"en", "fr", "nl"}},
		{"hreflang", `<a href="/x" hreflang="de-BE">Duitstalige versie</a>`, []string{"de", "nl"}},
		{"select", `<select><option>Nederlands</option><option>Deutsch</option></select>`, []string{"de", "nl"}},
		{"button", `<button>EN</button>`, []string{"en", "nl"}},
		{"aria-label", `<a href="/fr/" aria-label="Français"><img src="fr.png" alt=""></a>`, []string{"fr", "nl"}},
		{"not a switch", `<a href="/fr-info">Info in het Frans</a> <p>FR</p> <a>EN</a>`, []string{"nl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `<html lang="nl"><body>` + tt.body + `</body></html>`
			p := NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: src, DOM: src, Status: 200}, true)
			var got []string
			for l := range offeredLanguages(newAXDoc(p)) {
				got = append(got, l)
			}
			assert.ElementsMatch(t, tt.want, got)
		})
	}
}
