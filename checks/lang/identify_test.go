package lang

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// identifyCases are paragraphs as they appear on Belgian public and
// commercial sites, long and short, each with its language.
var identifyCases = []struct{ lang, text string }{
	// Dutch
	{Dutch, "U kunt uw identiteitskaart aanvragen bij de dienst Burgerzaken van uw gemeente. Maak eerst online een afspraak. Breng een recente pasfoto mee en betaal met bancontact."},
	{Dutch, "Heb je een vraag over je factuur? Bel ons gratis op het nummer hieronder. We helpen je van maandag tot vrijdag, tussen 9 en 17 uur."},
	{Dutch, "Het containerpark is gesloten op feestdagen. Op zaterdag is het open tot 16 uur."},
	{Dutch, "De premie voor dakisolatie wordt vanaf 1 januari verhoogd. Wie zijn woning renoveert, kan tot 40 procent van de kosten terugkrijgen. Vraag de premie binnen de zes maanden na de eindfactuur aan."},
	{Dutch, "Wij gebruiken cookies om de website goed te laten werken en om het gebruik te meten."},
	{Dutch, "Lees de voorwaarden goed na voor je het formulier verstuurt."},
	{Dutch, "In de bibliotheek kan je gratis boeken, strips en films lenen. Kinderen tot 18 jaar betalen geen lidgeld. Je kan ook gebruikmaken van de computers en de wifi."},
	{Dutch, "Vul het formulier volledig in. Velden met een sterretje zijn verplicht."},
	{Dutch, "Door de werken aan de brug rijdt bus 12 tijdelijk een andere route. De halte aan het station wordt niet bediend."},
	{Dutch, "Ouderen die thuis hulp nodig hebben, kunnen terecht bij het lokaal dienstencentrum in hun buurt."},
	{Dutch, "Mijn dossier bekijken en een attest downloaden"},
	{Dutch, "De stad wil dat alle inwoners mee kunnen met de digitale wereld. Daarom geven we gratis lessen over het gebruik van een smartphone en een tablet."},
	// French
	{French, "Vous pouvez demander votre carte d'identité auprès du service Population de votre commune. Prenez d'abord rendez-vous en ligne et apportez une photo récente."},
	{French, "Vous avez une question sur votre facture ? Appelez-nous gratuitement au numéro ci-dessous. Nous vous aidons du lundi au vendredi, de 9 à 17 heures."},
	{French, "Le parc à conteneurs est fermé les jours fériés."},
	{French, "La prime pour l'isolation du toit augmente à partir du 1er janvier. Les propriétaires qui rénovent leur logement peuvent récupérer jusqu'à 40 % des frais."},
	{French, "Nous utilisons des cookies pour que le site fonctionne bien et pour mesurer son utilisation."},
	{French, "Lisez bien les conditions avant d'envoyer le formulaire."},
	{French, "À la bibliothèque, vous pouvez emprunter gratuitement des livres, des bandes dessinées et des films. Les enfants de moins de 18 ans ne paient pas de cotisation."},
	{French, "Remplissez tout le formulaire. Les champs marqués d'un astérisque sont obligatoires."},
	{French, "En raison des travaux sur le pont, le bus 12 suit temporairement un autre itinéraire. L'arrêt de la gare n'est pas desservi."},
	{French, "Les personnes âgées qui ont besoin d'aide à domicile peuvent s'adresser au centre de services de leur quartier."},
	{French, "Consulter mon dossier et télécharger une attestation"},
	{French, "La ville veut que tous les habitants puissent suivre le monde numérique. C'est pourquoi nous donnons des cours gratuits sur l'usage d'un smartphone et d'une tablette."},
	// German
	{German, "Sie können Ihren Personalausweis beim Bürgerdienst Ihrer Gemeinde beantragen. Vereinbaren Sie zuerst online einen Termin und bringen Sie ein aktuelles Passfoto mit."},
	{German, "Haben Sie eine Frage zu Ihrer Rechnung? Rufen Sie uns kostenlos an. Wir helfen Ihnen von Montag bis Freitag zwischen 9 und 17 Uhr."},
	{German, "Der Recyclinghof ist an Feiertagen geschlossen."},
	{German, "Die Prämie für die Dachisolierung steigt ab dem 1. Januar. Wer seine Wohnung renoviert, kann bis zu 40 Prozent der Kosten zurückerhalten."},
	{German, "Wir verwenden Cookies, damit die Website gut funktioniert und um die Nutzung zu messen."},
	{German, "Lesen Sie die Bedingungen, bevor Sie das Formular absenden."},
	{German, "In der Bibliothek können Sie kostenlos Bücher, Comics und Filme ausleihen. Kinder bis 18 Jahre zahlen keinen Mitgliedsbeitrag."},
	{German, "Füllen Sie das Formular vollständig aus. Felder mit einem Sternchen sind Pflichtfelder."},
	{German, "Wegen der Bauarbeiten an der Brücke fährt der Bus 12 vorübergehend eine andere Strecke. Die Haltestelle am Bahnhof wird nicht angefahren."},
	{German, "Ältere Menschen, die zu Hause Hilfe brauchen, können sich an das Dienstleistungszentrum in ihrem Viertel wenden."},
	{German, "Meine Akte ansehen und eine Bescheinigung herunterladen"},
	{German, "Die Stadt möchte, dass alle Einwohner die digitale Welt nutzen können. Deshalb bieten wir kostenlose Kurse zur Nutzung von Smartphone und Tablet an."},
	// English
	{English, "You can apply for your identity card at the population service of your municipality. First book an appointment online and bring a recent passport photo."},
	{English, "Do you have a question about your bill? Call us for free on the number below. We can help you from Monday to Friday, between 9 am and 5 pm."},
	{English, "The recycling park is closed on public holidays."},
	{English, "The grant for roof insulation goes up on 1 January. Owners who renovate their home can get back up to 40 percent of the costs."},
	{English, "We use cookies to make this website work well and to measure how it is used."},
	{English, "Read the conditions carefully before you send the form."},
	{English, "At the library you can borrow books, comics and films for free. Children under 18 do not pay a membership fee."},
	{English, "Fill in the whole form. Fields marked with an asterisk are required."},
	{English, "Because of the works on the bridge, bus 12 takes another route for now. The stop at the station is not served."},
	{English, "Older people who need help at home can go to the service centre in their neighbourhood."},
	{English, "View my file and download a certificate"},
	{English, "The city wants all residents to keep up with the digital world. That is why we offer free lessons on how to use a smartphone and a tablet."},
}

// TestIdentifyAccuracy requires at least 95% of the paragraphs to be
// identified correctly (an Unknown counts as a miss) and logs every miss.
func TestIdentifyAccuracy(t *testing.T) {
	assert.GreaterOrEqual(t, len(identifyCases), 40)
	right, unknown := 0, 0
	for _, c := range identifyCases {
		g := Identify(c.text)
		switch g.Language {
		case c.lang:
			right++
		case Unknown:
			unknown++
			t.Logf("unknown (want %s): %q", c.lang, c.text)
		default:
			t.Logf("WRONG %s (want %s): %q", g.Language, c.lang, c.text)
		}
	}
	acc := float64(right) / float64(len(identifyCases))
	t.Logf("identify: %d/%d right (%.1f%%), %d unknown", right, len(identifyCases), 100*acc, unknown)
	assert.GreaterOrEqual(t, acc, 0.95)
}

// TestIdentifyNeverWrongOnUnclear checks that too short or mixed texts say
// Unknown rather than guess.
func TestIdentifyNeverWrongOnUnclear(t *testing.T) {
	for _, text := range []string{
		"",
		"Contact",
		"Home | Nieuws | Contact",
		"2026 © Stad Gent",
		"FAQ",
		"Login",
		"Bus 12 - 14:05",
		"Brussels Airport",
	} {
		assert.Equal(t, Unknown, Identify(text).Language, "%q", text)
	}
}

func TestPrimary(t *testing.T) {
	for in, want := range map[string]string{"nl-BE": "nl", " EN_gb ": "en", "fr": "fr", "": ""} {
		assert.Equal(t, want, Primary(in), in)
	}
}

// identifyHeldOut are paragraphs from other domains (a bank, a hospital, a
// shop, a train company), written after the identifier was tuned on
// identifyCases.
var identifyHeldOut = []struct{ lang, text string }{
	{Dutch, "Je bankkaart is geblokkeerd na drie foute pogingen. Bel de kaartstopdienst of ga langs in je kantoor."},
	{Dutch, "Neem je medicatielijst mee naar de raadpleging."},
	{Dutch, "Retourneren is gratis binnen dertig dagen na levering. Stuur het pakket terug met het etiket in de doos."},
	{Dutch, "De trein van 8.12 uur naar Antwerpen-Centraal heeft tien minuten vertraging door een defect aan de bovenleiding."},
	{French, "Votre carte bancaire est bloquée après trois essais erronés. Appelez le service d'opposition ou passez à votre agence."},
	{French, "Apportez la liste de vos médicaments à la consultation."},
	{French, "Le retour est gratuit dans les trente jours après la livraison. Renvoyez le colis avec l'étiquette qui se trouve dans la boîte."},
	{French, "Le train de 8 h 12 vers Bruxelles-Midi a dix minutes de retard à cause d'un problème à la caténaire."},
	{German, "Ihre Bankkarte ist nach drei falschen Versuchen gesperrt. Rufen Sie den Sperrdienst an oder gehen Sie zu Ihrer Filiale."},
	{German, "Bringen Sie Ihre Medikamentenliste zur Sprechstunde mit."},
	{German, "Die Rücksendung ist innerhalb von dreißig Tagen nach der Lieferung kostenlos. Schicken Sie das Paket mit dem Etikett aus dem Karton zurück."},
	{German, "Der Zug um 8.12 Uhr nach Eupen hat wegen einer Störung an der Oberleitung zehn Minuten Verspätung."},
	{English, "Your bank card is blocked after three wrong attempts. Call the card stop service or visit your branch."},
	{English, "Bring your list of medicines to the appointment."},
	{English, "Returns are free within thirty days of delivery. Send the parcel back with the label that is in the box."},
	{English, "The 8.12 train to Brussels-Midi is ten minutes late because of a problem with the overhead line."},
}

func TestIdentifyHeldOut(t *testing.T) {
	right := 0
	for _, c := range identifyHeldOut {
		if g := Identify(c.text); g.Language == c.lang {
			right++
		} else {
			t.Logf("%s (want %s): %q", g.Language, c.lang, c.text)
		}
	}
	acc := float64(right) / float64(len(identifyHeldOut))
	t.Logf("identify held out: %d/%d right (%.1f%%)", right, len(identifyHeldOut), 100*acc)
	assert.GreaterOrEqual(t, acc, 0.85)
}
