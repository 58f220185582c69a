package checks

import (
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/rx"
	"github.com/didi-index/didi/checks/internal/text"

	"github.com/PuerkitoBio/goquery"
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

// simNavs lists the navigation blocks of a page that may be its main menu:
// nav elements and role=navigation, outside footers and asides, that are not
// breadcrumbs or pagination, with at least simMinNavLinks links.
func simNavs(p *Page) []simNav {
	base, err := url.Parse(p.URL())
	if err != nil {
		return nil
	}
	var out []simNav
	find(p.Doc(), `nav, [role=navigation]`).Each(func(_ int, s *goquery.Selection) {
		if s.Closest("footer, aside, [role=contentinfo], [role=complementary]").Length() > 0 || simHidden(s) {
			return
		}
		names := text.Fold(s.AttrOr("aria-label", "")+" "+s.AttrOr("id", "")+" "+s.AttrOr("class", "")) +
			" " + text.IdentWords(s.AttrOr("id", "")+" "+s.AttrOr("class", ""))
		if simNotMainNav.MatchString(names) {
			return
		}
		links := simLinkTargets(base, s)
		if len(links) >= simMinNavLinks {
			out = append(out, simNav{sel: s, links: links})
		}
	})
	return out
}

// simLinkTargets lists the distinct pages linked from sel, in order, as
// normalised absolute URLs without fragments.
func simLinkTargets(base *url.URL, sel *goquery.Selection) []string {
	var links []string
	as := sel.Find("a[href]")
	seen := make(map[string]bool, as.Length())
	as.Each(func(_ int, a *goquery.Selection) {
		u := simNormURL(base, a.AttrOr("href", ""))
		if u != "" && !seen[u] {
			seen[u] = true
			links = append(links, u)
		}
	})
	return links
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
		if navs := simNavs(p); len(navs) > 0 {
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
		navs := simNavs(p)
		reported := map[*goquery.Selection]bool{}
		for _, rn := range refNavs {
			nav, common := simBestNav(navs, rn.links)
			if len(common) < simMinNavLinks {
				continue
			}
			compared = true
			if !simSameOrder(rn.links, nav.links, common) && !reported[nav.sel] {
				reported[nav.sel] = true
				e := startTag(nav.sel, "fail", "reference", ref.URL())
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

// simBestNav picks the nav sharing most links with ref, and those links.
func simBestNav(navs []simNav, ref []string) (simNav, map[string]bool) {
	var best simNav
	var bestCommon map[string]bool
	for _, n := range navs {
		common := map[string]bool{}
		in := map[string]bool{}
		for _, l := range ref {
			in[l] = true
		}
		for _, l := range n.links {
			if in[l] {
				common[l] = true
			}
		}
		if len(common) > len(bestCommon) {
			best, bestCommon = n, common
		}
	}
	return best, bestCommon
}

// simSameOrder reports whether the links in common appear in the same
// relative order in a and b.
func simSameOrder(a, b []string, common map[string]bool) bool {
	var x, y []string
	for _, l := range a {
		if common[l] {
			x = append(x, l)
		}
	}
	for _, l := range b {
		if common[l] {
			y = append(y, l)
		}
	}
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
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
	find(doc, `a[href], button, [role=button]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if u, err := url.Parse(s.AttrOr("href", "")); err == nil && s.Is("a") && simSearchPath.MatchString(u.Path) {
			found = true
		}
		for _, t := range []string{simSelText(s), s.AttrOr("aria-label", ""), s.AttrOr("title", "")} {
			if simSearchName.MatchString(simCoreLabel(text.Fold(t))) {
				found = true
			}
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
		for _, l := range simLinkTargets(base, p.Doc().Selection) {
			u, err := url.Parse(l)
			if err != nil || !strings.EqualFold(u.Host, base.Host) || simFileExt[strings.ToLower(path.Ext(u.Path))] {
				continue
			}
			u.RawQuery = "" // ?page=2 or ?date=... is the same page
			seen[u.String()] = true
		}
	}
	return len(seen)
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
