package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/didi-index/didi/result"
)

// jsonWriter writes result.json: the Result itself, indented, with HTML
// characters left as they are so snippets stay readable. The same Result
// gives the same bytes (struct fields in order, map keys sorted).
type jsonWriter struct{}

// Format returns "json".
func (jsonWriter) Format() string { return "json" }

// Write encodes r; langs is ignored because result.json carries every
// language.
func (jsonWriter) Write(w io.Writer, r *result.Result, _ []string) error {
	if r == nil {
		return ErrNoResult
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("encode result.json: %w", err)
	}
	return nil
}
