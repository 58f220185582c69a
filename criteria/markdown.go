package criteria

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// ModelJSON returns the model as indented JSON (for didi model show
// --format json).
func ModelJSON(m *Model) ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("model to JSON: %w", err)
	}
	return append(b, '\n'), nil
}

// ModelMarkdown documents the model in langs: levels, scales, and per
// criterion its texts, questions (text, help, tip, options) and automated
// checks (weight, parameters and texts). The headings are in English; the
// model's texts appear in one column per language. docs/model.md is this
// output for the default model in nl, fr and en.
func ModelMarkdown(m *Model, langs []string) []byte {
	w := &mdWriter{langs: langs}
	w.header(m)
	w.levels(m)
	w.scales(m)
	w.roles(m)
	w.overview(m)
	for i := range m.Criteria {
		w.criterion(m, &m.Criteria[i])
	}
	return w.b.Bytes()
}

// mdWriter renders Markdown.
type mdWriter struct {
	b     bytes.Buffer
	langs []string
}

func (w *mdWriter) p(format string, args ...any) {
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteString("\n")
}

func (w *mdWriter) header(m *Model) {
	w.p("# %s: the model", m.Title.In("en"))
	w.p("")
	w.p("<!-- Generated from criteria/model.yaml by `go test ./criteria -run TestDocsModelInSync -update`. Do not edit by hand. -->")
	w.p("")
	w.p("Model `%s`, version %s. Languages: %s.", m.ID, m.Version, strings.Join(m.Languages, ", "))
	w.p("")
	w.p("Each criterion's score mixes a questionnaire part (the weighted mean of its answers' scores) and an")
	w.p("automated part (the weighted mean of its checks' scores) by the criterion's mix. The index is the")
	w.p("weighted mean of the criterion scores, 0 to 100. The model is data: change it with `--model FILE`")
	w.p("and check it with `didi model validate FILE`. Weights left out are 1; a mix left out is 0.5/0.5.")
	w.p("")
	w.rules()
	for _, c := range m.Criteria {
		w.p("- [`%s`](#%s): %s", c.ID, c.ID, w.inline(c.Title))
	}
	w.p("")
}

// rules lists what the loader checks, for people who edit the model.
func (w *mdWriter) rules() {
	w.p("The loader is strict and reports every problem at once as `file:line:column: message`:")
	w.p("")
	for _, r := range []string{
		"no unknown fields and no duplicate keys, at any depth;",
		"exactly the seven criteria " + "`" + strings.Join(CriterionIDs, "`, `") + "`;",
		"unique ids: criteria, questions (across the model), options (within a question or scale), check references and check texts;",
		"question ids of the form `<criterion>.<name>`; ids in lowercase letters, digits, `.`, `-` and `_`; option ids are not numbers;",
		"every text in every language of `languages:`, not empty, and no other language;",
		"option scores in [0,1] (a not-applicable option, `na: true`, needs no score); at most one not-applicable option per question;",
		"weights of 0 or more; mix parts of 0 or more and not both 0;",
		"each criterion has questions or checks; each question has a known `scale` or its own `options`, not both;",
		"level bands going down, the lowest at 0;",
		"each check reference names a check the program has and that has texts in `checks:`; no texts for unused checks;",
		"message templates use the same `{placeholders}` in every language.",
	} {
		w.p("- %s", r)
	}
	w.p("")
}

func (w *mdWriter) levels(m *Model) {
	w.p("## Levels")
	w.p("")
	w.row(append([]string{"Level", "From score"}, w.langs...)...)
	w.rule(2 + len(w.langs))
	for _, l := range m.Levels {
		w.row(append([]string{l.Level, num(l.Min)}, w.texts(l.Label)...)...)
	}
	w.p("")
}

func (w *mdWriter) scales(m *Model) {
	if len(m.Scales) == 0 {
		return
	}
	w.p("## Answer scales")
	w.p("")
	names := make([]string, 0, len(m.Scales))
	for name := range m.Scales {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		w.p("### Scale `%s`", name)
		w.p("")
		w.options(m.Scales[name])
	}
}

// roles lists who usually knows the answers ("don't know" answers name
// them), and the questions that replaced older ones.
func (w *mdWriter) roles(m *Model) {
	if len(m.Roles) > 0 {
		w.p("## Who usually knows")
		w.p("")
		w.row(append([]string{"Role"}, w.langs...)...)
		w.rule(1 + len(w.langs))
		for _, name := range slices.Sorted(maps.Keys(m.Roles)) {
			w.row(append([]string{"`" + name + "`"}, w.texts(m.Roles[name])...)...)
		}
		w.p("")
	}
	if len(m.Replaced) > 0 {
		w.p("## Replaced questions")
		w.p("")
		w.p("An answers file that still answers an old id gives that answer to each new question it does not answer itself, when the new question has that option.")
		w.p("")
		for _, r := range m.Replaced {
			w.p("- `%s` → `%s`", r.ID, strings.Join(r.By, "`, `"))
		}
		w.p("")
	}
}

func (w *mdWriter) overview(m *Model) {
	w.p("## Criteria")
	w.p("")
	w.row("Criterion", "Weight", "Questionnaire", "Automated", "Questions", "Checks")
	w.rule(6)
	for _, c := range m.Criteria {
		w.row("`"+c.ID+"`", num(c.Weight), num(c.Mix.Questionnaire), num(c.Mix.Automated),
			fmt.Sprint(len(c.Questions)), fmt.Sprint(len(c.Checks)))
	}
	w.p("")
	w.p("%d questions and %d checks in all.", len(m.QuestionIDs()), len(m.CheckIDs()))
	w.p("")
}

func (w *mdWriter) criterion(m *Model, c *Criterion) {
	w.p("<a id=\"%s\"></a>", c.ID)
	w.p("")
	w.p("## `%s`: %s", c.ID, w.inline(c.Title))
	w.p("")
	w.p("Weight %s. Mix: questionnaire %s, automated %s.", num(c.Weight), num(c.Mix.Questionnaire), num(c.Mix.Automated))
	w.p("")
	w.table([]string{"Title", "Why it matters"}, []Text{c.Title, c.Why})
	if len(c.Questions) > 0 {
		w.p("### Questions of `%s`", c.ID)
		w.p("")
		for _, q := range c.Questions {
			w.question(q)
		}
	}
	if len(c.Checks) > 0 {
		w.p("### Automated checks of `%s`", c.ID)
		w.p("")
		w.row("Check", "Weight", "Parameters")
		w.rule(3)
		for _, ref := range c.Checks {
			w.row("[`"+ref.ID+"`](#check-"+ref.ID+")", num(ref.Weight), params(ref.Params))
		}
		w.p("")
		for _, ref := range c.Checks {
			if ct := m.CheckText(ref.ID); ct != nil {
				w.check(ct)
			}
		}
	}
}

func (w *mdWriter) question(q Question) {
	scale := ""
	if q.Scale != "" {
		scale = fmt.Sprintf(", scale `%s`", q.Scale)
	}
	w.p("#### `%s`", q.ID)
	w.p("")
	w.p("Weight %s%s. Who usually knows: `%s`.", num(q.Weight), scale, q.Who)
	w.p("")
	w.table([]string{"Question", "Help", "Tip"}, []Text{q.Text, q.Help, q.Tip})
	w.options(q.Options)
}

func (w *mdWriter) check(ct *CheckText) {
	w.p("<a id=\"check-%s\"></a>", ct.ID)
	w.p("")
	w.p("#### Check `%s`", ct.ID)
	w.p("")
	names := []string{"Title (goal)", "Problem (when it fails)", "What it tests", "Tip"}
	texts := []Text{ct.Title, ct.Problem, ct.Description, ct.Tip}
	keys := make([]string, 0, len(ct.Messages))
	for k := range ct.Messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		names = append(names, "Message `"+k+"`")
		texts = append(texts, ct.Messages[k])
	}
	if len(ct.Review) > 0 {
		names = append(names, "Question for review")
		texts = append(texts, ct.Review)
	}
	w.table(names, texts)
}

func (w *mdWriter) options(opts []Option) {
	w.row(append([]string{"Code", "Score"}, w.langs...)...)
	w.rule(2 + len(w.langs))
	for _, o := range opts {
		score := num(o.Score)
		if o.NA {
			score = "not applicable"
		}
		w.row(append([]string{"`" + o.ID + "`", score}, w.texts(o.Text)...)...)
	}
	w.p("")
}

// table writes one row per text, one column per language.
func (w *mdWriter) table(names []string, texts []Text) {
	w.row(append([]string{""}, w.langs...)...)
	w.rule(1 + len(w.langs))
	for i, t := range texts {
		w.row(append([]string{"**" + names[i] + "**"}, w.texts(t)...)...)
	}
	w.p("")
}

func (w *mdWriter) texts(t Text) []string {
	out := make([]string, len(w.langs))
	for i, l := range w.langs {
		out[i] = t[l]
	}
	return out
}

// inline joins a text's languages with " · ".
func (w *mdWriter) inline(t Text) string {
	var parts []string
	for _, l := range w.langs {
		if s := t[l]; s != "" && !contains(parts, s) {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " · ")
}

func (w *mdWriter) row(cells ...string) {
	for i, c := range cells {
		cells[i] = cell(c)
	}
	w.p("| %s |", strings.Join(cells, " | "))
}

func (w *mdWriter) rule(n int) {
	w.p("|%s", strings.Repeat("---|", n))
}

// cell makes s safe in a Markdown table cell.
func cell(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "&", "&amp;")
	s = strings.ReplaceAll(s, "<", "&lt;")
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r", "")
	return strings.ReplaceAll(s, "\n", "<br>")
}

// params renders check parameters as compact JSON, "" when there are none.
func params(p map[string]any) string {
	if len(p) == 0 {
		return "(defaults)"
	}
	b, err := json.Marshal(p)
	if err != nil {
		return fmt.Sprint(p)
	}
	return "`" + string(b) + "`"
}
