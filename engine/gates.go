package engine

import (
	"fmt"

	"github.com/didi-index/didi/result"
)

// Gate is a threshold on the index (Criterion "") or on one criterion's
// score, 0–100.
type Gate struct {
	Criterion string
	Min       float64
}

// CheckGates returns a GateError naming every gate the result fails, each
// with what was required and what was measured; nil when all pass.
func CheckGates(r *result.Result, gates []Gate) error {
	var failed []string
	for _, g := range gates {
		if g.Criterion == "" {
			if r.Index < g.Min {
				failed = append(failed, fmt.Sprintf("index %.1f is below %.1f", r.Index, g.Min))
			}
			continue
		}
		for _, c := range r.Criteria {
			if c.ID == g.Criterion && c.Score != nil && *c.Score < g.Min {
				failed = append(failed, fmt.Sprintf("%s %.1f is below %.1f", c.ID, *c.Score, g.Min))
			}
		}
	}
	if len(failed) > 0 {
		return &GateError{Failed: failed}
	}
	return nil
}
