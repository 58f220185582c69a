package criteria

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/didi-index/didi/internal/atomicfile"
)

// commentWidth is where comment lines wrap.
const commentWidth = 90

// WriteAnswers writes a to path atomically (a temporary file in the same
// folder, then a rename), in model question order, with the question text
// in lang as a comment above each answer.
func WriteAnswers(path string, a *Answers, m *Model, lang string) error {
	if err := atomicfile.WriteBytes(path, AnswersYAML(a, m, lang)); err != nil {
		return fmt.Errorf("write answers: %w", err)
	}
	return nil
}

// AnswersYAML renders a as an answers file: the metadata, then the answered
// questions in model order, each under a comment with its criterion,
// question text and chosen option in lang. Answers to questions the model
// does not have are left out. The notes a person wrote in the file (Notes)
// come back where they stood: above their answer (a question with notes
// but no answer is written empty), the others at the top.
func AnswersYAML(a *Answers, m *Model, lang string) []byte {
	var b bytes.Buffer
	comment(&b, "", tr(lang, "file.header", "title", m.Title.In(lang), "model", m.ID+" "+m.Version))
	comment(&b, "", tr(lang, "file.note"))
	writeNotes(&b, "", topNotes(a, m))
	writeMeta(&b, a, m.ID, a.Language, lang)
	writeAnswers(&b, a, m, lang)
	writeReviews(&b, a, m, lang)
	return b.Bytes()
}

// topNotes returns the notes written at the top of the file: those that
// stood elsewhere than next to an answer, and those of a review left
// without an answer.
func topNotes(a *Answers, m *Model) []string {
	top := a.Notes[""]
	for _, id := range slices.Sorted(maps.Keys(a.Notes)) {
		q, _ := m.Question(id)
		if _, answered := a.Reviews[id]; id != "" && q == nil && !answered {
			top = append(top, a.Notes[id]...)
		}
	}
	return top
}

// writeAnswers writes the answers: section in model order.
func writeAnswers(b *bytes.Buffer, a *Answers, m *Model, lang string) {
	written := func(id string) bool { return a.Answers[id].Option != "" || len(a.Notes[id]) > 0 }
	if !slices.ContainsFunc(m.QuestionIDs(), written) {
		b.WriteString("answers: {}\n")
		return
	}
	b.WriteString("answers:\n")
	last := ""
	for _, c := range m.Criteria {
		for _, q := range c.Questions {
			ans := a.Answers[q.ID]
			if !written(q.ID) {
				continue
			}
			if c.ID != last {
				b.WriteString("\n")
				comment(b, "  ", "== "+c.Title.In(lang)+" ==")
				last = c.ID
			}
			b.WriteString("\n")
			comment(b, "  ", q.Text.In(lang))
			if o, ok := q.Option(ans.Option); ok && ans.Option != "" {
				comment(b, "  ", tr(lang, "file.answer", "answer", o.Text.In(lang)))
			}
			writeNotes(b, "  ", a.Notes[q.ID])
			writeAnswer(b, q.ID, ans)
		}
	}
}

// writeReviews writes the team's verdicts on checks that need review, each
// under its review question, in model order.
func writeReviews(b *bytes.Buffer, a *Answers, m *Model, lang string) {
	if len(a.Reviews) == 0 {
		return
	}
	b.WriteString("\nreviews:\n")
	for _, ct := range m.Checks {
		if ans, ok := a.Reviews[ct.ID]; ok {
			comment(b, "  ", ct.Review.In(lang))
			writeNotes(b, "  ", a.Notes[ct.ID])
			writeAnswer(b, ct.ID, ans)
		}
	}
}

// writeMeta writes the file's details; language (the comments' language)
// is left out when unknown, uiLang is the language of the file's comments.
func writeMeta(b *bytes.Buffer, a *Answers, modelID, language, uiLang string) {
	fmt.Fprintf(b, "model: %s\n", quote(modelID))
	if language != "" {
		fmt.Fprintf(b, "language: %s # %s\n", quote(language), tr(uiLang, "file.language"))
	}
	fmt.Fprintf(b, "organisation: %s\n", quote(a.Organisation))
	fmt.Fprintf(b, "product: %s\n", quote(a.Product))
	fmt.Fprintf(b, "assessor: %s\n", quote(a.Assessor))
	fmt.Fprintf(b, "date: %s\n", quote(a.Date))
}

func writeAnswer(b *bytes.Buffer, id string, ans Answer) {
	if ans.Option == "" && ans.Comment == "" {
		fmt.Fprintf(b, "  %s:\n", id) // unanswered: kept for its notes
		return
	}
	if ans.Comment == "" {
		fmt.Fprintf(b, "  %s: %s\n", id, quote(ans.Option))
		return
	}
	fmt.Fprintf(b, "  %s:\n    answer: %s\n    comment: %s\n", id, quote(ans.Option), quote(ans.Comment))
}

// WriteTemplate writes a commented answers file listing every question of
// m in lang (text, help and options with their codes) with empty answers,
// to fill in by hand. Left empty or filled in, it loads with LoadAnswers.
func WriteTemplate(w io.Writer, m *Model, lang string) error {
	var b bytes.Buffer
	example, exampleOpt := templateExample(m)
	comment(&b, "", tr(lang, "tpl.header", "title", m.Title.In(lang), "model", m.ID+" "+m.Version))
	comment(&b, "", "")
	comment(&b, "", tr(lang, "tpl.how"))
	comment(&b, "", "    "+example+": "+exampleOpt)
	comment(&b, "", tr(lang, "tpl.comment"))
	comment(&b, "", "    "+example+": {answer: "+exampleOpt+", comment: \""+tr(lang, "tpl.comment.example")+"\"}")
	comment(&b, "", tr(lang, "tpl.empty"))
	b.WriteString("\n")
	writeMeta(&b, &Answers{}, m.ID, lang, lang)
	b.Truncate(b.Len() - 1)
	b.WriteString(" # " + tr(lang, "tpl.date") + "\n")
	b.WriteString("answers:\n")
	total, n := len(m.QuestionIDs()), 0
	for _, c := range m.Criteria {
		if len(c.Questions) == 0 {
			continue
		}
		b.WriteString("\n")
		comment(&b, "  ", "== "+c.Title.In(lang)+" ==")
		for _, q := range c.Questions {
			n++
			b.WriteString("\n")
			comment(&b, "  ", tr(lang, "question", "n", strconv.Itoa(n), "total", strconv.Itoa(total))+". "+q.Text.In(lang))
			comment(&b, "  ", "")
			comment(&b, "  ", q.Help.In(lang))
			comment(&b, "  ", "")
			comment(&b, "  ", tr(lang, "tpl.options"))
			for _, o := range q.Options {
				comment(&b, "  ", "  "+o.ID+" = "+o.Text.In(lang))
			}
			fmt.Fprintf(&b, "  %s:\n", q.ID)
		}
	}
	writeReviewTemplate(&b, m, lang)
	_, err := w.Write(b.Bytes())
	if err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

// writeReviewTemplate lists, commented out, the checks whose review
// question the team can answer after a scan.
func writeReviewTemplate(b *bytes.Buffer, m *Model, lang string) {
	first := true
	for _, ct := range m.Checks {
		if len(ct.Review) == 0 {
			continue
		}
		if first {
			b.WriteString("\n")
			comment(b, "", tr(lang, "tpl.reviews"))
			comment(b, "", "reviews:")
			first = false
		}
		comment(b, "", "")
		comment(b, "", "  "+ct.Review.In(lang))
		comment(b, "", "  "+ct.ID+":")
	}
}

// WriteTemplateFile writes the template of WriteTemplate to path
// atomically. It refuses to replace an existing file, which may hold
// answers.
func WriteTemplateFile(path string, m *Model, lang string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("write template: %s already exists; remove it or choose another file", path)
	}
	var b bytes.Buffer
	if err := WriteTemplate(&b, m, lang); err != nil {
		return err
	}
	if err := atomicfile.WriteBytes(path, b.Bytes()); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

// templateExample picks the first question and its first option for the
// template's instructions.
func templateExample(m *Model) (string, string) {
	for _, c := range m.Criteria {
		for _, q := range c.Questions {
			if len(q.Options) > 0 {
				return q.ID, q.Options[0].ID
			}
		}
	}
	return "accessible.example", "yes"
}

// comment writes text as YAML comment lines with indent, wrapped at
// commentWidth. An empty text writes a bare "#".
func comment(b *bytes.Buffer, indent, text string) {
	for _, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		lead := para[:len(para)-len(strings.TrimLeft(para, " "))]
		line := ""
		for _, word := range words(para) {
			if line != "" && len(line)+1+len(word) > commentWidth {
				writeComment(b, indent, lead+line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += word
		}
		writeComment(b, indent, lead+line)
	}
}

// words splits text into words for wrapping, keeping French punctuation
// with its word: "échéances ?" and "« Oui »" never break.
func words(text string) []string {
	var out []string
	glue := false
	for _, w := range strings.Fields(text) {
		switch {
		case glue && len(out) > 0:
			out[len(out)-1] += " " + w
		case strings.ContainsAny(w, "?!:;»") && strings.Trim(w, "?!:;»") == "" && len(out) > 0:
			out[len(out)-1] += " " + w
		default:
			out = append(out, w)
		}
		glue = w == "«"
	}
	return out
}

func writeComment(b *bytes.Buffer, indent, line string) {
	if strings.TrimSpace(line) == "" {
		b.WriteString(indent + "#\n")
		return
	}
	b.WriteString(indent + "# " + line + "\n")
}

// quote writes s as a YAML double-quoted scalar (Go's escapes are valid
// YAML escapes).
func quote(s string) string { return strconv.Quote(s) }
