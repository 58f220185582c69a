package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/scoring"
)

func cmdModel(args []string, e env) error {
	if len(args) == 0 {
		return usageErr("model: use `didi model validate [FILE]` or `didi model show`")
	}
	switch args[0] {
	case "validate":
		fs := flag.NewFlagSet("model validate", flag.ContinueOnError)
		pos, err := parseFlags(fs, args[1:], e.stderr)
		if err != nil {
			return err
		}
		if len(pos) > 1 {
			return usageErr("model validate: give at most one file")
		}
		path := ""
		if len(pos) == 1 {
			path = pos[0]
		}
		m, err := loadModel(path)
		if err != nil {
			return err
		}
		n := 0
		for _, c := range m.Criteria {
			n += len(c.Questions)
		}
		name := path
		if name == "" {
			name = "built-in model"
		}
		fmt.Fprintf(e.stdout, "%s: valid (%s %s: %d criteria, %d questions, %d checks)\n", name, m.ID, m.Version, len(m.Criteria), n, len(m.Checks))
		return nil
	case "show":
		fs := flag.NewFlagSet("model show", flag.ContinueOnError)
		lang := fs.String("lang", "", "language: nl, fr or en (default: all)")
		format := fs.String("format", "md", "md or json")
		file := fs.String("model", "", "model file (default: the built-in model)")
		if _, err := parseFlags(fs, args[1:], e.stderr); err != nil {
			return err
		}
		m, err := loadModel(*file)
		if err != nil {
			return err
		}
		langs := m.Languages
		if *lang != "" {
			if !slices.Contains(m.Languages, *lang) {
				return usageErr("--lang: %q is not a language of the model", *lang)
			}
			langs = []string{*lang}
		}
		switch *format {
		case "md":
			_, err = e.stdout.Write(criteria.ModelMarkdown(m, langs))
		case "json":
			enc := json.NewEncoder(e.stdout)
			enc.SetIndent("", "  ")
			err = enc.Encode(m)
		default:
			return usageErr("--format: use md or json")
		}
		return err
	}
	return usageErr("model: unknown subcommand %q", args[0])
}

func cmdChecks(args []string, e env) error {
	fs := flag.NewFlagSet("checks", flag.ContinueOnError)
	lang := fs.String("lang", "en", "language: nl, fr or en")
	asJSON := fs.Bool("json", false, "print as JSON")
	if _, err := parseFlags(fs, args, e.stderr); err != nil {
		return err
	}
	m, err := loadModel("")
	if err != nil {
		return err
	}
	if !slices.Contains(m.Languages, *lang) {
		return usageErr("--lang: %q is not a language of the model", *lang)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(scoring.Catalog(m, registry))
	}
	_, err = e.stdout.Write(scoring.CatalogMarkdown(m, registry, []string{*lang}))
	return err
}
