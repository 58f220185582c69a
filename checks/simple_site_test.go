package checks

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"path"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/PuerkitoBio/goquery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// everyNavConsistentNav is consistent-navigation as it compared each menu
// of the start page with every menu of a page, nested ones too: the
// reference for the comparison with a page's outermost menus only.
func everyNavConsistentNav(pages []*Page) Result {
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
			continue
		}
		navs := simNavs(p, false)
		reported := map[*goquery.Selection]bool{}
		for _, rn := range refNavs {
			var best simNav
			common := map[string]bool{}
			for _, n := range navs {
				c := map[string]bool{}
				for _, l := range n.links {
					for _, r := range rn.links {
						if l == r {
							c[l] = true
						}
					}
				}
				if len(c) > len(common) {
					best, common = n, c
				}
			}
			if len(common) < simMinNavLinks {
				continue
			}
			compared = true
			var x, y []string
			for _, l := range rn.links {
				if common[l] {
					x = append(x, l)
				}
			}
			for _, l := range best.links {
				if common[l] {
					y = append(y, l)
				}
			}
			if strings.Join(x, " ") != strings.Join(y, " ") && !reported[best.sel] {
				reported[best.sel] = true
				e := startTag(best.sel, "fail", "reference", ref.URL())
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

// randomNavPage writes a page of menus, some nested in others, some in the
// footer, hidden or marked as breadcrumbs, with links to a few pages in
// the site's order, now and then another.
func randomNavPage(r *rand.Rand, i int) *Page {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="nl"><head><title>%d</title></head><body>`, i)
	var nav func(depth int)
	nav = func(depth int) {
		attrs := []string{"", "", ` aria-label="Kruimelpad"`, ` hidden`}[r.IntN(4)]
		fmt.Fprintf(&b, `<nav%s><ul>`, attrs)
		first := r.IntN(6)
		for k := range 2 + r.IntN(5) {
			target := first + k // the site's order, now and then another link
			if r.IntN(25) == 0 {
				target = r.IntN(9)
			}
			fmt.Fprintf(&b, `<li><a href="/p/%d">P</a>`, target)
			if depth < 3 && r.IntN(4) == 0 {
				nav(depth + 1)
			}
			b.WriteString(`</li>`)
		}
		b.WriteString(`</ul></nav>`)
	}
	for range 1 + r.IntN(3) {
		nav(0)
	}
	if r.IntN(3) == 0 {
		b.WriteString(`<footer>`)
		nav(0)
		b.WriteString(`</footer>`)
	}
	b.WriteString(`</body></html>`)
	u := fmt.Sprintf("https://example.be/%d", i)
	return NewPage(&snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", HTML: b.String()}, i == 0)
}

func TestConsistentNavigationComparesOutermostMenus(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 32))
	outcomes := map[Outcome]int{}
	for k := range 3000 {
		var pages []*Page
		for i := range 2 + r.IntN(4) {
			pages = append(pages, randomNavPage(r, i))
		}
		got := simConsistentNav(pages, nil)
		require.Equal(t, everyNavConsistentNav(pages), got, "site %d", k)
		outcomes[got.Outcome]++
	}
	t.Logf("outcomes: %v", outcomes)
}

func TestConsistentNavigationBounds(t *testing.T) {
	// Past 64 menus, or 10,000 links in menus, a page's menus are not
	// compared: the first are.
	page := func(i, navs, links int, order func(k, n int) int) *Page {
		var b strings.Builder
		fmt.Fprintf(&b, `<!doctype html><html lang="nl"><head><title>%d</title></head><body>`, i)
		for range navs {
			b.WriteString(`<nav>`)
			for k := range links {
				fmt.Fprintf(&b, `<a href="/p/%d">P</a>`, order(k, links))
			}
			b.WriteString(`</nav>`)
		}
		u := fmt.Sprintf("https://example.be/%d", i)
		return NewPage(&snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", HTML: b.String() + `</body></html>`}, i == 0)
	}
	same := func(k, _ int) int { return k }
	reversed := func(k, n int) int { return n - 1 - k }
	cases := []struct {
		name  string
		pages []*Page
		want  Outcome
	}{
		{"same order", []*Page{page(0, 2, 5, same), page(1, 2, 5, same)}, Pass},
		{"other order", []*Page{page(0, 2, 5, same), page(1, 2, 5, reversed)}, Fail},
		{"many menus, same order", []*Page{page(0, 500, 5, same), page(1, 500, 5, same)}, Pass},
		{"many menus, other order", []*Page{page(0, 500, 5, same), page(1, 500, 5, reversed)}, Fail},
		{"many links, other order", []*Page{page(0, 3, 20_000, same), page(1, 3, 20_000, reversed)}, Fail},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, simConsistentNav(tc.pages, nil).Outcome)
		})
	}
}

func TestSimSitePageAsURLParse(t *testing.T) {
	// The plain addresses simSitePage reads without url.Parse give what
	// url.Parse and String give.
	base, _ := url.Parse("https://example.be/a/b")
	r := rand.New(rand.NewPCG(7, 7))
	parts := []string{"/", "a", "B", "0", ".", "..", "-", "_", "~", "%20", "%2F", "?", "q=1", "#", "x", ":", "8080", "@",
		"[", "]", " ", "é", "index.html", "file.PDF", "//", "http://", "https://", "EXAMPLE.be", "example.be", "mailto:"}
	slow := func(l, host string) (string, bool) {
		u, err := url.Parse(l)
		if err != nil || !strings.EqualFold(u.Host, host) || simFileExt[strings.ToLower(path.Ext(u.Path))] {
			return "", false
		}
		u.RawQuery = ""
		return u.String(), true
	}
	plain := 0
	for range 50_000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		for _, l := range []string{b.String(), simNormURL(base, b.String()), "https://example.be" + b.String()} {
			if _, _, ok := simPlainURL(l); ok {
				plain++
			}
			for _, host := range []string{"example.be", "other.be:8080", "x"} {
				gotPage, gotOK := simSitePage(l, host)
				wantPage, wantOK := slow(l, host)
				require.Equal(t, wantOK, gotOK, "%q on %s", l, host)
				require.Equal(t, wantPage, gotPage, "%q on %s", l, host)
			}
		}
	}
	t.Logf("plain addresses: %d", plain)
}
