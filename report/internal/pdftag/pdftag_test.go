package pdftag

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// page is an Out that records what is written on each page.
type page struct {
	n    int
	text map[int][]string
}

func (p *page) RawWriteStr(s string) { p.text[p.n] = append(p.text[p.n], s) }
func (p *page) PageNo() int          { return p.n }

func TestMarkedContent(t *testing.T) {
	tests := []struct {
		name string
		draw func(t *Tagger, p *page)
		want map[int]string // page → operators, space-separated
	}{
		{"content opens once", func(t *Tagger, p *page) {
			t.Begin("P")
			t.Content()
			t.Content()
			t.End()
		}, map[int]string{1: "/P <</MCID 0>> BDC EMC"}},
		{"nothing drawn, nothing marked", func(t *Tagger, p *page) {
			t.Begin("Sect")
			t.Begin("P")
			t.End()
			t.End()
		}, map[int]string{}},
		{"an artifact closes content, which opens again", func(t *Tagger, p *page) {
			t.Begin("TD")
			t.Content()
			t.Artifact(Decoration, func() { t.Content() })
			t.Content()
			t.End()
		}, map[int]string{1: "/TD <</MCID 0>> BDC EMC /Artifact BMC EMC /TD <</MCID 1>> BDC EMC"}},
		{"a page break splits content", func(t *Tagger, p *page) {
			t.Begin("P")
			t.Content()
			t.Break()
			t.Artifact(Footer, func() {})
			p.n = 2
			t.Resume()
			t.End()
		}, map[int]string{
			1: "/P <</MCID 0>> BDC EMC /Artifact <</Type /Pagination /Subtype /Footer>> BDC EMC",
			2: "/P <</MCID 0>> BDC EMC",
		}},
		{"a child element ends its parent's content", func(t *Tagger, p *page) {
			t.Begin("LI")
			t.Content()
			t.Begin("Lbl")
			t.Content()
			t.End()
			t.End()
		}, map[int]string{1: "/LI <</MCID 0>> BDC EMC /Lbl <</MCID 1>> BDC EMC"}},
		{"an element inside an artifact is not tagged", func(t *Tagger, p *page) {
			t.Begin("Table")
			t.Artifact(Pagination, func() {
				t.Begin("TR")
				t.Content()
				t.End()
			})
			t.End()
			if kids := t.root.kids[0].elem.kids; len(kids) != 0 {
				panic("the repeated row is in the tree")
			}
		}, map[int]string{1: "/Artifact <</Type /Pagination>> BDC EMC"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &page{n: 1, text: map[int][]string{}}
			tg := New(p, "nl-BE")
			tt.draw(tg, p)
			for n := range 3 {
				if got := strings.Join(p.text[n], " "); got != tt.want[n] {
					t.Errorf("page %d: %q, want %q", n, got, tt.want[n])
				}
			}
		})
	}
}

// twoPages writes a small PDF with gofpdf, tagged: a heading and a link
// on page 1, a paragraph across the page break, a figure on page 2.
func twoPages(t *testing.T) []byte {
	t.Helper()
	f := gofpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 12)
	tg := New(f, "nl-BE")
	f.SetFooterFunc(func() {
		tg.Break()
		tg.Artifact(Footer, func() { f.SetXY(10, 280); f.CellFormat(0, 5, "footer", "", 0, "L", false, 0, "") })
	})
	f.SetHeaderFunc(tg.Resume)
	f.AddPage()
	target := f.AddLink()
	tg.Begin("H1")
	tg.Content()
	f.CellFormat(0, 10, "Titel", "", 1, "L", false, 0, "")
	tg.End()
	tg.Begin("Link")
	tg.Content()
	tg.Annot()
	f.CellFormat(0, 10, "Naar pagina 2", "", 1, "L", false, target, "")
	tg.End()
	tg.Begin("P").SetLang("fr-BE")
	tg.Content()
	f.CellFormat(0, 10, "Une phrase", "", 1, "L", false, 0, "")
	f.AddPage()
	f.CellFormat(0, 10, "qui continue.", "", 1, "L", false, 0, "")
	tg.End()
	f.SetLink(target, 0, 2)
	tg.Begin("Figure").SetAlt("Een grafiek: één lijn")
	tg.Content()
	f.Line(10, 50, 100, 50)
	tg.End()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := tg.Update(buf.Bytes(), Doc{Lang: "nl-BE"})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUpdate(t *testing.T) {
	out := twoPages(t)
	if !bytes.Equal(out, twoPages(t)) {
		t.Error("the same drawing gives other bytes")
	}
	if !bytes.HasPrefix(out, []byte("%PDF-1.7")) {
		t.Errorf("header %q", out[:8])
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("pdfinfo (poppler-utils) is required in CI: %v", err)
		}
		t.Skip("pdfinfo not installed")
	}
	path := filepath.Join(t.TempDir(), "tagged.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		arg  string
		want []string
	}{
		{"", []string{"Tagged:          yes", "Pages:           2", "PDF version:     1.7"}},
		{"-struct-text", []string{"Document\n  H1 (block)\n    \"Titel\"\n  Link (inline)\n    \"Naar pagina 2\"\n    Object ", "  P (block)\n    \"Une phrase\"\n    \"qui continue.\"\n  Figure\n"}},
	} {
		args := []string{path}
		if tt.arg != "" {
			args = []string{tt.arg, path}
		}
		var stderr bytes.Buffer
		cmd := exec.Command(pdfinfo, args...)
		cmd.Stderr = &stderr
		got, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("pdfinfo %s: %v\n%s", tt.arg, err, stderr.Bytes())
		}
		for _, w := range tt.want {
			if !strings.Contains(string(got), w) {
				t.Errorf("pdfinfo %s lacks %q:\n%s", tt.arg, w, got)
			}
		}
	}
}

func TestUpdateRefuses(t *testing.T) {
	p := &page{n: 1, text: map[int][]string{}}
	for _, tt := range []struct {
		name string
		pdf  []byte
		lang string
	}{
		{"not a pdf", []byte("hello"), "nl-BE"},
		{"no xref table", []byte("%PDF-1.3\nstartxref\n9\n%%EOF\n"), "nl-BE"},
		{"a language that is no tag", []byte("%PDF-1.3\n"), "nl) /JS (x"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(p, tt.lang).Update(tt.pdf, Doc{Lang: tt.lang})
			if err == nil {
				t.Fatal("no error")
			}
			if tt.lang == "nl-BE" && !errors.Is(err, ErrLayout) {
				t.Errorf("error %v is not ErrLayout", err)
			}
		})
	}
}
