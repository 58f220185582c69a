// Package engine runs a scan from start to end: crawl, checks, scoring. It
// is the one pipeline that every front end calls: `didi scan`, `didi demo`,
// `didi serve` and `didi batch` only build a Plan, render the progress
// events their own way and write or show the Result.
package engine

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"
	"github.com/didi-index/didi/snapshot"
)

// Plan is everything one scan needs.
type Plan struct {
	// Model is the evaluation model; Answers the team's answers (nil:
	// automated checks only).
	Model   *criteria.Model
	Answers *criteria.Answers
	// Registry holds the checks; nil means checks.Default().
	Registry *checks.Registry
	// Rules switch checks off or make them warnings, and ignore elements
	// and pages, for this scan (.didi.yaml checks:, ignore-selector:,
	// ignore-url:).
	Rules Rules
	// Crawl holds the start URLs and the limits. Its Events are replaced
	// by Plan.Events, and what the crawler gathers beyond the page itself
	// (the slow-connection load, the 320 px layout) follows from the
	// model's checks (SlowProfile, GatherPlan).
	Crawl crawler.Options
	// Languages are the report languages recorded in the result.
	Languages []string
	// Tool names the program in the result.
	Tool result.Tool
	// Clock gives the start and end times; nil means time.Now. Tests fix it
	// so that result.json is reproducible.
	Clock func() time.Time
	// Events receives progress: the crawler's page events, then
	// ChecksStarted and ChecksDone. nil is quiet.
	Events progress.Func
	// FallbackNoBrowser scans over plain HTTP when no browser is found,
	// with a warning event, instead of failing (the demo).
	FallbackNoBrowser bool
}

// Output is what a run produced: the Result, and the scoring input behind
// it, so that a front end can score again with other answers (a review
// answered in serve, `didi report --answers`) without scanning again.
type Output struct {
	Result *result.Result
	// Input is the scoring input; Input.Answers is the plan's answers.
	Input scoring.Input
	// Scan is the crawl; nil for an Output made from a saved result
	// (FromResult). Its Pages are the snapshots' light copies
	// (snapshot.Light: addresses, statuses, errors, headers, the browser's
	// measures) when they were kept in a spool during the scan; the spool is
	// gone once Run returns.
	Scan *crawler.Scan
}

// Rescore scores the same outcomes with other answers (questions and
// reviews): the result is the one a scan with those answers would have
// given.
func (o *Output) Rescore(a *criteria.Answers) *result.Result {
	in := o.Input
	in.Answers = a
	return scoring.Score(in)
}

// FromResult makes an Output from a saved result, so that Rescore scores it
// again with other answers without scanning: its check outcomes, pages and
// overrides are what a scan would have given. m must be the model the
// result was made with (same id, version and SHA-256), else it is an
// InputError that says so; reg nil means checks.Default().
func FromResult(res *result.Result, m *criteria.Model, reg *checks.Registry) (*Output, error) {
	if reg == nil {
		reg = checks.Default()
	}
	if res.Model.ID != m.ID || res.Model.Version != m.Version || res.Model.SHA256 != m.SHA256 {
		return nil, BadInputf("the result was made with model %s %s (SHA-256 %s), not with %s %s (%s): give that model with --model",
			res.Model.ID, res.Model.Version, short12(res.Model.SHA256), m.ID, m.Version, short12(m.SHA256))
	}
	rules, err := RulesOf(res.Overrides).compile(m)
	if err != nil {
		return nil, err
	}
	saved := map[string][]result.Outcome{}
	for _, c := range res.Criteria {
		for _, chk := range c.Checks {
			saved[chk.ID] = chk.Outcomes
		}
	}
	in := scoring.Input{
		Model: rules.model, Registry: reg, Saved: saved, Overrides: res.Overrides, Interrupted: res.Interrupted,
		Pages: res.Pages, Target: res.Target, Targets: res.Targets, Started: res.Started, Finished: res.Finished,
		Languages: res.Languages, Tool: res.Tool, Scan: res.Scan,
	}
	if res.Mode == "questionnaire" {
		in.Saved = nil // no page was checked
	}
	return &Output{Result: res, Input: in}, nil
}

// short12 shortens a SHA-256 for messages.
func short12(sha string) string { return sha[:min(len(sha), 12)] }

// Run crawls the plan's start URLs, runs the model's checks on every page
// and scores the result.
//
// Errors: an InputError for unusable options; ErrNothingScanned (as a
// NothingScannedError) when no page loaded; ErrInterrupted, together with a
// partial Output marked interrupted, when ctx was cancelled after some pages
// were scanned; crawler.ErrNoBrowser when no browser is found and the plan
// does not fall back.
func Run(ctx context.Context, p Plan) (*Output, error) {
	rules, err := p.prepare()
	if err != nil {
		return nil, err
	}
	clock := p.Clock
	if clock == nil {
		clock = time.Now
	}
	opts := p.Crawl
	opts.Events = p.Events
	opts.SlowProfile = SlowProfile(p.Model, p.Registry)
	opts.Gather = GatherPlan(p.Model, p.Registry)
	skipped := listLimit(&opts)
	if skipped > 0 {
		p.Events.Emit(progress.Event{Kind: progress.Warning, Message: fmt.Sprintf(
			"--max-pages %d cuts the list of %d URLs: %d are not scanned", opts.MaxPages, len(opts.Start), skipped)})
	}
	// The snapshots wait in a spool, not in memory: a crawl of thousands
	// of pages holds a few kB per page (see checks.StoredPages). Without
	// one (a folder where no file can be made) they stay in memory.
	if spool, err := snapshot.NewSpool(""); err == nil {
		defer spool.Close()
		opts.Spool = spool
	}
	started, began := clock(), time.Now() // began: the real time, for the budget
	scan, err := crawler.Crawl(ctx, opts)
	if errors.Is(err, crawler.ErrNoBrowser) && p.FallbackNoBrowser && !opts.NoBrowser {
		p.Events.Emit(progress.Event{Kind: progress.Warning, Message: err.Error() + "; going on without a browser: checks that need one (contrast, focus, reflow, network, accessibility tree) are reported as not evaluated"})
		opts.NoBrowser = true
		scan, err = crawler.Crawl(ctx, opts)
	}
	switch {
	case errors.Is(err, crawler.ErrBadOptions):
		return nil, BadInput(err)
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrScanFailed, err)
	}
	cctx, cancel := checksContext(ctx, opts, began, time.Now())
	if ctx.Err() != nil {
		// Interrupted during the crawl: the pages scanned so far are still
		// checked, for a short while, so that the partial result has
		// scores. A signal during the checks stops them at once.
		cancel()
		cctx, cancel = context.WithTimeoutCause(context.WithoutCancel(ctx), InterruptGrace, errChecksTimeUp)
		p.Events.Emit(progress.Event{Kind: progress.Warning, Message: fmt.Sprintf(
			"interrupted: checking the %d pages scanned so far (at most %s)", len(scan.Pages), InterruptGrace)})
	}
	defer cancel()
	out, err := evaluate(cctx, p, rules, scan, started, clock(), skipped)
	switch {
	case out == nil && ctx.Err() != nil:
		return nil, ErrInterrupted
	case out == nil:
		return nil, err
	case ctx.Err() != nil:
		out.Result.Interrupted, out.Input.Interrupted = true, true
		return out, ErrInterrupted
	case err != nil:
		p.Events.Emit(progress.Event{Kind: progress.Warning, Message: "the time for the scan ran out during the checks (--budget); the checks not done are reported as not evaluated"})
	}
	return out, nil
}

// InterruptGrace is how long the checks may take on the pages scanned when
// a scan is interrupted during the crawl; the checks not done by then are
// not evaluated.
const InterruptGrace = 10 * time.Second

// errChecksTimeUp ends the checks when the scan's time is up.
var errChecksTimeUp = errors.New("the time for the scan ran out")

// checksContext bounds the checks by the scan's budget (o.Budget from
// started), but leaves them at least one page timeout (o.Timeout) from now,
// so that a crawl that used the whole budget still gets its pages checked.
func checksContext(ctx context.Context, o crawler.Options, started, now time.Time) (context.Context, context.CancelFunc) {
	if o.Budget <= 0 {
		return context.WithCancel(ctx)
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = crawler.DefaultTimeout
	}
	end := started.Add(o.Budget)
	if least := now.Add(timeout); end.Before(least) {
		end = least
	}
	return context.WithDeadlineCause(ctx, end, errChecksTimeUp)
}

// Evaluate runs the checks on a finished crawl and scores it. It fails with
// a NothingScannedError when no page could be loaded. When ctx ends before
// the checks do, it still scores what was checked (the rest is
// not_evaluated) and returns that Output with ctx's error.
func Evaluate(ctx context.Context, p Plan, scan *crawler.Scan, started, finished time.Time) (*Output, error) {
	rules, err := p.prepare()
	if err != nil {
		return nil, err
	}
	return evaluate(ctx, p, rules, scan, started, finished, 0)
}

// prepare fills in the default registry, checks the plan's rules against
// its model and puts the model they give (checks switched off left out,
// warnings at weight 0) in its place.
func (p *Plan) prepare() (*compiledRules, error) {
	if p.Registry == nil {
		p.Registry = checks.Default()
	}
	rules, err := p.Rules.compile(p.Model)
	if err != nil {
		return nil, err
	}
	p.Model = rules.model
	return rules, nil
}

// evaluate is Evaluate with the plan's rules compiled (p.Model is the model
// they give) and the number of listed URLs that --max-pages left out
// (result.Scan.Skipped).
func evaluate(ctx context.Context, p Plan, rules *compiledRules, scan *crawler.Scan, started, finished time.Time, listSkipped int) (*Output, error) {
	var pages []*checks.Page
	var rpages []result.Page
	var reasons []string
	loopback, ignoredOK, checked := false, 0, 0
	stored := &checks.StoredPages{}
	for i := range scan.Pages {
		s := &scan.Pages[i]
		ignored := rules.ignoresPage(s.URL, s.FinalURL)
		rpages = append(rpages, result.Page{URL: s.URL, FinalURL: s.FinalURL, Status: s.Status, Error: s.Error,
			ErrorCode: s.ErrorCode, ErrorParams: s.ErrorParams, Ignored: ignored})
		if ignored {
			if s.OK() {
				ignoredOK++
			}
			continue
		}
		// The site's start page is the first start URL, or the first page
		// after it when that one is ignored.
		start := len(pages) == 0
		if i < len(scan.Stored) && scan.Stored[i] != nil {
			pages = append(pages, stored.Page(s, scan.Stored[i].Load, start))
		} else {
			pages = append(pages, checks.NewPage(s, start))
		}
		if s.OK() {
			checked++
			loopback = loopback || isLoopbackURL(s.FinalURL)
		} else {
			reasons = append(reasons, progress.Clean(fmt.Sprintf("  %s: %s", s.URL, s.Error)))
		}
	}
	if checked == 0 {
		if ignoredOK > 0 {
			return nil, badSetting("ignore-url", "", "every page that could be scanned matches it (%d pages): nothing is left to check", ignoredOK)
		}
		if len(reasons) == 0 {
			reasons = append(reasons, "  no page was reached")
		}
		var failed []result.Page
		for _, rp := range rpages {
			if rp.Error != "" && !rp.Ignored {
				failed = append(failed, rp)
			}
		}
		return nil, &NothingScannedError{Reasons: reasons, Pages: failed}
	}
	p.Events.Emit(progress.Event{Kind: progress.ChecksStarted, Done: len(scan.Pages), Planned: len(scan.Pages)})
	outcomes, err := scoring.Evaluate(ctx, p.Model, p.Registry, pages)
	overrides := rules.overrides
	overrides.IgnoredElements = scoring.IgnoreElements(outcomes, pages, rules.selectors)
	in := scoring.Input{
		Model: p.Model, Answers: p.Answers, Registry: p.Registry, Overrides: overrides,
		Outcomes: outcomes, Pages: rpages,
		Target: scan.Pages[0].URL, Targets: startURLs(scan), Languages: p.Languages,
		Started: started.UTC().Format(time.RFC3339), Finished: finished.UTC().Format(time.RFC3339),
		Tool: p.Tool,
		Scan: result.Scan{Browser: scan.Browser, Insecure: scan.Insecure, LoopbackSecure: loopback, Skipped: listSkipped, RobotsSkipped: scan.RobotsSkipped},
	}
	res := scoring.Score(in)
	p.Events.Emit(progress.Event{Kind: progress.ChecksDone, Done: len(scan.Pages), Planned: len(scan.Pages)})
	return &Output{Result: res, Input: in, Scan: scan}, err
}

// listLimit makes an explicit URL list (NoCrawl) the scope: without a
// MaxPages every URL is scanned. It returns how many URLs a MaxPages given
// explicitly leaves out.
func listLimit(o *crawler.Options) int {
	if !o.NoCrawl {
		return 0
	}
	if o.MaxPages <= 0 {
		o.MaxPages = max(len(o.Start), 1)
		return 0
	}
	return max(len(o.Start)-o.MaxPages, 0)
}

// SlowProfile is the emulated slow connection that the model's checks
// declare they need, or nil when none does (then the crawler skips that
// measurement).
func SlowProfile(m *criteria.Model, reg *checks.Registry) *snapshot.SlowProfile {
	for _, c := range m.Criteria {
		for _, ref := range c.Checks {
			if chk := reg.Get(ref.ID); chk != nil && chk.Throttle != nil {
				return chk.Throttle(chk.WithDefaults(checks.Params(ref.Params)))
			}
		}
	}
	return nil
}

// GatherPlan is what the crawler measures beyond each page's own facts,
// from what the model's checks declare they need (Check.Needs): a model
// without a check of the 320 px layout does not make the crawler lay every
// page out again.
func GatherPlan(m *criteria.Model, reg *checks.Registry) *crawler.Gather {
	var used []*checks.Check
	for _, c := range m.Criteria {
		for _, ref := range c.Checks {
			if chk := reg.Get(ref.ID); chk != nil {
				used = append(used, chk)
			}
		}
	}
	return &crawler.Gather{Reflow: checks.Wants(used, checks.FactReflow)}
}

// startURLs lists the start URLs.
func startURLs(scan *crawler.Scan) []string {
	out := []string{}
	for _, p := range scan.Pages {
		if p.Depth == 0 {
			out = append(out, p.URL)
		}
	}
	return out
}

func isLoopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && checks.IsLoopback(u.Hostname())
}
