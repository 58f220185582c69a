package questionnaire

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/diag"
)

func runScript(t *testing.T, m *criteria.Model, path, lang, script string, interactive bool) (*criteria.Answers, string, error) {
	t.Helper()
	var out bytes.Buffer
	a, err := Run(context.Background(), Options{
		Model: m, Lang: lang, Path: path, In: strings.NewReader(script), Out: &out,
		Interactive: interactive, Today: "2026-11-23",
	})
	return a, out.String(), err
}

func TestQuestionnaireScripted(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	script := strings.Join([]string{
		"# answers for the test model",
		"organisation: Stad Gent",
		"product: e-loket",
		"1",        // accessible.audit: yes
		"Draft",    // accessible.statement: by code, any case
		"",         // understandable.b1: skipped
		"na # n/a", // simple.steps, with a trailing comment
		"  2  ",    // reachable.phone: no
		"yes",      // supported.phone
		"3",        // involving.test: na
	}, "\n")
	a, out, err := runScript(t, m, path, "nl", script, false)
	require.NoError(t, err)

	loaded, err := criteria.LoadAnswers(path, m)
	require.NoError(t, err, "the file the questionnaire writes loads")
	loaded.Source = ""
	assert.Equal(t, a, loaded)
	assert.Equal(t, map[string]criteria.Answer{
		"accessible.audit": {Option: "yes"}, "accessible.statement": {Option: "draft"},
		"simple.steps": {Option: "na"}, "reachable.phone": {Option: "no"},
		"supported.phone": {Option: "yes"}, "involving.test": {Option: "na"},
	}, loaded.Answers)
	assert.Equal(t, "Stad Gent", loaded.Organisation)
	assert.Equal(t, "e-loket", loaded.Product)
	assert.Equal(t, "2026-11-23", loaded.Date, "the date defaults to today")
	assert.Equal(t, []string{"understandable.b1"}, loaded.Unanswered(m))

	assert.Contains(t, out, "[Toegankelijk] Vraag 1/7\nAudit gedaan?\n  1) Ja\n  2) Nee\n  3) Niet van toepassing\n  4) Weet ik niet\n")
	assert.Contains(t, out, "6 van de 7 vragen beantwoord.")
	assert.Equal(t, 7, strings.Count(out, "Uw keuze ("), "one prompt per question: comment and detail lines ask no new prompt")
	assert.Contains(t, out, "Nog zonder antwoord: understandable.b1")
}

func TestQuestionnaireBadLine(t *testing.T) {
	m := loadTestModel(t)
	tests := []struct {
		name, script, lang, want string
	}{
		{"unknown option", "1\n# comment\nmaybe\n", "en",
			`stdin:3:1: "maybe" is not an answer to question 2. Choose a number from 1 to 4: 1 = Full, 2 = Draft, 3 = None, 4 = Don't know.`},
		{"number out of range", "5\n", "fr",
			"stdin:1:1: «\u00a05\u00a0» n'est pas une réponse à la question 1. Choisissez un numéro de 1 à 4\u00a0: 1 = Oui, 2 = Non, 3 = Sans objet, 4 = Je ne sais pas."},
		{"unknown field", "team: web\n", "nl",
			`stdin:1:1: "team" kennen we niet. Gebruik organisation, product, assessor of date.`},
		{"bad date", "date: morgen\n", "nl",
			`stdin:1:1: "morgen" is geen datum. Schrijf de datum als JJJJ-MM-DD.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "answers.yaml")
			_, _, err := runScript(t, m, path, tt.lang, tt.script, false)
			require.Error(t, err)
			var es diag.Errors
			require.True(t, errors.As(err, &es))
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

func TestQuestionnaireResume(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	_, _, err := runScript(t, m, path, "en", "yes\nfull\n", false)
	require.NoError(t, err)

	// A second run continues at question 3 and keeps the first answers.
	a, out, err := runScript(t, m, path, "en", "no\n", false)
	require.NoError(t, err)
	assert.Contains(t, out, "You have already answered 2 of 7 questions. We continue at question 3.")
	assert.NotContains(t, out, "Question 1/7")
	assert.Contains(t, out, "[Understandable] Question 3/7")
	assert.Equal(t, map[string]criteria.Answer{
		"accessible.audit": {Option: "yes"}, "accessible.statement": {Option: "full"}, "understandable.b1": {Option: "no"},
	}, a.Answers)

	// When every question has an answer, it starts again at question 1
	// and an empty line keeps each answer.
	_, _, err = runScript(t, m, path, "en", "1\n1\n1\n1\n", false)
	require.NoError(t, err)
	a, out, err = runScript(t, m, path, "en", "\n2\n", false)
	require.NoError(t, err)
	assert.Contains(t, out, "Every question already has an answer.")
	assert.Equal(t, "yes", a.Answers["accessible.audit"].Option, "Enter keeps the answer")
	assert.Equal(t, "draft", a.Answers["accessible.statement"].Option)
	assert.Empty(t, a.Unanswered(m))
}

func TestQuestionnaireInteractive(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	script := strings.Join([]string{
		"Stad Gent", "e-loket", "An Peeters", // the file's details
		"b",    // back on the first question: nothing to go back to
		"?",    // help of accessible.audit
		"1",    // accessible.audit: yes
		"<",    // back to accessible.audit
		"",     // Enter keeps "yes"
		"what", // not a choice: asked again
		"3",    // accessible.statement: none
		"s",    // skip understandable.b1
		"q",    // save and quit
		"2",    // never read
	}, "\n")
	a, out, err := runScript(t, m, path, "nl", script, true)
	require.NoError(t, err)
	assert.Equal(t, map[string]criteria.Answer{"accessible.audit": {Option: "yes"}, "accessible.statement": {Option: "none"}}, a.Answers)
	assert.Equal(t, "Stad Gent", a.Organisation)
	assert.Equal(t, "An Peeters", a.Assessor)

	assert.Contains(t, out, "Organisatie: ")
	assert.Contains(t, out, "Dit is de eerste vraag.")
	assert.Contains(t, out, "\nUitleg\n", "? shows the help text")
	assert.Equal(t, 2, strings.Count(out, "[Toegankelijk] Vraag 1/7"), "back shows question 1 again")
	assert.Contains(t, out, "Huidig antwoord: Ja (Enter = houden)")
	assert.Contains(t, out, `"what" is geen keuze. Typ een nummer van 1 tot 4, of ? voor uitleg.`)
	assert.Contains(t, out, "Start dezelfde opdracht opnieuw om verder te gaan.")
	assert.Contains(t, out, "[Eenvoudig] Vraag 4/7")
	assert.NotContains(t, out, "Vraag 5/7", "q stops")

	saved, err := criteria.LoadAnswers(path, m)
	require.NoError(t, err)
	assert.Equal(t, a.Answers, saved.Answers)

	// A second run does not ask the details again and continues at the
	// skipped question.
	_, out, err = runScript(t, m, path, "nl", "q\n", true)
	require.NoError(t, err)
	assert.NotContains(t, out, "Organisatie: ")
	assert.Contains(t, out, "[Begrijpelijk] Vraag 3/7")
}

// lineReader returns one line per Read and records the answers file before
// each, to see what was saved when.
type lineReader struct {
	lines []string
	path  string
	seen  []int
	m     *criteria.Model
}

func (r *lineReader) Read(p []byte) (int, error) {
	n := -1
	if a, err := criteria.LoadAnswers(r.path, r.m); err == nil {
		n = len(a.Answers)
	}
	r.seen = append(r.seen, n)
	if len(r.lines) == 0 {
		return 0, io.EOF
	}
	line := r.lines[0] + "\n"
	r.lines = r.lines[1:]
	return copy(p, line), nil
}

func TestQuestionnaireSavesAfterEveryAnswer(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	r := &lineReader{lines: []string{"1", "1", "1"}, path: path, m: m}
	_, err := Run(context.Background(), Options{Model: m, Lang: "en", Path: path, In: r, Today: "2026-11-23"})
	require.NoError(t, err)
	assert.Equal(t, []int{-1, 1, 2, 3}, r.seen, "before each read, the file holds every answer so far")
}

func TestQuestionnaireRefuses(t *testing.T) {
	m := loadTestModel(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.yaml")
	require.NoError(t, os.WriteFile(broken, []byte("model: test\nanswers: {nope: 1}\n"), 0o644))

	_, _, err := runScript(t, m, filepath.Join(dir, "a.yaml"), "de", "", false)
	assert.EqualError(t, err, `questionnaire: language "de" is not in the model (nl, fr, en)`)

	_, _, err = runScript(t, m, broken, "nl", "1\n", false)
	assert.EqualError(t, err, broken+`:2:11: unknown question "nope"`)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(dir, "c.yaml")
	_, err = Run(ctx, Options{Model: m, Lang: "nl", Path: path, In: strings.NewReader("1\n")})
	assert.ErrorIs(t, err, context.Canceled)
	_, err = criteria.LoadAnswers(path, m)
	assert.NoError(t, err, "a cancelled run still saves")
}

func TestParseInput(t *testing.T) {
	q := &criteria.Question{Options: []criteria.Option{{ID: "yes"}, {ID: "s-level"}, {ID: "no"}}}
	tests := []struct {
		line string
		want input
	}{
		{"", input{kind: inputSkip}},
		{"  ", input{kind: inputSkip}},
		{"s", input{kind: inputSkip}},
		{"?", input{kind: inputHelp}},
		{"B", input{kind: inputBack}},
		{"<", input{kind: inputBack}},
		{"q", input{kind: inputQuit}},
		{"# note", input{kind: inputComment}},
		{"2", input{kind: inputAnswer, option: "s-level"}},
		{"YES", input{kind: inputAnswer, option: "yes"}},
		{"no # not yet", input{kind: inputAnswer, option: "no"}},
		{"0", input{kind: inputInvalid, value: "0"}},
		{"perhaps", input{kind: inputInvalid, value: "perhaps"}},
		{"Product: e-loket: v2", input{kind: inputField, field: "product", value: "e-loket: v2"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, parseInput(tt.line, q), "line %q", tt.line)
	}
}

// TestDefaultModelEndToEnd runs the template and a scripted questionnaire
// on the embedded model in every language: whatever its questions, the
// files written load again.
func TestDefaultModelEndToEnd(t *testing.T) {
	m, err := criteria.LoadDefault(nil)
	require.NoError(t, err)
	for _, lang := range m.Languages {
		t.Run(lang, func(t *testing.T) {
			var tpl bytes.Buffer
			require.NoError(t, criteria.WriteTemplate(&tpl, m, lang))
			_, err := criteria.ParseAnswers("template.yaml", tpl.Bytes(), m)
			require.NoError(t, err)

			path := filepath.Join(t.TempDir(), "answers.yaml")
			script := strings.Repeat("1\n", len(m.QuestionIDs()))
			a, _, err := runScript(t, m, path, lang, script, false)
			require.NoError(t, err)
			assert.Empty(t, a.Unanswered(m))
			loaded, err := criteria.LoadAnswers(path, m)
			require.NoError(t, err)
			assert.Equal(t, a.Answers, loaded.Answers)
		})
	}
}

// loadTestModel loads criteria's small test model (testdata/model/valid.yaml
// there), with the checks it names declared as the program declares them.
func loadTestModel(t *testing.T) *criteria.Model {
	t.Helper()
	checks := map[string]*criteria.CheckSpec{
		"html-lang": {Messages: []string{"invalid"}},
		"image-alt": {Params: []string{"min", "skip"}, Messages: []string{"fail"}, Review: true},
		"https":     {Messages: []string{"fail"}},
	}
	m, err := criteria.LoadModel("../criteria/testdata/model/valid.yaml", func(id string) *criteria.CheckSpec { return checks[id] })
	require.NoError(t, err)
	return m
}
