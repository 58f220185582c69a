package diag_test

import (
	"fmt"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/didi-index/didi/diag"
)

// TestYAMLSyntaxPosition: the position of a syntax error is where the tab
// or the bad indentation is, not the earlier line the parser names.
func TestYAMLSyntaxPosition(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		// The parser says line 3 for a tab on line 4.
		{"tab", "organisation: X\nanswers:\n  a.b: yes\n\tc.d: no\n", "f:4:1"},
		{"tab after spaces", "answers:\n  a.b: yes\n  \tc.d: no\n", "f:3:3"},
		// The parser names the comment on line 3 for the key over-indented on line 6.
		{"over-indented after a comment", "# head\nanswers:\n  # first\n  a.b: yes\n  c.d: \"no\"\n    e.f: no\n", "f:6:5"},
		{"over-indented plain", "answers:\n  a.b: yes\n  c.d: no\n     e.f: no\n", "f:4:6"},
		// The parser names "answers:" (line 3) for the key under-indented on line 9.
		{"under-indented", "organisation: X\n# about answers\nanswers:\n  a.b:\n    answer: yes\n    comment: text\n  c.d:\n    answer: no\n   comment: x\n", "f:9:4"},
		{"block scalar is not indentation", "a: |\n    text\n      more\nb: 1\n  c: 2\n", "f:5:3"},
		{"list items", "urls:\n  - a\n  - b\n    c: 1\n", "f:4:5"},
		{"other error", "a: [1, 2\n", "f:1:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tc.src), &n)
			if err == nil {
				t.Fatal("the YAML parses; the case is wrong")
			}
			got := diag.YAMLSyntax("f", []byte(tc.src), err)
			if pos := fmt.Sprintf("%s:%d:%d", got.File, got.Line, got.Col); pos != tc.want {
				t.Errorf("%v: at %s, want %s (%s)", err, pos, tc.want, got.Msg)
			}
		})
	}
}
