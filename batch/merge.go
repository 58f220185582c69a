package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/didi-index/didi/engine"
)

// MergeConfig is one `didi merge`.
type MergeConfig struct {
	// Inputs are the output folders of the shards.
	Inputs []string
	// Out receives the sites' folders and the summary; it may be one of
	// the inputs.
	Out string
	// Sites, when not nil, is the whole sites list: sites no input holds
	// are then reported missing.
	Sites []Site
	// Langs are the languages of summary.html.
	Langs []string
}

// IncompleteError says which sites are missing from the shards' outputs
// and which are in more than one. It wraps an engine.GateError, so that
// didi exits with 1, as for a failed gate.
type IncompleteError struct {
	Missing, Duplicates []string
}

func (e *IncompleteError) Error() string {
	var parts []string
	if n := len(e.Missing); n > 0 {
		parts = append(parts, fmt.Sprintf("%d sites are missing: %s", n, list(e.Missing)))
	}
	if n := len(e.Duplicates); n > 0 {
		parts = append(parts, fmt.Sprintf("%d sites are in more than one shard: %s", n, list(e.Duplicates)))
	}
	return "merge: " + strings.Join(parts, "; ")
}

// Unwrap gives the GateError behind the exit code 1.
func (e *IncompleteError) Unwrap() error {
	var failed []string
	for _, m := range e.Missing {
		failed = append(failed, "missing: "+m)
	}
	for _, d := range e.Duplicates {
		failed = append(failed, "duplicate: "+d)
	}
	return &engine.GateError{Failed: failed}
}

// list shows up to 10 items.
func list(items []string) string {
	if len(items) > 10 {
		return strings.Join(items[:10], ", ") + fmt.Sprintf(" and %d more", len(items)-10)
	}
	return strings.Join(items, ", ")
}

// Merge builds one summary from several shards' outputs: it copies every
// site's folder into c.Out/sites and writes the summary there. The summary
// equals that of one unsharded run over the same sites. It returns an
// *IncompleteError, with the summary written, when sites are missing or
// in more than one input; an InputError when an input cannot be read.
func Merge(c MergeConfig) (*Summary, error) {
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return nil, engine.BadInputf("--out: %v", err)
	}
	var entries []Entry
	seen := map[string]bool{}
	for _, in := range c.Inputs {
		abs, _ := filepath.Abs(in)
		if seen[abs] {
			continue // the same folder given twice holds no duplicate
		}
		seen[abs] = true
		es, err := ReadEntries(in)
		if err != nil {
			return nil, engine.BadInput(err)
		}
		entries = append(entries, es...)
	}
	chosen, _ := pick(entries)
	for _, e := range chosen {
		if err := copyFolder(e.Dir, siteDir(c.Out, e.Site)); err != nil {
			return nil, err
		}
	}
	for i := range entries {
		if chosen[entries[i].Key].Dir == entries[i].Dir {
			entries[i].Dir = siteDir(c.Out, entries[i].Site)
		}
	}
	sum := Build(c.Sites, entries, StatusMissing)
	if _, err := WriteSummary(c.Out, sum, c.Langs); err != nil {
		return sum, err
	}
	var missing []string
	for _, r := range sum.Sites {
		if r.Status == StatusMissing {
			missing = append(missing, r.URL)
		}
	}
	if len(missing) > 0 || len(sum.Duplicates) > 0 {
		return sum, &IncompleteError{Missing: missing, Duplicates: sum.Duplicates}
	}
	return sum, nil
}

// copyFolder replaces to with a copy of from; nothing when they are the
// same folder.
func copyFolder(from, to string) error {
	a, _ := filepath.Abs(from)
	b, _ := filepath.Abs(to)
	if a == b {
		return nil
	}
	if err := os.RemoveAll(to); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		return fmt.Errorf("merge: copy %s: %w", from, err)
	}
	return nil
}
