package report

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/result"
)

// siteTextResult is a small scan in which s stands in every field that
// holds text from the site or the team: the target, the organisation and
// product, the first failing element's page, selector, snippet and
// message, a page address and its error, a scan note.
func siteTextResult(s string) *result.Result {
	r := fixtureResult(2)
	r.Target, r.Targets = "https://www.voorbeeld-gemeente.be/"+s, nil
	r.Assessment = &result.Assessment{Organisation: "Org " + s, Product: "Product " + s}
	r.Pages[1].URL = "https://www.voorbeeld-gemeente.be/" + s + "/page"
	r.Pages[1].Error, r.Pages[1].ErrorCode = "failed "+s, ""
	r.Scan.Notes = append(r.Scan.Notes, result.Text{"nl": "Noot " + s, "fr": "Note " + s, "en": "Note " + s})
	for ci := range r.Criteria {
		for ki := range r.Criteria[ci].Checks {
			ch := &r.Criteria[ci].Checks[ki]
			for oi := range ch.Outcomes {
				o := &ch.Outcomes[oi]
				if o.Outcome == "fail" && len(o.Evidence) > 0 {
					o.URL = "https://www.voorbeeld-gemeente.be/" + s
					e := &o.Evidence[0]
					e.Selector = "p." + s
					e.Snippet = "<p>" + s + "</p>"
					e.Message = txt("Tekst "+s+" is fout.", "Le texte "+s+" est faux.", "Text "+s+" is wrong.")
					return r
				}
			}
		}
	}
	panic("fixture has no failing element")
}

// hostileBidi is site text with every kind of bidi control: an override
// left open, an isolate closed that was never opened, an embedding and
// the marks.
const hostileBidi = "abc\u202Edef\u2069ghi\u202Bjkl\u202C\u200F\u200E\u061C\u2066x"

func TestBalanceBidi(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\u202Eb", "a\u202Eb\u202C"},
		{"a\u2069\u202Eb", "a\u202Eb\u202C"},
		{"\u2067a\u202Eb\u2069c\u202C", "\u2067a\u202Eb\u2069c"},
		{"\u202Ba\u2066b\u202Cc", "\u202Ba\u2066bc\u2069\u202C"},
		{"\u200Fא\u200E", "\u200Fא\u200E"},
	}
	for _, tt := range tests {
		if got := balanceBidi(tt.in); got != tt.want {
			t.Errorf("balanceBidi(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
	if got := showBidi("a\u202Eb\u061C"); got != "a[U+202E]b[U+061C]" {
		t.Errorf("showBidi gave %q", got)
	}
}

// hasBidi reports whether s holds a bidi control character.
func hasBidi(s string) bool { return strings.IndexFunc(s, isBidiControl) >= 0 }

// TestBidiIsolatedInEveryFormat renders a scan whose site texts hold bidi
// controls: in HTML every such text is inside a <bdi> with balanced
// controls (the <title>, which cannot hold markup, shows them between an
// isolate pair); Markdown and PDF hold no bidi control at all and show
// each one as "[U+202E]".
func TestBidiIsolatedInEveryFormat(t *testing.T) {
	r := siteTextResult(hostileBidi)
	render := func(w Writer) []byte {
		var buf bytes.Buffer
		if err := w.Write(&buf, r, []string{"nl", "fr"}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	t.Run("html", func(t *testing.T) {
		doc, err := html.Parse(bytes.NewReader(render(htmlWriter{})))
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		var walk func(n *html.Node, inBdi bool, parent string)
		walk = func(n *html.Node, inBdi bool, parent string) {
			if n.Type == html.TextNode && hasBidi(n.Data) {
				found++
				dir, _ := attr(n.Parent, "dir")
				switch {
				case n.Parent.Parent != nil && n.Parent.Parent.Data == "code" && dir != "ltr":
					t.Errorf("code not isolated left to right: %+q", n.Data)
				case parent == "title":
					if !strings.Contains(n.Data, "\u2068https://www.voorbeeld-gemeente.be/abc[U+202E]def") || strings.Count(n.Data, "\u2068") != 1 || strings.Count(n.Data, "\u2069") != 1 {
						t.Errorf("title does not isolate the site text: %+q", n.Data)
					}
				case !inBdi:
					t.Errorf("site text outside <bdi> in <%s>: %+q", parent, n.Data)
				case balanceBidi(n.Data) != n.Data:
					t.Errorf("unbalanced bidi controls in <bdi>: %+q", n.Data)
				}
			}
			if n.Type == html.ElementNode {
				inBdi = inBdi || n.Data == "bdi"
				parent = n.Data
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inBdi, parent)
			}
		}
		walk(doc, false, "")
		// target ×2 (title, h1) and per language: organisation, product,
		// target, page, selector, snippet, message, page address, error, note.
		if found < 2+2*10 {
			t.Errorf("only %d texts with bidi controls: a site text went missing", found)
		}
	})
	t.Run("md", func(t *testing.T) {
		md := string(render(markdownWriter{}))
		if hasBidi(md) {
			t.Errorf("Markdown holds a bidi control")
		}
		if !strings.Contains(md, mdEscape("abc[U+202E]def[U+2069]ghi[U+202B]jkl[U+202C][U+200F][U+200E][U+061C][U+2066]x")) {
			t.Errorf("Markdown does not show the controls:\n%s", md)
		}
	})
	t.Run("pdf", func(t *testing.T) {
		path, _ := renderPDF(t, r, []string{"nl", "fr"})
		text := pdfText(t, path)
		if hasBidi(text) {
			t.Errorf("PDF text holds a bidi control")
		}
		if n := strings.Count(text, "[U+202E]"); n < 10 {
			t.Errorf("PDF shows [U+202E] %d times, want it for every site text", n)
		}
		out, err := exec.Command(needPoppler(t, "pdfinfo"), path).Output()
		if err != nil {
			t.Fatal(err)
		}
		if hasBidi(string(out)) || !strings.Contains(string(out), "abc[U+202E]def") {
			t.Errorf("PDF title does not show the controls:\n%s", out)
		}
	})
}

// TestDiffSelectorBidiShown: a right-to-left override in a failing
// element's selector is shown, not obeyed, in the Markdown diff (its code
// span does not go through mdEscape).
func TestDiffSelectorBidiShown(t *testing.T) {
	p := result.Problem{Check: "image-alt", Page: "/", URL: "https://x.be/", Selector: "#a\u202Egnp.exe"}
	d := result.Diff{Problems: result.ProblemDiff{New: []result.Problem{p}}}
	var b bytes.Buffer
	if err := WriteDiff(&b, d, "md", "en"); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(b.String(), '\u202E') {
		t.Errorf("the diff holds a right-to-left override:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "`#a[U+202E]gnp.exe`") {
		t.Errorf("the selector is not shown with its override named:\n%s", b.String())
	}
}
