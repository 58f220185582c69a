package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/questionnaire"
)

func cmdQuestionnaire(ctx context.Context, args []string, e env) error {
	fs := flag.NewFlagSet("questionnaire", flag.ContinueOnError)
	lang := fs.String("lang", "nl", "language of the questions: nl, fr or en")
	out := fs.String("out", "answers.yaml", "answers file to write (and to resume when it exists)")
	template := fs.Bool("template", false, "write a commented answers file to fill in by hand, to --out (- for standard output)")
	modelPath := fs.String("model", "", "model file (default: the built-in model)")
	if _, err := parseFlags(fs, args, e.stderr); err != nil {
		return err
	}
	m, err := loadModel(*modelPath)
	if err != nil {
		return err
	}
	if !slices.Contains(m.Languages, *lang) {
		return usageErr("--lang: %q is not a language of the model", *lang)
	}
	if *template {
		return writeTemplate(m, *lang, *out, e)
	}
	_, err = questionnaire.Run(ctx, questionnaire.Options{
		Model: m, Lang: *lang, Path: *out, In: interruptible(ctx, e.stdin), Out: e.stdout,
		InName: "standard input", Interactive: e.stdinTTY, Today: now().Format(time.DateOnly),
		Width: questionnaire.TerminalWidth(e.stdout), ModelPath: *modelPath,
	})
	if ctx.Err() != nil {
		// Ctrl-C or SIGTERM: the answers given so far are saved.
		return fmt.Errorf("questionnaire: %w (answers saved in %s)", engine.ErrInterrupted, *out)
	}
	return badInput(err)
}

// interruptible returns a reader of r whose Read returns end of input as
// soon as ctx is cancelled, even while r blocks (a terminal waiting for a
// line), so Ctrl-C stops the questionnaire at once.
func interruptible(ctx context.Context, r io.Reader) io.Reader {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, r)
		pw.CloseWithError(err)
	}()
	context.AfterFunc(ctx, func() { pw.Close() })
	return pr
}

// writeTemplate writes a commented answers file to fill in by hand.
func writeTemplate(m *criteria.Model, lang, out string, e env) error {
	if out == "-" {
		return criteria.WriteTemplate(e.stdout, m, lang)
	}
	if err := criteria.WriteTemplateFile(out, m, lang); err != nil {
		return usageErr("questionnaire: %v", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s\n", out)
	return nil
}
