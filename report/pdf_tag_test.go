package report

import (
	"bytes"
	"compress/zlib"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// pdfObjects reads the objects of a PDF that didi wrote: the plain ones
// and those in object streams, a later version of an object (from the
// incremental update) replacing an earlier one. Stream objects keep their
// dictionary only; streams returns their decoded data.
func pdfObjects(t *testing.T, raw []byte) (objs map[int]string, streams map[int][]byte) {
	t.Helper()
	objs, streams = map[int]string{}, map[int][]byte{}
	re := regexp.MustCompile(`(?s)(\d+) 0 obj\n(<<.*?>>)\n?(stream\n|endobj)`)
	for _, m := range re.FindAllSubmatchIndex(raw, -1) {
		n, _ := strconv.Atoi(string(raw[m[2]:m[3]]))
		dict := string(raw[m[4]:m[5]])
		objs[n] = dict
		if string(raw[m[6]:m[7]]) != "stream\n" {
			continue
		}
		length, _ := strconv.Atoi(regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)[1])
		data := raw[m[7] : m[7]+length]
		if strings.Contains(dict, "/FlateDecode") {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("object %d: %v", n, err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatalf("object %d: %v", n, err)
			}
		}
		streams[n] = data
		if !strings.Contains(dict, "/Type /ObjStm") {
			continue
		}
		first, _ := strconv.Atoi(regexp.MustCompile(`/First (\d+)`).FindStringSubmatch(dict)[1])
		head := strings.Fields(string(data[:first]))
		for i := 0; i+1 < len(head); i += 2 {
			num, _ := strconv.Atoi(head[i])
			off, _ := strconv.Atoi(head[i+1])
			end := len(data)
			if i+3 < len(head) {
				end, _ = strconv.Atoi(head[i+3])
				end += first
			}
			objs[num] = strings.TrimSpace(string(data[first+off : end]))
		}
	}
	return objs, streams
}

// pdfString decodes a PDF text string written as <FEFF...>.
func pdfString(t *testing.T, s string) string {
	t.Helper()
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<FEFF"), ">")
	units := make([]uint16, 0, len(s)/4)
	for i := 0; i+4 <= len(s); i += 4 {
		u, err := strconv.ParseUint(s[i:i+4], 16, 16)
		if err != nil {
			t.Fatalf("text string %q: %v", s, err)
		}
		units = append(units, uint16(u))
	}
	return string(utf16.Decode(units))
}

// poppler runs a poppler tool and returns its output; anything it says
// on stderr (a syntax error in the PDF) fails the test.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(needPoppler(t, tool), args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, stderr.Bytes())
	}
	if stderr.Len() > 0 {
		t.Errorf("%s %v complains about the PDF:\n%.2000s", tool, args, stderr.Bytes())
	}
	return string(out)
}

// structLine is one element of pdfinfo -struct-text: its depth, type and
// text (with the text of the elements in it).
type structLine struct {
	depth int
	typ   string
	text  string
}

// pdfStruct runs pdfinfo -struct, or -struct-text with text: poppler's
// reading of the structure tree, each element with the text of its marked
// content.
func pdfStruct(t *testing.T, path string, text bool) []structLine {
	t.Helper()
	arg := "-struct"
	if text {
		arg = "-struct-text"
	}
	out := poppler(t, "pdfinfo", arg, path)
	var lines []structLine
	var open []int // the elements that hold the next line, outermost first
	for _, l := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(l, " ")
		depth := (len(l) - len(trimmed)) / 2
		for len(open) > 0 && lines[open[len(open)-1]].depth >= depth {
			open = open[:len(open)-1]
		}
		switch {
		case trimmed == "", strings.HasPrefix(trimmed, "/"): // an attribute: "/Scope /Column"
		case strings.HasPrefix(trimmed, `"`): // text belongs to its element and the elements around it
			for _, i := range open {
				lines[i].text += strings.TrimSuffix(strings.TrimPrefix(trimmed, `"`), `"`)
			}
		default:
			open = append(open, len(lines))
			lines = append(lines, structLine{depth: depth, typ: strings.TrimSuffix(strings.Fields(trimmed)[0], ":")})
		}
	}
	return lines
}

// TestPDFTagged checks the bilingual report's structure as poppler reads
// it: tagged, its headings in reading order with their texts (the cover's
// H1, the contents, each language's H2 and chapters' H3), lists, tables,
// the table of contents and the radar figures; and in the PDF itself the
// catalog's language, each language part's language and the figures'
// alternative texts.
func TestPDFTagged(t *testing.T) {
	r := loadFixture(t)
	path, raw := renderPDF(t, r, []string{"nl", "fr"})
	out := poppler(t, "pdfinfo", path)
	for _, w := range []string{"Tagged:          yes", "PDF version:     1.7", "Metadata Stream: yes"} {
		if !strings.Contains(out, w) {
			t.Errorf("pdfinfo lacks %q:\n%s", w, out)
		}
	}
	meta := poppler(t, "pdfinfo", "-meta", path)
	for _, w := range []string{`<rdf:li xml:lang="x-default">Index voor digitale inclusie vanaf het ontwerp: https://www.voorbeeld-gemeente.be/</rdf:li>`, "<rdf:li>nl-BE</rdf:li><rdf:li>fr-BE</rdf:li>"} {
		if !strings.Contains(meta, w) {
			t.Errorf("XMP metadata lacks %s:\n%s", w, meta)
		}
	}
	tree := pdfStruct(t, path, false)
	if len(tree) == 0 || tree[0].typ != "Document" {
		t.Fatalf("the structure tree has no Document root: %v", tree)
	}
	types := map[string]int{}
	for _, e := range tree {
		types[e.typ]++
	}
	for _, typ := range []string{"Part", "Sect", "P", "H4", "H5", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "TOC", "TOCI", "Link", "Figure", "Div"} {
		if types[typ] == 0 {
			t.Errorf("no %s element in the structure tree", typ)
		}
	}
	if types["TOCI"] != 20 || types["Figure"] != 3 || types["Part"] != 2 || types["H1"] != 1 {
		t.Errorf("%d TOCI, %d Figure, %d Part, %d H1; want 20, 3 (the cover's and one per language), 2 and 1", types["TOCI"], types["Figure"], types["Part"], types["H1"])
	}

	objs, _ := pdfObjects(t, raw)
	root := regexp.MustCompile(`/Root (\d+) 0 R`).FindAllStringSubmatch(string(raw), -1)
	catalog := objs[atoi(root[len(root)-1][1])]
	for _, w := range []string{"/Type /Catalog", "/MarkInfo <</Marked true>>", "/StructTreeRoot ", "/Lang (nl-BE)", "/DisplayDocTitle true"} {
		if !strings.Contains(catalog, w) {
			t.Errorf("catalog lacks %s: %s", w, catalog)
		}
	}
	var alts, partLangs, spanLangs []string
	reAlt := regexp.MustCompile(`/Alt (<[0-9A-F]+>)`)
	reLang := regexp.MustCompile(`/Lang \(([^)]*)\)`)
	for n := range len(objs) + 1 { // elements are numbered in reading order
		o := objs[n]
		if strings.Contains(o, "/Type /StructElem") && strings.Contains(o, "/K []") {
			t.Errorf("an element without content: %s", o)
		}
		switch {
		case strings.Contains(o, "/S /Figure"):
			if m := reAlt.FindStringSubmatch(o); m != nil {
				alts = append(alts, pdfString(t, m[1]))
			} else {
				t.Errorf("figure without /Alt: %s", o)
			}
		case strings.Contains(o, "/S /Part"):
			if m := reLang.FindStringSubmatch(o); m != nil {
				partLangs = append(partLangs, m[1])
			}
		case strings.Contains(o, "/S /TH "):
			if !strings.Contains(o, "/A <</O /Table /Scope /Column>>") && !strings.Contains(o, "/A <</O /Table /Scope /Row>>") {
				t.Errorf("table header cell without a scope: %s", o)
			}
		case strings.Contains(o, "/S /Span"):
			if m := reLang.FindStringSubmatch(o); m != nil {
				spanLangs = append(spanLangs, m[1])
			}
		}
	}
	// The French half of the cover's bilingual lines (subtitle, date, "sur
	// 100", level label, radar caption) and of the contents' title.
	if want := slices.Repeat([]string{"fr-BE"}, 6); !slices.Equal(spanLangs, want) {
		t.Errorf("spans in another language: %q, want %q", spanLangs, want)
	}
	// Every link of the table of contents is an annotation that points at
	// its Link element, which points back at it.
	links, annots := 0, 0
	reObjr := regexp.MustCompile(`/Type /OBJR /Obj (\d+) 0 R`)
	for _, o := range objs {
		if strings.Contains(o, "/S /Link") {
			for _, m := range reObjr.FindAllStringSubmatch(o, -1) {
				links++
				if a := objs[atoi(m[1])]; !strings.Contains(a, "/Subtype /Link") || !strings.Contains(a, "/StructParent ") {
					t.Errorf("a Link element refers to %s", a)
				}
			}
		}
		if strings.Contains(o, "/Subtype /Link") {
			annots++
		}
	}
	if links != 2*20 || annots != links {
		t.Errorf("%d tagged link annotations of %d, want 40 (text and page number of 20 entries)", links, annots)
	}
	views := []*docView{buildView(r, "nl"), buildView(r, "fr")}
	wantAlts := []string{radarAlt(views[0]), radarAlt(views[0]), radarAlt(views[1])}
	if !slices.Equal(alts, wantAlts) {
		t.Errorf("figure alternative texts:\n got %q\nwant %q", alts, wantAlts)
	}
	if !slices.Equal(partLangs, []string{"nl-BE", "fr-BE"}) {
		t.Errorf("language parts are in %q, want nl-BE and fr-BE", partLangs)
	}
}

// TestPDFHeadings checks with poppler the headings of the bilingual report
// in reading order, with their texts: the cover's H1, the contents' H2,
// each language's H2 and its chapters' H3.
func TestPDFHeadings(t *testing.T) {
	// The fixture with one check and one question per criterion: poppler
	// needs seconds to read the text of a thousand elements.
	r := loadFixture(t)
	for i := range r.Criteria {
		c := &r.Criteria[i]
		c.Checks, c.Questions = c.Checks[:min(1, len(c.Checks))], c.Questions[:min(1, len(c.Questions))]
	}
	path, _ := renderPDF(t, r, []string{"nl", "fr"})
	var got []string
	for _, e := range pdfStruct(t, path, true) {
		if e.typ == "H1" || e.typ == "H2" || e.typ == "H3" {
			got = append(got, e.typ+" "+fold(e.text))
		}
	}
	views := []*docView{buildView(r, "nl"), buildView(r, "fr")}
	want := []string{"H1 " + views[0].Title, "H2 Inhoud / Table des matières"}
	for _, v := range views {
		want = append(want, "H2 "+v.Title, "H3 "+tr(v.Lang, "summary"))
		for _, c := range v.Criteria {
			want = append(want, "H3 "+fold(strconv.Itoa(c.Num)+". "+c.Title))
		}
		want = append(want, "H3 "+tr(v.Lang, "appendix"))
	}
	if !slices.Equal(got, want) {
		t.Errorf("headings H1–H3 in reading order:\n got %q\nwant %q", got, want)
	}
}

// atoi is strconv.Atoi for numbers a regexp matched.
func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// TestPDFContentMarked reads every page's content stream: all text and
// painting is inside marked content, either tagged (an MCID of the
// structure tree) or an artifact, never both and never neither, and the
// marks are balanced on each page.
//
// Its tables go on over pages: the header row they repeat is not a row of
// the table's structure.
func TestPDFContentMarked(t *testing.T) {
	path, raw := renderPDF(t, stressResult(), []string{"nl", "fr"})
	tree := pdfStruct(t, path, false)
	rows := 0
	for i, e := range tree {
		if e.typ != "TR" {
			continue
		}
		heads, cells := 0, 0
		for _, c := range tree[i+1:] {
			if c.depth <= e.depth {
				break
			}
			if c.depth == e.depth+1 {
				cells++
				if c.typ == "TH" {
					heads++
				}
			}
		}
		first := tree[i-1].typ == "Table"
		if heads == cells && !first {
			t.Errorf("element %d: a row of header cells that is not the table's first", i)
		}
		rows++
	}
	if rows < 200 {
		t.Errorf("only %d table rows", rows)
	}
	objs, streams := pdfObjects(t, raw)
	paints := map[string]bool{"Tj": true, "TJ": true, "'": true, `"`: true, "f": true, "F": true, "f*": true,
		"S": true, "s": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true}
	pages := 0
	for n, o := range objs {
		if !strings.Contains(o, "/Type /Page") || strings.Contains(o, "/Type /Pages") || !strings.Contains(o, "/StructParents") {
			continue
		}
		pages++
		content := streams[atoi(regexp.MustCompile(`/Contents (\d+) 0 R`).FindStringSubmatch(o)[1])]
		var stack []string // "tag" or "artifact"
		mcids := 0
		for _, tok := range contentTokens(content) {
			switch {
			case tok == "BDC" || tok == "BMC":
				// the kind was pushed by the name before it
			case tok == "/Artifact":
				stack = append(stack, "artifact")
			case strings.HasPrefix(tok, "/") && len(stack) >= 0 && isStructType(tok[1:]):
				stack = append(stack, "tag")
				mcids++
			case tok == "EMC":
				if len(stack) == 0 {
					t.Fatalf("object %d: EMC without a mark", n)
				}
				stack = stack[:len(stack)-1]
			case paints[tok]:
				if len(stack) == 0 {
					t.Fatalf("object %d: %s outside marked content", n, tok)
				}
			}
			if len(stack) > 1 && stack[len(stack)-1] != stack[len(stack)-2] {
				t.Fatalf("object %d: %s inside %s", n, stack[len(stack)-1], stack[len(stack)-2])
			}
		}
		if len(stack) != 0 {
			t.Errorf("object %d: %d marks left open", n, len(stack))
		}
		if mcids == 0 {
			t.Errorf("object %d: a page without tagged content", n)
		}
	}
	if pages < 20 {
		t.Errorf("only %d tagged pages", pages)
	}
}

// isStructType reports whether name is a structure type didi tags with.
func isStructType(name string) bool {
	switch name {
	case "P", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "LBody", "TH", "TD", "Figure", "TOCI", "Link", "Span":
		return true
	}
	return false
}

// contentTokens splits a content stream into operators and names,
// skipping strings, numbers and dictionaries' contents.
func contentTokens(b []byte) []string {
	var toks []string
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '(':
			depth := 0
			for ; i < len(b); i++ {
				if b[i] == '\\' {
					i++
					continue
				}
				if b[i] == '(' {
					depth++
				} else if b[i] == ')' {
					if depth--; depth == 0 {
						i++
						break
					}
				}
			}
		case c == '<' && i+1 < len(b) && b[i+1] != '<':
			for i < len(b) && b[i] != '>' {
				i++
			}
			i++
		case c == '[' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '<' || c == '>':
			i++
		default:
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t()<>[]/", rune(b[j])) {
				j++
			}
			toks = append(toks, string(b[i:j]))
			i = j
		}
	}
	return toks
}

// TestPDFTaggedOneLanguage checks the levels of a report in one language:
// the cover's H1, then the contents and the chapters as H2, no Part.
func TestPDFTaggedOneLanguage(t *testing.T) {
	r := loadFixture(t)
	path, _ := renderPDF(t, r, []string{"en"})
	types := map[string]int{}
	for _, e := range pdfStruct(t, path, false) {
		types[e.typ]++
	}
	if want := 2 + len(r.Criteria) + 1; types["H1"] != 1 || types["H2"] != want || types["Part"] != 0 || types["H5"] != 0 || types["H4"] == 0 {
		t.Errorf("H1 %d, H2 %d, H4 %d, H5 %d, Part %d; want 1, %d, some, 0, 0", types["H1"], types["H2"], types["H4"], types["H5"], types["Part"], want)
	}
}

// TestPDFListItemsInLists: every list item (LI) of the structure tree is
// in a list (L), the list of what was changed for the scan among them.
func TestPDFListItemsInLists(t *testing.T) {
	path, _ := renderPDF(t, overridesResult(t), []string{"en"})
	tree := pdfStruct(t, path, true)
	items := 0
	for i, e := range tree {
		if e.typ != "LI" {
			continue
		}
		items++
		parent := i - 1
		for parent >= 0 && tree[parent].depth >= e.depth {
			parent--
		}
		if parent < 0 || tree[parent].typ != "L" {
			t.Errorf("list item %q is not in a list", e.text)
		}
	}
	if items == 0 {
		t.Fatal("no list item in the structure tree")
	}
}
