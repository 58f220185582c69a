package checks

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Fixtures live in testdata/<check id>/. A fixture's name starts with the
// outcome it must produce (pass, fail, inapplicable, needs_review,
// not_evaluated), e.g. fail-no-alt.html. It is one of:
//   - NAME.html: a page served at https://example.be/NAME.html, no browser facts;
//   - NAME.json: one snapshot.Snapshot (browser facts, headers, status);
//   - NAME/: a site: every .html or .json file in it is a page; index.* is
//     the start page.
// A fixture NAME.want, if present, lists lines "selector" that the evidence
// must contain, in any order; lines starting with "# " are comments.

var outcomes = []Outcome{Pass, Fail, Inapplicable, NeedsReview, NotEvaluated}

func fixtureOutcome(name string) Outcome {
	for _, o := range outcomes {
		if name == string(o) || strings.HasPrefix(name, string(o)+"-") || strings.HasPrefix(name, string(o)+".") {
			return o
		}
	}
	return ""
}

func loadFixturePage(t *testing.T, path string) *snapshot.Snapshot {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	if strings.HasSuffix(path, ".json") {
		var s snapshot.Snapshot
		require.NoError(t, json.Unmarshal(b, &s), path)
		if s.Status == 0 {
			s.Status = http.StatusOK
		}
		return &s
	}
	u := "https://example.be/" + filepath.Base(path)
	return &snapshot.Snapshot{URL: u, FinalURL: u, Status: 200, HTML: string(b), DOM: string(b), ContentType: "text/html"}
}

// LoadFixture returns the pages of a fixture file or folder.
func loadFixture(t *testing.T, path string) []*Page {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	if !fi.IsDir() {
		return []*Page{NewPage(loadFixturePage(t, path), true)}
	}
	entries, err := os.ReadDir(path)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".json") {
			names = append(names, n)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		si, sj := strings.HasPrefix(names[i], "index."), strings.HasPrefix(names[j], "index.")
		if si != sj {
			return si
		}
		return names[i] < names[j]
	})
	var pages []*Page
	for i, n := range names {
		s := loadFixturePage(t, filepath.Join(path, n))
		pages = append(pages, NewPage(s, i == 0))
	}
	return pages
}

func TestEveryCheckHasFixtures(t *testing.T) {
	for _, c := range Default().All() {
		entries, err := os.ReadDir(filepath.Join("testdata", c.ID))
		if !assert.NoError(t, err, "check %s has no fixtures folder", c.ID) {
			continue
		}
		seen := map[Outcome]bool{}
		for _, e := range entries {
			seen[fixtureOutcome(e.Name())] = true
		}
		for _, o := range []Outcome{Pass, Fail, Inapplicable} {
			assert.True(t, seen[o], "check %s lacks a %s fixture", c.ID, o)
		}
	}
}

func TestFixtures(t *testing.T) {
	for _, c := range Default().All() {
		entries, _ := os.ReadDir(filepath.Join("testdata", c.ID))
		for _, e := range entries {
			want := fixtureOutcome(e.Name())
			if want == "" || strings.HasSuffix(e.Name(), ".want") {
				continue
			}
			path := filepath.Join("testdata", c.ID, e.Name())
			t.Run(c.ID+"/"+e.Name(), func(t *testing.T) {
				pages := loadFixture(t, path)
				got := Run(context.Background(), c, pages, nil)
				require.NotEmpty(t, got)
				for _, o := range got {
					if c.SiteWide() || o.URL == pages[0].URL() {
						assert.Equal(t, want, o.Outcome, "evidence: %+v", o.Evidence)
						checkWanted(t, path, o.Evidence)
					}
				}
			})
		}
	}
}

// checkWanted compares evidence with the selectors listed in PATH.want.
func checkWanted(t *testing.T, path string, ev []Evidence) {
	t.Helper()
	b, err := os.ReadFile(strings.TrimSuffix(strings.TrimSuffix(path, ".html"), ".json") + ".want")
	if err != nil {
		return
	}
	got := map[string]bool{}
	for _, e := range ev {
		got[e.Selector] = true
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "# ") {
			assert.True(t, got[line], "evidence lacks selector %q; got %v", line, ev)
		}
	}
}
