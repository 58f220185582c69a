package checks

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestStatementDate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text string
		want time.Time
	}{
		{"Deze verklaring werd opgesteld op 12 maart 2024.", day(2024, 3, 12)},
		{"Deze verklaring werd opgesteld op 12 maart 2024 en laatst herzien op 3 februari 2025.", day(2025, 2, 3)},
		{"Cette déclaration a été établie le 3 janvier 2025.", day(2025, 1, 3)},
		{"Déclaration établie le 1er février 2024, mise à jour le 15/09/2025.", day(2025, 9, 15)},
		{"Diese Erklärung wurde erstellt am 1. Februar 2024.", day(2024, 2, 1)},
		{"Stand: März 2024", day(2024, 3, 1)},
		{"This statement was prepared on 5 May 2024.", day(2024, 5, 5)},
		{"This statement was last reviewed on May 5, 2024.", day(2024, 5, 5)},
		{"Last updated: 2024-05-05", day(2024, 5, 5)},
		{"Bijgewerkt: 05.11.2025", day(2025, 11, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, ok := statementDate(tt.text)
			if assert.True(t, ok) {
				assert.Equal(t, tt.want, d.Date)
			}
		})
	}
	negatives := []string{
		"Deze website valt onder de wet van 19 juli 2018 inzake toegankelijkheid.",
		"La norme EN 301 549 v3.2.1 (2021-03) s'applique.",
		"Opgesteld op 31 februari 2024.", // no such day
		"Mise à jour prévue prochainement.",
	}
	for _, text := range negatives {
		t.Run("no date: "+text, func(t *testing.T) {
			_, ok := statementDate(text)
			assert.False(t, ok)
		})
	}
}

func TestInvolvingWordLists(t *testing.T) {
	tests := []struct {
		name string
		re   interface{ MatchString(string) bool }
		text string
		want bool
	}{
		{"statement nl", statementTopic.Text, "Toegankelijkheidsverklaring", true},
		{"statement nl long", statementTopic.Text, "Verklaring inzake toegankelijkheid", true},
		{"statement fr", statementTopic.Text, "Déclaration d’accessibilité", true},
		{"statement de", statementTopic.Text, "Erklärung zur Barrierefreiheit", true},
		{"statement de compound", statementTopic.Text, "Barrierefreiheitserklärung", true},
		{"statement en", statementTopic.Text, "Accessibility statement", true},
		{"statement not", statementTopic.Text, "Toegankelijkheid van het stadhuis voor rolstoelen", false},
		{"footer label", statementLinkText, "Toegankelijkheid", true},
		{"footer label fr", statementLinkText, " Accessibilité ", true},
		{"footer label not", statementLinkText, "Toegankelijkheid van gebouwen", false},
		{"feedback nl", feedbackTopic.Text, "Geef je mening", true},
		{"feedback nl helpful", feedbackTopic.Text, "Was deze pagina nuttig?", true},
		{"feedback fr", feedbackTopic.Text, "Donnez votre avis", true},
		{"feedback fr plainte", feedbackTopic.Text, "Introduire une plainte", true},
		{"feedback de", feedbackTopic.Text, "Ihre Rückmeldung", true},
		{"feedback en", feedbackTopic.Text, "Was this page helpful?", true},
		{"feedback nl klachten", feedbackTopic.Text, "Klachtenbehandeling", true},
		{"feedback de", feedbackTopic.Text, "Beschwerdemanagement", true},
		{"feedback not fr notice", feedbackTopic.Text, "Avis d'enquête publique", false},
		{"feedback not nl", feedbackTopic.Text, "Meningitis: wat moet je weten?", false},
		{"feedback slug not fr", feedbackTopic.Slug, "/fr/avis-de-marche", false},
		{"feedback slug fr", feedbackTopic.Slug, "/fr/donnez-votre-avis", true},
		{"report nl", reportRE, "Meld een toegankelijkheidsprobleem via het formulier.", true},
		{"report nl 2", reportRE, "Ondervindt u problemen met de toegankelijkheid van deze site? Mail ons.", true},
		{"report nl template", reportRE, "Feedback en contactgegevens", true},
		{"report fr template", reportRE, "Retour d'information et coordonnées", true},
		{"report de template", reportRE, "Feedback und Kontaktangaben", true},
		{"report en 2", reportRE, "Did you encounter an accessibility problem? Write to us.", true},
		{"report not known fr", reportRE, "Problèmes d'accessibilité connus", false},
		{"report not known en", reportRE, "Known accessibility issues", false},
		{"report not known nl", reportRE, "Problemen met de toegankelijkheid: de pdf's zijn niet toegankelijk.", false},
		{"report fr", reportRE, "Signaler un problème d'accessibilité", true},
		{"report de", reportRE, "Barriere melden", true},
		{"report en", reportRE, "Report an accessibility problem", true},
		{"report not", reportRE, "Wij vinden toegankelijkheid belangrijk.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.re.MatchString(tt.text), tt.text)
		})
	}
}
