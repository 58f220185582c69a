package report

import (
	"strings"
	"unicode/utf8"
)

// langText is a text in one language (a BCP 47 tag; "" for the language
// around it), one part of a line that says the same in several languages,
// such as "Inhoud / Table des matières" on a bilingual report.
type langText struct{ text, tag string }

// inEach is fn of every language of the document, each text once and
// none empty, in the order of the languages.
func (d *pdfDoc) inEach(fn func(v *docView) string) []langText {
	var out []langText
	seen := map[string]bool{}
	for _, v := range d.views {
		if t := fn(v); t != "" && !seen[t] {
			seen[t] = true
			out = append(out, langText{t, v.Tag})
		}
	}
	return out
}

// trEach is chrome text key in each report language, as inEach gives it.
func (d *pdfDoc) trEach(key string) []langText {
	return d.inEach(func(v *docView) string { return tr(v.Lang, key) })
}

// one is text in the language around it.
func one(text string) []langText { return []langText{{text: text}} }

// multiLines writes parts joined by sep in the current font from x, in
// lines of at most width (maxLines at most, the last ending in "…" when
// cut), each h high, aligned "L", "C" or "R". A part in another language
// than the document's is a Span with its /Lang in the structure tree.
func (d *pdfDoc) multiLines(parts []langText, sep string, x, width, h float64, maxLines int, align string) {
	f := d.f
	open := "" // the language of the Span open, across lines
	for _, line := range d.spanLines(parts, sep, width, maxLines) {
		d.ensure(h)
		y, text := f.GetY(), ""
		for _, sp := range line {
			text += sp.text
		}
		lw := f.GetStringWidth(strings.TrimRight(text, " ")) // a trailing space does not count
		cx := x
		switch align {
		case "C":
			cx += (width - lw) / 2
		case "R":
			cx += width - lw
		}
		for _, sp := range line {
			if sp.tag != open {
				if open != "" {
					d.tag.End()
				}
				if open = sp.tag; open != "" {
					d.tag.Begin("Span").SetLang(open)
				}
			}
			w := f.GetStringWidth(sp.text)
			f.SetXY(cx, y)
			d.cell(w, h, sp.text, 0, "L", 0)
			cx += w
		}
		f.SetXY(x, y+h)
	}
	if open != "" {
		d.tag.End()
	}
}

// spanLines wraps parts joined by sep like wrap, and cuts each line into
// runs of one language: "" for the document's language and separators.
func (d *pdfDoc) spanLines(parts []langText, sep string, width float64, maxLines int) [][]langText {
	type run struct {
		end int // rune offset in the joined text where the run ends
		tag string
	}
	var b strings.Builder
	var runs []run
	n := 0
	add := func(text, tag string) {
		if tag == d.views[0].Tag {
			tag = ""
		}
		b.WriteString(text)
		n += utf8.RuneCountInString(text)
		runs = append(runs, run{n, tag})
	}
	for i, p := range parts {
		if i > 0 {
			add(sep, "")
		}
		add(d.s(p.text), p.tag)
	}
	joined := []rune(b.String())
	lines := d.wrap(b.String(), width, maxLines)
	out := make([][]langText, len(lines))
	pos := 0
	for li, line := range lines {
		lr := []rune(line)
		for pos < len(joined) && joined[pos] == ' ' && (len(lr) == 0 || lr[0] != ' ') {
			pos++ // the space a line break took
		}
		k := 0
		for k < len(lr) && pos+k < len(joined) && joined[pos+k] == lr[k] {
			k++
		}
		ri := 0
		for i := pos; i < pos+k; {
			for runs[ri].end <= i {
				ri++
			}
			end := min(runs[ri].end, pos+k)
			out[li] = appendRun(out[li], langText{string(joined[i:end]), runs[ri].tag})
			i = end
		}
		if tail := string(lr[k:]); tail != "" { // the ellipsis of a cut line
			out[li] = appendRun(out[li], langText{tail, ""})
		}
		pos += k
	}
	return out
}

// appendRun appends r to runs, joined to the last run when in the same
// language.
func appendRun(runs []langText, r langText) []langText {
	if len(runs) > 0 && runs[len(runs)-1].tag == r.tag {
		runs[len(runs)-1].text += r.text
		return runs
	}
	return append(runs, r)
}
