package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"

	"github.com/didi-index/didi/internal/atomicfile"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/report"
)

// outputFlags are the flags every command that writes reports shares.
type outputFlags struct {
	lang, format, out string
}

func (o *outputFlags) register(fs *flag.FlagSet, defaultFormat, defaultOut string) {
	fs.StringVar(&o.lang, "lang", "nl,fr", "report `languages`: nl, fr, en (one or more, comma-separated)")
	fs.StringVar(&o.format, "format", defaultFormat, "report `formats`: "+strings.Join(report.Formats(), ", "))
	fs.StringVar(&o.out, "out", defaultOut, "`folder` for the output files")
}

// resolve checks languages against the model's and formats against the
// writers.
func (o *outputFlags) resolve(modelLangs []string) (langs, formats []string, err error) {
	langs, formats = listFlag(o.lang), listFlag(o.format)
	if len(langs) == 0 {
		return nil, nil, usageErr("--lang: give at least one language")
	}
	for _, l := range langs {
		if !slices.Contains(modelLangs, l) {
			return nil, nil, usageErr("--lang: %q is not a language of the model (%s)", l, strings.Join(modelLangs, ", "))
		}
	}
	if len(formats) == 0 {
		return nil, nil, usageErr("--format: give at least one format")
	}
	for _, f := range formats {
		if !slices.Contains(report.Formats(), f) {
			return nil, nil, usageErr("--format: unknown format %q (use %s)", f, strings.Join(report.Formats(), ", "))
		}
	}
	return langs, formats, nil
}

// scanFlags are the flags of `didi scan`.
type scanFlags struct {
	outputFlags
	answers, model, config, urlsFrom, browser string
	include, exclude, headers, cookies        multiFlag
	maxPages, maxDepth, concurrency           int
	timeout, budget                           time.Duration
	noBrowser, noCrawl, insecure, quiet       bool
	verbose, allowOutside                     bool
	failUnder                                 string
	failUnderCriterion                        multiFlag
	baseline, failOnRegression, failPageErrs  string
	failOn                                    multiFlag
	failOnNew                                 bool
	checkLevels                               levelsFlag
	ignoreSelectors, ignoreURLs               multiFlag
}

func (f *scanFlags) register(fs *flag.FlagSet) {
	f.outputFlags.register(fs, "pdf,json", "didi-report")
	fs.StringVar(&f.answers, "answers", "", "answers `FILE` from didi questionnaire")
	fs.StringVar(&f.model, "model", "", "model `FILE` to use instead of the built-in one")
	fs.StringVar(&f.config, "config", ".didi.yaml", "config `FILE` with default flag values (keys are flag names)")
	fs.StringVar(&f.urlsFrom, "urls-from", "", "`FILE` with one URL per line to scan (- for standard input)")
	fs.StringVar(&f.browser, "browser", "", "`path` to Chromium or Chrome (default: $DIDI_BROWSER, then PATH)")
	fs.Var(&f.include, "include", "only follow URLs that match this regular expression `RE` (repeatable)")
	fs.Var(&f.exclude, "exclude", "never follow URLs that match this regular expression `RE` (repeatable)")
	fs.Var(&f.headers, "header", "extra request `header` \"Name: value\" (repeatable)")
	fs.Var(&f.cookies, "cookie", "`cookie` \"name=value\" sent to the scanned site (repeatable)")
	fs.IntVar(&f.maxPages, "max-pages", 25, "most pages to scan")
	fs.IntVar(&f.maxDepth, "max-depth", crawler.DefaultMaxDepth, "most links to follow from a start URL")
	fs.IntVar(&f.concurrency, "concurrency", crawler.DefaultConcurrency(), "pages loaded at the same time")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "time limit per page")
	fs.DurationVar(&f.budget, "budget", 10*time.Minute, "time limit for the whole crawl (0: none)")
	fs.BoolVar(&f.noBrowser, "no-browser", false, "fetch pages over plain HTTP; checks that need a browser are not evaluated")
	fs.BoolVar(&f.noCrawl, "no-crawl", false, "scan exactly the given URLs, follow no links")
	fs.BoolVar(&f.insecure, "insecure", false, "accept invalid TLS certificates (staging servers); the result records it")
	fs.BoolVar(&f.allowOutside, "allow-outside", false, "let the browser load resources from other sites (default: they fail at once but are recorded)")
	fs.BoolVar(&f.quiet, "quiet", false, "no progress output (warnings still show)")
	fs.BoolVar(&f.verbose, "verbose", false, "more progress output")
	fs.StringVar(&f.failUnder, "fail-under", "", "exit 1 when the index is below this `SCORE` (0-100)")
	fs.Var(&f.failUnderCriterion, "fail-under-criterion", "exit 1 when criterion ID scores below SCORE: `ID=SCORE` (repeatable)")
	fs.Var(&f.failOn, "fail-on", "exit 1 when check `CHECK_ID` fails on any page (repeatable, or ids separated by commas)")
	fs.StringVar(&f.failPageErrs, "fail-on-page-errors", "", "exit 1 when more than `N` pages could not be scanned")
	fs.StringVar(&f.baseline, "baseline", "", "result.json `FILE` of an earlier scan to compare with (writes didi-diff.md and didi-diff.json)")
	fs.BoolVar(&f.failOnNew, "fail-on-new", false, "exit 1 when a failing element is new since --baseline")
	fs.StringVar(&f.failOnRegression, "fail-on-regression", "", "exit 1 when the index or a criterion dropped by more than `POINTS` since --baseline")
	fs.Var(&f.checkLevels, "checks", "set a check's level, `CHECK_ID=LEVEL`: off (not run, not scored), warn (shown, counts 0) or on (repeatable, or pairs separated by commas)")
	fs.Var(&f.ignoreSelectors, "ignore-selector", "ignore what checks find on elements that match this CSS `selector`, or inside them (repeatable)")
	fs.Var(&f.ignoreURLs, "ignore-url", "do not check or score pages whose address matches this regular expression `RE`; their links are still followed (repeatable)")
}

// rules are the check levels and ignores of the flags.
func (f *scanFlags) rules() engine.Rules {
	return engine.Rules{Checks: f.checkLevels.m, IgnoreSelectors: f.ignoreSelectors, IgnoreURLs: f.ignoreURLs}
}

// now is the clock; tests fix it so result.json is reproducible.
var now = time.Now

func cmdScan(ctx context.Context, args []string, e env) error {
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	var f scanFlags
	f.register(fs)
	urls, err := parseFlags(fs, args, e.stderr)
	if err != nil {
		return err
	}
	configGiven := false
	fs.Visit(func(fl *flag.Flag) { configGiven = configGiven || fl.Name == "config" })
	orig, err := applyConfig(fs, f.config, configGiven, e.stderr)
	if err != nil {
		return err
	}
	// A bad value found from here on is reported where the config wrote it.
	return orig.locate(scan(ctx, fs, &f, urls, e))
}

// scan runs `didi scan` once its flags and config are read.
func scan(ctx context.Context, fs *flag.FlagSet, f *scanFlags, urls []string, e env) error {
	if f.urlsFrom != "" {
		more, err := readURLs(f.urlsFrom, urls, e)
		if err != nil {
			return err
		}
		urls = dedupe(append(urls, more...))
	}
	if len(urls) == 0 {
		return usageErr("scan: give at least one URL (or --urls-from FILE)")
	}
	m, answers, err := loadModelAndAnswers(f.model, f.answers)
	if err != nil {
		return err
	}
	langs, formats, err := f.resolve(m.Languages)
	if err != nil {
		return err
	}
	gates, base, err := f.gates(m)
	if err != nil {
		return err
	}
	opts, err := f.crawlOptions(urls, e)
	if err != nil {
		return err
	}
	if !flagGiven(fs, "max-pages") && f.noCrawl {
		opts.MaxPages = 0 // an explicit list is the scope: scan every URL
	}
	out, err := engine.Run(ctx, engine.Plan{Model: m, Answers: answers, Registry: registry, Rules: f.rules(), Crawl: opts,
		Languages: langs, Tool: tool(), Clock: now, Events: f.events(e)})
	if out == nil {
		return err
	}
	werr := writeAndGate(out.Result, formats, langs, f.out, gates, e)
	if base != nil {
		if derr := writeDiff(base, out.Result, f.baseline, f.out, langs[0], e); derr != nil && werr == nil {
			werr = derr
		}
	}
	if werr != nil && err == nil {
		err = werr
	}
	return err
}

// writeDiff writes the difference with the baseline as didi-diff.md and
// didi-diff.json and prints its counts.
func writeDiff(base, head *result.Result, baseName, out, lang string, e env) error {
	d := scoring.Compare(base, head)
	for _, f := range []struct{ name, format string }{{"didi-diff.md", "md"}, {"didi-diff.json", "json"}} {
		path := filepath.Join(out, f.name)
		if err := atomicfile.Write(path, func(w io.Writer) error { return report.WriteDiff(w, d, f.format, lang) }); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		fmt.Fprintf(e.stdout, "wrote %s\n", progress.Clean(path))
	}
	for _, w := range d.Warnings {
		fmt.Fprintf(e.stderr, "didi: warning: %s\n", progress.Clean(w))
	}
	fmt.Fprintf(e.stdout, "compared with %s: %d new, %d fixed, %d still failing\n", progress.Clean(baseName),
		len(d.Problems.New), len(d.Problems.Fixed), len(d.Problems.Still))
	return nil
}

// tool names this program in results.
func tool() result.Tool { return result.Tool{Name: "didi", Version: Version} }

// events renders progress on stderr; --quiet keeps only the warnings.
func (f *scanFlags) events(e env) progress.Func {
	term := progress.Terminal(e.stderr, e.stderrTTY, f.verbose)
	if f.quiet {
		return func(ev progress.Event) {
			if ev.Kind == progress.Warning {
				term(ev)
			}
		}
	}
	return term
}

// crawlOptions turns flags into crawler options.
func (f *scanFlags) crawlOptions(urls []string, e env) (crawler.Options, error) {
	o := crawler.Options{
		Start: urls, NoCrawl: f.noCrawl, MaxPages: f.maxPages, MaxDepth: crawler.Depth(f.maxDepth),
		Concurrency: f.concurrency, Timeout: f.timeout, Budget: f.budget,
		Browser: f.browser, NoBrowser: f.noBrowser, Insecure: f.insecure,
		BlockOutside: !f.allowOutside,
	}
	if f.maxPages < 1 || f.maxDepth < 0 || f.concurrency < 1 || f.timeout <= 0 {
		return o, usageErr("scan: --max-pages, --concurrency and --timeout must be positive, --max-depth at least 0")
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return o, usageErr("scan: %q is not an http:// or https:// URL", u)
		}
	}
	for _, list := range []struct {
		in  multiFlag
		out *[]*regexp.Regexp
	}{{f.include, &o.Include}, {f.exclude, &o.Exclude}} {
		for _, s := range list.in {
			re, err := regexp.Compile(s)
			if err != nil {
				return o, usageErr("scan: bad regular expression %q: %v", s, err)
			}
			*list.out = append(*list.out, re)
		}
	}
	o.Headers = http.Header{}
	for _, h := range f.headers {
		name, value, ok := strings.Cut(h, ":")
		if !ok || strings.TrimSpace(name) == "" {
			return o, usageErr("scan: --header %q: use \"Name: value\"", h)
		}
		o.Headers.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	for _, c := range f.cookies {
		name, value, ok := strings.Cut(c, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return o, usageErr("scan: --cookie %q: use name=value", c)
		}
		o.Cookies = append(o.Cookies, &http.Cookie{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return o, nil
}

// readURLs reads one URL per line; blank lines and # comments are skipped.
// A relative URL ("/about.html") is resolved against the first URL given on
// the command line, so a list of paths can be scanned on any host.
func readURLs(path string, given []string, e env) ([]string, error) {
	var b []byte
	var err error
	if path == "-" {
		b, err = diag.ReadAll(e.stdin, "standard input", diag.MaxInputBytes)
	} else {
		b, err = diag.ReadFile(path, diag.MaxInputBytes)
	}
	if err != nil {
		return nil, usageErr("--urls-from: %v", err)
	}
	var base *url.URL
	if len(given) > 0 {
		base, _ = url.Parse(given[0])
	}
	var urls []string
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := url.Parse(line)
		if err != nil {
			return nil, criteria.Errors{{File: path, Line: i + 1, Col: 1, Msg: fmt.Sprintf("not a URL: %v", err)}}
		}
		if !u.IsAbs() {
			if base == nil {
				return nil, criteria.Errors{{File: path, Line: i + 1, Col: 1, Msg: fmt.Sprintf("%q is relative: give a base URL on the command line (didi scan https://example.be/ --urls-from %s)", line, path)}}
			}
			u = base.ResolveReference(u)
		}
		urls = append(urls, u.String())
	}
	return urls, nil
}

// dedupe drops repeated URLs, keeping the first of each.
func dedupe(urls []string) []string {
	seen := map[string]bool{}
	out := urls[:0]
	for _, u := range urls {
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// registry is the set of built-in checks.
var registry = checks.Default()

// knownCheck gives the model loader the registry's check declarations.
var knownCheck = scoring.Known(registry)

// loadModel loads the model file, or the built-in model when path is "".
func loadModel(path string) (*criteria.Model, error) {
	var m *criteria.Model
	var err error
	if path == "" {
		m, err = criteria.LoadDefault(knownCheck)
	} else {
		m, err = criteria.LoadModel(path, knownCheck)
	}
	if err != nil {
		return nil, badInput(err)
	}
	return m, nil
}

func loadModelAndAnswers(modelPath, answersPath string) (*criteria.Model, *criteria.Answers, error) {
	m, err := loadModel(modelPath)
	if err != nil {
		return nil, nil, err
	}
	if answersPath == "" {
		return m, nil, nil
	}
	a, err := criteria.LoadAnswers(answersPath, m)
	if err != nil {
		return nil, nil, badInput(err)
	}
	return m, a, nil
}

// flagGiven reports whether the flag was set on the command line or by the
// config file.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(fl *flag.Flag) { given = given || fl.Name == name })
	return given
}

// gates reads the gate flags; engine.ValidateGates checks their ids.
func (f *scanFlags) gates(m *criteria.Model) ([]engine.Gate, *result.Result, error) {
	var gates []engine.Gate
	if f.failUnder != "" {
		s, err := parseScore(f.failUnder)
		if err != nil {
			return nil, nil, usageErr("--fail-under: %v", err)
		}
		gates = append(gates, engine.Gate{Min: s})
	}
	for _, g := range f.failUnderCriterion {
		id, val, ok := strings.Cut(g, "=")
		if !ok {
			return nil, nil, usageErr("--fail-under-criterion %q: use ID=SCORE", g)
		}
		s, err := parseScore(val)
		if err != nil {
			return nil, nil, usageErr("--fail-under-criterion %s: %v", id, err)
		}
		gates = append(gates, engine.Gate{Criterion: id, Min: s})
	}
	for _, ids := range f.failOn {
		for _, id := range listFlag(ids) {
			gates = append(gates, engine.Gate{Kind: engine.GateCheck, Check: id})
		}
	}
	if f.failPageErrs != "" {
		n, err := strconv.Atoi(strings.TrimSpace(f.failPageErrs))
		if err != nil || n < 0 {
			return nil, nil, usageErr("--fail-on-page-errors: %q is not a number of pages (0 or more)", f.failPageErrs)
		}
		gates = append(gates, engine.Gate{Kind: engine.GatePageErrors, Max: n})
	}
	if f.failOnNew {
		gates = append(gates, engine.Gate{Kind: engine.GateNew})
	}
	if f.failOnRegression != "" {
		p, err := strconv.ParseFloat(strings.TrimSpace(f.failOnRegression), 64)
		if err != nil || p < 0 {
			return nil, nil, usageErr("--fail-on-regression: %q is not a number of points (0 or more)", f.failOnRegression)
		}
		gates = append(gates, engine.Gate{Kind: engine.GateRegression, Points: p})
	}
	var base *result.Result
	if f.baseline != "" {
		var err error
		if base, err = loadResult(f.baseline); err != nil {
			return nil, nil, err
		}
	}
	for i := range gates {
		if gates[i].Kind == engine.GateNew || gates[i].Kind == engine.GateRegression {
			gates[i].Base, gates[i].BaseName = base, f.baseline
		}
	}
	if err := f.rules().Validate(m); err != nil {
		return nil, nil, err
	}
	if err := engine.ValidateGates(gates, m, f.rules()); err != nil {
		return nil, nil, err
	}
	return gates, base, nil
}

// writeAndGate writes the reports, prints a summary and applies the gates.
func writeAndGate(res *result.Result, formats, langs []string, out string, gates []engine.Gate, e env) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return usageErr("--out: %v", err)
	}
	paths, err := report.WriteFiles(out, res, formats, langs)
	if err != nil {
		return fmt.Errorf("write reports: %w", err)
	}
	printSummary(e, res, langs[0], paths)
	return engine.CheckGates(res, gates)
}

// printSummary writes a short summary to stdout.
func printSummary(e env, r *result.Result, lang string, paths []string) {
	fmt.Fprintf(e.stdout, "didi index %.1f (level %s, coverage %.0f%%) for %s\n", r.Index, r.Level, r.Coverage*100, progress.Clean(r.Target))
	if r.Interrupted {
		fmt.Fprintln(e.stdout, "interrupted: the scores cover only the pages scanned before the stop")
	}
	for _, c := range r.Criteria {
		score := "  -  "
		if c.Score != nil {
			score = fmt.Sprintf("%5.1f", *c.Score)
		}
		fmt.Fprintf(e.stdout, "  %s  %s\n", score, c.Title.In(lang))
	}
	pc := r.Counts()
	reasons := ""
	for _, k := range slices.Sorted(maps.Keys(pc.FailedBy)) {
		reasons += fmt.Sprintf(", %s: %d", strings.TrimPrefix(k, "http_"), pc.FailedBy[k])
	}
	if reasons != "" {
		reasons = " (" + reasons[2:] + ")"
	}
	ignored := ""
	if pc.Ignored > 0 {
		ignored = fmt.Sprintf(", %d not checked (ignore-url)", pc.Ignored)
	}
	fmt.Fprintf(e.stdout, "pages: %d scanned, %d failed%s, %d skipped%s\n", pc.Scanned, pc.Failed, reasons, pc.Skipped, ignored)
	if !r.Overrides.Empty() {
		fmt.Fprintf(e.stdout, "changed for this scan: %s", progress.Clean(r.Overrides.String()))
		if n := r.Overrides.IgnoredElements; len(r.Overrides.IgnoreSelectors) > 0 {
			fmt.Fprintf(e.stdout, " (%d %s ignored)", n, map[bool]string{true: "element", false: "elements"}[n == 1])
		}
		fmt.Fprintln(e.stdout)
	}
	if pc.MostlyFailed() {
		fmt.Fprintf(e.stdout, "warning: most pages could not be scanned (%d of %d); the scores rest on %d pages\n", pc.Failed, pc.Tried(), pc.Scanned)
	}
	for _, p := range paths {
		fmt.Fprintf(e.stdout, "wrote %s\n", progress.Clean(p))
	}
}
