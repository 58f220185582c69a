package criteria

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite generated files (docs/model.md)")

// testChecks are the checks the test fixtures may use, as the program
// declares them; criteria does not import the check registry.
var testChecks = map[string]*CheckSpec{
	"html-lang": {Messages: []string{"invalid"}},
	"image-alt": {Params: []string{"min", "skip"}, Messages: []string{"fail"}, Review: true},
	"https":     {Messages: []string{"fail"}},
}

func knownCheck(id string) *CheckSpec { return testChecks[id] }

func loadTestModel(t *testing.T) *Model {
	t.Helper()
	m, err := LoadModel("testdata/model/valid.yaml", knownCheck)
	require.NoError(t, err)
	return m
}

func TestLoadModelValid(t *testing.T) {
	b, err := os.ReadFile("testdata/model/valid.yaml")
	require.NoError(t, err)
	m := loadTestModel(t)
	sum := sha256.Sum256(b)
	assert.Equal(t, hex.EncodeToString(sum[:]), m.SHA256)
	assert.Equal(t, "testdata/model/valid.yaml", m.Source)
	assert.Equal(t, []string{"accessible.audit", "accessible.statement", "understandable.b1", "simple.steps",
		"reachable.phone", "supported.phone", "involving.test"}, m.QuestionIDs())
	assert.Equal(t, []string{"html-lang", "image-alt", "https"}, m.CheckIDs())

	q, c := m.Question("accessible.audit")
	require.NotNil(t, q)
	assert.Equal(t, "accessible", c.ID)
	assert.Equal(t, "yn", q.Scale, "the scale name is kept")
	assert.Equal(t, []string{"yes", "no", "na", "dont-know"}, q.OptionIDs(), "options are filled from the scale")
	q.Options[0].Score = 0.25
	assert.Equal(t, 1.0, m.Scales["yn"][0].Score, "each question has its own copy of the scale")

	// Defaults: weights left out are 1, a mix left out is 0.5/0.5.
	assert.Equal(t, 2.0, m.Criterion("accessible").Weight)
	assert.Equal(t, 1.0, m.Criterion("understandable").Weight)
	assert.Equal(t, Mix{Questionnaire: 0.5, Automated: 0.5}, m.Criterion("understandable").Mix)
	assert.Equal(t, Mix{Questionnaire: 0.8, Automated: 0.2}, m.Criterion("involving").Mix)
	assert.Equal(t, 1.0, m.Criterion("trustworthy").Checks[0].Weight)
	q, _ = m.Question("accessible.statement")
	assert.Equal(t, 2.0, q.Weight)

	// Parameters keep YAML types the checks read (float64, []any).
	params := m.Criterion("accessible").Checks[1].Params
	assert.Equal(t, 0.5, params["min"])
	assert.Equal(t, []any{"a", "b"}, params["skip"])
	assert.NotNil(t, m.CheckText("image-alt"))
	assert.Nil(t, m.CheckText("nope"))
}

func TestLoadModelErrors(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"unknown-field", []string{
			`5:1: unknown field "colour" in the model (known: id, version, languages, title, levels, scales, roles, replaced, criteria, checks)`,
			`27:9: unknown field "hint" in a question (known: id, weight, text, help, tip, scale, options, who)`,
			`64:21: unknown field "wieght" in a check reference (known: id, weight, params)`,
			`78:5: check "image-alt" can say needs_review but has no review question (review:)`,
			`84:5: unknown field "reveiw" in check texts (known: id, title, problem, description, tip, messages, review)`,
		}},
		{"duplicate-id", []string{
			`13:12: duplicate option "yes" in scale "yn" (first at 12:12)`,
			`34:18: duplicate option "draft" in question "accessible.statement" (first at 33:18)`,
			`48:14: duplicate question "simple.steps" (first at 47:14)`,
			`64:14: duplicate check "html-lang" (first at 36:14): a check counts for one criterion only`,
			`85:9: duplicate texts for check "image-alt" (first at 78:9)`,
			`93:5: duplicate key "tip" (first at line 92)`,
		}},
		{"missing-language", []string{
			`6:48: title: the "en" text is empty`,
			`8:66: level "A" label: unknown language "de" (the model's languages: nl, fr, en)`,
			`23:9: question "accessible.audit" help: missing language "fr"`,
			`43:5: criterion "simple" why is missing`,
			`80:7: check "image-alt" message "fail": missing language "fr"`,
		}},
		{"score", []string{
			`13:25: scale "yn" option "no": score -0.1 is outside [0,1]`,
			`33:32: question "accessible.statement" option "draft": score 1.5 is outside [0,1]`,
			`34:13: question "accessible.statement" option "none" has no score`,
		}},
		{"weight", []string{
			`17:13: criterion "accessible": weight -1 is negative`,
			`27:17: question "accessible.statement": weight -1 is negative`,
			`36:33: check "html-lang": weight -2 is negative`,
			`39:5: criterion "understandable": mix parts must be 0 or more`,
			`65:5: criterion "involving": mix questionnaire and automated are both 0`,
		}},
		{"unknown-check", []string{
			`62:14: check "no-such-check" has no texts in the checks: section`,
			`62:14: unknown check "no-such-check"`,
			`83:9: texts for check "https", which no criterion uses`,
		}},
		{"missing-criterion", []string{
			`15:1: criterion "involving" is missing`,
			`63:9: unknown criterion "fast": the model has exactly these criteria: accessible, understandable, simple, reachable, supported, trustworthy, involving`,
			`68:14: question id "involving.test" must have the form fast.<name>`,
		}},
		{"bad-scale", []string{
			`42:139: question "understandable.b1": unknown scale "yesno" (known: yn)`,
			`47:9: question "simple.steps" has neither a scale nor options`,
			`52:142: question "reachable.phone": set either scale or options, not both`,
		}},
		{"structure", []string{
			`9:21: levels must go down: "B" (min 50) is not below "A" (min 0)`,
			`9:21: the lowest level must have min 0, so that every score gets a level`,
			`21:13: question id "simple.audit" must have the form accessible.<name>`,
			`52:14: id "reachable.Phone" may only use lowercase letters, digits, '.', '-' and '_'`,
			`57:14: question id "supported." must have the form supported.<name>`,
			`58:5: criterion "trustworthy" has no questions and no checks`,
			`73:47: check "html-lang" message "invalid": the fr text has placeholders {lang}, the nl text {code}`,
			`73:74: check "html-lang" message "invalid": the en text has placeholders {lang}, the nl text {code}`,
		}},
		{"declared", []string{
			`36:36: check "html-lang" has no parameter "strict" (parameters: none)`,
			`76:7: check "html-lang" never emits message "missing" (its messages: invalid)`,
			`77:5: check "html-lang" never says needs_review: remove its review question`,
			`78:5: check "image-alt" can say needs_review but has no review question (review:)`,
			`82:5: check "image-alt" message "fail" is missing`,
			`83:7: check "image-alt" never emits message "empty" (its messages: fail)`,
		}},
		{"types", []string{
			`14:30: na: expected true or false, found "maybe"`,
			`17:12: weight: the value is missing`,
			`33:32: score: "high" is not a number`,
			`37:36: check "image-alt" has no parameter "1" (parameters: min, skip)`,
			`44:5: criterion "simple" title is missing`,
			`44:12: title: expected a mapping, found a list`,
		}},
		{"syntax", []string{`3:1: YAML syntax: did not find expected ',' or '}'`}},
		{"empty", []string{`1:1: the file is empty`}},
		{"numbers", []string{
			`17:13: weight: ".inf" is not a finite number`,
			`27:17: weight: ".nan" is not a finite number`,
			`36:33: weight: "1e400" is not a number`,
		}},
		{"huge-weight", []string{`17:13: criterion "accessible": weight 1e+06 is too large (at most 1000)`}},
		{"second-document", []string{`89:1: a second YAML document (after ---): the file must hold one`}},
		{"not-a-mapping", []string{`2:1: expected a mapping with id, version, languages, title, levels, scales, criteria and checks`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "model", tt.file+".yaml")
			m, err := LoadModel(path, knownCheck)
			assert.Nil(t, m)
			assertFileErrors(t, path, withoutLaterRules(err), tt.want)
		})
	}
}

// laterRules are the rules added after these fixtures were written (who,
// "don't know", problem titles); TestLoadModelNewRules tests them, the
// other fixtures leave them out.
var laterRules = []string{"who is missing", `has no "don't know" option`, "has no problem title"}

// withoutLaterRules drops the messages of laterRules from err.
func withoutLaterRules(err error) error {
	var es Errors
	if !errors.As(err, &es) {
		return err
	}
	var out Errors
	for _, e := range es {
		later := false
		for _, r := range laterRules {
			later = later || strings.Contains(e.Msg, r)
		}
		if !later {
			out = append(out, e)
		}
	}
	return out
}

func TestLoadModelNewRules(t *testing.T) {
	b, err := os.ReadFile("testdata/model/valid.yaml")
	require.NoError(t, err)
	src := string(b)
	tests := []struct{ name, old, new, want string }{
		{"no problem title", "    problem: {nl: Probleem, fr: Problème, en: Problem}\n    description: {nl: D, fr: D, en: D}\n    tip: {nl: T, fr: T, en: T}\n    messages:\n      invalid", "    description: {nl: D, fr: D, en: D}\n    tip: {nl: T, fr: T, en: T}\n    messages:\n      invalid",
			`check "html-lang" has no problem title: add problem: {nl, fr, en}`},
		{"empty problem title", "problem: {nl: Probleem, fr: Problème, en: Problem}\n    description: {nl: D, fr: D, en: D}\n    tip: {nl: T, fr: T, en: T}\n    messages:\n      invalid", "problem: {nl: Probleem, fr: \"\", en: Problem}\n    description: {nl: D, fr: D, en: D}\n    tip: {nl: T, fr: T, en: T}\n    messages:\n      invalid",
			`check "html-lang" problem title: the "fr" text is empty`},
		{"no who", "        who: it\n        options:", "        options:", `question "accessible.statement": who is missing`},
		{"unknown who", "        who: it\n        options:", "        who: boss\n        options:", `question "accessible.statement": unknown role "boss" (known: it)`},
		{"no dont-know", "          - {id: dont-know, unknown: true, text: {nl: Weet ik niet, fr: Je ne sais pas, en: \"Don't know\"}}\n", "", `question "accessible.statement" has no "don't know" option`},
		{"replaced is a question", "criteria:\n", "replaced:\n  - {id: simple.steps, by: [simple.stepz]}\ncriteria:\n", `replaced question "simple.steps" is still a question of the model`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Contains(t, src, tt.old)
			_, err := Parse("m.yaml", []byte(strings.Replace(src, tt.old, tt.new, 1)), knownCheck)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Regexp(t, `^m\.yaml:\d+:\d+: `, err.Error(), "file:line:col")
		})
	}
}

func TestLoadModelFileErrors(t *testing.T) {
	_, err := LoadModel("testdata/model/does-not-exist.yaml", nil)
	require.Error(t, err)
	assert.True(t, errors.Is(err, fs.ErrNotExist))
	var es Errors
	assert.False(t, errors.As(err, &es), "a missing file is not a model problem")
}

func TestUnknownChecksSkippedWithoutRegistry(t *testing.T) {
	_, err := LoadModel("testdata/model/unknown-check.yaml", nil)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "unknown check")
	assert.Contains(t, err.Error(), `check "no-such-check" has no texts`)
}

func TestErrorsSortedAndUnique(t *testing.T) {
	es := Errors{
		{File: "b.yaml", Line: 1, Col: 1, Msg: "z"},
		{File: "a.yaml", Line: 10, Col: 2, Msg: "y"},
		{File: "a.yaml", Line: 2, Col: 5, Msg: "x"},
		{File: "a.yaml", Line: 2, Col: 5, Msg: "x"},
		{File: "a.yaml", Line: 2, Col: 3, Msg: "w"},
	}
	assert.Equal(t, "a.yaml:2:3: w\na.yaml:2:5: x\na.yaml:10:2: y\nb.yaml:1:1: z", es.Error())
	assert.NoError(t, Errors(nil).OrNil())
}

// TestParseNeverPanics feeds every prefix of a valid model and of an
// answers file to the loaders.
func TestParseNeverPanics(t *testing.T) {
	m := loadTestModel(t)
	for _, file := range []string{"testdata/model/valid.yaml", "testdata/answers/valid.yaml"} {
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		for i := 0; i <= len(b); i += 3 {
			_, _ = Parse("x.yaml", b[:i], knownCheck)
			_, _ = ParseAnswers("x.yaml", b[:i], m)
		}
	}
	for _, s := range []string{"", "~", "[]", "a: *x", "a: &x [*x]", "<<: {a: 1}", "? [a]\n: b", "criteria: [1, [2]]", "levels: {a: b}"} {
		_, _ = Parse("x.yaml", []byte(s), knownCheck)
		_, _ = ParseAnswers("x.yaml", []byte(s), m)
	}
}

func TestAliasBomb(t *testing.T) {
	doc := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for _, l := range []string{"b", "c", "d", "e", "f", "g", "h"} {
		prev := string(rune(l[0] - 1))
		doc += l + ": &" + l + " [" + strings.Repeat("*"+prev+", ", 9) + "*" + prev + "]\n"
	}
	doc += "criteria: [{id: accessible, checks: [{id: x, params: {p: *h}}]}]\n"
	_, err := Parse("bomb.yaml", []byte(doc), nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bomb.yaml:1:1: unknown field \"a\"")
	assert.Contains(t, err.Error(), "the document expands to more than 1000000 values (too many aliases)")
}

func FuzzParse(f *testing.F) {
	b, err := os.ReadFile("testdata/model/valid.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("criteria: [{id: accessible, questions: [{id: x, scale: y}]}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = Parse("fuzz.yaml", data, knownCheck)
	})
}

func FuzzParseAnswers(f *testing.F) {
	m, err := LoadModel("testdata/model/valid.yaml", knownCheck)
	if err != nil {
		f.Fatal(err)
	}
	b, err := os.ReadFile("testdata/answers/valid.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("model: test\nanswers: {accessible.audit: {answer: [x]}}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAnswers("fuzz.yaml", data, m)
		if err == nil && a == nil {
			t.Fatal("no answers and no error")
		}
	})
}

func TestModelJSON(t *testing.T) {
	m := loadTestModel(t)
	b, err := ModelJSON(m)
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, `"id": "accessible.audit"`)
	assert.Contains(t, s, `"sha256": "`+m.SHA256+`"`)
	assert.Contains(t, s, `"nl": "Audit gedaan?"`)
}

func TestModelMarkdown(t *testing.T) {
	m := loadTestModel(t)
	md := string(ModelMarkdown(m, []string{"nl", "fr"}))
	for _, want := range []string{
		"| **Question** | Audit gedaan? | Audit fait ? |",
		"| `draft` | 0.5 | Ontwerp | Projet |",
		"| `na` | not applicable | Niet van toepassing | Sans objet |",
		"| [`image-alt`](#check-image-alt) | 3 | `{\"min\":0.5,\"skip\":[\"a\",\"b\"]}` |",
		"| **Message `invalid`** | \"{lang}\" is fout | « {lang} » est faux |",
		"| **Question for review** | Decoratief? | Décorative ? |",
		"#### Check `https`",
		"7 questions and 3 checks in all.",
	} {
		assert.Contains(t, md, want)
	}
	assert.NotContains(t, md, "Audit done?", "only the languages asked for")
	assert.Equal(t, `a&amp;b &lt;html> \| x<br>y`, cell("a&b <html> | x\ny"))
}

// TestDocsModelInSync keeps docs/model.md equal to the documentation of the
// embedded default model. Run with -update to rewrite it.
func TestDocsModelInSync(t *testing.T) {
	m, err := LoadDefault(nil)
	require.NoError(t, err, "the default model must load")
	got := ModelMarkdown(m, m.Languages)
	path := filepath.Join("..", "docs", "model.md")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run: go test ./criteria -run TestDocsModelInSync -update")
	if !bytes.Equal(want, got) {
		t.Fatalf("docs/model.md is out of date; run: go test ./criteria -run TestDocsModelInSync -update")
	}
}

// assertFileErrors checks that err is an Errors list with exactly the want
// messages, each as "path:line:column: ...".
func assertFileErrors(t *testing.T, path string, err error, want []string) {
	t.Helper()
	require.Error(t, err)
	var es Errors
	require.True(t, errors.As(err, &es), "want Errors, got %T", err)
	full := make([]string, len(want))
	for i, w := range want {
		full[i] = path + ":" + w
	}
	assert.Equal(t, strings.Join(full, "\n"), err.Error())
	assert.Len(t, es, len(want))
}

// TestGlossary holds every text of the built-in model to docs/glossary.md:
// no text uses a word the glossary says to avoid in its language.
func TestGlossary(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "docs", "glossary.md"))
	require.NoError(t, err)
	avoid := map[string][]string{}
	rows := 0
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|"), "|")
		if len(cells) != 7 || strings.HasPrefix(cells[0], "---") || strings.TrimSpace(cells[0]) == "concept" {
			continue
		}
		rows++
		for i, lang := range []string{"nl", "fr", "en"} {
			for _, w := range strings.Split(cells[4+i], ",") {
				if w = strings.TrimSpace(w); w != "" {
					avoid[lang] = append(avoid[lang], w)
				}
			}
		}
	}
	require.Greater(t, rows, 10, "the glossary table was read")
	m, err := LoadDefault(nil)
	require.NoError(t, err)
	texts := modelTexts(m)
	for lang, words := range avoid {
		for _, w := range words {
			re := regexp.MustCompile(`(?i)(^|[^\pL])` + regexp.QuoteMeta(w) + `($|[^\pL])`)
			for _, tx := range texts {
				if s := tx.text[lang]; re.MatchString(s) {
					t.Errorf("%s (%s) uses %q, which docs/glossary.md says to avoid: %s", tx.where, lang, w, s)
				}
			}
		}
	}
}

// placedText is one text of the model and where it is.
type placedText struct {
	where string
	text  Text
}

// modelTexts lists every user-facing text of m.
func modelTexts(m *Model) []placedText {
	out := []placedText{{"title", m.Title}}
	for _, c := range m.Criteria {
		out = append(out, placedText{c.ID, c.Title}, placedText{c.ID, c.Why})
		for _, q := range c.Questions {
			out = append(out, placedText{q.ID, q.Text}, placedText{q.ID, q.Help}, placedText{q.ID, q.Tip})
			for _, o := range q.Options {
				out = append(out, placedText{q.ID + "/" + o.ID, o.Text})
			}
		}
	}
	for _, ct := range m.Checks {
		out = append(out, placedText{ct.ID, ct.Title}, placedText{ct.ID, ct.Problem}, placedText{ct.ID, ct.Description}, placedText{ct.ID, ct.Tip}, placedText{ct.ID, ct.Review})
		for k, msg := range ct.Messages {
			out = append(out, placedText{ct.ID + "/" + k, msg})
		}
	}
	for id, r := range m.Roles {
		out = append(out, placedText{"role " + id, r})
	}
	return out
}
