package report

import (
	"math"
	"strconv"
	"strings"
)

// band draws the coloured title band at the top of a cover page.
func (d *pdfDoc) band(h float64) {
	d.artifact(func() {
		d.color(colAccent, "fill")
		d.f.Rect(0, 0, pageW, h, "F")
	})
}

// coverFacts writes organisation, product, targets and date lines.
func (d *pdfDoc) coverFacts(v *docView, dates []langText) {
	f := d.f
	if v.Organisation != "" {
		d.font("B", 16)
		d.color(colInk, "text")
		d.paraLines(d.wrap(v.Organisation, contentW, 2), 8)
	}
	if v.Product != "" {
		d.font("", 13)
		d.color(colInk, "text")
		d.paraLines(d.wrap(v.Product, contentW, 2), 6.5)
	}
	f.Ln(2)
	d.mono(9)
	d.color(colAccent, "text")
	for i, t := range v.Targets {
		if i == 4 {
			d.font("", 9)
			d.paraLines([]string{"…"}, 4.5)
			break
		}
		d.paraLines(d.wrap(t, contentW, 2), 4.5)
	}
	if len(dates) > 0 {
		f.Ln(1)
		d.font("", 10)
		d.color(colMuted, "text")
		d.elem("P", func() { d.multiLines(dates, " · ", marginL, contentW, 5, 2, "L") })
	}
}

// paraLines writes prepared lines, each h high, as one paragraph (P).
func (d *pdfDoc) paraLines(lines []string, h float64) {
	d.elem("P", func() { d.lines(lines, h, marginL) })
}

// bigIndex writes the index as a large number with the level next to it:
// a badge, the word "level" (levelWord) and the level's label.
func (d *pdfDoc) bigIndex(index string, outOf []langText, level string, levelWord, label []langText, y float64) {
	f := d.f
	d.font("B", 60)
	w := f.GetStringWidth(index) + 2
	d.elem("P", func() {
		d.color(colAccent, "text")
		f.SetXY(marginL, y)
		d.cell(w, 24, d.s(index)+" ", 0, "L", 0) // the space parts it from "op 100" in the text
		d.font("", 11)
		d.color(colMuted, "text")
		f.SetXY(marginL+w+2, y+13)
		d.multiLines(outOf, " · ", marginL+w+2, 40, 6, 1, "L")
	})
	// The level as a badge, which the text next to it repeats.
	bx := marginL + w + 46
	d.artifact(func() {
		d.color(colAccent, "fill")
		f.RoundedRect(bx, y+3, 20, 20, 2, "1234", "F")
		d.font("B", 24)
		d.color(colWhite, "text")
		f.SetXY(bx, y+3)
		d.cell(20, 20, d.s(level), 0, "C", 0)
	})
	lw := pageW - marginR - bx - 24
	d.elem("P", func() {
		d.font("", 10)
		d.color(colMuted, "text")
		f.SetXY(bx+24, y+4)
		words := append([]langText(nil), levelWord...) // "Niveau · Level" and the level: "Niveau · Level C"
		words[len(words)-1].text += " " + level
		d.multiLines(words, " · ", bx+24, lw, 5, 1, "L")
	})
	d.elem("P", func() {
		d.font("B", 12)
		d.color(colInk, "text")
		f.SetXY(bx+24, y+10)
		d.multiLines(label, " · ", bx+24, lw, 6, 3, "L")
	})
	f.SetXY(marginL, y+28)
}

// multiCover is the first page of a multilingual report: the title in each
// language, the facts, the index and the level, and the seven scores.
func (d *pdfDoc) multiCover() {
	f := d.f
	first := d.views[0]
	d.newPage(first, false)
	d.band(48)
	f.SetXY(marginL, 14)
	for i, v := range d.views {
		style, size, typ := "", 13.0, "P"
		if i == 0 {
			style, size, typ = "B", 20, "H1"
		}
		d.font(style, size)
		d.color(colWhite, "text")
		d.tag.Begin(typ).SetLang(v.Tag)
		d.lines(d.wrap(v.Title, contentW, 2), size*0.45, marginL)
		d.tag.End()
		f.Ln(1)
	}
	d.font("", 10)
	d.elem("P", func() {
		d.multiLines(d.inEach(func(v *docView) string { return v.Subtitle }), " · ", marginL, contentW, 5, 2, "L")
	})
	f.SetXY(marginL, 72)
	d.coverFacts(first, d.inEach(func(v *docView) string { return v.Date }))
	d.bigIndex(first.Index, d.trEach("out_of_100"), first.Level, d.trEach("level"), d.inEach(func(v *docView) string { return v.LevelLabel }), f.GetY()+6)
	d.coverRadar(d.multiView(), d.trEach("radar_label"), radarAlt(first))
	d.coverFoot(first)
}

// multiView is the first language's view with criterion titles in every
// language ("Toegankelijk / Accessible"), for the multilingual radar.
func (d *pdfDoc) multiView() *docView {
	mv := *d.views[0]
	mv.Criteria = append([]critView(nil), mv.Criteria...)
	for i := range mv.Criteria {
		names := make([]string, 0, len(d.views))
		for _, v := range d.views {
			if i < len(v.Criteria) {
				names = append(names, v.Criteria[i].Title)
			}
		}
		mv.Criteria[i].Title = strings.Join(dedupe(names), " / ")
	}
	return &mv
}

// radarAlt is the alternative text of v's radar chart: its caption and
// every criterion's score.
func radarAlt(v *docView) string {
	parts := make([]string, len(v.Criteria))
	for i, c := range v.Criteria {
		parts[i] = c.Title + " " + c.Score
	}
	return tr(v.Lang, "radar_label") + colon(v.Lang) + " " + strings.Join(parts, "; ") + "."
}

// coverRadar draws the radar chart in the room left on a cover, with its
// caption under it; alt is the chart's alternative text.
func (d *pdfDoc) coverRadar(v *docView, caption []langText, alt string) {
	f := d.f
	top := f.GetY() + 14
	r := math.Min(42, (pageH-34-top)/2-8)
	if r < 15 {
		return
	}
	d.radar(v, pageW/2, top+r+6, r, alt)
	d.font("", 8)
	d.color(colMuted, "text")
	f.SetXY(marginL, top+2*r+20)
	d.elem("P", func() { d.multiLines(caption, " · ", marginL, contentW, 4, 1, "C") })
}

// coverFoot writes the tool and model line at the bottom of a cover.
func (d *pdfDoc) coverFoot(v *docView) {
	f := d.f
	d.font("", smallSize)
	d.color(colMuted, "text")
	line := joinNonEmpty(" · ", strings.TrimSuffix(v.MadeWith, "."), joinNonEmpty(" ", tr(v.Lang, "model"), d.r.Model.ID, d.r.Model.Version))
	f.SetAutoPageBreak(false, 0)
	f.SetXY(marginL, pageH-16)
	d.elem("P", func() { d.cell(contentW, 4, d.fit(line, contentW), 0, "C", 0) })
	f.SetAutoPageBreak(true, marginB)
}

// cover is the cover page of one language: title, facts, index, level and
// the radar chart of the seven criteria.
func (d *pdfDoc) cover(v *docView, section bool) {
	f := d.f
	d.newPage(v, false)
	d.band(44)
	f.SetXY(marginL, 12)
	d.font("B", 20)
	d.color(colWhite, "text")
	title := "H1"
	if section {
		title = "H2"
	}
	d.elem(title, func() { d.lines(d.wrap(v.Title, contentW, 2), 9, marginL) })
	d.font("", 12)
	sub := v.Subtitle
	if section {
		sub = v.LangName + " · " + v.Subtitle
	}
	d.paraLines(d.wrap(sub, contentW, 1), 6)
	f.SetXY(marginL, 52)
	d.coverFacts(v, one(tr(v.Lang, "date")+colon(v.Lang)+" "+v.Date))
	d.bigIndex(v.Index, one(tr(v.Lang, "out_of_100")), v.Level, one(tr(v.Lang, "level")), one(v.LevelLabel), f.GetY()+4)
	d.font("", 9)
	d.color(colMuted, "text")
	d.paraLines([]string{d.fit(tr(v.Lang, "coverage")+colon(v.Lang)+" "+v.Coverage, contentW)}, 4.5)
	d.paraLines(d.wrap(tr(v.Lang, "pages_title")+colon(v.Lang)+" "+v.PagesLine, contentW, 2), 4.5)
	if v.PagesWarning != "" {
		d.warning(v.PagesWarning)
	}
	if v.ModeNote != "" {
		d.note(v.ModeLabel, v.ModeNote)
	}
	d.coverRadar(v, one(tr(v.Lang, "radar_label")), radarAlt(v))
	d.coverFoot(v)
}

// note writes a highlighted remark with a bold label.
func (d *pdfDoc) note(label, text string) {
	d.box(label+". "+text, "", rgb{255, 246, 229}, rgb{122, 74, 0})
}

// warning writes a remark that the reader must not miss (most pages could
// not be scanned), in bold on red.
func (d *pdfDoc) warning(text string) {
	d.box(text, "B", rgb{253, 232, 232}, colBad)
}

// box writes text in a tinted box with a bar on the left.
func (d *pdfDoc) box(text, style string, fill, bar rgb) {
	f := d.f
	d.font(style, bodySize)
	lines := d.wrap(text, contentW-8, 0)
	h := float64(len(lines))*bodyLine + 4
	d.ensure(h + 2)
	f.Ln(2)
	y := f.GetY()
	d.artifact(func() {
		d.color(fill, "fill")
		f.Rect(marginL, y, contentW, h, "F")
		d.color(bar, "fill")
		f.Rect(marginL, y, 1.5, h, "F")
	})
	d.color(colInk, "text")
	f.SetY(y + 2)
	d.elem("P", func() { d.lines(lines, bodyLine, marginL+5) })
	f.SetY(y + h + 2)
}

// summary is the one-page summary: index, scores per criterion, the five
// tips of highest impact and what needs work.
func (d *pdfDoc) summary(v *docView) {
	l := v.Lang
	d.heading1(one(tr(l, "summary")), "")
	line := tr(l, "index") + " " + v.Index + " " + tr(l, "out_of_100") + " · " + tr(l, "level") + " " + v.Level
	if v.LevelLabel != "" {
		line += colon(l) + " " + v.LevelLabel
	}
	d.para(line+" · "+tr(l, "coverage")+" "+v.Coverage, "B", colInk)
	d.small(tr(l, "coverage_explain"), colMuted)
	d.small(tr(l, "pages_title")+colon(l)+" "+v.PagesLine, colInk)
	if v.PagesWarning != "" {
		d.warning(v.PagesWarning)
	}
	if v.ModeNote != "" {
		d.note(v.ModeLabel, v.ModeNote)
	}
	if d.missing[l] {
		d.note(tr(l, "glyph_missing_label"), tr(l, "glyph_missing_note", "marker", d.marker[l]))
	}
	d.heading2(tr(l, "scores_per_criterion"))
	cols := []column{
		{title: tr(l, "criterion"), width: 0.40, align: "L"},
		{title: tr(l, "combined"), width: 0.15, align: "R"},
		{title: tr(l, "questionnaire"), width: 0.15, align: "R"},
		{title: tr(l, "automated"), width: 0.17, align: "R"},
		{title: tr(l, "coverage"), width: 0.13, align: "R"},
	}
	rows := make([][]cellText, 0, len(v.Criteria))
	for _, c := range v.Criteria {
		rows = append(rows, []cellText{{text: strconv.Itoa(c.Num) + ". " + c.Title}, {text: c.Score, style: "B"}, {text: c.Q}, {text: c.A}, {text: c.Coverage}})
	}
	d.table(cols, rows)
	d.heading2(tr(l, "top_tips"))
	if len(v.TopTips) == 0 {
		d.para(tr(l, "no_tips"), "", colInk)
	} else {
		d.small(tr(l, "top_tips_intro"), colMuted)
		d.list(func() {
			for i, t := range v.TopTips {
				d.item(strconv.Itoa(i+1)+".", joinNonEmpty(colon(l)+" ", t.Criterion, t.Title), t.Text)
			}
		})
	}
	if len(v.ToFindOut) > 0 {
		d.heading2(tr(l, "to_find_out"))
		d.small(tr(l, "to_find_out_intro"), colMuted)
		d.list(func() {
			for i, q := range v.ToFindOut {
				d.item(strconv.Itoa(i+1)+".", q.Question, tr(l, "who_knows")+" "+q.Who)
			}
		})
	}
	d.f.Ln(2)
	d.small(strings.Join(countLines(v), " "), colInk)
	d.small(levelsLine(v), colMuted)
	if len(v.Overrides) > 0 {
		d.heading2(tr(l, "overrides_title"))
		d.small(tr(l, "overrides_intro"), colMuted)
		d.list(func() {
			for _, o := range v.Overrides {
				d.item("•", "", o)
			}
		})
	}
}

// countLines says how many checks fail, need review and questions are open.
func countLines(v *docView) []string {
	out := []string{trN(v.Lang, "failing_count", v.FailingChecks, "total", strconv.Itoa(v.CheckCount))}
	if v.ReviewChecks > 0 {
		out = append(out, trN(v.Lang, "review_count", v.ReviewChecks))
	}
	if v.UnansweredCount > 0 {
		out = append(out, trN(v.Lang, "unanswered_count", v.UnansweredCount))
	}
	if len(v.ToFindOut) > 0 {
		out = append(out, trN(v.Lang, "to_find_out_count", len(v.ToFindOut)))
	}
	return out
}

// levelsLine lists the level bands on one line.
func levelsLine(v *docView) string {
	parts := make([]string, 0, len(v.Levels))
	for _, lv := range v.Levels {
		parts = append(parts, lv.Level+" ("+lv.Range+") "+lv.Label)
	}
	if len(parts) == 0 {
		return ""
	}
	return tr(v.Lang, "levels") + colon(v.Lang) + " " + strings.Join(parts, " · ")
}

// criterion is the chapter of one criterion.
func (d *pdfDoc) criterion(v *docView, c *critView) {
	l := v.Lang
	d.heading1(one(strconv.Itoa(c.Num)+". "+c.Title), "")
	d.bar(tr(l, "combined"), c.Score, c.ScoreValue, colAccent)
	d.bar(tr(l, "questionnaire")+" ("+c.QuestionnaireWeight+")", c.Q, c.QValue, colQ)
	d.bar(tr(l, "automated")+" ("+c.AutomatedWeight+")", c.A, c.AValue, colA)
	d.small(tr(l, "coverage")+colon(l)+" "+c.Coverage+". "+tr(l, "coverage_explain"), colMuted)
	if c.Why != "" {
		d.heading2(tr(l, "why"))
		d.para(c.Why, "", colInk)
	}
	d.answers(l, c)
	d.checks(l, c)
	d.review(l, c)
	d.heading2(tr(l, "tips"))
	if len(c.Tips) == 0 {
		d.para(tr(l, "no_tips"), "", colInk)
	}
	if len(c.Tips) > 0 {
		d.list(func() {
			for i, t := range c.Tips {
				d.item(strconv.Itoa(i+1)+".", t.Title, t.Text)
			}
		})
	}
}

// answers writes the answered and the unanswered questions.
func (d *pdfDoc) answers(l string, c *critView) {
	d.heading2(tr(l, "answers"))
	if len(c.Questions) == 0 && len(c.Unanswered) == 0 {
		d.para(tr(l, "no_questions"), "", colInk)
		return
	}
	if len(c.Questions) > 0 {
		cols := []column{
			{title: tr(l, "question"), width: 0.60, align: "L"},
			{title: tr(l, "answer"), width: 0.28, align: "L"},
			{title: tr(l, "score"), width: 0.12, align: "R"},
		}
		rows := make([][]cellText, 0, len(c.Questions))
		for _, q := range c.Questions {
			text := q.Text
			if q.Comment != "" {
				text += "\n" + tr(l, "comment") + colon(l) + " " + q.Comment
			}
			rows = append(rows, []cellText{{text: text}, {text: q.Answer}, {text: q.Score}})
		}
		d.table(cols, rows)
	}
	if len(c.Unanswered) > 0 {
		d.heading3(tr(l, "unanswered_title"))
		d.small(tr(l, "unanswered_note"), colMuted)
		d.list(func() {
			for _, q := range c.Unanswered {
				d.item("•", "", q.Text)
			}
		})
	}
}

// checks writes the table of automated checks and the examples of the
// failing ones.
func (d *pdfDoc) checks(l string, c *critView) {
	d.heading2(tr(l, "automated"))
	if len(c.Checks) == 0 {
		d.para(tr(l, "no_checks"), "", colInk)
		return
	}
	cols := []column{
		{title: tr(l, "check"), width: 0.50, align: "L"},
		{title: "WCAG", width: 0.12, align: "L"},
		{title: tr(l, "result"), width: 0.38, align: "L"},
	}
	rows := make([][]cellText, 0, len(c.Checks))
	for _, ch := range c.Checks {
		res := cellText{text: ch.Result}
		switch ch.Status {
		case "fail":
			res.col, res.style = &colBad, "B"
		case "pass":
			res.col = &colGood
		}
		rows = append(rows, []cellText{{text: ch.Title}, {text: ch.WCAG}, res})
	}
	d.table(cols, rows)
	for _, ch := range c.Checks {
		if len(ch.Examples) == 0 {
			continue
		}
		d.heading3(ch.Title)
		d.small(ch.Description, colMuted)
		d.ensure(20)
		d.font("B", smallSize)
		d.color(colInk, "text")
		d.elem("P", func() { d.lines([]string{d.fit(tr(l, "examples"), contentW)}, smallLine+1, marginL) })
		for _, e := range ch.Examples {
			d.example(l, e, colBad)
		}
		d.small(ch.MoreText, colMuted)
		if ch.Tip != "" {
			d.labelled(tr(l, "how_to_fix")+colon(l), ch.Tip)
		}
	}
}

// example draws one failing element as a boxed block of label/value lines
// that never splits across pages.
func (d *pdfDoc) example(l string, e exampleView, mark rgb) {
	f := d.f
	const labelW, pad = 22.0, 2.0
	valueW := contentW - labelW - 2*pad - 2
	type row struct {
		label string
		lines []string
		mono  bool
	}
	var rows []row
	d.mono(monoSize)
	rows = append(rows, row{tr(l, "page"), d.wrapURL(e.Page, valueW, 2), true})
	if e.Selector != "" {
		rows = append(rows, row{tr(l, "element"), d.wrapURL(e.Selector, valueW, 2), true})
	}
	if e.Snippet != "" {
		rows = append(rows, row{tr(l, "code"), d.wrapCode(e.Snippet, valueW, 3), true})
	}
	if e.Message != "" {
		d.font("", smallSize)
		rows = append(rows, row{tr(l, "problem"), d.wrap(e.Message, valueW, 4), false})
	}
	h := 2 * pad
	for _, r := range rows {
		h += float64(len(r.lines)) * smallLine
	}
	d.ensure(h + 2)
	y := f.GetY()
	d.artifact(func() {
		d.color(mark, "fill")
		f.Rect(marginL, y, 1.2, h, "F")
	})
	yy := y + pad
	d.tag.Begin("Div")
	for _, r := range rows {
		d.tag.Begin("P")
		d.font("B", smallSize)
		d.color(colMuted, "text")
		f.SetXY(marginL+pad+1, yy)
		d.cell(labelW, smallLine, d.fit(r.label, labelW-1), 0, "L", 0)
		if r.mono {
			d.mono(monoSize)
		} else {
			d.font("", smallSize)
		}
		d.color(colInk, "text")
		for _, line := range r.lines {
			f.SetXY(marginL+pad+1+labelW, yy)
			d.cell(valueW, smallLine, line, 0, "L", 0)
			yy += smallLine
		}
		d.tag.End()
	}
	d.tag.End()
	f.SetXY(marginL, y+h+2)
}

// review writes the needs_review items as questions for the team.
func (d *pdfDoc) review(l string, c *critView) {
	if len(c.Review) == 0 {
		return
	}
	d.heading2(tr(l, "review_title"))
	d.small(tr(l, "review_intro"), colMuted)
	for _, rv := range c.Review {
		d.heading3(rv.CheckTitle)
		d.para(rv.Question, "I", colInk)
		for _, e := range rv.Examples {
			d.example(l, exampleView{Page: e.Page, Selector: e.Selector, Snippet: e.Snippet}, colWarn)
		}
		d.small(rv.MoreText, colMuted)
	}
}

// appendix lists the pages scanned, the checks without a result, the notes
// on the scan and the method.
func (d *pdfDoc) appendix(v *docView) {
	l := v.Lang
	d.heading1(one(tr(l, "appendix")), "")
	d.heading2(tr(l, "pages_title"))
	d.para(v.PagesLine, "", colInk)
	if len(v.Pages) == 0 {
		d.para(tr(l, "no_pages"), "", colInk)
	} else {
		cols := []column{
			{title: tr(l, "address"), width: 0.88, align: "L", mono: true, maxLines: 4},
			{title: tr(l, "status"), width: 0.12, align: "R"},
		}
		rows := make([][]cellText, 0, len(v.Pages))
		w := cols[0].width*contentW - 3
		d.mono(monoSize)
		for _, p := range v.Pages {
			lines := d.wrapURL(p.URL, w, 2)
			if p.FinalURL != "" {
				lines = append(lines, d.wrapURL("→ "+p.FinalURL, w, 1)...)
			}
			if p.Error != "" {
				lines = append(lines, d.wrapCode(p.Error, w, 1)...)
			}
			st := cellText{text: p.Status}
			if !p.OK {
				st.col, st.style = &colBad, "B"
			}
			rows = append(rows, []cellText{{lines: lines}, st})
		}
		d.table(cols, rows)
	}
	d.heading2(tr(l, "not_evaluated_title"))
	if len(v.NotEvaluated) == 0 {
		d.para(tr(l, "not_evaluated_none"), "", colInk)
	} else {
		cols := []column{
			{title: tr(l, "check"), width: 0.38, align: "L"},
			{title: tr(l, "criterion"), width: 0.22, align: "L"},
			{title: tr(l, "reason"), width: 0.40, align: "L"},
		}
		rows := make([][]cellText, 0, len(v.NotEvaluated))
		for _, n := range v.NotEvaluated {
			rows = append(rows, []cellText{{text: n.Title}, {text: n.Criterion}, {text: n.Reason}})
		}
		d.table(cols, rows)
	}
	if len(v.Notes) > 0 {
		d.heading2(tr(l, "scan_notes"))
		d.list(func() {
			for _, n := range v.Notes {
				d.item("•", "", n)
			}
		})
	}
	d.heading2(tr(l, "method_title"))
	for _, p := range v.Method {
		d.para(p, "", colInk)
	}
	cols := []column{{title: "", width: 0.32, align: "L"}, {title: "", width: 0.68, align: "L"}}
	rows := make([][]cellText, 0, len(v.Facts))
	for _, fc := range v.Facts {
		rows = append(rows, []cellText{{text: fc.Label, style: "B"}, {text: firstNonEmpty(fc.Value, "–")}})
	}
	d.factTable(cols, rows)
}

// factTable is a table without a header row, each row headed by its
// first cell.
func (d *pdfDoc) factTable(cols []column, rows [][]cellText) {
	d.tag.Begin("Table")
	defer d.tag.End()
	for _, row := range rows {
		cells, h := d.layoutRow(cols, row)
		d.ensure(h)
		d.drawRow(cols, row, cells, h, true)
	}
}
