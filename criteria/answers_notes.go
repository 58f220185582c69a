package criteria

import (
	"bytes"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Notes are the comment lines ("# ...") a person wrote in an answers file
// by hand. WriteAnswers writes them back where they stood, so that a file
// rewritten by the questionnaire keeps them: above the answer they were
// next to, or at the top of the file. didi's own comments (the header, the
// question texts, the answer in words, the template's explanations, in any
// language) are written anew from the model and are not notes. Comments
// that an older model wrote (a question text since reworded) are kept as
// notes.

// notesOf returns the notes of an answers file: under a question id (or a
// check id, for reviews) the lines around its answer, under "" the others.
func notesOf(b []byte, m *Model) map[string][]string {
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil || len(doc.Content) == 0 {
		return nil
	}
	ours := ownComments(m)
	notes := map[string][]string{}
	add := func(key string, n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				text, ok := strings.CutPrefix(strings.TrimSpace(line), "#")
				text = strings.TrimRight(strings.TrimPrefix(text, " "), " \t")
				if !ok || strings.TrimSpace(text) == "" || ours.has(text) {
					continue
				}
				notes[key] = append(notes[key], text)
			}
		}
	}
	var all func(key string, n *yaml.Node)
	all = func(key string, n *yaml.Node) {
		add(key, n)
		for _, c := range n.Content {
			all(key, c)
		}
	}
	add("", &doc)
	root := doc.Content[0]
	add("", root)
	for i := 0; root.Kind == yaml.MappingNode && i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if (k.Value != "answers" && k.Value != "reviews") || v.Kind != yaml.MappingNode {
			all("", k)
			all("", v)
			continue
		}
		add("", k)
		add("", v)
		for j := 0; j+1 < len(v.Content); j += 2 {
			key := v.Content[j].Value
			if q, _ := m.Question(key); q == nil && (k.Value != "reviews" || m.CheckText(key) == nil) {
				key = "" // an old question id, or a mistake the loader reports
			}
			all(key, v.Content[j])
			all(key, v.Content[j+1])
		}
	}
	if len(notes) == 0 {
		return nil
	}
	return notes
}

// comments is the set of comment lines didi writes itself, as text after
// "# " without surrounding spaces, with patterns for the lines that name
// the model's version.
type comments struct {
	lines    map[string]bool
	patterns []*regexp.Regexp
}

func (c comments) has(text string) bool {
	text = strings.TrimSpace(text)
	if c.lines[text] {
		return true
	}
	for _, re := range c.patterns {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// ownComments renders what didi writes in answers files and templates for
// m, in every language of the model, and collects its comment lines.
func ownComments(m *Model) comments {
	c := comments{lines: map[string]bool{}}
	full := &Answers{Model: m.ID, Language: "en", Answers: map[string]Answer{}, Reviews: map[string]Answer{}}
	for _, q := range m.QuestionIDs() {
		full.Answers[q] = Answer{Option: "-"}
	}
	for _, ct := range m.Checks {
		if len(ct.Review) > 0 {
			full.Reviews[ct.ID] = Answer{Option: ReviewPass}
		}
	}
	var b bytes.Buffer
	for _, lang := range m.Languages {
		b.Write(AnswersYAML(full, m, lang))
		_ = WriteTemplate(&b, m, lang) // writes into memory: no error
		for _, q := range m.Criteria {
			for _, question := range q.Questions {
				for _, o := range question.Options {
					comment(&b, "", tr(lang, "file.answer", "answer", o.Text.In(lang)))
				}
			}
		}
		for _, key := range []string{"file.header", "tpl.header"} {
			// Any title and version: the header of a file written by an
			// older model is didi's too.
			parts := strings.Split(tr(lang, key, "title", "\x00", "model", "\x00"), "\x00")
			for i := range parts {
				parts[i] = regexp.QuoteMeta(parts[i])
			}
			c.patterns = append(c.patterns, regexp.MustCompile("^"+strings.Join(parts, ".*")+"$"))
		}
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if text, ok := strings.CutPrefix(strings.TrimSpace(line), "#"); ok {
			c.lines[strings.TrimSpace(text)] = true
		} else if _, text, ok := strings.Cut(line, `" # `); ok { // language: "nl" # ...
			c.lines[strings.TrimSpace(text)] = true
		}
	}
	return c
}

// writeNotes writes notes as comment lines with indent.
func writeNotes(b *bytes.Buffer, indent string, notes []string) {
	for _, n := range notes {
		b.WriteString(indent + "# " + n + "\n")
	}
}
