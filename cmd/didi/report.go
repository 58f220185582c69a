package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/result"
	"io"

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
	langs, formats, err := o.resolve(r.TextLanguages())
	if err != nil {
		return err
	}
	return writeAndGate(r, formats, langs, o.out, nil, e)
}

func cmdDiff(args []string, e env) error {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	points := fs.Float64("fail-on-regression", -1, "exit 1 when the index or a criterion drops by more than this many points")
	asJSON := fs.Bool("json", false, "print the difference as JSON")
	lang := fs.String("lang", "en", "language of criterion names: nl, fr or en")
	pos, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usageErr("diff: give BASE.json and HEAD.json")
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
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return err
		}
	} else {
		printDiff(e.stdout, d, *lang)
	}
	if *points >= 0 && d.Regressed(*points) {
		return &engine.GateError{Failed: []string{fmt.Sprintf("a regression of more than %.1f points", *points)}}
	}
	return nil
}

func printDiff(w io.Writer, d scoring.Diff, lang string) {
	fmt.Fprintf(w, "index  %5.1f → %5.1f  (%+.1f)\n", d.BaseIndex, d.HeadIndex, d.Delta)
	num := func(p *float64) string {
		if p == nil {
			return "  -  "
		}
		return fmt.Sprintf("%5.1f", *p)
	}
	for _, c := range d.Criteria {
		delta := ""
		if c.Delta != nil {
			delta = fmt.Sprintf("(%+.1f)", *c.Delta)
		}
		fmt.Fprintf(w, "  %s → %s  %-8s %s\n", num(c.Base), num(c.Head), delta, c.Title.In(lang))
	}
	for _, id := range d.NewFailures {
		fmt.Fprintf(w, "new failure: %s\n", id)
	}
	for _, id := range d.Fixed {
		fmt.Fprintf(w, "fixed: %s\n", id)
	}
}
