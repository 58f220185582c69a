package criteria

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem in a model or answers file, at a position.
type Error struct {
	// File is the name of the file as given to the loader.
	File string
	// Line and Col are 1-based.
	Line, Col int
	// Msg says what is wrong, in English (developer-facing).
	Msg string
}

// Error formats the problem as "file:line:column: message".
func (e Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Errors is every problem found in a file, sorted by position. The loaders
// return it (as an error) so that all problems are reported at once; use
// errors.As to get it back.
type Errors []Error

// Error formats one problem per line, sorted by position.
func (es Errors) Error() string {
	var lines []string
	for _, e := range es.sorted() {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// sorted returns a copy sorted by file, line, column and message, without
// exact duplicates.
func (es Errors) sorted() Errors {
	out := append(Errors(nil), es...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Msg < b.Msg
	})
	uniq := make(Errors, 0, len(out))
	for _, e := range out {
		if len(uniq) > 0 && e == uniq[len(uniq)-1] {
			continue
		}
		uniq = append(uniq, e)
	}
	return uniq
}

// orNil returns the sorted errors, or nil when there are none, so callers can
// return it as an error safely.
func (es Errors) orNil() error {
	if len(es) == 0 {
		return nil
	}
	return es.sorted()
}

// pos is a position in a YAML file.
type pos struct{ Line, Col int }

// positions maps a path in the document ("criteria/2/questions/0/id") to the
// position of the value there.
type positions map[string]pos

// at returns the position of path, or of its nearest ancestor that has one
// (a missing field is reported where its parent is).
func (p positions) at(path string) pos {
	for {
		if q, ok := p[path]; ok {
			return q
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			if q, ok := p[""]; ok {
				return q
			}
			return pos{1, 1}
		}
		path = path[:i]
	}
}

// has reports whether path was present in the document.
func (p positions) has(path string) bool {
	_, ok := p[path]
	return ok
}

// reporter collects errors for one file.
type reporter struct {
	file string
	pos  positions
	errs Errors
}

// at records a problem at the position of path.
func (r *reporter) at(path, format string, args ...any) {
	q := r.pos.at(path)
	r.errs = append(r.errs, Error{File: r.file, Line: q.Line, Col: q.Col, Msg: fmt.Sprintf(format, args...)})
}

// atPos records a problem at an explicit position.
func (r *reporter) atPos(q pos, format string, args ...any) {
	r.errs = append(r.errs, Error{File: r.file, Line: q.Line, Col: q.Col, Msg: fmt.Sprintf(format, args...)})
}
