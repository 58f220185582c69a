package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/didi-index/didi/progress"
	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
)

// maxRobotsSkipped bounds Scan.RobotsSkipped.
const maxRobotsSkipped = 100

// crawl is the state of one Crawl call.
type crawl struct {
	o       Options
	ctx     context.Context // the crawl, with the budget
	parent  context.Context // the caller's, for the browser's life
	origins *originSet
	scope   *scope
	fetch   *fetcher
	robots  *robotsCache
	front   *frontier
	browser *browserProc

	finished atomic.Int64 // pages scanned or failed, for progress

	mu           sync.Mutex
	snaps        map[int]snapshot.Snapshot
	stored       map[int]*snapshot.Ref // with Options.Spool: where snaps[k] is whole
	silentStarts map[string]error      // start URLs that did not answer in time
	startsLeft   int
	skipped      []string
	// cut is set when a planned page was left out because the budget ran
	// out or the context was cancelled.
	cut bool
}

// Crawl scans the start URLs and, unless o.NoCrawl, the pages linked from
// them within the same origins, breadth first, within the limits of o.
//
// It returns an error only when nothing could be done: unusable options or
// a browser that does not start (errors.Is(err, ErrNoBrowser) when none is
// found). Pages that fail are in Scan.Pages with Error set. When ctx is
// cancelled or o.Budget runs out, Crawl returns the pages scanned so far with
// Scan.Interrupted set; no browser process or profile is left behind.
func Crawl(ctx context.Context, o Options) (*Scan, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	c := &crawl{o: o, parent: ctx, origins: newOriginSet(), snaps: map[int]snapshot.Snapshot{}, stored: map[int]*snapshot.Ref{},
		silentStarts: map[string]error{}}
	c.scope = &scope{origins: c.origins, include: o.Include, exclude: o.Exclude}
	c.front = newFrontier(o.MaxPages)
	var starts []string
	for _, s := range o.Start {
		u, _ := Normalize(s)
		c.origins.add(origin(u))
		starts = append(starts, u)
	}
	c.fetch = newFetcher(o, c.origins)
	c.robots = newRobotsCache(c.fetch)
	scan := &Scan{Insecure: o.Insecure, Started: time.Now()}
	if !o.NoBrowser {
		if o.BlockOutside {
			c.addRedirectOrigins(ctx, starts)
		}
		switch {
		case o.Shared != nil && o.AllowIP != nil:
			// The guard is a proxy given to the browser at launch; a shared
			// browser was launched without it.
			return nil, fmt.Errorf("%w: a network guard (AllowIP) needs a browser of its own, not a shared one", ErrBadOptions)
		case o.Shared != nil:
			if c.browser, err = o.Shared.join(o); err != nil {
				return nil, err
			}
		default:
			if o.Browser, err = FindBrowser(o.Browser); err != nil {
				return nil, err
			}
			if o.AllowIP != nil {
				stop, err := c.startGuard(&o)
				if err != nil {
					return nil, err
				}
				defer stop()
			}
			if c.browser, err = startBrowser(ctx, o, c.origins.list()); err != nil {
				return nil, err
			}
			defer c.browser.close()
		}
		scan.Browser = c.browser.version
	}
	var cancel context.CancelFunc = func() {}
	c.ctx = ctx
	if o.Budget > 0 {
		c.ctx, cancel = context.WithTimeout(ctx, o.Budget)
	}
	defer cancel()
	for _, u := range starts {
		if c.front.add(u, 0, true) {
			c.startsLeft++
		}
	}
	slow := c.measureSlowLoad(starts[0])
	c.run()
	c.front.settleRest(c.settle)
	scan.Pages, scan.Stored = c.pages()
	if ms := <-slow; ms > 0 {
		for i := range scan.Pages {
			if p := &scan.Pages[i]; p.URL == starts[0] && p.Browser != nil {
				p.Browser.SlowLoadMs = ms
				if scan.Stored != nil && scan.Stored[i] != nil {
					scan.Stored[i] = c.restore(*scan.Stored[i], ms)
				}
			}
		}
	}
	scan.RobotsSkipped = c.skipped
	scan.Finished = time.Now()
	_, queued := c.front.counts()
	scan.Interrupted = ctx.Err() != nil || c.cut || (c.ctx.Err() != nil && queued > 0)
	if c.browser != nil {
		scan.BrowserRestarts = c.browser.restarts
	}
	return scan, nil
}

// measureSlowLoad loads the site's start page (the first start URL) under
// the emulated slow connection of o.SlowProfile in a tab of its own, beside
// the crawl's tabs: the page mostly waits on the throttled network, so this
// costs little of the crawl's time. The channel yields the load time in ms,
// or 0 when it was not measured.
func (c *crawl) measureSlowLoad(u string) <-chan float64 {
	out := make(chan float64, 1)
	if c.browser == nil || c.o.SlowProfile == nil {
		out <- 0
		return out
	}
	go func() {
		if c.silent(u) != nil {
			out <- 0
			return
		}
		// The page must pass the fetcher's gates first (size, type,
		// redirects): a start page the crawl rejects is not loaded here.
		fctx, cancel := context.WithTimeout(c.ctx, c.o.Timeout)
		res := c.fetch.get(fctx, u, MaxHTMLBytes)
		cancel()
		if res.Err != nil {
			out <- 0
			return
		}
		t, err := c.browser.newTab(c.o, c.origins.list())
		if err != nil {
			out <- 0
			return
		}
		defer t.close()
		ctx, cancel := context.WithTimeout(t.ctx, 2*c.o.Timeout)
		defer cancel()
		stop := context.AfterFunc(c.ctx, cancel)
		defer stop()
		out <- t.slowLoad(ctx, c.o, u)
	}()
	return out
}

// addRedirectOrigins adds the origins that start URLs redirect to (http to
// https, a www host), so that BlockOutside lets the browser reach them. It
// asks up to 4 at a time: a list of 1,000 start URLs would otherwise delay
// the browser's start by a request per URL. A start URL that does not
// answer within the page timeout is recorded as such (silentStarts), so
// that neither its scan nor the slow-connection load waits for it again:
// one such page costs one timeout, not three (issue 18).
func (c *crawl) addRedirectOrigins(ctx context.Context, starts []string) {
	var wg sync.WaitGroup
	slots := make(chan struct{}, 4)
	for _, u := range starts {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			rctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
			defer cancel()
			status, final, err := c.fetch.finalURL(rctx, u)
			if status != 0 {
				c.origins.add(origin(final))
				return
			}
			if pe, ok := errors.AsType[*pageError](err); ok && pe.code == ErrTimeout {
				c.mu.Lock()
				c.silentStarts[u] = err
				c.mu.Unlock()
			}
		})
	}
	wg.Wait()
}

// silent returns the error of a start URL that did not answer within the
// page timeout before the crawl began, or nil.
func (c *crawl) silent(u string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.silentStarts[u]
}

// run starts the workers and waits for them.
func (c *crawl) run() {
	var wg sync.WaitGroup
	for range c.o.Concurrency {
		wg.Go(c.worker)
	}
	wg.Wait()
}

// markCut records that a planned page was left out.
func (c *crawl) markCut() {
	c.mu.Lock()
	c.cut = true
	c.mu.Unlock()
}

// pages returns the snapshots in the order they were planned, and with
// Options.Spool where each is stored.
func (c *crawl) pages() ([]snapshot.Snapshot, []*snapshot.Ref) {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]int, 0, len(c.snaps))
	for k := range c.snaps {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	out := make([]snapshot.Snapshot, 0, len(keys))
	var stored []*snapshot.Ref
	for _, k := range keys {
		out = append(out, c.snaps[k])
		if c.o.Spool != nil {
			stored = append(stored, c.stored[k])
		}
	}
	return out, stored
}

// spool hands a scanned page's snapshot to Options.Spool as soon as it is
// made, and gives its light copy and where the whole one is; without a
// spool (or when writing fails) the snapshot stays whole in memory. A page
// waits for the pages planned before it (frontier.finish) as a light copy.
func (c *crawl) spool(snap snapshot.Snapshot) (*snapshot.Snapshot, *snapshot.Ref) {
	if c.o.Spool != nil {
		if r, err := c.o.Spool.Put(&snap); err == nil {
			light := snap.Light()
			return &light, &r
		}
	}
	return &snap, nil
}

// restore stores the snapshot at r again with its slow-connection load
// time, measured after it was stored; it returns where it is now (r when
// that fails).
func (c *crawl) restore(r snapshot.Ref, slowMs float64) *snapshot.Ref {
	snap, err := r.Load()
	if err != nil || snap.Browser == nil {
		return &r
	}
	snap.Browser.SlowLoadMs = slowMs
	if r2, err := c.o.Spool.Put(snap); err == nil {
		return &r2
	}
	return &r
}

// pageResult is what the scan of one task gave, until it is settled in
// the crawl's canonical order (frontier.finish).
type pageResult struct {
	tk task
	// snap is nil when there is nothing to keep: the page leads to a page
	// scanned anyway, or the budget or a cancel cut it short.
	snap *snapshot.Snapshot
	// links are the page's links, to plan.
	links []string
	// claims are the other addresses the page led to: redirect targets and
	// where it went by itself.
	claims []string
	// ref is where the whole snapshot is when snap is its light copy
	// (Options.Spool).
	ref *snapshot.Ref
}

// worker scans pages from the frontier until there are none left. Each
// browser worker keeps one tab of the pool.
func (c *crawl) worker() {
	var t *tab
	defer func() {
		if t != nil {
			t.close()
		}
	}()
	for {
		tk, ok := c.front.next()
		if !ok {
			return
		}
		if c.ctx.Err() != nil {
			c.markCut()
			c.front.stop()
			c.front.finish(tk.rank, pageResult{tk: tk}, c.settle)
			return
		}
		planned, _ := c.front.counts()
		c.o.Events.Emit(progress.Event{Kind: progress.PageStarted, URL: tk.url, Done: int(c.finished.Load()), Planned: planned})
		began := time.Now()
		res := c.scanPage(&t, tk)
		if res.snap != nil && res.snap.Error != "" && c.ctx.Err() != nil {
			// Cut short by the budget or a cancel: the page was not scanned.
			c.markCut()
			res.snap = nil
		}
		if res.snap != nil {
			c.emitFinished(res.snap, time.Since(began))
			res.snap, res.ref = c.spool(*res.snap)
		}
		c.front.finish(tk.rank, res, c.settle)
	}
}

// settle keeps a finished page's snapshot and plans its links, in the
// crawl's canonical order (one call at a time, by rank). A page that led
// to a page planned or reached before it is a duplicate: one snapshot per
// page.
func (c *crawl) settle(v any) {
	r := v.(pageResult)
	dup := c.front.claim(r.claims)
	if r.snap != nil && dup {
		c.finished.Add(-1) // counted as done, but it is not a page of its own
	}
	if r.snap != nil && !dup {
		c.mu.Lock()
		c.snaps[r.tk.rank], c.stored[r.tk.rank] = *r.snap, r.ref
		c.mu.Unlock()
		c.follow(r.tk, r.links)
	}
	if r.tk.start {
		c.startDone()
	}
}

// follow plans the links of a scanned page.
func (c *crawl) follow(tk task, links []string) {
	if !c.o.NoCrawl && tk.depth < c.o.MaxDepth {
		c.plan(links, tk.depth+1)
	}
}

// startDone counts a settled start page; after the last one it plans the
// sitemap seeds (so that a large sitemap does not crowd out the start
// pages' own links) of the origins where a start page answered: an origin
// that does not answer would make robots.txt and the sitemap wait a page
// timeout each.
func (c *crawl) startDone() {
	c.mu.Lock()
	c.startsLeft--
	seeds := c.startsLeft == 0 && !c.o.NoCrawl && c.o.MaxDepth > 0
	if !seeds {
		c.mu.Unlock()
		return
	}
	answered := map[string]bool{}
	for _, s := range c.snaps {
		if s.Depth == 0 && s.Status != 0 {
			answered[origin(s.URL)], answered[origin(s.FinalURL)] = true, true
		}
	}
	c.mu.Unlock()
	for _, og := range c.origins.list() {
		if answered[og] {
			c.plan(c.robots.sitemapURLs(c.ctx, og), 1)
		}
	}
}

// plan adds in-scope URLs that robots.txt allows to the frontier.
func (c *crawl) plan(links []string, depth int) {
	for _, l := range links {
		u, ok := Normalize(l)
		if !ok || !c.scope.follows(u) {
			continue
		}
		if !c.robots.allowed(c.ctx, u) {
			if c.front.skipOnce(u) {
				c.mu.Lock()
				if len(c.skipped) < maxRobotsSkipped {
					c.skipped = append(c.skipped, u)
				}
				c.mu.Unlock()
			}
			continue
		}
		c.front.add(u, depth, false)
	}
}

// scanPage loads one page: plain HTTP first (status, headers, HTML as
// served, and the faults that need no browser), then one browser
// navigation. A page that goes on to another one by itself (a meta
// refresh, a script) is followed like an HTTP redirect. The result has no
// snapshot (and nothing else is done) when the page leads to one that is
// already planned or reached: that stays so until the page is settled.
func (c *crawl) scanPage(t **tab, tk task) pageResult {
	res := pageResult{tk: tk}
	var chain []string // pages that went on to the next one by themselves
	for {
		snap, links, dup, left := c.scanOnce(t, tk, &res.claims)
		if dup {
			res.snap = nil
			return res
		}
		if len(chain) > 0 {
			snap.URL = chain[0]
			snap.Redirects = append(append([]string(nil), chain...), snap.Redirects...)
		}
		res.snap = &snap
		if left == nil {
			res.links = links
			return res
		}
		// The page went on to another one by itself (a meta refresh, a
		// script): like an HTTP redirect, scan where it leads, once.
		to, ok := Normalize(left.URL)
		switch {
		case !ok:
			setError(&snap, newPageError(ErrClientUnreadable, fmt.Sprintf("leaves by itself (%s) for an address that cannot be read: %s", left.Reason, left.URL), "url", left.URL))
		case to == tk.url:
			setError(&snap, newPageError(ErrClientReload, fmt.Sprintf("reloads itself at once (%s), so it never stays put to be scanned", left.Reason)))
		case slices.Contains(chain, to):
			setError(&snap, newPageError(ErrClientLoop, fmt.Sprintf("goes round in a loop by itself (%s) back to %s", left.Reason, to), "url", to))
		case len(chain) >= maxClientRedirects:
			setError(&snap, newPageError(ErrClientTooMany, fmt.Sprintf("goes on by itself to another page more than %d times (%s)", maxClientRedirects, left.Reason), "max", strconv.Itoa(maxClientRedirects)))
		case !c.origins.has(origin(to)):
			setError(&snap, newPageError(ErrClientOutside, fmt.Sprintf("leaves by itself (%s) for a page outside the scanned site: %s", left.Reason, to), "url", to))
		case c.front.known(to):
			res.claims = append(res.claims, to)
			res.snap = nil
			return res // it leads to a page that is scanned anyway
		default:
			res.claims = append(res.claims, to)
			chain = append(chain, tk.url)
			tk.url = to
			continue
		}
		snap.FinalURL = to
		return res
	}
}

// maxClientRedirects bounds the pages that go on by themselves in a row.
const maxClientRedirects = 5

// scanOnce fetches one page and loads it in the browser. left is set when
// the page went on to another one by itself while the browser loaded it.
// The address it is redirected to is added to claims; dup is true when
// that address is already planned or reached.
func (c *crawl) scanOnce(t **tab, tk task, claims *[]string) (snap0 snapshot.Snapshot, links []string, dup bool, left *clientNav) {
	snap := snapshot.Snapshot{URL: tk.url, FinalURL: tk.url, Depth: tk.depth, Insecure: c.o.Insecure, Fetched: time.Now()}
	res := fetchResult{FinalURL: tk.url, Err: c.silent(tk.url)}
	if res.Err == nil {
		fctx, cancel := context.WithTimeout(c.ctx, c.o.Timeout)
		res = c.fetch.get(fctx, tk.url, MaxHTMLBytes)
		cancel()
	}
	snap.FinalURL, snap.Redirects, snap.Status = res.FinalURL, res.Redirects, res.Status
	snap.Headers, snap.ContentType = res.Headers, res.ContentType
	if final, ok := Normalize(snap.FinalURL); ok && final != tk.url {
		*claims = append(*claims, final)
		if c.front.known(final) {
			return snap, nil, true, nil
		}
	}
	if res.Err != nil {
		setError(&snap, res.Err)
		if res.Body != nil {
			snap.HTML = string(res.Body)
		}
		return snap, nil, false, nil
	}
	snap.HTML = string(res.Body)
	if fo := origin(snap.FinalURL); !c.origins.has(fo) {
		if !tk.start {
			setError(&snap, newPageError(ErrRedirectOutside, "redirects outside the scanned site to "+snap.FinalURL, "url", snap.FinalURL))
			return snap, nil, false, nil
		}
		c.origins.add(fo)
	}
	if c.browser == nil {
		return snap, c.staticFacts(&snap), false, nil
	}
	links, left = c.browserFacts(t, tk, &snap)
	if left == nil && snap.OK() {
		// The checks read the served HTML and the rendered DOM: a page
		// they cannot parse is a page error, not a page without faults.
		// Its links, from the browser, are still followed.
		for _, src := range []string{snap.HTML, snap.DOM} {
			if _, err := parseHTML(src); err != nil {
				setError(&snap, err)
				break
			}
		}
	}
	return snap, links, false, left
}

// staticFacts fills title, language and DOM from the served HTML and
// returns its links (--no-browser). HTML the checks cannot parse is a page
// error.
func (c *crawl) staticFacts(snap *snapshot.Snapshot) []string {
	snap.DOM = snap.HTML
	root, err := parseHTML(snap.HTML)
	if err != nil {
		setError(snap, err)
		return nil
	}
	doc := goquery.NewDocumentFromNode(root)
	snap.Title = strings.TrimSpace(doc.Find("title").First().Text())
	snap.Lang, _ = doc.Find("html").First().Attr("lang")
	base, err := url.Parse(snap.FinalURL)
	if err != nil {
		return nil
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := base.Parse(href); err == nil {
			base = b
		}
	}
	var links []string
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		if u, ok := resolve(base, href); ok {
			links = append(links, u)
		}
	})
	return links
}

// browserFacts loads the page in the worker's tab and fills the browser
// facts. A tab that hangs is replaced; a browser that died is restarted
// once for the incident and the page tried again once. It returns the
// page's links, or where the page went by itself (the snapshot then has
// no browser facts).
func (c *crawl) browserFacts(t **tab, tk task, snap *snapshot.Snapshot) ([]string, *clientNav) {
	for attempt := 0; ; attempt++ {
		if *t == nil || c.browser.dead((*t).gen) {
			if *t != nil {
				(*t).close()
				*t = nil
			}
			nt, err := c.browser.newTab(c.o, c.origins.list())
			if err != nil {
				if attempt == 0 && c.browserGone(err) {
					continue
				}
				setError(snap, newPageError(ErrBrowser, "browser: "+err.Error(), "detail", err.Error()))
				return nil, nil
			}
			*t = nt
		}
		res, err := c.visit(*t, tk)
		if err == nil && res.left != nil {
			// The tab still follows the page (a page that reloads
			// itself never stops): the next page gets a new tab.
			(*t).close()
			*t = nil
			return nil, res.left
		}
		if err == nil {
			c.fill(snap, res)
			if c.o.Events != nil {
				c.o.Events.Emit(progress.Event{Kind: progress.Note, URL: snap.URL, Message: fmt.Sprintf("%s: %s; script %v", snap.URL, strings.Join(res.steps, ", "), res.page.Perf)})
			}
			return res.page.Links, nil
		}
		if c.browser.dead((*t).gen) {
			gen := (*t).gen
			(*t).close()
			*t = nil
			if rerr := c.browser.restart(c.parent, gen); rerr == nil && attempt == 0 {
				continue
			}
			setError(snap, newPageError(ErrBrowserStopped, "browser stopped while loading the page: "+err.Error(), "detail", err.Error()))
			return nil, nil
		}
		// The tab may be stuck (a hanging script): do not reuse it.
		(*t).close()
		*t = nil
		setError(snap, describeVisitError(err, c.o.Timeout))
		return nil, nil
	}
}

// browserGone reports whether err came from a browser that died, and
// restarts it when so.
func (c *crawl) browserGone(err error) bool {
	_, gen, cerr := c.browser.current()
	if cerr != nil {
		return false
	}
	if !c.browser.dead(gen) {
		return false
	}
	return c.browser.restart(c.parent, gen) == nil
}

// visit runs one page visit in the tab under the page timeout; the crawl's
// end (budget or cancel) also ends it.
func (c *crawl) visit(t *tab, tk task) (*visitResult, error) {
	vctx, cancel := context.WithTimeout(t.ctx, c.o.Timeout)
	defer cancel()
	stop := context.AfterFunc(c.ctx, cancel)
	defer stop()
	return t.visit(vctx, c.o, tk.url)
}

// fill copies the browser's view of the page into the snapshot.
func (c *crawl) fill(snap *snapshot.Snapshot, res *visitResult) {
	snap.Browser = res.facts
	snap.DOM = res.page.DOM
	snap.Title = res.page.Title
	snap.Lang = res.page.Lang
}

// describeVisitError turns a browser error into a short reason.
func describeVisitError(err error, timeout time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return newPageError(ErrBrowserTimeout, fmt.Sprintf("timed out after %s in the browser", timeout), "after", timeout.String())
	}
	if errors.Is(err, context.Canceled) {
		return newPageError(ErrCancelled, "cancelled")
	}
	if errors.Is(err, errCrashed) {
		return newPageError(ErrBrowser, err.Error(), "detail", err.Error())
	}
	return newPageError(ErrBrowser, "browser: "+err.Error(), "detail", err.Error())
}

// emitFinished reports a page that was scanned or failed.
func (c *crawl) emitFinished(s *snapshot.Snapshot, took time.Duration) {
	finished := int(c.finished.Add(1))
	if c.o.Events == nil {
		return
	}
	planned, _ := c.front.counts()
	e := progress.Event{Kind: progress.PageDone, URL: s.URL, Done: finished, Planned: planned, Status: s.Status, Took: took}
	if s.Error != "" {
		e.Kind, e.Error = progress.PageFailed, s.Error
	}
	c.o.Events.Emit(e)
}
