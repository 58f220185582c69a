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
	ig := &ignorer{selectors: selectors, pages: byURL, inside: map[*checks.Page]map[*html.Node]bool{}, compiled: map[string]cascadia.Matcher{}}
	dropped := 0
	for id, list := range outcomes {
		list = append([]checks.PageOutcome(nil), list...)
		for i := range list {
			o := &list[i]
			if len(o.Evidence) == 0 {
				continue
			}
			kept := make([]checks.Evidence, 0, len(o.Evidence))
			for _, e := range o.Evidence {
				if ig.ignored(o.URL, e) {
					dropped++
					continue
				}
				kept = append(kept, e)
			}
			if len(kept) == 0 && (o.Outcome == checks.Fail || o.Outcome == checks.NeedsReview) {
				o.Outcome = checks.Pass
			}
			o.Evidence = kept
		}
		outcomes[id] = list
	}
	return dropped
}

// ignorer tells whether an evidence item's element is ignored, computing
// each page's ignored elements once.
type ignorer struct {
	selectors []cascadia.Matcher
	pages     map[string]*checks.Page
	// inside holds, per page, the elements that match an ignore selector.
	inside   map[*checks.Page]map[*html.Node]bool
	compiled map[string]cascadia.Matcher
}

// ignored reports whether e (on the page of outcome url, or its own URL)
// is on an ignored element or inside one.
func (ig *ignorer) ignored(url string, e checks.Evidence) bool {
	if e.Selector == "" {
		return false
	}
	if e.URL != "" {
		url = e.URL
	}
	p := ig.pages[url]
	if p == nil {
		return false
	}
	sel, ok := ig.compiled[e.Selector]
	if !ok {
		if c, err := cascadia.Compile(e.Selector); err == nil {
			sel = c
		}
		ig.compiled[e.Selector] = sel // nil when it does not parse
	}
	if sel == nil {
		return false
	}
	root := p.Doc().Nodes
	if len(root) == 0 {
		return false
	}
	n := cascadia.Query(root[0], sel)
	if n == nil {
		return false
	}
	marked := ig.marked(p, root[0])
	for ; n != nil; n = n.Parent {
		if marked[n] {
			return true
		}
	}
	return false
}

// marked returns the elements of p that match an ignore selector.
func (ig *ignorer) marked(p *checks.Page, root *html.Node) map[*html.Node]bool {
	if m, ok := ig.inside[p]; ok {
		return m
	}
	m := map[*html.Node]bool{}
	for _, s := range ig.selectors {
		for _, n := range cascadia.QueryAll(root, s) {
			m[n] = true
		}
	}
	ig.inside[p] = m
	return m
}
