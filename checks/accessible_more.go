package checks

import (
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// This file holds smaller accessible checks: names of summary elements and
// menu items, focusable content inside elements whose children are
// presentational, decorative elements that are exposed anyway, and text
// spacing fixed with !important in style attributes.

// summaryName fails for the summary of a details element (the control that
// opens it) without an accessible name.
func summaryName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		if n.Data != "summary" || n.Parent == nil || n.Parent.Data != "details" || !a11y.IsSummaryOf(n, n.Parent) {
			return false
		}
		if r, ok := a11y.ExplicitRole(n); ok && r != "none" && r != "presentation" {
			return false // another role: other checks apply
		}
		return d.Exposed(n)
	}, d.Name, "fail")
}

// menuitemName fails for menu items without an accessible name.
func menuitemName(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		return d.Role(n) == "menuitem" && d.Exposed(n)
	}, d.Name, "fail")
}

// presentationalChildrenFocus fails for elements whose role makes their
// children presentational (button, checkbox, tab, img, ...) but that hold
// an element in the Tab order: a screen reader does not announce it.
func presentationalChildrenFocus(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		ri, ok := a11y.RoleLookup(a11y.BaseRole(d.Role(n)))
		if !ok || !ri.PresentationalChildren || !d.Exposed(n) || !a11y.HasElementChild(n) {
			continue
		}
		applicable = true
		if inner := axTabbableDescendant(n); inner != nil && len(ev) < axMaxEvidence {
			ev = append(ev, d.ev(n, "fail", "role", d.Role(n), "inner", "<"+inner.Data+">"))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axTabbableDescendant returns the first rendered descendant of n in the Tab
// order, or nil.
func axTabbableDescendant(n *html.Node) *html.Node {
	var found *html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode || a11y.SelfHidden(c) {
				continue
			}
			if a11y.Tabbable(c) {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(n)
	return found
}

// decorativeExposed fails for elements marked as decorative (an img with
// alt="", or role none or presentation) that are exposed to assistive
// technology anyway, because they can take focus or carry global ARIA
// attributes such as aria-label.
func decorativeExposed(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		r, explicit := a11y.ExplicitRole(n)
		alt, hasAlt := a11y.Attr(n, "alt")
		decorative := (explicit && (r == "none" || r == "presentation")) ||
			(!explicit && n.Data == "img" && hasAlt && alt == "")
		if !decorative {
			continue
		}
		applicable = true
		if a11y.Hidden(n) || a11y.AriaHidden(n) {
			continue
		}
		if (a11y.Focusable(n) || a11y.HasGlobalARIA(n)) && len(ev) < axMaxEvidence {
			role := a11y.ImplicitRole(n)
			if role == "presentation" || role == "" {
				role = "img"
			}
			ev = append(ev, d.ev(n, "fail", "role", role))
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axSpacing is one text spacing property and its WCAG 1.4.12 minimum, as a
// multiple of the font size.
type axSpacing struct {
	prop string
	min  float64
}

// axSpacings are the spacings WCAG 1.4.12 lets users raise.
var axSpacings = []axSpacing{{"letter-spacing", 0.12}, {"word-spacing", 0.16}, {"line-height", 1.5}}

// axDecl is a declaration of an inline style.
type axDecl struct {
	value     string
	important bool
}

// axStyleDecls returns the winning declaration of each property of an
// inline style: the last !important one, else the last one.
func axStyleDecls(style string) map[string]axDecl {
	out := map[string]axDecl{}
	for _, part := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		imp := false
		if i := strings.Index(strings.ToLower(v), "!important"); i >= 0 {
			imp, v = true, strings.TrimSpace(v[:i])
		}
		if prev, seen := out[k]; seen && prev.important && !imp {
			continue
		}
		out[k] = axDecl{value: strings.ToLower(v), important: imp}
	}
	return out
}

// axFontSize returns the font size in px of n from inline styles (its own
// or an ancestor's) or the browser's measurement, or 16 (the default).
func (d *axDoc) axFontSize(n *html.Node, measured map[string]float64) float64 {
	if v, ok := measured[d.Sel(n)]; ok && v > 0 {
		return v
	}
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if dcl, ok := axStyleDecls(attr(x, "style"))["font-size"]; ok && strings.HasSuffix(dcl.value, "px") {
			if f, err := strconv.ParseFloat(strings.TrimSuffix(dcl.value, "px"), 64); err == nil && f > 0 {
				return f
			}
		}
	}
	return 16
}

// axSpacingRatio turns a spacing value into a multiple of the font size;
// ok is false for values that cannot be judged (inherit, unset, var()).
func axSpacingRatio(prop, v string, font float64) (float64, bool) {
	switch v {
	case "normal", "initial":
		if prop == "line-height" {
			return 1.2, true
		}
		return 0, true
	case "inherit", "unset", "revert", "revert-layer":
		return 0, false
	}
	num := func(s string) (float64, bool) {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		return f, err == nil
	}
	switch {
	case strings.HasSuffix(v, "rem"):
		f, ok := num(strings.TrimSuffix(v, "rem"))
		return f * 16 / font, ok
	case strings.HasSuffix(v, "em"):
		return num(strings.TrimSuffix(v, "em"))
	case strings.HasSuffix(v, "px"):
		f, ok := num(strings.TrimSuffix(v, "px"))
		return f / font, ok
	case strings.HasSuffix(v, "%"):
		f, ok := num(strings.TrimSuffix(v, "%"))
		return f / 100, ok && prop == "line-height"
	case prop == "line-height":
		return num(v)
	}
	return 0, false
}

// axOwnTextNodes returns the rendered text nodes of n that do not sit in a
// descendant whose own style attribute sets prop.
func axOwnTextNodes(n *html.Node, prop string) []*html.Node {
	var out []*html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					out = append(out, c)
				}
			case html.ElementNode:
				if a11y.SelfHidden(c) {
					continue
				}
				if _, own := axStyleDecls(attr(c, "style"))[prop]; own {
					continue
				}
				walk(c)
			}
		}
	}
	walk(n)
	return out
}

// axOffscreen reports whether n or an ancestor is moved far off screen with
// an inline style (position absolute or fixed, top or left at -999 or less):
// its text is not visible.
func axOffscreen(n *html.Node) bool {
	for x := n; x != nil && x.Type == html.ElementNode; x = x.Parent {
		decls := axStyleDecls(attr(x, "style"))
		pos := decls["position"].value
		if pos != "absolute" && pos != "fixed" {
			continue
		}
		for _, side := range []string{"top", "left"} {
			v := strings.TrimRight(decls[side].value, "pxemr")
			if f, err := strconv.ParseFloat(v, 64); err == nil && f <= -999 {
				return true
			}
		}
	}
	return false
}

// axOneLine reports whether the text of n surely fits one line: white-space
// nowrap, or an inline width wider than the text.
func axOneLine(n *html.Node, text string, font float64) bool {
	decls := axStyleDecls(attr(n, "style"))
	if decls["white-space"].value == "nowrap" || decls["white-space"].value == "pre" {
		return true
	}
	if w, ok := decls["width"]; ok && strings.HasSuffix(w.value, "px") {
		if f, err := strconv.ParseFloat(strings.TrimSuffix(w.value, "px"), 64); err == nil {
			return f > float64(len([]rune(text)))*font*0.6
		}
	}
	return false
}

// textSpacing fails for elements whose style attribute fixes letter
// spacing, word spacing or line height with !important below what WCAG
// 1.4.12 lets users set (0.12, 0.16 and 1.5 times the font size): user
// styles can then not raise them.
func textSpacing(p *Page, _ Params) Result {
	d := newAXDoc(p)
	measured := map[string]float64{}
	if b := p.Snap.Browser; b != nil {
		for _, t := range b.Texts {
			measured[t.Selector] = t.FontSizePx
		}
	}
	applicable := false
	var ev []Evidence
	for _, n := range d.Elems {
		style, ok := a11y.Attr(n, "style")
		if !ok || !strings.Contains(style, "!") || a11y.Hidden(n) || n.Namespace != "" {
			continue
		}
		decls := axStyleDecls(style)
		for _, sp := range axSpacings {
			dcl, ok := decls[sp.prop]
			if !ok || !dcl.important {
				continue
			}
			texts := axOwnTextNodes(n, sp.prop)
			if len(texts) == 0 || axOffscreen(n) {
				continue
			}
			font := d.axFontSize(n, measured)
			if sp.prop == "line-height" && axOneLine(n, a11y.VisibleText(n, a11y.TextOpts{}), font) {
				continue
			}
			ratio, known := axSpacingRatio(sp.prop, dcl.value, font)
			if !known {
				continue
			}
			applicable = true
			// A length is computed on n and inherited as is; a plain number
			// (line-height: 1.2) scales with each text's own font size.
			plain := sp.prop == "line-height" && axIsNumber(dcl.value)
			worst := ratio
			if !plain {
				worst = ratio * font / d.maxTextFont(texts, measured)
			}
			if worst < sp.min-1e-9 && len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, "fail", "property", sp.prop, "value", dcl.value,
					"min", strconv.FormatFloat(sp.min, 'f', -1, 64)))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axIsNumber reports whether v is a plain number.
func axIsNumber(v string) bool {
	_, err := strconv.ParseFloat(v, 64)
	return err == nil
}

// maxTextFont returns the largest font size among the parents of texts: a
// fixed spacing is smallest relative to the largest text.
func (d *axDoc) maxTextFont(texts []*html.Node, measured map[string]float64) float64 {
	best := 0.0
	for _, t := range texts {
		best = max(best, d.axFontSize(t.Parent, measured))
	}
	if best == 0 {
		return 16
	}
	return best
}

// axNonTextExt are file extensions of images, audio and video.
var axNonTextExt = axSet(`png jpg jpeg gif svg webp avif bmp ico tif tiff mp3 wav ogg oga m4a aac flac mp4 webm ogv mov m4v avi mkv`)

// axObjectNonText reports whether object n shows an image, audio or video:
// by its type attribute or the extension of its data address.
func axObjectNonText(n *html.Node) bool {
	t := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	if strings.HasPrefix(t, "image/") || strings.HasPrefix(t, "audio/") || strings.HasPrefix(t, "video/") {
		return true
	}
	if t != "" {
		return false
	}
	data := strings.ToLower(attr(n, "data"))
	if i := strings.IndexAny(data, "?#"); i >= 0 {
		data = data[:i]
	}
	dot := strings.LastIndexByte(data, '.')
	return dot >= 0 && axNonTextExt[data[dot+1:]]
}

// objectAlt fails for object elements that show an image, audio or video
// and have no accessible name (aria-label, aria-labelledby or title; alt
// does not work on object, and the fallback content is not its name).
func objectAlt(p *Page, _ Params) Result {
	d := newAXDoc(p)
	return axNamesResult(d, func(n *html.Node) bool {
		if n.Data != "object" || n.Namespace != "" || a11y.Has(n, "role") || !axObjectNonText(n) {
			return false
		}
		return !a11y.Hidden(n) && !a11y.AriaHidden(n) && (!d.HasAX() || d.AXNode(n) != nil)
	}, d.objectName, "fail")
}

// objectName is the name of an object element from its attributes only.
func (d *axDoc) objectName(n *html.Node) string {
	c := &a11y.NameCtx{Visited: map[*html.Node]bool{}}
	if s := d.LabelledbyName(n, c); s != "" {
		return s
	}
	if s := strings.TrimSpace(attr(n, "aria-label")); s != "" {
		return s
	}
	return strings.TrimSpace(attr(n, "title"))
}
