package checks

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// patternText writes a text like those the contact patterns look for (a
// phone number, an address, opening hours, an enterprise number), changed
// at random places, among pieces they are made of: digits, separators,
// units, days, capitals, street names, cue words, letters outside ASCII.
func patternText(r *rand.Rand) string {
	pieces := []string{"0", "1", "9", "+", "32", "00", "0471", "12", "1980", "9000", "(0)", "BE", "be", " ", "  ", "\t", "\n",
		".", "/", "-", ":", "–", "u", "h", "U", "H", "uur", "am", "PM", "a.m.", "p.", "tot", "to", "à", "maandag", "Ma",
		"vrijdag", "Gent", "La Hulpe", "Groenbeek", "straat", "Kerkstraat", "rue de la Loi", "Markt", "Église", "ÉCOLE",
		"KBO", "btw", "tva", "nummer", ",", "x", "Tel", "\u00a0", "ſ", "K"}
	digits := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	sep := func() string { return []string{"", " ", ".", "/", "-", " / ", "\u00a0"}[r.IntN(7)] }
	templates := []func() string{
		func() string {
			return "0" + digits(1+r.IntN(3)) + sep() + digits(2) + sep() + digits(2) + sep() + digits(2+r.IntN(2))
		},
		func() string {
			return "+32" + sep() + "(0)" + digits(1) + sep() + digits(3) + sep() + digits(2) + sep() + digits(2)
		},
		func() string {
			return []string{"Kerkstraat ", "Grote Markt ", "rue de la Loi ", "12 Church Street"}[r.IntN(4)] + digits(1+r.IntN(3)) + ", " +
				digits(4) + " " + []string{"Gent", "La Hulpe", "Écaussinnes", "gent"}[r.IntN(4)]
		},
		func() string {
			return []string{"maandag", "Ma-vr", "Lundi", "weekdays", "Mo."}[r.IntN(5)] + " " + digits(1) + []string{":", ".", "u", "h", " u", " uur", " am", " a.m.", "p.m.", "Uhr", " heures", ""}[r.IntN(12)] +
				digits(2) + " " + []string{"-", "tot", "à", "to", "–"}[r.IntN(5)] + " " + digits(2) + []string{":30", "u", " h", " PM", ""}[r.IntN(5)]
		},
		func() string {
			return []string{"BE ", "KBO ", "btw: ", "", "n° d'entreprise "}[r.IntN(5)] + []string{"0", "1", "4"}[r.IntN(3)] + digits(3) + sep() + digits(3) + sep() + digits(3)
		},
	}
	text := []byte(templates[r.IntN(len(templates))]())
	for range r.IntN(4) { // change it: drop, double or replace a byte
		if len(text) == 0 {
			break
		}
		i := r.IntN(len(text))
		switch r.IntN(3) {
		case 0:
			text = append(text[:i:i], text[i+1:]...)
		case 1:
			text = append(text[:i+1:i+1], text[i:]...)
		default:
			text[i] = " 0a.Z"[r.IntN(5)]
		}
	}
	var b strings.Builder
	for range r.IntN(4) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	b.Write(text)
	for range r.IntN(4) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestPatternScansRuleOutOnlyTextsWithout: the byte scans that rule a text
// out before the contact patterns run never rule out one where they find
// something (phones, addresses, hours, enterprise numbers), on random texts
// made of the pieces they look for.
func TestPatternScansRuleOutOnlyTextsWithout(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 18))
	found := map[string]int{}
	for range 60_000 {
		text := patternText(r)
		require.Equal(t, scanPhones(text), findPhones(text), "phones in %q", text)
		require.Equal(t, scanAddress(text), findAddress(text), "address in %q", text)
		require.Equal(t, scanHours(text), findHours(text), "hours in %q", text)
		require.Equal(t, scanEnterpriseNumbers(text), findEnterpriseNumbers(text), "enterprise numbers in %q", text)
		for what, n := range map[string]int{"phones": len(scanPhones(text)), "address": len(scanAddress(text)),
			"hours": len(scanHours(text)), "enterprise": len(scanEnterpriseNumbers(text))} {
			if n > 0 {
				found[what]++
			}
		}
	}
	t.Logf("texts with a match: %v", found)
}
