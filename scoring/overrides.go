package scoring

import (
	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/result"
)

// ApplyLevels returns a copy of m in which the checks that levels switch
// off (result.LevelOff) are left out, so they are neither run nor scored,
// and those it makes warnings (result.LevelWarn) weigh 0, so they are shown
// as advice. It also returns what it changed, in model order, for
// result.Overrides. m itself is not changed; ids m does not use are
// ignored (engine.Rules.Validate reports them first).
func ApplyLevels(m *criteria.Model, levels map[string]string) (*criteria.Model, []result.CheckOverride) {
	changed := []result.CheckOverride{}
	if len(levels) == 0 {
		return m, changed
	}
	out := *m
	out.Criteria = make([]criteria.Criterion, len(m.Criteria))
	for i, c := range m.Criteria {
		c.Checks = make([]criteria.CheckRef, 0, len(m.Criteria[i].Checks))
		for _, ref := range m.Criteria[i].Checks {
			level := levels[ref.ID]
			if level == result.LevelOff || level == result.LevelWarn {
				co := result.CheckOverride{ID: ref.ID, Criterion: c.ID, Level: level, Weight: ref.Weight, Title: result.Text{}}
				if t := m.CheckText(ref.ID); t != nil {
					co.Title = t.Title
				}
				changed = append(changed, co)
			}
			switch level {
			case result.LevelOff:
				continue
			case result.LevelWarn:
				ref.Weight = 0
			}
			c.Checks = append(c.Checks, ref)
		}
		out.Criteria[i] = c
	}
	return &out, changed
}

// LevelsOf reads the levels back from a result's overrides (`didi report
// --answers` scores a saved result again with the same levels).
func LevelsOf(o result.Overrides) map[string]string {
	levels := map[string]string{}
	for _, c := range o.Checks {
		levels[c.ID] = c.Level
	}
	return levels
}

// IgnoreElements drops, in place, the evidence on elements that match one
// of selectors or lie inside one that does, as axe-core's exclude does. A
// failing or doubtful outcome whose every element is dropped passes. pages
// are the pages the outcomes are of: an evidence item's URL finds its page,
// and its selector the element there; evidence without a selector (a
// problem of the page as a whole), or whose element is not found, stays. It
// returns how many evidence items it dropped.
func IgnoreElements(outcomes map[string][]checks.PageOutcome, pages []*checks.Page, selectors []cascadia.Matcher) int {
	if len(selectors) == 0 {
		return 0
	}
	byURL := map[string]*checks.Page{}
	for _, p := range pages {
		byURL[p.URL()] = p
		if _, ok := byURL[p.Snap.URL]; !ok {
			byURL[p.Snap.URL] = p
		}
	}
	// The evidence items with a selector, by the page they are on: each page
	// is opened and its ignored elements found once, for every check (a
	// stored page that was closed is another tree when read back).
	type item struct {
		id   string
		i, j int
	}
	onPage := map[*checks.Page][]item{}
	for id, list := range outcomes {
		list = append([]checks.PageOutcome(nil), list...)
		outcomes[id] = list
		for i, o := range list {
			for j, e := range o.Evidence {
				url := o.URL
				if e.URL != "" {
					url = e.URL
				}
				if p := byURL[url]; p != nil && e.Selector != "" {
					onPage[p] = append(onPage[p], item{id, i, j})
				}
			}
		}
	}
	drop := map[item]bool{}
	compiled := map[string]cascadia.Matcher{}
	for _, p := range pages {
		items := onPage[p]
		if len(items) == 0 {
			continue
		}
		root := p.Doc().Nodes
		if len(root) == 0 {
			continue
		}
		marked := markedBy(root[0], selectors)
		for _, it := range items {
			if inside(root[0], compile(compiled, outcomes[it.id][it.i].Evidence[it.j].Selector), marked) {
				drop[it] = true
			}
		}
	}
	dropped := len(drop)
	for id, list := range outcomes {
		for i := range list {
			o := &list[i]
			if len(o.Evidence) == 0 {
				continue
			}
			kept := make([]checks.Evidence, 0, len(o.Evidence))
			for j, e := range o.Evidence {
				if !drop[item{id, i, j}] {
					kept = append(kept, e)
				}
			}
			if len(kept) == 0 && (o.Outcome == checks.Fail || o.Outcome == checks.NeedsReview) {
				o.Outcome = checks.Pass
			}
			o.Evidence = kept
		}
	}
	return dropped
}

// compile returns the matcher for evidence selector sel, compiled once
// (nil when it does not parse).
func compile(compiled map[string]cascadia.Matcher, sel string) cascadia.Matcher {
	m, ok := compiled[sel]
	if !ok {
		if c, err := cascadia.Compile(sel); err == nil {
			m = c
		}
		compiled[sel] = m
	}
	return m
}

// inside reports whether the element sel finds under root matches an
// ignore selector (is in marked) or lies inside one that does.
func inside(root *html.Node, sel cascadia.Matcher, marked map[*html.Node]bool) bool {
	if sel == nil {
		return false
	}
	for n := cascadia.Query(root, sel); n != nil; n = n.Parent {
		if marked[n] {
			return true
		}
	}
	return false
}

// markedBy returns the elements under root that match one of selectors.
func markedBy(root *html.Node, selectors []cascadia.Matcher) map[*html.Node]bool {
	m := map[*html.Node]bool{}
	for _, s := range selectors {
		for _, n := range cascadia.QueryAll(root, s) {
			m[n] = true
		}
	}
	return m
}
