// Package questionnaire asks the model's questions in a terminal, one at a
// time, and saves the answers file after every answer (didi questionnaire).
// It can also read one answer per line from a script.
package questionnaire

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/i18n"
)

// Options configures Run.
type Options struct {
	// Model holds the questions.
	Model *criteria.Model
	// Lang is the language of the questions and of the tool's own words.
	Lang string
	// Path is the answers file (--out). When it exists it is read first and
	// the questionnaire continues at the first unanswered question; it is
	// saved atomically after every answer.
	Path string
	// In gives the answers; Out shows the questions.
	In  io.Reader
	Out io.Writer
	// InName names In in error messages ("stdin" when empty).
	InName string
	// Interactive is true on a terminal: one question at a time, with
	// prompts for the organisation, product and assessor, and a bad answer
	// asks again. Otherwise In holds one answer per line (an option's
	// number, code or text; an empty line skips; lines starting with # are
	// ignored; "organisation: NAME", "product: …", "assessor: …" and
	// "date: …" lines set the file's details, "comment: …" the comment on
	// the current question's answer) and a bad line is an error naming its
	// line.
	Interactive bool
	// Today is the date (YYYY-MM-DD) written when the file has none.
	Today string
	// Width is the width the text is wrapped at, at word boundaries
	// (0 = DefaultWidth; see TerminalWidth).
	Width int
	// ModelPath is the model file given with --model ("" for the built-in
	// model), for the command the questionnaire suggests at the end.
	ModelPath string
}

// Run asks the questions of the model one at a time and saves
// the answers to o.Path after every answer. Commands at the prompt: an
// option's number, code or text (in any language, any case) answers, "?"
// shows the help text, "c" asks for a comment on the answer, "b" or "<"
// goes back (from the first question, on a terminal, to the organisation,
// product and assessor), "s" (or an empty line) skips and keeps any
// earlier answer, "q" or "x" saves and stops; the end of the input also
// saves and stops. At the end it shows the command to run next. It returns
// the answers as saved. A bad existing file gives its Errors; a bad line
// in non-interactive mode gives an Errors naming o.InName and the line.
func Run(ctx context.Context, o Options) (*criteria.Answers, error) {
	s, err := newSession(o)
	if err != nil {
		return nil, err
	}
	if err := s.run(ctx); err != nil {
		return s.a, err
	}
	return s.a, nil
}

// session is one run of the questionnaire.
type session struct {
	Options
	m    *criteria.Model
	a    *criteria.Answers
	qs   []*criteria.Question
	crit []*criteria.Criterion
	in   *bufio.Reader
	line int
	// pending is a comment given before the question had an answer: it is
	// saved with the answer.
	pending string
}

func newSession(o Options) (*session, error) {
	if o.Model == nil {
		return nil, errors.New("questionnaire: no model")
	}
	if !slices.Contains(o.Model.Languages, o.Lang) {
		return nil, fmt.Errorf("questionnaire: language %q is not in the model (%s)", o.Lang, strings.Join(o.Model.Languages, ", "))
	}
	if o.Path == "" {
		return nil, errors.New("questionnaire: no answers file to write to")
	}
	if o.InName == "" {
		o.InName = "stdin"
	}
	if o.Out == nil {
		o.Out = io.Discard
	}
	if o.In == nil {
		o.In = strings.NewReader("")
	}
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	a, err := criteria.LoadAnswers(o.Path, o.Model)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		a = &criteria.Answers{Model: o.Model.ID, Answers: map[string]criteria.Answer{}}
	case err != nil:
		return nil, err
	}
	s := &session{Options: o, m: o.Model, a: a, in: bufio.NewReader(o.In)}
	for i := range s.m.Criteria {
		c := &s.m.Criteria[i]
		for j := range c.Questions {
			s.qs = append(s.qs, &c.Questions[j])
			s.crit = append(s.crit, c)
		}
	}
	return s, nil
}

// say shows text wrapped to the width, and ends the line.
func (s *session) say(text string) { fmt.Fprintln(s.Out, wrap(text, s.Width)) }

// prompt shows a prompt wrapped to the width; the answer follows on its
// line.
func (s *session) prompt(text string) { fmt.Fprint(s.Out, wrap(text, s.Width)) }

// println shows the text key of the questionnaire's words.
func (s *session) println(key string, kv ...string) { s.say(tr(s.Lang, key, kv...)) }

// model returns a text of the model in the session's language, with French
// punctuation held to its word.
func (s *session) model(t i18n.Text) string {
	return i18n.Typeset(s.Lang, strings.TrimSpace(t.In(s.Lang)))
}

func (s *session) save() error {
	if s.a.Language == "" {
		s.a.Language = s.Lang // the comments are written in the session's language
	}
	return criteria.WriteAnswers(s.Path, s.a, s.m, s.Lang)
}

// readLine returns the next line without its line end, and false at the
// end of the input. Outside a terminal it echoes the line, so the output
// reads like a dialogue.
func (s *session) readLine() (string, bool) {
	text, err := s.in.ReadString('\n')
	if err != nil && text == "" {
		return "", false
	}
	s.line++
	text = strings.TrimRight(text, "\r\n")
	if s.line == 1 {
		text = strings.TrimPrefix(text, "\ufeff") // a byte order mark from some editors
	}
	if !s.Interactive {
		fmt.Fprintln(s.Out, text)
	}
	return text, true
}

func (s *session) run(ctx context.Context) error {
	s.println("q.welcome", "title", s.m.Title.In(s.Lang), "file", s.Path)
	if s.Interactive {
		if stop := s.askDetails(false); stop {
			return s.finish(true)
		}
	}
	if s.a.Date == "" {
		s.a.Date = s.Today
	}
	i := s.start()
	for i < len(s.qs) {
		if err := ctx.Err(); err != nil {
			if serr := s.save(); serr != nil {
				return serr
			}
			return err
		}
		next, stop, err := s.ask(i)
		if err != nil {
			return err
		}
		if stop {
			return s.finish(true)
		}
		i = next
	}
	return s.finish(false)
}

// start returns the index of the first unanswered question, or 0 when every
// question has an answer, and says so.
func (s *session) start() int {
	answered := len(s.qs) - len(s.a.Unanswered(s.m))
	for i, q := range s.qs {
		if s.a.Answers[q.ID].Option == "" {
			if answered > 0 {
				s.say(trN(s.Lang, "q.resume", answered, "answered", strconv.Itoa(answered), "total", strconv.Itoa(len(s.qs)), "next", strconv.Itoa(i+1)))
			}
			return i
		}
	}
	if len(s.qs) > 0 {
		s.println("q.review")
	}
	return 0
}

// askDetails asks for the organisation, product and assessor: those the
// file has none of, or all of them (again) when all is true, where Enter
// keeps what the file has. It reports true when the input ended.
func (s *session) askDetails(all bool) bool {
	fields := []struct {
		key string
		val *string
	}{{"q.organisation", &s.a.Organisation}, {"q.product", &s.a.Product}, {"q.assessor", &s.a.Assessor}}
	for _, f := range fields {
		switch {
		case *f.val == "":
			s.prompt(tr(s.Lang, "q.field", "field", tr(s.Lang, f.key)))
		case all:
			s.prompt(tr(s.Lang, "q.fieldCurrent", "field", tr(s.Lang, f.key), "value", *f.val))
		default:
			continue
		}
		line, ok := s.readLine()
		if !ok {
			return true
		}
		if v := strings.TrimSpace(line); v != "" || !all {
			*f.val = v
		}
	}
	return false
}

// ask shows question i and reads until it is answered, skipped, or the
// user goes back or stops. It returns the next question's index.
func (s *session) ask(i int) (next int, stop bool, err error) {
	q := s.qs[i]
	s.show(i)
	prompt := true
	for {
		if prompt {
			s.prompt(tr(s.Lang, "q.prompt", "max", strconv.Itoa(len(q.Options))))
		}
		prompt = true
		line, ok := s.readLine()
		if !ok {
			s.dropPending()
			return i, true, nil
		}
		in := parseInput(line, q)
		switch in.kind {
		case inputHelp:
			fmt.Fprintln(s.Out)
			s.say(s.model(q.Help))
			fmt.Fprintln(s.Out)
		case inputBack:
			s.dropPending()
			if i > 0 {
				return i - 1, false, nil
			}
			if !s.Interactive {
				s.println("q.first")
				continue
			}
			if stop := s.askDetails(true); stop {
				return i, true, nil
			}
			if err := s.save(); err != nil {
				return i, false, err
			}
			return i, false, nil // question 1 again
		case inputSkip:
			s.dropPending()
			return i + 1, false, nil
		case inputQuit:
			s.dropPending()
			return i, true, nil
		case inputAnswer:
			ans := s.a.Answers[q.ID]
			ans.Option = in.option
			if s.pending != "" {
				ans.Comment, s.pending = s.pending, ""
			}
			s.a.Answers[q.ID] = ans
			if err := s.save(); err != nil {
				return i, false, err
			}
			return i + 1, false, nil
		case inputCommentAsk:
			s.prompt(tr(s.Lang, "q.commentPrompt"))
			text, ok := s.readLine()
			if !ok {
				return i, true, nil
			}
			if err := s.comment(q, strings.TrimSpace(text)); err != nil {
				return i, false, err
			}
		case inputField:
			if in.field == "comment" {
				if err := s.comment(q, in.value); err != nil {
					return i, false, err
				}
				prompt = s.Interactive
				continue
			}
			if msg := s.setField(in.field, in.value); msg != "" {
				if err := s.bad(msg); err != nil {
					return i, false, err
				}
			}
			prompt = s.Interactive // a script's detail lines need no new prompt
		case inputComment:
			prompt = s.Interactive
		default:
			msg := tr(s.Lang, "q.badLine", append(quoted(in.value), "question", strconv.Itoa(i+1), "max", strconv.Itoa(len(q.Options)), "choices", numberedOptions(q, s.Lang))...)
			if s.Interactive {
				msg = tr(s.Lang, "q.bad", append(quoted(in.value), "max", strconv.Itoa(len(q.Options)))...)
			}
			if err := s.bad(msg); err != nil {
				return i, false, err
			}
		}
	}
}

// comment sets the comment on the answer to q: saved at once when q has an
// answer, else with the answer the user gives next. An empty text keeps
// the comment there is.
func (s *session) comment(q *criteria.Question, text string) error {
	if text == "" {
		return nil
	}
	ans, answered := s.a.Answers[q.ID]
	if !answered || ans.Option == "" {
		s.pending = text
		s.println("q.commentPending")
		return nil
	}
	ans.Comment = text
	s.a.Answers[q.ID] = ans
	if err := s.save(); err != nil {
		return err
	}
	s.println("q.commentSaved")
	return nil
}

// dropPending forgets a comment that did not get an answer, and says so.
func (s *session) dropPending() {
	if s.pending != "" {
		s.pending = ""
		s.println("q.commentDropped")
	}
}

// bad reports a bad input: on a terminal it says so and the caller asks
// again; otherwise it is an error naming the line.
func (s *session) bad(msg string) error {
	if s.Interactive {
		s.say(msg)
		return nil
	}
	return diag.Errors{{File: s.InName, Line: s.line, Col: 1, Msg: msg}}
}

// setField sets one of the file's details from a "name: value" line and
// returns a message when it cannot.
func (s *session) setField(name, value string) string {
	switch name {
	case "organisation":
		s.a.Organisation = value
	case "product":
		s.a.Product = value
	case "assessor":
		s.a.Assessor = value
	case "date":
		if _, err := time.Parse(criteria.DateLayout, value); err != nil {
			return tr(s.Lang, "q.badDate", quoted(value)...)
		}
		s.a.Date = value
	default:
		return tr(s.Lang, "q.badField", quoted(name)...)
	}
	return ""
}

// show prints question i: its criterion, progress, text, the numbered
// options, and the current answer and comment.
func (s *session) show(i int) {
	q, c := s.qs[i], s.crit[i]
	fmt.Fprintln(s.Out)
	s.say("[" + s.model(c.Title) + "] " + tr(s.Lang, "question", "n", strconv.Itoa(i+1), "total", strconv.Itoa(len(s.qs))))
	s.say(s.model(q.Text))
	for n, o := range q.Options {
		s.say(fmt.Sprintf("  %d) %s", n+1, s.model(o.Text)))
	}
	ans := s.a.Answers[q.ID]
	if o, ok := q.Option(ans.Option); ok && ans.Option != "" {
		s.println("q.current", "answer", s.model(o.Text))
	}
	if ans.Comment != "" {
		s.println("q.currentComment", "comment", ans.Comment)
	}
}

// finish saves, prints a summary and the command to run next: the scan
// with these answers, or, when the user stopped before the end, the same
// questionnaire to continue.
func (s *session) finish(stopped bool) error {
	if err := s.save(); err != nil {
		return err
	}
	open := s.a.Unanswered(s.m)
	fmt.Fprintln(s.Out)
	s.say(trN(s.Lang, "q.summary", len(s.qs)-len(open), "answered", strconv.Itoa(len(s.qs)-len(open)), "total", strconv.Itoa(len(s.qs))))
	if len(open) > 0 {
		s.println("q.open", "questions", shortList(open, 8))
	}
	s.println("q.saved", "file", s.Path)
	model := ""
	if s.ModelPath != "" {
		model = " --model " + shellQuote(s.ModelPath)
	}
	switch {
	case stopped && len(open) > 0:
		s.println("q.stopped")
		fmt.Fprintf(s.Out, "  didi questionnaire --lang %s --out %s%s\n", s.Lang, shellQuote(s.Path), model)
	default:
		if len(open) == 0 {
			s.println("q.done")
		}
		s.println("q.next")
		fmt.Fprintf(s.Out, "  didi scan %s --answers %s%s\n", tr(s.Lang, "q.url"), shellQuote(s.Path), model)
	}
	return nil
}

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(p string) string {
	if p != "" && strings.Trim(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@%+=,") == "" {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}

// numberedOptions lists q's options as "1 = Ja, 2 = Nee".
func numberedOptions(q *criteria.Question, lang string) string {
	parts := make([]string, len(q.Options))
	for i, o := range q.Options {
		parts[i] = strconv.Itoa(i+1) + " = " + o.Text.In(lang)
	}
	return strings.Join(parts, ", ")
}

// shortList joins at most n ids, and says how many more there are.
func shortList(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s … (+%d)", strings.Join(ids[:n], ", "), len(ids)-n)
}

// inputKind is what a line at the prompt asks for.
type inputKind int

const (
	inputInvalid inputKind = iota
	inputAnswer
	inputHelp
	inputBack
	inputSkip
	inputQuit
	inputField
	inputComment
	inputCommentAsk
)

// input is one parsed line.
type input struct {
	kind   inputKind
	option string
	field  string
	value  string
}

// parseInput reads one line at the prompt of question q. Commands come
// first; an option is chosen by its number, its code or its text in any
// language (any case).
func parseInput(line string, q *criteria.Question) input {
	text := strings.TrimSpace(line)
	if strings.HasPrefix(text, "#") {
		return input{kind: inputComment}
	}
	if name, value, ok := strings.Cut(text, ":"); ok && q.OptionByText(text) == "" {
		return input{kind: inputField, field: strings.ToLower(strings.TrimSpace(name)), value: strings.TrimSpace(value)}
	}
	if cut, _, ok := strings.Cut(text, "#"); ok {
		text = strings.TrimSpace(cut)
	}
	switch strings.ToLower(text) {
	case "":
		return input{kind: inputSkip}
	case "?":
		return input{kind: inputHelp}
	case "b", "<":
		return input{kind: inputBack}
	case "s", ">":
		return input{kind: inputSkip}
	case "q", "x":
		return input{kind: inputQuit}
	case "c":
		return input{kind: inputCommentAsk}
	}
	if n, err := strconv.Atoi(text); err == nil {
		if n >= 1 && n <= len(q.Options) {
			return input{kind: inputAnswer, option: q.Options[n-1].ID}
		}
		return input{kind: inputInvalid, value: text}
	}
	for _, o := range q.Options {
		if strings.EqualFold(o.ID, text) {
			return input{kind: inputAnswer, option: o.ID}
		}
	}
	if id := q.OptionByText(text); id != "" {
		return input{kind: inputAnswer, option: id}
	}
	return input{kind: inputInvalid, value: text}
}
