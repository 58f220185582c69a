package crawler

import "encoding/json"

// unquoteJSON decodes a JSON string literal, or returns s as it is.
func unquoteJSON(s string) string {
	var out string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return s
	}
	return out
}
