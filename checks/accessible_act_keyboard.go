package checks

// This file holds scrollable-keyboard (ACT rule 0ssw9k, WCAG 2.1.1): an area
// whose content scrolls inside it can be scrolled with the arrow keys only
// once the keyboard focus is on it or in it. What scrolls is measured in
// the browser (BrowserFacts.Scrollers).

// scrollableKeyboard fails for areas whose content scrolls inside them
// while neither the area nor anything in it is in the Tab order: keyboard
// users cannot reach the hidden part. Chromium since version 130 lets the
// Tab key reach such an area by itself; other browsers, Safari among them,
// do not.
func scrollableKeyboard(p *Page, _ Params) Result {
	b := p.Snap.Browser
	if b == nil || len(b.Scrollers) == 0 {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	var ev []Evidence
	for _, s := range b.Scrollers {
		if s.Focusable || s.FocusableInside || len(ev) >= axMaxEvidence {
			continue
		}
		e := Evidence{Selector: s.Selector, Message: "fail"}
		if n := d.Resolve(s.Selector); n != nil {
			e.Snippet = axSnippet(n)
		}
		ev = append(ev, e)
	}
	return Verdict(ev)
}
