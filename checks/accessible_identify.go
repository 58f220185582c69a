package checks

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"maps"
	"math"
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

// groupName is a link's name with the two forms that same compares, worked
// out once: a name is compared with those of many pages.
type groupName struct{ text, norm, bare string }

func newGroupName(s string) groupName {
	return groupName{s, normLinkText(s), normLinkText(bracketed.ReplaceAllString(s, ""))}
}

// same reports whether two link names identify the same thing: equal once
// normalised, or without parts in brackets ("Contact" and "Contact
// (current)": a mark of the current page is no other name).
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
	return out
}

// groupKey is the same for groups with the same links (targets, counts and
// names as compared; a sha256, as every distinct group is kept): the same
// component with nothing named otherwise, compared once.
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
	return common >= minCommonLinks && float64(common) >= shareCommon*float64(all) && float64(alike) >= shareCommon*float64(common)
}

// Two groups are the same component when they share at least
// minCommonLinks targets and shareCommon of all their targets, and name
// shareCommon of those the same (sameGroup; sameGroupCommon relies on it).
const (
	minCommonLinks = 3
	shareCommon    = 0.6
)

// bracketed matches a part of a name in brackets, such as "(current)".
var bracketed = rx.MustCompile(`\s*[(\[][^)\]]*[)\]]`)

// consistentIdentification is the site-wide check of WCAG 3.2.4: in the
// same component on two pages in the same language (a menu or footer with
// mostly the same links), a link to the same page has the same name, and
// an icon (an image in a link or button with the same address) has the
// same text alternative. It fails for each link or icon named otherwise
// than on an earlier page, once per name.
//
// The groups of a page are compared with the earlier ones that can be the
// same component, not with those of every earlier page: see siteGroups.
func consistentIdentification(pages []*Page, _ Params) Result {
	pages = htmlPages(pages)
	var site []pageGroups
	for _, p := range pages {
		if len(pages) < 2 {
			break // one page: no groups to compare
		}
		site = append(site, pageGroups{lang: strings.ToLower(langOf(p)), groups: linkGroupsOf(p)})
	}
	applicable := false
	var ev []Evidence
	reported := map[string]bool{}
	sg := newSiteGroups(site)
	for i := range site {
		diffs, shared := sg.next(i)
		applicable = applicable || shared
		for _, d := range diffs {
			a, b := d.link.shown, d.ref.g.links[d.target].shown
			key, ref := "link "+d.target+" "+a.norm, "link "+d.target+" "+b.norm
			if reported[key] {
				continue
			}
			reported[key], reported[ref] = true, true // the earlier name is the reference: never report it
			p := site[i].groups[d.group].page
			ax := newAXDoc(p)
			e := ax.ev(ax.Elems[d.link.elem], "link", "name", Shorten(a.text, 60), "other", Shorten(b.text, 60), "page", d.ref.g.page.URL())
			e.URL = p.URL()
			ev = append(ev, e)
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

// pageGroups are a page's link groups and its language.
type pageGroups struct {
	lang   string
	groups []*linkGroup
}

// siteGroups finds, page after page, the groups of earlier pages that are
// the same component as a page's groups (sameGroup), as a comparison of
// every pair of pages would, without comparing every pair: a site with
// other menus on each of its 3,000 pages took minutes that way.
//
// Each distinct group (the same links with the same names on many pages
// are one) is kept with the place it first occurred, and found through
// the rarest of its targets that any group like it must share at least one
// of (its prefix): a group is compared only with the earlier groups that
// share a target of its prefix with theirs. A group like another shares
// at least c of its n targets (sameGroupCommon), so the first of their
// common targets, in one order of all targets (rarest first), is among the
// first n-c+1 of each. A menu's links are on every page and come last; a
// list of links of its own shares no rare target with another.
type siteGroups struct {
	site  []pageGroups
	order func(a, b string) int // rarest target first
	langs map[string]*langGroups
}

// langGroups are the distinct groups of the pages of one language, in the
// order they first occurred, and their places by the targets of their
// prefixes.
type langGroups struct {
	seen     []seenGroup
	keys     map[[sha256.Size]byte]bool
	byTarget map[string][]int
}

// seenGroup is a distinct group and where it first occurred: its page (by
// place in the site) and its place among the page's groups.
type seenGroup struct {
	g             *linkGroup
	pageAt, group int
}

// maxCompared bounds the earlier groups a group is compared with (and the
// groups kept by one target): the first that share a rare target with it.
// A real site has a few distinct menus per language, so the bound changes
// nothing there; a site with thousands of distinct menus that share their
// rarest links costs a bounded number of comparisons per group instead of
// the square of its pages.
const maxCompared = 64

func newSiteGroups(site []pageGroups) *siteGroups {
	freq := map[string]int{}
	for _, pg := range site {
		for _, g := range pg.groups {
			for t := range g.links {
				freq[t]++
			}
		}
	}
	return &siteGroups{site: site, langs: map[string]*langGroups{},
		order: func(a, b string) int { return cmp.Or(cmp.Compare(freq[a], freq[b]), strings.Compare(a, b)) }}
}

// linkDiff is a link of a page's group named otherwise than the link to the
// same target of ref, an earlier group of the same component.
type linkDiff struct {
	group  int // on its page
	target string
	link   groupLink
	ref    seenGroup
}

// next compares the groups of page i with those of the earlier pages in its
// language. It returns the page's links named otherwise than in an earlier
// group of the same component (the earliest such), in the order a
// comparison of every pair of pages finds them (earlier pages first, then
// the page's groups, then the earlier page's groups, then the links in
// the page's order), and whether a group of the page is the same component
// as one of an earlier page.
func (sg *siteGroups) next(i int) (diffs []linkDiff, shared bool) {
	pg := sg.site[i]
	lg := sg.langs[pg.lang]
	if lg == nil {
		lg = &langGroups{keys: map[[sha256.Size]byte]bool{}, byTarget: map[string][]int{}}
		sg.langs[pg.lang] = lg
	}
	prefixes := make([][]string, len(pg.groups))
	for gi, g := range pg.groups {
		prefixes[gi] = sg.prefix(g)
		like := lg.like(g, prefixes[gi])
		shared = shared || len(like) > 0
		for _, t := range byPosition(g) {
			l := g.links[t]
			if l.count != 1 || l.shown.text == "" {
				continue // a target linked twice in one menu: its names may differ on purpose
			}
			for _, h := range like {
				if o, ok := h.g.links[t]; ok && o.count == 1 && o.shown.text != "" && !l.shown.same(o.shown) {
					diffs = append(diffs, linkDiff{group: gi, target: t, link: l, ref: h})
					break
				}
			}
		}
	}
	slices.SortStableFunc(diffs, func(a, b linkDiff) int {
		return cmp.Or(cmp.Compare(a.ref.pageAt, b.ref.pageAt), cmp.Compare(a.group, b.group), cmp.Compare(a.ref.group, b.ref.group))
	})
	for gi, g := range pg.groups {
		if key := groupKey(g.links); prefixes[gi] != nil && !lg.keys[key] {
			lg.keys[key] = true
			for _, t := range prefixes[gi] {
				if len(lg.byTarget[t]) < maxCompared {
					lg.byTarget[t] = append(lg.byTarget[t], len(lg.seen))
				}
			}
			lg.seen = append(lg.seen, seenGroup{g: g, pageAt: i, group: gi})
		}
	}
	return diffs, shared
}

// like returns the earlier distinct groups that are the same component as
// g (at most maxCompared are compared), in the order they first occurred.
func (lg *langGroups) like(g *linkGroup, prefix []string) []seenGroup {
	var ids []int
	for _, t := range prefix {
		ids = append(ids, lg.byTarget[t]...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var out []seenGroup
	for _, id := range ids[:min(len(ids), maxCompared)] {
		if h := lg.seen[id]; sameGroup(g, h.g) {
			out = append(out, h)
		}
	}
	return out
}

// prefix returns the targets of g, rarest first, at least one of which any
// group like g shares: the first n-c+1 of its n targets, where c is the
// fewest it must share (sameGroupCommon); nil for a group too small to be
// like another.
func (sg *siteGroups) prefix(g *linkGroup) []string {
	n := len(g.links)
	if n < 3 {
		return nil
	}
	targets := slices.SortedFunc(maps.Keys(g.links), sg.order)
	return targets[:n-sameGroupCommon(n)+1]
}

// sameGroupCommon is the fewest targets a group of n targets shares with
// any group sameGroup finds like it: three, and 60% of n (of the union of
// both, which holds at least n).
func sameGroupCommon(n int) int {
	c := int(math.Ceil(shareCommon * float64(n)))
	for c > 0 && float64(c-1) >= shareCommon*float64(n) {
		c--
	}
	for float64(c) < shareCommon*float64(n) {
		c++
	}
	return max(c, minCommonLinks)
}

// byPosition returns the targets of g in the order of their first links on
// the page.
func byPosition(g *linkGroup) []string {
	return slices.SortedFunc(maps.Keys(g.links), func(a, b string) int { return cmp.Compare(g.links[a].elem, g.links[b].elem) })
}

// langOf is a page's declared language, primary subtag.
func langOf(p *Page) string {
	lang, _ := find(p.Doc(), "html").First().Attr("lang")
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	return strings.TrimSpace(lang)
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
			if f.page == p || newGroupName(f.alt).same(newGroupName(alt)) || reported["icon "+k+" "+alt] {
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
