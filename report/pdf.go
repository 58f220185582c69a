package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/didi-index/didi/report/internal/pdftag"
	"github.com/didi-index/didi/result"
)

// Page geometry of the PDF, in millimetres (A4 portrait).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginL      = 18.0
	marginR      = 18.0
	marginT      = 18.0
	marginB      = 22.0
	contentW     = pageW - marginL - marginR
	pageBottom   = pageH - marginB
	footerY      = pageH - 14.0
	bodySize     = 10.0
	bodyLine     = 5.0
	smallSize    = 8.5
	smallLine    = 4.2
	monoSize     = 7.5
	monoLine     = 3.8
	headingRoom  = 28.0 // a heading needs this much room below it, or it moves to the next page
	maxCellLines = 12   // a table cell never grows beyond this many lines
)

// rgb is a colour.
type rgb struct{ R, G, B int }

// The palette. Text colours have a contrast of at least 7:1 on white.
var (
	colInk    = rgb{27, 31, 36}
	colMuted  = rgb{74, 85, 97}
	colAccent = rgb{11, 79, 138}
	colLine   = rgb{201, 209, 218}
	colSoft   = rgb{238, 243, 248}
	colBad    = rgb{164, 38, 44}
	colGood   = rgb{30, 107, 52}
	colQ      = rgb{47, 111, 143}
	colA      = rgb{91, 63, 140}
	colRadar  = rgb{196, 216, 236}
	colWhite  = rgb{255, 255, 255}
	colWarn   = rgb{122, 74, 0}
)

// pdfWriter writes the PDF report: with several languages one document with
// a multilingual cover, a table of contents and the complete report in each
// language; with one language a single-language report.
type pdfWriter struct{}

// Format returns "pdf".
func (pdfWriter) Format() string { return "pdf" }

// Write renders r in langs as a PDF.
func (pdfWriter) Write(w io.Writer, r *result.Result, langs []string) error {
	langs, err := resolveLangs(r, langs)
	if err != nil {
		return err
	}
	views := make([]*docView, len(langs))
	for i, l := range langs {
		views[i] = buildView(r, l)
	}
	d, err := newPDFDoc(r, views)
	if err != nil {
		return err
	}
	d.render()
	var buf bytes.Buffer
	if err := d.f.Output(&buf); err != nil {
		return fmt.Errorf("render pdf report: %w", err)
	}
	tags := make([]string, len(views))
	for i, v := range views {
		tags[i] = v.Tag
	}
	out, err := d.tag.Update(buf.Bytes(), pdftag.Doc{Lang: views[0].Tag, Title: d.title, Languages: tags})
	if err != nil {
		return fmt.Errorf("render pdf report: %w", err)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write pdf report: %w", err)
	}
	return nil
}

// tocEntry is one line of the table of contents.
type tocEntry struct {
	level int // 0 a language, 1 a chapter
	text  string
	lang  string // the BCP 47 tag of its language
	page  int
	link  int
}

// pdfDoc is a PDF being rendered.
type pdfDoc struct {
	f      *gofpdf.Fpdf
	r      *result.Result
	views  []*docView
	v      *docView // the language being rendered
	footer bool     // whether the current page gets the running footer
	toc    []tocEntry
	tocPg  int // first page of the table of contents
	tocN   int // number of pages reserved for it
	glyphs *glyphSet
	tag    *pdftag.Tagger    // the structure tree: headings, lists, tables, figures
	hOff   int               // added to a heading's rank for its level: H1 is the cover's
	tocEl  *pdftag.Elem      // the table of contents' place in the reading order
	title  string            // the document's title, as its properties say
	marker map[string]string // by language: what stands for characters the fonts lack
	// missing says by language whether the view holds characters the
	// fonts lack, so its summary explains the marker.
	missing map[string]bool
}

// newPDFDoc sets up the document: page, fonts, properties and footer.
func newPDFDoc(r *result.Result, views []*docView) (*pdfDoc, error) {
	glyphs, err := loadGlyphs()
	if err != nil {
		return nil, err
	}
	f := gofpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, r: r, views: views, v: views[0], glyphs: glyphs, marker: map[string]string{}, missing: map[string]bool{}}
	for _, v := range views {
		d.marker[v.Lang] = strings.ReplaceAll(tr(v.Lang, "glyph_missing"), " ", "\u00a0") // one piece on a line
		d.missing[v.Lang] = glyphs.lacksAny(v)
	}
	f.SetMargins(marginL, marginT, marginR)
	f.SetCellMargin(0)
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(true, marginB)
	f.AliasNbPages("{nb}")
	f.SetCompression(true)
	for _, ff := range pdfFonts {
		// gofpdf writes into the font bytes while subsetting; give it a
		// copy so the shared gofont data stays intact and output repeatable.
		f.AddUTF8FontFromBytes(ff.family, ff.style, append([]byte(nil), ff.data...))
	}
	if f.Err() {
		return nil, fmt.Errorf("load pdf fonts: %w", f.Error())
	}
	d.setProperties()
	d.tag = pdftag.New(f, views[0].Tag)
	f.SetFooterFunc(d.drawFooter)
	f.SetHeaderFunc(d.tag.Resume)
	return d, nil
}

// setProperties fills the document information: title, author, subject,
// keywords and dates (from the Result, so the output is reproducible).
func (d *pdfDoc) setProperties() {
	v := d.views[0]
	title := v.Title
	if len(v.Targets) > 0 {
		title += colon(v.Lang) + " " + strings.Join(v.Targets, ", ")
	}
	subjects := make([]string, len(d.views))
	for i, dv := range d.views {
		subjects[i] = dv.Subtitle
	}
	tool := strings.TrimSpace(firstNonEmpty(d.r.Tool.Name, "didi") + " " + d.r.Tool.Version)
	d.title = showBidi(title)
	d.f.SetTitle(d.title, true)
	d.f.SetAuthor(tool, true)
	d.f.SetCreator(tool, true)
	d.f.SetSubject(strings.Join(subjects, " / "), true)
	d.f.SetKeywords(showBidi("digital inclusion, accessibility, WCAG, "+strings.Join(v.Targets, " ")), true)
	t, ok := parseDate(firstNonEmpty(d.r.Finished, d.r.Started))
	if !ok {
		t = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	d.f.SetCreationDate(t.UTC())
	d.f.SetModificationDate(t.UTC())
}

// render lays out the whole document.
func (d *pdfDoc) render() {
	if len(d.views) > 1 {
		d.multiCover()
	} else {
		d.cover(d.views[0], false)
	}
	d.newPage(d.views[0], true)
	d.tocPg, d.tocN = d.f.PageNo(), tocPages(d.views)
	for i := 1; i < d.tocN; i++ {
		d.newPage(d.views[0], true)
	}
	d.tocEl = d.elem("Sect", func() {}) // drawTOC fills it in at the end
	for _, v := range d.views {
		d.chapters(v, len(d.views) > 1)
	}
	last := d.f.PageNo()
	d.drawTOC()
	d.setPage(last)
}

// setPage goes back to page n to draw more on it.
func (d *pdfDoc) setPage(n int) {
	d.tag.Break()
	d.f.SetPage(n)
}

// chapters renders one language: its cover (in a multilingual document),
// the summary, a chapter per criterion and the appendix.
//
// In the structure tree a language is a Part in its language whose
// cover's title is an H2 and whose chapters are H3; a single-language
// report has its chapters as H2, under the cover's H1.
func (d *pdfDoc) chapters(v *docView, withCover bool) {
	d.hOff = 1
	if withCover {
		d.tag.Begin("Part").SetLang(v.Tag)
		defer d.tag.End()
		d.cover(v, true)
		d.mark(0, v.LangName+colon(v.Lang)+" "+v.Subtitle)
		d.hOff = 2
	}
	d.newPage(v, true)
	if !withCover {
		d.mark(0, v.Subtitle)
	}
	d.mark(1, tr(v.Lang, "summary"))
	d.elem("Sect", func() { d.summary(v) })
	for i := range v.Criteria {
		c := &v.Criteria[i]
		d.newPage(v, true)
		d.mark(1, strconv.Itoa(c.Num)+". "+c.Title)
		d.elem("Sect", func() { d.criterion(v, c) })
	}
	d.newPage(v, true)
	d.mark(1, tr(v.Lang, "appendix"))
	d.elem("Sect", func() { d.appendix(v) })
}

// newPage starts a page in language v; footer says whether it gets the
// running footer. The footer of the previous page is drawn by AddPage with
// the previous page's state, so the state changes after it.
func (d *pdfDoc) newPage(v *docView, footer bool) {
	d.f.AddPage()
	d.v, d.footer = v, footer
	d.f.SetXY(marginL, marginT)
}

// mark records a table of contents entry and a bookmark at the current
// position.
func (d *pdfDoc) mark(level int, text string) {
	link := d.f.AddLink()
	d.f.SetLink(link, d.f.GetY(), -1)
	d.toc = append(d.toc, tocEntry{level: level, text: text, lang: d.v.Tag, page: d.f.PageNo(), link: link})
	d.f.Bookmark(d.s(text), level, -1)
}

// drawFooter ends the page's tagged content and draws the running footer,
// an artifact: the report title and target on the left, the page number on
// the right, in the page's language.
func (d *pdfDoc) drawFooter() {
	d.tag.Break()
	if d.footer {
		d.tag.Artifact(pdftag.Footer, d.footerText)
	}
}

// footerText draws the footer's rule and text.
func (d *pdfDoc) footerText() {
	f, v := d.f, d.v
	d.color(colLine, "draw")
	f.SetLineWidth(0.2)
	f.Line(marginL, footerY-2, pageW-marginR, footerY-2)
	d.font("", smallSize)
	d.color(colMuted, "text")
	num := tr(v.Lang, "page_x_of_y", "page", strconv.Itoa(f.PageNo()), "pages", "{nb}")
	numW := f.GetStringWidth(num) + 2
	left := v.Title
	if len(v.Targets) > 0 {
		left += " · " + v.Targets[0]
	}
	f.SetXY(marginL, footerY)
	d.cell(contentW-numW, 4, d.fit(left, contentW-numW-4), 0, "L", 0)
	d.cell(numW, 4, d.s(num), 0, "R", 0)
}

// drawTOC writes the table of contents on its reserved page, with links
// and page numbers.
//
// In the structure tree it takes the place reserved after the cover: an H2
// and a TOC with a TOCI, in its language, per entry.
func (d *pdfDoc) drawTOC() {
	f := d.f
	d.setPage(d.tocPg)
	d.tag.Enter(d.tocEl)
	defer d.tag.End()
	f.SetXY(marginL, marginT)
	d.hOff = 1
	d.heading1(d.trEach("contents"), " / ")
	d.tag.Begin("TOC")
	defer d.tag.End()
	page := d.tocPg
	for _, e := range d.toc {
		if f.GetY()+tocLineH+2 > pageBottom && page < d.tocPg+d.tocN-1 {
			page++
			d.setPage(page)
			f.SetXY(marginL, marginT)
		}
		d.tag.Begin("TOCI").SetLang(e.lang)
		d.tag.Begin("Link")
		d.tocLine(e, tocLineH)
		d.tag.End()
		d.tag.End()
	}
}

// tocLineH is the height of a line of the table of contents.
const tocLineH = 7.0

// tocPages is how many pages the table of contents of views needs: per
// language a heading, the summary, the criteria and the appendix.
func tocPages(views []*docView) int {
	n := 0
	for _, v := range views {
		n += 3 + len(v.Criteria)
	}
	perPage := int(math.Floor((pageBottom - marginT - 20) / (tocLineH + 0.5)))
	return max(1, (n+perPage-1)/perPage)
}

// tocLine writes one entry: text, dotted leader, page number, all a link.
func (d *pdfDoc) tocLine(e tocEntry, h float64) {
	f := d.f
	indent, size, style := 0.0, bodySize, ""
	if e.level == 0 {
		size, style = 12, "B"
		f.Ln(2)
	} else {
		indent = 6
	}
	y := f.GetY()
	d.font(style, size)
	d.color(colInk, "text")
	num := strconv.Itoa(e.page)
	numW := 14.0
	text := d.fit(e.text, contentW-indent-numW-6)
	f.SetXY(marginL+indent, y)
	d.cell(f.GetStringWidth(text)+1, h, text, 0, "L", e.link)
	dotsX := f.GetX() + 1
	d.artifact(func() {
		d.color(colLine, "draw")
		f.SetDashPattern([]float64{0.4, 1.2}, 0)
		f.Line(dotsX, y+h*0.7, pageW-marginR-numW, y+h*0.7)
		f.SetDashPattern(nil, 0)
	})
	f.SetXY(pageW-marginR-numW, y)
	d.cell(numW, h, num, 1, "R", e.link)
}

// gofpdfPoint is gofpdf's point type.
type gofpdfPoint = gofpdf.PointType
