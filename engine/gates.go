package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"
)

// GateKind says what a Gate tests.
type GateKind int

// The kinds of gate.
const (
	// GateScore: the index (Criterion "") or a criterion scores at least
	// Min, 0–100 (--fail-under, --fail-under-criterion).
	GateScore GateKind = iota
	// GateCheck: check Check fails on no page (--fail-on).
	GateCheck
	// GateNew: no failing element is new since Base (--fail-on-new).
	GateNew
	// GateRegression: neither the index nor a criterion dropped by more
	// than Points since Base (--fail-on-regression).
	GateRegression
	// GatePageErrors: at most Max pages could not be scanned
	// (--fail-on-page-errors).
	GatePageErrors
)

// Gate is one condition a result must meet for the run to pass (exit 0).
type Gate struct {
	Kind      GateKind
	Criterion string
	Min       float64
	// Check is the check id of a GateCheck.
	Check string
	// Points is the largest drop a GateRegression allows.
	Points float64
	// Max is the most failed pages a GatePageErrors allows.
	Max int
	// Base is the baseline of GateNew and GateRegression; BaseName names it
	// in messages (its file).
	Base     *result.Result
	BaseName string
}

// ValidateGates checks the gates' criterion and check ids against the
// model as loaded, and against the rules: an unknown id is a SettingError
// that suggests the nearest known one, and a gate on a check the rules
// switch off could never fail, so it is one too.
func ValidateGates(gates []Gate, m *criteria.Model, r Rules) error {
	var crits []string
	for _, c := range m.Criteria {
		crits = append(crits, c.ID)
	}
	chks := m.CheckIDs()
	for _, g := range gates {
		switch {
		case g.Kind == GateScore && g.Criterion != "" && !slices.Contains(crits, g.Criterion):
			return badSetting("fail-under-criterion", g.Criterion, "unknown criterion %q%s", g.Criterion, suggest(g.Criterion, crits))
		case g.Kind == GateCheck && !slices.Contains(chks, g.Check):
			return badSetting("fail-on", g.Check, "unknown check %q%s (didi checks lists them all)", g.Check, suggest(g.Check, chks))
		case g.Kind == GateCheck && r.Checks[g.Check] == result.LevelOff:
			return badSetting("fail-on", g.Check, "check %q is switched off (checks: %s: off), so it cannot fail", g.Check, g.Check)
		case (g.Kind == GateNew || g.Kind == GateRegression) && g.Base == nil:
			return BadInputf("--fail-on-new and --fail-on-regression need --baseline BASE.json")
		}
	}
	return nil
}

// CheckGates returns a GateError with one line per failed gate, each with
// what was required and what was measured; nil when all pass.
func CheckGates(r *result.Result, gates []Gate) error {
	var failed []string
	var diff *result.Diff
	for _, g := range gates {
		if (g.Kind == GateNew || g.Kind == GateRegression) && diff == nil && g.Base != nil {
			d := scoring.Compare(g.Base, r)
			diff = &d
		}
		if msg := g.failure(r, diff); msg != "" {
			failed = append(failed, msg)
		}
	}
	if len(failed) > 0 {
		return &GateError{Failed: failed}
	}
	return nil
}

// failure says why r fails g, or "" when it passes.
func (g Gate) failure(r *result.Result, d *result.Diff) string {
	switch g.Kind {
	case GateScore:
		if g.Criterion == "" {
			if r.Index < g.Min {
				return fmt.Sprintf("--fail-under: required an index of at least %.1f, measured %.1f", g.Min, r.Index)
			}
			return ""
		}
		for _, c := range r.Criteria {
			if c.ID == g.Criterion && c.Score != nil && *c.Score < g.Min {
				return fmt.Sprintf("--fail-under-criterion %s: required at least %.1f, measured %.1f", c.ID, g.Min, *c.Score)
			}
		}
	case GateCheck:
		var pages []string
		for _, c := range r.Criteria {
			for _, chk := range c.Checks {
				if chk.ID != g.Check {
					continue
				}
				for _, o := range chk.Outcomes {
					if o.Outcome == "fail" {
						pages = append(pages, scoring.NormalPath(o.URL))
					}
				}
			}
		}
		if len(pages) > 0 {
			return fmt.Sprintf("--fail-on %s: required no failing page, measured %s: %s", g.Check, plural(len(pages), "failing page", "failing pages"), short(pages))
		}
	case GateNew:
		if d != nil && len(d.Problems.New) > 0 {
			var items []string
			for _, p := range d.Problems.New {
				items = append(items, p.Check+" on "+p.Page)
			}
			return fmt.Sprintf("--fail-on-new: required no failing element new since %s, measured %s: %s", g.base(), plural(len(d.Problems.New), "new failing element", "new failing elements"), short(items))
		}
	case GateRegression:
		if d != nil && d.Regressed(g.Points) {
			drop, what := d.Drop()
			return fmt.Sprintf("--fail-on-regression: required no drop of more than %.1f points since %s, measured a drop of %.1f points (%s)", g.Points, g.base(), drop, what)
		}
	case GatePageErrors:
		if c := r.Counts(); c.Failed > g.Max {
			return fmt.Sprintf("--fail-on-page-errors: required at most %s, measured %d of %d pages", plural(g.Max, "page with errors", "pages with errors"), c.Failed, c.Tried())
		}
	}
	return ""
}

func (g Gate) base() string {
	if g.BaseName != "" {
		return g.BaseName
	}
	return "the baseline"
}

// plural writes n with the singular or the plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// short lists the first items and counts the rest, so a gate stays on one
// line.
func short(items []string) string {
	items = slices.Compact(slices.Clone(items))
	const most = 5
	if len(items) <= most {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:most], ", ") + fmt.Sprintf(" and %d more", len(items)-most)
}

// suggest names the known id nearest to id (edit distance), when it is
// near enough to be a typo.
func suggest(id string, known []string) string {
	best, bestD := "", len(id)/2+2
	for _, k := range known {
		if d := editDistance(id, k); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
