package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/didi-index/didi/progress"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	cdtarget "github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is wrapped by FindBrowser's error when no Chromium or Chrome
// can be found.
var ErrNoBrowser = errors.New("no Chromium or Chrome browser found")

// browserNames are looked up on PATH, in this order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// FindBrowser returns the browser to use: flag when set, then $DIDI_BROWSER,
// then the usual Chromium and Chrome names on PATH. The error wraps
// ErrNoBrowser and says how to install one or scan with --no-browser.
func FindBrowser(flag string) (string, error) {
	for _, c := range []struct{ path, from string }{{flag, "--browser"}, {os.Getenv("DIDI_BROWSER"), "DIDI_BROWSER"}} {
		if c.path == "" {
			continue
		}
		p, err := exec.LookPath(c.path)
		if err != nil {
			return "", fmt.Errorf("%w: %s %q is not an executable file; %s", ErrNoBrowser, c.from, c.path, installHint)
		}
		return p, nil
	}
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w on PATH (looked for %s); %s", ErrNoBrowser, strings.Join(browserNames, ", "), installHint)
}

const installHint = "install Chromium (Debian/Ubuntu: apt-get install chromium; Fedora: dnf install chromium; " +
	"macOS: brew install --cask chromium; Windows: install Google Chrome), point --browser or DIDI_BROWSER at it, " +
	"or scan without a browser with --no-browser (browser-only checks then say not_evaluated)"

// maxRestarts bounds browser restarts in one scan; a browser that keeps
// dying ends the browser part of the scan.
const maxRestarts = 3

// disabledFeatures are Chromium features a scan turns off. The first ones
// would reach out to the network or do work no scan needs. The last three
// keep Chromium from starting renderer processes the scan never uses:
//   - SpareRendererForSitePerProcess starts a spare renderer process after
//     each navigation for the next one; with a browser context per tab, the
//     spare is never used and a new one starts for almost every page (37
//     renderer processes for 50 pages on wet-boew instead of 6). Turning it
//     off gave 8% more pages per second on 2 cores (bench/crawl.sh).
//   - BackForwardCache keeps each page left behind frozen in memory, for a
//     Back button a scan never presses.
//   - Prerender2 lets a page's speculation rules load other pages unseen.
var disabledFeatures = []string{
	"Translate", "MediaRouter", "OptimizationHints", "AutofillServerCommunication",
	"InterestFeedContentSuggestions", "CalculateNativeWinOcclusion",
	"SpareRendererForSitePerProcess", "BackForwardCache", "Prerender2",
}

// jsHeapMB caps the JavaScript heap of each page, in MB.
const jsHeapMB = 512

// browserFlags returns the Chromium flags for a scan. They keep a headless
// browser quiet on a closed network and make tabs in the background run at
// full speed.
func browserFlags(o Options, origins []string) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.Flag("headless", "new"),
		chromedp.Flag("disable-gpu", true),
		// Composite in the browser process: one process and its messages
		// fewer; with the GPU off, compositing is software either way.
		chromedp.Flag("in-process-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-features", strings.Join(disabledFeatures, ",")),
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-ipc-flooding-protection", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.Flag("window-size", "1280,800"),
		// WebRTC sends UDP (STUN) only through a proxy, so a page cannot
		// reach hosts beside the proxy nor learn the machine's addresses.
		chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"),
		chromedp.Flag("webrtc-ip-handling-policy", "disable_non_proxied_udp"),
		chromedp.Flag("enforce-webrtc-ip-permission-check", true),
		// A page's JavaScript heap is capped: a page that allocates without
		// end crashes its renderer, which is recorded as a page error,
		// instead of taking the machine's memory.
		chromedp.Flag("js-flags", fmt.Sprintf("--max-old-space-size=%d", jsHeapMB)),
		chromedp.ExecPath(o.Browser),
	}
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.Flag("no-sandbox", true))
	}
	if o.Insecure {
		opts = append(opts, chromedp.Flag("ignore-certificate-errors", true))
	}
	switch {
	case o.guardProxy != "":
		// Everything, loopback included, goes through the guard; WebRTC
		// may not send UDP around it.
		opts = append(opts,
			chromedp.Flag("proxy-server", "http://"+o.guardProxy),
			chromedp.Flag("proxy-bypass-list", "<-loopback>"),
			chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"))
	case o.BlockOutside:
		opts = append(opts,
			chromedp.Flag("proxy-server", deadProxy),
			chromedp.Flag("proxy-bypass-list", bypassList(origins)))
	}
	return opts
}

// deadProxy is where BlockOutside sends requests outside the scanned
// origins: nothing listens there, so they fail at once.
const deadProxy = "http://127.0.0.1:9"

// bypassList lets the scanned origins through the dead proxy of
// BlockOutside. "<-loopback>" removes Chromium's implicit loopback bypass,
// so that other local ports are blocked too; the scanned hosts are then
// listed with their ports.
func bypassList(origins []string) string {
	rules := []string{"<-loopback>"}
	for _, o := range origins {
		u, err := url.Parse(o)
		if err != nil {
			continue
		}
		port := u.Port()
		if port == "" {
			port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
		}
		rules = append(rules, u.Scheme+"://"+u.Hostname()+":"+port)
	}
	return strings.Join(rules, ";")
}

// browserProc is the one browser of a scan. It restarts the browser once
// per incident when it dies.
type browserProc struct {
	o       Options
	origins []string

	mu         sync.Mutex
	gen        int
	alloc      context.Context
	allocStop  context.CancelFunc
	ctx        context.Context
	stop       context.CancelFunc
	version    string
	restarts   int
	restartErr error
	// tmp is the browser's own temporary directory (its TMPDIR), removed
	// with the browser: Chromium leaves socket and shared-memory files there
	// when it is killed.
	tmp string
	// base is set for a shared browser: the context it lives in, which
	// outlives each crawl. Each tab then blocks outside requests with a
	// proxy of its own, as the scanned origins differ between crawls.
	base context.Context
}

// Browser is one browser that several crawls share (didi batch), so that
// each site does not pay for a browser start. A crawl given it in
// Options.Shared opens its tabs in it and leaves it running. When it dies
// it is started again: during a crawl as a crawl's own browser is, and at
// the start of the next crawl. Close stops it and removes its profile.
// Crawls should use it one at a time: restarts are counted per crawl.
type Browser struct{ p *browserProc }

// StartBrowser starts a browser to share between crawls. It uses o's
// Browser (FindBrowser when ""), Insecure and Events; every crawl's own
// options set the rest. The browser lives until Close or until ctx ends.
func StartBrowser(ctx context.Context, o Options) (*Browser, error) {
	path, err := FindBrowser(o.Browser)
	if err != nil {
		return nil, err
	}
	o.Browser = path
	o.BlockOutside = false // per tab instead, see browserProc.base
	p := &browserProc{o: o, base: ctx}
	if err := p.launch(ctx); err != nil {
		return nil, err
	}
	return &Browser{p: p}, nil
}

// Version is the browser's product and version.
func (b *Browser) Version() string {
	b.p.mu.Lock()
	defer b.p.mu.Unlock()
	return b.p.version
}

// Close stops the browser and waits until its processes and temporary
// profile are gone.
func (b *Browser) Close() { b.p.close() }

// join readies a shared browser for a crawl with options o: it starts it
// again when it died or gave up, and gives the crawl its own allowance of
// restarts.
func (b *Browser) join(o Options) (*browserProc, error) {
	p := b.p
	if o.Insecure != p.o.Insecure {
		return nil, fmt.Errorf("%w: the shared browser was started with Insecure %t, the crawl wants %t", ErrBadOptions, p.o.Insecure, o.Insecure)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.restarts, p.restartErr = 0, nil
	if p.ctx != nil && p.ctx.Err() == nil {
		return p, nil
	}
	if err := p.base.Err(); err != nil {
		return nil, err
	}
	p.o.Events.Emit(progress.Event{Kind: progress.Warning, Message: "the browser stopped; starting it again"})
	p.shutdownLocked()
	if err := p.launch(p.base); err != nil {
		return nil, err
	}
	return p, nil
}

// contextOptions are the options of a tab's browser context: for a shared
// browser, BlockOutside's dead proxy with the crawl's origins let through.
func (b *browserProc) contextOptions(o Options, origins []string) []chromedp.CreateBrowserContextOption {
	if b.base == nil || !o.BlockOutside {
		return nil
	}
	return []chromedp.CreateBrowserContextOption{func(p *cdtarget.CreateBrowserContextParams) {
		p.ProxyServer, p.ProxyBypassList = deadProxy, bypassList(origins)
	}}
}

// startBrowser launches the browser and opens its first tab.
func startBrowser(ctx context.Context, o Options, origins []string) (*browserProc, error) {
	b := &browserProc{o: o, origins: origins}
	if os.Geteuid() == 0 {
		o.Events.Emit(progress.Event{Kind: progress.Note, Message: "running as root, so Chromium runs with --no-sandbox"})
	}
	if err := b.launch(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// launch starts a browser process; b.mu must be held or b unshared.
func (b *browserProc) launch(ctx context.Context) error {
	tmp, err := os.MkdirTemp("", "didi-chromium-tmp-")
	if err != nil {
		return fmt.Errorf("start browser: %w", err)
	}
	opts := append(browserFlags(b.o, b.origins), chromedp.Env("TMPDIR="+tmp))
	alloc, allocStop := chromedp.NewExecAllocator(ctx, opts...)
	bctx, stop := chromedp.NewContext(alloc, chromedp.WithErrorf(b.logf), chromedp.WithLogf(b.logf))
	// The first Run must get the browser context itself: the browser lives
	// as long as the context of its first Run. A timer bounds the start.
	slow := time.AfterFunc(30*time.Second, stop)
	defer slow.Stop()
	v, err := chromedp.Run(bctx, func(ctx context.Context, t *chromedp.Target) (browser.GetVersionResult, error) {
		return cdp.Call(ctx, chromedp.FromContext(ctx).Browser, browser.GetVersion, cdp.Empty{})
	})
	if err != nil {
		stop()
		allocStop()
		os.RemoveAll(tmp)
		return fmt.Errorf("start browser %s: %w", b.o.Browser, err)
	}
	b.alloc, b.allocStop, b.ctx, b.stop, b.tmp = alloc, allocStop, bctx, stop, tmp
	b.version = v.Product
	b.gen++
	return nil
}

// logf shows chromedp's own messages in verbose mode only (on a cancel it
// reports the closed pipe, which is expected).
func (b *browserProc) logf(format string, args ...any) {
	b.o.Events.Emit(progress.Event{Kind: progress.Note, Message: "chromedp: " + fmt.Sprintf(format, args...)})
}

// current returns the browser context to open tabs in, and its generation.
func (b *browserProc) current() (context.Context, int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.ctx == nil {
		return nil, b.gen, b.restartErr
	}
	return b.ctx, b.gen, nil
}

// dead reports whether the browser of generation gen is gone.
func (b *browserProc) dead(gen int) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.gen != gen || b.ctx == nil || b.ctx.Err() != nil
}

// restart replaces the browser of generation gen when it died. Several tabs
// notice one death; only the first restarts, the others reuse the new one.
func (b *browserProc) restart(ctx context.Context, gen int) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.gen != gen {
		return b.restartErr
	}
	if b.restarts >= maxRestarts {
		b.restartErr = fmt.Errorf("browser died %d times; giving up", b.restarts+1)
		b.shutdownLocked()
		return b.restartErr
	}
	b.restarts++
	if ctx.Err() != nil {
		b.restartErr = ctx.Err()
		return b.restartErr
	}
	b.o.Events.Emit(progress.Event{Kind: progress.Warning, Message: "the browser stopped; starting it again"})
	b.shutdownLocked()
	if b.base != nil {
		ctx = b.base // a shared browser outlives the crawl
	}
	if err := b.launch(ctx); err != nil {
		b.restartErr = err
		b.gen++
		return err
	}
	return nil
}

// close stops the browser and waits until its processes and temporary
// profile are gone.
func (b *browserProc) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.shutdownLocked()
}

func (b *browserProc) shutdownLocked() {
	if b.ctx == nil {
		return
	}
	if b.ctx.Err() == nil {
		tctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		_ = chromedp.Cancel(tctx) // graceful Browser.close; the allocator kills what is left
		cancel()
	}
	b.stop()
	b.allocStop() // waits for the process to exit and the profile to be removed
	os.RemoveAll(b.tmp)
	b.ctx, b.alloc = nil, nil
}
