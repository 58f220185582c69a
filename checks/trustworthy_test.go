package checks

import (
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
)

func TestValidEnterprise(t *testing.T) {
	tests := []struct {
		digits string
		want   bool
	}{
		{"0403170701", true},  // 97 - (04031707 mod 97) = 01
		{"0123456749", true},  // 97 - (01234567 mod 97) = 49
		{"0203201340", true},  // 97 - (02032013 mod 97) = 40
		{"403170701", true},   // old nine-digit form
		{"0403170702", false}, // one check digit off
		{"0123456789", false},
		{"2403170701", false}, // must start with 0 or 1
		{"04031707", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.digits, func(t *testing.T) {
			assert.Equal(t, tt.want, validEnterprise(tt.digits))
		})
	}
}

func TestFindEnterpriseNumbers(t *testing.T) {
	tests := []struct {
		text  string
		want  string
		valid bool
	}{
		{"Stad Gent – KBO 0207.451.227", "0207.451.227", true},
		{"Stad Gent – KBO 0207.451.228", "0207.451.228", false},
		{"Ondernemingsnummer: 0403.170.701", "0403.170.701", true},
		{"BTW BE 0403.170.701", "BE 0403.170.701", true},
		{"Numéro d'entreprise : 0203.201.340", "0203.201.340", true},
		{"N° BCE 0123.456.749 – RPM Bruxelles", "0123.456.749", true},
		{"Unternehmensnummer 0123 456 749", "0123 456 749", true},
		{"Enterprise number BE0123456749", "BE0123456749", true},
		{"Numéro d'entreprise : 0123.456.789", "0123.456.789", false},
		// no cue: a phone number or an amount is not an enterprise number
		{"Bel 0470 123 456 voor een afspraak.", "", false},
		{"Bestelnummer 0403.170.701 is verzonden.", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := findEnterpriseNumbers(tt.text)
			if tt.want == "" {
				assert.Empty(t, got)
				return
			}
			if assert.Len(t, got, 1) {
				assert.Equal(t, tt.want, got[0].Text)
				assert.Equal(t, tt.valid, got[0].Valid)
			}
		})
	}
}

func TestLegalNameRE(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"© 2025 Digitaal Plus vzw, Kerkstraat 12, 9000 Gent", "Digitaal Plus vzw"},
		{"Éditeur responsable : Solidarité Numérique asbl", "Solidarité Numérique asbl"},
		{"Impressum: Mustermann GmbH, Hauptstraße 5", "Mustermann GmbH"},
		{"Stad Gent, Botermarkt 1", "Stad Gent"},
		{"Commune de Schaerbeek – Place Colignon", "Commune de Schaerbeek"},
		{"Welkom op onze website over lezen.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, legalName(tt.text))
		})
	}
}

func TestSensitiveFieldWords(t *testing.T) {
	tests := []struct {
		html string
		want string // expected message key, "" for none
	}{
		{`<label for="p">Pincode van je bankkaart</label><input id="p" name="code">`, "card_pin"},
		{`<label>Code secret de votre carte <input name="x" type="password"></label>`, "card_pin"},
		{`<input name="pin_code" type="password">`, "card_pin"},
		{`<input name="cardNumber" placeholder="1234 5678 9012 3456">`, "card_number"},
		{`<label for="k">Kaartnummer</label><input id="k">`, "card_number"},
		{`<label for="n">Numéro de carte</label><input id="n">`, "card_number"},
		{`<input autocomplete="cc-number" name="x">`, "card_number"},
		{`<label for="c">CVC</label><input id="c" name="c">`, "card_number"},
		{`<input name="Kartennummer">`, "card_number"},
		// harmless
		{`<label for="s">Verzendadres</label><input id="s" name="shipping_address">`, ""},
		{`<label for="z">Postcode</label><input id="z" name="postcode">`, ""},
		{`<label for="l">Lidkaartnummer van de bib</label><input id="l" name="lidkaart">`, ""},
		{`<input type="password" name="wachtwoord">`, ""}, // on https: fine
	}
	for _, tt := range tests {
		t.Run(tt.html, func(t *testing.T) {
			r := sensitiveFields(supPage(`<html><body><form>`+tt.html+`</form></body></html>`), nil)
			if tt.want == "" {
				assert.Equal(t, Pass, r.Outcome, "%+v", r.Evidence)
				return
			}
			if assert.Equal(t, Fail, r.Outcome) {
				assert.Equal(t, tt.want, r.Evidence[0].Message)
			}
		})
	}
}

func TestPasswordOnInsecurePage(t *testing.T) {
	form := `<html><body><form><input type="password" name="wachtwoord"></form></body></html>`
	tests := []struct {
		url  string
		want Outcome
	}{
		{"http://example.be/login", Fail},
		{"https://example.be/login", Pass},
		{"http://127.0.0.1:8080/login", Pass}, // loopback is a secure context
		{"http://localhost/login", Pass},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			p := NewPage(&snapshot.Snapshot{URL: tt.url, FinalURL: tt.url, Status: 200, HTML: form, DOM: form}, true)
			assert.Equal(t, tt.want, sensitiveFields(p, nil).Outcome)
		})
	}
}

func TestPrivacyTopic(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Privacyverklaring", true},
		{"Privacy & cookies", true},
		{"Gegevensbescherming", true},
		{"Vie privée", true},
		{"Politique de confidentialité", true},
		{"Protection des données personnelles", true},
		{"Datenschutzerklärung", true},
		{"Privacy policy", true},
		{"Cookiebeleid", false},
		{"Conditions générales", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, privacyTopic.Text.MatchString(tt.text))
		})
	}
}

func TestFormAction(t *testing.T) {
	tests := []struct {
		page, form string
		want       string
	}{
		{"https://example.be/", `<form method="post" action="/verstuur">`, ""},
		{"https://example.be/", `<form method="post">`, ""},
		{"https://example.be/", `<form method="post" action="https://forms.example.com/f">`, "other_origin"},
		{"https://example.be/", `<form method="post" action="https://example.be:8443/f">`, "other_origin"},
		{"https://example.be/", `<form action="http://example.be/zoek">`, "insecure"},
		{"https://example.be/", `<form action="https://www.google.com/search">`, ""}, // GET search: no data posted
		{"http://127.0.0.1:8080/", `<form method="post" action="/send">`, ""},
		{"http://example.be/", `<form method="post" action="/send">`, "insecure"},
		{"https://example.be/", `<form method="post" action="/a"><button formaction="http://evil.example/x">`, "insecure"},
	}
	for _, tt := range tests {
		t.Run(tt.page+" "+tt.form, func(t *testing.T) {
			h := `<html><body>` + tt.form + `<input name="q"></form></body></html>`
			p := NewPage(&snapshot.Snapshot{URL: tt.page, FinalURL: tt.page, Status: 200, HTML: h, DOM: h}, true)
			r := formAction(p, nil)
			if tt.want == "" {
				assert.Equal(t, Pass, r.Outcome, "%+v", r.Evidence)
				return
			}
			if assert.Equal(t, Fail, r.Outcome) {
				assert.Equal(t, tt.want, r.Evidence[0].Message)
			}
		})
	}
}

func TestHSTS(t *testing.T) {
	tests := []struct {
		url, value string
		want       Outcome
	}{
		{"https://example.be/", "max-age=31536000; includeSubDomains", Pass},
		{"https://example.be/", "max-age=15552000", Pass},
		{"https://example.be/", "max-age=86400", Fail},
		{"https://example.be/", "", Fail},
		{"https://example.be/", "includeSubDomains", Fail},
		{"http://example.be/", "", Inapplicable},
		{"https://127.0.0.1:8443/", "", Inapplicable},
	}
	for _, tt := range tests {
		t.Run(tt.url+" "+tt.value, func(t *testing.T) {
			s := &snapshot.Snapshot{URL: tt.url, FinalURL: tt.url, Status: 200, Headers: map[string]string{}}
			if tt.value != "" {
				s.Headers["Strict-Transport-Security"] = tt.value
			}
			assert.Equal(t, tt.want, hsts(NewPage(s, true), Params{}).Outcome)
		})
	}
}

func TestHTTPSRedirect(t *testing.T) {
	tests := []struct {
		name      string
		url       string
		redirects []string
		final     string
		want      Outcome
	}{
		{"redirected", "http://example.be/", []string{"http://example.be/"}, "https://example.be/", Pass},
		{"stays on http", "http://example.be/", nil, "http://example.be/", Fail},
		{"asked over https", "https://example.be/", nil, "https://example.be/", Inapplicable},
		{"loopback", "http://127.0.0.1:8080/", nil, "http://127.0.0.1:8080/", Pass},
		{"redirected back to http", "https://example.be/", []string{"https://example.be/", "http://example.be/x"}, "http://example.be/x", Fail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &snapshot.Snapshot{URL: tt.url, FinalURL: tt.final, Redirects: tt.redirects, Status: 200}
			assert.Equal(t, tt.want, httpsRedirect(NewPage(s, true), nil).Outcome)
		})
	}
}

func TestThirdPartyAllowList(t *testing.T) {
	s := &snapshot.Snapshot{URL: "https://example.be/", FinalURL: "https://example.be/", Status: 200,
		HTML: `<html><body><script src="https://www.googletagmanager.com/gtag/js"></script></body></html>`,
		Browser: &snapshot.BrowserFacts{
			Requests: []snapshot.Request{
				{URL: "https://www.googletagmanager.com/gtag/js", Host: "www.googletagmanager.com", ThirdParty: true},
				{URL: "https://cdn.example.net/a.css", Host: "cdn.example.net", ThirdParty: true},
				{URL: "https://example.be/a.css", Host: "example.be"},
			},
			Cookies: []snapshot.Cookie{{Name: "_ga", Domain: ".doubleclick.net", ThirdParty: true}},
		}}
	s.DOM = s.HTML
	r := thirdPartyBeforeConsent(NewPage(s, true), Params{})
	assert.Equal(t, Fail, r.Outcome)
	assert.Len(t, r.Evidence, 3)
	assert.Equal(t, "cdn.example.net, doubleclick.net, www.googletagmanager.com", r.Evidence[0].Params["hosts"])
	assert.Equal(t, "html > body > script:nth-of-type(1)", r.Evidence[2].Selector)

	r = thirdPartyBeforeConsent(NewPage(s, true), Params{"allowed_hosts": []any{"example.net", "googletagmanager.com", "doubleclick.net"}})
	assert.Equal(t, Pass, r.Outcome, "%+v", r.Evidence)
}
