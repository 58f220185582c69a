package checks

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/checks/internal/rx"

	"golang.org/x/net/html"
)

// linkInTextBlock fails for links inside a run of text that only their
// colour sets apart, with a contrast under min_ratio (3:1) between the
// link's colour and the text's (WCAG 1.4.1, technique G183): someone who
// does not see the colour difference does not find the link. An underline,
// a border, another weight or style, a background or an image in the
// link's normal state is a cue; one that shows only on hover or focus is
// not. Pages without links in text are inapplicable.
func linkInTextBlock(p *Page, params Params) Result {
	b := p.Snap.Browser
	if b == nil {
		return Result{Outcome: NotEvaluated}
	}
	minRatio := params.Float("min_ratio", 3)
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, l := range b.TextLinks {
		n := d.Resolve(l.Selector)
		if n != nil && !d.Exposed(n) {
			continue
		}
		applicable = true
		if l.Cue || l.Ratio >= minRatio || len(ev) >= axMaxEvidence {
			continue
		}
		e := Evidence{Selector: l.Selector, Message: "fail",
			Params: map[string]string{"ratio": fmt.Sprintf("%.1f", l.Ratio), "min": fmtNum(minRatio)}}
		if n != nil {
			e.Snippet = axSnippet(n)
		}
		ev = append(ev, e)
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// linkGroup is a set of links that belong together (a menu, a footer): the
// links of the nearest element that holds at least three links. It holds
// no node of its page: a site's groups are compared across all its pages,
// which need not all stay in memory (see StoredPages).
type linkGroup struct {
	page *Page
	// links holds the group's links by normalised target.
	links map[string]groupLink
	// key is the same for groups with the same links (targets, counts and
	// names as compared; a sha256, as every page's groups are kept): such
	// groups are the same component with nothing named otherwise, and
	// comparing them costs no walk over their links.
	key [sha256.Size]byte
}

// groupLink is what a group keeps of its links to one target: how many
// there are, and the first one's accessible name (as is and collapsed) and
// position among the page's elements (axDoc.Elems), for evidence.
type groupLink struct {
	count       int
	name, shown groupName
	elem        int
}

// newGroupLink is the groupLink of a link named name, elem-th element.
func newGroupLink(name string, elem int) groupLink {
	l := groupLink{name: newGroupName(name), elem: elem}
	l.shown = l.name
	if shown := a11y.Collapse(name); shown != name {
		l.shown = newGroupName(shown)
	}
	return l
}

// groupName is a link's name with the two forms that sameLinkName compares,
// worked out once: groups are compared across every pair of pages.
type groupName struct{ text, norm, bare string }

func newGroupName(s string) groupName {
	return groupName{s, normLinkText(s), normLinkText(bracketed.ReplaceAllString(s, ""))}
}

// same is sameLinkName(n.text, o.text).
func (n groupName) same(o groupName) bool {
	return n.norm == o.norm || n.bare != "" && n.bare == o.bare
}

// linkGroupsOf splits the links of page p into groups.
func linkGroupsOf(p *Page) []*linkGroup {
	d := newAXDoc(p)
	base, _ := url.Parse(p.URL())
	count := map[*html.Node]int{}
	ls := links(d)
	for _, l := range ls {
		for x := l.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
			count[x]++
		}
	}
	pos := make(map[*html.Node]int, len(ls))
	for i, e := range d.Elems {
		pos[e] = i
	}
	groups := map[*html.Node]*linkGroup{}
	var out []*linkGroup
	for _, l := range ls {
		t := normTarget(base, attr(l, "href"))
		if t == "" {
			continue
		}
		var box *html.Node
		for x := l.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
			if count[x] >= 3 {
				box = x
				break
			}
		}
		if box == nil || box.Data == "body" || box.Data == "html" {
			continue
		}
		g := groups[box]
		if g == nil {
			g = &linkGroup{page: p, links: map[string]groupLink{}}
			groups[box] = g
			out = append(out, g)
		}
		gl, ok := g.links[t]
		if !ok {
			gl = newGroupLink(d.Name(l), pos[l])
		}
		gl.count++
		g.links[t] = gl
	}
	for _, g := range out {
		g.key = groupKey(g.links)
	}
	return out
}

// groupKey is linkGroup.key of links.
func groupKey(links map[string]groupLink) [sha256.Size]byte {
	targets := slices.Sorted(maps.Keys(links))
	var b strings.Builder
	for _, t := range targets {
		l := links[t]
		for _, part := range []string{t, strconv.Itoa(l.count), l.name.norm, l.name.bare, l.shown.norm, l.shown.bare} {
			b.WriteString(part)
			b.WriteByte(0)
		}
		b.WriteByte(1)
	}
	return sha256.Sum256([]byte(b.String()))
}

// sameGroup reports whether two link groups are the same component on two
// pages: at least three targets and 60% of all their targets in common, and
// most of those (60%) named alike. A list of the same pages under other
// names (a table of contents next to a news list) is another component.
func sameGroup(a, b *linkGroup) bool {
	common, alike := 0, 0
	for t, l := range a.links {
		other, ok := b.links[t]
		if !ok {
			continue
		}
		common++
		if l.name.same(other.name) {
			alike++
		}
	}
	all := len(a.links) + len(b.links) - common
	return common >= 3 && float64(common) >= 0.6*float64(all) && float64(alike) >= 0.6*float64(common)
}

// bracketed matches a part of a name in brackets, such as "(current)".
var bracketed = rx.MustCompile(`\s*[(\[][^)\]]*[)\]]`)

// sameLinkName reports whether two link names identify the same thing: equal
// once normalised and without parts in brackets ("Contact" and "Contact
// (current)": a mark of the current page is no other name).
func sameLinkName(a, b string) bool {
	if normLinkText(a) == normLinkText(b) {
		return true
	}
	x, y := normLinkText(bracketed.ReplaceAllString(a, "")), normLinkText(bracketed.ReplaceAllString(b, ""))
	return x != "" && x == y
}

// consistentIdentification is the site-wide check of WCAG 3.2.4: in the
// same component on two pages in the same language (a menu or footer with
// mostly the same links), a link to the same page has the same name, and
// an icon (an image in a link or button with the same address) has the
// same text alternative. It fails for each link or icon named otherwise
// than on an earlier page, once per name.
func consistentIdentification(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	type pageGroups struct {
		lang   string
		groups []*linkGroup
	}
	var all []pageGroups
	for _, p := range pages {
		if len(pages) < 2 {
			break // one page: no groups to compare
		}
		all = append(all, pageGroups{lang: strings.ToLower(langOf(p)), groups: linkGroupsOf(p)})
	}
	applicable := false
	var ev []Evidence
	reported := map[string]bool{}
	for i := range all {
		for j := 0; j < i; j++ {
			if all[i].lang != all[j].lang || all[i].groups == nil || all[j].groups == nil {
				continue
			}
			for _, g := range all[i].groups {
				for _, h := range all[j].groups {
					if g.page == h.page {
						continue
					}
					if g.key == h.key { // the same links: sameGroup when three or more, and no name differs
						applicable = applicable || len(g.links) >= 3
						continue
					}
					if !sameGroup(g, h) {
						continue
					}
					applicable = true
					ev = append(ev, groupDifferences(g, h, reported)...)
				}
			}
		}
	}
	icons, iconEv := iconDifferences(pages, reported)
	applicable = applicable || icons
	ev = append(ev, iconEv...)
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	if len(ev) > axMaxEvidence {
		ev = ev[:axMaxEvidence]
	}
	if len(ev) == 0 {
		return Result{Outcome: Pass}
	}
	return Result{Outcome: Fail, Evidence: ev}
}

// langOf is a page's declared language, primary subtag.
func langOf(p *Page) string {
	lang, _ := find(p.Doc(), "html").First().Attr("lang")
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	return strings.TrimSpace(lang)
}

// groupDifferences lists the links of g whose name differs from the name
// of the link to the same target in h (an earlier page).
func groupDifferences(g, h *linkGroup, reported map[string]bool) []Evidence {
	var ev []Evidence
	for t, l := range g.links {
		other, ok := h.links[t]
		if !ok || l.count != 1 || other.count != 1 {
			continue // a target linked twice in one menu: its names may differ on purpose
		}
		a, b := l.shown, other.shown
		if a.text == "" || b.text == "" || a.same(b) {
			continue
		}
		key, ref := "link "+t+" "+a.norm, "link "+t+" "+b.norm
		if reported[key] {
			continue
		}
		reported[key], reported[ref] = true, true // the earlier name is the reference: never report it
		d := newAXDoc(g.page)
		e := d.ev(d.Elems[l.elem], "link", "name", Shorten(a.text, 60), "other", Shorten(b.text, 60), "page", h.page.URL())
		e.URL = g.page.URL()
		ev = append(ev, e)
	}
	return ev
}

// iconDifferences compares the text alternatives of images inside links and
// buttons that have the same address on pages in the same language.
func iconDifferences(pages []*Page, reported map[string]bool) (bool, []Evidence) {
	type seen struct {
		alt  string
		page *Page
	}
	first := map[string]seen{}
	counts := map[string]int{}
	var ev []Evidence
	for _, p := range pages {
		d := newAXDoc(p)
		base, _ := url.Parse(p.URL())
		lang := strings.ToLower(langOf(p))
		for _, n := range d.Elems {
			if n.Data != "img" || !d.Exposed(n) || !inControl(n) {
				continue
			}
			alt, ok := a11y.Attr(n, "alt")
			alt = a11y.Collapse(alt)
			if !ok || alt == "" {
				continue
			}
			src := normTarget(base, attr(n, "src"))
			if src == "" {
				continue
			}
			k := lang + " " + src
			counts[k]++
			f, ok := first[k]
			if !ok {
				first[k] = seen{alt, p}
				continue
			}
			if f.page == p || sameLinkName(f.alt, alt) || reported["icon "+k+" "+alt] {
				continue
			}
			reported["icon "+k+" "+alt] = true
			e := d.ev(n, "icon", "name", Shorten(alt, 60), "other", Shorten(f.alt, 60), "page", f.page.URL())
			e.URL = p.URL()
			ev = append(ev, e)
		}
	}
	for _, c := range counts {
		if c > 1 {
			return true, ev
		}
	}
	return len(ev) > 0, ev
}

// inControl reports whether n is inside a link or a button.
func inControl(n *html.Node) bool {
	for x := n.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if (x.Data == "a" && a11y.Has(x, "href")) || x.Data == "button" {
			return true
		}
	}
	return false
}
