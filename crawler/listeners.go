package crawler

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/didi-index/didi/snapshot"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/domdebugger"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// listenerGroup is the object group of the remote objects the listener
// step creates; it is released at the end of the step.
const listenerGroup = "didi-listeners"

// listenerControls returns the select, radio and check box elements of a
// DOM tree (readDOM) in document order, at most max, and whether there
// were more.
func listenerControls(root *cdp.Node, max int) (out []*cdp.Node, capped bool) {
	var walk func(n *cdp.Node)
	walk = func(n *cdp.Node) {
		for _, c := range n.Children {
			if c.NodeType != elementNode {
				continue
			}
			if isChoiceControl(c) {
				if len(out) == max {
					capped = true
					return
				}
				out = append(out, c)
			}
			walk(c)
			if capped {
				return
			}
		}
	}
	walk(root)
	return out, capped
}

// isChoiceControl reports whether n is a select, a radio button or a check
// box.
func isChoiceControl(n *cdp.Node) bool {
	switch n.LocalName {
	case "select":
		return true
	case "input":
		t := strings.ToLower(strings.TrimSpace(attr(n, "type")))
		return t == "radio" || t == "checkbox"
	}
	return false
}

// inputListeners reads, with DOMDebugger.getEventListeners, the change and
// input listeners of the page's select, radio and check box elements (at
// most snapshot.MaxListenerElements). The nodes are resolved in the page's
// own world, where its scripts added the listeners; no script of the page
// or of didi runs. Listeners of an inline onchange or oninput attribute
// are left out: the checks read those in the DOM.
func inputListeners(ctx context.Context, root *cdp.Node, sels map[cdp.BackendNodeID]string) ([]snapshot.InputListener, bool, error) {
	controls, capped := listenerControls(root, snapshot.MaxListenerElements)
	if len(controls) == 0 {
		return nil, capped, nil
	}
	defer func() {
		_, _ = chromedp.Call(ctx, runtime.ReleaseObjectGroup, runtime.ReleaseObjectGroupParams{ObjectGroup: listenerGroup})
	}()
	found := make([][]snapshot.InputListener, len(controls))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	slots := make(chan struct{}, listenerCalls)
	for i, n := range controls {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			ls, err := elementListeners(ctx, n, sels[n.BackendNodeID])
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
			}
			found[i] = ls
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, capped, firstErr
	}
	return slices.Concat(found...), capped, nil
}

// listenerCalls is how many elements' listeners are asked for at once. One
// after the other, 100 check boxes took 65–95 ms on 2 cores; 8 at a time,
// 42–46 ms.
const listenerCalls = 8

// elementListeners returns the change and input listeners of control n,
// whose selector is sel.
func elementListeners(ctx context.Context, n *cdp.Node, sel string) ([]snapshot.InputListener, error) {
	// An element that went away while it was read has no listeners; only
	// the end of the page's time ends the step.
	obj, err := chromedp.Call(ctx, dom.ResolveNode, dom.ResolveNodeParams{BackendNodeID: n.BackendNodeID, ObjectGroup: listenerGroup})
	if err != nil || obj.Object == nil {
		return nil, listenerErr(ctx, sel)
	}
	pierce := true // listeners of every world, not only the world of obj
	res, err := chromedp.Call(ctx, domdebugger.GetEventListeners, domdebugger.GetEventListenersParams{ObjectID: obj.Object.ObjectID, Pierce: &pierce})
	if err != nil {
		return nil, listenerErr(ctx, sel)
	}
	var out []snapshot.InputListener
	for _, l := range res.Listeners {
		if (l.Type != "change" && l.Type != "input") || (l.BackendNodeID != 0 && l.BackendNodeID != n.BackendNodeID) {
			continue
		}
		src := ""
		if l.Handler != nil {
			src = l.Handler.Description
		}
		if inlineHandler(n, l.Type, src) {
			continue
		}
		out = append(out, snapshot.InputListener{Selector: sel, Event: l.Type, Source: cut(src, snapshot.MaxListenerSource)})
	}
	return out, nil
}

// listenerErr is the error of a failed listener read: none, unless the
// page's time is up.
func listenerErr(ctx context.Context, sel string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("read event listeners of %s: %w", sel, err)
	}
	return nil
}

// inlineHandler reports whether a listener of type typ on n comes from its
// on<typ> attribute: Chromium compiles the attribute into a function named
// after it.
func inlineHandler(n *cdp.Node, typ, src string) bool {
	name := "on" + typ
	_, ok := lookupAttr(n, name)
	return ok && strings.HasPrefix(src, "function "+name+"(")
}

// cut shortens s to at most max bytes, on a character boundary.
func cut(s string, max int) string {
	if len(s) <= max {
		return s
	}
	for max > 0 && !utf8.RuneStart(s[max]) {
		max--
	}
	return s[:max]
}
