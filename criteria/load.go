package criteria

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"reflect"
	"strconv"

	"github.com/didi-index/didi/diag"

	"gopkg.in/yaml.v3"
)

//go:embed model.yaml
var defaultModel []byte

// DefaultModelYAML returns the bytes of the embedded default model.
func DefaultModelYAML() []byte { return defaultModel }

// DefaultModelName is the file name errors in the embedded model carry.
const DefaultModelName = "criteria/model.yaml"

// LoadDefault parses and validates the embedded default model. known gives
// the program's check declarations (scoring.Known of the registry); nil
// skips the rules that need them.
func LoadDefault(known Known) (*Model, error) {
	m, err := Parse(DefaultModelName, defaultModel, known)
	if m != nil {
		m.Source = ""
	}
	return m, err
}

// LoadModel reads, parses and validates a model file. A file that cannot be
// read gives a wrapped os error; a file with problems gives Errors.
func LoadModel(path string, known Known) (*Model, error) {
	b, err := diag.ReadFile(path, diag.MaxInputBytes)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	return Parse(path, b, known)
}

// Parse decodes and validates a model. name is the file name used in error
// messages; known gives the program's declaration of each check (criteria
// does not import checks, so the caller passes scoring.Known of the
// registry): unknown checks, parameters and message keys, missing messages
// and review questions that do not match are errors. nil skips those rules.
//
// Every problem is reported at once as Errors, sorted by position, each as
// "file:line:column: message". The model is returned only when there is no
// problem. After loading, every question has its Options filled (from its
// scale when it names one; Scale is kept for documentation), absent weights
// are 1 and an absent mix is 0.5/0.5.
func Parse(name string, b []byte, known Known) (*Model, error) {
	root, errs := parseDocument(name, b)
	if errs != nil {
		return nil, errs
	}
	r := &reporter{file: name, pos: positions{}}
	if root.Kind != yaml.MappingNode {
		r.atPos(posOf(root), "expected a mapping with id, version, languages, title, levels, scales, criteria and checks")
		return nil, r.errs.OrNil()
	}
	var m Model
	d := &decoder{reporter: r}
	d.decode(root, reflect.ValueOf(&m).Elem(), "", posOf(root))
	applyDefaults(&m, r.pos)
	validate(r, &m, known)
	if err := r.errs.OrNil(); err != nil {
		return nil, err
	}
	resolveScales(&m)
	sum := sha256.Sum256(b)
	m.SHA256 = hex.EncodeToString(sum[:])
	m.Source = name
	return &m, nil
}

// applyDefaults sets the weights and mixes the file leaves out.
func applyDefaults(m *Model, p positions) {
	for i := range m.Criteria {
		c := &m.Criteria[i]
		cp := join("criteria", strconv.Itoa(i))
		if !p.has(join(cp, "weight")) {
			c.Weight = 1
		}
		if !p.has(join(cp, "mix")) {
			c.Mix = Mix{Questionnaire: 0.5, Automated: 0.5}
		}
		for j := range c.Questions {
			if !p.has(join(join(join(cp, "questions"), strconv.Itoa(j)), "weight")) {
				c.Questions[j].Weight = 1
			}
		}
		for j := range c.Checks {
			if !p.has(join(join(join(cp, "checks"), strconv.Itoa(j)), "weight")) {
				c.Checks[j].Weight = 1
			}
		}
	}
}

// resolveScales fills the options of questions that name a scale. Each
// question gets its own copy.
func resolveScales(m *Model) {
	for i := range m.Criteria {
		for j := range m.Criteria[i].Questions {
			q := &m.Criteria[i].Questions[j]
			if q.Scale != "" && len(q.Options) == 0 {
				q.Options = append([]Option(nil), m.Scales[q.Scale]...)
			}
		}
	}
}

// Criterion returns the criterion with id, or nil.
func (m *Model) Criterion(id string) *Criterion {
	for i := range m.Criteria {
		if m.Criteria[i].ID == id {
			return &m.Criteria[i]
		}
	}
	return nil
}

// Question returns the question with id and its criterion, or nils.
func (m *Model) Question(id string) (*Question, *Criterion) {
	for i := range m.Criteria {
		c := &m.Criteria[i]
		for j := range c.Questions {
			if c.Questions[j].ID == id {
				return &c.Questions[j], c
			}
		}
	}
	return nil, nil
}

// QuestionIDs returns the ids of every question, in model order.
func (m *Model) QuestionIDs() []string {
	var ids []string
	for _, c := range m.Criteria {
		for _, q := range c.Questions {
			ids = append(ids, q.ID)
		}
	}
	return ids
}

// CheckIDs returns the ids of every check the criteria reference, in model
// order.
func (m *Model) CheckIDs() []string {
	var ids []string
	for _, c := range m.Criteria {
		for _, ref := range c.Checks {
			ids = append(ids, ref.ID)
		}
	}
	return ids
}

// CheckText returns the texts of check id, or nil.
func (m *Model) CheckText(id string) *CheckText {
	for i := range m.Checks {
		if m.Checks[i].ID == id {
			return &m.Checks[i]
		}
	}
	return nil
}

// Option returns the option with id.
func (q *Question) Option(id string) (Option, bool) {
	for _, o := range q.Options {
		if o.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// OptionIDs returns the ids of the question's options, in order.
func (q *Question) OptionIDs() []string {
	ids := make([]string, len(q.Options))
	for i, o := range q.Options {
		ids[i] = o.ID
	}
	return ids
}
