package checks

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// simNav is a navigation block and the pages it links to, in order.
type simNav struct {
	sel   *goquery.Selection
	links []string
}

// simNotMainNav matches labels, ids and classes of navigation blocks that
// are not the site's main menu: breadcrumbs, pagination, skip links.
var simNotMainNav = rx.MustCompile(`\b(breadcrumbs?|kruimelpad|kruimel\w*|broodkruimel\w*|fil d'ariane|ariane|brotkrumel\w*|brotkrumelnavigation|pagination|paginering|pager|pages|seitennavigation|skip|skiplinks?)\b`)

// simMinNavLinks is the fewest links a menu needs to be compared.
const simMinNavLinks = 3

// simMaxNavs and simMaxNavLinks bound the navigation blocks of a page that
// are compared: the first 64, as long as they hold fewer than 10,000 links
// together. Each menu of the start page is compared with another page's,
// so a page of thousands of menus, or of menus nested in each other, would
// cost the square of its size (4,000 menus took 5 s a page). A real page
// has a few menus of at most a few hundred links.
const (
	simMaxNavs     = 64
	simMaxNavLinks = 10_000
)

// simNavs lists the navigation blocks of a page that may be its main menu:
// nav elements and role=navigation, outside footers and asides, that are not
// breadcrumbs or pagination, with at least simMinNavLinks links; the first
// of them (simMaxNavs). With outermost, it leaves out those inside another
// one: that one has all their links and comes first, so it is the menu
// that shares most links with any other (simNavIndex.best).
func simNavs(p *Page, outermost bool) []simNav {
	var out []simNav
	total := 0
	find(p.Doc(), `nav, [role=navigation]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if outermost && len(out) > 0 && simContains(out[len(out)-1].sel.Get(0), s.Get(0)) {
			return true
		}
		if s.Closest("footer, aside, [role=contentinfo], [role=complementary]").Length() > 0 || simHidden(s) {
			return true
		}
		names := text.Fold(s.AttrOr("aria-label", "")+" "+s.AttrOr("id", "")+" "+s.AttrOr("class", "")) +
			" " + text.IdentWords(s.AttrOr("id", "")+" "+s.AttrOr("class", ""))
		if simNotMainNav.MatchString(names) {
			return true
		}
		links := simLinkTargets(p, s)
		if len(links) >= simMinNavLinks {
			out = append(out, simNav{sel: s, links: links})
			total += len(links)
		}
		return len(out) < simMaxNavs && total < simMaxNavLinks
	})
	return out
}

// simLinkTargets lists the distinct pages linked from sel, on page p, in
// order, as normalised absolute URLs without fragments.
func simLinkTargets(p *Page, sel *goquery.Selection) []string {
	targets := simTargets(p)
	var links []string
	as := sel.Find("a[href]")
	seen := make(map[string]bool, as.Length())
	for _, a := range as.Nodes {
		if u := targets[a]; u != "" && !seen[u] {
			seen[u] = true
			links = append(links, u)
		}
	}
	return links
}

// simTargets maps the links (a[href]) of page p to their targets
// (simNormURL), worked out once per page: nested menus share their links.
func simTargets(p *Page) map[*html.Node]string {
	return pageMemo(p, "simTargets", func() map[*html.Node]string {
		out := map[*html.Node]string{}
		base, err := url.Parse(p.URL())
		if err != nil {
			return out
		}
		for _, a := range find(p.Doc(), "a[href]").Nodes {
			out[a] = simNormURL(base, attr(a, "href"))
		}
		return out
	})
}

// simNormURL resolves href against base and normalises it as normTarget
// does (lower-case host, no fragment, no trailing slash or index file);
// "" for non-web links and bare anchors.
func simNormURL(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	ref, err := url.Parse(href)
	if err != nil {
		return ""
	}
	u := base.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	return normTarget(nil, u.String()) // "/" and "/index.html" are one page
}

// simConsistentNav compares the menus of each page with the start page's
// (WCAG 3.2.3): it fails on pages whose menu lists the same links in
// another order. Each menu of the start page is compared with the menu of
// the other page that shares most links with it; menus that share fewer
// than three links (another language, a section menu) are not compared.
func simConsistentNav(pages []*Page, _ Params) Result {
	var ref *Page
	var refNavs []simNav
	for _, p := range pages {
		if navs := simNavs(p, false); len(navs) > 0 {
			ref, refNavs = p, navs
			break
		}
	}
	if ref == nil {
		return Result{Outcome: Inapplicable}
	}
	compared := false
	var ev []Evidence
	self := normTarget(nil, ref.URL())
	for _, p := range pages {
		if p == ref || normTarget(nil, p.URL()) == self {
			continue // never compare a page with itself, under another address
		}
		navs := newSimNavIndex(simNavs(p, true))
		reported := map[int]bool{}
		for _, rn := range refNavs {
			best, sameOrder := navs.best(rn.links)
			if best < 0 {
				continue
			}
			compared = true
			if !sameOrder && !reported[best] {
				reported[best] = true
				e := startTag(navs.navs[best].sel, "fail", "reference", ref.URL())
				e.URL = p.URL()
				ev = append(ev, e)
			}
		}
	}
	if !compared {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// simNavIndex holds the menus of a page by their links: where each link is
// in each menu that has it.
type simNavIndex struct {
	navs []simNav
	at   map[string][]simNavAt
}

// simNavAt is a link's menu and place in it.
type simNavAt struct{ nav, pos int }

func newSimNavIndex(navs []simNav) *simNavIndex {
	ix := &simNavIndex{navs: navs, at: map[string][]simNavAt{}}
	for i, n := range navs {
		for pos, l := range n.links {
			ix.at[l] = append(ix.at[l], simNavAt{i, pos})
		}
	}
	return ix
}

// best returns the first menu sharing most links with ref (-1 when it
// shares fewer than simMinNavLinks), and whether the links they share come
// in the same order in both. It costs the links of ref and where they are,
// not the links of every menu.
func (ix *simNavIndex) best(ref []string) (int, bool) {
	common := make([]int, len(ix.navs))
	for _, l := range ref {
		for _, a := range ix.at[l] {
			common[a.nav]++
		}
	}
	best := -1
	for i, c := range common {
		if c >= simMinNavLinks && (best < 0 || c > common[best]) {
			best = i
		}
	}
	if best < 0 {
		return -1, false
	}
	last := -1
	for _, l := range ref { // the shared links, in ref's order, must come in the menu's order
		for _, a := range ix.at[l] {
			if a.nav == best {
				if a.pos < last {
					return best, false
				}
				last = a.pos
			}
		}
	}
	return best, true
}

// simSearchPath matches the address of a search page or search form action.
var simSearchPath = rx.MustCompile(`(?i)(^|/|\?|&)(search|zoek|zoeken|zoekresultaten|recherche|rechercher|resultats|suche|suchen|suchergebnisse)(/|\.|\?|=|$)`)

// simSearchName matches the whole folded text or label of a search link or
// button.
var simSearchName = rx.MustCompile(`^(zoek|zoeken|zoek op de site|zoeken op de site|doorzoek de site|rechercher|recherche|rechercher sur le site|suche|suchen|auf der seite suchen|website durchsuchen|search|search the site|search this site|site search)$`)

// simSearchInput matches field names of search boxes.
var simSearchInput = rx.MustCompile(`^(q|query|s|search|zoek|zoekterm|zoekopdracht|keyword|keywords|recherche|suche|suchbegriff|term|searchterm|search term)$`)

// simHasSearch reports whether the page offers a site search: a search
// landmark, a search field, an OpenSearch link, a form sending to a search
// page, or a link or button to search.
func simHasSearch(p *Page) bool {
	doc := p.Doc()
	if find(doc, `[role=search], search, input[type=search], link[rel~=search]`).Length() > 0 {
		return true
	}
	found := false
	find(doc, "form").EachWithBreak(func(_ int, f *goquery.Selection) bool {
		if simSearchPath.MatchString(f.AttrOr("action", "")) {
			found = true
		}
		f.Find("input").Each(func(_ int, in *goquery.Selection) {
			if simSearchInput.MatchString(text.IdentWords(in.AttrOr("name", ""))) {
				found = true
			}
		})
		return !found
	})
	if found {
		return true
	}
	named := map[string]bool{} // by text: link texts repeat
	find(doc, `a[href], button, [role=button]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		// Without a %, the path is a part of the href: an href without the
		// literals of simSearchPath has no path that matches.
		if href := attr(n, "href"); n.Data == "a" && (strings.Contains(href, "%") || simSearchPath.MayMatch(href)) {
			if u, err := url.Parse(href); err == nil && simSearchPath.MatchString(u.Path) {
				found = true
			}
		}
		for _, t := range []string{simSelText(s), attr(n, "aria-label"), attr(n, "title")} {
			is, ok := named[t]
			if !ok {
				is = simSearchName.MatchString(simCoreLabel(text.Fold(t)))
				named[t] = is
			}
			found = found || is
		}
		return !found
	})
	return found
}

// simFileExt are links to files, not pages.
var simFileExt = simSet(".pdf .doc .docx .xls .xlsx .ppt .pptx .odt .ods .zip .jpg .jpeg .png .gif .svg .webp .mp3 .mp4 .csv .xml .ics")

// simSiteSize estimates the number of pages of the site: the pages scanned
// and the distinct pages on the same host they link to (query strings
// ignored, files such as PDFs left out).
func simSiteSize(pages []*Page) int {
	seen := map[string]bool{}
	for _, p := range pages {
		base, err := url.Parse(p.URL())
		if err != nil {
			continue
		}
		if self, err := url.Parse(simNormURL(base, p.URL())); err == nil {
			self.RawQuery = ""
			seen[self.String()] = true
		}
		for _, l := range simLinkTargets(p, p.Doc().Selection) {
			if page, ok := simSitePage(l, base.Host); ok {
				seen[page] = true
			}
		}
	}
	return len(seen)
}

// simSitePage returns the page that link target l (a simNormURL) is, when it
// is one on host: the address without its query (?page=2 or ?date=... is
// the same page), not a file.
func simSitePage(l, host string) (string, bool) {
	if h, p, ok := simPlainURL(l); ok { // the answer of url.Parse and String, without them
		if !strings.EqualFold(h, host) || simFileExt[strings.ToLower(path.Ext(p))] {
			return "", false
		}
		return l, true
	}
	u, err := url.Parse(l)
	if err != nil || !strings.EqualFold(u.Host, host) || simFileExt[strings.ToLower(path.Ext(u.Path))] {
		return "", false
	}
	u.RawQuery = ""
	return u.String(), true
}

// simPlainURL splits an address made of http(s)://, a host of lower-case
// letters, digits, dots and hyphens with a port of digits, and a path of
// unreserved characters and slashes into its host and path; url.Parse reads
// such an address so, and String writes it back as it was.
func simPlainURL(l string) (host, path string, ok bool) {
	rest, found := strings.CutPrefix(l, "https://")
	if !found {
		if rest, found = strings.CutPrefix(l, "http://"); !found {
			return "", "", false
		}
	}
	host, path = rest, ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		host, path = rest[:i], rest[i:]
	}
	if host == "" {
		return "", "", false
	}
	name, port, _ := strings.Cut(host, ":")
	for i := 0; i < len(name); i++ {
		if c := name[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-') {
			return "", "", false
		}
	}
	for i := 0; i < len(port); i++ {
		if c := port[i]; c < '0' || c > '9' {
			return "", "", false
		}
	}
	for i := 0; i < len(path); i++ {
		if c := path[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/", c) >= 0) {
			return "", "", false
		}
	}
	return host, path, true
}

// simSiteSearch fails a site with more than min_pages pages (scanned or
// linked) where no page offers a search.
func simSiteSearch(pages []*Page, params Params) Result {
	floor := int(params.Float("min_pages", 20))
	var htmlPages []*Page
	for _, p := range pages {
		if simPageApplies(p) {
			htmlPages = append(htmlPages, p)
		}
	}
	size := simSiteSize(htmlPages)
	if size <= floor {
		return Result{Outcome: Inapplicable}
	}
	for _, p := range htmlPages {
		if simHasSearch(p) {
			return Result{Outcome: Pass}
		}
	}
	return Verdict([]Evidence{{Message: "fail", Params: map[string]string{
		"pages": strconv.Itoa(size), "min": strconv.Itoa(floor)}}})
}
