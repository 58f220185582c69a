package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/scoring"
)

// loadResult reads a result.json; a syntax error names file:line:column.
func loadResult(path string) (*scoring.Result, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, usageErr("read result %s: %v", path, err)
	}
	var r scoring.Result
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&r); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		off := int64(-1)
		switch {
		case errors.As(err, &syn):
			off = syn.Offset
		case errors.As(err, &typ):
			off = typ.Offset
		}
		if off >= 0 {
			line, col := position(b, off)
			return nil, criteria.Errors{{File: path, Line: line, Col: col, Msg: "not a valid result.json: " + err.Error()}}
		}
		return nil, usageErr("%s: not a valid result.json: %v", path, err)
	}
	if r.SchemaVersion != scoring.SchemaVersion {
		return nil, criteria.Errors{{File: path, Line: 1, Col: 1, Msg: fmt.Sprintf("schema_version %d is not supported (want %d)", r.SchemaVersion, scoring.SchemaVersion)}}
	}
	return &r, nil
}

// position turns a byte offset into a 1-based line and column.
func position(b []byte, off int64) (line, col int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	line, col = 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
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
	langs, formats, err := o.resolve(resultLanguages(r))
	if err != nil {
		return err
	}
	return writeAndGate(r, formats, langs, o.out, nil, e)
}

// resultLanguages lists the languages the result's texts exist in.
func resultLanguages(r *scoring.Result) []string {
	var out []string
	if len(r.Criteria) > 0 {
		for _, l := range []string{"nl", "fr", "en", "de"} {
			if _, ok := r.Criteria[0].Title[l]; ok {
				out = append(out, l)
			}
		}
	}
	return out
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
		return &exitError{code: exitGateFailed, err: fmt.Errorf("regression of more than %.1f points", *points)}
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
