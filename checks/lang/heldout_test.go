package lang

import (
	"testing"
)

// heldOutLists are words written after the rules were tuned, to measure the
// counters on unseen words. Five expected counts were wrong at first and were
// corrected against dictionary syllabification; one rule was fixed after this
// list showed it (French qu/gu at the end of a stem). The test requires 85%.
var heldOutLists = map[string]map[string]int{
	Dutch: {
		"fiets": 1, "brief": 1, "trein": 1, "vliegtuig": 2, "winkel": 2, "kerstmis": 2, "ziekenfonds": 3,
		"werkloosheid": 3, "uitkering": 3, "inschrijving": 3, "woonplaats": 2, "rijbewijs": 3,
		"verhuizen": 3, "openingsuren": 5, "aangifte": 3, "kinderbijslag": 4, "mutualiteit": 5,
		"digitaal": 3, "ouderen": 3, "gebruiker": 3, "wachtwoord": 2, "beveiliging": 4, "toestemming": 3,
		"telefoonnummer": 5, "adres": 2, "hulp": 1, "vragen": 2, "antwoord": 2, "kosteloos": 3,
		"medewerker": 4, "reactie": 3, "kerstboom": 2, "ruimte": 2, "leeuwerik": 3, "zee": 1,
		"biologie": 4, "poëzie": 3, "gemeenteraad": 4, "schooljaar": 2, "voorwaarden": 3,
	},
	French: {
		"vélo": 2, "lettre": 1, "train": 1, "avion": 2, "magasin": 3, "chômage": 2, "allocation": 4,
		"inscription": 3, "domicile": 3, "permis": 2, "déménager": 4, "horaires": 2, "déclaration": 4,
		"mutualité": 4, "numérique": 3, "personnes": 2, "utilisateur": 5, "mot": 1, "sécurité": 4,
		"consentement": 3, "numéro": 3, "adresse": 2, "aide": 1, "réponse": 2, "gratuit": 2,
		"collaborateur": 5, "réaction": 3, "espace": 2, "biologie": 3, "conseil": 2, "conditions": 3,
		"enfants": 2, "écrivent": 2, "ouvrent": 1, "bibliothèque": 4, "rendez-vous": 3, "courriel": 2,
		"fenêtre": 2, "quatre": 1, "nouveau": 2,
	},
	German: {
		"Fahrrad": 2, "Brief": 1, "Zug": 1, "Flugzeug": 2, "Geschäft": 2, "Arbeitslosigkeit": 5,
		"Anmeldung": 3, "Wohnort": 2, "Führerschein": 3, "umziehen": 3, "Öffnungszeiten": 4,
		"Steuererklärung": 5, "Krankenkasse": 4, "digital": 3, "Benutzer": 3, "Passwort": 2,
		"Sicherheit": 3, "Einwilligung": 4, "Telefonnummer": 5, "Adresse": 3, "Hilfe": 2, "Antwort": 2,
		"kostenlos": 3, "Mitarbeiter": 4, "Reaktion": 4, "Raum": 1, "Biologie": 4, "Gemeinderat": 4,
		"Bedingungen": 4, "Kinder": 2, "schreiben": 2, "Bibliotheken": 5, "Termin": 2, "Fenster": 2,
		"vier": 1, "neuen": 2, "Feuerwehr": 3, "Rathaus": 2, "Bürgermeister": 4, "heißen": 2,
	},
	English: {
		"bike": 1, "letter": 2, "train": 1, "airplane": 2, "shop": 1, "unemployment": 4, "benefit": 3,
		"registration": 4, "address": 2, "licence": 2, "moving": 2, "opening": 3, "hours": 1,
		"declaration": 4, "insurance": 3, "digital": 3, "user": 2, "password": 2, "security": 4,
		"consent": 2, "number": 2, "help": 1, "answer": 2, "free": 1, "colleague": 2, "reaction": 3,
		"space": 1, "biology": 4, "council": 2, "conditions": 3, "children": 2, "write": 1,
		"library": 3, "appointment": 3, "window": 2, "four": 1, "new": 1, "firefighter": 4,
		"town": 1, "mayor": 2, "surveyed": 2, "completed": 3,
	},
}

func TestSyllablesHeldOut(t *testing.T) {
	for _, code := range []string{Dutch, French, German, English} {
		words := heldOutLists[code]
		exact := 0
		for w, want := range words {
			if got := Syllables(w, code); got == want {
				exact++
			} else {
				t.Logf("%s: %q got %d want %d", code, w, got, want)
			}
		}
		acc := float64(exact) / float64(len(words))
		t.Logf("%s held out: %d/%d exact (%.1f%%)", code, exact, len(words), 100*acc)
		if acc < 0.85 {
			t.Errorf("%s held-out accuracy %.1f%% < 85%%", code, 100*acc)
		}
	}
}
