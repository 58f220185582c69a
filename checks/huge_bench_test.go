package checks

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/didi-index/didi/snapshot"
)

// hugePage builds a hostile page of about 9 MB with links links, most of
// them in one long paragraph (the worst case for checks that look at the
// text around a link), with browser facts for every link as Chromium would
// report them.
func hugePage(links int) *snapshot.Snapshot {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Huge</title></head><body><main><h1>Huge page</h1><p>`)
	facts := &snapshot.BrowserFacts{}
	for i := range links {
		sel := fmt.Sprintf("main > p > a:nth-of-type(%d)", i+1)
		text := "read more"
		if i%2 == 1 {
			text = fmt.Sprintf("item %d", i)
		}
		fmt.Fprintf(&b, `see <a href="/l/%d">%s</a> `, i, text)
		facts.AXTree = append(facts.AXTree, snapshot.AXNode{Selector: sel, Role: "link", Name: text, NameFrom: "contents", Focusable: true})
		facts.Targets = append(facts.Targets, snapshot.Target{Selector: sel, Width: 40, Height: 16, Inline: true})
		facts.Focusables = append(facts.Focusables, snapshot.Focusable{Selector: sel})
	}
	b.WriteString(`</p><ul>`)
	for i := range links / 50 {
		fmt.Fprintf(&b, `<li><a href="/m/%d">more</a></li>`, i)
	}
	b.WriteString(`</ul></main></body></html>`)
	html := b.String()
	facts.RenderedText = html
	return &snapshot.Snapshot{URL: "https://example.be/", FinalURL: "https://example.be/", Status: 200,
		ContentType: "text/html", HTML: html, DOM: html, Browser: facts}
}

// BenchmarkHugePage runs every check on a 9 MB page with 235,000 links, one
// sub-benchmark per check, to find the checks that are not linear in the
// page's size. Run it with -benchtime=1x.
func BenchmarkHugePage(b *testing.B) {
	links := 235_000
	if n, err := strconv.Atoi(os.Getenv("DIDI_HUGE_LINKS")); err == nil {
		links = n // a smaller page to find the non-linear checks quickly
	}
	snap := hugePage(links)
	b.Logf("page: %d bytes, %d links", len(snap.HTML), links)
	page := []*Page{NewPage(snap, true)}
	page[0].Doc()
	for _, c := range Default().All() {
		b.Run(c.ID, func(b *testing.B) {
			for range b.N {
				Run(context.Background(), c, page, nil)
			}
		})
	}
}

// BenchmarkHugePageAll runs every check on the 9 MB page as scoring does:
// in parallel, one goroutine per CPU, on one shared page.
func BenchmarkHugePageAll(b *testing.B) {
	snap := hugePage(235_000)
	for range b.N {
		page := []*Page{NewPage(snap, true)}
		next := make(chan *Check)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for c := range next {
					Run(context.Background(), c, page, nil)
				}
			})
		}
		for _, c := range Default().All() {
			next <- c
		}
		close(next)
		wg.Wait()
	}
}
