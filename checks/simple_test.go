package checks

import (
	"context"
	"strings"
	"testing"

	"github.com/didi-index/didi/checks/internal/text"
	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// simTestPage wraps an HTML body in a page at https://example.be/p.
func simTestPage(body string) *Page {
	h := `<!doctype html><html lang="nl"><head><title>t</title></head><body>` + body + `</body></html>`
	return NewPage(&snapshot.Snapshot{URL: "https://example.be/p", FinalURL: "https://example.be/p", Status: 200, HTML: h, DOM: h}, true)
}

func TestSimPurpose(t *testing.T) {
	tests := []struct {
		name, field, want string
	}{
		{"nl e-mail label", `<label for="x">E-mailadres *</label><input id="x">`, "email"},
		{"fr courriel", `<label for="x">Courriel</label><input id="x">`, "email"},
		{"fr adresse e-mail", `<label>Votre adresse e-mail <input name="a"></label>`, "email"},
		{"de e-mail-adresse", `<label for="x">E-Mail-Adresse</label><input id="x">`, "email"},
		{"type email wins", `<label for="x">Hoe bereiken we u?</label><input id="x" type="email">`, "email"},
		{"nl gsm", `<label for="x">GSM-nummer</label><input id="x">`, "tel"},
		{"fr telephone", `<label for="x">Numéro de téléphone</label><input id="x">`, "tel"},
		{"de telefon", `<label for="x">Telefonnummer (tagsüber)</label><input id="x">`, "tel"},
		{"en mobile", `<input placeholder="Mobile number">`, "tel"},
		{"nl voornaam", `<label for="x">Voornaam</label><input id="x">`, "given-name"},
		{"fr prenom", `<label for="x">Prénom</label><input id="x">`, "given-name"},
		{"de vorname", `<label for="x">Vorname</label><input id="x">`, "given-name"},
		{"nl achternaam", `<label for="x">Achternaam</label><input id="x">`, "family-name"},
		{"fr nom de famille", `<label for="x">Nom de famille</label><input id="x">`, "family-name"},
		{"de nachname", `<label for="x">Nachname</label><input id="x">`, "family-name"},
		{"nl naam", `<label for="x">Naam:</label><input id="x">`, "name"},
		{"fr nom et prenom", `<label for="x">Nom et prénom (obligatoire)</label><input id="x">`, "name"},
		{"en your name", `<label for="x">Your name</label><input id="x">`, "name"},
		{"nl adres", `<label for="x">Adres</label><textarea id="x"></textarea>`, "street-address"},
		{"fr adresse", `<label for="x">Adresse postale</label><input id="x">`, "street-address"},
		{"de anschrift", `<label for="x">Anschrift</label><input id="x">`, "street-address"},
		{"de strasse", `<label for="x">Straße und Hausnummer</label><input id="x">`, "street-address"},
		{"nl postcode", `<label for="x">Postcode</label><input id="x">`, "postal-code"},
		{"fr code postal", `<label for="x">Code postal</label><input id="x">`, "postal-code"},
		{"de plz", `<label for="x">PLZ</label><input id="x">`, "postal-code"},
		{"nl gemeente", `<label for="x">Gemeente</label><input id="x">`, "address-level2"},
		{"fr commune", `<label for="x">Commune</label><input id="x">`, "address-level2"},
		{"de ort", `<label for="x">Ort</label><input id="x">`, "address-level2"},
		{"nl geboortedatum", `<label for="x">Geboortedatum</label><input id="x" type="date">`, "bday"},
		{"fr date de naissance", `<label for="x">Date de naissance</label><input id="x">`, "bday"},
		{"de geburtsdatum", `<label for="x">Geburtsdatum</label><input id="x">`, "bday"},
		{"fr pays select", `<label for="x">Pays</label><select id="x"><option>Belgique</option></select>`, "country"},
		{"ident only", `<input name="customer[firstName]">`, "given-name"},
		{"ident e-mail", `<input name="contact_e-mail">`, "email"},
		{"ident postcode", `<input id="postalCode">`, "postal-code"},
		// Look-alikes that are not the user's personal data.
		{"company name", `<label for="x">Bedrijfsnaam</label><input id="x" name="name">`, ""},
		{"nom entreprise", `<label for="x">Nom de l'entreprise</label><input id="x">`, ""},
		{"friend e-mail", `<label for="x">E-mailadres van uw vriend</label><input id="x" type="email">`, ""},
		{"recipient", `<label for="x">Adresse du destinataire</label><input id="x">`, ""},
		{"birthplace", `<label for="x">Plaats van geboorte</label><input id="x">`, ""},
		{"geburtsort", `<label for="x">Geburtsort</label><input id="x">`, ""},
		{"ip address", `<label for="x">IP-adres</label><input id="x">`, ""},
		{"website", `<label for="x">Webadres</label><input id="x">`, ""},
		{"question", `<label for="x">Uw vraag</label><textarea id="x"></textarea>`, ""},
		{"long sentence", `<label for="x">Geef hier het adres waar we het pakket mogen afleveren als u niet thuis bent</label><input id="x">`, ""},
		{"checkbox", `<label><input type="checkbox" name="email"> Stuur mij e-mails</label>`, ""},
		{"search", `<input type="search" name="q" placeholder="Zoek een adres">`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fields := simFields(simTestPage(`<form>` + tc.field + `</form>`).Doc())
			require.Len(t, fields, 1)
			assert.Equal(t, tc.want, fields[0].purpose())
		})
	}
}

func TestSimAutocomplete(t *testing.T) {
	tests := []struct{ value, want string }{
		{"email", ""},
		{"given-name", ""},
		{"section-thuis shipping street-address", ""},
		{"billing postal-code", ""},
		{"work tel", ""},
		{"mobile tel-national", ""},
		{"username webauthn", ""},
		{"One-Time-Code", ""},
		{"on", "on"},
		{"off", "off"},
		{"nope", "invalid"},
		{"false", "invalid"},
		{"work name", "invalid"},
		{"email name", "invalid"},
		{"shipping", "invalid"},
		{"   ", "invalid"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, simAutocomplete(tc.value), tc.value)
	}
}

func TestSimNumericCode(t *testing.T) {
	tests := []struct {
		field string
		want  bool
	}{
		{`<input pattern="[0-9]{4}">`, true},
		{`<input pattern="\d{6}">`, true},
		{`<input pattern="^\d+$">`, true},
		{`<input pattern="[0-9]{4} ?[A-Z]{2}">`, false},
		{`<label for="x">Verificatiecode</label><input id="x">`, true},
		{`<label for="x">Code de vérification reçu par SMS</label><input id="x">`, true},
		{`<label for="x">Bestätigungscode</label><input id="x">`, true},
		{`<label for="x">One-time code</label><input id="x">`, true},
		{`<label for="x">Kortingscode</label><input id="x">`, false},
		{`<label for="x">Code promo</label><input id="x">`, false},
	}
	for _, tc := range tests {
		fields := simFields(simTestPage(`<form>` + tc.field + `</form>`).Doc())
		require.Len(t, fields, 1, tc.field)
		assert.Equal(t, tc.want, simNumericCode(fields[0]), tc.field)
	}
}

func TestSimRequiredWords(t *testing.T) {
	marks := []string{"naam *", "naam (verplicht)", "verplicht veld", "nom (obligatoire)", "champ requis", "name (pflichtfeld)", "erforderlich", "email (required)", "mandatory"}
	for _, m := range marks {
		assert.True(t, simRequiredMark.MatchString(text.Fold(m)), m)
	}
	for _, m := range []string{"naam", "prénom", "vorname", "your name", "telefoon (optioneel)"} {
		assert.False(t, simRequiredMark.MatchString(text.Fold(m)), m)
	}
	optional := []string{"Telefoon (optioneel)", "Téléphone (facultatif)", "Telefon (freiwillig)", "Phone (optional)", "GSM (niet verplicht)"}
	for _, m := range optional {
		assert.True(t, simOptionalMark.MatchString(text.Fold(m)), m)
	}
	all := []string{"Alle velden zijn verplicht.", "Tous les champs sont obligatoires.", "Alle Felder sind Pflichtfelder.", "All fields are required."}
	for _, m := range all {
		assert.True(t, simAllRequired.MatchString(text.Fold(m)), m)
	}
}

func TestSimSessionText(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Let op: uw sessie verloopt over 5 minuten.", true},
		{"Je sessie is verlopen. Meld je opnieuw aan.", true},
		{"U wordt over 2 minuten automatisch afgemeld.", true},
		{"Votre session va expirer dans 3 minutes.", true},
		{"Votre session a expiré.", true},
		{"Vous serez automatiquement déconnecté après 15 minutes d'inactivité.", true},
		{"Ihre Sitzung läuft in 5 Minuten ab.", true},
		{"Sie werden in 2 Minuten automatisch abgemeldet.", true},
		{"Your session will expire in 5 minutes.", true},
		{"Your session has timed out. Please sign in again.", true},
		{"Session Timeout: fixed the plugin executing before the page loaded.", false},
		{"This plugin provides session timeout and inactivity timeout functionality.", false},
		{"You will be logged out after 20 minutes of inactivity.", true},
		{"Het loket is open van 9 tot 12 uur.", false},
		{"La session du conseil communal a lieu le lundi.", false},
		{"Die Sitzung des Gemeinderats ist öffentlich.", false},
		{"Our next training session starts on Monday.", false},
		{"Meld u af voor de nieuwsbrief.", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, simSessionText.MatchString(text.Fold(tc.text)), tc.text)
		assert.Equal(t, tc.want, simSessionWords.MatchString(text.Fold(tc.text)), "with words first: "+tc.text)
	}
	for _, s := range []string{"Sessie verlengen", "Prolonger la session", "Sitzung verlängern", "Extend session", "Blijf aangemeld", "Stay signed in"} {
		assert.True(t, simExtendText.MatchString(text.Fold(s)), s)
	}
}

func TestSimSelfRefresh(t *testing.T) {
	tests := []struct {
		content string
		secs    int
		want    bool
	}{
		{"30", 30, true},
		{"60; url=https://example.be/p", 60, true},
		{"60;URL='/p#top'", 60, true},
		{"0", 0, false},
		{"5; url=/elders", 0, false},
		{"86400", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		secs, ok := simSelfRefresh(tc.content, "https://example.be/p")
		assert.Equal(t, tc.want, ok, tc.content)
		if tc.want {
			assert.Equal(t, tc.secs, secs, tc.content)
		}
	}
}

func TestSimHasSearch(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{`<div role="search"><input name="x"></div>`, true},
		{`<search><form><input name="x"></form></search>`, true},
		{`<input type="search" name="x">`, true},
		{`<link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml">`, true},
		{`<form action="/zoeken"><input name="x"></form>`, true},
		{`<form action="/fr/recherche/"><input name="x"></form>`, true},
		{`<form action="/de/suche"><input name="x"></form>`, true},
		{`<form action="/"><input name="s"></form>`, true},
		{`<a href="/search?lang=en">Find</a>`, true},
		{`<a href="/hulp">Zoeken</a>`, true},
		{`<button type="button" aria-label="Rechercher"><svg></svg></button>`, true},
		{`<a href="/research">Research</a>`, false},
		{`<a href="/vacatures">Wij zoeken collega's</a>`, false},
		{`<form action="/contact"><input name="naam"></form>`, false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, simHasSearch(simTestPage(tc.body)), tc.body)
	}
}

func TestSimCaptchaScriptV3(t *testing.T) {
	p := simTestPage(`<form><input name="e" type="email"></form><script src="https://www.google.com/recaptcha/api.js?render=6Lc"></script>`)
	kind, _ := simCaptchaScript(p)
	assert.Empty(t, kind)
	p = simTestPage(`<form><input name="e" type="email"></form><script src="https://www.google.com/recaptcha/api.js?render=explicit"></script>`)
	kind, _ = simCaptchaScript(p)
	assert.Equal(t, "reCAPTCHA", kind)
}

func TestSimDeepest(t *testing.T) {
	p := simTestPage(`<main><div id="a"><p id="b">Uw sessie verloopt <strong>bijna</strong>.</p><p>Andere tekst</p></div></main>`)
	nodes := simDeepest(p, simSessionWords)
	require.Len(t, nodes, 1)
	assert.Equal(t, "#b", Selector(simNodeSel(p.Doc(), nodes[0])))
}

// TestSimpleAndReachableBadInput runs every check of both criteria on odd
// pages: none may panic, and none may fail a page with nothing in it.
func TestSimpleAndReachableBadInput(t *testing.T) {
	odd := []*snapshot.Snapshot{
		{URL: "https://example.be/", HTML: ""},
		{URL: "::bad url", HTML: "<html><body><nav><a href='::x'>a</a><a href='%zz'>b</a><a href=''>c</a></nav></body></html>"},
		{URL: "https://example.be/", HTML: "<form><input required aria-describedby='nope'><input autocomplete></form>",
			Browser: &snapshot.BrowserFacts{
				Reflow:   snapshot.Reflow{ViewportWidth: 320, ScrollWidth: 900, Overflows: true, Offenders: []string{"div[", ""}},
				Images:   []snapshot.Image{{Selector: ":::", NaturalWidth: 5000, NaturalHeight: 5000, ShownWidth: 10, ShownHeight: 10}},
				Texts:    []snapshot.TextStyle{{Selector: ")(", Text: "klein", FontSizePx: 6}},
				Overlays: []snapshot.Overlay{{Selector: "[[", Coverage: 1}},
				Requests: []snapshot.Request{{URL: "x", Bytes: -5}},
			}},
	}
	checks := append(simpleChecks(), reachableChecks()...)
	for i, s := range odd {
		s.DOM = s.HTML
		pages := []*Page{NewPage(s, true)}
		for j := range checks {
			c := &checks[j]
			assert.NotPanics(t, func() { Run(context.Background(), c, pages, nil) }, "%s on page %d", c.ID, i)
		}
	}
	empty := []*Page{NewPage(&snapshot.Snapshot{URL: "https://example.be/", HTML: "<html><body></body></html>", DOM: "<html><body></body></html>"}, true)}
	for j := range checks {
		c := &checks[j]
		if c.ID == "viewport-responsive" { // a page without a viewport meta fails, empty or not
			continue
		}
		for _, o := range Run(context.Background(), c, empty, nil) {
			assert.NotEqual(t, Fail, o.Outcome, "%s fails an empty page: %+v", c.ID, o.Evidence)
		}
	}
}

func TestSimFold(t *testing.T) {
	assert.Equal(t, "e-mailadres verplicht", text.Fold("  E‑mailadres   VERPLICHT "))
	assert.Equal(t, "strasse", text.Fold("Straße"))
	assert.Equal(t, "l'application", text.Fold("l’Application"))
	assert.Equal(t, "customer first name", text.IdentWords("customer[firstName]"))
	assert.True(t, strings.Contains(text.IdentWords("e-mail_address"), "e mail address"))
}

func TestSimCaptchaInvisibleWidgets(t *testing.T) {
	tests := []struct {
		name, body string
		want       Outcome
	}{
		{"v3 badge", `<form><input type="email" name="e"></form><div class="grecaptcha-badge" data-style="bottomright"><div class="grecaptcha-logo"><iframe title="reCAPTCHA" src="https://www.google.com/recaptcha/api2/anchor?k=x&size=invisible"></iframe></div></div>`, Pass},
		{"invisible v2", `<form><input type="email" name="e"><div class="g-recaptcha" data-size="invisible"></div></form>`, Pass},
		{"turnstile interaction only", `<form><input type="email" name="e"><div class="cf-turnstile" data-appearance="interaction-only"></div></form>`, Pass},
		{"friendly captcha", `<form><input type="email" name="e"><div class="frc-captcha" data-sitekey="x"></div></form>`, Fail},
		{"v2 checkbox iframe", `<form><input type="email" name="e"><div><iframe title="reCAPTCHA" src="https://www.google.com/recaptcha/api2/anchor?k=x&size=normal"></iframe></div></form>`, Fail},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, simCaptcha(simTestPage(tc.body), nil).Outcome, tc.name)
	}
}

func TestSimWordListsForNamesAndClasses(t *testing.T) {
	notMain := []string{"Kruimelpad", "breadcrumb", "Fil d'Ariane", "Brotkrümelnavigation", "Paginering", "pagination"}
	for _, s := range notMain {
		assert.True(t, simNotMainNav.MatchString(text.Fold(s)), s)
	}
	for _, s := range []string{"Hoofdmenu", "Menu principal", "Hauptnavigation", "Main menu"} {
		assert.False(t, simNotMainNav.MatchString(text.Fold(s)), s)
	}
	overlay := []string{"Wij gebruiken cookies", "Nous utilisons des cookies", "Wir verwenden Cookies", "Schrijf je in voor onze nieuwsbrief",
		"Abonnez-vous à notre lettre d'information", "Ihre Einwilligung", "Uw toestemming", "Votre consentement"}
	for _, s := range overlay {
		assert.True(t, simOverlayName.MatchString(text.Fold(s)), s)
	}
	assert.False(t, simOverlayName.MatchString(text.Fold("Ontdek de zomerfeesten in onze stad")))
	for _, s := range []string{"countdown-timer", "js-aftellen", "compte-a-rebours", "CountDown"} {
		assert.True(t, simCountdownName.MatchString(text.IdentWords(s)), s)
	}
	assert.False(t, simCountdownName.MatchString(text.IdentWords("account-down-arrow")))
	filters := []string{`<form role="search">`, `<form class="wb-tables-filter">`, `<form action="/zoeken">`, `<form id="recherche-avancee">`, `<form class="suchformular">`, `<form aria-label="Filteren op datum">`}
	for _, f := range filters {
		d := simTestPage(f + `<input name="x"></form>`).Doc()
		assert.True(t, simFilterForm(d.Find("form").Get(0)), f)
	}
	assert.False(t, simFilterForm(simTestPage(`<form action="/contact"><input name="x"></form>`).Doc().Find("form").Get(0)))
	assert.False(t, simFilterForm(nil))
}
