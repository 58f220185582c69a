package report

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/didi-index/didi/result"
)

//go:embed report.html.tmpl
var htmlSource string

// htmlTemplate is the page, parsed once.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"tr":    tr,
	"colon": colon,
	"radar": radarSVG,
	"bar":   barWidth,
	"short": shorten,
	"bdi":   bdiHTML,
	"ltr":   ltrHTML,
}).Parse(htmlSource))

// maxCodeRunes is the length beyond which HTML reports shorten a selector,
// snippet or address.
const maxCodeRunes = 400

// shorten cuts s to maxCodeRunes runes, keeping the start and the end with
// an ellipsis between them.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= maxCodeRunes {
		return s
	}
	head := maxCodeRunes * 2 / 3
	return string(r[:head]) + "…" + string(r[len(r)-(maxCodeRunes-head-1):])
}

// htmlWriter writes one self-contained HTML file (inline CSS and SVG, no
// script, no external request) with one article per language and a
// language switch.
type htmlWriter struct{}

// Format returns "html".
func (htmlWriter) Format() string { return "html" }

// htmlPage is the data of the template.
type htmlPage struct {
	Lang, Tag   string
	Title       string   // the <title>: the document title and the targets, isolated
	DocTitle    string   // the document title alone
	Targets     []string // the scanned sites, isolated in the <h1>
	Views       []*docView
	LangNavName string
}

// Write renders r in langs.
func (htmlWriter) Write(w io.Writer, r *result.Result, langs []string) error {
	langs, err := resolveLangs(r, langs)
	if err != nil {
		return err
	}
	p := htmlPage{Lang: langs[0], Tag: htmlLang(langs[0])}
	names := make([]string, 0, len(langs))
	for _, l := range langs {
		v := buildView(r, l)
		p.Views = append(p.Views, v)
		names = append(names, tr(l, "language"))
	}
	p.DocTitle, p.Targets = p.Views[0].Title, p.Views[0].Targets
	p.Title = p.DocTitle
	if len(p.Targets) > 0 {
		isolated := make([]string, len(p.Targets))
		for i, t := range p.Targets {
			isolated[i] = isolateText(t)
		}
		p.Title += colon(p.Lang) + " " + strings.Join(isolated, ", ")
	}
	p.LangNavName = strings.Join(dedupe(names), " / ")
	if err := htmlTemplate.Execute(w, p); err != nil {
		return fmt.Errorf("render html report: %w", err)
	}
	return nil
}

// dedupe drops repeated strings, keeping the order.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// barWidth turns a 0–100 score into a CSS width percentage.
func barWidth(v *float64) string {
	if v == nil {
		return "0"
	}
	return fmt.Sprintf("%.1f", math.Max(0, math.Min(100, *v)))
}

// radarSVG draws the radar chart of v's criteria as inline SVG with a
// title, so screen readers get a name; the numbers are in the table next
// to it.
func radarSVG(v *docView) template.HTML {
	const width, height, cx, cy, r = 680.0, 430.0, 340.0, 215.0, 125.0
	n := len(v.Criteria)
	if n < 3 {
		return ""
	}
	var b strings.Builder
	id := "radar-" + v.Lang
	fmt.Fprintf(&b, `<svg class="radar" viewBox="0 0 %g %g" role="img" aria-labelledby="%s">`, width, height, id)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, id, html.EscapeString(tr(v.Lang, "radar_label")))
	for _, f := range []float64{0.25, 0.5, 0.75, 1} {
		fmt.Fprintf(&b, `<polygon points="%s" class="ring"/>`, svgPoints(radarRing(n, cx, cy, r, f)))
	}
	for i := 0; i < n; i++ {
		e := radarAxis(i, n, cx, cy, r)
		fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%.1f" y2="%.1f" class="axis"/>`, cx, cy, e.X, e.Y)
	}
	fmt.Fprintf(&b, `<polygon points="%s" class="shape"/>`, svgPoints(radarShape(radarScores(v), cx, cy, r)))
	for i, c := range v.Criteria {
		if n > radarMaxNames {
			c.Title = strconv.Itoa(c.Num) + "."
		}
		p := radarAxis(i, n, cx, cy, r+16)
		anchor := "middle"
		if p.X > cx+5 {
			anchor = "start"
		} else if p.X < cx-5 {
			anchor = "end"
		}
		dy := 0.0
		if p.Y < cy-r {
			dy = -6
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s"><tspan x="%.1f">%s</tspan><tspan x="%.1f" dy="1.2em" class="val">%s</tspan></text>`,
			p.X, p.Y+dy, anchor, p.X, html.EscapeString(c.Title), p.X, html.EscapeString(c.Score))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// svgPoints formats a polygon's points.
func svgPoints(pts []point) string {
	parts := make([]string, len(pts))
	for i, p := range pts {
		parts[i] = fmt.Sprintf("%.1f,%.1f", p.X, p.Y)
	}
	return strings.Join(parts, " ")
}
