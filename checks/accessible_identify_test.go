package checks

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pairwiseIdentification is consistent-identification as it compared every
// pair of pages (and every pair of their groups): the reference that the
// components found in one pass must agree with on sites like real ones.
// The links of a group are taken in document order.
func pairwiseIdentification(pages []*Page) Result {
	pages = htmlPages(pages)
	var site []pageGroups
	for _, p := range pages {
		if len(pages) >= 2 {
			site = append(site, pageGroups{lang: strings.ToLower(langOf(p)), groups: linkGroupsOf(p)})
		}
	}
	applicable := false
	var ev []Evidence
	reported := map[string]bool{}
	for i := range site {
		for j := range i {
			if site[i].lang != site[j].lang {
				continue
			}
			for _, g := range site[i].groups {
				for _, h := range site[j].groups {
					if !sameGroup(g, h) {
						continue
					}
					applicable = true
					for _, t := range byPosition(g) {
						l, other := g.links[t], h.links[t]
						if _, ok := h.links[t]; !ok || l.count != 1 || other.count != 1 {
							continue
						}
						a, b := l.shown, other.shown
						if a.text == "" || b.text == "" || a.same(b) {
							continue
						}
						key, ref := "link "+t+" "+a.norm, "link "+t+" "+b.norm
						if reported[key] {
							continue
						}
						reported[key], reported[ref] = true, true
						d := newAXDoc(g.page)
						e := d.ev(d.Elems[l.elem], "link", "name", Shorten(a.text, 60), "other", Shorten(b.text, 60), "page", h.page.URL())
						e.URL = g.page.URL()
						ev = append(ev, e)
					}
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

// siteMenu is a menu of a generated site: its links' targets and names.
type siteMenu struct {
	class   string
	targets []string
	names   []string
}

// randomSite writes a site as content systems do: a main menu and a
// footer on every page (the current page marked, now and then a link
// renamed, added, dropped or moved, a target linked twice), a section
// menu on some pages, a list of links of its own on each, pages in two
// languages.
func randomSite(r *rand.Rand) []*Page {
	alt := func(name string) string {
		return []string{name + " (current)", name + " [here]", "More " + name, strings.ToUpper(name), name + "!", "Other"}[r.IntN(6)]
	}
	newMenu := func(class, prefix string, n int) siteMenu {
		m := siteMenu{class: class}
		for k := range n {
			m.targets = append(m.targets, fmt.Sprintf("/%s/%d", prefix, k))
			m.names = append(m.names, fmt.Sprintf("%s %d", prefix, k))
		}
		return m
	}
	menus := map[string][]siteMenu{
		"nl": {newMenu("main", "onderwerp", 4+r.IntN(6)), newMenu("footer", "dienst", 3+r.IntN(4))},
		"fr": {newMenu("main", "sujet", 4+r.IntN(6)), newMenu("footer", "service", 3+r.IntN(4))},
	}
	sections := []siteMenu{newMenu("section", "afval", 3+r.IntN(3)), newMenu("section", "wonen", 3+r.IntN(3))}
	var pages []*Page
	for i := range 2 + r.IntN(10) {
		lang := "nl"
		if r.IntN(4) == 0 {
			lang = "fr"
		}
		var b strings.Builder
		fmt.Fprintf(&b, `<!doctype html><html lang="%s"><head><title>%d</title></head><body>`, lang, i)
		write := func(m siteMenu) {
			fmt.Fprintf(&b, `<ul class="%s">`, m.class)
			targets, names := append([]string(nil), m.targets...), append([]string(nil), m.names...)
			switch r.IntN(12) {
			case 0:
				names[r.IntN(len(names))] = alt(names[0])
			case 1:
				k := r.IntN(len(names))
				names[k] = alt(names[k])
			case 2:
				targets, names = append(targets, fmt.Sprintf("/extra/%d", r.IntN(3))), append(names, "Extra")
			case 3:
				k := r.IntN(len(targets))
				targets, names = append(targets[:k:k], targets[k+1:]...), append(names[:k:k], names[k+1:]...)
			case 4:
				k, l := r.IntN(len(targets)), r.IntN(len(targets))
				targets[k], targets[l], names[k], names[l] = targets[l], targets[k], names[l], names[k]
			case 5:
				targets, names = append(targets, targets[0]), append(names, "Again "+names[0])
			}
			for k := range targets {
				fmt.Fprintf(&b, `<li><a href="%s">%s</a></li>`, targets[k], names[k])
			}
			b.WriteString(`</ul>`)
		}
		for _, m := range menus[lang] {
			write(m)
		}
		if r.IntN(2) == 0 {
			write(sections[r.IntN(len(sections))])
		}
		fmt.Fprintf(&b, `<main><h1>%d</h1><p>`, i)
		for k := range 3 {
			fmt.Fprintf(&b, `<a href="/news/%d">News %d</a> `, 3*i+k, 3*i+k)
		}
		b.WriteString(`</p><a href="/search"><img src="/search.svg" alt="Search"></a></main></body></html>`)
		u := fmt.Sprintf("https://example.be/%d", i)
		pages = append(pages, NewPage(&snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", HTML: b.String()}, i == 0))
	}
	return pages
}

func TestConsistentIdentificationAsEveryPairOfPages(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 24))
	outcomes := map[Outcome]int{}
	for k := range 2000 {
		pages := randomSite(r)
		want := pairwiseIdentification(pages)
		got := consistentIdentification(pages, nil)
		require.Equal(t, want, got, "site %d", k)
		outcomes[got.Outcome]++
	}
	t.Logf("outcomes: %v", outcomes)
}

func TestConsistentIdentification(t *testing.T) {
	page := func(i int, lang string, links ...string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<!doctype html><html lang="%s"><head><title>%d</title></head><body><nav>`, lang, i)
		for k := 0; k+1 < len(links); k += 2 {
			fmt.Fprintf(&b, `<a href="%s">%s</a>`, links[k], links[k+1])
		}
		return b.String() + `</nav></body></html>`
	}
	menu := []string{"/", "Home", "/afval", "Afval", "/wonen", "Wonen", "/contact", "Contact"}
	renamed := []string{"/", "Home", "/afval", "Huisvuil", "/wonen", "Wonen", "/contact", "Contact"}
	current := []string{"/", "Home", "/afval", "Afval (huidige pagina)", "/wonen", "Wonen", "/contact", "Contact"}
	other := []string{"/nieuws/1", "Nieuws 1", "/nieuws/2", "Nieuws 2", "/nieuws/3", "Nieuws 3", "/contact", "Schrijf ons"}
	cases := []struct {
		name  string
		pages []string
		want  Outcome
		names []string // evidence: name and earlier name
	}{
		{"the same menu", []string{page(0, "nl", menu...), page(1, "nl", menu...)}, Pass, nil},
		{"a link renamed", []string{page(0, "nl", menu...), page(1, "nl", renamed...)}, Fail, []string{"Huisvuil", "Afval"}},
		{"once per name", []string{page(0, "nl", menu...), page(1, "nl", renamed...), page(2, "nl", renamed...), page(3, "nl", menu...)},
			Fail, []string{"Huisvuil", "Afval"}},
		{"the current page marked", []string{page(0, "nl", menu...), page(1, "nl", current...)}, Pass, nil},
		{"another language", []string{page(0, "nl", menu...), page(1, "fr", renamed...)}, Inapplicable, nil},
		{"another component", []string{page(0, "nl", menu...), page(1, "nl", other...)}, Inapplicable, nil},
		{"one page", []string{page(0, "nl", menu...)}, Inapplicable, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var pages []*Page
			for i, src := range tc.pages {
				u := fmt.Sprintf("https://example.be/%d", i)
				pages = append(pages, NewPage(&snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", HTML: src}, i == 0))
			}
			got := consistentIdentification(pages, nil)
			assert.Equal(t, tc.want, got.Outcome)
			var names []string
			for _, e := range got.Evidence {
				names = append(names, e.Params["name"], e.Params["other"])
			}
			assert.Equal(t, tc.names, names)
		})
	}
}
