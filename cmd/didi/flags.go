package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/term"
	"gopkg.in/yaml.v3"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/engine"
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
// YAML sequences; a flag that takes pairs (checks) may be a mapping. Errors
// name file:line:column. It says on stderr which file it loaded, and
// returns where each value was written, so that errors found later (an
// unknown check id) name that place too. Relative paths in it (answers,
// model, urls-from, out, browser) are taken from the config file's folder.
// An implicit config (found in the working directory, not given with
// --config) may not name the browser to run: a repository's .didi.yaml
// would run any program.
func applyConfig(fs *flag.FlagSet, path string, required bool, stderr io.Writer) (origins, error) {
	b, err := diag.ReadFile(path, diag.MaxInputBytes)
	if err != nil {
		if !required && errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, usageErr("read config %s: %v", path, err)
	}
	fmt.Fprintf(stderr, "didi: using the settings in %s\n", progress.Clean(path))
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, criteria.Errors{diag.YAMLSyntax(path, b, err)}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	at := func(n *yaml.Node, format string, a ...any) criteria.Error {
		return criteria.Error{File: path, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, a...)}
	}
	if root.Kind != yaml.MappingNode {
		return nil, criteria.Errors{at(root, "the config must be a mapping of flag names to values")}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	orig := origins{}
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
		// Each value to set, with the node it was written at.
		type value struct {
			s    string
			node *yaml.Node
		}
		var vals []value
		switch v.Kind {
		case yaml.ScalarNode:
			vals = []value{{v.Value, v}}
		case yaml.SequenceNode:
			var items []string
			for _, it := range v.Content {
				if it.Kind != yaml.ScalarNode {
					errs = append(errs, at(it, "%s: expected a plain value", k.Value))
					continue
				}
				items = append(items, it.Value)
				vals = append(vals, value{it.Value, it})
			}
			if _, multi := f.Value.(*multiFlag); !multi {
				vals = []value{{strings.Join(items, ","), v}}
			}
		case yaml.MappingNode:
			if _, ok := f.Value.(*levelsFlag); !ok {
				errs = append(errs, at(v, "%s: expected a value or a list", k.Value))
				continue
			}
			for j := 0; j+1 < len(v.Content); j += 2 {
				pk, pv := v.Content[j], v.Content[j+1]
				if pk.Kind != yaml.ScalarNode || pv.Kind != yaml.ScalarNode {
					errs = append(errs, at(pk, "%s: expected CHECK_ID: LEVEL", k.Value))
					continue
				}
				orig.add(k.Value, pk.Value, path, pk)
				if err := fs.Set(k.Value, pk.Value+"="+pv.Value); err != nil {
					errs = append(errs, at(pv, "%s: %s: %v", k.Value, pk.Value, err))
				}
			}
			continue
		default:
			errs = append(errs, at(v, "%s: expected a value or a list", k.Value))
			continue
		}
		for _, val := range vals {
			s := val.s
			if pathSettings[k.Value] && s != "" && s != "-" && !filepath.IsAbs(s) && (k.Value != "browser" || strings.ContainsRune(s, '/')) {
				s = filepath.Join(filepath.Dir(path), s)
				if !strings.ContainsRune(s, filepath.Separator) {
					s = "." + string(filepath.Separator) + s // a file here, not a program on PATH
				}
			}
			orig.add(k.Value, s, path, val.node)
			if err := fs.Set(k.Value, s); err != nil {
				errs = append(errs, at(val.node, "%s: %q is not a valid value (%s)", k.Value, s, f.Usage))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return orig, nil
}

// origins says where the config file wrote each value of a setting, so
// that a problem found later in a value (engine.SettingError) is reported
// at its place.
type origins map[string]diag.Error

// add records that setting's value s was written at node of file.
func (o origins) add(setting, s, file string, node *yaml.Node) {
	o[setting+"\x00"+s] = diag.Error{File: file, Line: node.Line, Col: node.Column}
}

// locate turns an engine.SettingError about a value the config file wrote
// into a diag.Error at its place ("file:line:col: checks: unknown check");
// other errors are returned as they are. A value matches the one written,
// or an item of a comma-separated list, or the CHECK_ID of CHECK_ID=LEVEL.
func (o origins) locate(err error) error {
	var se *engine.SettingError
	if len(o) == 0 || !errors.As(err, &se) || se.Value == "" {
		return err
	}
	for key, pos := range o {
		setting, written, _ := strings.Cut(key, "\x00")
		if setting != se.Setting {
			continue
		}
		for _, item := range listFlag(written) {
			if id, _, _ := strings.Cut(item, "="); item == se.Value || id == se.Value {
				pos.Msg = se.Setting + ": " + se.Msg
				return diag.Errors{pos}
			}
		}
	}
	return err
}

// levelsFlag collects --checks CHECK_ID=LEVEL, repeatable or with pairs
// separated by commas; in .didi.yaml it is a mapping (checks: {target-size:
// off}). Levels are engine.Levels.
type levelsFlag struct{ m map[string]string }

func (l *levelsFlag) String() string {
	if l == nil || len(l.m) == 0 {
		return ""
	}
	pairs := make([]string, 0, len(l.m))
	for id, level := range l.m {
		pairs = append(pairs, id+"="+level)
	}
	slices.Sort(pairs)
	return strings.Join(pairs, ",")
}

func (l *levelsFlag) Set(s string) error {
	for _, pair := range listFlag(s) {
		id, level, ok := strings.Cut(pair, "=")
		id, level = strings.TrimSpace(id), strings.TrimSpace(level)
		if !ok || id == "" {
			return fmt.Errorf("%q: use CHECK_ID=LEVEL", pair)
		}
		if !slices.Contains(engine.Levels, level) {
			return fmt.Errorf("%q is not a level (use %s)", level, strings.Join(engine.Levels, ", "))
		}
		if l.m == nil {
			l.m = map[string]string{}
		}
		l.m[id] = level
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
