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
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/i18n"
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
			`stdin:1:1: "team" kennen we niet. Gebruik organisation, product, assessor, date of comment.`},
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
	assert.Contains(t, out, "\nUitleg\n", "? shows the help text")
	assert.Equal(t, 2, strings.Count(out, "[Toegankelijk] Vraag 1/7"), "back shows question 1 again")
	assert.Contains(t, out, "Huidig antwoord: Ja (Enter = houden)")
	assert.Contains(t, out, `"what" is geen keuze. Typ een nummer van 1 tot 4, of ? voor uitleg.`)
	assert.Contains(t, out, "Gestopt. Typ deze opdracht om verder te gaan:\n  didi questionnaire --lang nl --out "+path+"\n")
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

// TestQuestionnaireBackToDetails: "b" on the first question goes back to
// the organisation, product and assessor, where Enter keeps each; a script
// has no details to go back to.
func TestQuestionnaireBackToDetails(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	_, _, err := runScript(t, m, path, "en", "Stad Gent\ne-loket\nAn\nq\n", true)
	require.NoError(t, err)
	a, out, err := runScript(t, m, path, "en", "b\n\nMijn Gemeente\n\n2\nq\n", true)
	require.NoError(t, err)
	assert.Contains(t, out, "Organisation (Stad Gent, Enter = keep): Product or service (e-loket, Enter = keep): Your name (An, Enter = keep): ")
	assert.Equal(t, 2, strings.Count(out, "[Accessible] Question 1/7"), "then question 1 again")
	assert.Equal(t, "Stad Gent", a.Organisation, "Enter keeps")
	assert.Equal(t, "Mijn Gemeente", a.Product)
	assert.Equal(t, "An", a.Assessor)
	assert.Equal(t, "no", a.Answers["accessible.audit"].Option)
	saved, err := criteria.LoadAnswers(path, m)
	require.NoError(t, err)
	assert.Equal(t, "Mijn Gemeente", saved.Product, "the details are saved at once")

	_, out, err = runScript(t, m, filepath.Join(t.TempDir(), "b.yaml"), "en", "b\n", false)
	require.NoError(t, err)
	assert.Contains(t, out, "This is the first question.")
}

// TestQuestionnaireOptionText: an option can be chosen by its text, in any
// language and case, also when it holds a colon.
func TestQuestionnaireOptionText(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	a, _, err := runScript(t, m, path, "nl", "nee\nOntwerp\nDon't know\nsans objet\n", false)
	require.NoError(t, err)
	assert.Equal(t, map[string]criteria.Answer{
		"accessible.audit": {Option: "no"}, "accessible.statement": {Option: "draft"},
		"understandable.b1": {Option: "dont-know"}, "simple.steps": {Option: "na"},
	}, a.Answers)

	q := &criteria.Question{Options: []criteria.Option{{ID: "part", Text: i18n.Text{"nl": "Ja: voor een deel"}}}}
	assert.Equal(t, input{kind: inputAnswer, option: "part"}, parseInput("ja: VOOR een deel", q))
}

// TestQuestionnaireComments: "c" asks for a comment on the answer, saved
// with it; a "comment:" line does the same in a script; a comment before
// the answer waits for it, and one that gets no answer is said to be lost;
// comments already in the file, as a comment field or as lines written by
// hand, are kept when it is written again.
func TestQuestionnaireComments(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, os.WriteFile(path, []byte("# Ingevuld met de dienst Communicatie\nmodel: test\nanswers:\n  # Jan belt terug\n  reachable.phone: {answer: \"no\", comment: \"Vraag het aan Jan\"}\n"), 0o644))
	script := strings.Join([]string{
		"org", "prod", "me",
		"1", // accessible.audit: yes
		"<", // back to it
		"c", "Audit door Firma X in 2025",
		"",                              // keep the answer
		"comment: Enkel de startpagina", // before the answer: waits for it
		"2",                             // accessible.statement: draft, with the comment
		"c", "Geen idee", "s",           // a comment, then skip: lost
	}, "\n")
	a, out, err := runScript(t, m, path, "nl", script, true)
	require.NoError(t, err)
	assert.Contains(t, out, "Opmerking bewaard.")
	assert.Contains(t, out, "We bewaren uw opmerking samen met uw antwoord. Kies nu een antwoord.")
	assert.Contains(t, out, "Uw opmerking is niet bewaard: een opmerking hoort bij een antwoord.")
	want := map[string]criteria.Answer{
		"accessible.audit":     {Option: "yes", Comment: "Audit door Firma X in 2025"},
		"accessible.statement": {Option: "draft", Comment: "Enkel de startpagina"},
		"reachable.phone":      {Option: "no", Comment: "Vraag het aan Jan"},
	}
	assert.Equal(t, want, a.Answers)
	saved, err := criteria.LoadAnswers(path, m)
	require.NoError(t, err)
	assert.Equal(t, want, saved.Answers)
	assert.Equal(t, map[string][]string{"": {"Ingevuld met de dienst Communicatie"}, "reachable.phone": {"Jan belt terug"}}, saved.Notes,
		"the notes written by hand in the file are kept")

	_, out, err = runScript(t, m, path, "nl", "<\nq\n", true) // from question 3 back to 2
	require.NoError(t, err)
	assert.Contains(t, out, "Uw opmerking: Enkel de startpagina", "a question shows its comment")
}

// TestQuestionnaireWraps: every line fits the width (the commands to copy
// at the end excepted), at word boundaries.
func TestQuestionnaireWraps(t *testing.T) {
	m := loadTestModel(t)
	for _, lang := range m.Languages {
		path := filepath.Join(t.TempDir(), "antwoorden van het team.yaml")
		var out bytes.Buffer
		// Not on a terminal: each line typed is echoed, as a terminal does.
		_, err := Run(context.Background(), Options{
			Model: m, Lang: lang, Path: path, In: strings.NewReader("?\n1\n<\nc\nok\n\nx\n"), Out: &out,
			Today: "2026-11-23", Width: 40,
		})
		require.NoError(t, err)
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "  didi ") {
				continue
			}
			assert.LessOrEqual(t, utf8.RuneCountInString(strings.TrimRight(line, " ")), 40, "%s: %q", lang, line)
		}
		assert.Contains(t, out.String(), "  didi questionnaire --lang "+lang+" --out '"+path+"'\n", "a path with spaces is quoted")
	}
}

// TestQuestionnaireNextCommand: at the end the questionnaire shows the
// command to scan with the answers (with the model given), or to continue
// when the user stopped early.
func TestQuestionnaireNextCommand(t *testing.T) {
	m := loadTestModel(t)
	tests := []struct {
		name, script, lang, want string
	}{
		{"all answered", strings.Repeat("1\n", 7), "en", "Done! Every question has an answer.\nNext step: scan your website with these answers. Type this command, with the\naddress of your website:\n  didi scan https://www.your-website.be --answers ANSWERS --model my-model.yaml\n"},
		{"reached the end with a skip", "\n" + strings.Repeat("1\n", 6), "fr", "  didi scan https://www.votre-site.be --answers ANSWERS --model my-model.yaml\n"},
		{"stopped early", "1\nx\n", "nl", "Gestopt. Typ deze opdracht om verder te gaan:\n  didi questionnaire --lang nl --out ANSWERS --model my-model.yaml\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "answers.yaml")
			var out bytes.Buffer
			_, err := Run(context.Background(), Options{Model: m, Lang: tt.lang, Path: path, In: strings.NewReader(tt.script), Out: &out, ModelPath: "my-model.yaml"})
			require.NoError(t, err)
			assert.True(t, strings.HasSuffix(out.String(), strings.ReplaceAll(tt.want, "ANSWERS", path)), "output ends with\n%s", out.String()[max(0, out.Len()-300):])
		})
	}
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
		{"c", input{kind: inputCommentAsk}},
		{"comment: asked the supplier", input{kind: inputField, field: "comment", value: "asked the supplier"}},
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
