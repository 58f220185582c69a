package result

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/didi-index/didi/diag"
)

// Read loads a result.json. A file that is not valid JSON, has a field of
// the wrong type or another schema version is reported as diag.Errors
// naming file:line:column; a file that cannot be read is a wrapped error.
func Read(path string) (*Result, error) {
	b, err := diag.ReadFile(path, diag.MaxResultBytes)
	if err != nil {
		return nil, fmt.Errorf("read result %s: %w", path, err)
	}
	return Parse(path, b)
}

// Parse decodes a result.json held in b; name is used in error messages.
// The result is normalized: fields an older didi left out are empty, not
// nil.
func Parse(name string, b []byte) (*Result, error) {
	var r Result
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(&r); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		off := int64(0)
		switch {
		case errors.As(err, &syn):
			off = syn.Offset
		case errors.As(err, &typ):
			off = typ.Offset
		}
		line, col := position(b, off)
		return nil, diag.Errors{{File: name, Line: line, Col: col, Msg: "not a valid result.json: " + err.Error()}}
	}
	if r.SchemaVersion != SchemaVersion {
		return nil, diag.Errors{{File: name, Line: 1, Col: 1, Msg: fmt.Sprintf("schema_version %d is not supported (want %d)", r.SchemaVersion, SchemaVersion)}}
	}
	r.Normalize()
	return &r, nil
}

// position turns a byte offset into a 1-based line and column.
func position(b []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(b)))
	line, col = 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// TextLanguages lists the languages the result's texts exist in, in the order
// nl, fr, en, de.
func (r *Result) TextLanguages() []string {
	var out []string
	if len(r.Criteria) > 0 {
		for _, l := range []string{"nl", "fr", "en", "de"} {
			if _, ok := r.Criteria[0].Title[l]; ok {
				out = append(out, l)
			}
		}
	}
	return out
}
