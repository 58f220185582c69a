package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/term"
	"gopkg.in/yaml.v3"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/progress"
)

// parseFlags parses args with fs, allowing flags after positional arguments
// ("didi scan URL --out x"), and returns the positional arguments. A bad
// flag is a usage error (exit 2).
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageErr("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// listFlag splits a comma-separated flag value, dropping empty items.
func listFlag(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// multiFlag collects a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(s string) error { *m = append(*m, s); return nil }

// applyConfig reads a YAML config file whose keys are flag names (without
// dashes) and sets every flag not given on the command line. Lists may be
// YAML sequences. Errors name file:line:column. It says on stderr which file
// it loaded. Relative paths in it (answers, model, urls-from, out, browser)
// are taken from the config file's folder. An implicit config (found in the
// working directory, not given with --config) may not name the browser to
// run: a repository's .didi.yaml would run any program.
func applyConfig(fs *flag.FlagSet, path string, required bool, stderr io.Writer) error {
	b, err := diag.ReadFile(path, diag.MaxInputBytes)
	if err != nil {
		if !required && errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return usageErr("read config %s: %v", path, err)
	}
	fmt.Fprintf(stderr, "didi: using the settings in %s\n", progress.Clean(path))
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return criteria.Errors{diag.YAMLSyntax(path, b, err)}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	at := func(n *yaml.Node, format string, a ...any) criteria.Error {
		return criteria.Error{File: path, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, a...)}
	}
	if root.Kind != yaml.MappingNode {
		return criteria.Errors{at(root, "the config must be a mapping of flag names to values")}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var errs criteria.Errors
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		f := fs.Lookup(k.Value)
		if f == nil || k.Value == "config" {
			errs = append(errs, at(k, "unknown setting %q", k.Value))
			continue
		}
		if set[k.Value] {
			continue // the command line wins
		}
		if k.Value == "browser" && !required {
			fmt.Fprintf(stderr, "didi: %s:%d:%d: browser is ignored: didi runs a browser named in a config file only when you give that file with --config\n", progress.Clean(path), k.Line, k.Column)
			continue
		}
		var vals []string
		switch v.Kind {
		case yaml.ScalarNode:
			vals = []string{v.Value}
		case yaml.SequenceNode:
			var items []string
			for _, it := range v.Content {
				if it.Kind != yaml.ScalarNode {
					errs = append(errs, at(it, "%s: expected a plain value", k.Value))
					continue
				}
				items = append(items, it.Value)
			}
			if _, multi := f.Value.(*multiFlag); multi {
				vals = items
			} else {
				vals = []string{strings.Join(items, ",")}
			}
		default:
			errs = append(errs, at(v, "%s: expected a value or a list", k.Value))
			continue
		}
		for _, s := range vals {
			if pathSettings[k.Value] && s != "" && s != "-" && !filepath.IsAbs(s) && (k.Value != "browser" || strings.ContainsRune(s, '/')) {
				s = filepath.Join(filepath.Dir(path), s)
				if !strings.ContainsRune(s, filepath.Separator) {
					s = "." + string(filepath.Separator) + s // a file here, not a program on PATH
				}
			}
			if err := fs.Set(k.Value, s); err != nil {
				errs = append(errs, at(v, "%s: %q is not a valid value (%s)", k.Value, s, f.Usage))
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// pathSettings are the config settings that name files or folders; a
// relative one is taken from the config file's folder. A browser given as a
// bare name (chromium) is looked up on PATH as on the command line.
var pathSettings = map[string]bool{"answers": true, "model": true, "urls-from": true, "out": true, "browser": true}

// parseScore reads a score between 0 and 100.
func parseScore(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 0 || f > 100 {
		return 0, fmt.Errorf("%q is not a score from 0 to 100", s)
	}
	return f, nil
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
