package criteria

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadAnswersValid(t *testing.T) {
	m := loadTestModel(t)
	a, err := LoadAnswers("testdata/answers/valid.yaml", m)
	require.NoError(t, err)
	assert.Equal(t, "test", a.Model)
	assert.Equal(t, "Stad Gent", a.Organisation)
	assert.Equal(t, "e-loket", a.Product)
	assert.Equal(t, "An Peeters", a.Assessor)
	assert.Equal(t, "2026-11-23", a.Date)
	assert.Equal(t, "testdata/answers/valid.yaml", a.Source)
	assert.Equal(t, map[string]Answer{
		"accessible.audit":     {Option: "yes"},
		"accessible.statement": {Option: "draft", Comment: "Still being written."},
		"understandable.b1":    {Option: "na"},
		"reachable.phone":      {Option: "no"},
	}, a.Answers)
	assert.Equal(t, []string{"simple.steps", "supported.phone", "involving.test"}, a.Unanswered(m))
}

func TestLoadAnswersErrors(t *testing.T) {
	m := loadTestModel(t)
	tests := []struct {
		file string
		want []string
	}{
		{"unknown-field", []string{
			`3:1: unknown field "team" in an answers file (known: model, organisation, product, assessor, date, language, answers, reviews)`,
			`5:37: unknown field "remark" in an answer (known: answer, comment)`,
		}},
		{"unknown-ids", []string{
			`4:21: question "accessible.audit" has no option "maybe" (options: yes, no, na, dont-know)`,
			`5:3: unknown question "accessible.speed"`,
			`6:34: question "accessible.statement" has no option "yes" (options: full, draft, none, dont-know)`,
			`8:3: duplicate key "simple.steps" (first at line 7)`,
		}},
		{"wrong-model", []string{
			`2:8: these answers are for model "didi", not "test"`,
			`3:7: date "23/11/2026" is not a date in the form YYYY-MM-DD`,
		}},
		{"no-model", []string{
			`2:1: model is missing: say which model the answers are for (model: test)`,
			`2:15: organisation: expected a text, found a list`,
			`4:3: answers: expected a mapping of question ids to option ids, found a list`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "answers", tt.file+".yaml")
			a, err := LoadAnswers(path, m)
			assert.Nil(t, a)
			assertFileErrors(t, path, err, tt.want)
		})
	}
}

func TestWriteAnswersRoundTrip(t *testing.T) {
	m := loadTestModel(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "answers.yaml")
	a := &Answers{
		Model: "test", Organisation: `OCMW "Sint-Niklaas": dienst #1`, Product: "yes", Assessor: "Zoë\nNaïma",
		Date: "2026-11-23",
		Answers: map[string]Answer{
			"involving.test":       {Option: "no"},
			"accessible.statement": {Option: "draft", Comment: "Nog niet af: 'versie 2'"},
			"accessible.audit":     {Option: "yes"},
		},
	}
	require.NoError(t, WriteAnswers(path, a, m, "fr"))
	back, err := LoadAnswers(path, m)
	require.NoError(t, err)
	back.Source = ""
	assert.Equal(t, a, back)

	b, err := os.ReadFile(path)
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, "\n  # Audit fait ?\n  # Réponse : Oui\n  accessible.audit: \"yes\"\n", "question text and answer in the chosen language")
	assert.Less(t, strings.Index(s, "accessible.audit"), strings.Index(s, "accessible.statement"), "model order")
	assert.Less(t, strings.Index(s, "accessible.statement"), strings.Index(s, "involving.test"), "model order")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file is left behind")
}

func TestWriteAnswersEmpty(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "a.yaml")
	require.NoError(t, WriteAnswers(path, &Answers{Model: "test"}, m, "nl"))
	a, err := LoadAnswers(path, m)
	require.NoError(t, err)
	assert.Empty(t, a.Answers)
	assert.Len(t, a.Unanswered(m), 7)
}

func TestWriteAnswersBadFolder(t *testing.T) {
	m := loadTestModel(t)
	err := WriteAnswers(filepath.Join(t.TempDir(), "missing", "a.yaml"), &Answers{Model: "test"}, m, "nl")
	assert.Error(t, err)
}

func TestWriteTemplate(t *testing.T) {
	m := loadTestModel(t)
	for _, lang := range []string{"nl", "fr", "en"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteTemplate(&buf, m, lang))
			tpl := buf.String()
			q, _ := m.Question("accessible.statement")
			assert.Contains(t, tpl, q.Text[lang])
			assert.Contains(t, tpl, "draft = "+q.Options[1].Text[lang])
			assert.Contains(t, tpl, tr(lang, "question", "n", "2", "total", "7"))

			empty, err := ParseAnswers("template.yaml", buf.Bytes(), m)
			require.NoError(t, err, "the empty template loads")
			assert.Empty(t, empty.Answers)

			filled := tpl
			for _, id := range m.QuestionIDs() {
				q, _ := m.Question(id)
				filled = strings.Replace(filled, "  "+id+":\n", "  "+id+": "+q.Options[len(q.Options)-1].ID+"\n", 1)
			}
			filled = strings.Replace(filled, `date: ""`, `date: 2026-11-23`, 1)
			filled = strings.Replace(filled, `organisation: ""`, `organisation: Stad Brussel`, 1)
			a, err := ParseAnswers("template.yaml", []byte(filled), m)
			require.NoError(t, err, "the filled template loads")
			assert.Empty(t, a.Unanswered(m))
			assert.Equal(t, "dont-know", a.Answers["accessible.statement"].Option)
			assert.Equal(t, "2026-11-23", a.Date)
			assert.Equal(t, "Stad Brussel", a.Organisation)
		})
	}
}

func TestWriteTemplateFile(t *testing.T) {
	m := loadTestModel(t)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	require.NoError(t, WriteTemplateFile(path, m, "nl"))
	_, err := LoadAnswers(path, m)
	require.NoError(t, err)
	err = WriteTemplateFile(path, m, "nl")
	require.Error(t, err, "an existing file is never replaced")
	assert.Contains(t, err.Error(), "already exists")
}

func TestWords(t *testing.T) {
	assert.Equal(t, []string{"Répondez", "« Oui »", "si", "tout", "va", "bien :", "merci !"},
		words("Répondez « Oui » si tout  va bien : merci !"))
	assert.Equal(t, []string{"?", "start"}, words("? start"), "leading punctuation stays a word")
}

func TestComment(t *testing.T) {
	var b bytes.Buffer
	comment(&b, "  ", strings.Repeat("word ", 30)+"\n\n  indented line")
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	require.Len(t, lines, 4)
	for _, l := range lines {
		assert.True(t, strings.HasPrefix(l, "  #"), l)
		assert.LessOrEqual(t, len(l), commentWidth+4)
	}
	assert.Equal(t, "  #", lines[2])
	assert.Equal(t, "  #   indented line", lines[3])
}

func TestAnswersReviews(t *testing.T) {
	m := loadTestModel(t)
	good := "model: test\nanswers: {}\nreviews:\n  image-alt: {answer: pass, comment: \"The photos are decorative.\"}\n"
	a, err := ParseAnswers("r.yaml", []byte(good), m)
	require.NoError(t, err)
	assert.Equal(t, map[string]Answer{"image-alt": {Option: ReviewPass, Comment: "The photos are decorative."}}, a.Reviews)

	// The file written back keeps the reviews and loads again.
	again, err := ParseAnswers("again.yaml", AnswersYAML(a, m, "en"), m)
	require.NoError(t, err)
	assert.Equal(t, a.Reviews, again.Reviews)
	assert.Contains(t, string(AnswersYAML(a, m, "en")), "# Decorative?")

	bad := "model: test\nreviews:\n  image-alt: maybe\n  html-lang: pass\n  nope: fail\n"
	_, err = ParseAnswers("bad.yaml", []byte(bad), m)
	var errs Errors
	require.True(t, errors.As(err, &errs), "%v", err)
	assert.Equal(t, []string{
		`bad.yaml:3:14: a review answer is "pass" or "fail", not "maybe"`,
		`bad.yaml:4:3: check "html-lang" has no review question to answer`,
		`bad.yaml:5:3: check "nope" has no review question to answer`,
	}, strings.Split(errs.Error(), "\n"))
}

func TestAnswersByLabelAndReplacedIDs(t *testing.T) {
	m, err := LoadDefault(nil)
	require.NoError(t, err)
	src := "model: didi\nlanguage: nl\nanswers:\n" +
		"  accessible.audit: In het voorbije jaar\n" + // the option's label, not its code
		"  accessible.fixes: Je ne sais pas\n" + // a label in another language
		"  accessible.team-tests: {answer: always, comment: \"elke sprint\"}\n" + // split into two questions
		"  accessible.screen-reader-tests: sometimes\n" // a new id wins over the old one
	a, err := ParseAnswers("old.yaml", []byte(src), m)
	require.NoError(t, err, "an answers file of model 2026.1 still loads")
	assert.Equal(t, "past-year", a.Answers["accessible.audit"].Option)
	assert.Equal(t, "dont-know", a.Answers["accessible.fixes"].Option)
	assert.Equal(t, Answer{Option: "always", Comment: "elke sprint"}, a.Answers["accessible.keyboard-tests"])
	assert.Equal(t, "sometimes", a.Answers["accessible.screen-reader-tests"].Option)
	assert.NotContains(t, a.Answers, "accessible.team-tests")
	assert.Equal(t, "nl", a.Language)

	_, err = ParseAnswers("bad.yaml", []byte("model: didi\nlanguage: de\n"), m)
	assert.EqualError(t, err, `bad.yaml:2:11: language "de" is not a language of the model (nl, fr, en)`)
}
