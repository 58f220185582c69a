package checks

import (
	"context"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
)

func TestFindPhones(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Bel ons op 09 210 10 10, op werkdagen.", []string{"09 210 10 10"}},
		{"Tel. 02/123.45.67 (centrale)", []string{"02/123.45.67"}},
		{"Onthaal: 050 44 80 00", []string{"050 44 80 00"}},
		{"Gratis nummer 0800 12 345", []string{"0800 12 345"}},
		{"Infolijn 078 15 15 15 (lokaal tarief)", []string{"078 15 15 15"}},
		{"Appelez le 04 221 22 11 du lundi au vendredi.", []string{"04 221 22 11"}},
		{"GSM: 0470 12 34 56", []string{"0470 12 34 56"}},
		{"Téléphone : +32 2 123 45 67", []string{"+32 2 123 45 67"}},
		{"Call +32 (0)9 210 10 10 from abroad", []string{"+32 (0)9 210 10 10"}},
		{"Rufen Sie uns an: +49 30 1234 5678", []string{"+49 30 1234 5678"}},
		{"From the Netherlands: 0031 20 123 4567", []string{"0031 20 123 4567"}},
		// negatives
		{"Opgesteld op 01.02.2024 door de dienst.", nil},
		{"Open van 09.00-12.00 / 13.00-16.30 uur.", nil},
		{"Ondernemingsnummer 0403.170.701", nil},
		{"KBO 0207 451 227", nil},
		{"Dossiernummer 2024/12345/67 en bedrag 1.250,00 euro", nil},
		{"Wij hebben 123 456 789 bezoekers gehad.", nil},
		{"Postcode 9000 Gent", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, findPhones(tt.text))
		})
	}
}

func TestFindAddress(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Stadhuis, Botermarkt 1, 9000 Gent", true},
		{"Bezoek ons in de Sint-Pietersnieuwstraat 25 in 9000 Gent.", true},
		{"Grote Markt 1, 2000 Antwerpen", true},
		{"Adres: Kerkstraat 12 bus 3, B-8500 Kortrijk", true},
		{"Rue de la Loi 16, 1000 Bruxelles", true},
		{"16, rue de la Loi – 1000 Bruxelles", true},
		{"Avenue Louise 54, 1050 Ixelles", true},
		{"Place Saint-Lambert 1 à 4000 Liège", true},
		{"Hauptstraße 5, 4700 Eupen", true},
		{"Klötzerbahn 32, 4700 Eupen", false}, // no known street word: not claimed
		{"12 Church Street, 1000 Brussels", true},
		{"Rue de la Station 12, 1310 La Hulpe", true},
		// negatives
		{"In 2024 Vlaanderen telde meer dan 6 miljoen inwoners.", false},
		{"Wij zijn in 1999 Gestart met 3 medewerkers.", false},
		{"Prijs: 1000 Euro per jaar", false},
		{"Kerkstraat is een mooie straat.", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, findAddress(tt.text) != "", findAddress(tt.text))
		})
	}
}

func TestFindAddressStopsAtMunicipality(t *testing.T) {
	assert.Equal(t, "Marktplein 1, 1980 Groenbeek", findAddress("Gemeentehuis, Marktplein 1, 1980 Groenbeek Telefoon: 02 123 45 67"))
	assert.Equal(t, "Rue de la Station 12, 1310 La Hulpe", findAddress("Rue de la Station 12, 1310 La Hulpe"))
}

func TestFindHours(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Openingsuren: ma-vr 9u-17u", true},
		{"Het loket is open van maandag tot vrijdag van 9 tot 12 uur.", true},
		{"Maandag 09:00 - 12:00 Dinsdag 13:00 - 16:30", true},
		{"Wij zijn bereikbaar op werkdagen van 8.30 tot 16.00 uur.", true},
		{"Ouvert du lundi au vendredi de 9h à 17h.", true},
		{"Heures d'ouverture : lun.-ven. 8h30 - 16h", true},
		{"Öffnungszeiten: Mo–Fr 9–17 Uhr", true},
		{"Montag bis Freitag, 8:00 bis 16:00 Uhr", true},
		{"Open Mon–Fri 9am–5pm", true},
		{"We are open Monday to Friday, 9:00 to 17:00.", true},
		// negatives
		{"Lees hoofdstuk 3-5 van de brochure.", false},
		{"Op maandag publiceren we 2 tot 3 nieuwe artikels.", false},
		{"Score 9-17 in de finale.", false},
		{"Version 2.10 - 3.00 released", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, findHours(tt.text) != "", findHours(tt.text))
		})
	}
}

func TestEmailRE(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Mail naar info@stad.gent voor vragen.", true},
		{"Écrivez à contact@commune-exemple.be.", true},
		{"Schreiben Sie an kontakt [at] gemeinde.be", true},
		{"E-mail: hulp(at)ocmw-brugge.be", true},
		{"Volg ons op @stadgent op Instagram.", false},
		{"Prijs 5 @ 10 euro", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, emailRE.MatchString(tt.text))
		})
	}
}

func TestWordLists(t *testing.T) {
	tests := []struct {
		name string
		re   interface{ MatchString(string) bool }
		text string
		want bool
	}{
		{"offline nl", offlineRE, "U kunt ook langskomen aan het loket in het stadhuis.", true},
		{"offline nl afspraak", offlineRE, "Liever persoonlijk? Maak een afspraak: wij helpen u op afspraak.", true},
		{"offline nl post", offlineRE, "Stuur het formulier per post naar ons adres.", true},
		{"offline fr", offlineRE, "Vous pouvez aussi venir au guichet ou nous écrire par courrier.", true},
		{"offline fr accueil", offlineRE, "Présentez-vous à l'accueil de la maison communale.", true},
		{"offline fr rdv", offlineRE, "Nous vous recevons sur rendez-vous.", true},
		{"offline de", offlineRE, "Sie können den Antrag auch am Schalter im Bürgerbüro abgeben.", true},
		{"offline en", offlineRE, "You can also apply in person or by post.", true},
		{"offline nl maak afspraak", offlineRE, "Liever niet online? Maak een afspraak in het Sociaal Huis.", true},
		{"offline de termin", offlineRE, "Sie können auch einen Termin vereinbaren.", true},
		{"offline en appointment", offlineRE, "Book an appointment at the town hall.", true},
		{"offline not: e-loket", offlineRE, "Meld je aan op het e-loket met je eID.", false},
		{"offline not: sur place", offlineRE, "Parking disponible sur place.", false},
		{"offline not: accueil nav", offlineRE, "Accueil", false},
		{"offline not: balies word", offlineRE, "De balieruimte wordt geschilderd", false},
		{"offline not: webshop", offlineRE, "Bestel online in onze webshop.", false},
		{"digital help nl", digitalHelpRE, "Hulp nodig? Kom naar het Digitaal Hulppunt in de bib.", true},
		{"digital help nl epn", digitalHelpRE, "In de openbare computerruimte helpen vrijwilligers je verder.", true},
		{"digital help fr", digitalHelpRE, "L'espace public numérique (EPN) vous accompagne dans vos démarches.", true},
		{"digital help fr aidants", digitalHelpRE, "Nos aidants numériques sont présents le mardi.", true},
		{"digital help de", digitalHelpRE, "Digitale Hilfe gibt es jeden Mittwoch im Rathaus.", true},
		{"digital help en", digitalHelpRE, "Our digital helpers assist you with online forms.", true},
		{"digital help nl aanvraag", digitalHelpRE, "Wij bieden hulp bij je online aanvraag in de bib.", true},
		{"digital help fr vos", digitalHelpRE, "Une aide pour vos démarches en ligne est prévue le jeudi.", true},
		{"digital help de", digitalHelpRE, "Hilfe bei Online-Anträgen gibt es im Bürgerbüro.", true},
		{"digital help not", digitalHelpRE, "Download de app voor digitale diensten.", false},
		{"negation nl", negationRE, "Er is geen loket meer: alles gaat online.", true},
		{"negation fr", negationRE, "Il n'y a plus de guichet.", true},
		{"negation de", negationRE, "Es gibt keinen Schalter mehr.", true},
		{"negation en", negationRE, "We no longer have a counter.", true},
		{"negation none", negationRE, "Kom langs aan het loket.", false},
		{"contact nl", contactTopic.Text, "Neem contact op", true},
		{"contact fr", contactTopic.Text, "Contactez-nous", true},
		{"contact de", contactTopic.Text, "Kontakt", true},
		{"contact en", contactTopic.Text, "Get in touch", true},
		{"contact not", contactTopic.Text, "Contactlenzen en brillen", false},
		{"help nl", helpTopic.Text, "Veelgestelde vragen", true},
		{"help fr", helpTopic.Text, "Questions fréquentes", true},
		{"help fr aide", helpTopic.Text, "Besoin d'aide ?", true},
		{"help de", helpTopic.Text, "Häufige Fragen", true},
		{"help en", helpTopic.Text, "FAQ", true},
		{"help not", helpTopic.Text, "Helpende handen gezocht", false},
		{"help not fr", helpTopic.Text, "Aides et primes au logement", false},
		{"help bare", helpTopic.Text, "Aide", true},
		{"help bare de", helpTopic.Text, "Hilfe", true},
		{"help not aide sociale", helpTopic.Text, "Aide sociale et CPAS", false},
		{"help not hulp", helpTopic.Text, "Hulp aan huis voor senioren", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.re.MatchString(tt.text), tt.text)
		})
	}
}

func TestFindAffirmedSkipsDenials(t *testing.T) {
	page := supPage(`<html><body><p>Er is geen loket meer: alles verloopt online.</p><p>Vragen? Kom langs aan de balie van het stadhuis.</p></body></html>`)
	h, ok := findAffirmed([]*Page{page}, offlineRE, negationRE)
	assert.True(t, ok)
	assert.Equal(t, "html > body > p:nth-of-type(2)", Selector(h.Sel))

	denied := supPage(`<html><body><p>Il n'y a plus de guichet : tout se fait en ligne.</p></body></html>`)
	_, ok = findAffirmed([]*Page{denied}, offlineRE, negationRE)
	assert.False(t, ok)
}

func TestTextOfSeparatesBlocks(t *testing.T) {
	page := supPage(`<html><body><table><tr><th>Maandag</th><td>9:00</td><td>17:00</td></tr></table><p>Toe<b>gan</b>kelijk</p><script>var x = "loket";</script></body></html>`)
	assert.Equal(t, "Maandag 9:00 17:00 Toegankelijk", pageText(page))
}

func TestBadInputNeverPanics(t *testing.T) {
	inputs := []string{"", "<", "<html><body><a href=\"%zz\">contact</a><form action=\"::\"></form>", "\x00\xff<p>0"}
	for _, in := range inputs {
		page := supPage(in)
		for _, c := range append(append(supportedChecks(), trustworthyChecks()...), involvingChecks()...) {
			c := c
			assert.NotPanics(t, func() { Run(context.Background(), &c, []*Page{page}, nil) }, c.ID)
			if c.Page != nil {
				assert.NotPanics(t, func() { c.Page(page, Params{}) }, c.ID)
			} else {
				assert.NotPanics(t, func() { c.Site([]*Page{page}, Params{}) }, c.ID)
			}
		}
	}
}

// supPage is a page at https://example.be/ with html as served and
// rendered.
func supPage(html string) *Page {
	return NewPage(&snapshot.Snapshot{URL: "https://example.be/", FinalURL: "https://example.be/", Status: 200, HTML: html, DOM: html, ContentType: "text/html"}, true)
}
