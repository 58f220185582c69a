// Command batchbench measures didi batch (issue 15): sites per second,
// pages per second and peak memory (PSS of didi and every Chromium
// process) of one `didi batch` over N loopback sites in its one shared
// browser, against N separate `didi scan` runs, each with its own browser.
//
//	go build -o /tmp/didi ./cmd/didi
//	go run ./bench/batchbench -didi /tmp/didi -sites 30 -pages 10
//
// Each site is a copy of testdata/site50 on a port of its own, served by
// this program (its memory is not counted).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/didi-index/didi/internal/proctree"
)

func main() {
	didi := flag.String("didi", "didi", "the didi binary")
	n := flag.Int("sites", 30, "number of sites")
	pages := flag.Int("pages", 10, "--max-pages per site")
	site := flag.String("site", "testdata/site50", "the site each server serves")
	shards := flag.Int("shards", 3, "also run this many `didi batch --shard` processes at once, merge them and compare with the unsharded summary (0: do not)")
	separate := flag.Bool("separate", true, "also run one `didi scan` per site")
	flag.Parse()
	tmp, err := os.MkdirTemp("", "batchbench-")
	if err != nil {
		fail(err)
	}
	defer os.RemoveAll(tmp)
	var urls []string
	for range *n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fail(err)
		}
		go http.Serve(l, http.FileServer(http.Dir(*site)))
		urls = append(urls, "http://"+l.Addr().String()+"/")
	}
	sites := filepath.Join(tmp, "sites.txt")
	if err := os.WriteFile(sites, []byte(strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		fail(err)
	}
	common := []string{"--max-pages", strconv.Itoa(*pages), "--format", "json", "--lang", "nl", "--quiet"}
	fmt.Printf("%d sites of %d pages on loopback, %d cores, load before %s\n\n", *n, *pages, numCPU(), proctree.LoadAvg())
	fmt.Println("| run | wall s | sites/s | pages/s | peak PSS MB |")
	fmt.Println("|---|---|---|---|---|")
	out := filepath.Join(tmp, "batch")
	report("one `didi batch`, one shared browser", out, *n, func() error {
		return run(*didi, append([]string{"batch", sites, "--out", out}, common...)...)
	})
	if *shards > 0 {
		compareShards(*didi, sites, out, tmp, *n, *shards, common)
	}
	if !*separate {
		return
	}
	out = filepath.Join(tmp, "scans")
	report(fmt.Sprintf("%d separate `didi scan` runs", *n), out, *n, func() error {
		for i, u := range urls {
			if err := run(*didi, append([]string{"scan", u, "--out", filepath.Join(out, "sites", strconv.Itoa(i))}, common...)...); err != nil {
				return err
			}
		}
		return nil
	})
}

// compareShards runs k shard processes at once, merges their outputs and
// says whether the merged summary equals the unsharded one in all.
func compareShards(didi, sites, all, tmp string, n, k int, common []string) {
	var dirs []string
	for i := 1; i <= k; i++ {
		dirs = append(dirs, filepath.Join(tmp, fmt.Sprintf("shard-%d", i)))
	}
	merged := filepath.Join(tmp, "merged")
	report(fmt.Sprintf("%d `didi batch --shard K/%d` processes at once, then `didi merge`", k, k), merged, n, func() error {
		errs := make([]error, k)
		var wg sync.WaitGroup
		for i, d := range dirs {
			wg.Go(func() {
				errs[i] = run(didi, append([]string{"batch", sites, "--shard", fmt.Sprintf("%d/%d", i+1, k), "--out", d}, common...)...)
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				return err
			}
		}
		return run(didi, append(append([]string{"merge"}, dirs...), "--sites", sites, "--out", merged, "--lang", "nl")...)
	})
	for _, f := range []string{"summary.json", "summary.csv", "summary.html"} {
		a, _ := os.ReadFile(filepath.Join(all, f))
		b, _ := os.ReadFile(filepath.Join(merged, f))
		fmt.Printf("\nmerged %s equals the unsharded one: %t", f, len(a) > 0 && string(a) == string(b))
	}
	fmt.Print("\n\n")
}

// report runs f while sampling memory and prints a table row.
func report(label, out string, sites int, f func() error) {
	stop := make(chan struct{})
	var peak float64
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			if m := proctree.SumPSS(proctree.Read().Tree(os.Getpid())[1:]) / 1024; m > peak {
				peak = m
			}
			select {
			case <-stop:
				return
			case <-time.After(500 * time.Millisecond):
			}
		}
	})
	began := time.Now()
	err := f()
	took := time.Since(began).Seconds()
	close(stop)
	wg.Wait()
	if err != nil {
		fail(fmt.Errorf("%s: %w", label, err))
	}
	p := countPages(out)
	fmt.Printf("| %s | %.1f | %.2f | %.1f | %.0f |\n", label, took, float64(sites)/took, float64(p)/took, peak)
}

func run(bin string, args ...string) error {
	cmd := exec.Command(bin, args...)
	cmd.Stderr = os.Stderr
	if out, err := cmd.Output(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", bin, args[0], err, out)
	}
	return nil
}

// countPages counts the pages scanned without error in every result.json
// under out/sites.
func countPages(out string) int {
	files, _ := filepath.Glob(filepath.Join(out, "sites", "*", "result.json"))
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var r struct {
			Pages []struct{ Error string } `json:"pages"`
		}
		if json.Unmarshal(b, &r) == nil {
			for _, p := range r.Pages {
				if p.Error == "" {
					n++
				}
			}
		}
	}
	return n
}

func numCPU() int {
	b, _ := os.ReadFile("/proc/cpuinfo")
	return max(strings.Count(string(b), "processor\t:"), 1)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "batchbench:", err)
	os.Exit(1)
}
