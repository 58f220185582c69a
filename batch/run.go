package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/i18n"
	"github.com/didi-index/didi/report"
	"github.com/didi-index/didi/result"
)

// Config is one batch run.
type Config struct {
	// Sites are the sites to scan (already those of Shard).
	Sites []Site
	// Shard is recorded in the summary.
	Shard Shard
	// Out is the output folder: Out/sites/<slug>/ per site, and the summary.
	Out string
	// Plan is the plan of every site: model, registry, the crawl's limits
	// (each site has them to itself), languages, tool, clock. Run sets the
	// start URL, the answers, the shared browser and the events per site.
	Plan engine.Plan
	// Formats are each site's report formats (json is always written);
	// Langs the languages of the reports and of the summary.
	Formats, Langs []string
	// Retries is how often a failed site is tried again in the run.
	Retries int
	// Progress shows the batch's progress; nil is quiet.
	Progress *Progress
}

// Run scans each site that has no finished result in c.Out yet, one after
// the other in one shared browser, and writes the summary. A site whose
// scan fails is tried again c.Retries times, then recorded as failed.
//
// Errors: an InputError for an unusable answers file (before any scan);
// engine.ErrScanFailed when the browser does not start or no site could be
// scanned; engine.ErrInterrupted when ctx was cancelled: the summary then
// covers what was done. Sites that failed are in the summary, not in the
// error.
func Run(ctx context.Context, c Config) (*Summary, error) {
	answers, err := loadAnswers(c.Sites, c.Plan.Model)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(c.Out, "sites"), 0o755); err != nil {
		return nil, engine.BadInputf("--out: %v", err)
	}
	formats := c.Formats
	if !slices.Contains(formats, "json") {
		formats = append([]string{"json"}, formats...)
	}
	var shared *crawler.Browser
	defer func() {
		if shared != nil {
			shared.Close()
		}
	}()
	c.Progress.start(len(c.Sites))
	var runErr error
	for i, s := range c.Sites {
		dir := siteDir(c.Out, s)
		if e, ok := finished(dir); ok {
			if err := writeMissing(dir, e.Result, formats, c.Langs); err != nil {
				return nil, fmt.Errorf("%s: %w", s.URL, err)
			}
			c.Progress.siteSkipped(i, s)
			continue
		}
		if shared == nil && !c.Plan.Crawl.NoBrowser {
			if shared, err = crawler.StartBrowser(ctx, crawler.Options{Browser: c.Plan.Crawl.Browser, Insecure: c.Plan.Crawl.Insecure, Events: c.Progress.pageEvents()}); err != nil {
				runErr = fmt.Errorf("%w: %w", engine.ErrScanFailed, err)
				break
			}
		}
		if err := c.scanSite(ctx, i, s, dir, answers[s.Answers], shared, formats); err != nil {
			runErr = err
			break
		}
	}
	entries, err := ReadEntries(c.Out)
	if err != nil {
		return nil, err
	}
	sum := Build(c.Sites, entries, StatusNotScanned)
	sum.Shard = c.Shard.String()
	if _, err := WriteSummary(c.Out, sum, c.Langs); err != nil {
		return sum, err
	}
	c.Progress.end()
	if runErr == nil && sum.Counts.Done == 0 && sum.Counts.Failed > 0 {
		runErr = fmt.Errorf("%w: no site could be scanned (see summary.csv for the reasons)", engine.ErrScanFailed)
	}
	return sum, runErr
}

// scanSite scans one site, trying again after a failure, and records the
// outcome in its folder. It returns an error only to stop the batch:
// ErrInterrupted, or a report that cannot be written.
func (c *Config) scanSite(ctx context.Context, i int, s Site, dir string, a *criteria.Answers, shared *crawler.Browser, formats []string) error {
	p := c.Plan
	p.Answers = a
	p.Crawl.Start = []string{s.URL}
	p.Crawl.Shared = shared
	p.Events = c.Progress.pageEvents()
	rec := Record{Site: s}
	for rec.Attempts = 1; ; rec.Attempts++ {
		c.Progress.siteStarted(i, s, rec.Attempts)
		out, err := engine.Run(ctx, p)
		if errors.Is(err, engine.ErrInterrupted) || ctx.Err() != nil {
			return engine.ErrInterrupted
		}
		if err == nil {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("create site folder: %w", err)
			}
			if _, err := report.WriteFiles(dir, out.Result, formats, c.Langs); err != nil {
				return fmt.Errorf("%s: %w", s.URL, err)
			}
			rec.Status = StatusDone
			c.Progress.siteDone(i, s, out.Result)
			break
		}
		rec.Reason = strings.Join(strings.Fields(err.Error()), " ")
		rec.ReasonText = localReason(err)
		if rec.Attempts > c.Retries {
			rec.Status = StatusFailed
			c.Progress.siteFailed(i, s, rec.Reason, false)
			break
		}
		c.Progress.siteFailed(i, s, rec.Reason, true)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create site folder: %w", err)
	}
	if rec.Status == StatusFailed {
		os.Remove(filepath.Join(dir, "result.json")) // an older result must not pass for this run's
	}
	return writeRecord(dir, rec)
}

// finished reports whether a site's folder holds a finished scan, and
// returns it.
func finished(dir string) (Entry, bool) {
	e, ok, err := readEntry(dir)
	return e, err == nil && ok && e.Status == StatusDone
}

// writeMissing renders the reports of a finished site that an earlier run
// did not write (other --format or --lang values): no scan is needed.
func writeMissing(dir string, r *result.Result, formats, langs []string) error {
	var missing []string
	for _, f := range formats {
		name, err := report.FileName(f)
		if err != nil {
			return err
		}
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			missing = append(missing, f)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	_, err := report.WriteFiles(dir, r, missing, langs)
	return err
}

// loadAnswers loads each answers file the sites name, once.
func loadAnswers(sites []Site, m *criteria.Model) (map[string]*criteria.Answers, error) {
	out := map[string]*criteria.Answers{"": nil}
	for _, s := range sites {
		if _, ok := out[s.Answers]; ok {
			continue
		}
		a, err := criteria.LoadAnswers(s.Answers, m)
		if err != nil {
			return nil, engine.BadInput(fmt.Errorf("answers of %s (line %d of the sites file): %w", s.URL, s.Line, err))
		}
		out[s.Answers] = a
	}
	return out, nil
}

// localReason says why a site could not be scanned, in every language, when
// the reason is known: no page could be loaded, and why the first one
// failed. It is nil otherwise (Record.Reason says it in English).
func localReason(err error) result.Text {
	var ns *engine.NothingScannedError
	if !errors.As(err, &ns) || len(ns.Pages) == 0 {
		return nil
	}
	p := ns.Pages[0]
	out := result.Text{}
	for _, l := range i18n.Languages {
		out[l] = i18n.Fill(pageTexts["reason_nothing"].In(l), map[string]string{"url": p.URL, "why": report.PageError(l, p)})
	}
	return out
}
