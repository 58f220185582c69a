// Package report renders a result.Result into the formats people read and
// tools consume: a bilingual PDF for management, a self-contained HTML page,
// a Markdown summary for pull requests and CI, and result.json itself.
//
// Writers read the Result alone (no model, no flags), so `didi report` can
// render any format again from a saved result.json. Every text shown comes
// either from the Result (criterion, question and check texts in every
// language) or from the chrome table in i18n.go.
package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/didi-index/didi/result"

	"github.com/didi-index/didi/internal/atomicfile"
)

// Writer renders a Result in one format.
type Writer interface {
	// Format is the format's name, as given to --format ("pdf", "html"...).
	Format() string
	// Write renders r in langs (report languages, e.g. nl and fr) to w.
	// Empty langs means r.Languages, or nl and fr when that is empty too.
	Write(w io.Writer, r *result.Result, langs []string) error
}

// format is a registered output format.
type format struct {
	file   string        // file name written by WriteFiles
	writer func() Writer // makes the writer
}

// formats are the registered formats. To add one, write a Writer in its
// own file and add a line here.
var formats = map[string]format{
	"json":  {file: "result.json", writer: func() Writer { return jsonWriter{} }},
	"md":    {file: "didi-report.md", writer: func() Writer { return markdownWriter{} }},
	"html":  {file: "didi-report.html", writer: func() Writer { return htmlWriter{} }},
	"pdf":   {file: "didi-report.pdf", writer: func() Writer { return pdfWriter{} }},
	"junit": {file: "didi-junit.xml", writer: func() Writer { return junitWriter{} }},
	"sarif": {file: "didi.sarif", writer: func() Writer { return sarifWriter{} }},
}

// ErrUnknownFormat is returned for a format no writer handles.
var ErrUnknownFormat = errors.New("unknown report format")

// WriterFor returns the writer of format.
func WriterFor(name string) (Writer, error) {
	f, ok := formats[name]
	if !ok {
		return nil, fmt.Errorf("%w %q (known: %v)", ErrUnknownFormat, name, Formats())
	}
	return f.writer(), nil
}

// Formats lists the known formats, sorted.
func Formats() []string {
	out := make([]string, 0, len(formats))
	for name := range formats {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// FileName is the file WriteFiles writes for format, e.g. "didi-report.pdf".
func FileName(name string) (string, error) {
	f, ok := formats[name]
	if !ok {
		return "", fmt.Errorf("%w %q", ErrUnknownFormat, name)
	}
	return f.file, nil
}

// WriteFiles renders r in every format into dir (created if needed), each
// file written atomically, and returns the paths written in the order of
// formats. It stops at the first error.
func WriteFiles(dir string, r *result.Result, formats, langs []string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create report folder: %w", err)
	}
	var paths []string
	for _, name := range formats {
		w, err := WriterFor(name)
		if err != nil {
			return paths, err
		}
		file, _ := FileName(name)
		path := filepath.Join(dir, file)
		err = atomicfile.Write(path, func(out io.Writer) error { return w.Write(out, r, langs) })
		if err != nil {
			return paths, fmt.Errorf("write %s report: %w", name, err)
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// ErrNoResult is returned when a writer gets a nil Result.
var ErrNoResult = errors.New("no result to render")

// resolveLangs picks the report languages: langs, else r.Languages, else nl
// and fr. Every language must have chrome texts; duplicates are dropped.
func resolveLangs(r *result.Result, langs []string) ([]string, error) {
	if r == nil {
		return nil, ErrNoResult
	}
	if len(langs) == 0 {
		langs = r.Languages
	}
	if len(langs) == 0 {
		langs = []string{"nl", "fr"}
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(langs))
	for _, l := range langs {
		if !supportedLang(l) {
			return nil, fmt.Errorf("report language %q is not supported (use %v)", l, Languages)
		}
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out, nil
}
