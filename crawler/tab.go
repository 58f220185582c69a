package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/didi-index/didi/snapshot"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// Viewports: the desktop one pages load in, and the narrow one of the
// reflow test (WCAG 1.4.10: 320 CSS px).
const (
	desktopWidth  = 1280
	desktopHeight = 800
	reflowWidth   = 320
)

// tab is one browser tab of the pool, in a browser context of its own so
// that each page starts without the cookies of the pages before it.
type tab struct {
	ctx    context.Context
	cancel context.CancelFunc
	gen    int
	rec    *recorder
	bctxID cdp.BrowserContextID
}

// newTab opens a tab. The first Run happens on the tab's own context, before
// any per-page timeout context is derived from it: a first Run on a derived
// context makes the tab's later navigations hang (chromedp 0.23).
func (b *browserProc) newTab(o Options, origins []string) (*tab, error) {
	bctx, gen, err := b.current()
	if err != nil {
		return nil, err
	}
	if bctx == nil {
		return nil, errors.New("browser is not running")
	}
	rec := newRecorder()
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext(b.contextOptions(o, origins)...), chromedp.WithListener(rec.handle))
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		return nil, fmt.Errorf("open tab: %w", err)
	}
	t := &tab{ctx: ctx, cancel: cancel, gen: gen, rec: rec, bctxID: chromedp.FromContext(ctx).BrowserContextID}
	go t.closeDialogs()
	if err := t.setup(o, origins); err != nil {
		cancel()
		return nil, err
	}
	return t, nil
}

// setup turns off what a scan does not need and routes the user's headers.
func (t *tab) setup(o Options, origins []string) error {
	sctx, cancel := context.WithTimeout(t.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Call(sctx, css.Disable, cdp.Empty{}); err != nil {
		return fmt.Errorf("set up tab: %w", err)
	}
	// Each tab behaves as the focused one, so that :focus styles apply in
	// the focus test whichever tab the browser thinks is in front.
	if _, err := chromedp.Call(sctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		return fmt.Errorf("set up tab: %w", err)
	}
	if len(o.Headers) == 0 {
		return nil
	}
	var patterns []*fetch.RequestPattern
	for _, og := range origins {
		patterns = append(patterns, &fetch.RequestPattern{URLPattern: og + "/*"})
	}
	if _, err := chromedp.Call(sctx, fetch.Enable, fetch.EnableParams{Patterns: patterns}); err != nil {
		return fmt.Errorf("set up tab headers: %w", err)
	}
	paused := chromedp.Events(t.ctx, fetch.RequestPaused)
	go t.addHeaders(paused, o)
	return nil
}

// addHeaders continues each paused request to a scanned origin with the
// user's headers added.
func (t *tab) addHeaders(paused func(func(fetch.EventRequestPaused, error) bool), o Options) {
	for ev, err := range paused {
		if err != nil {
			return
		}
		var hs []*fetch.HeaderEntry
		if ev.Request != nil {
			for k, v := range ev.Request.Headers {
				hs = append(hs, &fetch.HeaderEntry{Name: k, Value: fmt.Sprint(v)})
			}
		}
		for k, vs := range o.Headers {
			for _, v := range vs {
				hs = append(hs, &fetch.HeaderEntry{Name: k, Value: v})
			}
		}
		_, _ = chromedp.Call(t.ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: ev.RequestID, Headers: hs})
	}
}

// closeDialogs accepts every JavaScript dialog as soon as it opens: a
// dialog blocks the page until someone answers it.
func (t *tab) closeDialogs() {
	for {
		select {
		case <-t.ctx.Done():
			return
		case <-t.rec.dialogs:
			dctx, cancel := context.WithTimeout(t.ctx, 5*time.Second)
			_, _ = chromedp.Call(dctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			cancel()
		}
	}
}

// close closes the tab and its browser context.
func (t *tab) close() { t.cancel() }

// visitResult is what one navigation in a tab yields.
type visitResult struct {
	facts *snapshot.BrowserFacts
	page  *pageFacts
	// left is set, and facts and page are nil, when the page went on to
	// another document by itself (a meta refresh, a script) before or
	// while it was scanned: its facts would mix two documents.
	left *clientNav
	// steps holds the time each step took, for --verbose.
	steps []string
}

// stepClock records how long the steps of a visit take.
type stepClock struct {
	last  time.Time
	steps []string
}

func (c *stepClock) mark(name string) {
	now := time.Now()
	c.steps = append(c.steps, fmt.Sprintf("%s %dms", name, now.Sub(c.last).Milliseconds()))
	c.last = now
}

// visit loads u in the tab with one navigation and gathers every browser
// fact. ctx carries the page timeout and derives from t.ctx.
func (t *tab) visit(ctx context.Context, o Options, u string) (*visitResult, error) {
	clock := &stepClock{last: time.Now()}
	t.rec.reset()
	if err := t.prepare(ctx, o, desktopWidth); err != nil {
		return nil, err
	}
	clock.mark("prepare")
	nav, err := t.navigate(ctx, u, o.Timeout)
	if err != nil {
		return nil, err
	}
	clock.mark("load")
	// left reports a page that went on to another document by itself.
	left := func() *visitResult {
		if n, ok := t.rec.left(nav.FrameID, nav.LoaderID, u); ok {
			return &visitResult{left: &n, steps: clock.steps}
		}
		return nil
	}
	if r := left(); r != nil {
		return r, nil
	}
	res, err := t.gather(ctx, o, u, clock)
	if r := left(); r != nil {
		return r, nil // the error, if any, came from the document going away
	}
	if err != nil && t.rec.hasCrashed() {
		return nil, errCrashed
	}
	return res, err
}

// errCrashed is a page whose renderer died, mostly because the page used
// more memory than it may (jsHeapMB).
var errCrashed = fmt.Errorf("the page crashed its browser tab (it may have used more than the %d MB of memory a page may use)", jsHeapMB)

// gather reads every fact of the loaded page.
func (t *tab) gather(ctx context.Context, o Options, u string, clock *stepClock) (*visitResult, error) {
	cookies, err := t.cookies(ctx, u, o.Cookies)
	if err != nil {
		return nil, err
	}
	clock.mark("cookies")
	pf, err := t.pageFacts(ctx, o)
	if err != nil {
		return nil, err
	}
	clock.mark("facts")
	// The accessibility tree comes after the focus test: once Chromium
	// builds it, every style change also updates it.
	ax, listeners, capped, err := t.domFacts(ctx, clock)
	if err != nil {
		return nil, err
	}
	requests, console := t.rec.take(u)
	var reflow snapshot.Reflow
	if o.gathers(func(g Gather) bool { return g.Reflow }) {
		if reflow, err = t.reflow(ctx); err != nil {
			return nil, err
		}
		clock.mark("reflow")
	}
	bf := pf.browserFacts()
	bf.AXTree = ax
	bf.InputListeners, bf.InputListenersCapped = listeners, capped
	bf.Cookies = cookies
	reflow.ZoomBlocked, reflow.ViewportMeta = bf.Reflow.ZoomBlocked, bf.Reflow.ViewportMeta
	bf.Reflow = reflow
	bf.Requests, bf.ConsoleErrors = requests, console
	return &visitResult{facts: bf, page: pf, steps: clock.steps}, nil
}

// prepare clears cookies, sets the user's cookies and the viewport.
func (t *tab) prepare(ctx context.Context, o Options, width int64) error {
	if _, err := chromedp.CallBrowser(ctx, storage.ClearCookies, storage.ClearCookiesParams{BrowserContextID: t.bctxID}); err != nil {
		return fmt.Errorf("clear cookies: %w", err)
	}
	if len(o.Cookies) > 0 {
		var params []*network.CookieParam
		for _, og := range o.Start {
			for _, c := range o.Cookies {
				params = append(params, &network.CookieParam{Name: c.Name, Value: c.Value, URL: origin(og) + "/"})
			}
		}
		if _, err := chromedp.Call(ctx, network.SetCookies, network.SetCookiesParams{Cookies: params}); err != nil {
			return fmt.Errorf("set cookies: %w", err)
		}
	}
	return setViewport(ctx, width)
}

// paintedArea is the part of the viewport Chromium paints. The page is laid
// out at the full viewport and sees nothing of this clip (CDP: "not
// observed by the page"), but nothing in didi reads pixels, and painting
// and compositing the whole viewport cost about 8% of the CPU of a scan
// (bench/crawl.sh). Every fact of the 50 wet-boew pages was the same with
// and without the clip, and TestFactsFixture checks them on a page made to
// show each one.
var paintedArea = &page.Viewport{Width: 10, Height: 10, Scale: 1}

func setViewport(ctx context.Context, width int64) error {
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: width, Height: desktopHeight, DeviceScaleFactor: 1, Mobile: false, Viewport: paintedArea,
	})
	if err != nil {
		return fmt.Errorf("set viewport %dpx: %w", width, err)
	}
	return nil
}

// navigate loads u and waits for its load event. When the load event does
// not come within half the page timeout (a hanging subresource), the page
// is scanned as it is once the DOM is ready.
func (t *tab) navigate(ctx context.Context, u string, timeout time.Duration) (*navigation, error) {
	began := time.Now()
	res, err := chromedp.Call(ctx, page.Navigate, page.NavigateParams{URL: u})
	if err != nil {
		return nil, fmt.Errorf("navigate: %w", err)
	}
	if res.ErrorText != "" {
		return nil, fmt.Errorf("navigate: %s", res.ErrorText)
	}
	if res.IsDownload {
		return nil, errors.New("navigate: the address starts a download, not a page")
	}
	nav := &navigation{FrameID: res.FrameID, LoaderID: res.LoaderID}
	if res.LoaderID == "" {
		nav.took = time.Since(began)
		return nav, nil // a same-document navigation: nothing loads
	}
	soft := time.NewTimer(timeout / 2)
	defer soft.Stop()
	for {
		if t.rec.hasCrashed() {
			return nil, errCrashed
		}
		loaded, wake := t.rec.lifecycleState(res.LoaderID, "load")
		if _, left := t.rec.left(res.FrameID, res.LoaderID, u); loaded || left {
			nav.took = time.Since(began)
			return nav, nil
		}
		select {
		case <-wake:
		case <-soft.C:
			if ready, _ := t.rec.lifecycleState(res.LoaderID, "DOMContentLoaded"); ready {
				nav.took = time.Since(began)
				return nav, nil
			}
			soft.Reset(time.Hour)
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// navigation is a page load in a tab: its frame, loader and duration.
type navigation struct {
	FrameID  cdp.FrameID
	LoaderID cdp.LoaderID
	took     time.Duration
}

// cookies lists the cookies of the tab's browser context after load,
// before any interaction. Cookies the user passed (mine) are left out.
func (t *tab) cookies(ctx context.Context, pageURL string, mine []*http.Cookie) ([]snapshot.Cookie, error) {
	res, err := chromedp.CallBrowser(ctx, storage.GetCookies, storage.GetCookiesParams{BrowserContextID: t.bctxID})
	if err != nil {
		return nil, fmt.Errorf("read cookies: %w", err)
	}
	pageHost := ""
	if p, err := url.Parse(pageURL); err == nil {
		pageHost = p.Hostname()
	}
	out := make([]snapshot.Cookie, 0, len(res.Cookies))
	for _, c := range res.Cookies {
		if userCookie(c.Name, c.Value, mine) {
			continue
		}
		out = append(out, snapshot.Cookie{
			Name:       c.Name,
			Domain:     c.Domain,
			ThirdParty: thirdParty(strings.TrimPrefix(c.Domain, "."), pageHost),
			Session:    c.Session,
		})
	}
	return out, nil
}

// userCookie reports whether a cookie is one the user passed with --cookie.
func userCookie(name, value string, mine []*http.Cookie) bool {
	for _, c := range mine {
		if c.Name == name && c.Value == value {
			return true
		}
	}
	return false
}

// domFacts reads the DOM tree (one DOM.getDocument call), the event
// listeners of its choice controls and Chromium's accessibility tree, and
// maps their nodes to selectors.
func (t *tab) domFacts(ctx context.Context, clock *stepClock) (ax []snapshot.AXNode, listeners []snapshot.InputListener, capped bool, err error) {
	root, err := readDOM(ctx)
	if err != nil {
		return nil, nil, false, fmt.Errorf("read DOM tree: %w", err)
	}
	var sels map[cdp.BackendNodeID]string
	if root != nil {
		sels = domSelectors(root)
	}
	clock.mark("dom")
	if root != nil {
		if listeners, capped, err = inputListeners(ctx, root, sels); err != nil {
			return nil, nil, false, err
		}
		clock.mark("listeners")
	}
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		return nil, nil, false, fmt.Errorf("read accessibility tree: %w", err)
	}
	clock.mark("axtree")
	// Stop the DOM agent from reporting every later change of the page, and
	// turn accessibility off again so that later pages load without it.
	if _, err := chromedp.Call(ctx, dom.Disable, cdp.Empty{}); err != nil {
		return nil, nil, false, fmt.Errorf("read DOM tree: %w", err)
	}
	if _, err := chromedp.Call(ctx, accessibility.Disable, cdp.Empty{}); err != nil {
		return nil, nil, false, fmt.Errorf("read accessibility tree: %w", err)
	}
	return axNodes(tree.Nodes, sels), listeners, capped, nil
}

// domLevels is how many levels of the DOM tree one call reads. Chromium
// sends no reply nested deeper than its protocol's stack limit: the whole
// tree at once (depth -1) failed on a page of 145 nested elements ("CBOR:
// stack limit exceeded").
const domLevels = 100

// readDOM reads the whole DOM tree: DOM.getDocument to domLevels levels,
// then DOM.describeNode under each element whose children were left out,
// domLevels levels at a time. An ordinary page takes the one call.
func readDOM(ctx context.Context) (*cdp.Node, error) {
	depth := int64(domLevels)
	doc, err := chromedp.Call(ctx, dom.GetDocument, dom.GetDocumentParams{Depth: &depth})
	if err != nil || doc.Root == nil {
		return nil, err
	}
	for todo := cutOff(doc.Root, nil); len(todo) > 0; {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		sub, err := chromedp.Call(ctx, dom.DescribeNode, dom.DescribeNodeParams{BackendNodeID: n.BackendNodeID, Depth: &depth})
		if err != nil {
			return nil, fmt.Errorf("below %d levels: %w", domLevels, err)
		}
		if sub.Node == nil {
			continue
		}
		n.Children = sub.Node.Children
		for _, c := range n.Children {
			todo = cutOff(c, todo)
		}
	}
	return doc.Root, nil
}

// cutOff adds to todo the nodes under n (n too) that have children the
// reply left out.
func cutOff(n *cdp.Node, todo []*cdp.Node) []*cdp.Node {
	if n.ChildNodeCount > 0 && len(n.Children) == 0 {
		return append(todo, n)
	}
	for _, c := range n.Children {
		todo = cutOff(c, todo)
	}
	return todo
}

// pageFacts runs facts.js at the desktop viewport.
func (t *tab) pageFacts(ctx context.Context, o Options) (*pageFacts, error) {
	s, err := evalIsolated(ctx, factsExpr("facts", o.FocusLimit, DefaultTextLimit))
	if err != nil {
		return nil, fmt.Errorf("the page broke didi's page script: %w", err)
	}
	return decodeFacts(s)
}

// evalIsolated evaluates expr in an isolated world of the main frame: it
// shares the page's DOM but not its JavaScript, so a page that replaces
// getComputedStyle, Element.prototype or JSON cannot change the facts.
func evalIsolated(ctx context.Context, expr string) (string, error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil || tree.FrameTree == nil || tree.FrameTree.Frame == nil {
		return "", fmt.Errorf("find the page's frame: %w", err)
	}
	world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: tree.FrameTree.Frame.ID, WorldName: "didi"})
	if err != nil {
		return "", fmt.Errorf("create an isolated world: %w", err)
	}
	return chromedp.Run(ctx, chromedp.Evaluate[string](expr, func(p *runtime.EvaluateParams) { p.ContextID = world.ExecutionContextID }))
}

// reflow narrows the viewport to 320 CSS px (no reload) and measures.
func (t *tab) reflow(ctx context.Context) (snapshot.Reflow, error) {
	if err := setViewport(ctx, reflowWidth); err != nil {
		return snapshot.Reflow{}, err
	}
	s, err := evalIsolated(ctx, factsExpr("reflow", 0, 0))
	if err != nil {
		return snapshot.Reflow{}, fmt.Errorf("the page broke didi's reflow script: %w", err)
	}
	return decodeReflow(s)
}

// slowLoad loads u again under the emulated slow connection, with the cache
// off, and returns the load time in ms (the page timeout when it did not
// load in time, 0 when it could not be measured).
func (t *tab) slowLoad(ctx context.Context, o Options, u string) float64 {
	p := o.SlowProfile
	cond := &network.Conditions{Latency: float64(p.Latency.Milliseconds()), DownloadThroughput: p.Down, UploadThroughput: p.Up}
	if err := throttle(ctx, []*network.Conditions{cond}); err != nil {
		return 0
	}
	_, _ = chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true})
	defer func() {
		rctx, cancel := context.WithTimeout(t.ctx, 5*time.Second)
		defer cancel()
		_ = throttle(rctx, []*network.Conditions{})
		_, _ = chromedp.Call(rctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: false})
	}()
	if err := t.prepare(ctx, o, desktopWidth); err != nil { // the user's cookies, as on every load
		return 0
	}
	sctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	nav, err := t.navigate(sctx, u, 2*o.Timeout)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return float64(o.Timeout.Milliseconds())
		}
		return 0
	}
	return float64(nav.took.Milliseconds())
}

// throttleByRule is Network.emulateNetworkConditionsByRule as Chromium 141 to
// 149 take it: with a top-level "offline" that later versions moved into each
// rule (and ignore here).
type throttleByRule struct {
	Offline bool                  `json:"offline"`
	Rules   []*network.Conditions `json:"matchedNetworkConditions"`
}

// throttle sets the network conditions of the tab (none: no throttling). It
// speaks both forms of the command, so the Chromium a distribution ships,
// older or newer than cdproto, throttles the same way.
func throttle(ctx context.Context, rules []*network.Conditions) error {
	_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: rules})
	if err == nil {
		return nil
	}
	cmd := cdp.Command[throttleByRule, cdp.Empty]{Method: network.CommandEmulateNetworkConditionsByRule}
	if _, err2 := chromedp.Call(ctx, cmd, throttleByRule{Rules: rules}); err2 != nil {
		return fmt.Errorf("throttle the network: %w", errors.Join(err, err2))
	}
	return nil
}
