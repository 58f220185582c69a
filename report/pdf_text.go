package report

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"

	"github.com/didi-index/didi/report/internal/pdftag"
)

// pdfFont is one embedded TrueType font.
type pdfFont struct {
	family, style string
	data          []byte
}

// pdfFonts are the Go fonts, embedded as UTF-8 TrueType subsets.
var pdfFonts = []pdfFont{
	{"go", "", goregular.TTF},
	{"go", "B", gobold.TTF},
	{"go", "I", goitalic.TTF},
	{"go", "BI", gobolditalic.TTF},
	{"gomono", "", gomono.TTF},
}

// glyphSet says which runes of the Basic Multilingual Plane every
// embedded font can draw: a bit per rune.
type glyphSet struct{ bits [0x10000 / 64]uint64 }

// has reports whether the fonts can draw r.
func (g *glyphSet) has(r rune) bool { return r < 0x10000 && g.bits[r>>6]&(1<<(r&63)) != 0 }

var (
	glyphsOnce sync.Once
	glyphs     *glyphSet
	glyphsErr  error
)

// loadGlyphs reads the character maps of the fonts once.
func loadGlyphs() (*glyphSet, error) {
	glyphsOnce.Do(func() { glyphs, glyphsErr = readGlyphs() })
	return glyphs, glyphsErr
}

// readGlyphs builds the set of runes of the Basic Multilingual Plane that
// the regular and the mono font both have (the other styles share the
// regular font's character set).
func readGlyphs() (*glyphSet, error) {
	set := &glyphSet{}
	var buf sfnt.Buffer
	var fonts []*sfnt.Font
	for _, data := range [][]byte{goregular.TTF, gomono.TTF} {
		ft, err := sfnt.Parse(data)
		if err != nil {
			return nil, fmt.Errorf("parse pdf font: %w", err)
		}
		fonts = append(fonts, ft)
	}
	for r := rune(0x20); r < 0xFFFF; r++ {
		ok := true
		for _, ft := range fonts {
			if gi, err := ft.GlyphIndex(&buf, r); err != nil || gi == 0 {
				ok = false
				break
			}
		}
		if ok {
			set.bits[r>>6] |= 1 << (r & 63)
		}
	}
	return set, nil
}

// lacksAny reports whether any text of v holds a character the fonts
// cannot draw.
func (g *glyphSet) lacksAny(v *docView) bool {
	lacks := false
	eachString(reflect.ValueOf(v).Elem(), nil, func(s string) string {
		if !lacks {
			lacks = strings.IndexFunc(s, g.lacks) >= 0
		}
		return s
	})
	return lacks
}

// substitutes replace common characters the fonts lack.
var substitutes = map[rune]string{
	'\u202f': "\u00a0", '\u2007': " ", '\u2009': " ", '\u200b': "", '\u2011': "-",
	'\u2212': "-", '\u2192': "->", '\u2190': "<-", '\u2713': "v", '\u2717': "x",
	'\ufeff': "", '\u200c': "", '\u200d': "", '\ufe0e': "", '\ufe0f': "",
}

// clean returns s with every character the fonts can draw: control
// characters become spaces, known look-alikes replace missing characters,
// bidi controls are shown ("[U+202E]"), and each run of other characters
// the fonts lack (emoji, Chinese, Arabic, Hebrew...), spaces between them
// included, becomes marker. Line breaks are kept.
func (g *glyphSet) clean(s, marker string) string {
	ok := true
	for _, r := range s {
		if r != '\n' && !g.has(r) || isBidiControl(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	inRun, spaces := false, 0 // in a run of missing characters; spaces held back after one
	for _, r := range s {
		if inRun && r == ' ' {
			spaces++
			continue
		}
		if inRun && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) && !isBidiControl(r)) {
			continue // a joiner, selector or mark inside the run (emoji sequences, Arabic vowels)
		}
		if g.lacks(r) {
			if !inRun {
				b.WriteString(marker)
			}
			inRun, spaces = true, 0 // spaces between missing characters join the run
			continue
		}
		for ; spaces > 0; spaces-- {
			b.WriteByte(' ')
		}
		g.write(&b, r)
		inRun = false
	}
	b.WriteString(strings.Repeat(" ", spaces))
	return b.String()
}

// lacks reports whether the fonts cannot draw r and nothing stands in for
// it.
func (g *glyphSet) lacks(r rune) bool {
	if g.has(r) || r == '\n' || isBidiControl(r) || unicode.IsControl(r) || unicode.IsSpace(r) {
		return false
	}
	_, ok := substitutes[r]
	return !ok
}

// write writes what stands in the PDF for r, a rune the fonts do not lack.
func (g *glyphSet) write(b *strings.Builder, r rune) {
	if isBidiControl(r) { // before has: the PDF shows them, as it cannot isolate
		b.WriteString(bidiName(r))
		return
	}
	if sub, ok := substitutes[r]; ok && !g.has(r) {
		b.WriteString(sub)
		return
	}
	switch {
	case r == '\n' || g.has(r):
		b.WriteRune(r)
	case r == '\r':
	default: // other control characters and spaces
		b.WriteByte(' ')
	}
}

// oneLine folds all whitespace of s (snippets, selectors, URLs) into single
// spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// s cleans a text for the PDF fonts.
func (d *pdfDoc) s(text string) string { return d.glyphs.clean(text, d.marker[d.v.Lang]) }

// cell draws text in a cell w wide and h high, as content of the current
// element of the structure tree; ln and align as gofpdf's CellFormat, link
// an internal link or 0.
//
// A line's trailing space does not count for the alignment.
func (d *pdfDoc) cell(w, h float64, text string, ln int, align string, link int) {
	d.tag.Content()
	if link != 0 {
		d.tag.Annot()
	}
	if trimmed := strings.TrimRight(text, " "); align != "L" && trimmed != text {
		dx := w - d.f.GetStringWidth(trimmed)
		if align == "C" {
			dx /= 2
		}
		d.f.SetX(d.f.GetX() + dx)
		w, align = w-dx, "L"
	}
	d.f.CellFormat(w, h, text, "", ln, align, false, link, "")
}

// artifact draws decoration (rules, fills, bars) that is not part of the
// text, so screen readers skip it.
func (d *pdfDoc) artifact(draw func()) { d.tag.Artifact(pdftag.Decoration, draw) }

// elem draws an element of type typ (P, H2, LI...) of the structure tree.
func (d *pdfDoc) elem(typ string, draw func()) *pdftag.Elem {
	e := d.tag.Begin(typ)
	draw()
	d.tag.End()
	return e
}

// heading is the structure type of a heading of rank 1 to 3 (chapter,
// section, sub-section), below the headings above the chapters.
func (d *pdfDoc) heading(rank int) string { return "H" + strconv.Itoa(rank+d.hOff) }

// font selects the proportional font in style ("", "B", "I", "BI") and size
// in points.
func (d *pdfDoc) font(style string, size float64) { d.f.SetFont("go", style, size) }

// mono selects the monospaced font.
func (d *pdfDoc) mono(size float64) { d.f.SetFont("gomono", "", size) }

// color sets the text, draw or fill colour.
func (d *pdfDoc) color(c rgb, what string) {
	switch what {
	case "text":
		d.f.SetTextColor(c.R, c.G, c.B)
	case "draw":
		d.f.SetDrawColor(c.R, c.G, c.B)
	case "fill":
		d.f.SetFillColor(c.R, c.G, c.B)
	}
}

// fit cleans text and shortens it with an ellipsis to fit width in the
// current font.
func (d *pdfDoc) fit(text string, width float64) string {
	text = d.s(text)
	if d.f.GetStringWidth(text) <= width {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.f.GetStringWidth(string(runes[:mid])+"…") <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// wrap cleans text and breaks it into lines of at most width in the
// current font, breaking long words (URLs, snippets) anywhere. With
// maxLines > 0 it keeps that many lines and ends the last with an ellipsis.
func (d *pdfDoc) wrap(text string, width float64, maxLines int) []string {
	text = d.s(text)
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		if strings.TrimSpace(para) == "" {
			lines = append(lines, "")
			continue
		}
		lines = append(lines, d.split(para, width)...)
	}
	if maxLines > 0 && len(lines) > maxLines {
		var last strings.Builder
		for _, l := range lines[maxLines-1:] {
			if last.Len() > 0 && !strings.HasSuffix(last.String(), " ") {
				last.WriteByte(' ')
			}
			last.WriteString(l)
		}
		lines = append(lines[:maxLines-1], d.fit(last.String(), width))
	}
	return lines
}

// split breaks a paragraph into lines of at most width at ordinary
// spaces only: a no-break space (French "Oui ?", "40 %") keeps its two
// sides on one line, which gofpdf's SplitText does not do. A word wider
// than a line is cut where it must. A line that ends at a space keeps it,
// invisible, so the text of the tagged PDF reads "word word", not
// "wordword", across the line break.
func (d *pdfDoc) split(para string, width float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Split(para, " ") {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if d.f.GetStringWidth(try) <= width {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line+" ")
		}
		line = word
		for d.f.GetStringWidth(line) > width {
			runes := []rune(line)
			n := len(runes) - 1
			for n > 1 && d.f.GetStringWidth(string(runes[:n])) > width {
				n--
			}
			// Never leave a French mark, or what follows a no-break space,
			// at the start of the next line.
			for n > 1 && (strings.ContainsRune("?!:;%»", runes[n]) || runes[n-1] == '\u00a0') {
				n--
			}
			lines = append(lines, string(runes[:n]))
			line = string(runes[n:])
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}

// wrapURL is wrapCode for addresses: when too long it keeps the start and
// the end, which tell pages apart, and puts the ellipsis in the middle.
func (d *pdfDoc) wrapURL(url string, width float64, maxLines int) []string {
	runes := []rune(d.s(oneLine(url)))
	perLine := max(1, int(width/d.f.GetStringWidth("m")))
	if room := perLine * maxLines; len(runes) > room && room > 8 {
		head := (room - 1) * 2 / 3
		tail := room - 1 - head
		runes = append(append(runes[:head:head], '…'), runes[len(runes)-tail:]...)
	}
	return d.wrapCode(string(runes), width, maxLines)
}

// wrapCode cleans code (a URL, selector or snippet), folds its whitespace
// and cuts it into lines that fill width in the current (monospaced) font,
// breaking anywhere, as code has no natural break points. With maxLines > 0
// it keeps that many lines and ends the last with an ellipsis.
func (d *pdfDoc) wrapCode(code string, width float64, maxLines int) []string {
	runes := []rune(d.s(oneLine(code)))
	cw := d.f.GetStringWidth("m")
	perLine := int(width / cw)
	if perLine < 1 {
		perLine = 1
	}
	var lines []string
	for len(runes) > 0 {
		n := min(perLine, len(runes))
		if maxLines > 0 && len(lines) == maxLines-1 && len(runes) > n {
			lines = append(lines, string(runes[:n-1])+"…")
			break
		}
		lines = append(lines, string(runes[:n]))
		runes = runes[n:]
	}
	return lines
}
