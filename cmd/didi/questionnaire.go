package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"time"

	"github.com/didi-index/didi/criteria"
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
	_, err = criteria.RunQuestionnaire(ctx, criteria.QuestionnaireOptions{
		Model: m, Lang: *lang, Path: *out, In: e.stdin, Out: e.stdout,
		InName: "standard input", Interactive: e.stdinTTY, Today: now().Format(time.DateOnly),
	})
	if err != nil {
		return badInput(err)
	}
	return nil
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
