package criteria

import (
	"fmt"
	"strings"
	"time"

	"github.com/didi-index/didi/diag"

	"gopkg.in/yaml.v3"
)

// DateLayout is the layout of the answers file's date (YYYY-MM-DD).
const DateLayout = "2006-01-02"

// answersFields are the top-level fields of an answers file.
var answersFields = []string{"model", "organisation", "product", "assessor", "date", "language", "answers", "reviews"}

// LoadAnswers reads an answers file and checks it against model m. A file
// that cannot be read gives a wrapped os error; a file with problems
// (unknown fields, unknown question or option ids, another model, a bad
// date) gives Errors with file:line:column. Unanswered questions are fine:
// see Unanswered.
func LoadAnswers(path string, m *Model) (*Answers, error) {
	b, err := diag.ReadFile(path, diag.MaxInputBytes)
	if err != nil {
		return nil, fmt.Errorf("load answers: %w", err)
	}
	return ParseAnswers(path, b, m)
}

// ParseAnswers decodes and checks an answers file's bytes against model m;
// name is used in error messages and as Source.
func ParseAnswers(name string, b []byte, m *Model) (*Answers, error) {
	if m == nil {
		return nil, fmt.Errorf("%s: no model to check the answers against", name)
	}
	root, errs := parseDocument(name, b)
	if errs != nil {
		return nil, errs
	}
	r := &reporter{file: name, pos: positions{}}
	d := &decoder{reporter: r}
	a := &Answers{Answers: map[string]Answer{}, Source: name}
	if root.Kind != yaml.MappingNode {
		d.atPos(posOf(root), "expected a mapping with model, organisation, product, assessor, date and answers")
		return nil, r.errs.OrNil()
	}
	modelSeen := false
	for _, kv := range d.pairs(root) {
		k, v := kv[0], resolve(kv[1])
		switch k.Value {
		case "model":
			modelSeen = true
			a.Model = d.scalar(v, k.Value)
			if a.Model != m.ID {
				d.atPos(posOf(v), "these answers are for model %q, not %q", a.Model, m.ID)
			}
		case "organisation":
			a.Organisation = d.scalar(v, k.Value)
		case "product":
			a.Product = d.scalar(v, k.Value)
		case "assessor":
			a.Assessor = d.scalar(v, k.Value)
		case "date":
			a.Date = d.scalar(v, k.Value)
			if _, err := time.Parse(DateLayout, a.Date); a.Date != "" && err != nil {
				d.atPos(posOf(v), "date %q is not a date in the form YYYY-MM-DD", a.Date)
			}
		case "language":
			a.Language = d.scalar(v, k.Value)
			if a.Language != "" && !contains(m.Languages, a.Language) {
				d.atPos(posOf(v), "language %q is not a language of the model (%s)", a.Language, strings.Join(m.Languages, ", "))
			}
		case "answers":
			d.answers(v, m, a)
		case "reviews":
			d.reviews(v, m, a)
		default:
			d.atPos(posOf(k), "unknown field %q in an answers file (known: %s)", k.Value, strings.Join(answersFields, ", "))
		}
	}
	if !modelSeen {
		d.atPos(posOf(root), "model is missing: say which model the answers are for (model: %s)", m.ID)
	}
	if err := r.errs.OrNil(); err != nil {
		return nil, err
	}
	a.Notes = notesOf(b, m)
	return a, nil
}

// scalar returns the text of a scalar node ("" for null), reporting other
// kinds of values.
func (d *decoder) scalar(n *yaml.Node, name string) string {
	if isNull(n) || !d.want(n, yaml.ScalarNode, "a text", name) {
		return ""
	}
	return n.Value
}

// answers decodes the answers: mapping. A question left empty is
// unanswered.
func (d *decoder) answers(n *yaml.Node, m *Model, a *Answers) {
	if isNull(n) || !d.want(n, yaml.MappingNode, "a mapping of question ids to option ids", "answers") {
		return
	}
	old := map[string]Answer{}
	for _, kv := range d.pairs(n) {
		k, v := kv[0], resolve(kv[1])
		q, _ := m.Question(k.Value)
		if q == nil && m.replacement(k.Value) != nil {
			if ans, _ := d.answer(v, k.Value); ans.Option != "" {
				old[k.Value] = ans
			}
			continue
		}
		if q == nil {
			d.atPos(posOf(k), "unknown question %q", k.Value)
			continue
		}
		ans, at := d.answer(v, k.Value)
		if ans.Option == "" {
			continue
		}
		if _, ok := q.Option(ans.Option); !ok {
			if id := q.OptionByText(ans.Option); id != "" {
				ans.Option = id
			} else {
				d.atPos(at, "question %q has no option %q (options: %s)", q.ID, ans.Option, strings.Join(q.OptionIDs(), ", "))
				continue
			}
		}
		a.Answers[q.ID] = ans
	}
	// Answers to questions that were split: each new question the file does
	// not answer itself takes the old answer, when it has that option.
	for _, r := range m.Replaced {
		ans, ok := old[r.ID]
		if !ok {
			continue
		}
		for _, id := range r.By {
			q, _ := m.Question(id)
			if _, answered := a.Answers[id]; answered || q == nil {
				continue
			}
			if _, ok := q.Option(ans.Option); ok {
				a.Answers[id] = ans
			}
		}
	}
}

// OptionByText returns the id of the option whose text in some language
// is s (any case, e.g. "Ja" or "Je ne sais pas"), or "".
func (q *Question) OptionByText(s string) string {
	s = strings.TrimSpace(s)
	for _, o := range q.Options {
		for _, t := range o.Text {
			if strings.EqualFold(t, s) {
				return o.ID
			}
		}
	}
	return ""
}

// replacement returns how question id of an earlier model was replaced, or
// nil.
func (m *Model) replacement(id string) *Replacement {
	for i := range m.Replaced {
		if m.Replaced[i].ID == id {
			return &m.Replaced[i]
		}
	}
	return nil
}

// reviews decodes the reviews: mapping of check ids to pass or fail. Only
// checks with a review question in the model can be answered.
func (d *decoder) reviews(n *yaml.Node, m *Model, a *Answers) {
	if isNull(n) || !d.want(n, yaml.MappingNode, "a mapping of check ids to pass or fail", "reviews") {
		return
	}
	for _, kv := range d.pairs(n) {
		k, v := kv[0], resolve(kv[1])
		ct := m.CheckText(k.Value)
		if ct == nil || len(ct.Review) == 0 {
			d.atPos(posOf(k), "check %q has no review question to answer", k.Value)
			continue
		}
		ans, at := d.answer(v, k.Value)
		if ans.Option == "" {
			continue
		}
		if ans.Option != ReviewPass && ans.Option != ReviewFail {
			d.atPos(at, "a review answer is %q or %q, not %q", ReviewPass, ReviewFail, ans.Option)
			continue
		}
		if a.Reviews == nil {
			a.Reviews = map[string]Answer{}
		}
		a.Reviews[k.Value] = ans
	}
}

// answer decodes an option id or {answer: ID, comment: TEXT}; at is where
// the option id is.
func (d *decoder) answer(n *yaml.Node, id string) (Answer, pos) {
	if n.Kind != yaml.MappingNode {
		return Answer{Option: d.scalar(n, id)}, posOf(n)
	}
	var ans Answer
	at := posOf(n)
	for _, kv := range d.pairs(n) {
		k, v := kv[0], resolve(kv[1])
		switch k.Value {
		case "answer":
			ans.Option, at = d.scalar(v, k.Value), posOf(v)
		case "comment":
			ans.Comment = d.scalar(v, k.Value)
		default:
			d.atPos(posOf(k), "unknown field %q in an answer (known: answer, comment)", k.Value)
		}
	}
	return ans, at
}

// Unanswered returns the ids of the questions of m that a does not answer,
// in model order.
func (a *Answers) Unanswered(m *Model) []string {
	var out []string
	for _, id := range m.QuestionIDs() {
		if a == nil || a.Answers[id].Option == "" {
			out = append(out, id)
		}
	}
	return out
}
