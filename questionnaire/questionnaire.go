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
	// asks again. Otherwise In holds one answer per line (an option code or
	// number; an empty line skips; lines starting with # are ignored;
	// "organisation: NAME", "product: …", "assessor: …" and "date: …" lines
	// set the file's details) and a bad line is an error naming its line.
	Interactive bool
	// Today is the date (YYYY-MM-DD) written when the file has none.
	Today string
}

// Run asks the questions of the model one at a time and saves
// the answers to o.Path after every answer. Commands at the prompt: a
// number or option code answers, "?" shows the help text, "b" or "<" goes
// back, "s" (or an empty line) skips and keeps any earlier answer, "q"
// saves and stops; the end of the input also saves and stops. It returns
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

func (s *session) printf(key string, kv ...string) {
	fmt.Fprint(s.Out, tr(s.Lang, key, kv...))
}

func (s *session) println(key string, kv ...string) {
	fmt.Fprintln(s.Out, tr(s.Lang, key, kv...))
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
		if stop := s.askDetails(); stop {
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
				fmt.Fprintln(s.Out, trN(s.Lang, "q.resume", answered, "answered", strconv.Itoa(answered), "total", strconv.Itoa(len(s.qs)), "next", strconv.Itoa(i+1)))
			}
			return i
		}
	}
	if len(s.qs) > 0 {
		s.println("q.review")
	}
	return 0
}

// askDetails asks for the organisation, product and assessor when the file
// has none. It reports true when the input ended.
func (s *session) askDetails() bool {
	fields := []struct {
		key string
		val *string
	}{{"q.organisation", &s.a.Organisation}, {"q.product", &s.a.Product}, {"q.assessor", &s.a.Assessor}}
	for _, f := range fields {
		if *f.val != "" {
			continue
		}
		s.printf("q.field", "field", tr(s.Lang, f.key))
		line, ok := s.readLine()
		if !ok {
			return true
		}
		*f.val = strings.TrimSpace(line)
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
			s.printf("q.prompt", "max", strconv.Itoa(len(q.Options)))
		}
		prompt = true
		line, ok := s.readLine()
		if !ok {
			return i, true, nil
		}
		in := parseInput(line, q)
		switch in.kind {
		case inputHelp:
			fmt.Fprintln(s.Out, "\n"+strings.TrimSpace(q.Help.In(s.Lang))+"\n")
		case inputBack:
			if i == 0 {
				s.println("q.first")
				continue
			}
			return i - 1, false, nil
		case inputSkip:
			return i + 1, false, nil
		case inputQuit:
			return i, true, nil
		case inputAnswer:
			ans := s.a.Answers[q.ID]
			ans.Option = in.option
			s.a.Answers[q.ID] = ans
			if err := s.save(); err != nil {
				return i, false, err
			}
			return i + 1, false, nil
		case inputField:
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

// bad reports a bad input: on a terminal it says so and the caller asks
// again; otherwise it is an error naming the line.
func (s *session) bad(msg string) error {
	if s.Interactive {
		fmt.Fprintln(s.Out, msg)
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
// options and the current answer.
func (s *session) show(i int) {
	q, c := s.qs[i], s.crit[i]
	fmt.Fprintf(s.Out, "\n[%s] %s\n%s\n", c.Title.In(s.Lang), tr(s.Lang, "question", "n", strconv.Itoa(i+1), "total", strconv.Itoa(len(s.qs))), strings.TrimSpace(q.Text.In(s.Lang)))
	for n, o := range q.Options {
		fmt.Fprintf(s.Out, "  %d) %s\n", n+1, o.Text.In(s.Lang))
	}
	if cur := s.a.Answers[q.ID].Option; cur != "" {
		if o, ok := q.Option(cur); ok {
			s.println("q.current", "answer", o.Text.In(s.Lang))
		}
	}
}

// finish saves and prints a summary.
func (s *session) finish(stopped bool) error {
	if err := s.save(); err != nil {
		return err
	}
	open := s.a.Unanswered(s.m)
	fmt.Fprintln(s.Out)
	fmt.Fprintln(s.Out, trN(s.Lang, "q.summary", len(s.qs)-len(open), "answered", strconv.Itoa(len(s.qs)-len(open)), "total", strconv.Itoa(len(s.qs))))
	if len(open) > 0 {
		s.println("q.open", "questions", shortList(open, 8))
	}
	s.println("q.saved", "file", s.Path)
	switch {
	case stopped && len(open) > 0:
		s.println("q.stopped")
	case len(open) == 0:
		s.println("q.done")
	}
	return nil
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
)

// input is one parsed line.
type input struct {
	kind   inputKind
	option string
	field  string
	value  string
}

// parseInput reads one line at the prompt of question q. Commands come
// first; an option is chosen by its number or its code (any case).
func parseInput(line string, q *criteria.Question) input {
	text := strings.TrimSpace(line)
	if strings.HasPrefix(text, "#") {
		return input{kind: inputComment}
	}
	if name, value, ok := strings.Cut(text, ":"); ok {
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
	return input{kind: inputInvalid, value: text}
}
