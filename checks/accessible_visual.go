package checks

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/snapshot"

	"golang.org/x/net/html"
)

// This file holds the accessible checks that need what a browser measures:
// text and control contrast, reflow at 320 px, visible focus, target size
// and media that plays by itself; and the checks of media elements that also
// work from the HTML alone.

// axRatio formats a contrast ratio for messages ("3.2:1").
func axRatio(r float64) string { return strconv.FormatFloat(r, 'f', 2, 64) + ":1" }

// axInactive reports whether the element behind a browser fact is (part of)
// a disabled control, whose contrast WCAG does not cover.
func (d *axDoc) axInactive(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if a11y.Disabled(x) || strings.EqualFold(attr(x, "aria-disabled"), "true") {
			return true
		}
		if x.Data == "label" {
			if c := d.labelled(x); c != nil && a11y.Disabled(c) {
				return true
			}
		}
	}
	return false
}

// labelled returns the control a label element labels, or nil.
func (d *axDoc) labelled(l *html.Node) *html.Node {
	if f, ok := a11y.Attr(l, "for"); ok {
		return d.ByID(f)
	}
	var found *html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.Data == "input" || c.Data == "select" || c.Data == "textarea") {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(l)
	return found
}

// axLargeText reports whether text is large in WCAG terms: at least 24 CSS
// px, or 18.66 px (14 pt) and bold.
func axLargeText(t snapshot.TextStyle) bool {
	return t.FontSizePx >= 23.95 || (t.FontSizePx >= 18.6 && t.FontWeight >= 700)
}

// colorContrast fails for visible text whose contrast with its background is
// below 4.5:1 (3:1 for large text). Colours are as seen: an opacity fades
// the text and its background. Text on a gradient fails when even its best
// contrast on the gradient's colours is too low, and needs review when only
// its worst is. Text shadows that wrap each letter closely (Halo) are what
// the letters stand out against: the text fails when it has too little
// contrast with them and they with the background. Text over a background
// image, or with another shadow that may help it, needs review.
func colorContrast(p *Page, params Params) Result {
	b := p.Snap.Browser
	if b == nil || len(b.Texts) == 0 {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	normal, large := params.Float("min_ratio", 4.5), params.Float("min_ratio_large", 3)
	var fails, review []Evidence
	disabledLabels := d.disabledLabelIDs()
	for _, t := range b.Texts {
		n := d.Resolve(t.Selector)
		if n != nil && (d.axInactive(n) || disabledLabels[attr(n, "id")] || axIconText(n, t.Text)) {
			continue
		}
		if !axHasWord(t.Text) || (!t.BackgroundImage && t.Ratio > 0 && t.Ratio < 1.01) {
			continue // symbols only, or text in the background colour (not visible)
		}
		need := normal
		if axLargeText(t) {
			need = large
		}
		msg := axContrastVerdict(t, need, n != nil && axInlineShadow(n))
		keep := msg == "review" && len(review) < axMaxEvidence || msg != "" && msg != "review" && len(fails) < axMaxEvidence
		if !keep {
			continue // the evidence is built only for what is kept
		}
		e := Evidence{Selector: t.Selector, Snippet: Shorten(t.Text, SnippetMax), Message: msg}
		if n != nil {
			e.Snippet = axSnippet(n)
		}
		e.Params = map[string]string{"ratio": axRatio(t.Ratio), "required": axRatio(need),
			"fg": axHex(t.Foreground), "bg": axHex(t.Background), "text": Shorten(strings.TrimSpace(t.Text), 60)}
		if t.Halo != nil {
			e.Params["ratio"], e.Params["bg"] = axRatio(axContrast(axOver(t.Foreground, *t.Halo), *t.Halo)), axHex(*t.Halo)
		}
		if msg == "review" {
			review = append(review, e)
		} else {
			fails = append(fails, e)
		}
	}
	if len(fails) > 0 {
		return Result{Outcome: Fail, Evidence: fails}
	}
	if len(review) > 0 {
		return Result{Outcome: NeedsReview, Evidence: review}
	}
	return Result{Outcome: Pass}
}

// axContrastVerdict says what text t, which needs contrast need, gets: ""
// when it passes, "review", or the message key of its failure ("fail", or
// "gradient" or "shadow" for what decided it). inlineShadow is true when
// the element or an ancestor sets a text shadow in its style attribute.
func axContrastVerdict(t snapshot.TextStyle, need float64, inlineShadow bool) string {
	if t.Halo != nil {
		fg := axOver(t.Foreground, *t.Halo)
		switch {
		case axContrast(fg, *t.Halo) >= need:
			return ""
		case axContrast(*t.Halo, t.Background) < need:
			return "shadow" // the letters do not stand out from the shadow, nor it from the background
		}
		return "review"
	}
	switch {
	case t.BackgroundImage || ((t.Shadow || inlineShadow) && t.Ratio < need):
		return "review"
	case t.RatioMin > 0 && t.Ratio < need:
		return "gradient"
	case t.RatioMin > 0 && t.RatioMin < need:
		return "review"
	case t.Ratio > 0 && t.Ratio < need:
		return "fail"
	}
	return ""
}

// axOver composites colour top over an opaque colour bottom.
func axOver(top, bottom snapshot.Colour) snapshot.Colour {
	ch := func(t, b uint8) uint8 { return uint8(math.Round(float64(t)*top.A + float64(b)*(1-top.A))) }
	return snapshot.Colour{R: ch(top.R, bottom.R), G: ch(top.G, bottom.G), B: ch(top.B, bottom.B), A: 1}
}

// axContrast is the WCAG contrast ratio of two opaque colours, rounded to
// two decimals as the page script does.
func axContrast(a, b snapshot.Colour) float64 {
	lum := func(c snapshot.Colour) float64 {
		f := func(v uint8) float64 {
			x := float64(v) / 255
			if x <= 0.04045 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*f(c.R) + 0.7152*f(c.G) + 0.0722*f(c.B)
	}
	l1, l2 := lum(a), lum(b)
	return math.Round((max(l1, l2)+0.05)/(min(l1, l2)+0.05)*100) / 100
}

// disabledLabelIDs returns the ids that disabled controls name with
// aria-labelledby: their text belongs to an inactive component.
func (d *axDoc) disabledLabelIDs() map[string]bool {
	out := map[string]bool{}
	for _, n := range d.Elems {
		if !a11y.Disabled(n) && !strings.EqualFold(attr(n, "aria-disabled"), "true") {
			continue
		}
		for _, id := range strings.Fields(attr(n, "aria-labelledby")) {
			out[id] = true
		}
	}
	return out
}

// axHasWord reports whether text reads as words: letters or digits make up
// at least a quarter of its visible characters. A run of symbols (----===),
// even with a stray letter from a wrongly decoded character (Â±), is not
// text in a human language.
func axHasWord(text string) bool {
	words, symbols := 0, 0
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			words++
		case !unicode.IsSpace(r):
			symbols++
		}
	}
	return words > 0 && 3*words >= symbols
}

// axIconText reports whether text is a single character inside an element
// named by aria-label (an icon such as "X" on a close button).
func axIconText(n *html.Node, text string) bool {
	if len([]rune(strings.TrimSpace(text))) != 1 {
		return false
	}
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if strings.TrimSpace(attr(x, "aria-label")) != "" {
			return true
		}
	}
	return false
}

// axInlineShadow reports whether n or an ancestor sets a text shadow in its
// inline style.
func axInlineShadow(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		st := strings.ToLower(attr(x, "style"))
		if strings.Contains(st, "text-shadow") && !strings.Contains(strings.ReplaceAll(st, " ", ""), "text-shadow:none") {
			return true
		}
	}
	return false
}

// axHex writes a colour as #rrggbb.
func axHex(c snapshot.Colour) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// nonTextContrast fails for form fields (text fields, selects, check boxes,
// radio buttons) with no visible edge at all: neither border nor background
// stands out from what is around them (contrast under no_edge_ratio, 1.1).
// A faint edge (under min_ratio, 3:1) needs review: whether the field can
// be told apart in another way is a judgement call. Buttons are left out:
// their text identifies them.
func nonTextContrast(p *Page, params Params) Result {
	b := p.Snap.Browser
	if b == nil {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	need := params.Float("min_ratio", 3)
	noEdge := params.Float("no_edge_ratio", 1.1)
	applicable := false
	var ev, review []Evidence
	for _, c := range b.Controls {
		n := d.Resolve(c.Selector)
		if n == nil || !axIsField(n) || d.axInactive(n) {
			continue
		}
		applicable = true
		if c.Ratio >= need {
			continue
		}
		e := d.ev(n, "fail", "ratio", axRatio(c.Ratio), "required", axRatio(need))
		e.Selector = c.Selector
		switch {
		case c.Ratio < noEdge && axUADrawn(n):
			// Check boxes and radio buttons the browser draws itself report
			// no border in their style: their look is the browser's.
		case c.Ratio < noEdge && len(ev) < axMaxEvidence:
			ev = append(ev, e)
		case c.Ratio >= noEdge && len(review) < axMaxEvidence:
			e.Message = "review"
			review = append(review, e)
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return VerdictOrReview(ev, review)
}

// axUADrawn reports whether n is a check box or radio button, which the
// browser draws with its own (exempt) look unless the author restyles it.
func axUADrawn(n *html.Node) bool {
	t := a11y.InputType(n)
	return n.Data == "input" && (t == "checkbox" || t == "radio")
}

// axIsField reports whether n is a form field whose boundary shows where to
// type or click (not a button).
func axIsField(n *html.Node) bool {
	switch n.Data {
	case "select", "textarea":
		return true
	case "input":
		switch a11y.InputType(n) {
		case "button", "submit", "reset", "image", "hidden", "range", "color", "file":
			return false
		}
		return true
	}
	return false
}

// axExempt2D are elements whose content may scroll in two dimensions at 320
// px (WCAG 1.4.10 exception): tables, code, maps, media, diagrams.
var axExempt2D = map[string]bool{"table": true, "pre": true, "code": true, "img": true, "video": true, "canvas": true,
	"svg": true, "iframe": true, "map": true, "object": true, "embed": true, "math": true}

// reflow fails when content is wider than a 320 CSS px viewport, so that
// users who zoom in must scroll sideways to read. Wide tables, code, images
// and maps are allowed.
func reflow(p *Page, params Params) Result {
	b := p.Snap.Browser
	if b == nil || b.Reflow.ViewportWidth == 0 {
		return Result{Outcome: NotEvaluated}
	}
	if !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	d := newAXDoc(p)
	slack := int(params.Float("tolerance_px", 5))
	r := b.Reflow
	if !r.Overflows || r.ScrollWidth <= r.ViewportWidth+slack {
		return Result{Outcome: Pass}
	}
	var ev []Evidence
	exempt := 0
	for i, s := range r.Offenders {
		n := d.Resolve(s)
		if n != nil && (axIn2D(n) || d.skipLink(n)) { // skip links sit off screen until focused
			exempt++
			continue
		}
		e := Evidence{Selector: s, Message: "offender", Params: map[string]string{"width": strconv.Itoa(r.ScrollWidth), "viewport": strconv.Itoa(r.ViewportWidth)}}
		if i < len(r.OffenderWidths) {
			e.Message, e.Params["element_width"] = "offender_width", strconv.Itoa(r.OffenderWidths[i])
		}
		if n != nil {
			e.Snippet = axSnippet(n)
		}
		if len(ev) < axMaxEvidence {
			ev = append(ev, e)
		}
	}
	if len(ev) == 0 && exempt > 0 {
		return Result{Outcome: Pass}
	}
	if len(ev) == 0 { // wider, but no element to point at: a human must look
		return Result{Outcome: NeedsReview, Evidence: []Evidence{d.topEvidence("body", "review",
			"width", strconv.Itoa(r.ScrollWidth), "viewport", strconv.Itoa(r.ViewportWidth))}}
	}
	return Verdict(ev)
}

// axIn2D reports whether n is or lies in content allowed to scroll in two
// dimensions.
func axIn2D(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if axExempt2D[x.Data] || x.Namespace == "svg" {
			return true
		}
	}
	return false
}

// focusVisible fails for elements in the Tab order that show no change when
// they get keyboard focus. When a script runs on focus (onfocus), the focus
// may be shown elsewhere: that needs review.
func focusVisible(p *Page, _ Params) Result {
	b := p.Snap.Browser
	if b == nil {
		return Result{Outcome: NotEvaluated}
	}
	d := newAXDoc(p)
	applicable := false
	var ev, review []Evidence
	for _, f := range b.Focusables {
		if f.Hidden || f.FocusVisible == nil {
			continue
		}
		applicable = true
		if *f.FocusVisible {
			continue
		}
		e := Evidence{Selector: f.Selector, Message: "fail"}
		n := d.Resolve(f.Selector)
		if n != nil {
			e.Snippet = axSnippet(n)
		}
		// A script that runs on focus may show the focus elsewhere (an
		// indicator next to the element): a human must look.
		if n != nil && (a11y.Has(n, "onfocus") || a11y.Has(n, "onfocusin")) {
			e.Message = "review"
			if len(review) < axMaxEvidence {
				review = append(review, e)
			}
			continue
		}
		if len(ev) < axMaxEvidence {
			ev = append(ev, e)
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return VerdictOrReview(ev, review)
}

// targetSize fails for targets smaller than min_px (24) CSS px both in width
// and height, or thinner than thin_px (16) either way, that are too close to
// other targets. Links inside a sentence, skip links (shown at full size on
// focus) and check boxes and radio buttons the browser draws at its own
// size are exempt.
func targetSize(p *Page, params Params) Result {
	b := p.Snap.Browser
	if b == nil {
		return Result{Outcome: NotEvaluated}
	}
	d := newAXDoc(p)
	minPx := params.Float("min_px", 24)
	thinPx := params.Float("thin_px", 16)
	applicable := false
	var ev []Evidence
	for _, t := range b.Targets {
		if t.Width <= 0 || t.Height <= 0 || t.Inline {
			continue
		}
		n := d.Resolve(t.Selector)
		if n != nil && (axUASized(n) || d.axInactive(n) || axInSentence(n) || d.skipLink(n)) {
			continue
		}
		applicable = true
		// A text link a little under 24 px high in a list is a borderline
		// case; fail targets small both ways (icons) or clearly thin ones.
		small := (t.Width < minPx && t.Height < minPx) || t.Width < thinPx || t.Height < thinPx
		if small && !t.Spaced && len(ev) < axMaxEvidence {
			e := Evidence{Selector: t.Selector, Message: "fail", Params: map[string]string{
				"w": strconv.FormatFloat(t.Width, 'f', -1, 64), "h": strconv.FormatFloat(t.Height, 'f', -1, 64),
				"min": strconv.FormatFloat(minPx, 'f', -1, 64)}}
			if n != nil {
				e.Snippet = axSnippet(n)
			}
			ev = append(ev, e)
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// skipLink reports whether n is a link to a place on the same page that
// comes before the main content (a skip link, often shown only on focus).
func (d *axDoc) skipLink(n *html.Node) bool {
	h := strings.TrimSpace(attr(n, "href"))
	if n.Data != "a" || len(h) < 2 || h[0] != '#' {
		return false
	}
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "main" || attr(x, "role") == "main" {
			return false
		}
	}
	for _, e := range d.Elems {
		if e == n {
			return true
		}
		if e.Data == "main" || attr(e, "role") == "main" {
			return false
		}
	}
	return false
}

// axUASized reports whether n is a control the browser sizes itself (check
// boxes, radio buttons, without author styling): exempt from 2.5.8.
func axUASized(n *html.Node) bool {
	if n.Data != "input" || a11y.Has(n, "style") || a11y.Has(n, "class") {
		return false
	}
	t := a11y.InputType(n)
	return t == "checkbox" || t == "radio"
}

// axInSentence reports whether link n sits in running text: its parent holds
// words of its own next to it.
func axInSentence(n *html.Node) bool {
	if n.Data != "a" || n.Parent == nil {
		return false
	}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && len(strings.Fields(c.Data)) >= 2 {
			return true
		}
	}
	return false
}

// axFragmentSeconds returns the playing time a media fragment (#t=a,b) in
// src allows, or -1.
func axFragmentSeconds(src string) float64 {
	u, err := url.Parse(src)
	if err != nil || u.Fragment == "" {
		return -1
	}
	q, err := url.ParseQuery(u.Fragment)
	if err != nil {
		return -1
	}
	a, b, ok := strings.Cut(strings.TrimPrefix(q.Get("t"), "npt:"), ",")
	if !ok {
		return -1
	}
	start, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
	end, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
	if err1 != nil || err2 != nil || end < start {
		return -1
	}
	return end - start
}

// axMediaSeconds returns the shortest fragment length of a media element's
// sources, or -1 when none limits playing.
func axMediaSeconds(n *html.Node) float64 {
	best := -1.0
	consider := func(src string) {
		if s := axFragmentSeconds(src); s >= 0 && (best < 0 || s > best) {
			best = s
		}
	}
	consider(attr(n, "src"))
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "source" {
			consider(attr(c, "src"))
		}
	}
	return best
}

// nearbyButton reports whether a button sits next to media element n (in
// its parent or grandparent): a custom control to pause it may exist. Only
// buttons people can use count: shown, exposed to assistive technology and
// with a name.
func (d *axDoc) nearbyButton(n *html.Node) bool {
	for up, x := 0, n.Parent; up < 2 && x != nil && x.Type == html.ElementNode; up, x = up+1, x.Parent {
		var found bool
		var walk func(y *html.Node)
		walk = func(y *html.Node) {
			for c := y.FirstChild; c != nil && !found; c = c.NextSibling {
				if c.Type == html.ElementNode && (c.Data == "button" || attr(c, "role") == "button") &&
					d.Exposed(c) && strings.TrimSpace(d.Name(c)) != "" {
					found = true
				}
				walk(c)
			}
		}
		walk(x)
		if found {
			return true
		}
	}
	return false
}

// mediaAutoplay fails for audio or video that starts playing by itself with
// sound for more than max_seconds (3) and has no controls to stop it.
// Without browser facts it reads the autoplay, muted and controls
// attributes.
func mediaAutoplay(p *Page, params Params) Result {
	d := newAXDoc(p)
	limit := params.Float("max_seconds", 3)
	facts := map[string]snapshot.Media{}
	if b := p.Snap.Browser; b != nil {
		for _, m := range b.Media {
			facts[m.Selector] = m
		}
	}
	applicable := false
	var fails, review []Evidence
	for _, n := range d.Elems {
		if (n.Data != "audio" && n.Data != "video") || !a11y.Has(n, "autoplay") || a11y.Has(n, "muted") || a11y.Hidden(n) {
			continue
		}
		sel := d.Sel(n)
		m, measured := facts[sel]
		if measured && (m.Muted || !m.Playing || (m.HasAudio != nil && !*m.HasAudio)) {
			continue
		}
		secs := axMediaSeconds(n)
		if secs < 0 && measured && m.Seconds > 0 {
			secs = m.Seconds
		}
		applicable = true
		if secs >= 0 && secs <= limit {
			continue
		}
		if a11y.Has(n, "controls") {
			continue
		}
		e := d.ev(n, "fail")
		if d.nearbyButton(n) {
			e.Message = "review"
			review = append(review, e)
			continue
		}
		fails = append(fails, e)
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return VerdictOrReview(fails, review)
}

// videoCaptions fails for videos with sound that have no captions or
// subtitles track. Without browser facts a video without a track needs
// review: it may be silent or have captions in the picture.
func videoCaptions(p *Page, _ Params) Result {
	d := newAXDoc(p)
	facts := map[string]snapshot.Media{}
	if b := p.Snap.Browser; b != nil {
		for _, m := range b.Media {
			facts[m.Selector] = m
		}
	}
	applicable := false
	var fails, review []Evidence
	for _, n := range d.Elems {
		if n.Data != "video" || a11y.Hidden(n) || a11y.AriaHidden(n) {
			continue
		}
		m, measured := facts[d.Sel(n)]
		if measured && m.HasAudio != nil && !*m.HasAudio {
			continue
		}
		applicable = true
		if axHasCaptionTrack(n) {
			continue
		}
		if measured && m.HasAudio != nil && *m.HasAudio {
			fails = append(fails, d.ev(n, "fail"))
			continue
		}
		review = append(review, d.ev(n, "review"))
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return VerdictOrReview(fails, review)
}

// axHasCaptionTrack reports whether video n has a captions or subtitles
// track.
func axHasCaptionTrack(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "track" {
			k := strings.ToLower(strings.TrimSpace(attr(c, "kind")))
			if k == "captions" || k == "subtitles" || k == "" {
				return true
			}
		}
	}
	return false
}
