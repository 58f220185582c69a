package crawler

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"time"

	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/snapshot"
)

// Defaults of Options fields left at their zero value.
const (
	DefaultMaxPages = 25
	DefaultMaxDepth = 3
	DefaultTimeout  = 30 * time.Second
	// MaxHTMLBytes caps the HTML read from one document (10 MB).
	MaxHTMLBytes = 10 << 20
	// DefaultFocusLimit is how many groups of focusable elements per page
	// are focused to test for a visible focus indicator. A group is the
	// elements that share tag, id, classes, role, landmark and unfocused
	// style, which CSS styles alike; one member is focused and its result
	// holds for all. Beyond the limit, Focusables are still listed in tab
	// order, FocusVisible stays nil and FocusSampled is true. A focus costs
	// a style recalculation (0.1–1 ms on wet-boew pages).
	DefaultFocusLimit = 200
	// DefaultTextLimit caps the number of text elements measured per page;
	// BrowserFacts.TextsCapped says when it was reached.
	DefaultTextLimit = 3000
)

// Options configure a scan.
type Options struct {
	// Start lists the start URLs (absolute http or https URLs).
	Start []string
	// NoCrawl scans exactly the start URLs and follows no link.
	NoCrawl bool
	// MaxPages limits the number of pages scanned (0 = DefaultMaxPages).
	MaxPages int
	// MaxDepth limits the links followed from a start URL: 0 means
	// DefaultMaxDepth, StartPagesOnly (or any negative) follows none. Depth
	// turns a user's "at most n links" into it.
	MaxDepth int
	// Include, when not empty, keeps only discovered URLs matching one of them.
	Include []*regexp.Regexp
	// Exclude drops discovered URLs matching any of them.
	Exclude []*regexp.Regexp
	// Concurrency is the number of pages loaded at once (browser tabs or
	// HTTP fetches); 0 = DefaultConcurrency().
	Concurrency int
	// Timeout bounds the work on one page (0 = DefaultTimeout).
	Timeout time.Duration
	// Budget bounds the whole crawl; 0 = no bound. Pages not started when it
	// runs out are not scanned.
	Budget time.Duration
	// Browser is the path of the Chromium binary; "" = FindBrowser("").
	Browser string
	// Shared, when set, is a running browser to open the tabs in, instead
	// of starting one for this crawl (Browser is then not used).
	Shared *Browser
	// NoBrowser fetches pages with plain HTTP; BrowserFacts stay nil.
	NoBrowser bool
	// Insecure accepts invalid TLS certificates.
	Insecure bool
	// Headers are sent with every request to the scanned origins.
	Headers http.Header
	// Cookies are sent with every request to the scanned origins.
	Cookies []*http.Cookie
	// BlockOutside makes browser requests outside the scanned origins fail at
	// once (useful on closed networks); they are still recorded in Requests.
	BlockOutside bool
	// SlowProfile, when set, measures the load time of the first start page
	// under this emulated connection, in a tab of its own
	// (BrowserFacts.SlowLoadMs).
	SlowProfile *snapshot.SlowProfile
	// AllowIP, when set, is asked about every address the scan connects
	// to, after DNS resolution, on every redirect and for every request the
	// browser makes (through an in-process proxy); an error refuses the
	// connection. PublicOnly refuses local and private networks.
	AllowIP func(net.IP) error
	// guardProxy is the address of the proxy that applies AllowIP to the
	// browser (set by Crawl).
	guardProxy string
	// FocusLimit overrides DefaultFocusLimit (negative = test none).
	FocusLimit int
	// Gather, when set, limits the optional browser measurements to those
	// it names; nil makes every one. The engine derives it from what the
	// model's checks need (engine.GatherPlan).
	Gather *Gather
	// Events receives the crawl's progress: a page started, done or
	// failed, and notes (browser details, restarts); nil = quiet.
	Events progress.Func
	// Spool, when set, takes each snapshot as soon as it is taken: the
	// crawl keeps only its light copy (snapshot.Light) in Scan.Pages, and
	// Scan.Stored finds the snapshot in the spool. A crawl of thousands of
	// pages then holds a few kB per page, not the pages.
	Spool *snapshot.Spool
}

// StartPagesOnly as Options.MaxDepth follows no link.
const StartPagesOnly = -1

// Depth is the Options.MaxDepth that follows at most n links from a start
// URL: StartPagesOnly for 0, as MaxDepth 0 means DefaultMaxDepth.
func Depth(n int) int {
	if n <= 0 {
		return StartPagesOnly
	}
	return n
}

// Gather names the optional browser measurements: each costs time on every
// page, so a scan makes only those its checks need.
type Gather struct {
	// Reflow lays the page out again at 320 CSS px wide and measures what
	// overflows (BrowserFacts.Reflow's widths and offenders).
	Reflow bool
}

// gathers reports whether the options ask for the measurement that want
// picks from a Gather.
func (o Options) gathers(want func(Gather) bool) bool { return o.Gather == nil || want(*o.Gather) }

// Scan is the result of a crawl.
type Scan struct {
	// Pages holds one snapshot per page visited, errors included, in the
	// order they were planned.
	Pages []snapshot.Snapshot `json:"pages"`
	// Browser is the browser's product/version ("" without a browser).
	Browser string `json:"browser,omitempty"`
	// Insecure is true when TLS certificate errors were accepted.
	Insecure bool `json:"insecure,omitempty"`
	// Started and Finished bound the crawl.
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	// Interrupted is true when the context was cancelled or the budget ran
	// out before every planned page was scanned.
	Interrupted bool `json:"interrupted,omitempty"`
	// BrowserRestarts counts how often the browser died and was restarted.
	BrowserRestarts int `json:"browser_restarts,omitempty"`
	// RobotsSkipped lists discovered URLs that robots.txt disallows for didi.
	RobotsSkipped []string `json:"robots_skipped,omitempty"`
	// Stored holds, with Options.Spool, where each of Pages is in the
	// spool; nil without one, or for a page the spool could not take (its
	// snapshot is then whole in Pages).
	Stored []*snapshot.Ref `json:"-"`
}

// DefaultConcurrency is the number of tabs used when Options.Concurrency is
// 0: the number of CPU cores, at least 2 and at most 4.
func DefaultConcurrency() int {
	return min(max(runtime.NumCPU(), 2), 4)
}

// ErrBadOptions is wrapped by the errors Crawl returns for unusable options.
var ErrBadOptions = errors.New("bad crawl options")

// withDefaults returns o with zero fields set to their defaults, or an
// error when o cannot be used.
func (o Options) withDefaults() (Options, error) {
	if len(o.Start) == 0 {
		return o, fmt.Errorf("%w: no start URL", ErrBadOptions)
	}
	for _, s := range o.Start {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return o, fmt.Errorf("%w: start URL %q is not an absolute http(s) URL", ErrBadOptions, s)
		}
	}
	if o.MaxPages <= 0 {
		o.MaxPages = DefaultMaxPages
	}
	if o.MaxDepth == 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency()
		if o.NoBrowser {
			o.Concurrency = 8
		}
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.FocusLimit == 0 {
		o.FocusLimit = DefaultFocusLimit
	}
	if o.FocusLimit < 0 {
		o.FocusLimit = 0
	}
	return o, nil
}
