package text

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestVisible(t *testing.T) {
	tests := []struct{ src, want string }{
		{`<p>Hallo <b>wereld</b></p><p>twee</p>`, "Hallo wereld twee"},
		{`<p>a<script>x()</script><style>p{}</style><span hidden>no</span><span style="display: none">no</span>b</p>`, "ab"},
		{`<div>een</div><div>twee</div><code>&lt;p&gt;</code>`, "een twee"},
		{`<p>x<input type="text">y<img src="a.png">z</p>`, "x y z"},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := Visible(doc); got != tt.want {
			t.Errorf("Visible(%s) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestFoldAndWords(t *testing.T) {
	if got := Fold("  Élève  À\tl’école "); got != "eleve a l'ecole" {
		t.Errorf("Fold: %q", got)
	}
	if got := IdentWords("customer[firstName]"); got != "customer first name" {
		t.Errorf("IdentWords: %q", got)
	}
	if got := strings.Join(Words("Één, twee-drie!"), "|"); got != "een|twee|drie" {
		t.Errorf("Words: %q", got)
	}
}

func TestCollapseIsFieldsJoined(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "a\u2003 b",
		"\xffa \xfe", "é  à", " \u00a0 ", "lees meer", "Lees\n  meer »"} {
		if got, want := Collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapse(f *testing.F) {
	f.Add("a \u00a0b\xff ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("Collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
