package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/didi-index/didi/scoring"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/result"
)

// counted is a loopback site that counts the requests it gets.
type counted struct {
	*httptest.Server
	hits atomic.Int64
}

// serveDir serves a test site folder.
func serveDir(t testing.TB, dir string) *counted {
	t.Helper()
	c := &counted{}
	files := http.FileServer(http.Dir(dir))
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits.Add(1)
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(c.Close)
	return c
}

// serveBroken is a site that closes every connection without an answer.
func serveBroken(t testing.TB) *counted {
	t.Helper()
	c := &counted{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits.Add(1)
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
	}))
	t.Cleanup(c.Close)
	return c
}

// servePages serves n small linked pages in Dutch.
func servePages(t testing.TB, name string, n int) *counted {
	t.Helper()
	c := &counted{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var links strings.Builder
		for i := range n {
			fmt.Fprintf(&links, `<li><a href="/p%d">Pagina %d</a></li>`, i, i)
		}
		fmt.Fprintf(w, `<!doctype html><html lang="nl"><head><title>%s %s</title></head><body><main><h1>%s</h1><p>Welkom op de site van %s.</p><ul>%s</ul></main></body></html>`,
			name, r.URL.Path, name, name, links.String())
	}))
	t.Cleanup(c.Close)
	return c
}

var pinned = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// testPlan is a plan over plain HTTP (browser tests set a browser).
func testPlan(t testing.TB, noBrowser bool) engine.Plan {
	t.Helper()
	reg := checks.Default()
	m, err := criteria.LoadDefault(scoring.Known(reg))
	require.NoError(t, err)
	return engine.Plan{Model: m, Registry: reg, Languages: []string{"nl", "fr"}, Tool: result.Tool{Name: "didi", Version: "test"},
		Clock: func() time.Time { return pinned },
		Crawl: crawler.Options{NoBrowser: noBrowser, MaxPages: 5, MaxDepth: 2, Timeout: 10 * time.Second, BlockOutside: true}}
}

// sitesOf makes sites of servers.
func sitesOf(t testing.TB, srvs ...*counted) []Site {
	var b strings.Builder
	for _, s := range srvs {
		b.WriteString(s.URL + "/\n")
	}
	sites, err := ParseSites("sites.txt", []byte(b.String()))
	require.NoError(t, err)
	return sites
}

func runT(t testing.TB, c Config) (*Summary, error) {
	t.Helper()
	if c.Langs == nil {
		c.Langs = []string{"nl", "fr", "en"}
	}
	if c.Formats == nil {
		c.Formats = []string{"json", "html"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return Run(ctx, c)
}

func status(s *Summary, key string) Row {
	for _, r := range s.Sites {
		if r.Key == key {
			return r
		}
	}
	return Row{}
}

// TestResumeAndRetry: a broken site is tried twice, then recorded as
// failed with its reason; a second run skips the finished sites (their
// servers get no request) and tries the failed one again.
func TestResumeAndRetry(t *testing.T) {
	a, b, broken := servePages(t, "Aalst", 3), servePages(t, "Brugge", 3), serveBroken(t)
	sites := sitesOf(t, a, b, broken)
	out := t.TempDir()
	var log bytes.Buffer
	sum, err := runT(t, Config{Sites: sites, Out: out, Plan: testPlan(t, true), Retries: 1, Progress: NewProgress(&log, false, false)})
	require.NoError(t, err)
	assert.Equal(t, Counts{Total: 3, Done: 2, Failed: 1}, sum.Counts)
	bad := status(sum, sites[2].Key)
	assert.Equal(t, StatusFailed, bad.Status)
	assert.Equal(t, 2, bad.Attempts)
	assert.Contains(t, bad.Reason, "no page could be scanned")
	// The summary says why in its reader's language.
	assert.Equal(t, "Geen enkele pagina kon gescand worden. "+broken.URL+"/: de server verbrak de verbinding.", bad.ReasonText["nl"])
	assert.Equal(t, "Aucune page n'a pu être analysée. "+broken.URL+"/\u00a0: le serveur a coupé la connexion.", bad.ReasonText["fr"])
	fr, err := os.ReadFile(filepath.Join(out, "summary.fr.html"))
	require.NoError(t, err)
	assert.Contains(t, string(fr), "le serveur a coupé la connexion")
	// Checks that fail are named by their problem, under "Checks that
	// fail most often".
	nl, err := os.ReadFile(filepath.Join(out, "summary.html"))
	require.NoError(t, err)
	assert.Contains(t, string(nl), "Er is nog geen toegankelijkheidsverklaring <code>accessibility-statement</code>")
	assert.Contains(t, log.String(), "will try again")
	assert.Contains(t, log.String(), "recorded as failed")
	assert.NotZero(t, broken.hits.Load())
	for _, f := range []string{"summary.json", "summary.csv", "summary.html", "summary.fr.html", "summary.en.html"} {
		assert.FileExists(t, filepath.Join(out, f))
	}
	assert.FileExists(t, filepath.Join(out, "sites", sites[0].Slug(), "didi-report.html"))

	// The second run asks for a format more: it is rendered from the
	// saved result, with no scan.
	aHits, bHits, brokenHits := a.hits.Load(), b.hits.Load(), broken.hits.Load()
	sum2, err := runT(t, Config{Sites: sites, Out: out, Plan: testPlan(t, true), Retries: 1, Formats: []string{"json", "html", "md"}})
	require.NoError(t, err)
	assert.Equal(t, aHits, a.hits.Load(), "a finished site was scanned again")
	assert.Equal(t, bHits, b.hits.Load(), "a finished site was scanned again")
	assert.Greater(t, broken.hits.Load(), brokenHits, "the failed site was not tried again")
	assert.Equal(t, sum.Counts, sum2.Counts)
	assert.FileExists(t, filepath.Join(out, "sites", sites[0].Slug(), "didi-report.md"))
	assert.Equal(t, status(sum, sites[0].Key), status(sum2, sites[0].Key))
}

// TestInterruptWritesTheSummary: a cancel stops the batch; the summary
// lists the sites done and those not scanned, and the error is
// ErrInterrupted.
func TestInterruptWritesTheSummary(t *testing.T) {
	srvs := []*counted{servePages(t, "A", 2), servePages(t, "B", 2), servePages(t, "C", 2)}
	sites := sitesOf(t, srvs...)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	p := testPlan(t, true)
	p.Crawl.Timeout = 2 * time.Second
	srvs[1].Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { cancel(); <-r.Context().Done() })
	sum, err := Run(ctx, Config{Sites: sites, Out: out, Plan: p, Formats: []string{"json"}, Langs: []string{"en"}})
	require.ErrorIs(t, err, engine.ErrInterrupted)
	require.NotNil(t, sum)
	assert.Equal(t, 1, sum.Counts.Done)
	assert.Equal(t, 2, sum.Counts.NotScanned)
	var disk Summary
	b, rerr := os.ReadFile(filepath.Join(out, "summary.json"))
	require.NoError(t, rerr)
	require.NoError(t, json.Unmarshal(b, &disk))
	assert.Equal(t, sum.Counts, disk.Counts)
}

// TestShardsMergedEqualOneRun: three shards over 30 sites, merged, give
// the bytes of one unsharded run's summary; without a shard's output, the
// merge names the missing sites; the same site in two shards' outputs is
// a duplicate.
func TestShardsMergedEqualOneRun(t *testing.T) {
	var srvs []*counted
	for i := range 30 {
		srvs = append(srvs, servePages(t, fmt.Sprintf("Gemeente %d", i), 2))
	}
	sites := sitesOf(t, srvs...)
	for i := range sites {
		sites[i].Group = []string{"Vlaanderen", "Wallonie", "Brussel"}[i%3]
	}
	root := t.TempDir()
	conf := func(out string, s Shard) Config {
		return Config{Sites: s.Select(sites), Shard: s, Out: out, Plan: testPlan(t, true), Formats: []string{"json"}, Langs: []string{"nl", "fr"}}
	}
	_, err := runT(t, conf(filepath.Join(root, "all"), Shard{}))
	require.NoError(t, err)
	var shards []string
	for k := 1; k <= 3; k++ {
		dir := filepath.Join(root, fmt.Sprintf("shard-%d", k))
		sum, err := runT(t, conf(dir, Shard{K: k, N: 3}))
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("%d/3", k), sum.Shard)
		shards = append(shards, dir)
	}
	merged := filepath.Join(root, "merged")
	sum, err := Merge(MergeConfig{Inputs: shards, Out: merged, Sites: sites, Langs: []string{"nl", "fr"}})
	require.NoError(t, err)
	assert.Equal(t, 30, sum.Counts.Done)
	for _, f := range []string{"summary.json", "summary.csv", "summary.html", "summary.fr.html"} {
		want, err := os.ReadFile(filepath.Join(root, "all", f))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(merged, f))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s of the merged shards differs from the unsharded run's", f)
	}
	assert.Len(t, sum.Groups, 3)
	assert.Equal(t, 10, sum.Groups[0].Sites)

	// Shard 2 missing: its sites are named, and the exit is a gate failure.
	sum, err = Merge(MergeConfig{Inputs: []string{shards[0], shards[2]}, Out: filepath.Join(root, "m2"), Sites: sites})
	var inc *IncompleteError
	require.ErrorAs(t, err, &inc)
	var gate *engine.GateError
	require.ErrorAs(t, err, &gate)
	want := len(Shard{K: 2, N: 3}.Select(sites))
	assert.Len(t, inc.Missing, want)
	assert.Equal(t, want, sum.Counts.Missing)
	assert.Contains(t, err.Error(), fmt.Sprintf("%d sites are missing", want))

	// The unsharded output beside a shard's: that shard's sites are twice.
	_, err = Merge(MergeConfig{Inputs: []string{filepath.Join(root, "all"), shards[1]}, Out: filepath.Join(root, "m3"), Sites: sites})
	require.ErrorAs(t, err, &inc)
	assert.Empty(t, inc.Missing)
	assert.Len(t, inc.Duplicates, want)
	// The same folder given twice is no duplicate.
	_, err = Merge(MergeConfig{Inputs: []string{merged, merged}, Out: merged, Sites: sites})
	require.NoError(t, err)
}

// TestAnswersPerSite: a site's answers file counts for that site only; a
// bad one stops the batch before any scan, naming the file and line.
func TestAnswersPerSite(t *testing.T) {
	a, b := servePages(t, "Bakkerij", 2), servePages(t, "Slagerij", 2)
	dir := t.TempDir()
	sitesFile := filepath.Join(dir, "sites.csv")
	abs, err := filepath.Abs("../testdata/answers/bakery.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(sitesFile, []byte("url,answers\n"+a.URL+"/,"+abs+"\n"+b.URL+"/,\n"), 0o644))
	sites, err := ReadSites(sitesFile)
	require.NoError(t, err)
	out := filepath.Join(dir, "out")
	_, err = runT(t, Config{Sites: sites, Out: out, Plan: testPlan(t, true), Formats: []string{"json"}})
	require.NoError(t, err)
	for i, mode := range []string{"combined", "automated"} {
		r, err := result.Read(filepath.Join(out, "sites", sites[i].Slug(), "result.json"))
		require.NoError(t, err)
		assert.Equal(t, mode, r.Mode, sites[i].URL)
	}

	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte("answers:\n  nope.question: yes\n"), 0o644))
	require.NoError(t, os.WriteFile(sitesFile, []byte("url,answers\n"+a.URL+"/x,bad.yaml\n"), 0o644))
	sites, err = ReadSites(sitesFile)
	require.NoError(t, err)
	hits := a.hits.Load()
	_, err = runT(t, Config{Sites: sites, Out: out, Plan: testPlan(t, true)})
	var input *engine.InputError
	require.ErrorAs(t, err, &input)
	assert.Contains(t, err.Error(), "bad.yaml:2:")
	assert.Contains(t, err.Error(), "line 2 of the sites file")
	assert.Equal(t, hits, a.hits.Load(), "a site was scanned before the answers were checked")
}
