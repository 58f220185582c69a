package checks

import (
	"cmp"
	"math"
	"slices"
	"sort"
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
	// colHead and rowHead tell what a header cell heads (axGrid.classify).
	colHead, rowHead bool
}

// axSlot is a slot of a table's column or row: its position along the
// line (the row in a column, the column in a row) and the cell covering it.
type axSlot struct {
	pos  int
	cell *axSlotCell
}

// axGrid is a table laid out in slots, as the HTML table model does.
type axGrid struct {
	cells []*axSlotCell
	slots map[[2]int]*axSlotCell
	byID  map[*html.Node]*axSlotCell
	// cols and rows list the covered slots of each column and row in order.
	cols, rows [][]axSlot
}

// axMaxSpan bounds colspan and rowspan, as HTML does for colspan.
const axMaxSpan = 1000

// axMaxSlots bounds the slots of the tables of one page that
// table-header-cells lays out: spans let a few bytes of HTML cover a
// million slots (a cell with colspan and rowspan 1000), and a page of such
// cells would take hours and all memory. A real table of 100,000 cells has
// 100,000 slots; the tables past the bound are left out.
const axMaxSlots = 1 << 21

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
// reaches the end of its row group. It gives up (nil) when the table would
// cover more than *budget slots, and takes the slots it covers from
// *budget.
func axLayoutTable(t *html.Node, budget *int) *axGrid {
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
					empty: !a11y.HasElementChild(c) && !a11y.HasRawText(c)}
				if *budget -= cell.w * cell.h; *budget < 0 {
					return nil
				}
				for dx := 0; dx < cell.w; dx++ {
					for dy := 0; dy < cell.h; dy++ {
						if g.slots[[2]int{x + dx, y + dy}] == nil {
							g.slots[[2]int{x + dx, y + dy}] = cell
							g.cols = axAddSlot(g.cols, x+dx, y+dy, cell)
							g.rows = axAddSlot(g.rows, y+dy, x+dx, cell)
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
	for _, line := range g.rows { // a column fills from the top down; a row not always
		slices.SortFunc(line, func(a, b axSlot) int { return cmp.Compare(a.pos, b.pos) })
	}
	return g
}

// axAddSlot adds the slot at pos of line i to lines.
func axAddSlot(lines [][]axSlot, i, pos int, c *axSlotCell) [][]axSlot {
	for len(lines) <= i {
		lines = append(lines, nil)
	}
	lines[i] = append(lines[i], axSlot{pos, c})
	return lines
}

// axSpans is a set of positions, as sorted disjoint half-open intervals.
type axSpans [][2]int

// newAXSpans returns the union of the intervals [from, to).
func newAXSpans(iv [][2]int) axSpans {
	slices.SortFunc(iv, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var s axSpans
	for _, v := range iv {
		if n := len(s); n > 0 && v[0] <= s[n-1][1] {
			s[n-1][1] = max(s[n-1][1], v[1])
			continue
		}
		s = append(s, v)
	}
	return s
}

// meets reports whether [from, to) holds a position of s.
func (s axSpans) meets(from, to int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] > from })
	return i < len(s) && s[i][0] < to
}

// classify works out what each header cell heads (colHead, rowHead): its
// scope; else Chromium's role for it; else, as HTML's auto state, a column
// header when its rows hold no data cell. A header cell that is not a
// column header heads its row (HTML would leave a header with data cells
// in both directions heading nothing; browsers do not). Empty data cells (a
// blank corner above row headers) do not count as data: browsers still
// read the headers next to them as headers.
func (g *axGrid) classify() {
	var dataRows [][2]int
	for _, o := range g.cells {
		if !o.header && !o.empty {
			dataRows = append(dataRows, [2]int{o.y, o.y + o.h})
		}
	}
	inRows := newAXSpans(dataRows)
	for _, c := range g.cells {
		if !c.header {
			continue
		}
		switch {
		case c.scope == "col" || c.scope == "row":
			c.colHead, c.rowHead = c.scope == "col", c.scope == "row"
		case c.axRole == "columnheader" || c.axRole == "rowheader":
			c.colHead, c.rowHead = c.axRole == "columnheader", c.axRole == "rowheader"
		default:
			c.colHead = !inRows.meets(c.y, c.y+c.h)
			c.rowHead = !c.colHead
		}
	}
}

// axScanDir is one direction of HTML's "internal algorithm for scanning and
// assigning header cells": up a column or left along a row.
type axScanDir struct {
	// lines are the columns (up) or the rows (left).
	lines func(g *axGrid) [][]axSlot
	// span is the lines a cell covers; start the position along them where
	// its scans begin (they look at the slots before it).
	span  func(c *axSlotCell) (from, to int)
	start func(c *axSlotCell) int
	// heads reports whether a header cell heads this direction.
	heads func(c *axSlotCell) bool
}

var axScanDirs = []axScanDir{
	{lines: func(g *axGrid) [][]axSlot { return g.cols }, span: func(c *axSlotCell) (int, int) { return c.x, c.x + c.w },
		start: func(c *axSlotCell) int { return c.y }, heads: func(c *axSlotCell) bool { return c.colHead }},
	{lines: func(g *axGrid) [][]axSlot { return g.rows }, span: func(c *axSlotCell) (int, int) { return c.y, c.y + c.h },
		start: func(c *axSlotCell) int { return c.x }, heads: func(c *axSlotCell) bool { return c.rowHead }},
}

// axShape is a header cell's place across a line (column and width for a
// column, row and height for a row): a header that another of the same
// shape hides.
type axShape struct{ line, from, to int }

// assigned returns the header cells that the HTML table model assigns to
// at least one cell: those a headers attribute names, and those its
// scanning algorithm finds for a cell without one.
//
// The algorithm scans from each cell (the principal) up its columns and left
// along its rows. A header cell on the way is assigned unless it does not
// head that direction, or a header cell of the same shape lies between
// them with a data cell between the two (it is "opaque"; the principal
// itself counts when it is a header). Done cell by cell, that costs the
// slots above and beside every cell: a table of 100,000 cells took a
// minute. Instead, for each header slot at position i of a line: with d the
// first data slot after it and e the first slot of a header of its shape
// after d, some principal assigns it when one begins in (i, d] (no data
// between), or one that is not a header of its shape begins in (d, e]
// (data between, but no header of its shape). Both are counts in the
// sorted positions where principals begin.
func (d *axDoc) assigned(g *axGrid) map[*axSlotCell]bool {
	out := map[*axSlotCell]bool{}
	var principals []*axSlotCell
	for _, c := range g.cells {
		v, ok := a11y.Attr(c.node, "headers")
		if !ok || strings.TrimSpace(v) == "" {
			principals = append(principals, c)
			continue
		}
		for _, id := range strings.Fields(v) {
			if h := g.byID[d.ByID(id)]; h != nil && h != c {
				out[h] = true
			}
		}
	}
	for _, dir := range axScanDirs {
		lines := dir.lines(g)
		starts := make([][]int, len(lines))
		shapeStarts := map[axShape][]int{}
		for _, p := range principals {
			from, to := dir.span(p)
			for l := from; l < min(to, len(lines)); l++ {
				starts[l] = append(starts[l], dir.start(p))
				if p.header {
					k := axShape{l, from, to}
					shapeStarts[k] = append(shapeStarts[k], dir.start(p))
				}
			}
		}
		for _, s := range shapeStarts {
			slices.Sort(s)
		}
		for l, line := range lines {
			slices.Sort(starts[l])
			axAssignLine(line, starts[l], shapeStarts, l, dir, out)
		}
	}
	return out
}

// axAssignLine adds to out the header cells of line l that a principal
// beginning at one of starts (sorted) assigns, as assigned explains.
func axAssignLine(line []axSlot, starts []int, shapeStarts map[axShape][]int, l int, dir axScanDir, out map[*axSlotCell]bool) {
	const never = math.MaxInt
	// nextData[i] is the position of the first data slot after slot i.
	nextData := make([]int, len(line))
	next := never
	for i := len(line) - 1; i >= 0; i-- {
		nextData[i] = next
		if !line[i].cell.header {
			next = line[i].pos
		}
	}
	shapeAt := map[axShape][]int{} // where headers of each shape lie, in order
	for _, s := range line {
		if s.cell.header {
			from, to := dir.span(s.cell)
			k := axShape{l, from, to}
			shapeAt[k] = append(shapeAt[k], s.pos)
		}
	}
	for i, s := range line {
		h := s.cell
		if !h.header || !dir.heads(h) || out[h] {
			continue
		}
		d := nextData[i]
		if axCount(starts, s.pos, d) > 0 {
			out[h] = true
			continue
		}
		if d == never {
			continue
		}
		from, to := dir.span(h)
		k := axShape{l, from, to}
		e := never
		at := shapeAt[k]
		if j := sort.SearchInts(at, d+1); j < len(at) {
			e = at[j]
		}
		if axCount(starts, d, e) > axCount(shapeStarts[k], d, e) {
			out[h] = true
		}
	}
}

// axCount is the number of positions of sorted in (after, upTo].
func axCount(sorted []int, after, upTo int) int {
	lo := sort.SearchInts(sorted, after+1)
	hi := len(sorted)
	if upTo < math.MaxInt {
		hi = sort.SearchInts(sorted, upTo+1)
	}
	return max(hi-lo, 0)
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
	budget := axMaxSlots
	for _, t := range d.Elems {
		if !axTableRoles[d.Role(t)] || !d.exposedOrIgnored(t) || axInTableOf(t) {
			continue
		}
		if a := d.AXNode(t); a != nil && strings.EqualFold(a.Role, "LayoutTable") {
			continue
		}
		var targets, orphans []*html.Node
		if t.Data == "table" {
			targets, orphans = d.htmlTableOrphans(t, &budget)
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
// left out: their assignment depends on colgroup elements. So are tables
// past the page's budget of slots (axMaxSlots).
func (d *axDoc) htmlTableOrphans(t *html.Node, budget *int) (targets, orphans []*html.Node) {
	g := axLayoutTable(t, budget)
	if g == nil {
		return nil, nil
	}
	for _, c := range g.cells {
		if c.scope == "colgroup" || c.scope == "rowgroup" {
			return nil, nil
		}
		if a := d.AXNode(c.node); a != nil {
			c.axRole = strings.ToLower(a.Role)
		}
	}
	g.classify()
	assigned := d.assigned(g)
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
