package serve

import (
	"fmt"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/didi-index/didi/internal/proctree"
)

// BenchmarkClass30 is a lecture hall: 30 students join one session and
// submit a site at the same moment (the good and the bad test site in
// turn), with real Chromium scans, 2 at a time. It checks that every scan
// finishes and that scans start in the order they were submitted, and
// reports the lecturer's page latency under that load and the peak memory
// of the server and its browsers. Run it with bench/serve.sh.
func BenchmarkClass30(b *testing.B) {
	path := browserOrSkip(b)
	const students = 30
	for range b.N {
		good, bad := siteServer(b, "good"), siteServer(b, "bad")
		s := newTestServer(b, Config{AllowPrivate: true, Browser: path, MaxPages: 5, ScansPerMinute: 100, MaxScans: 2})
		lect := newClient(b, s.URL)
		_, _, class := lect.post("/class", url.Values{"title": {"Bench"}})
		ss, _ := s.store.sessionBy(b.Context(), "secret", strings.TrimPrefix(class, "/class/"))

		// Watch the order in which scans start, and memory.
		var mu sync.Mutex
		var started []int
		seen := map[string]bool{}
		var peakRSS int64
		tick := 0
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
				s.scans.mu.Lock()
				for id, j := range s.scans.jobs {
					if j.state.Status == statusRunning && !seen[id] {
						seen[id] = true
						mu.Lock()
						started = append(started, j.seq)
						mu.Unlock()
					}
				}
				s.scans.mu.Unlock()
				if tick++; tick%10 == 0 { // memory every 500 ms
					peakRSS = max(peakRSS, int64(proctree.SumPSS(proctree.Read().Tree(os.Getpid())))<<10)
				}
			}
		})
		// The lecturer's page, every 500 ms.
		var lat []time.Duration
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				case <-time.After(500 * time.Millisecond):
				}
				t0 := time.Now()
				if code, _, _ := lect.get(class); code != 200 {
					b.Errorf("lecturer page: %d", code)
				}
				lat = append(lat, time.Since(t0))
			}
		})

		b.ResetTimer()
		t0 := time.Now()
		order := make([]string, students)
		var join sync.WaitGroup
		for i := range students {
			join.Go(func() {
				c := newClient(b, s.URL)
				_, _, ev := c.post("/join", url.Values{"code": {ss.Code}, "name": {"Student " + strconv.Itoa(i+1)}})
				site := good.URL + "/"
				if i%2 == 1 {
					site = bad.URL + "/"
				}
				code, body, loc := c.post(ev+"/scan", url.Values{"url": {site}})
				if code != 303 {
					b.Errorf("student %d: %d %s", i+1, code, body)
					return
				}
				order[i] = loc[strings.LastIndex(loc, "/")+1:]
			})
		}
		join.Wait()
		for _, id := range order {
			if id != "" {
				waitScan(b, s, id)
			}
		}
		total := time.Since(t0)
		close(stop)
		wg.Wait()
		b.StopTimer()

		done := 0
		for _, id := range order {
			if row, err := s.store.scan(b.Context(), id); err == nil && row.Status == statusDone {
				done++
			}
		}
		// Fair: scans start in the order the queue got them.
		fair := slices.IsSorted(started)
		slices.Sort(lat)
		pct := func(p float64) float64 {
			if len(lat) == 0 {
				return 0
			}
			return float64(lat[int(float64(len(lat)-1)*p)].Microseconds()) / 1000
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(done), "scans_done")
		b.ReportMetric(total.Seconds(), "s_total")
		b.ReportMetric(pct(0.5), "lecturer_p50_ms")
		b.ReportMetric(pct(0.95), "lecturer_p95_ms")
		b.ReportMetric(pct(1), "lecturer_max_ms")
		b.ReportMetric(float64(peakRSS)/(1<<20), "peak_rss_MB")
		fmt.Fprintf(os.Stderr, "30 students: %d/%d scans done in %.0f s; starts in submission order: %v; lecturer page p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests); peak memory (server + browsers) %d MB\n",
			done, students, total.Seconds(), fair, pct(0.5), pct(0.95), pct(1), len(lat), peakRSS>>20)
		if done != students || !fair || peakRSS > 2<<30 {
			b.Errorf("done %d/%d, fair %v, peak %d MB", done, students, fair, peakRSS>>20)
		}
	}
}

// BenchmarkLecturerPage is the lecturer's page alone, for a class of 30
// students with a result each (scanned without a browser).
func BenchmarkLecturerPage(b *testing.B) {
	site := siteServer(b, "good")
	s := newTestServer(b, Config{NoBrowser: true, AllowPrivate: true, ScansPerMinute: 1000, MaxScans: 4})
	c := newClient(b, s.URL)
	_, _, class := c.post("/class", url.Values{"title": {"Bench"}})
	ss, _ := s.store.sessionBy(b.Context(), "secret", strings.TrimPrefix(class, "/class/"))
	var scans []string
	for i := range 30 {
		_, _, ev := c.post("/join", url.Values{"code": {ss.Code}, "name": {"Student " + strconv.Itoa(i)}})
		_, _, sc := c.post(ev+"/scan", url.Values{"url": {site.URL + "/"}})
		scans = append(scans, sc)
	}
	for _, sc := range scans {
		waitScan(b, s, sc)
	}
	b.ResetTimer()
	for range b.N {
		if code, _, _ := c.get(class); code != 200 {
			b.Fatal(code)
		}
	}
}
