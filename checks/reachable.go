package checks

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"
	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
)

// reachableChecks are the checks of the "reachable" criterion: the site
// works on any device and over any connection.
func reachableChecks() []Check {
	return []Check{
		{ID: "viewport-responsive", Messages: []string{"fixed", "missing"}, Page: rchViewport},
		{ID: "horizontal-scroll", Messages: []string{"fail", "fail_width", "page"}, Review: true, WCAG: []string{"1.4.10"}, Needs: []Fact{FactStyles, FactReflow},
			Page: rchHorizontalScroll},
		{ID: "page-weight", Messages: []string{"fail", "largest"}, Needs: []Fact{FactNetwork},
			Params: Params{"max_kb": 1500}, Page: rchPageWeight},
		{ID: "request-count", Messages: []string{"fail"}, Needs: []Fact{FactNetwork},
			Params: Params{"max_requests": 60}, Page: rchRequestCount},
		{ID: "image-oversized", Messages: []string{"fail"}, Needs: []Fact{FactStyles},
			Params: Params{"factor": 4, "density": 2, "min_pixels": 100000}, Page: rchImageOversized},
		{ID: "slow-load", Messages: []string{"fail"}, Needs: []Fact{FactBrowser},
			Params: Params{"max_seconds": 10, "latency_ms": 150, "down_kbps": 1600, "up_kbps": 750}, Page: rchSlowLoad, Throttle: SlowProfile},
		{ID: "content-without-js", Messages: []string{"fail"}, Needs: []Fact{FactBrowser},
			Params: Params{"min_share": 0.5, "min_words": 50}, Page: rchContentWithoutJS},
		{ID: "min-font-size", Messages: []string{"fail", "page"}, Needs: []Fact{FactStyles},
			Params: Params{"min_px": 12}, Page: rchMinFontSize},
		{ID: "app-only", Messages: []string{"badges", "phrase"}, Params: Params{"badge_page_words": 25}, Page: rchAppOnly},
	}
}

// rchViewport fails pages without a responsive viewport meta: one whose
// width is device-width (or that sets only initial-scale=1, which phones
// treat the same). Without it phones show the desktop page zoomed out.
// Fragments (no head or body tag) and empty redirect pages are
// inapplicable.
func rchViewport(p *Page, _ Params) Result {
	if !simPageApplies(p) || !simWholePage(p) {
		return Result{Outcome: Inapplicable}
	}
	doc := p.Doc()
	var content string
	found := false
	find(doc, "meta[name]").Each(func(_ int, s *goquery.Selection) {
		if strings.EqualFold(strings.TrimSpace(s.AttrOr("name", "")), "viewport") {
			content, found = s.AttrOr("content", ""), true
		}
	})
	if !found {
		head := find(doc, "head").First()
		if head.Length() == 0 {
			head = find(doc, "html").First()
		}
		return Verdict([]Evidence{startTag(head, "missing")})
	}
	kv := rchViewportValues(content)
	scale, err := strconv.ParseFloat(kv["initial-scale"], 64)
	if kv["width"] == "device-width" || (kv["width"] == "" && err == nil && scale == 1) {
		return Result{Outcome: Pass}
	}
	var meta *goquery.Selection
	find(doc, "meta[name]").Each(func(_ int, s *goquery.Selection) {
		if strings.EqualFold(strings.TrimSpace(s.AttrOr("name", "")), "viewport") {
			meta = s
		}
	})
	return Verdict([]Evidence{EvidenceFor(meta, "fixed", "content", content)})
}

// rchViewportValues parses "width=device-width, initial-scale=1" into
// lower-case keys and values.
func rchViewportValues(content string) map[string]string {
	kv := map[string]string{}
	for _, part := range strings.FieldsFunc(content, func(r rune) bool { return r == ',' || r == ';' }) {
		k, v, _ := strings.Cut(part, "=")
		kv[strings.ToLower(strings.TrimSpace(k))] = strings.ToLower(strings.TrimSpace(v))
	}
	return kv
}

// rchTwoDimensional are elements WCAG 1.4.10 lets scroll in two directions
// (data tables, code, maps, drawings): when only they overflow, a person
// decides.
var rchTwoDimensional = simSet("table pre code canvas map iframe video")

// rchHorizontalScroll fails pages that scroll sideways at 320 CSS px wide
// (a small phone, or a page zoomed to 400%), naming the elements that are
// too wide. When only tables, code or maps are too wide it needs review.
func rchHorizontalScroll(p *Page, _ Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	if p.Snap.Browser == nil || p.Snap.Browser.Reflow.ViewportWidth == 0 {
		return Result{Outcome: NotEvaluated}
	}
	r := p.Snap.Browser.Reflow
	if !r.Overflows && r.ScrollWidth <= r.ViewportWidth {
		return Result{Outcome: Pass}
	}
	kv := []string{"width", strconv.Itoa(r.ScrollWidth), "viewport", strconv.Itoa(r.ViewportWidth)}
	if len(r.Offenders) == 0 {
		return Verdict([]Evidence{{Message: "page", Params: evParams(kv...)}})
	}
	doc := p.Doc()
	var ev []Evidence
	twoD := 0
	for i, sel := range r.Offenders {
		s := simFind(doc, sel)
		if s.Length() > 0 && rchOffscreenName.MatchString(text.IdentWords(s.AttrOr("class", ""))) {
			continue // hidden off-screen on purpose (skip links, screen reader text)
		}
		e := Evidence{Selector: sel, Message: "fail", Params: evParams(kv...)}
		if i < len(r.OffenderWidths) {
			e.Message, e.Params["element_width"] = "fail_width", strconv.Itoa(r.OffenderWidths[i])
		}
		if s.Length() > 0 {
			e.Snippet = startTag(s, "").Snippet
			if rchTwoDimensional[s.Get(0).Data] || s.Closest("table, pre").Length() > 0 {
				twoD++
			}
		}
		ev = append(ev, e)
	}
	if len(ev) == 0 {
		return Verdict([]Evidence{{Message: "page", Params: evParams(kv...)}})
	}
	if twoD == len(ev) {
		return Result{Outcome: NeedsReview, Evidence: ev}
	}
	return Verdict(ev)
}

// rchOffscreenName matches classes of text hidden off-screen on purpose,
// which sticks out of the viewport without making the page scroll.
var rchOffscreenName = rx.MustCompile(`\b(sr only|visually hidden|screen reader text|screenreader|skip\w*|wb inv|element invisible|offscreen|off screen|hidden visually|a11y hidden)\b`)

// rchKB formats bytes as whole kilobytes (1 kB = 1000 bytes).
func rchKB(b int64) string { return strconv.FormatInt((b+500)/1000, 10) }

// rchLargestShown is how many of the largest requests a failure names.
const rchLargestShown = 3

// rchPageWeight fails pages whose transferred bytes (all requests made
// while loading) exceed max_kb, and names the largest requests.
func rchPageWeight(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	if p.Snap.Browser == nil || len(p.Snap.Browser.Requests) == 0 {
		return Result{Outcome: NotEvaluated}
	}
	limit := params.Float("max_kb", 1500)
	reqs := append([]snapshot.Request(nil), p.Snap.Browser.Requests...)
	var total int64
	for _, r := range reqs {
		total += r.Bytes
	}
	if float64(total) <= limit*1000 {
		return Result{Outcome: Pass}
	}
	ev := []Evidence{{Message: "fail", Params: evParams("kb", rchKB(total), "max", strconv.Itoa(int(limit)))}}
	sort.SliceStable(reqs, func(i, j int) bool { return reqs[i].Bytes > reqs[j].Bytes })
	for i := 0; i < len(reqs) && i < rchLargestShown && reqs[i].Bytes > 0; i++ {
		ev = append(ev, Evidence{Message: "largest", Params: evParams("url", Shorten(reqs[i].URL, 120), "kb", rchKB(reqs[i].Bytes))})
	}
	return Verdict(ev)
}

// rchRequestCount fails pages that make more than max_requests requests
// while loading; each costs a round trip on a slow mobile connection.
func rchRequestCount(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	if p.Snap.Browser == nil || len(p.Snap.Browser.Requests) == 0 {
		return Result{Outcome: NotEvaluated}
	}
	limit := int(params.Float("max_requests", 60))
	reqs := p.Snap.Browser.Requests
	if len(reqs) <= limit {
		return Result{Outcome: Pass}
	}
	hosts := map[string]bool{}
	third := 0
	for _, r := range reqs {
		hosts[r.Host] = true
		if r.ThirdParty {
			third++
		}
	}
	return Verdict([]Evidence{{Message: "fail", Params: evParams("count", strconv.Itoa(len(reqs)),
		"max", strconv.Itoa(limit), "hosts", strconv.Itoa(len(hosts)), "third_party", strconv.Itoa(third))}})
}

// rchImageOversized fails images whose file has many more pixels than the
// screen needs: more than factor times the shown area at density device
// pixels per CSS pixel. Small files (under min_pixels) and SVG are left out.
func rchImageOversized(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	if p.Snap.Browser == nil {
		return Result{Outcome: NotEvaluated}
	}
	factor := params.Float("factor", 4)
	density := params.Float("density", 2)
	minPx := params.Float("min_pixels", 100000)
	doc := p.Doc()
	shown := 0
	var ev []Evidence
	for _, im := range p.Snap.Browser.Images {
		if im.ShownWidth <= 0 || im.ShownHeight <= 0 || im.NaturalWidth <= 0 || im.NaturalHeight <= 0 || rchIsSVG(im.Src) {
			continue
		}
		shown++
		natural := float64(im.NaturalWidth) * float64(im.NaturalHeight)
		needed := im.ShownWidth * im.ShownHeight * density * density
		if natural < minPx || natural <= factor*needed {
			continue
		}
		e := Evidence{Selector: im.Selector, Message: "fail", Params: evParams(
			"natural", strconv.Itoa(im.NaturalWidth)+"×"+strconv.Itoa(im.NaturalHeight),
			"shown", strconv.Itoa(int(im.ShownWidth+0.5))+"×"+strconv.Itoa(int(im.ShownHeight+0.5)),
			"times", strconv.Itoa(int(natural/(im.ShownWidth*im.ShownHeight)+0.5)))}
		if s := simFind(doc, im.Selector); s.Length() > 0 {
			e.Snippet = Snippet(s)
		} else {
			e.Snippet = Shorten(`<img src="`+im.Src+`">`, SnippetMax)
		}
		ev = append(ev, e)
	}
	if shown == 0 {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// rchIsSVG reports whether an image address is an SVG file, which has no
// fixed number of pixels.
func rchIsSVG(src string) bool {
	s := strings.ToLower(src)
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	return strings.HasSuffix(s, ".svg") || strings.HasPrefix(s, "data:image/svg")
}

// rchSlowLoad fails a start page that takes longer than max_seconds to load
// over the emulated slow mobile connection. Other pages are inapplicable;
// a start page without the measurement is not evaluated.
func rchSlowLoad(p *Page, params Params) Result {
	if !p.Start || !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	if p.Snap.Browser == nil || p.Snap.Browser.SlowLoadMs <= 0 {
		return Result{Outcome: NotEvaluated}
	}
	limit := params.Float("max_seconds", 10)
	secs := p.Snap.Browser.SlowLoadMs / 1000
	if secs <= limit {
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{{Message: "fail", Params: evParams(
		"seconds", strconv.FormatFloat(secs, 'f', 1, 64), "max", strconv.FormatFloat(limit, 'f', -1, 64))}})
}

// SlowProfile returns the emulated slow connection under which the crawler
// measures the start page's load time (BrowserFacts.SlowLoadMs), from the
// slow-load check's parameters (latency_ms, down_kbps, up_kbps, merged over
// the defaults in its declaration: a slow 4G connection of 1.6 Mbit/s down,
// 750 kbit/s up and 150 ms latency, as Lighthouse emulates a phone).
func SlowProfile(p Params) *snapshot.SlowProfile {
	return &snapshot.SlowProfile{
		Latency: time.Duration(p.Float("latency_ms", 0) * float64(time.Millisecond)),
		Down:    p.Float("down_kbps", 0) * 1000 / 8,
		Up:      p.Float("up_kbps", 0) * 1000 / 8,
	}
}

// rchMinFontSize fails visible text smaller than min_px CSS pixels.
func rchMinFontSize(p *Page, params Params) Result {
	if !simPageApplies(p) {
		return Result{Outcome: Inapplicable}
	}
	b := p.Snap.Browser
	if b == nil {
		return Result{Outcome: NotEvaluated}
	}
	floor := params.Float("min_px", 12)
	size := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	if len(b.Texts) == 0 {
		switch {
		case b.MinFontSizePx < rchHiddenFontPx:
			return Result{Outcome: Inapplicable}
		case b.MinFontSizePx < floor:
			return Verdict([]Evidence{{Message: "page", Params: evParams("size", size(b.MinFontSizePx), "min", size(floor))}})
		}
		return Result{Outcome: Pass}
	}
	doc := p.Doc()
	seen := map[string]bool{}
	var ev []Evidence
	for _, t := range b.Texts {
		if t.FontSizePx < rchHiddenFontPx || t.FontSizePx >= floor || seen[t.Selector] || rchLetters(t.Text) < 2 {
			continue
		}
		seen[t.Selector] = true
		e := Evidence{Selector: t.Selector, Message: "fail", Params: evParams(
			"size", size(t.FontSizePx), "min", size(floor), "text", Shorten(t.Text, 60))}
		if s := simFind(doc, t.Selector); s.Length() > 0 {
			e.Snippet = Snippet(s)
		}
		ev = append(ev, e)
	}
	return Verdict(ev)
}

// rchHiddenFontPx is the size below which text is a trick to hide it
// (font-size: 0 or 1px), not text meant to be read.
const rchHiddenFontPx = 4

// rchLetters counts the letters in s.
func rchLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
