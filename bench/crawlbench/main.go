// Command crawlbench measures the crawler: pages per second (wall time of
// the whole crawl, browser start included), the peak memory (PSS) of the
// whole process tree, this process and every Chromium process, sampled once
// a second, and the CPU time per page of the Chromium processes, sampled
// every 250 ms (this process is left out; the crawler's own CPU is about
// 12 ms per page, see CRAWLBENCH_PROFILE). bench/crawl.sh runs it on the
// benchmark sites.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/didi-index/didi/internal/proctree"

	"github.com/didi-index/didi/progress"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/snapshot"
)

func main() {
	var (
		start       = flag.String("start", "", "start URL (crawl from it)")
		base        = flag.String("base", "", "base URL for -urls")
		urls        = flag.String("urls", "", "file of site-relative paths, one a line (scanned with --no-crawl)")
		noBrowser   = flag.Bool("no-browser", false, "fetch with plain HTTP")
		concurrency = flag.Int("concurrency", 0, "tabs or fetches at once (0 = default)")
		maxPages    = flag.Int("max-pages", 50, "page limit")
		runs        = flag.Int("runs", 3, "repetitions; the median is reported")
		label       = flag.String("label", "", "row label")
		verbose     = flag.Bool("v", false, "print each page and its step times")
		bare        = flag.Bool("floor", false, "load the -urls in bare Chromium with no analysis (the reference floor)")
		focusLimit  = flag.Int("focus-limit", 0, "focusables tested per page (0 = crawler default)")
		serve       = flag.String("serve", "", "serve this folder on loopback in this process and use it as -start or -base")
		save        = flag.String("save", "", "save the last run's snapshots to this file (for bench/checks.sh)")
	)
	flag.Parse()
	if *serve != "" {
		srv := httptest.NewServer(http.FileServer(http.Dir(*serve)))
		defer srv.Close()
		if *urls != "" {
			*base = srv.URL
		} else {
			*start = srv.URL + "/"
		}
	}
	o := crawler.Options{NoBrowser: *noBrowser, Concurrency: *concurrency, MaxPages: *maxPages, MaxDepth: 5,
		BlockOutside: true, Timeout: 30 * time.Second}
	o.FocusLimit = *focusLimit
	if *verbose {
		o.Events = progress.Terminal(os.Stderr, false, true)
	}
	switch {
	case *urls != "":
		list, err := readURLs(*urls, *base)
		if err != nil {
			log.Fatal(err)
		}
		if len(list) == 0 {
			log.Fatalf("no URL in %s", *urls)
		}
		o.Start, o.NoCrawl = list, true
	case *start != "":
		o.Start = []string{*start}
	default:
		log.Fatal("give -start or -urls")
	}
	if p := os.Getenv("CRAWLBENCH_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *bare {
		o.Concurrency = max(*concurrency, 1)
	}
	var rates, peaks []float64
	var pages, failed int
	for range *runs {
		run := once
		if *bare {
			run = onceFloor
		}
		saveTo = *save
		rate, peak, n, bad, err := run(o)
		if err != nil {
			log.Fatal(err)
		}
		rates, peaks, pages, failed = append(rates, rate), append(peaks, peak), n, bad
	}
	conc := o.Concurrency
	if conc == 0 {
		conc = crawler.DefaultConcurrency()
		if o.NoBrowser {
			conc = 8
		}
	}
	fmt.Printf("| %s | %d | %d | %d | %.1f | %.0f | %.0f | %s |\n", *label, conc, pages, failed, median(rates), median(peaks), lastCPU*1000, proctree.LoadAvg())
}

// onceFloor is once for the bare-Chromium floor.
func onceFloor(o crawler.Options) (float64, float64, int, int, error) {
	return measure(func() (int, int, error) {
		n, err := floor(o.Start, o.Concurrency)
		return n, len(o.Start) - n, err
	})
}

// once runs one crawl and returns pages/s, peak PSS in MB, pages and errors.
func once(o crawler.Options) (float64, float64, int, int, error) {
	return measure(func() (int, int, error) {
		scan, err := crawler.Crawl(context.Background(), o)
		if err != nil {
			return 0, 0, err
		}
		if saveTo != "" {
			if err := snapshot.Save(saveTo, scan.Pages); err != nil {
				return 0, 0, err
			}
		}
		bad := 0
		for _, p := range scan.Pages {
			if p.Error != "" {
				bad++
				fmt.Fprintf(os.Stderr, "error: %s: %s\n", p.URL, p.Error)
			}
		}
		return len(scan.Pages), bad, nil
	})
}

// measure runs load while it samples the process tree, and returns pages/s,
// peak PSS in MB, pages and errors. It sets lastCPU.
func measure(load func() (pages, bad int, err error)) (float64, float64, int, int, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var peak float64
	cpu := map[int]float64{}
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(cpuEvery)
		defer t.Stop()
		for i := 0; ; i++ {
			if m := treeSample(os.Getpid(), cpu, i%pssEvery == 0); m > peak {
				peak = m
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	})
	began := time.Now()
	pages, bad, err := load()
	took := time.Since(began)
	cancel()
	wg.Wait()
	if err != nil {
		return 0, 0, 0, 0, err
	}
	var cpuSum float64
	for pid, v := range cpu {
		if pid != os.Getpid() {
			cpuSum += v
		}
	}
	lastCPU = cpuSum / float64(max(pages, 1))
	if os.Getenv("CRAWLBENCH_CPU") != "" {
		byKind := map[string]float64{}
		for pid, v := range cpu {
			byKind[kinds[pid]] += v
		}
		fmt.Fprintln(os.Stderr, "cpu s by process kind:", byKind)
	}
	return float64(pages) / took.Seconds(), peak, pages, bad, nil
}

// saveTo is the -save file.
var saveTo string

// kinds names each sampled process (self, browser, renderer, gpu, ...).
var kinds = map[int]string{}

// lastCPU is the CPU time per page (s) of the last run, over the whole tree.
var lastCPU float64

func readURLs(path, base string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read URL list: %w", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, strings.TrimSuffix(base, "/")+l)
		}
	}
	return out, sc.Err()
}

// The sampler reads CPU times every cpuEvery and PSS every pssEvery-th
// time (once a second): reading smaps_rollup of every Chromium process costs
// about 20 ms of CPU, which at 4 samples a second took 5% of the CPU from
// the crawl it measured.
const (
	cpuEvery = 250 * time.Millisecond
	pssEvery = 4
)

// treeSample sums the PSS (MB) of pid and all its descendants when withPSS
// is set (0 otherwise), and keeps the CPU time (s) seen for each process in
// cpu.
func treeSample(root int, cpu map[int]float64, withPSS bool) float64 {
	t := proctree.Read()
	var total float64
	for _, p := range t.Tree(root) {
		if withPSS {
			total += proctree.PSS(p)
		}
		if k := kinds[p]; k == "" || k == "zygote" || k == "browser" {
			kinds[p] = kind(p, root)
		}
		if t.CPU[p] > cpu[p] {
			cpu[p] = t.CPU[p]
		}
	}
	return total / 1024
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

// kind names a process of the tree by its --type flag.
func kind(pid, root int) string {
	if pid == root {
		return "self"
	}
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	for _, a := range strings.Fields(strings.ReplaceAll(string(b), "\x00", " ")) {
		if t, ok := strings.CutPrefix(a, "--type="); ok {
			return t
		}
	}
	return "browser"
}
