package checks

import (
	"sort"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// labelKey folds a visible label for comparing: lower case, without the
// marks of required fields and trailing colons.
func labelKey(s string) string {
	return strings.Trim(strings.ToLower(a11y.Collapse(s)), " *:")
}

// legendOf is the name of the nearest fieldset (or group) around n, "" when
// there is none.
func (d *axDoc) legendOf(n *html.Node) string {
	if g := d.choiceGroupOf(n); g != nil {
		return d.Name(g)
	}
	return ""
}

// distinctLabels checks WCAG 2.4.6 on labels and headings. Two or more
// fields of one form with the same visible label, in no group or section
// that tells them apart (fieldsets with different legends, or different
// headings before them), fail; when their
// accessible names differ (only a screen reader tells them apart) they need
// review. Headings of the same level with the same text under the same
// parent heading need review: the sections may be the same, or their
// headings say too little.
func distinctLabels(p *Page, _ Params) Result {
	d := newAXDoc(p)
	type field struct {
		n      *html.Node
		legend string
		name   string
	}
	byForm := map[*html.Node]map[string][]field{}
	applicable := false
	heading := "" // the text of the last heading before n: its context
	for _, n := range d.Elems {
		if _, ok := a11y.IsHeadingTag(n.Data); (ok || a11y.BaseRole(d.Role(n)) == "heading") && !a11y.Hidden(n) {
			heading = a11y.Collapse(a11y.VisibleText(n, a11y.TextOpts{}))
		}
		if !labelledField(n) || !d.Exposed(n) {
			continue
		}
		l := labelKey(d.visibleLabelOf(n, nil))
		if l == "" {
			continue
		}
		applicable = true
		form := formOf(n)
		if byForm[form] == nil {
			byForm[form] = map[string][]field{}
		}
		byForm[form][l] = append(byForm[form][l], field{n, d.legendOf(n) + "\n" + heading, a11y.Collapse(d.Name(n))})
	}
	var ev, review []Evidence
	for _, labels := range byForm {
		for label, fs := range labels {
			if len(fs) < 2 {
				continue
			}
			legends, names := map[string]bool{}, map[string]bool{}
			for _, f := range fs {
				legends[f.legend] = true
				names[labelKey(f.name)] = true
			}
			if len(legends) == len(fs) {
				continue // each in its own group or under its own heading: "Naam" under "Aanvrager" and under "Partner"
			}
			e := d.ev(fs[1].n, "field", "label", Shorten(label, 60), "count", strconv.Itoa(len(fs)))
			if len(names) == len(fs) {
				e.Message = "field_review"
				review = append(review, e)
				continue
			}
			ev = append(ev, e)
		}
	}
	type hk struct {
		parent *html.Node
		level  int
		text   string
	}
	seen := map[hk]int{}
	var stack []axHeading
	hs := d.headings()
	for _, h := range hs {
		for len(stack) > 0 && stack[len(stack)-1].level >= h.level {
			stack = stack[:len(stack)-1]
		}
		var parent *html.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1].node
		}
		stack = append(stack, h)
		text := strings.ToLower(a11y.Collapse(d.Name(h.node)))
		if text == "" {
			continue
		}
		applicable = true
		k := hk{parent, h.level, text}
		seen[k]++
		if seen[k] == 2 && len(review) < axMaxEvidence {
			review = append(review, d.ev(h.node, "heading", "text", Shorten(a11y.Collapse(d.Name(h.node)), 60)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	sortEvidence(ev)
	sortEvidence(review)
	return VerdictOrReview(ev, review)
}

// sortEvidence orders evidence by selector, for results that do not depend
// on map order.
func sortEvidence(ev []Evidence) {
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].Selector < ev[j].Selector })
}

// fauxHeadingMaxWords is the most words a line styled as a heading has.
const fauxHeadingMaxWords = 10

// fauxHeadings finds text styled as a heading that is no heading (WCAG
// 1.3.1): a short paragraph or div standing alone before a block of text,
// all in bold (b or strong), or, with the browser's styles, in a font at
// least 1.2 times the size of the page's body text and bold, or 1.5 times.
// A screen reader user who jumps from heading to heading does not find
// it. It says needs_review (it may be a lead-in or a quote), and fails
// when the page has two or more such lines and not one real heading.
func fauxHeadings(p *Page, _ Params) Result {
	d := newAXDoc(p)
	styles := map[string]fauxStyle{}
	body := 0.0
	if b := p.Snap.Browser; b != nil {
		var sizes []float64
		for _, t := range b.Texts {
			styles[t.Selector] = fauxStyle{t.FontSizePx, t.FontWeight}
			if len(strings.Fields(t.Text)) >= 8 {
				sizes = append(sizes, t.FontSizePx)
			}
		}
		if len(sizes) > 0 {
			sort.Float64s(sizes)
			body = sizes[len(sizes)/2]
		}
	}
	applicable := false
	var review []Evidence
	for _, n := range d.Elems {
		if (n.Data != "p" && n.Data != "div") || !d.Exposed(n) || axHasRole(n) || fauxExcluded(n) {
			continue
		}
		text := a11y.VisibleText(n, a11y.TextOpts{})
		words := len(strings.Fields(text))
		if words == 0 || (n.Data == "div" && axHasBlockChild(n)) {
			continue
		}
		applicable = true
		if words > fauxHeadingMaxWords || strings.ContainsAny(text[len(text)-1:], ".,;:!?…") || !followedByBlock(n) {
			continue
		}
		bold := allBold(n)
		if st, ok := styles[d.Sel(n)]; ok && body > 0 {
			bold = bold || (st.size >= 1.2*body && st.weight >= 600) || st.size >= 1.5*body
		}
		if bold && len(review) < axMaxEvidence {
			review = append(review, d.ev(n, "review", "text", Shorten(text, 60)))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	if len(review) >= 2 && len(d.headings()) == 0 {
		for i := range review {
			review[i].Message = "fail"
		}
		return Verdict(review) // sections that look titled, and not one heading
	}
	return VerdictOrReview(nil, review)
}

// fauxStyle is the font of a text element.
type fauxStyle struct {
	size   float64
	weight int
}

// axHasRole reports whether n has a role attribute.
func axHasRole(n *html.Node) bool { _, ok := a11y.ExplicitRole(n); return ok }

// fauxExcluded reports whether n is inside something that is not running
// content: a heading, a control, a link, a list, a table, a label, or the
// page's navigation, header or footer.
func fauxExcluded(n *html.Node) bool {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		switch x.Data {
		case "h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "legend", "li", "td", "th", "caption",
			"nav", "header", "footer", "figcaption", "blockquote", "dt", "dd", "summary", "form", "aside":
			return true
		}
		if r, ok := a11y.ExplicitRole(x); ok && r != "main" && r != "region" && r != "article" && r != "document" {
			return true
		}
	}
	return false
}

// axHasBlockChild reports whether n has a block element child.
func axHasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && a11y.BlockTag[c.Data] {
			return true
		}
	}
	return false
}

// followedByBlock reports whether the next element after n is a paragraph,
// list or table, or a div with a sentence of text.
func followedByBlock(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
		if s.Type != html.ElementNode {
			continue
		}
		switch s.Data {
		case "p", "ul", "ol", "dl", "table":
			return len(strings.Fields(a11y.VisibleText(s, a11y.TextOpts{}))) >= 5
		case "div":
			return len(strings.Fields(a11y.VisibleText(s, a11y.TextOpts{}))) >= 8
		}
		return false
	}
	return false
}

// allBold reports whether all of n's text is inside one b or strong.
func allBold(n *html.Node) bool {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		case c.Type == html.ElementNode && (c.Data == "b" || c.Data == "strong") && only == nil:
			only = c
		default:
			return false
		}
	}
	return only != nil
}
