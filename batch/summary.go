package batch

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/didi-index/didi/internal/atomicfile"
	"github.com/didi-index/didi/result"
)

// The status of a site in a summary.
const (
	// StatusDone: the site was scanned; its result.json is in its folder.
	StatusDone = "done"
	// StatusFailed: every attempt failed; Reason says why.
	StatusFailed = "failed"
	// StatusNotScanned: the run stopped (Ctrl-C) before it reached the site.
	StatusNotScanned = "not_scanned"
	// StatusMissing: no shard output holds the site (didi merge).
	StatusMissing = "missing"
)

// Record is a site's site.json, written in its folder after its reports:
// the site, and how its scan went.
type Record struct {
	Site
	Status string `json:"status"`
	// Reason is why the scan failed (StatusFailed), in English; ReasonText
	// says it in every language when the reason is known (no page could be
	// loaded, and why the first one failed).
	Reason     string      `json:"reason,omitempty"`
	ReasonText result.Text `json:"reason_text,omitempty"`
	// Attempts counts the scans tried in the run that wrote the record.
	Attempts int `json:"attempts"`
}

// Entry is one site's folder as read back: its record, and its result
// when the scan was done.
type Entry struct {
	Record
	Result *result.Result
	// Dir is the folder it was read from.
	Dir string
}

// siteDir is the folder of a site's output under out.
func siteDir(out string, s Site) string { return filepath.Join(out, "sites", s.Slug()) }

// writeRecord writes a site's site.json.
func writeRecord(dir string, r Record) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteBytes(filepath.Join(dir, "site.json"), append(b, '\n'))
}

// readEntry reads a site's folder. A folder without site.json (a scan that
// never ended) gives ok false; a done record whose result.json cannot be
// read is an error.
func readEntry(dir string) (e Entry, ok bool, err error) {
	b, err := os.ReadFile(filepath.Join(dir, "site.json"))
	if errors.Is(err, os.ErrNotExist) {
		return e, false, nil
	}
	if err != nil {
		return e, false, fmt.Errorf("read site record: %w", err)
	}
	if err := json.Unmarshal(b, &e.Record); err != nil {
		return e, false, fmt.Errorf("read site record %s: %w", filepath.Join(dir, "site.json"), err)
	}
	e.Dir = dir
	if e.Status == StatusDone {
		if e.Result, err = result.Read(filepath.Join(dir, "result.json")); err != nil {
			return e, false, err
		}
	}
	return e, true, nil
}

// ReadEntries reads every site folder under out/sites, in folder order.
func ReadEntries(out string) ([]Entry, error) {
	dirs, err := os.ReadDir(filepath.Join(out, "sites"))
	if err != nil {
		return nil, fmt.Errorf("read batch output %s: %w", out, err)
	}
	var entries []Entry
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		e, ok, err := readEntry(filepath.Join(out, "sites", d.Name()))
		if err != nil {
			return nil, err
		}
		if ok {
			entries = append(entries, e)
		}
	}
	return entries, nil
}

// Summary is summary.json: one row per site, averages per group and the
// checks that fail on most sites. It holds no time of its own, so that the
// same results give the same bytes, sharded or not.
type Summary struct {
	// Shard is "K/N" when the run covered one shard.
	Shard  string `json:"shard,omitempty"`
	Counts Counts `json:"counts"`
	// Criteria are the column headings, in report order.
	Criteria []Heading `json:"criteria"`
	// Sites are sorted by their normalised URL.
	Sites []Row `json:"sites"`
	// All averages every site done; Groups each group's sites, by name.
	All    Average   `json:"all"`
	Groups []Average `json:"groups,omitempty"`
	// FailingChecks are the checks that fail on most sites, most first.
	FailingChecks []CheckCount `json:"failing_checks"`
	// Duplicates lists sites found in more than one input (didi merge).
	Duplicates []string `json:"duplicates,omitempty"`
}

// Counts counts the sites by status.
type Counts struct {
	Total      int `json:"total"`
	Done       int `json:"done"`
	Failed     int `json:"failed"`
	NotScanned int `json:"not_scanned,omitempty"`
	Missing    int `json:"missing,omitempty"`
}

// Heading is a criterion's id and title.
type Heading struct {
	ID    string      `json:"id"`
	Title result.Text `json:"title"`
}

// Row is one site of the summary.
type Row struct {
	URL    string `json:"url"`
	Key    string `json:"key"`
	Name   string `json:"name,omitempty"`
	Group  string `json:"group,omitempty"`
	Status string `json:"status"`
	Reason string `json:"reason,omitempty"`
	// ReasonText is Reason in every language, when it is known.
	ReasonText result.Text `json:"reason_text,omitempty"`
	Attempts   int         `json:"attempts,omitempty"`
	// Index, Level, Coverage and Criteria (by id) are set when done.
	Index    *float64            `json:"index,omitempty"`
	Level    string              `json:"level,omitempty"`
	Coverage *float64            `json:"coverage,omitempty"`
	Criteria map[string]*float64 `json:"criteria,omitempty"`
	// Pages counts the pages scanned, PagesFailed those with an error.
	Pages       int `json:"pages"`
	PagesFailed int `json:"pages_failed"`
	// Folder is the site's folder, relative to the summary; Report its
	// HTML report, or its result.json without one.
	Folder string `json:"folder,omitempty"`
	Report string `json:"report,omitempty"`
	// Interrupted is true when the scan's own budget cut it short.
	Interrupted bool `json:"interrupted,omitempty"`
}

// Average is the mean scores of a group of sites (done ones only).
type Average struct {
	Group    string              `json:"group"`
	Sites    int                 `json:"sites"`
	Done     int                 `json:"done"`
	Index    *float64            `json:"index"`
	Coverage *float64            `json:"coverage"`
	Criteria map[string]*float64 `json:"criteria"`
}

// CheckCount is a check and the number of sites it fails on.
type CheckCount struct {
	ID    string      `json:"id"`
	Title result.Text `json:"title"`
	// Problem is the check's title when it fails ("There is no
	// accessibility statement yet"), when the model gives one.
	Problem result.Text `json:"problem,omitempty"`
	Sites   int         `json:"sites"`
}

// Heading is what the summary shows for the check: its problem, or its
// title when the model gives no problem.
func (c CheckCount) Heading() result.Text {
	if len(c.Problem) > 0 {
		return c.Problem
	}
	return c.Title
}

// maxFailingChecks bounds Summary.FailingChecks.
const maxFailingChecks = 15

// Build makes the summary of entries. When expected is not nil, it has one
// row per expected site, absent ones with the status absent; entries of
// other sites are left out. When a site is in several entries, the first
// done one counts and the site is listed in Duplicates.
func Build(expected []Site, entries []Entry, absent string) *Summary {
	s := &Summary{}
	var byKey map[string]Entry
	byKey, s.Duplicates = pick(entries)
	var sites []Site
	if expected == nil {
		for _, e := range byKey {
			sites = append(sites, e.Site)
		}
	} else {
		sites = expected
		keep := map[string]bool{}
		for _, x := range expected {
			keep[x.Key] = true
		}
		s.Duplicates = slices.DeleteFunc(s.Duplicates, func(k string) bool { return !keep[k] })
	}
	failing := map[string]*CheckCount{}
	for _, site := range sites {
		e, ok := byKey[site.Key]
		if !ok {
			s.Sites = append(s.Sites, Row{URL: site.URL, Key: site.Key, Name: site.Name, Group: site.Group, Status: absent})
			continue
		}
		r := row(e)
		r.URL, r.Name, r.Group = site.URL, site.Name, site.Group // the sites file's labels are the current ones
		s.Sites = append(s.Sites, r)
		if e.Result != nil {
			s.addHeadings(e.Result)
			countFailing(failing, e.Result)
		}
	}
	slices.SortFunc(s.Sites, func(a, b Row) int { return cmp.Compare(a.Key, b.Key) })
	s.count()
	s.average()
	for _, c := range failing {
		s.FailingChecks = append(s.FailingChecks, *c)
	}
	slices.SortFunc(s.FailingChecks, func(a, b CheckCount) int {
		return cmp.Or(cmp.Compare(b.Sites, a.Sites), cmp.Compare(a.ID, b.ID))
	})
	s.FailingChecks = s.FailingChecks[:min(len(s.FailingChecks), maxFailingChecks)]
	if s.FailingChecks == nil {
		s.FailingChecks = []CheckCount{}
	}
	return s
}

// pick chooses one entry per site: the first done one, else the first.
// dups lists the sites with more than one entry, sorted.
func pick(entries []Entry) (chosen map[string]Entry, dups []string) {
	chosen = map[string]Entry{}
	seen := map[string]int{}
	for _, e := range entries {
		seen[e.Key]++
		if prev, ok := chosen[e.Key]; !ok || prev.Status != StatusDone && e.Status == StatusDone {
			chosen[e.Key] = e
		}
	}
	for k, n := range seen {
		if n > 1 {
			dups = append(dups, k)
		}
	}
	slices.Sort(dups)
	return chosen, dups
}

// row makes the summary row of an entry.
func row(e Entry) Row {
	r := Row{URL: e.URL, Key: e.Key, Name: e.Name, Group: e.Group, Status: e.Status, Reason: e.Reason,
		ReasonText: e.ReasonText, Attempts: e.Attempts, Folder: "sites/" + e.Slug()}
	if res := e.Result; res != nil {
		r.Report = r.Folder + "/result.json"
		if _, err := os.Stat(filepath.Join(e.Dir, "didi-report.html")); err == nil {
			r.Report = r.Folder + "/didi-report.html"
		}
		idx, cov := res.Index, res.Coverage
		r.Index, r.Level, r.Coverage, r.Interrupted = &idx, res.Level, &cov, res.Interrupted
		r.Criteria = map[string]*float64{}
		for _, c := range res.Criteria {
			r.Criteria[c.ID] = c.Score
		}
		for _, p := range res.Pages {
			r.Pages++
			if p.Error != "" {
				r.PagesFailed++
			}
		}
	}
	return r
}

// addHeadings takes the criteria headings from the first result.
func (s *Summary) addHeadings(r *result.Result) {
	if len(s.Criteria) > 0 {
		return
	}
	for _, c := range r.Criteria {
		s.Criteria = append(s.Criteria, Heading{ID: c.ID, Title: c.Title})
	}
}

// countFailing counts each check that fails on at least one page of r.
func countFailing(counts map[string]*CheckCount, r *result.Result) {
	for _, c := range r.Criteria {
		for _, ch := range c.Checks {
			if ch.Counts["fail"] == 0 {
				continue
			}
			if counts[ch.ID] == nil {
				counts[ch.ID] = &CheckCount{ID: ch.ID, Title: ch.Title, Problem: ch.Problem}
			}
			counts[ch.ID].Sites++
		}
	}
}

func (s *Summary) count() {
	s.Counts.Total = len(s.Sites)
	for _, r := range s.Sites {
		switch r.Status {
		case StatusDone:
			s.Counts.Done++
		case StatusFailed:
			s.Counts.Failed++
		case StatusNotScanned:
			s.Counts.NotScanned++
		case StatusMissing:
			s.Counts.Missing++
		}
	}
}

// average fills All and Groups.
func (s *Summary) average() {
	byGroup := map[string][]Row{}
	for _, r := range s.Sites {
		if r.Group != "" {
			byGroup[r.Group] = append(byGroup[r.Group], r)
		}
	}
	s.All = s.mean("", s.Sites)
	for _, g := range slices.Sorted(maps.Keys(byGroup)) {
		s.Groups = append(s.Groups, s.mean(g, byGroup[g]))
	}
}

// mean averages the done rows' scores.
func (s *Summary) mean(group string, rows []Row) Average {
	a := Average{Group: group, Sites: len(rows), Criteria: map[string]*float64{}}
	var idx, cov []float64
	crit := map[string][]float64{}
	for _, r := range rows {
		if r.Status != StatusDone || r.Index == nil {
			continue
		}
		a.Done++
		idx = append(idx, *r.Index)
		cov = append(cov, *r.Coverage)
		for id, v := range r.Criteria {
			if v != nil {
				crit[id] = append(crit[id], *v)
			}
		}
	}
	a.Index, a.Coverage = meanOf(idx, 10), meanOf(cov, 1000)
	for _, h := range s.Criteria {
		a.Criteria[h.ID] = meanOf(crit[h.ID], 10)
	}
	return a
}

// meanOf is the mean of xs rounded to 1/scale; nil for none.
func meanOf(xs []float64, scale float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	m := math.Round(sum/float64(len(xs))*scale) / scale
	return &m
}
