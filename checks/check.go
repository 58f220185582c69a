// Package checks holds didi's automated checks: pure functions of page
// snapshots, registered by id in an explicit list. A check holds the logic and
// the technical metadata (criterion, WCAG success criteria, ACT rule ids,
// facts it needs); its user-facing texts and its parameters live in the model.
package checks

import (
	"context"
	"slices"
	"sort"
	"strconv"

	"github.com/didi-index/didi/snapshot"
)

// Outcome is the verdict of a check on one page (or on the site).
type Outcome string

// The outcomes of a check, as in result.json.
const (
	Pass         Outcome = "pass"
	Fail         Outcome = "fail"
	Inapplicable Outcome = "inapplicable"
	NeedsReview  Outcome = "needs_review"
	NotEvaluated Outcome = "not_evaluated"
)

// Fact names a kind of page fact a check needs. Without it the check reports
// not_evaluated.
type Fact string

// The facts a check can need beyond the HTML, which is always there.
const (
	// FactBrowser needs any browser-measured fact (Snapshot.Browser != nil).
	FactBrowser Fact = "browser"
	// FactAXTree needs Chromium's accessibility tree.
	FactAXTree Fact = "ax_tree"
	// FactStyles needs computed colours, sizes and layout.
	FactStyles Fact = "styles"
	// FactNetwork needs the page's requests and cookies.
	FactNetwork Fact = "network"
	// FactReflow needs the layout at 320 CSS px (BrowserFacts.Reflow); the
	// crawler measures it only when a check of the model needs it.
	FactReflow Fact = "reflow"
)

// Wants reports whether any of checks needs fact: what the crawler
// gathers follows from the checks a scan runs.
func Wants(list []*Check, fact Fact) bool {
	for _, c := range list {
		if slices.Contains(c.Needs, fact) {
			return true
		}
	}
	return false
}

// Evidence points at one failing or doubtful element.
type Evidence struct {
	// URL is the page the element is on.
	URL string `json:"url,omitempty"`
	// Selector is a CSS selector that finds exactly this element.
	Selector string `json:"selector,omitempty"`
	// Snippet is the element's HTML, shortened.
	Snippet string `json:"snippet,omitempty"`
	// Line is the element's line in the served HTML; Run fills it.
	Line int `json:"line,omitempty"`
	// Message is the key of the message template in the model ("fail" when
	// empty).
	Message string `json:"message,omitempty"`
	// Params fills the named placeholders of the message template.
	Params map[string]string `json:"params,omitempty"`
}

// Result is what a check says about one page or about the site.
type Result struct {
	Outcome  Outcome
	Evidence []Evidence
}

// Params are a check's parameters, read from the model (thresholds, lists).
type Params map[string]any

// Float returns parameter name as a number, or def when absent.
func (p Params) Float(name string, def float64) float64 {
	switch v := p[name].(type) {
	case int:
		return float64(v)
	case float64:
		return v
	case string:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f
		}
	}
	return def
}

// Strings returns parameter name as a list of strings, or def when absent.
func (p Params) Strings(name string, def []string) []string {
	v, ok := p[name].([]any)
	if !ok {
		return def
	}
	out := make([]string, 0, len(v))
	for _, x := range v {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// URL is the page's final URL (or the requested one).
func (p *Page) URL() string {
	if p.Snap.FinalURL != "" {
		return p.Snap.FinalURL
	}
	return p.Snap.URL
}

// Check is one automated check.
type Check struct {
	// ID is stable and appears in every output (e.g. "image-alt").
	ID string
	// Criterion is the id of the criterion it belongs to, set by the
	// registry from the list the check is registered in (Default).
	Criterion string
	// WCAG lists the WCAG 2.2 success criteria it tests ("1.1.1").
	WCAG []string
	// ACT lists the W3C ACT rule ids it implements.
	ACT []string
	// Needs lists the facts beyond HTML it needs.
	Needs []Fact
	// Params documents the parameters it reads and their defaults; the
	// model's values override them. The model may set no other.
	Params Params
	// Messages are the message keys its evidence can carry (Evidence.Message,
	// "fail" when empty); the model has a template for each and no other.
	Messages []string
	// Review is true when it can say needs_review; the model then has a
	// review question for it, and only then.
	Review bool
	// Page evaluates one page. Exactly one of Page and Site is set.
	Page func(p *Page, params Params) Result
	// Site evaluates the site as a whole (all pages) once.
	Site func(pages []*Page, params Params) Result
	// Throttle, when set, asks the crawler to load the first start page
	// once more under an emulated slow connection (BrowserFacts.SlowLoadMs),
	// given the check's parameters (defaults merged with the model's).
	Throttle func(params Params) *snapshot.SlowProfile
}

// WithDefaults returns the model's params merged over the check's
// defaults.
func (c *Check) WithDefaults(model Params) Params {
	merged := make(Params, len(c.Params)+len(model))
	for k, v := range c.Params {
		merged[k] = v
	}
	for k, v := range model {
		merged[k] = v
	}
	return merged
}

// SiteWide reports whether the check is evaluated once per site.
func (c *Check) SiteWide() bool { return c.Site != nil }

// availableWith reports whether a page has every fact the check needs,
// when it has browser facts (browser) and an accessibility tree (axTree).
func (c *Check) availableWith(browser, axTree bool) bool {
	for _, f := range c.Needs {
		switch f {
		case FactBrowser, FactStyles, FactNetwork, FactReflow:
			if !browser {
				return false
			}
		case FactAXTree:
			if !axTree {
				return false
			}
		}
	}
	return true
}

// PageOutcome is a check's verdict on one page (URL "" for a site-wide check
// is the target).
type PageOutcome struct {
	URL string
	Result
}

// Run evaluates check c on pages with params (merged over c.Params). Pages
// that could not be loaded are skipped. Site-wide checks yield one outcome
// for the first start page's URL. Once ctx is done, the pages not checked
// yet are not_evaluated; so is a page whose DOM cannot be parsed.
func Run(ctx context.Context, c *Check, pages []*Page, params Params) []PageOutcome {
	merged := c.WithDefaults(params)
	var ok []*Page
	for _, p := range pages {
		if p.Snap.OK() {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return nil
	}
	if c.SiteWide() {
		for _, p := range ok {
			if ctx.Err() != nil || !p.available(c) {
				return []PageOutcome{{URL: ok[0].URL(), Result: Result{Outcome: NotEvaluated}}}
			}
		}
		r := c.Site(ok, merged)
		fillURL(r.Evidence, ok[0].URL())
		for _, p := range ok {
			fillLines(p, r.Evidence)
		}
		return []PageOutcome{{URL: ok[0].URL(), Result: r}}
	}
	out := make([]PageOutcome, 0, len(ok))
	for _, p := range ok {
		if ctx.Err() != nil || !p.available(c) || !p.readable() {
			out = append(out, PageOutcome{URL: p.URL(), Result: Result{Outcome: NotEvaluated}})
			continue
		}
		r := c.Page(p, merged)
		fillURL(r.Evidence, p.URL())
		fillLines(p, r.Evidence)
		out = append(out, PageOutcome{URL: p.URL(), Result: r})
	}
	return out
}

func fillURL(ev []Evidence, url string) {
	for i := range ev {
		if ev[i].URL == "" {
			ev[i].URL = url
		}
	}
}

// InCriterion registers the checks of list under criterion id: a check's
// criterion is the list it is registered in. A check that names another
// criterion itself is a programming error (panic).
func InCriterion(id string, list []Check) []Check {
	for i := range list {
		if c := list[i].Criterion; c != "" && c != id {
			panic("checks: " + list[i].ID + " names criterion " + c + " but is registered under " + id)
		}
		list[i].Criterion = id
	}
	return list
}

// Registry is an explicit, ordered set of checks by id.
type Registry struct {
	byID  map[string]*Check
	order []string
}

// NewRegistry builds a registry; it panics on a duplicate id, which is a
// programming error caught by the tests.
func NewRegistry(list ...[]Check) *Registry {
	r := &Registry{byID: map[string]*Check{}}
	for _, l := range list {
		for i := range l {
			c := &l[i]
			if _, dup := r.byID[c.ID]; dup {
				panic("checks: duplicate id " + c.ID)
			}
			r.byID[c.ID] = c
			r.order = append(r.order, c.ID)
		}
	}
	return r
}

// Get returns the check with id, or nil.
func (r *Registry) Get(id string) *Check { return r.byID[id] }

// IDs returns every id, sorted.
func (r *Registry) IDs() []string {
	ids := append([]string(nil), r.order...)
	sort.Strings(ids)
	return ids
}

// All returns every check in registration order.
func (r *Registry) All() []*Check {
	out := make([]*Check, len(r.order))
	for i, id := range r.order {
		out[i] = r.byID[id]
	}
	return out
}
