package batch

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/crawler"
)

// browserOrSkip returns the browser path. Without one it skips the test,
// unless CI is set: then browser tests must run and the test fails.
func browserOrSkip(t testing.TB) string {
	t.Helper()
	p, err := crawler.FindBrowser("")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no Chromium found and CI is unset, so this browser test is skipped: %v", err)
		}
		t.Fatalf("CI is set but no browser was found: %v", err)
	}
	return p
}

// browserPIDs lists the main browser processes whose profile is under dir.
func browserPIDs(dir string) []int {
	var pids []int
	stats, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, s := range stats {
		b, err := os.ReadFile(s)
		if err != nil || !bytes.Contains(b, []byte("--user-data-dir="+dir)) || bytes.Contains(b, []byte("--type=")) {
			continue
		}
		status, _ := os.ReadFile(filepath.Join(filepath.Dir(s), "status"))
		if bytes.Contains(status, []byte("State:\tZ")) {
			continue
		}
		pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(s)))
		pids = append(pids, pid)
	}
	return pids
}

// TestBatchInTheBrowser scans the good and bad test sites and a broken
// one in one shared browser, which is killed in the middle of the bad
// site: it is started again and the batch goes on. The broken site is
// recorded as failed; no browser process or profile is left; the summary
// page sorts its table (so its script passes its own CSP).
func TestBatchInTheBrowser(t *testing.T) {
	path := browserOrSkip(t)
	out := t.TempDir()
	tmp, err := os.MkdirTemp("/tmp", "didi-b")
	require.NoError(t, err)
	t.Setenv("TMPDIR", tmp)
	defer os.RemoveAll(tmp)

	good := serveDir(t, "../testdata/sites/good")
	var once sync.Once
	killed := false
	files := http.FileServer(http.Dir("../testdata/sites/bad"))
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "aanvraag.html") && strings.Contains(r.UserAgent(), "Chrome") {
			once.Do(func() {
				for _, pid := range browserPIDs(tmp) {
					if p, err := os.FindProcess(pid); err == nil && p.Kill() == nil {
						killed = true
					}
				}
			})
		}
		files.ServeHTTP(w, r)
	}))
	defer bad.Close()
	broken := serveBroken(t)
	sites, err := ParseSites("sites.csv", []byte("url,name,group\n"+good.URL+"/,Good,demo\n"+bad.URL+"/,Bad,demo\n"+broken.URL+"/,Broken,other\n"))
	require.NoError(t, err)

	p := testPlan(t, false)
	p.Crawl.Browser, p.Crawl.MaxPages, p.Crawl.Concurrency = path, 10, 2
	var log bytes.Buffer
	sum, err := runT(t, Config{Sites: sites, Out: out, Plan: p, Retries: 1, Formats: []string{"json", "html"}, Progress: NewProgress(&log, false, false)})
	require.NoError(t, err)
	t.Log(log.String())
	assert.True(t, killed, "the browser was not killed")
	assert.Equal(t, Counts{Total: 3, Done: 2, Failed: 1}, sum.Counts)
	g, b := status(sum, sites[0].Key), status(sum, sites[1].Key)
	require.NotNil(t, g.Index)
	require.NotNil(t, b.Index)
	assert.Greater(t, *g.Index, *b.Index+20, "the good site should score far above the bad one")
	assert.Zero(t, b.PagesFailed, "pages of the bad site failed after the browser was restarted")
	assert.Equal(t, StatusFailed, status(sum, sites[2].Key).Status)
	assert.Contains(t, log.String(), "starting it again")
	assert.NotEmpty(t, sum.FailingChecks)

	// Nothing left behind.
	assert.Empty(t, browserPIDs(tmp), "browser processes left")
	left, _ := os.ReadDir(tmp)
	for _, e := range left {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}

	// The summary page sorts by index when its heading is pressed twice
	// (descending): the good site first.
	ctx, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.NoSandbox)...)
	defer cancel()
	bctx, bcancel := chromedp.NewContext(ctx)
	defer bcancel()
	tctx, tcancel := context.WithTimeout(bctx, 30*time.Second)
	defer tcancel()
	index := `#sites thead th:nth-child(4) button`
	require.NoError(t, chromedp.Do(tctx, chromedp.Navigate("file://"+filepath.Join(out, "summary.html")), chromedp.Click(index), chromedp.Click(index)))
	got, err := chromedp.Run(tctx, chromedp.Evaluate[[]string](`[document.querySelector("#sites thead th:nth-child(4)").getAttribute("aria-sort"),
		document.querySelector("#sites tbody tr:first-child th").textContent]`))
	require.NoError(t, err)
	require.Len(t, got, 2)
	sortAttr, first := got[0], got[1]
	assert.Equal(t, "descending", sortAttr)
	assert.Contains(t, first, "Good")
}
