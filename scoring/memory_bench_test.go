package scoring

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/snapshot"
)

// typicalPage builds a page of about 40 kB, as a content site serves it,
// with the browser facts Chromium reports for it.
func typicalPage(i int) *snapshot.Snapshot {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="nl"><head><title>Pagina</title></head><body><header><nav><ul>`)
	f := &snapshot.BrowserFacts{}
	for l := range 100 {
		fmt.Fprintf(&b, `<li><a href="/p/%d/%d">Onderwerp %d</a></li>`, i, l, l)
		sel := fmt.Sprintf("body > header > nav > ul > li:nth-of-type(%d) > a", l+1)
		f.AXTree = append(f.AXTree, snapshot.AXNode{Selector: sel, Role: "link", Name: fmt.Sprintf("Onderwerp %d", l), Focusable: true})
		f.Targets = append(f.Targets, snapshot.Target{Selector: sel, Width: 80, Height: 24})
		f.Focusables = append(f.Focusables, snapshot.Focusable{Selector: sel})
	}
	b.WriteString(`</ul></nav></header><main><h1>Titel</h1>`)
	for p := range 150 {
		fmt.Fprintf(&b, `<p>Dit is alinea %d met wat uitleg over de dienst en hoe u die aanvraagt.</p><img src="/i%d.png" alt="foto %d">`, p, p, p)
		sel := fmt.Sprintf("main > p:nth-of-type(%d)", p+1)
		f.Texts = append(f.Texts, snapshot.TextStyle{Selector: sel, Text: "Dit is alinea", Ratio: 7, FontSizePx: 16, FontWeight: 400})
		f.AXTree = append(f.AXTree, snapshot.AXNode{Selector: sel, Role: "paragraph"})
	}
	b.WriteString(`</main></body></html>`)
	html := b.String()
	f.RenderedText = html[:len(html)/3]
	u := fmt.Sprintf("https://example.be/p/%d", i)
	return &snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, ContentType: "text/html", HTML: html, DOM: html + " ", Browser: f}
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkMemoryPerPage checks 1,000 typical pages with the default
// model's checks and reports the heap per page: of the snapshots alone
// (snapshot-B/page) and at the peak of the checks (peak-B/page).
func BenchmarkMemoryPerPage(b *testing.B) {
	m, err := criteria.LoadDefault(nil)
	if err != nil {
		b.Fatal(err)
	}
	n := 1000
	if s := os.Getenv("DIDI_MEM_PAGES"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for range b.N {
		before := heap()
		var pages []*checks.Page
		for i := range n {
			pages = append(pages, checks.NewPage(typicalPage(i), i == 0))
		}
		snaps := heap()
		var peak atomic.Uint64
		done := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				select {
				case <-done:
					return
				case <-time.After(20 * time.Millisecond):
				}
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}()
		if _, err := Evaluate(context.Background(), m, checks.Default(), pages); err != nil {
			b.Fatal(err)
		}
		close(done)
		b.ReportMetric(float64(snaps-before)/float64(n), "snapshot-B/page")
		b.ReportMetric(float64(peak.Load()-before)/float64(n), "peak-B/page")
		runtime.KeepAlive(pages)
	}
}
