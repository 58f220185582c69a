// Package diag holds the errors that point at a place in an input file:
// "file:line:column: what is wrong". The model and answers loaders, the
// config reader and result.Read return them; the command line turns them
// into exit code 2.
package diag

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

// OrNil returns the sorted errors, or nil when there are none, so callers can
// return it as an error safely.
func (es Errors) OrNil() error {
	if len(es) == 0 {
		return nil
	}
	return es.sorted()
}
