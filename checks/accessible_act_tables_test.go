package checks

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/didi-index/didi/checks/internal/a11y"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanAssigned is HTML's "internal algorithm for scanning and assigning
// header cells" run cell by cell, as written in the standard (and as
// table-header-cells did until it took a minute on a table of 100,000
// cells): the reference axDoc.assigned must agree with.
func scanAssigned(d *axDoc, g *axGrid) map[*axSlotCell]bool {
	dataIn := func(c *axSlotCell, col bool) bool {
		for _, o := range g.cells {
			if o.header || o.empty {
				continue
			}
			if col && o.x < c.x+c.w && c.x < o.x+o.w || !col && o.y < c.y+c.h && c.y < o.y+o.h {
				return true
			}
		}
		return false
	}
	columnHeader := func(c *axSlotCell) bool {
		switch {
		case c.scope == "col" || c.scope == "row":
			return c.scope == "col"
		case c.axRole == "columnheader" || c.axRole == "rowheader":
			return c.axRole == "columnheader"
		}
		return !dataIn(c, false)
	}
	rowHeader := func(c *axSlotCell) bool {
		switch {
		case c.scope == "col" || c.scope == "row":
			return c.scope == "row"
		case c.axRole == "columnheader" || c.axRole == "rowheader":
			return c.axRole == "rowheader"
		}
		return !columnHeader(c)
	}
	scan := func(p *axSlotCell, x, y, dx, dy int, heads map[*axSlotCell]bool) {
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
			blocked := dx == 0 && !columnHeader(cur) || dy == 0 && !rowHeader(cur)
			for _, o := range opaque {
				if dx == 0 && o.x == cur.x && o.w == cur.w || dy == 0 && o.y == cur.y && o.h == cur.h {
					blocked = true
				}
			}
			if !blocked && cur != p {
				heads[cur] = true
			}
		}
	}
	heads := map[*axSlotCell]bool{}
	for _, c := range g.cells {
		if v, ok := a11y.Attr(c.node, "headers"); ok && strings.TrimSpace(v) != "" {
			for _, id := range strings.Fields(v) {
				if h := g.byID[d.ByID(id)]; h != nil && h != c {
					heads[h] = true
				}
			}
			continue
		}
		for y := c.y; y < c.y+c.h; y++ {
			scan(c, c.x, y, -1, 0, heads)
		}
		for x := c.x; x < c.x+c.w; x++ {
			scan(c, x, c.y, 0, -1, heads)
		}
	}
	return heads
}

// randomTable writes a small table with what the header assignment turns
// on: row groups, spans (rowspan 0 too, and spans that overlap), header
// and empty cells, scopes, headers attributes naming cells or nothing.
func randomTable(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("<table>")
	id := 0
	pick := func(opts ...string) string { return opts[r.IntN(len(opts))] }
	for range 1 + r.IntN(3) {
		group := pick("", "thead", "tbody", "tfoot")
		if group != "" {
			b.WriteString("<" + group + ">")
		}
		for range 1 + r.IntN(4) {
			b.WriteString("<tr>")
			for range 1 + r.IntN(5) {
				tag := pick("td", "td", "th")
				fmt.Fprintf(&b, `<%s id="c%d"`, tag, id)
				id++
				if r.IntN(4) == 0 {
					fmt.Fprintf(&b, ` colspan="%d"`, r.IntN(4))
				}
				if r.IntN(4) == 0 {
					fmt.Fprintf(&b, ` rowspan="%d"`, r.IntN(4))
				}
				if tag == "th" && r.IntN(3) == 0 {
					fmt.Fprintf(&b, ` scope="%s"`, pick("col", "row", "ROW ", "auto"))
				}
				if r.IntN(8) == 0 {
					fmt.Fprintf(&b, ` headers="c%d c%d"`, r.IntN(30), r.IntN(30))
				}
				b.WriteString(">")
				if r.IntN(5) > 0 {
					b.WriteString("x")
				}
				b.WriteString("</" + tag + ">")
			}
			b.WriteString("</tr>")
		}
		if group != "" {
			b.WriteString("</" + group + ">")
		}
	}
	b.WriteString("</table>")
	return b.String()
}

func TestTableAssignmentAsTheStandardScans(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2026))
	roles := []string{"", "", "columnheader", "rowheader", "cell"}
	for i := range 20_000 {
		body := randomTable(r)
		page := actPage(body)
		d := newAXDoc(page)
		table := find(page.Doc(), "table").Nodes[0]
		budget := axMaxSlots
		g := axLayoutTable(table, &budget)
		require.NotNil(t, g)
		for _, c := range g.cells {
			c.axRole = roles[r.IntN(len(roles))]
		}
		g.classify()
		want := scanAssigned(d, g)
		got := d.assigned(g)
		if !assert.Equal(t, names(want), names(got), "table %d: %s", i, body) {
			return
		}
	}
}

// names lists the ids of a set of cells, sorted.
func names(cells map[*axSlotCell]bool) []string {
	var out []string
	for c := range cells {
		out = append(out, attr(c.node, "id"))
	}
	slices.Sort(out)
	return out
}

func TestTableHeaderCellsSlotBudget(t *testing.T) {
	// One cell covers a million slots: a page of them is left out (its
	// tables are not laid out), the same table smaller is judged.
	huge := func(rows, span int) string {
		var b strings.Builder
		b.WriteString(`<table><tr><th>A</th><th>B</th></tr>`)
		for range rows {
			fmt.Fprintf(&b, `<tr><td colspan="%d" rowspan="%d">1</td></tr>`, span, span)
		}
		return b.String() + `</table>`
	}
	cases := []struct {
		name, body string
		want       Outcome
	}{
		{"within the budget", huge(3, 10), Pass},
		{"past the budget", huge(3, 1000), Inapplicable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tableHeaderCells(actPage(tc.body), nil).Outcome)
		})
	}
}
