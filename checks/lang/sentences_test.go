package lang

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, code, text string
		want             []string
	}{
		{"plain", English, "One. Two words here! Three?", []string{"One.", "Two words here!", "Three?"}},
		{"nl abbreviations", Dutch, "Breng bv. je identiteitskaart mee, enz. Wij helpen u graag.",
			[]string{"Breng bv. je identiteitskaart mee, enz.", "Wij helpen u graag."}},
		{"nl multi-dot", Dutch, "Dat kan o.a. in het stadhuis, m.a.w. dichtbij. Kom langs.",
			[]string{"Dat kan o.a. in het stadhuis, m.a.w. dichtbij.", "Kom langs."}},
		{"fr p.ex.", French, "Apportez un document, p.ex. une facture. Merci.", []string{"Apportez un document, p.ex. une facture.", "Merci."}},
		{"fr M.", French, "Contactez M. Dupont. Il répond vite.", []string{"Contactez M. Dupont.", "Il répond vite."}},
		{"de z.B.", German, "Bringen Sie z.B. einen Ausweis mit. Danke.", []string{"Bringen Sie z.B. einen Ausweis mit.", "Danke."}},
		{"de date", German, "Ab dem 1. Januar gilt das neue Gesetz. Fragen Sie uns.", []string{"Ab dem 1. Januar gilt das neue Gesetz.", "Fragen Sie uns."}},
		{"en Mr. and e.g.", English, "Ask Mr. Smith, e.g. by phone. He knows.", []string{"Ask Mr. Smith, e.g. by phone.", "He knows."}},
		{"numbers", English, "It costs 3.50 euro. That is 1,000 cents.", []string{"It costs 3.50 euro.", "That is 1,000 cents."}},
		{"year ends sentence", English, "We opened in 2020. Then we grew.", []string{"We opened in 2020.", "Then we grew."}},
		{"list number", Dutch, "1. Vul het formulier in.", []string{"1. Vul het formulier in."}},
		{"initial", Dutch, "Schepen J. Peeters opent de zaal.", []string{"Schepen J. Peeters opent de zaal."}},
		{"quotes", English, "He said \"Stop.\" Then he left.", []string{"He said \"Stop.\"", "Then he left."}},
		{"French quotes", French, "Écrivez : « Nous ne demandons jamais votre code. » Dites-le aussi.",
			[]string{"Écrivez : « Nous ne demandons jamais votre code. »", "Dites-le aussi."}},
		{"ellipsis", French, "Attendez… Le site charge.", []string{"Attendez…", "Le site charge."}},
		{"no end mark", Dutch, "Openingsuren van het stadhuis", []string{"Openingsuren van het stadhuis"}},
		{"lowercase after dot", English, "Version 2. is out", []string{"Version 2. is out"}},
		{"empty", English, "  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sentences(tt.text, tt.code))
		})
	}
}

func TestWords(t *testing.T) {
	assert.Equal(t, []string{"Aujourd'hui", "l'e-mail", "kost", "euro"}, Words("Aujourd'hui, l'e-mail kost 3 euro!"))
	assert.Equal(t, 4, CountWords("Aujourd'hui, l'e-mail kost 3 euro!"))
	assert.Empty(t, Words("123 - 456"))
	assert.Equal(t, 0, CountWords("123 - 456"))
}

func TestScore(t *testing.T) {
	// Reference values computed by hand from the published formulas.
	tests := []struct {
		code     string
		wps, spw float64
		want     float64
	}{
		{Dutch, 15, 1.5, 206.84 - 0.77*150 - 0.93*15},
		{French, 15, 1.5, 207 - 1.015*15 - 73.6*1.5},
		{German, 15, 1.5, 180 - 15 - 58.5*1.5},
		{English, 15, 1.5, 206.835 - 1.015*15 - 84.6*1.5},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, Score(tt.code, tt.wps, tt.spw), 1e-9, tt.code)
	}
}

func TestReadability(t *testing.T) {
	easy := []string{"De zon schijnt. Wij gaan naar zee. Het water is koud maar fijn."}
	st := Readability(easy, Dutch, 20, 3)
	assert.Equal(t, 3, st.Sentences)
	assert.Equal(t, 13, st.Words)
	assert.Greater(t, st.Score, 80.0)
	assert.Equal(t, 0, st.LongSentences)
	assert.Equal(t, "Het water is koud maar fijn.", st.Longest[0])

	hard := []string{"Overeenkomstig de toepasselijke reglementaire bepalingen inzake de administratieve " +
		"vereenvoudiging dient de aanvrager de vereiste bewijsstukken elektronisch over te maken aan de " +
		"bevoegde dienst binnen de daartoe voorziene termijn, op straffe van onontvankelijkheid van de aanvraag."}
	st = Readability(hard, Dutch, 20, 3)
	assert.Equal(t, 1, st.Sentences)
	assert.Equal(t, 1, st.LongSentences)
	assert.Less(t, st.Score, 30.0)
	assert.InDelta(t, 1.0, st.LongShare(), 1e-9)

	assert.Zero(t, Readability(nil, English, 20, 3).Score)
}
