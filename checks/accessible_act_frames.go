package checks

import (
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// This file holds frame-tab-order (ACT rule akn7bn, WCAG 2.1.1): an iframe
// taken out of the Tab order (a negative tabindex) must not hold links,
// buttons or fields that the Tab key would otherwise reach. The content of
// a frame is known when it is written in its srcdoc attribute; frames that
// load another address are not judged (the crawler does not read them).

// frameTabOrder fails for visible iframes whose srcdoc content holds
// elements in the Tab order when the iframe has a negative tabindex. While a modal dialog is
// open, the rest of the page is inert and no frame is judged.
func frameTabOrder(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		if n.Data != "iframe" || d.openDialogOutside(n) {
			continue
		}
		if !d.Exposed(n) || a11y.Inert(n) || axTinyFrame(n) {
			continue
		}
		src, ok := a11y.Attr(n, "srcdoc")
		if !ok {
			continue
		}
		inner := axFirstTabbable(src)
		if inner == nil {
			continue
		}
		applicable = true
		if t, ok := a11y.TabIndex(n); ok && t < 0 && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "inner", "<"+inner.Data+">"))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// openDialogOutside reports whether an open dialog exists that does not
// hold n: a modal dialog makes everything else inert.
func (d *axDoc) openDialogOutside(n *html.Node) bool {
	for _, x := range d.Elems {
		if x.Data != "dialog" || !a11y.Has(x, "open") {
			continue
		}
		inside := false
		for y := n.Parent; y != nil; y = y.Parent {
			if y == x {
				inside = true
			}
		}
		if !inside {
			return true
		}
	}
	return false
}

// axTinyFrame reports whether the iframe's width or height attribute is at
// most 1 px: such a frame shows nothing.
func axTinyFrame(n *html.Node) bool {
	for _, a := range []string{"width", "height"} {
		v, ok := a11y.Attr(n, a)
		if !ok {
			continue
		}
		if f, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), "px"), 64); err == nil && f <= 1 {
			return true
		}
	}
	return false
}

// axFirstTabbable parses src as a document and returns its first rendered
// element in the Tab order, or nil.
func axFirstTabbable(src string) *html.Node {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil
	}
	var found *html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if a11y.SelfHidden(c) || a11y.Has(c, "inert") {
				continue
			}
			if a11y.Tabbable(c) {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(root)
	return found
}
