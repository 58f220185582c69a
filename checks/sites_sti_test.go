package checks

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadTestSite reads ../testdata/sites/NAME as pages on a loopback host,
// without browser facts, served with the headers of its _headers file and
// fetched on a fixed day (so the statement-date check is reproducible).
func loadTestSite(t *testing.T, name string) []*Page {
	t.Helper()
	root := filepath.Join("..", "testdata", "sites", name)
	headers := map[string]string{"Content-Type": "text/html; charset=utf-8"}
	if f, err := os.Open(filepath.Join(root, "_headers")); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(strings.TrimSpace(sc.Text()), ":"); ok && strings.HasPrefix(sc.Text(), "  ") {
				headers[k] = strings.TrimSpace(v)
			}
		}
		f.Close()
	}
	var pages []*Page
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		u := "http://127.0.0.1:8080/" + strings.TrimSuffix(rel, "index.html")
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		pages = append(pages, NewPage(&snapshot.Snapshot{
			URL: u, FinalURL: u, Status: 200, HTML: string(b), DOM: string(b), ContentType: "text/html",
			Headers: headers, Fetched: time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		}, rel == "index.html"))
		return nil
	})
	require.NoError(t, err)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].Start && !pages[j].Start })
	require.NotEmpty(t, pages)
	return pages
}

// outcomesOf runs every check of the supported, trustworthy and involving
// criteria on pages: check id -> outcomes.
func outcomesOf(pages []*Page) map[string][]PageOutcome {
	out := map[string][]PageOutcome{}
	for _, list := range [][]Check{supportedChecks(), trustworthyChecks(), involvingChecks()} {
		for i := range list {
			out[list[i].ID] = Run(context.Background(), &list[i], pages, nil)
		}
	}
	return out
}

func TestGoodSiteHasNoFailures(t *testing.T) {
	for id, outs := range outcomesOf(loadTestSite(t, "good")) {
		for _, o := range outs {
			assert.NotEqual(t, Fail, o.Outcome, "%s on %s: %+v", id, o.URL, o.Evidence)
		}
	}
}

func TestBadSitePlantedProblems(t *testing.T) {
	// check id -> message key the evidence of every failing page must
	// include ("" for any); see testdata/sites/PLANTED.md.
	want := map[string]string{
		"contact-page":                 "fail",
		"contact-phone":                "fail",
		"contact-address":              "fail",
		"opening-hours":                "fail",
		"contact-email":                "form_only",
		"help-pages":                   "fail",
		"offline-alternative":          "fail",
		"digital-help":                 "fail",
		"security-headers":             "missing_nosniff",
		"privacy-page":                 "fail",
		"organisation-identity":        "invalid_number",
		"url-shortener":                "fail",
		"sensitive-fields":             "card_pin",
		"form-action":                  "",
		"accessibility-statement-date": "fail",
		"feedback-channel":             "fail",
		"accessibility-report":         "fail",
	}
	got := outcomesOf(loadTestSite(t, "bad"))
	for id, key := range want {
		failed := false
		for _, o := range got[id] {
			if o.Outcome != Fail {
				continue
			}
			failed = true
			if key == "" {
				continue
			}
			keys := map[string]bool{}
			for _, e := range o.Evidence {
				keys[e.Message] = true
			}
			assert.True(t, keys[key] || key == "fail" && keys[""], "%s on %s: want message %q, got %+v", id, o.URL, key, o.Evidence)
		}
		assert.True(t, failed, "%s must fail on the bad site", id)
	}
	for _, o := range got["third-party-before-consent"] {
		assert.Equal(t, NotEvaluated, o.Outcome, "third-party-before-consent needs browser facts")
	}
}
