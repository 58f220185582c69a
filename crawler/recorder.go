package crawler

import (
	"net/url"
	"strings"
	"sync"

	"github.com/didi-index/didi/snapshot"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
)

// Bounds on what one page records, so a chatty page stays cheap.
const (
	maxRequests      = 2000
	maxConsoleErrors = 100
	maxConsoleChars  = 500
)

// recorder collects the events of one tab for the page being scanned. Its
// handle method runs on the tab's read loop: it only stores, under a lock.
type recorder struct {
	mu        sync.Mutex
	reqs      []snapshot.Request
	byID      map[network.RequestID]int
	console   []string
	lifecycle map[cdp.LoaderID]map[string]bool
	// navs holds, in order, the documents committed in each frame and the
	// navigations the page asked for itself (a meta refresh, a script
	// setting location).
	navs []navEvent
	wake chan struct{}
	// dialogs receives a value for each JavaScript dialog (alert, confirm,
	// beforeunload) the page opens; the tab closes them at once.
	dialogs chan struct{}
	// crashed is set when the page's renderer died (out of memory).
	crashed bool
}

func newRecorder() *recorder {
	r := &recorder{dialogs: make(chan struct{}, 16)}
	r.reset()
	return r
}

// reset forgets everything before a new page.
func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reqs = nil
	r.byID = map[network.RequestID]int{}
	r.console = nil
	r.lifecycle = map[cdp.LoaderID]map[string]bool{}
	r.crashed = false
	r.navs = nil
	r.wake = make(chan struct{})
}

// clientNav is a navigation a page asked for itself.
type clientNav struct {
	URL    string
	Reason string
}

// navEvent is a document committed in a frame (loader set) or a
// navigation the page asked for (nav set).
type navEvent struct {
	frame  cdp.FrameID
	loader cdp.LoaderID
	nav    clientNav
}

// maxNavEvents bounds navEvents: a page that keeps navigating is stopped
// by the page timeout.
const maxNavEvents = 50

// handle stores one event.
func (r *recorder) handle(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		r.request(e)
	case *network.EventResponseReceived:
		if i, ok := r.byID[e.RequestID]; ok && e.Response != nil {
			r.reqs[i].Status = int(e.Response.Status)
		}
	case *network.EventLoadingFinished:
		if i, ok := r.byID[e.RequestID]; ok {
			r.reqs[i].Bytes = int64(e.EncodedDataLength)
		}
	case *network.EventLoadingFailed:
		if i, ok := r.byID[e.RequestID]; ok {
			msg := e.ErrorText
			if e.BlockedReason != "" {
				msg += " (blocked: " + string(e.BlockedReason) + ")"
			}
			r.reqs[i].Failed = msg
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			r.addConsole(consoleText(e.Args))
		}
	case *runtime.EventExceptionThrown:
		if d := e.ExceptionDetails; d != nil {
			text := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				text = d.Exception.Description
			}
			r.addConsole(text)
		}
	case *inspector.EventTargetCrashed:
		r.crashed = true
		close(r.wake)
		r.wake = make(chan struct{})
	case *page.EventJavascriptDialogOpening:
		select {
		case r.dialogs <- struct{}{}:
		default: // enough are waiting to be closed
		}
	case *page.EventFrameRequestedNavigation:
		if len(r.navs) < maxNavEvents && e.Disposition == page.ClientNavigationDispositionCurrentTab {
			r.navs = append(r.navs, navEvent{frame: e.FrameID, nav: clientNav{URL: e.URL, Reason: string(e.Reason)}})
			close(r.wake)
			r.wake = make(chan struct{})
		}
	case *page.EventFrameNavigated:
		if f := e.Frame; f != nil && len(r.navs) < maxNavEvents {
			r.navs = append(r.navs, navEvent{frame: f.ID, loader: f.LoaderID})
			close(r.wake)
			r.wake = make(chan struct{})
		}
	case *page.EventLifecycleEvent:
		m := r.lifecycle[e.LoaderID]
		if m == nil {
			m = map[string]bool{}
			r.lifecycle[e.LoaderID] = m
		}
		m[e.Name] = true
		close(r.wake)
		r.wake = make(chan struct{})
	}
}

func (r *recorder) request(e *network.EventRequestWillBeSent) {
	if e.Request == nil {
		return
	}
	if i, ok := r.byID[e.RequestID]; ok && e.RedirectResponse != nil {
		r.reqs[i].Status = int(e.RedirectResponse.Status)
	}
	u := e.Request.URL
	if !strings.HasPrefix(u, "http:") && !strings.HasPrefix(u, "https:") {
		return // data:, blob: and the like cost no request
	}
	if len(r.reqs) >= maxRequests {
		return
	}
	host := ""
	if p, err := url.Parse(u); err == nil {
		host = p.Hostname()
	}
	r.byID[e.RequestID] = len(r.reqs)
	r.reqs = append(r.reqs, snapshot.Request{URL: u, Type: string(e.Type), Host: host})
}

func (r *recorder) addConsole(s string) {
	if len(r.console) >= maxConsoleErrors {
		return
	}
	if len(s) > maxConsoleChars {
		s = s[:maxConsoleChars] + "…"
	}
	r.console = append(r.console, s)
}

// consoleText joins console arguments as the DevTools console shows them.
func consoleText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		switch {
		case a == nil:
		case a.Type == runtime.RemoteObjectTypeString && len(a.Value) > 1:
			s := string(a.Value)
			parts = append(parts, unquoteJSON(s))
		case a.Description != "":
			parts = append(parts, a.Description)
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// hasCrashed reports whether the page's renderer died since the last reset.
func (r *recorder) hasCrashed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.crashed
}

// lifecycleState reports which lifecycle events a loader reached, and a
// channel closed at the next lifecycle event.
func (r *recorder) lifecycleState(loader cdp.LoaderID, name string) (bool, <-chan struct{}) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lifecycle[loader][name], r.wake
}

// left returns the first navigation to another document that the page
// at pageURL, loaded by loader in frame, asked for itself. Only requests
// after the page's own commit count: the page before it may still be
// leaving. A jump to a fragment of the same page stays in the document and
// does not count.
func (r *recorder) left(frame cdp.FrameID, loader cdp.LoaderID, pageURL string) (clientNav, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	base, _, _ := strings.Cut(pageURL, "#")
	mine := false
	for _, e := range r.navs {
		switch {
		case e.frame != frame:
		case e.loader != "":
			mine = e.loader == loader
		case mine:
			if to, _, frag := strings.Cut(e.nav.URL, "#"); !frag || to != base {
				return e.nav, true
			}
		}
	}
	return clientNav{}, false
}

// take returns the requests and console errors recorded so far, with the
// third-party and mixed-content flags set against pageURL.
func (r *recorder) take(pageURL string) ([]snapshot.Request, []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, _ := url.Parse(pageURL)
	pageHost, https := "", false
	if p != nil {
		pageHost, https = p.Hostname(), p.Scheme == "https"
	}
	reqs := make([]snapshot.Request, len(r.reqs))
	copy(reqs, r.reqs)
	for i := range reqs {
		reqs[i].ThirdParty = thirdParty(reqs[i].Host, pageHost)
		reqs[i].Mixed = https && strings.HasPrefix(reqs[i].URL, "http:")
	}
	return reqs, append([]string(nil), r.console...)
}
