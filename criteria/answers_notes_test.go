package criteria

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNotesKept: the comment lines a person adds to an answers file come
// back, where they stood, when the file is written again (by the
// questionnaire); didi's own comments are not doubled, in whatever
// language or model version they were written; a second round trip
// changes nothing.
func TestNotesKept(t *testing.T) {
	m := loadTestModel(t)
	a := &Answers{Model: "test", Organisation: "Stad Gent", Date: "2026-11-23", Language: "fr",
		Answers: map[string]Answer{"accessible.audit": {Option: "yes"}, "reachable.phone": {Option: "no", Comment: "Pas encore"}},
		Reviews: map[string]Answer{"image-alt": {Option: ReviewPass}}}
	written := string(AnswersYAML(a, m, "fr"))
	edits := []struct{ after, add string }{
		{"Modèle de test (test 1).\n", ""}, // no change: the header is there
		{"model: \"test\"\n", "# Ajouté par Jan\n#   - liste à garder telle quelle\n"},
		{"organisation: \"Stad Gent\"", " # le nom officiel"},
		{"  # Réponse : Oui\n", "  # Rapport d'audit dans le dossier partagé\n"},
		{"  reachable.phone:\n", ""},
		{"reviews:\n", "  # Les photos sont décoratives, vu avec Ann\n"},
	}
	edited := written
	for _, e := range edits {
		i := strings.Index(edited, e.after)
		require.GreaterOrEqual(t, i, 0, "%q not in\n%s", e.after, written)
		edited = edited[:i+len(e.after)] + e.add + edited[i+len(e.after):]
	}
	edited += "# Fin : à relire en mars\n"
	// An older model version wrote another header.
	edited = strings.Replace(edited, "(test 1)", "(test 0.9)", 1)

	loaded, err := ParseAnswers("a.yaml", []byte(edited), m)
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{
		"":                 {"Ajouté par Jan", "  - liste à garder telle quelle", "le nom officiel", "Fin : à relire en mars"},
		"accessible.audit": {"Rapport d'audit dans le dossier partagé"},
		"image-alt":        {"Les photos sont décoratives, vu avec Ann"},
	}, loaded.Notes)

	for _, lang := range []string{"fr", "nl"} { // the notes survive a change of language
		again := string(AnswersYAML(loaded, m, lang))
		assert.Contains(t, again, "\n# Ajouté par Jan\n#   - liste à garder telle quelle\n# le nom officiel\n# Fin : à relire en mars\nmodel:")
		assert.Contains(t, again, "# Rapport d'audit dans le dossier partagé\n  accessible.audit: \"yes\"\n")
		assert.Contains(t, again, "  # Les photos sont décoratives, vu avec Ann\n  image-alt: \"pass\"\n")
		assert.NotContains(t, again, "0.9", "the old header is didi's, not a note")
		reloaded, err := ParseAnswers("b.yaml", []byte(again), m)
		require.NoError(t, err)
		assert.Equal(t, loaded.Notes, reloaded.Notes, "%s: a second round trip keeps the same notes", lang)
		assert.Equal(t, again, string(AnswersYAML(reloaded, m, lang)), "%s: and the same file", lang)
	}
}

// TestNotesFromTemplate: a template filled in by hand loses the template's
// explanations when it is written again, but keeps the person's notes,
// also on a question left without an answer.
func TestNotesFromTemplate(t *testing.T) {
	m := loadTestModel(t)
	var tpl bytes.Buffer
	require.NoError(t, WriteTemplate(&tpl, m, "nl"))
	filled := strings.Replace(tpl.String(), "  accessible.audit:\n", "  # gevraagd aan de leverancier\n  accessible.audit: Ja\n", 1)
	filled = strings.Replace(filled, "  simple.steps:\n", "  # nog te bekijken met Piet\n  simple.steps:\n", 1)
	a, err := ParseAnswers("t.yaml", []byte(filled), m)
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{
		"accessible.audit": {"gevraagd aan de leverancier"},
		"simple.steps":     {"nog te bekijken met Piet"},
	}, a.Notes)
	out := string(AnswersYAML(a, m, "nl"))
	assert.NotContains(t, out, "Antwoorden:", "no template explanations")
	assert.Contains(t, out, "  # nog te bekijken met Piet\n  simple.steps:\n", "an unanswered question keeps its note")
	back, err := ParseAnswers("t2.yaml", []byte(out), m)
	require.NoError(t, err)
	assert.Equal(t, a.Notes, back.Notes)
	assert.Equal(t, a.Answers, back.Answers)
}
