package checks

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/require"
)

// fixtureSite is every page fixture of every check as one site of 500
// pages.
func fixtureSite(t *testing.T) []*snapshot.Snapshot {
	t.Helper()
	var paths []string
	require.NoError(t, filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".json")) {
			paths = append(paths, path)
		}
		return err
	}))
	var snaps []*snapshot.Snapshot
	for _, path := range paths {
		s := loadFixturePage(t, path)
		s.URL = "https://example.be/" + filepath.ToSlash(path) // one address per page
		if s.FinalURL != "" {
			s.FinalURL = s.URL
		}
		snaps = append(snaps, s)
	}
	return snaps
}

// TestStoredPagesGiveTheSameOutcomes: every check of the registry gives the
// same outcomes, evidence and lines on pages kept in a spool and read back
// when needed, at most one, or three, open at a time (each page read back
// again and again, site-wide checks one after the other), as on pages in
// memory.
func TestStoredPagesGiveTheSameOutcomes(t *testing.T) {
	snaps := fixtureSite(t)
	var jobs []Job
	for _, c := range Default().All() {
		jobs = append(jobs, Job{Check: c})
	}
	plain := make([]*Page, len(snaps))
	for i, s := range snaps {
		plain[i] = NewPage(s, i == 0)
	}
	want, err := json.Marshal(Evaluate(context.Background(), jobs, plain))
	require.NoError(t, err)
	spool, err := snapshot.NewSpool(t.TempDir())
	require.NoError(t, err)
	defer spool.Close()
	refs := make([]snapshot.Ref, len(snaps))
	for i, s := range snaps {
		refs[i], err = spool.Put(s)
		require.NoError(t, err)
	}
	for _, maxOpen := range []int{1, 3} {
		set := &StoredPages{MaxOpen: maxOpen}
		stored := make([]*Page, len(snaps))
		for i, s := range snaps {
			light := s.Light()
			stored[i] = set.Page(&light, refs[i].Load, i == 0)
		}
		got, err := json.Marshal(Evaluate(context.Background(), jobs, stored))
		require.NoError(t, err)
		if string(got) != string(want) {
			t.Errorf("MaxOpen %d: the outcomes differ from those in memory", maxOpen)
		}
		set.mu.Lock()
		open := len(set.open)
		set.mu.Unlock()
		if open > maxOpen {
			t.Errorf("MaxOpen %d: %d pages open at the end", maxOpen, open)
		}
	}
}

// TestPagesTooDeepToParseAreNotChecked: the parser refuses a DOM nested
// deeper than 512 elements and would leave an empty document that passes
// everything; every page check says not_evaluated on it instead. Nested 500
// deep, the same page is checked.
func TestPagesTooDeepToParseAreNotChecked(t *testing.T) {
	cases := []struct {
		depth int
		want  Outcome // of image-alt: the image deep inside has no alt
	}{
		{500, Fail},
		{600, NotEvaluated},
	}
	for _, tc := range cases {
		src := `<!doctype html><html lang="en"><head><title>Deep</title></head><body>` + strings.Repeat("<div>", tc.depth) +
			`<img src="chart.png">` + strings.Repeat("</div>", tc.depth) + `</body></html>`
		page := []*Page{NewPage(&snapshot.Snapshot{URL: "https://example.be/", Status: 200, ContentType: "text/html", HTML: src}, true)}
		require.Equal(t, tc.want, Run(context.Background(), Default().Get("image-alt"), page, nil)[0].Outcome, "depth %d", tc.depth)
		for _, c := range Default().All() {
			if out := Run(context.Background(), c, page, nil); c.Page != nil && tc.want == NotEvaluated {
				require.Equal(t, NotEvaluated, out[0].Outcome, "%s at depth %d", c.ID, tc.depth)
			}
		}
	}
}
