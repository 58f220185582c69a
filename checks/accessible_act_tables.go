package checks

import (
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// This file holds table-header-cells (ACT rule d0f69e, WCAG 1.3.1): every
// column or row header of a table heads at least one data cell. HTML tables
// follow the HTML table model (slots, colspan and rowspan, the headers
// attribute, scope, and the "auto" header assignment); tables built with
// ARIA roles follow ARIA (a column header heads the cells of its column, a
// row header those of its row).

// axSlotCell is one cell of a table laid out in slots.
type axSlotCell struct {
	node       *html.Node
	x, y, w, h int
	header     bool // a th element
	scope      string
	// empty is true for a data cell with no text and no element in it.
	empty bool
	// axRole is Chromium's role for the cell ("" without the tree).
	axRole string
}

// axGrid is a table laid out in slots, as the HTML table model does.
type axGrid struct {
	cells []*axSlotCell
	slots map[[2]int]*axSlotCell
	byID  map[*html.Node]*axSlotCell
}

// axMaxSpan bounds colspan and rowspan, as HTML does for colspan.
const axMaxSpan = 1000

// axSpan reads a colspan or rowspan attribute: def when absent or not a
// number, at most axMaxSpan.
func axSpan(n *html.Node, name string, def int) int {
	v, ok := a11y.Attr(n, name)
	if !ok {
		return def
	}
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || i < 0 {
		return def
	}
	return min(i, axMaxSpan)
}

// axTableRows returns the row groups of HTML table t in the order the table
// model uses (thead and tbody in document order, tfoot last); rows directly
// in the table form their own group.
func axTableRows(t *html.Node) [][]*html.Node {
	var groups, feet [][]*html.Node
	var loose []*html.Node
	flush := func() {
		if len(loose) > 0 {
			groups = append(groups, loose)
			loose = nil
		}
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "tr":
			loose = append(loose, c)
		case "thead", "tbody", "tfoot":
			flush()
			var rows []*html.Node
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.Data == "tr" {
					rows = append(rows, r)
				}
			}
			if c.Data == "tfoot" {
				feet = append(feet, rows)
			} else {
				groups = append(groups, rows)
			}
		}
	}
	flush()
	return append(groups, feet...)
}

// axLayoutTable lays out the cells of HTML table t in slots. rowspan=0
// reaches the end of its row group.
func axLayoutTable(t *html.Node) *axGrid {
	g := &axGrid{slots: map[[2]int]*axSlotCell{}, byID: map[*html.Node]*axSlotCell{}}
	y := 0
	for _, group := range axTableRows(t) {
		end := y + len(group)
		for _, row := range group {
			x := 0
			for c := row.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
					continue
				}
				for g.slots[[2]int{x, y}] != nil {
					x++
				}
				h := axSpan(c, "rowspan", 1)
				if h == 0 {
					h = max(end-y, 1)
				}
				cell := &axSlotCell{node: c, x: x, y: y, w: max(axSpan(c, "colspan", 1), 1), h: h,
					header: c.Data == "th", scope: strings.ToLower(strings.TrimSpace(attr(c, "scope"))),
					empty: !a11y.HasElementChild(c) && strings.TrimSpace(a11y.RawText(c)) == ""}
				for dx := 0; dx < cell.w; dx++ {
					for dy := 0; dy < cell.h; dy++ {
						if g.slots[[2]int{x + dx, y + dy}] == nil {
							g.slots[[2]int{x + dx, y + dy}] = cell
						}
					}
				}
				g.cells = append(g.cells, cell)
				g.byID[c] = cell
				x += cell.w
			}
			y++
		}
	}
	return g
}

// dataIn reports whether any slot in columns x..x+w-1 (when col) or rows
// y..y+h-1 holds a data cell. Empty data cells (a blank corner above row
// headers) do not count: browsers still read the headers next to them as
// headers.
func (g *axGrid) dataIn(c *axSlotCell, col bool) bool {
	for _, o := range g.cells {
		if o.header || o.empty {
			continue
		}
		if col && o.x < c.x+c.w && c.x < o.x+o.w {
			return true
		}
		if !col && o.y < c.y+c.h && c.y < o.y+o.h {
			return true
		}
	}
	return false
}

// columnHeader and rowHeader tell what a header cell heads: its scope;
// else Chromium's role for it; else, as HTML's auto state, a column header
// when its rows hold no data cell. A header cell that is not a column
// header heads its row (HTML would leave a header with data cells in both
// directions heading nothing; browsers do not).
func (g *axGrid) columnHeader(c *axSlotCell) bool {
	switch {
	case c.scope == "col":
		return true
	case c.scope == "row":
		return false
	case c.axRole == "columnheader" || c.axRole == "rowheader":
		return c.axRole == "columnheader"
	}
	return !g.dataIn(c, false)
}

func (g *axGrid) rowHeader(c *axSlotCell) bool {
	switch {
	case c.scope == "row":
		return true
	case c.scope == "col":
		return false
	case c.axRole == "columnheader" || c.axRole == "rowheader":
		return c.axRole == "rowheader"
	}
	return !g.columnHeader(c)
}

// scan is the HTML "internal algorithm for scanning and assigning header
// cells" for principal cell p from slot (x, y) in direction (dx, dy); it
// adds to heads.
func (g *axGrid) scan(p *axSlotCell, x, y, dx, dy int, heads map[*axSlotCell]bool) {
	var opaque, block []*axSlotCell
	inBlock := p.header
	if inBlock {
		block = []*axSlotCell{p}
	}
	for {
		x, y = x+dx, y+dy
		if x < 0 || y < 0 {
			return
		}
		cur := g.slots[[2]int{x, y}]
		if cur == nil {
			continue
		}
		if !cur.header {
			if inBlock {
				inBlock = false
				opaque = append(opaque, block...)
				block = nil
			}
			continue
		}
		inBlock = true
		block = append(block, cur)
		blocked := false
		for _, o := range opaque {
			if (dx == 0 && o.x == cur.x && o.w == cur.w) || (dy == 0 && o.y == cur.y && o.h == cur.h) {
				blocked = true
			}
		}
		if (dx == 0 && !g.columnHeader(cur)) || (dy == 0 && !g.rowHeader(cur)) {
			blocked = true
		}
		if !blocked && cur != p {
			heads[cur] = true
		}
	}
}

// headersOf returns the header cells assigned to cell c: those its headers
// attribute names, or else those the HTML scanning algorithm finds to its
// left and above it.
func (d *axDoc) headersOf(g *axGrid, c *axSlotCell) map[*axSlotCell]bool {
	heads := map[*axSlotCell]bool{}
	if v, ok := a11y.Attr(c.node, "headers"); ok && strings.TrimSpace(v) != "" {
		for _, id := range strings.Fields(v) {
			if h := g.byID[d.ByID(id)]; h != nil && h != c {
				heads[h] = true
			}
		}
		return heads
	}
	for y := c.y; y < c.y+c.h; y++ {
		g.scan(c, c.x, y, -1, 0, heads)
	}
	for x := c.x; x < c.x+c.w; x++ {
		g.scan(c, x, c.y, 0, -1, heads)
	}
	return heads
}

// axHeaderRole reports whether role is a column or row header.
func axHeaderRole(role string) bool { return role == "columnheader" || role == "rowheader" }

// axCellRole reports whether role is a data cell.
func axCellRole(role string) bool { return role == "cell" || role == "gridcell" }

// axTableRoles are the roles of elements that hold header cells.
var axTableRoles = map[string]bool{"table": true, "grid": true, "treegrid": true}

// tableHeaderCells fails for column and row headers that head no data cell
// of their table: a header above an empty column, or one that every cell
// of its column skips with a headers attribute.
func tableHeaderCells(p *Page, _ Params) Result {
	d := newAXDoc(p)
	applicable := false
	var ev []Evidence
	for _, t := range d.Elems {
		if !axTableRoles[d.Role(t)] || !d.exposedOrIgnored(t) || axInTableOf(t) {
			continue
		}
		if a := d.AXNode(t); a != nil && strings.EqualFold(a.Role, "LayoutTable") {
			continue
		}
		var targets, orphans []*html.Node
		if t.Data == "table" {
			targets, orphans = d.htmlTableOrphans(t)
		} else {
			targets, orphans = d.ariaTableOrphans(t)
		}
		if len(targets) > 0 {
			applicable = true
		}
		for _, n := range orphans {
			if len(ev) < axMaxEvidence {
				ev = append(ev, d.ev(n, "fail", "header", Shorten(a11y.Collapse(a11y.RawText(n)), 60)))
			}
		}
	}
	if !applicable {
		return Result{Outcome: Inapplicable}
	}
	return Verdict(ev)
}

// axInTableOf reports whether t lies inside another table element (nested
// tables are judged on their own by the outer loop only when they are
// HTML tables).
func axInTableOf(t *html.Node) bool {
	if t.Data == "table" {
		return false
	}
	for x := t.Parent; x != nil && x.Type == html.ElementNode; x = x.Parent {
		if x.Data == "table" {
			return true
		}
	}
	return false
}

// htmlTableOrphans returns the header cells of HTML table t that are in
// the accessibility tree, and those of them no other cell is assigned to
// (HTML assigns header cells to data cells and to other header cells, such
// as a row header under a corner header).
// Tables with column or row groups headers (scope colgroup, rowgroup) are
// left out: their assignment depends on colgroup elements.
func (d *axDoc) htmlTableOrphans(t *html.Node) (targets, orphans []*html.Node) {
	g := axLayoutTable(t)
	for _, c := range g.cells {
		if c.scope == "colgroup" || c.scope == "rowgroup" {
			return nil, nil
		}
		if a := d.AXNode(c.node); a != nil {
			c.axRole = strings.ToLower(a.Role)
		}
	}
	assigned := map[*axSlotCell]bool{}
	for _, c := range g.cells {
		for h := range d.headersOf(g, c) {
			assigned[h] = true
		}
	}
	for _, c := range g.cells {
		if !c.header || !axHeaderRole(d.Role(c.node)) || !d.Exposed(c.node) {
			continue
		}
		targets = append(targets, c.node)
		if !assigned[c] {
			orphans = append(orphans, c.node)
		}
	}
	return targets, orphans
}

// ariaTableOrphans does the same for a table built with ARIA roles: a
// column header needs another cell or header in its column, a row header
// one in its row.
// Tables that place cells with aria-colindex, aria-rowindex or spans are
// left out.
func (d *axDoc) ariaTableOrphans(t *html.Node) (targets, orphans []*html.Node) {
	rows := d.ariaRows(t)
	type pos struct {
		n    *html.Node
		x, y int
	}
	var heads []pos
	cols, inRow := map[int]int{}, map[int]int{}
	for y, row := range rows {
		for x, c := range d.ariaCells(row) {
			for _, a := range []string{"aria-colindex", "aria-rowindex", "aria-colspan", "aria-rowspan"} {
				if a11y.Has(c, a) {
					return nil, nil
				}
			}
			if axHeaderRole(d.Role(c)) {
				heads = append(heads, pos{c, x, y})
			}
			cols[x]++
			inRow[y]++
		}
	}
	for _, h := range heads {
		if !d.Exposed(h.n) {
			continue
		}
		targets = append(targets, h.n)
		if (d.Role(h.n) == "columnheader" && cols[h.x] < 2) || (d.Role(h.n) == "rowheader" && inRow[h.y] < 2) {
			orphans = append(orphans, h.n)
		}
	}
	return targets, orphans
}

// ariaRows returns the elements with role row in t, through row groups
// and generic containers, not inside nested tables.
func (d *axDoc) ariaRows(t *html.Node) []*html.Node {
	return d.collectRoles(t, func(r string) bool { return r == "row" }, func(r string) bool { return axTableRoles[r] })
}

// ariaCells returns the cells and headers of row, in order, through
// generic containers.
func (d *axDoc) ariaCells(row *html.Node) []*html.Node {
	return d.collectRoles(row, func(r string) bool { return axHeaderRole(r) || axCellRole(r) },
		func(r string) bool { return r == "row" || axTableRoles[r] })
}

// collectRoles returns, in document order, the descendants of root whose
// role take accepts, without looking inside them or inside elements whose
// role stop accepts.
func (d *axDoc) collectRoles(root *html.Node, take, stop func(role string) bool) []*html.Node {
	var out []*html.Node
	var walk func(x *html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch r := d.Role(c); {
			case take(r):
				out = append(out, c)
			case stop(r):
			default:
				walk(c)
			}
		}
	}
	walk(root)
	return out
}
