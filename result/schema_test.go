package result

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// schemaSection is one object type of docs/result-schema.md: where its
// objects are in result.json and the fields its table documents.
type schemaSection struct {
	name, path string
	fields     []string
}

var (
	sectionRE = regexp.MustCompile("^## (.+) \\(`([^`]+)`\\)$")
	fieldRE   = regexp.MustCompile("`([a-z0-9_]+)`")
)

// readSchema reads the sections of docs/result-schema.md.
func readSchema(t *testing.T) []schemaSection {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "docs", "result-schema.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []schemaSection
	for _, line := range strings.Split(string(b), "\n") {
		if m := sectionRE.FindStringSubmatch(line); m != nil {
			out = append(out, schemaSection{name: m[1], path: m[2]})
			continue
		}
		if len(out) == 0 || !strings.HasPrefix(line, "| `") {
			continue
		}
		first := strings.Split(line, "|")[1]
		for _, f := range fieldRE.FindAllStringSubmatch(first, -1) {
			out[len(out)-1].fields = append(out[len(out)-1].fields, f[1])
		}
	}
	return out
}

// at returns the JSON objects at path ("criteria[].checks[]", "." for the
// root) in v.
func at(v any, path string) []map[string]any {
	nodes := []any{v}
	if path != "." {
		for _, step := range strings.Split(path, ".") {
			key, list := strings.CutSuffix(step, "[]")
			var next []any
			for _, n := range nodes {
				m, ok := n.(map[string]any)
				if !ok {
					continue
				}
				child := m[key]
				if !list {
					next = append(next, child)
					continue
				}
				items, _ := child.([]any)
				next = append(next, items...)
			}
			nodes = next
		}
	}
	var out []map[string]any
	for _, n := range nodes {
		if m, ok := n.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// sparse is a result with one of everything and every value empty: the
// case where omitempty would drop fields.
func sparse() *Result {
	r := &Result{
		Assessment: &Assessment{},
		Pages:      []Page{{}},
		Overrides:  Overrides{Checks: []CheckOverride{{}}},
		Criteria: []Criterion{{
			Questions: []Question{{}},
			Checks:    []Check{{Outcomes: []Outcome{{Evidence: []Evidence{{}}}}}},
		}},
		Tips:   []Tip{{}},
		Levels: []Level{{}},
	}
	r.Normalize()
	return r
}

// TestEveryDocumentedFieldIsPresent walks a result whose values are all
// empty and finds every field docs/result-schema.md documents, in every
// object of its type; and documents every field it finds.
func TestEveryDocumentedFieldIsPresent(t *testing.T) {
	b, err := json.Marshal(sparse())
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	sections := readSchema(t)
	if len(sections) < 15 {
		t.Fatalf("read %d sections of docs/result-schema.md; is its format changed?", len(sections))
	}
	for _, s := range sections {
		objs := at(v, s.path)
		if len(objs) == 0 {
			t.Errorf("%s: no object at %s in the result", s.name, s.path)
		}
		for _, o := range objs {
			for _, f := range s.fields {
				if _, ok := o[f]; !ok {
					t.Errorf("%s (%s): documented field %q is missing", s.name, s.path, f)
				}
			}
			for k := range o {
				if !slices.Contains(s.fields, k) {
					t.Errorf("%s (%s): field %q is not documented in docs/result-schema.md", s.name, s.path, k)
				}
			}
		}
	}
}

// TestEmptyValuesAreNotNull: lists are [], objects and texts {}, and only
// the fields that can have no value are null.
func TestEmptyValuesAreNotNull(t *testing.T) {
	b, err := json.Marshal(sparse())
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"targets":[]`, `"evidence":[{`, `"site_wide":false`, `"robots_skipped":[]`,
		`"error_params":{}`, `"level_label":{}`, `"unanswered":[]`, `"ignore_selectors":[]`, `"counts":{}`} {
		if !strings.Contains(s, want) {
			t.Errorf("result.json lacks %s", want)
		}
	}
	nulls := regexp.MustCompile(`"([a-z_]+)":null`).FindAllStringSubmatch(s, -1)
	nullable := []string{"score", "questionnaire_score", "automated_score"}
	for _, m := range nulls {
		if !slices.Contains(nullable, m[1]) {
			t.Errorf("%s is null; only %v may be", m[1], nullable)
		}
	}
}

// TestParseNormalizes: a result written by an older didi, without the
// newer fields, reads back with them empty.
func TestParseNormalizes(t *testing.T) {
	r, err := Parse("old.json", []byte(`{"schema_version": 1, "criteria": [{"id": "a", "checks": [{"id": "c", "outcomes": [{"url": "u", "outcome": "pass"}]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	o := r.Criteria[0].Checks[0].Outcomes[0]
	if o.Evidence == nil || r.Targets == nil || r.Overrides.Checks == nil || r.Criteria[0].Checks[0].Counts == nil {
		t.Errorf("not normalized: %+v", r)
	}
}

// TestDiffFieldsPresent: didi-diff.json has every field docs/ci.md lists,
// empty lists as [].
func TestDiffFieldsPresent(t *testing.T) {
	d := Diff{Problems: ProblemDiff{New: []Problem{{}}}}
	d.Normalize()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"criteria":[]`, `"new_failures":[]`, `"fixed":[]`, `"warnings":[]`, `"mismatches":[]`,
		`"fixed":[]`, `"still_failing":[]`, `"title":{}`, `"selector":""`, `"snippet":""`, `"line":0`, `"message":{}`, `"fingerprint":""`} {
		if !strings.Contains(s, want) {
			t.Errorf("didi-diff.json lacks %s: %s", want, s)
		}
	}
}
