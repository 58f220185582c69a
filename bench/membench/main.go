// Command membench measures the memory of a whole scan (crawl, checks,
// score) by its number of pages: it serves a generated site of -pages pages
// of about 75 kB each on loopback (a menu, text, images, a table, a form on
// some, a footer; every page links to ten more) and runs engine.Run on it
// with the default model, as didi scan does. It reports the peak of the Go
// heap in use and of this process's resident memory (VmHWM), above what
// they were before, in total and per page; with the browser also the peak
// PSS of the whole process tree (didi and Chromium). Without the browser
// the crawl takes one page at a time, so that the pages come in the same
// order every time, and the sha256 of result.json (fixed clock, the
// server's port replaced) shows that two builds scored the same.
//
//	go run ./bench/membench -pages 1000 -no-browser
//	go run ./bench/membench -pages 1000
package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/internal/proctree"
	"github.com/didi-index/didi/scoring"
)

func main() {
	pages := flag.Int("pages", 1000, "pages in the site, all scanned")
	noBrowser := flag.Bool("no-browser", false, "fetch with plain HTTP")
	label := flag.String("label", "", "row label")
	flag.Parse()

	size := 0
	for i := range *pages {
		size += len(page(i, *pages))
	}
	fmt.Fprintf(os.Stderr, "site: %d pages of %.0f kB on average\n", *pages, float64(size)/float64(*pages)/1000)
	srv := httptest.NewServer(site(*pages))
	defer srv.Close()
	reg := checks.Default()
	m, err := criteria.LoadDefault(scoring.Known(reg))
	if err != nil {
		log.Fatal(err)
	}
	pinned := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	plan := engine.Plan{Model: m, Registry: reg, Languages: []string{"nl", "fr"}, Clock: func() time.Time { return pinned },
		Crawl: crawler.Options{Start: []string{srv.URL + "/"}, MaxPages: *pages, MaxDepth: 10, NoBrowser: *noBrowser,
			BlockOutside: true, Timeout: 30 * time.Second}}
	if *noBrowser {
		plan.Crawl.Concurrency = 1 // the same order of pages every time
	}

	runtime.GC()
	heap0, rss0 := heapInUse(), rss("VmRSS")
	var peakHeap, peakPSS float64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for i := 0; ; i++ {
			peakHeap = max(peakHeap, heapInUse())
			if !*noBrowser && i%5 == 0 {
				peakPSS = max(peakPSS, proctree.SumPSS(proctree.Read().Tree(os.Getpid()))/1024)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	if path := os.Getenv("MEMBENCH_PROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	began := time.Now()
	out, err := engine.Run(context.Background(), plan)
	took := time.Since(began)
	close(done)
	wg.Wait()
	if out == nil {
		log.Fatal(err)
	}
	b, err := json.Marshal(out.Result)
	if err != nil {
		log.Fatal(err)
	}
	b = []byte(strings.ReplaceAll(string(b), srv.URL, "http://site"))
	if path := os.Getenv("MEMBENCH_RESULT"); path != "" {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	n := len(out.Result.Pages)
	peakRSS := rss("VmHWM") - rss0
	heap := peakHeap - heap0
	pss := "-"
	if !*noBrowser {
		pss = fmt.Sprintf("%.0f", peakPSS)
	}
	fmt.Printf("| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f | %s | %.2f | %x | %s |\n", *label, n, took.Seconds(),
		heap, heap*1024/float64(n), peakRSS, peakRSS*1024/float64(n), pss, out.Result.Index, sha256.Sum256(b), proctree.LoadAvg())
}

// heapInUse is the Go heap in use, in MB.
func heapInUse() float64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapInuse) / (1 << 20)
}

// rss reads a line of /proc/self/status (VmRSS, VmHWM) in MB.
func rss(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, key+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// site serves pages /, /p/1 ... /p/{n-1}: page i links to pages 10i+1 to
// 10i+10, so a crawl finds them all within four links.
func site(n int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := 0
		if rest, ok := strings.CutPrefix(r.URL.Path, "/p/"); ok {
			var err error
			if i, err = strconv.Atoi(rest); err != nil || i <= 0 || i >= n {
				http.NotFound(w, r)
				return
			}
		} else if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page(i, n))
	})
}

// words are the text of the pages: plain Dutch of a municipal website.
var words = strings.Fields(`De gemeente helpt u graag met uw aanvraag. U kunt een afspraak maken aan het loket of
online een formulier invullen. Breng uw identiteitskaart mee. Heeft u vragen over uw belastingen, uw woning of
uw paspoort? Bel ons of stuur een e-mail. Wij antwoorden binnen vijf werkdagen. Voor inwoners die minder
mobiel zijn, komen wij ook aan huis. Lees hieronder welke documenten u nodig heeft en hoeveel het kost.`)

// page is page i of n: about 75 kB.
func page(i, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagina %d - Gemeente Voorbeeld</title><link rel="stylesheet" href="/style.css"><script src="/app.js" defer></script>
<script>window.dataLayer=[];`, i)
	for k := range 150 { // an inline configuration blob, as content systems write
		fmt.Fprintf(&b, `window.dataLayer.push({"event":"view","page":%d,"block":%d,"label":"blok-%d-van-de-pagina"});`, i, k, k)
	}
	b.WriteString(`</script></head><body><a class="skip" href="#main">Naar de inhoud</a><header><nav aria-label="Hoofdmenu"><ul>`)
	for k := range 40 {
		fmt.Fprintf(&b, `<li><a href="/p/%d">Onderwerp %d</a></li>`, (k%max(n-1, 1))+1, k)
	}
	b.WriteString(`</ul></nav><form role="search" action="/zoeken"><label for="q">Zoeken</label><input id="q" name="q" type="search"><button>Zoek</button></form></header>`)
	fmt.Fprintf(&b, `<main id="main"><nav aria-label="Kruimelpad"><a href="/">Home</a> &gt; Pagina %d</nav><h1>Pagina %d</h1>`, i, i)
	for s := range 80 {
		if s%16 == 0 {
			fmt.Fprintf(&b, `<h2>Deel %d</h2>`, s/8+1)
		}
		b.WriteString(`<p>`)
		for w := range 100 {
			b.WriteString(words[(i+s*7+w)%len(words)])
			b.WriteByte(' ')
		}
		b.WriteString(`</p>`)
		if s%20 == 3 {
			fmt.Fprintf(&b, `<img src="/img/%d-%d.jpg" alt="Foto bij deel %d" width="600" height="400">`, i, s, s)
		}
	}
	b.WriteString(`<ul class="related">`)
	for k := 1; k <= 10; k++ {
		if c := 10*i + k; c < n {
			fmt.Fprintf(&b, `<li><a href="/p/%d">Lees meer over onderwerp %d</a></li>`, c, c)
		}
	}
	b.WriteString(`</ul><table><caption>Tarieven</caption><tr><th>Document</th><th>Prijs</th></tr>`)
	for k := range 15 {
		fmt.Fprintf(&b, `<tr><td>Document %d</td><td>€ %d,00</td></tr>`, k, 10+k)
	}
	b.WriteString(`</table>`)
	if i%5 == 0 {
		b.WriteString(`<form action="/verstuur" method="post"><label for="naam">Naam</label><input id="naam" name="naam" autocomplete="name">` +
			`<label for="mail">E-mail</label><input id="mail" name="mail" type="email" autocomplete="email">` +
			`<label for="vraag">Uw vraag</label><textarea id="vraag" name="vraag"></textarea><button type="submit">Versturen</button></form>`)
	}
	b.WriteString(`</main><footer><ul>`)
	for k := range 50 {
		fmt.Fprintf(&b, `<li><a href="/p/%d">Dienst %d</a></li>`, (k*7%max(n-1, 1))+1, k)
	}
	b.WriteString(`</ul><p>Gemeente Voorbeeld, Marktplein 1, 9000 Gent. Tel. 09 123 45 67. Open maandag tot vrijdag van 9 tot 12 uur.</p>`)
	for k := range 12 { // icons as inline SVG
		fmt.Fprintf(&b, `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M%d 2 L22 12 L%d 22 Z M2 2 L8 2 L8 8 L2 8 Z M3 3 L7 3 L7 7 L3 7 Z"/></svg>`, k, k)
	}
	b.WriteString(`</footer></body></html>`)
	return b.String()
}
