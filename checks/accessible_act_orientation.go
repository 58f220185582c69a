package checks

import (
	"math"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"
	"github.com/didi-index/didi/checks/internal/rx"

	"golang.org/x/net/html"
)

// This file holds orientation-lock (ACT rule b33eff, WCAG 1.3.4): the page
// is not turned a quarter turn in one screen orientation with a CSS
// transform, which would force people to hold their device one way. It
// reads the style elements of the page (not linked style sheets) and the
// rules for html, body and :root.

// axCSSRule is one style rule: its selectors, declarations and the
// orientation its media query asks for ("" outside such a query).
type axCSSRule struct {
	selectors   []string
	decls       map[string]string
	orientation string
}

// axCSSComment matches CSS comments.
var axCSSComment = rx.MustCompile(`(?s)/\*.*?\*/`)

// axOrientationQuery finds the orientation feature of a media query.
var axOrientationQuery = rx.MustCompile(`(?i)\(\s*orientation\s*:\s*([a-z]+)\s*\)`)

// axParseCSS splits a style sheet into style rules, with the orientation
// of the @media rules around them. Other at-rules are skipped, except
// @supports and @layer blocks, whose rules apply as they are.
func axParseCSS(css string) []axCSSRule {
	var out []axCSSRule
	axParseRules(axCSSComment.ReplaceAllString(css, " "), "", &out)
	return out
}

// axParseRules parses the rules of block css under orientation.
func axParseRules(css, orientation string, out *[]axCSSRule) {
	for len(css) > 0 {
		open := strings.IndexAny(css, "{;")
		if open < 0 {
			return
		}
		prelude := strings.TrimSpace(css[:open])
		if css[open] == ';' { // a statement at-rule (@import)
			css = css[open+1:]
			continue
		}
		end := axBlockEnd(css, open)
		body := css[open+1 : end]
		css = css[min(end+1, len(css)):]
		lower := strings.ToLower(prelude)
		switch {
		case strings.HasPrefix(lower, "@media"):
			o := orientation
			if m := axOrientationQuery.FindStringSubmatch(prelude); m != nil {
				o = strings.ToLower(m[1])
			}
			axParseRules(body, o, out)
		case strings.HasPrefix(lower, "@supports"), strings.HasPrefix(lower, "@layer"):
			axParseRules(body, orientation, out)
		case strings.HasPrefix(lower, "@"):
		default:
			r := axCSSRule{decls: axDecls(body), orientation: orientation}
			for _, s := range strings.Split(prelude, ",") {
				r.selectors = append(r.selectors, strings.ToLower(strings.TrimSpace(s)))
			}
			*out = append(*out, r)
		}
	}
}

// axBlockEnd returns the index of the brace that closes the block opened
// at css[open], or len(css) when it is not closed.
func axBlockEnd(css string, open int) int {
	depth := 0
	for i := open; i < len(css); i++ {
		switch css[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(css)
}

// axDecls reads the declarations of a rule body, by lower-case property.
func axDecls(body string) map[string]string {
	m := map[string]string{}
	for _, d := range strings.Split(body, ";") {
		k, v, ok := strings.Cut(d, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
		m[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return m
}

// axCSSFunc matches one CSS function call, such as rotate(90deg).
var axCSSFunc = rx.MustCompile(`([a-zA-Z0-9]+)\(([^()]*)\)`)

// axAngle reads a CSS angle in degrees (deg, rad, grad, turn; a bare 0).
func axAngle(s string) (float64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	units := []struct {
		unit string
		deg  float64
	}{{"grad", 0.9}, {"deg", 1}, {"rad", 180 / math.Pi}, {"turn", 360}}
	for _, u := range units {
		if strings.HasSuffix(s, u.unit) {
			f, err := strconv.ParseFloat(strings.TrimSuffix(s, u.unit), 64)
			return f * u.deg, err == nil
		}
	}
	return 0, s == "0"
}

// axNumbers reads a comma-separated list of numbers.
func axNumbers(s string) ([]float64, bool) {
	var out []float64
	for _, p := range strings.Split(s, ",") {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, false
		}
		out = append(out, f)
	}
	return out, true
}

// axRotation returns the turn, in degrees, that a rule's transform and
// rotate properties give an element about the axis facing the user, and
// whether they give any valid value. Functions other than rotations
// (translate, scale) do not turn the element.
func axRotation(decls map[string]string) (float64, bool) {
	total, found := 0.0, false
	if v, ok := decls["rotate"]; ok {
		f := strings.Fields(v)
		if len(f) == 2 && strings.EqualFold(f[0], "z") {
			f = f[1:]
		}
		if len(f) == 1 {
			if a, ok := axAngle(f[0]); ok {
				total, found = total+a, true
			}
		}
	}
	v, ok := decls["transform"]
	if !ok {
		return total, found
	}
	for _, m := range axCSSFunc.FindAllStringSubmatch(v, -1) {
		name, args := strings.ToLower(m[1]), m[2]
		switch name {
		case "rotate", "rotatez":
			if a, ok := axAngle(args); ok {
				total, found = total+a, true
			}
		case "rotate3d":
			p := strings.Split(args, ",")
			if len(p) != 4 {
				continue
			}
			n, ok1 := axNumbers(strings.Join(p[:3], ","))
			a, ok2 := axAngle(p[3])
			if ok1 && ok2 && n[0] == 0 && n[1] == 0 && n[2] != 0 {
				total, found = total+math.Copysign(a, n[2]), true
			}
		case "matrix", "matrix3d":
			n, ok := axNumbers(args)
			if ok && (len(n) == 6 || len(n) == 16) {
				total, found = total+math.Atan2(n[1], n[0])*180/math.Pi, true
			}
		}
	}
	return total, found
}

// axQuarterTurn reports whether an angle in degrees is a quarter or three
// quarters of a turn (within half a degree).
func axQuarterTurn(deg float64) bool {
	r := math.Mod(math.Abs(deg), 180)
	return math.Abs(r-90) <= 0.5
}

// axPageSelectors are the selectors of rules that turn the whole page.
var axPageSelectors = map[string]bool{"html": true, "body": true, ":root": true}

// orientationLock fails when a style element turns html or body a quarter
// turn in one orientation (portrait or landscape) compared with its turn
// outside that media query. The evidence message is the orientation.
func orientationLock(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, st := range d.Elems {
		if st.Data != "style" || st.FirstChild == nil {
			continue
		}
		rules := axParseCSS(a11y.RawText(st))
		for _, r := range rules {
			if r.orientation != "portrait" && r.orientation != "landscape" {
				continue
			}
			turn, ok := axRotation(r.decls)
			if !ok {
				continue
			}
			for _, sel := range r.selectors {
				target := d.pageElement(sel)
				if target == nil || a11y.Hidden(target) {
					continue
				}
				applicable = true
				base, _ := axBaseRotation(rules, sel)
				if axQuarterTurn(turn-base) && len(ev) < axMaxEvidence {
					ev = append(ev, d.ev(st, r.orientation, "selector", sel,
						"angle", strconv.FormatFloat(math.Round(turn-base), 'f', -1, 64)))
				}
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// pageElement returns the html or body element a page-level selector
// names, or nil for other selectors.
func (d *axDoc) pageElement(sel string) *html.Node {
	if !axPageSelectors[sel] {
		return nil
	}
	if sel == "body" {
		return d.Body
	}
	return d.HTML
}

// axBaseRotation returns the turn the last rule outside any orientation
// query gives selector sel.
func axBaseRotation(rules []axCSSRule, sel string) (float64, bool) {
	base, found := 0.0, false
	for _, r := range rules {
		if r.orientation != "" {
			continue
		}
		for _, s := range r.selectors {
			if s == sel {
				if t, ok := axRotation(r.decls); ok {
					base, found = t, true
				}
			}
		}
	}
	return base, found
}
