package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/report"
	"github.com/didi-index/didi/result"

	"github.com/didi-index/didi/scoring"
)

// loadResult reads a result.json; a syntax error names file:line:column.
func loadResult(path string) (*result.Result, error) {
	r, err := result.Read(path)
	return r, badInput(err)
}

func cmdReport(args []string, e env) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	var o outputFlags
	o.register(fs, "pdf,json", "didi-report")
	answers := fs.String("answers", "", "answers `FILE`: score the result again with these answers (questions and reviews), without scanning")
	model := fs.String("model", "", "model `FILE` the result was made with, when it is not the built-in one (with --answers)")
	pos, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageErr("report: give one result.json file")
	}
	r, err := loadResult(pos[0])
	if err != nil {
		return err
	}
	if *answers != "" {
		if r, err = rescore(r, *model, *answers); err != nil {
			return err
		}
	} else if *model != "" {
		return usageErr("report: --model is only used with --answers")
	}
	langs, formats, err := o.resolve(r.TextLanguages())
	if err != nil {
		return err
	}
	return writeAndGate(r, formats, langs, o.out, nil, e)
}

// rescore scores a saved result again with the answers file at
// answersPath, as a scan with those answers would have: engine.FromResult
// and Output.Rescore, the way didi serve scores review answers.
func rescore(r *result.Result, modelPath, answersPath string) (*result.Result, error) {
	m, err := loadModel(modelPath)
	if err != nil {
		return nil, err
	}
	out, err := engine.FromResult(r, m, registry)
	if err != nil {
		return nil, err
	}
	a, err := criteria.LoadAnswers(answersPath, m)
	if err != nil {
		return nil, badInput(err)
	}
	return out.Rescore(a), nil
}

func cmdDiff(args []string, e env) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	points := fs.Float64("fail-on-regression", -1, "exit 1 when the index or a criterion drops by more than this many points")
	failNew := fs.Bool("fail-on-new", false, "exit 1 when a failing element is new in HEAD")
	format := fs.String("format", "text", "output format: "+strings.Join(report.DiffFormats, ", "))
	asJSON := fs.Bool("json", false, "print the difference as JSON (same as --format json)")
	lang := fs.String("lang", "en", "language of the texts: nl, fr or en")
	strict := fs.Bool("strict", false, "refuse to compare results not made the same way (site, mode, browser, model, languages or overrides)")
	pos, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("diff: give BASE.json and HEAD.json")
	}
	if *asJSON {
		*format = "json"
	}
	if !slices.Contains(report.DiffFormats, *format) {
		return usageErr("diff: --format %q: use %s", *format, strings.Join(report.DiffFormats, ", "))
	}
	if !slices.Contains(report.Languages, *lang) {
		return usageErr("diff: --lang %q: use %s", *lang, strings.Join(report.Languages, ", "))
	}
	base, err := loadResult(pos[0])
	if err != nil {
		return err
	}
	head, err := loadResult(pos[1])
	if err != nil {
		return err
	}
	d := scoring.Compare(base, head)
	for _, w := range d.Warnings {
		fmt.Fprintf(e.stderr, "didi: warning: %s\n", progress.Clean(w))
	}
	if *strict && len(d.Warnings) > 0 {
		return usageErr("diff --strict: %s and %s do not compare: %s", pos[0], pos[1], strings.Join(d.Warnings, "; "))
	}
	if err := report.WriteDiff(e.stdout, d, *format, *lang); err != nil {
		return err
	}
	var gates []engine.Gate
	if *points >= 0 {
		gates = append(gates, engine.Gate{Kind: engine.GateRegression, Points: *points, Base: base, BaseName: pos[0]})
	}
	if *failNew {
		gates = append(gates, engine.Gate{Kind: engine.GateNew, Base: base, BaseName: pos[0]})
	}
	return engine.CheckGates(head, gates)
}
