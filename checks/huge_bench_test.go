package checks

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/internal/proctree"
	"github.com/didi-index/didi/snapshot"

	"golang.org/x/net/html"
)

// hostilePage is a page a hostile site can serve: one dimension of it
// inflated to n.
type hostilePage struct {
	kind  string
	n     int
	build func(n int) string
}

// hostilePages are the dimensions a page can inflate; the checks must stay
// linear in each. links is issue 18's page: 9 MB, 235,000 links.
var hostilePages = []hostilePage{
	{"links", 235_000, linksHTML},
	{"deep", 20_000, deepHTML},
	{"fields", 100_000, fieldsHTML},
	{"headings", 100_000, headingsHTML},
	{"text", 9 << 20, textHTML},
	{"styles", 20_000, stylesHTML},
	{"table", 100_000, tableHTML},
}

// linksHTML has n links, most of them in one long paragraph (the worst case
// for checks that look at the text around a link).
func linksHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Huge</title></head><body><main><h1>Huge page</h1><p>`)
	for i := range n {
		text := "read more"
		if i%2 == 1 {
			text = "item " + strconv.Itoa(i)
		}
		fmt.Fprintf(&b, `see <a href="/l/%d">%s</a> `, i, text)
	}
	b.WriteString(`</p><ul>`)
	for i := range n / 50 {
		fmt.Fprintf(&b, `<li><a href="/m/%d">more</a></li>`, i)
	}
	b.WriteString(`</ul></main></body></html>`)
	return b.String()
}

// deepHTML has n elements at a depth of 500 (the parser refuses deeper
// pages), with text, links and buttons: checks that look at ancestors, and
// selectors, cost most here.
func deepHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Deep</title></head><body><main><h1>Deep page</h1>`)
	const depth = 500
	for i := range depth {
		fmt.Fprintf(&b, `<div class="d%d">`, i%7)
	}
	for i := range n {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, `<span>level text %d</span> `, i)
		case 1:
			fmt.Fprintf(&b, `<a href="/d/%d">deep link %d</a> `, i, i)
		default:
			fmt.Fprintf(&b, `<button type="button">act %d</button> `, i)
		}
	}
	b.WriteString(strings.Repeat(`</div>`, depth))
	b.WriteString(`</main></body></html>`)
	return b.String()
}

// fieldsHTML has one form with n labelled fields.
func fieldsHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Form</title></head><body><main><h1>Form</h1><form action="/send" method="post">`)
	types := []string{"text", "email", "tel", "checkbox", "password"}
	for i := range n {
		fmt.Fprintf(&b, `<label for="f%d">Field %d</label><input id="f%d" name="field%d" type="%s"> `, i, i, i, i, types[i%len(types)])
	}
	b.WriteString(`<button type="submit">Send</button></form></main></body></html>`)
	return b.String()
}

// headingsHTML has n headings, each with a paragraph.
func headingsHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Headings</title></head><body><main><h1>Headings</h1>`)
	for i := range n {
		fmt.Fprintf(&b, `<h%d>Heading %d</h%d><p>Text under heading %d.</p>`, 2+i%4, i, 2+i%4, i)
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

// textHTML has one text node of n bytes: sentences of everyday words,
// numbers and punctuation.
func textHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Text</title></head><body><main><h1>Text</h1><p>`)
	words := strings.Fields("the council offers a service to people who live in the city and want to apply for a permit online or at the desk")
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[i%len(words)])
		switch {
		case i%97 == 0:
			fmt.Fprintf(&b, " %d. ", i)
		case i%13 == 0:
			b.WriteString(", ")
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteString(`</p></main></body></html>`)
	return b.String()
}

// stylesHTML has n style elements and n linked style sheets, and n
// elements with inline styles.
func stylesHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Styles</title>`)
	for i := range n {
		fmt.Fprintf(&b, `<style>.c%d{color:#777;font-size:%dpx;line-height:1}</style><link rel="stylesheet" href="/s/%d.css">`, i, 10+i%6, i)
	}
	b.WriteString(`</head><body><main><h1>Styles</h1>`)
	for i := range n {
		fmt.Fprintf(&b, `<p class="c%d" style="color:#888;letter-spacing:0">styled %d</p>`, i, i)
	}
	b.WriteString(`</main></body></html>`)
	return b.String()
}

// tableHTML has one data table of n cells, 10 a row, with a header row.
func tableHTML(n int) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Table</title></head><body><main><h1>Table</h1><table><tr>`)
	for c := range 10 {
		fmt.Fprintf(&b, `<th>Column %d</th>`, c)
	}
	b.WriteString(`</tr>`)
	for i := range n {
		if i%10 == 0 {
			b.WriteString(`<tr>`)
		}
		fmt.Fprintf(&b, `<td>%d</td>`, i)
	}
	b.WriteString(`</table></main></body></html>`)
	return b.String()
}

// axRoles are the roles Chromium gives the elements of the hostile pages.
var axRoles = map[string]string{"a": "link", "button": "button", "input": "textbox", "h1": "heading", "h2": "heading",
	"h3": "heading", "h4": "heading", "h5": "heading", "p": "paragraph", "main": "main", "form": "form",
	"table": "table", "tr": "row", "th": "columnheader", "td": "cell", "label": "LabelText"}

// hostileSnapshot wraps a page's HTML as the crawler would: the rendered
// DOM as the browser serialises it, and browser facts for its elements
// (accessibility tree, targets, focusables, texts, requests).
func hostileSnapshot(src string) *snapshot.Snapshot {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		panic(err)
	}
	var dom strings.Builder
	if err := html.Render(&dom, doc); err != nil {
		panic(err)
	}
	ax := a11y.New(NewPage(&snapshot.Snapshot{DOM: dom.String()}, false).Doc(), nil)
	f := &snapshot.BrowserFacts{RenderedText: a11y.VisibleText(ax.Body, a11y.TextOpts{})}
	for _, n := range ax.Elems {
		role, ok := axRoles[n.Data]
		if !ok {
			continue
		}
		sel := ax.Sel(n)
		name := a11y.VisibleText(n, a11y.TextOpts{})
		f.AXTree = append(f.AXTree, snapshot.AXNode{Selector: sel, Role: role, Name: name, NameFrom: "contents",
			Focusable: a11y.Focusable(n)})
		switch {
		case a11y.Focusable(n):
			f.Targets = append(f.Targets, snapshot.Target{Selector: sel, Width: 40, Height: 16, Inline: n.Data == "a"})
			f.Focusables = append(f.Focusables, snapshot.Focusable{Selector: sel})
		case role == "paragraph" || role == "heading" || role == "cell":
			f.Texts = append(f.Texts, snapshot.TextStyle{Selector: sel, Text: name, Ratio: 7, FontSizePx: 16, FontWeight: 400})
		}
		if href := a11y.Value(n, "href"); n.Data == "link" && href != "" {
			f.Requests = append(f.Requests, snapshot.Request{URL: "https://example.be" + href, Type: "Stylesheet", Status: 200})
		}
	}
	return &snapshot.Snapshot{URL: "https://example.be/", FinalURL: "https://example.be/", Status: 200,
		ContentType: "text/html", HTML: src, DOM: dom.String(), Browser: f}
}

// hostileScale is DIDI_HOSTILE_SCALE (default 1): run at 0.5 and 1 to see
// which checks grow faster than the page.
func hostileScale(b *testing.B) float64 {
	s, err := strconv.ParseFloat(os.Getenv("DIDI_HOSTILE_SCALE"), 64)
	if err != nil || s <= 0 {
		return 1
	}
	return s
}

// BenchmarkHostile runs every check on each hostile page as scoring does:
// in parallel, one goroutine per CPU, on one shared page parsed afresh. It
// reports the CPU time (cpu-s/op, the checks phase on this page) and the
// page's size; a CPU profile (-cpuprofile) has each check's share under
// the label "check" (go tool pprof -tags). Run it with -benchtime=1x.
func BenchmarkHostile(b *testing.B) {
	for _, h := range hostilePages {
		b.Run(h.kind, func(b *testing.B) {
			n := int(float64(h.n) * hostileScale(b))
			snap := hostileSnapshot(h.build(n))
			runtime.GC()
			cpu := proctree.SelfCPU()
			for b.Loop() {
				checkAll(snap)
			}
			b.ReportMetric((proctree.SelfCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(len(snap.HTML))/1e6, "MB")
		})
	}
}

// checkAll runs every check on snap as scoring.Evaluate does.
func checkAll(snap *snapshot.Snapshot) {
	page := []*Page{NewPage(snap, true)}
	next := make(chan *Check)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for c := range next {
				pprof.Do(context.Background(), pprof.Labels("check", c.ID), func(ctx context.Context) {
					Run(ctx, c, page, nil)
				})
			}
		})
	}
	for _, c := range Default().All() {
		next <- c
	}
	close(next)
	wg.Wait()
}

// BenchmarkHostileByCheck runs each check alone on each hostile page,
// already parsed (what checks share is built by the first that needs it):
// -bench 'HostileByCheck/deep/' finds the checks that are slow there.
func BenchmarkHostileByCheck(b *testing.B) {
	for _, h := range hostilePages {
		b.Run(h.kind, func(b *testing.B) {
			n := int(float64(h.n) * hostileScale(b))
			page := []*Page{NewPage(hostileSnapshot(h.build(n)), true)}
			page[0].Doc()
			for _, c := range Default().All() {
				b.Run(c.ID, func(b *testing.B) {
					cpu := proctree.SelfCPU()
					for b.Loop() {
						Run(context.Background(), c, page, nil)
					}
					b.ReportMetric(float64((proctree.SelfCPU()-cpu).Microseconds())/1e3/float64(b.N), "cpu-ms/op")
				})
			}
		})
	}
}

// menuSite is a site of n pages as a trap serves them: each page has a
// menu of 40 links of its own (the menus of pages close to each other
// share most links), a footer of 50 links, the same on every page, and
// ten links of its own in the text. Every pair of pages near each other
// has the same component with other links.
func menuSite(n int) []*Page {
	pages := make([]*Page, n)
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, `<!doctype html><html lang="nl"><head><title>Pagina %d</title></head><body><nav><ul>`, i)
		for k := range 40 {
			fmt.Fprintf(&b, `<li><a href="/p/%d">Onderwerp %d</a></li>`, (i+k)%n, (i+k)%n)
		}
		fmt.Fprintf(&b, `</ul></nav><main><h1>Pagina %d</h1><ul>`, i)
		for k := 1; k <= 10; k++ {
			fmt.Fprintf(&b, `<li><a href="/p/%d">Lees meer over %d</a></li>`, (10*i+k)%n, k)
		}
		b.WriteString(`</ul></main><footer><ul>`)
		for k := range 50 {
			fmt.Fprintf(&b, `<li><a href="/d/%d">Dienst %d</a></li>`, k, k)
		}
		b.WriteString(`</ul></footer></body></html>`)
		u := fmt.Sprintf("https://example.be/p/%d", i)
		pages[i] = NewPage(&snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", HTML: b.String()}, i == 0)
	}
	return pages
}

// BenchmarkHostileSite runs every site-wide check on a site of 3,000 pages
// with other menus on every page (menuSite; DIDI_HOSTILE_SCALE scales the
// pages), parsed once; it reports the CPU time of each check.
func BenchmarkHostileSite(b *testing.B) {
	pages := menuSite(int(3000 * hostileScale(b)))
	for _, p := range pages {
		p.AX()
	}
	for _, c := range Default().All() {
		if !c.SiteWide() {
			continue
		}
		b.Run(c.ID, func(b *testing.B) {
			cpu := proctree.SelfCPU()
			for b.Loop() {
				Run(context.Background(), c, pages, nil)
			}
			b.ReportMetric((proctree.SelfCPU()-cpu).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
}
