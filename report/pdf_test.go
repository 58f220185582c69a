package report

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/didi-index/didi/result"
)

// needPoppler skips the test when a poppler tool is missing, except in CI
// (env CI set), where its absence is a failure.
func needPoppler(t *testing.T, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (poppler-utils) is required in CI: %v", tool, err)
		}
		t.Skipf("%s not installed", tool)
	}
	return path
}

// renderPDF renders r in langs and writes it into a temporary file.
func renderPDF(t testing.TB, r *result.Result, langs []string) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := (pdfWriter{}).Write(&buf, r, langs); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// pdfText runs pdftotext and folds all whitespace (including no-break
// spaces) into single spaces.
func pdfText(t *testing.T, path string, args ...string) string {
	t.Helper()
	out, err := exec.Command(needPoppler(t, "pdftotext"), append(args, path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(string(out), "\u00a0", " ")), " ")
}

// fold folds whitespace like pdfText.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

func TestPDFTextInOrder(t *testing.T) {
	r := loadFixture(t)
	path, _ := renderPDF(t, r, []string{"nl", "fr"})
	text := pdfText(t, path)
	nl := strings.Index(text, "Nederlands · Rapport over digitale inclusie")
	fr := strings.Index(text, "Français · Rapport sur l'inclusion numérique")
	if nl < 0 || fr < 0 || fr < nl {
		t.Fatalf("the Dutch section (at %d) must come before the French one (at %d)", nl, fr)
	}
	sections := map[string]string{"nl": text[nl:fr], "fr": text[fr:]}
	for lang, sec := range sections {
		v := buildView(r, lang)
		want := []string{fold(v.Index), tr(lang, "summary")}
		for _, c := range v.Criteria {
			want = append(want, c.Title)
		}
		for _, tip := range v.TopTips {
			want = append(want, fold(tip.Text))
		}
		for _, w := range want {
			if !strings.Contains(sec, w) {
				t.Errorf("%s section lacks %q", lang, w)
			}
		}
	}
}

func TestPDFSingleLanguage(t *testing.T) {
	path, _ := renderPDF(t, loadFixture(t), []string{"en"})
	text := pdfText(t, path)
	for _, w := range []string{"Digital inclusion report", "Summary", "Works on any device", "Appendix", "Page 3 of"} {
		if !strings.Contains(text, w) {
			t.Errorf("English report lacks %q", w)
		}
	}
	for _, w := range []string{"Samenvatting", "Résumé"} {
		if strings.Contains(text, w) {
			t.Errorf("English report contains %q", w)
		}
	}
}

func TestPDFCharacters(t *testing.T) {
	const all = "é è ê ë ï ç œ Œ « » € ’ … ä ö ü ß É À"
	r := fixtureResult(2)
	r.Criteria[0].Why = txt("Kerstmis: "+all, "Noël : "+all, "Christmas: "+all)
	path, _ := renderPDF(t, r, []string{"nl", "fr", "en"})
	text := pdfText(t, path)
	for _, ch := range strings.Fields(all) {
		if !strings.Contains(text, ch) {
			t.Errorf("character %q does not survive a pdftotext round trip", ch)
		}
	}
	if !strings.Contains(text, "Noël : "+all) {
		t.Error("French text with no-break spaces did not survive")
	}
}

func TestPDFFontsEmbedded(t *testing.T) {
	path, _ := renderPDF(t, loadFixture(t), nil)
	out, err := exec.Command(needPoppler(t, "pdffonts"), path).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, line := range lines[2:] {
		f := strings.Fields(line)
		// name type... encoding emb sub uni object ID: emb is the 5th field from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", line)
		}
		if !strings.Contains(line, "TrueType") {
			t.Errorf("not a TrueType font: %s", line)
		}
	}
}

func TestPDFProperties(t *testing.T) {
	path, raw := renderPDF(t, loadFixture(t), nil)
	out, err := exec.Command(needPoppler(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo cannot read the PDF: %v", err)
	}
	info := string(out)
	for _, w := range []string{"Title:", "Index voor digitale inclusie vanaf het ontwerp", "Author:          didi 0.1.0", "Subject:         Rapport over digitale inclusie / Rapport sur l'inclusion numérique"} {
		if !strings.Contains(info, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, info)
		}
	}
	_, again := renderPDF(t, loadFixture(t), nil)
	if !bytes.Equal(raw, again) {
		t.Error("two renderings of the same Result differ")
	}
}

// bboxPage is a page of pdftotext -bbox output.
type bboxPage struct {
	Width  float64    `xml:"width,attr"`
	Height float64    `xml:"height,attr"`
	Words  []bboxWord `xml:"word"`
}

// bboxWord is one word and its box, in points.
type bboxWord struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

// stressResult is a 25-page scan where nearly every check fails with long
// URLs, selectors and snippets.
func stressResult() *result.Result {
	r := fixtureResult(25)
	long := "https://www.voorbeeld-gemeente.be/" + strings.Repeat("heel-lang-pad-zonder-spaties/", 12) + "?q=" + strings.Repeat("x", 120)
	for ci := range r.Criteria {
		for ki := range r.Criteria[ci].Checks {
			ch := &r.Criteria[ci].Checks[ki]
			for oi := range ch.Outcomes {
				o := &ch.Outcomes[oi]
				if o.Outcome != "pass" {
					continue
				}
				o.Outcome = "fail"
				ch.Counts["pass"]--
				ch.Counts["fail"]++
				o.Evidence = []result.Evidence{{
					Selector: strings.Repeat("body > div.wrapper > ", 10) + "span",
					Snippet:  `<div class="` + strings.Repeat("utility-class ", 40) + `">` + long + `</div>`,
					Message:  txt(strings.Repeat("Een lange melding over wat er fout gaat. ", 6), strings.Repeat("Un long message sur ce qui ne va pas. ", 6), strings.Repeat("A long message about what goes wrong. ", 6)),
				}}
			}
		}
	}
	for i := range r.Pages {
		r.Pages[i].URL = long + "&page=" + strconv.Itoa(i)
	}
	return r
}

func TestPDFStressStaysInMargins(t *testing.T) {
	r := stressResult()
	path, raw := renderPDF(t, r, []string{"nl", "fr"})
	if len(raw) > 2<<20 {
		t.Errorf("PDF of a 25-page scan is %d bytes, want < 2 MB", len(raw))
	}
	if dir := os.Getenv("DIDI_REPORT_OUT"); dir != "" {
		os.WriteFile(filepath.Join(dir, "stress.pdf"), raw, 0o644)
	}
	if pages := checkMargins(t, path); pages < 20 {
		t.Errorf("only %d pages", pages)
	}
}

// checkMargins fails for every word of the PDF outside the side margins or
// below the footer line, and returns the number of pages.
func checkMargins(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(needPoppler(t, "pdftotext"), "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := parseBBox(t, out)
	const mm = 72 / 25.4
	const tol = 0.5 * mm
	for pi, p := range pages {
		for _, w := range p.Words {
			if w.XMin < marginL*mm-tol || w.XMax > p.Width-marginR*mm+tol || w.YMin < 0 || w.YMax > p.Height-8*mm {
				t.Errorf("page %d: %q at x %.0f–%.0f, y %.0f–%.0f leaves the margins", pi+1, w.Text, w.XMin, w.XMax, w.YMin, w.YMax)
			}
		}
	}
	return len(pages)
}

func TestPDFManyCriteria(t *testing.T) {
	r := fixtureResult(3)
	base := r.Criteria
	for i := 0; len(r.Criteria) < 20; i++ {
		c := base[i%len(base)]
		c.ID = c.ID + strconv.Itoa(i)
		c.Title = txt("Extra criterium "+strconv.Itoa(i), "Critère en plus "+strconv.Itoa(i), "Extra criterion "+strconv.Itoa(i))
		r.Criteria = append(r.Criteria, c)
	}
	path, _ := renderPDF(t, r, []string{"nl", "fr", "en"})
	checkMargins(t, path)
	toc := pdfText(t, path, "-f", "2", "-l", "3")
	for _, w := range []string{"Extra criterium 12", "Critère en plus 12", "Extra criterion 12", "Appendix"} {
		if !strings.Contains(toc, w) {
			t.Errorf("table of contents lacks %q", w)
		}
	}
}

// parseBBox reads the pages of pdftotext -bbox output (XHTML).
func parseBBox(t *testing.T, out []byte) []bboxPage {
	t.Helper()
	var pages []bboxPage
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "page" {
			var p bboxPage
			if err := dec.DecodeElement(&p, &se); err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p)
		}
	}
	return pages
}

// BenchmarkPDF500 renders the bilingual PDF of a 500-page scan.
func BenchmarkPDF500(b *testing.B) {
	r := fixtureResult(500)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := (pdfWriter{}).Write(&buf, r, []string{"nl", "fr"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/pdf")
}

// BenchmarkHTML500 renders the HTML report of a 500-page scan.
func BenchmarkHTML500(b *testing.B) {
	r := fixtureResult(500)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := (htmlWriter{}).Write(&buf, r, []string{"nl", "fr"}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPDFTableOfContents(t *testing.T) {
	r := loadFixture(t)
	path, _ := renderPDF(t, r, []string{"nl", "fr"})
	out, err := exec.Command(needPoppler(t, "pdftotext"), "-layout", "-f", "2", "-l", "2", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	entry := regexp.MustCompile(`^\s*(\S.*?)\s+(\d+)\s*$`)
	var entries [][2]string
	for _, line := range strings.Split(string(out), "\n") {
		if m := entry.FindStringSubmatch(line); m != nil && !strings.Contains(m[1], "Pagina") {
			entries = append(entries, [2]string{m[1], m[2]})
		}
	}
	// Per language: the language, the summary, seven criteria, the appendix.
	if len(entries) != 2*10 {
		t.Fatalf("table of contents has %d entries, want 20:\n%s", len(entries), out)
	}
	for i, e := range entries {
		page, _ := strconv.Atoi(e[1])
		text := pdfText(t, path, "-f", e[1], "-l", e[1])
		title := fold(e[0])
		if i%10 == 0 { // the language entry points at the language's cover
			title = strings.SplitN(title, ":", 2)[0]
		}
		if !strings.Contains(text, title) {
			t.Errorf("entry %q points at page %d, which does not show it", e[0], page)
		}
		if i%10 == 1 {
			next, _ := strconv.Atoi(entries[i+1][1])
			if next != page+1 {
				t.Errorf("the summary takes %d pages, want 1", next-page)
			}
		}
	}
}
