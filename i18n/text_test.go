package i18n

import "testing"

func TestFill(t *testing.T) {
	tests := []struct {
		s      string
		params map[string]string
		want   string
	}{
		{"Contrast {ratio}:1 is below {min}:1 {x}", map[string]string{"ratio": "2.1", "min": "4.5"}, "Contrast 2.1:1 is below 4.5:1 {x}"},
		{"no {close", map[string]string{"a": "b"}, "no {close"},
		{"Page {page} of {pages}", map[string]string{"page": "3", "pages": "{nb}"}, "Page 3 of {nb}"},
		{"plain", nil, "plain"},
	}
	for _, tt := range tests {
		if got := Fill(tt.s, tt.params); got != tt.want {
			t.Errorf("Fill(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
