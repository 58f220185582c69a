package criteria

import (
	"fmt"
	"strings"
)

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
