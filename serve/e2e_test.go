package serve

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/result"
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

// browser starts a headless Chromium for driving pages; each user gets a
// context of its own (own cookies).
func browser(t *testing.T, path string) func() context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.WindowSize(1280, 900))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	root, stop := chromedp.NewContext(alloc)
	t.Cleanup(stop)
	if err := chromedp.Do(root); err != nil {
		t.Fatal(err)
	}
	return func() context.Context {
		ctx, cancel := chromedp.NewContext(root, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		// The tab lives as long as the context of its first Run.
		if err := chromedp.Do(ctx); err != nil {
			t.Fatal(err)
		}
		return ctx
	}
}

func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// get runs one action that returns a value.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func httpGet(t *testing.T, u string) []byte {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", u, resp.StatusCode, b)
	}
	return b
}

// TestClassEndToEnd is the "done when": a lecturer creates a
// session in a real browser; two students join and submit the good and the
// bad test site; one answers part of the questionnaire; both scans finish;
// the lecturer's table shows both scores; the CSV matches result.json; a
// PDF downloads and pdftotext reads it; after a restart on the same
// database everything is still there.
func TestClassEndToEnd(t *testing.T) {
	path := browserOrSkip(t)
	good, bad := siteServer(t, "good"), siteServer(t, "bad")
	db := filepath.Join(t.TempDir(), "serve.db")
	cfg := Config{DB: db, AllowPrivate: true, MaxPages: 4, ScanTimeout: 90 * time.Second, Browser: path, Tool: result.Tool{Name: "didi", Version: "test"}}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	newUser := browser(t, path)

	lecturer := newUser()
	var code, classURL string
	run(t, lecturer, "create a session",
		chromedp.Navigate(ts.URL+"/lang/en?next=/"),
		chromedp.SendKeys(chromedp.CSS("#title"), "Guest lecture"),
		chromedp.Click(chromedp.CSS(`form[action="/class"] button`)),
		chromedp.WaitVisible(chromedp.CSS(".code")))
	code = get(t, lecturer, "the code", chromedp.Evaluate[string](`document.querySelector(".code").textContent`))
	classURL = get(t, lecturer, "the lecturer's link", chromedp.Location())
	if len(code) != 6 {
		t.Fatalf("session code %q", code)
	}

	students := map[string]string{"Ann": good.URL + "/", "Bert": bad.URL + "/"}
	scanURLs := map[string]string{}
	for name, site := range students {
		ctx := newUser()
		var loc string
		run(t, ctx, name+" joins and submits",
			chromedp.Navigate(ts.URL+"/join?code="+code),
			chromedp.SendKeys(chromedp.CSS("#name"), name),
			chromedp.Submit(chromedp.CSS("#name")),
			chromedp.WaitVisible(chromedp.CSS("#url")),
			chromedp.SetValue(chromedp.CSS("#url"), site),
			chromedp.Submit(chromedp.CSS("#url")),
			chromedp.WaitVisible(chromedp.CSS("#live, #h-index")))
		loc = get(t, ctx, "the scan's address", chromedp.Location())
		scanURLs[name] = loc
		if name == "Bert" {
			evalPath := loc[len(ts.URL):strings.Index(loc, "/s/")]
			run(t, ctx, "Bert answers part of the questionnaire",
				chromedp.Navigate(ts.URL+evalPath+"/q/accessible"),
				chromedp.Click(chromedp.CSS(`input[name="accessible.audit"]`)),
				chromedp.WaitVisible(chromedp.CSS(`.saved:not(:empty)`)))
			e, err := s.store.evaluation(context.Background(), strings.TrimPrefix(evalPath, "/e/"))
			if err != nil || e.Answers.Answers["accessible.audit"].Option == "" {
				t.Fatalf("the answer was not saved on change: %v %+v", err, e)
			}
			run(t, ctx, "Bert's scan page", chromedp.Navigate(loc))
		}
		defer func(ctx context.Context, name string) {
			run(t, ctx, name+"'s scan ends", chromedp.WaitVisible(chromedp.CSS("#h-index")))
		}(ctx, name)
	}
	// Both scans finish (the deferred waits above run at the end; check
	// the store now).
	for name, loc := range scanURLs {
		waitScan(t, &testServer{Server: s}, loc)
		row, _ := s.store.scan(context.Background(), loc[strings.LastIndex(loc, "/")+1:])
		if row.Status != statusDone {
			t.Fatalf("%s's scan: %s %s", name, row.Status, row.Error)
		}
	}

	// The lecturer's live table shows both scores.
	var table string
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		table = get(t, lecturer, "read the table", chromedp.Evaluate[string](`document.getElementById("rows").innerText`))
		if strings.Count(table, ",") >= 2 || countScores(table) >= 2 {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if !strings.Contains(table, "Ann") || !strings.Contains(table, "Bert") || countScores(table) < 2 {
		t.Fatalf("the lecturer's table does not show both scores: %q", table)
	}

	// The CSV matches each student's result.json.
	records, err := csv.NewReader(strings.NewReader(string(httpGet(t, classURL+"/students.csv")))).ReadAll()
	if err != nil || len(records) != 3 {
		t.Fatalf("CSV: %v, %d records", err, len(records))
	}
	head := records[0]
	for _, rec := range records[1:] {
		var res result.Result
		if err := json.Unmarshal(httpGet(t, scanURLs[rec[0]]+"/report.json"), &res); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"url": res.Target, "index": num(res.Index), "level": res.Level, "coverage": num(res.Coverage)}
		for _, c := range res.Criteria {
			want[c.ID] = num(*c.Score)
		}
		for i, col := range head {
			if w, ok := want[col]; ok && rec[i] != w {
				t.Errorf("CSV %s %s = %q, result.json says %q", rec[0], col, rec[i], w)
			}
		}
	}

	// A PDF downloads and opens.
	pdf := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(pdf, httpGet(t, scanURLs["Bert"]+"/report.pdf"), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil || !strings.Contains(string(text), "didi") {
		t.Errorf("pdftotext: %v; %.200s", err, text)
	}

	// A restart on the same database still shows everything.
	ts.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ts2 := httptest.NewServer(s2.Handler())
	defer ts2.Close()
	after := string(httpGet(t, ts2.URL+classURL[len(ts.URL):]+"/students.csv"))
	before := records
	got, _ := csv.NewReader(strings.NewReader(after)).ReadAll()
	if len(got) != len(before) {
		t.Fatalf("after the restart the CSV has %d lines, before %d", len(got), len(before))
	}
	for i := range got {
		if strings.Join(got[i], ",") != strings.Join(before[i], ",") {
			t.Errorf("after the restart: %v, before: %v", got[i], before[i])
		}
	}
	page := string(httpGet(t, ts2.URL+scanURLs["Ann"][len(ts.URL):]))
	if !strings.Contains(page, `id="h-index"`) {
		t.Errorf("after the restart Ann's scan page shows no score")
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// countScores counts the cells of the table that hold a score like 63,4.
func countScores(table string) int {
	n := 0
	for _, line := range strings.Split(table, "\n") {
		for _, f := range strings.Fields(line) {
			if len(f) >= 3 && strings.ContainsAny(f, ".,") && strings.Trim(f, "0123456789.,") == "" {
				n++
				break
			}
		}
	}
	return n
}
