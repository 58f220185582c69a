package i18n

import "testing"

func TestTypeset(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"fr", "Oui ?", "Oui\u202f?"},
		{"fr", "Oui?", "Oui\u202f?"},
		{"fr", "Réponse : oui ; non !", "Réponse\u00a0: oui\u202f; non\u202f!"},
		{"fr", "« Oui »", "«\u00a0Oui\u00a0»"},
		{"fr", "«Oui»", "«\u00a0Oui\u00a0»"},
		{"fr", "40 %", "40\u00a0%"},
		{"fr", "40%", "40\u00a0%"},
		{"fr", "https://example.be/a?b=1 à 09:14, ratio 4,5:1", "https://example.be/a?b=1 à 09:14, ratio 4,5:1"},
		{"fr", "avec !important", "avec !important"},
		{"fr", "Déjà\u00a0?", "Déjà\u202f?"},
		{"nl", "Ja ?", "Ja ?"},
		{"en", "Yes?", "Yes?"},
	}
	for _, tt := range tests {
		if got := Typeset(tt.lang, tt.in); got != tt.want {
			t.Errorf("Typeset(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"nl", "2.32:1", "2,32:1"},
		{"fr", "Contraste 2.32:1 (requis : 4.5:1)", "Contraste 2,32:1 (requis : 4,5:1)"},
		{"fr", "0.12, 0.16 et 1.5", "0,12, 0,16 et 1,5"},
		{"nl", "versie 1.2.3 en v1.5", "versie 1.2.3 en v1.5"},
		{"nl", "example.be", "example.be"},
		{"en", "2.32:1", "2.32:1"},
	}
	for _, tt := range tests {
		if got := Numbers(tt.lang, tt.in); got != tt.want {
			t.Errorf("Numbers(%s, %q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}
