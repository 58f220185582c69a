// Package batch scans many sites in one run (`didi batch`) and builds one
// summary of them, also from several shards' outputs (`didi merge`). It is
// a thin caller of the engine: it reads the sites file, picks the sites of
// its shard, runs engine.Run for each in one shared browser, writes each
// site's reports and the summary (csv, json, html), and resumes a run that
// was stopped. It brings no scheduler: Kubernetes Indexed Jobs or CI
// matrices start the shards (docs/batch.md).
package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/diag"
)

// Site is one site of a sites file.
type Site struct {
	// URL is the start URL as given; Key is its normalised form
	// (crawler.Normalize), the site's identity for shards, slugs and merges.
	URL string `json:"url"`
	Key string `json:"key"`
	// Name and Group are optional labels (CSV columns); Answers is the path
	// of the site's answers file, relative to the working directory.
	Name    string `json:"name,omitempty"`
	Group   string `json:"group,omitempty"`
	Answers string `json:"answers,omitempty"`
	// Line is the line of the sites file the site is on.
	Line int `json:"-"`
}

// Slug is the name of the site's folder under DIR/sites: readable (host
// and path) and unique (a hash of the key).
func (s Site) Slug() string { return Slug(s.Key) }

// Slug turns a normalised URL into a folder name: the host and path in
// lower-case letters, digits and dashes, at most 48 of them, then 10 hex
// digits of the URL's SHA-256.
func Slug(key string) string {
	readable := strings.TrimPrefix(strings.TrimPrefix(key, "https://"), "http://")
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(readable) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	sum := sha256.Sum256([]byte(key))
	return strings.TrimSuffix(b.String(), "-") + "-" + hex.EncodeToString(sum[:5])
}

// ReadSites reads a sites file: one start URL a line (blank lines and #
// comments skipped), or CSV whose first line is a header naming the
// columns url (required), name, group and answers. Answers paths are
// relative to the sites file. Errors name file:line:column; a URL given
// twice is an error.
func ReadSites(path string) ([]Site, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read sites file: %w", err)
	}
	sites, err := ParseSites(path, b)
	if err != nil {
		return nil, err
	}
	for i := range sites {
		if a := sites[i].Answers; a != "" && !filepath.IsAbs(a) {
			sites[i].Answers = filepath.Join(filepath.Dir(path), a)
		}
	}
	return sites, nil
}

// ParseSites parses the contents of a sites file; name is used in errors.
func ParseSites(name string, b []byte) ([]Site, error) {
	var sites []Site
	var errs diag.Errors
	if isCSV(b) {
		sites, errs = parseCSV(name, b)
	} else {
		sites, errs = parseLines(name, b)
	}
	seen := map[string]int{}
	for _, s := range sites {
		if first, ok := seen[s.Key]; ok {
			errs = append(errs, diag.Error{File: name, Line: s.Line, Col: 1, Msg: fmt.Sprintf("%s is already on line %d", s.URL, first)})
			continue
		}
		seen[s.Key] = s.Line
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(sites) == 0 {
		return nil, diag.Errors{{File: name, Line: 1, Col: 1, Msg: "no site in the file: give one start URL a line, or a CSV with a url column"}}
	}
	return sites, nil
}

// isCSV reports whether the first line that is not blank or a comment is a
// CSV header with a url column.
func isCSV(b []byte) bool {
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, f := range strings.Split(line, ",") {
			if strings.EqualFold(strings.Trim(strings.TrimSpace(f), `"`), "url") {
				return true
			}
		}
		return false
	}
	return false
}

// site checks one URL and makes a Site of it.
func site(name, raw string, line, col int) (Site, *diag.Error) {
	key, ok := crawler.Normalize(raw)
	if !ok {
		return Site{}, &diag.Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf("%q is not an absolute http:// or https:// URL", raw)}
	}
	return Site{URL: strings.TrimSpace(raw), Key: key, Line: line}, nil
}

func parseLines(name string, b []byte) ([]Site, diag.Errors) {
	var sites []Site
	var errs diag.Errors
	for i, line := range strings.Split(string(b), "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		s, err := site(name, trimmed, i+1, strings.Index(line, trimmed)+1)
		if err != nil {
			errs = append(errs, *err)
			continue
		}
		sites = append(sites, s)
	}
	return sites, errs
}

// columns are the CSV columns a sites file may have.
var columns = []string{"url", "name", "group", "answers"}

func parseCSV(name string, b []byte) ([]Site, diag.Errors) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		return nil, diag.Errors{csvError(name, err)}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		line, c := r.FieldPos(i)
		switch _, dup := col[h]; {
		case !slices.Contains(columns, h):
			return nil, diag.Errors{{File: name, Line: line, Col: c, Msg: fmt.Sprintf("unknown column %q (use %s)", h, strings.Join(columns, ", "))}}
		case dup:
			return nil, diag.Errors{{File: name, Line: line, Col: c, Msg: fmt.Sprintf("column %q is given twice", h)}}
		}
		col[h] = i
	}
	var sites []Site
	var errs diag.Errors
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			if !errors.Is(err, csv.ErrFieldCount) {
				break
			}
			continue
		}
		field := func(c string) string {
			if i, ok := col[c]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		line, c := r.FieldPos(col["url"])
		s, derr := site(name, field("url"), line, c)
		if derr != nil {
			errs = append(errs, *derr)
			continue
		}
		s.Name, s.Group, s.Answers = field("name"), field("group"), field("answers")
		sites = append(sites, s)
	}
	return sites, errs
}

func csvError(name string, err error) diag.Error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return diag.Error{File: name, Line: pe.Line, Col: max(pe.Column, 1), Msg: pe.Err.Error()}
	}
	return diag.Error{File: name, Line: 1, Col: 1, Msg: err.Error()}
}
