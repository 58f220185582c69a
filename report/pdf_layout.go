package report

import (
	"math"
	"strconv"
	"strings"

	"github.com/didi-index/didi/report/internal/pdftag"
)

// ensure starts a new page when less than room millimetres are left.
func (d *pdfDoc) ensure(room float64) {
	if d.f.GetY()+room > pageBottom {
		d.f.AddPage()
		d.f.SetXY(marginL, marginT)
	}
}

// heading1 writes a chapter title, its parts joined by sep, with a rule
// under it.
func (d *pdfDoc) heading1(parts []langText, sep string) {
	f := d.f
	d.font("B", 20)
	d.color(colAccent, "text")
	d.elem(d.heading(1), func() { d.multiLines(parts, sep, marginL, contentW, 9, 2, "L") })
	d.artifact(func() {
		d.color(colAccent, "draw")
		f.SetLineWidth(0.6)
		f.Line(marginL, f.GetY()+1, pageW-marginR, f.GetY()+1)
		f.SetLineWidth(0.2)
	})
	f.Ln(5)
}

// heading2 writes a section title, keeping it with what follows.
func (d *pdfDoc) heading2(text string) {
	d.ensure(headingRoom)
	d.f.Ln(2)
	d.font("B", 13)
	d.color(colAccent, "text")
	d.elem(d.heading(2), func() { d.lines(d.wrap(text, contentW, 2), 6.5, marginL) })
	d.f.Ln(1)
}

// heading3 writes a sub-section title, keeping it with what follows.
func (d *pdfDoc) heading3(text string) {
	d.ensure(headingRoom - 6)
	d.f.Ln(1)
	d.font("B", 10.5)
	d.color(colInk, "text")
	d.elem(d.heading(3), func() { d.lines(d.wrap(text, contentW, 3), 5.5, marginL) })
}

// lines writes prepared lines at x, each h high, breaking pages as needed.
func (d *pdfDoc) lines(lines []string, h, x float64) {
	f := d.f
	for _, line := range lines {
		d.ensure(h)
		f.SetX(x)
		d.cell(pageW-marginR-x, h, line, 1, "L", 0)
	}
}

// para writes a paragraph in the body font.
func (d *pdfDoc) para(text string, style string, col rgb) {
	if text == "" {
		return
	}
	d.font(style, bodySize)
	d.color(col, "text")
	d.elem("P", func() { d.lines(d.wrap(text, contentW, 0), bodyLine, marginL) })
	d.f.Ln(1.5)
}

// small writes a paragraph in the small font.
func (d *pdfDoc) small(text string, col rgb) {
	if text == "" {
		return
	}
	d.font("", smallSize)
	d.color(col, "text")
	d.elem("P", func() { d.lines(d.wrap(text, contentW, 0), smallLine, marginL) })
	d.f.Ln(1)
}

// list draws the items that items draws as one list (L).
func (d *pdfDoc) list(items func()) { d.elem("L", items) }

// item writes one list item (LI) with a marker ("1.", "•", the Lbl)
// hanging left, and its body (LBody).
func (d *pdfDoc) item(marker, bold, text string) {
	f := d.f
	const indent = 7.0
	d.font("B", bodySize)
	var bl []string
	if bold != "" {
		bl = d.wrap(bold, contentW-indent, 3)
	}
	d.font("", bodySize)
	tl := d.wrap(text, contentW-indent, 0)
	d.ensure(float64(min(len(bl)+len(tl), 4)) * bodyLine)
	y := f.GetY()
	d.tag.Begin("LI")
	d.color(colAccent, "text")
	d.font("B", bodySize)
	f.SetXY(marginL, y)
	d.elem("Lbl", func() { d.cell(indent, bodyLine, marker, 0, "L", 0) })
	f.SetY(y)
	d.elem("LBody", func() {
		d.color(colInk, "text")
		d.lines(bl, bodyLine, marginL+indent)
		d.font("", bodySize)
		d.lines(tl, bodyLine, marginL+indent)
	})
	d.tag.End()
	f.Ln(1.5)
}

// column is one column of a table.
type column struct {
	title    string
	width    float64 // share of the content width
	align    string  // "L" or "R"
	mono     bool
	maxLines int // 0 means maxCellLines
}

// cellText is the text of one cell, with an optional style.
type cellText struct {
	text  string
	style string // "", "B", "I"
	col   *rgb
	lines []string // already wrapped lines, used instead of text
}

// table draws a table whose rows never split; when a row does not fit it
// goes to the next page, under a repeated header row.
// In the structure tree it is a Table of TR rows, with TH cells in the
// header row and TD cells below; a repeated header row is an artifact.
func (d *pdfDoc) table(cols []column, rows [][]cellText) {
	d.ensure(16)
	d.tag.Begin("Table")
	d.tableHeader(cols)
	for _, row := range rows {
		cells, h := d.layoutRow(cols, row)
		if d.f.GetY()+h > pageBottom {
			d.f.AddPage()
			d.f.SetXY(marginL, marginT)
			d.tag.Artifact(pdftag.Pagination, func() { d.tableHeader(cols) })
		}
		d.drawRow(cols, row, cells, h, false)
	}
	d.tag.End()
	d.f.Ln(3)
}

// tableHeader draws the header row.
func (d *pdfDoc) tableHeader(cols []column) {
	f := d.f
	d.font("B", smallSize)
	heads := make([][]string, len(cols))
	h := 0.0
	for i, c := range cols {
		heads[i] = d.wrap(c.title, cols[i].width*contentW-3, 2)
		h = math.Max(h, float64(len(heads[i]))*smallLine+2.4)
	}
	y := f.GetY()
	d.cellBoxes(cols, y, h, "FD")
	x := marginL
	d.tag.Begin("TR")
	for i, c := range cols {
		w := c.width * contentW
		d.color(colInk, "text")
		d.tag.Begin("TH").SetScope(pdftag.Column)
		for j, line := range heads[i] {
			f.SetXY(x+1.5, y+1.2+float64(j)*smallLine)
			d.cell(w-3, smallLine, line, 0, c.align, 0)
		}
		d.tag.End()
		x += w
	}
	d.tag.End()
	f.SetXY(marginL, y+h)
}

// layoutRow wraps every cell and returns the lines and the row height.
func (d *pdfDoc) layoutRow(cols []column, row []cellText) ([][]string, float64) {
	cells := make([][]string, len(cols))
	h := 0.0
	for i, c := range cols {
		if i >= len(row) {
			break
		}
		d.cellFont(c, row[i])
		maxL := c.maxLines
		if maxL == 0 {
			maxL = maxCellLines
		}
		if row[i].lines != nil {
			cells[i] = row[i].lines
		} else if c.mono {
			cells[i] = d.wrapCodeLines(row[i].text, c.width*contentW-3, maxL)
		} else {
			cells[i] = d.wrap(row[i].text, c.width*contentW-3, maxL)
		}
		h = math.Max(h, float64(len(cells[i]))*d.cellLine(c)+2.4)
	}
	return cells, h
}

// drawRow draws one row (TR) of prepared cells (TD; the first a TH when
// rowHeader).
func (d *pdfDoc) drawRow(cols []column, row []cellText, cells [][]string, h float64, rowHeader bool) {
	f := d.f
	y := f.GetY()
	d.cellBoxes(cols, y, h, "D")
	x := marginL
	d.tag.Begin("TR")
	for i, c := range cols {
		w := c.width * contentW
		if rowHeader && i == 0 {
			d.tag.Begin("TH").SetScope(pdftag.Row)
		} else {
			d.tag.Begin("TD")
		}
		if i < len(row) {
			d.cellFont(c, row[i])
			col := colInk
			if row[i].col != nil {
				col = *row[i].col
			}
			d.color(col, "text")
			lh := d.cellLine(c)
			for j, line := range cells[i] {
				f.SetXY(x+1.5, y+1.2+float64(j)*lh)
				d.cell(w-3, lh, line, 0, c.align, 0)
			}
		}
		d.tag.End()
		x += w
	}
	d.tag.End()
	f.SetXY(marginL, y+h)
}

// cellBoxes draws the boxes of a row of cells at y, h high, outlined
// ("D") or also filled ("FD"), as one artifact.
func (d *pdfDoc) cellBoxes(cols []column, y, h float64, style string) {
	d.artifact(func() {
		if style == "FD" {
			d.color(colSoft, "fill")
		}
		d.color(colLine, "draw")
		x := marginL
		for _, c := range cols {
			w := c.width * contentW
			d.f.Rect(x, y, w, h, style)
			x += w
		}
	})
}

// cellFont selects the font of a cell.
func (d *pdfDoc) cellFont(c column, t cellText) {
	if c.mono {
		d.mono(monoSize)
		return
	}
	d.font(t.style, smallSize)
}

// cellLine is the line height of a column.
func (d *pdfDoc) cellLine(c column) float64 {
	if c.mono {
		return monoLine
	}
	return smallLine
}

// bar draws a labelled score bar (0–100) with its value as text.
func (d *pdfDoc) bar(label, value string, v *float64, col rgb) {
	f := d.f
	const labelW, barW, h = 52.0, 95.0, 5.0
	d.ensure(h + 3)
	y := f.GetY()
	d.tag.Begin("P")
	d.font("", bodySize)
	d.color(colInk, "text")
	f.SetXY(marginL, y)
	d.cell(labelW, h, d.fit(label, labelW-2), 0, "L", 0)
	d.artifact(func() {
		d.color(colSoft, "fill")
		d.color(colLine, "draw")
		f.Rect(marginL+labelW, y+0.5, barW, h-1, "FD")
		if v != nil {
			d.color(col, "fill")
			f.Rect(marginL+labelW, y+0.5, barW*math.Max(0, math.Min(100, *v))/100, h-1, "F")
		}
	})
	d.font("B", bodySize)
	f.SetXY(marginL+labelW+barW+3, y)
	d.cell(contentW-labelW-barW-3, h, d.s(value), 1, "L", 0)
	d.tag.End()
	f.Ln(2)
}

// radarMaxNames is the most axes a radar names; beyond it the axes show the
// criterion numbers, as the names would overlap.
const radarMaxNames = 10

// radar draws the radar chart of v's criteria centred on (cx, cy) with
// radius r, as vector graphics: a Figure whose alternative text is alt.
func (d *pdfDoc) radar(v *docView, cx, cy, r float64, alt string) {
	f := d.f
	n := len(v.Criteria)
	if n < 3 {
		return
	}
	d.tag.Begin("Figure").SetAlt(alt)
	defer d.tag.End()
	d.tag.Content()
	d.color(colRadar, "fill")
	d.color(colAccent, "draw")
	f.SetLineWidth(0.5)
	f.Polygon(toPDF(radarShape(radarScores(v), cx, cy, r)), "F")
	d.color(colLine, "draw")
	f.SetLineWidth(0.2)
	for _, frac := range []float64{0.25, 0.5, 0.75, 1} {
		f.Polygon(toPDF(radarRing(n, cx, cy, r, frac)), "D")
	}
	for i := 0; i < n; i++ {
		e := radarAxis(i, n, cx, cy, r)
		f.Line(cx, cy, e.X, e.Y)
	}
	d.color(colAccent, "draw")
	f.SetLineWidth(0.6)
	f.Polygon(toPDF(radarShape(radarScores(v), cx, cy, r)), "D")
	f.SetLineWidth(0.2)
	d.font("", 6.5)
	d.color(colMuted, "text")
	for _, frac := range []float64{0.5, 1} {
		f.SetXY(cx+1, cy-r*frac-3)
		d.cell(8, 3, strconv.Itoa(int(frac*100)), 0, "L", 0)
	}
	for i, c := range v.Criteria {
		if n > radarMaxNames {
			c.Title = strconv.Itoa(c.Num) + "."
		}
		d.radarLabel(c, radarAxis(i, n, cx, cy, r+4), cx, cy, r)
	}
}

// radarLabel writes a criterion's name and score next to its axis end p.
func (d *pdfDoc) radarLabel(c critView, p point, cx, cy, r float64) {
	f := d.f
	const w = 40.0
	d.font("", 8.5)
	lines := d.wrap(c.Title, w, 3)
	h := float64(len(lines)+1) * 3.8
	x, align := p.X-w/2, "C"
	switch {
	case p.X > cx+2:
		x, align = p.X, "L"
	case p.X < cx-2:
		x, align = p.X-w, "R"
	}
	y := p.Y - h/2
	if p.Y < cy-r*0.9 {
		y = p.Y - h
	} else if p.Y > cy+r*0.9 {
		y = p.Y
	}
	d.color(colInk, "text")
	for j, line := range lines {
		f.SetXY(x, y+float64(j)*3.8)
		d.cell(w, 3.8, line, 0, align, 0)
	}
	d.font("B", 9)
	d.color(colAccent, "text")
	f.SetXY(x, y+float64(len(lines))*3.8)
	d.cell(w, 3.8, d.s(c.Score), 0, align, 0)
}

// toPDF converts chart points to gofpdf points.
func toPDF(pts []point) []gofpdfPoint {
	out := make([]gofpdfPoint, len(pts))
	for i, p := range pts {
		out[i] = gofpdfPoint{X: p.X, Y: p.Y}
	}
	return out
}

// wrapCodeLines is wrapCode for text with several lines of code, keeping
// at most maxLines in all.
func (d *pdfDoc) wrapCodeLines(text string, width float64, maxLines int) []string {
	var out []string
	for _, part := range strings.Split(text, "\n") {
		left := maxLines - len(out)
		if left <= 0 {
			break
		}
		out = append(out, d.wrapCode(part, width, left)...)
	}
	return out
}

// labelled writes a bold label followed by text in the small font, as one
// flowing paragraph.
func (d *pdfDoc) labelled(label, text string) {
	f := d.f
	d.ensure(2 * smallLine)
	f.SetX(marginL)
	d.color(colInk, "text")
	d.elem("P", func() {
		d.tag.Content()
		d.font("B", smallSize)
		f.Write(smallLine, d.s(label+" "))
		d.font("", smallSize)
		f.Write(smallLine, d.s(text))
	})
	f.Ln(smallLine + 1)
}
