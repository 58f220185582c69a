package scoring

import (
	"sort"

	"github.com/didi-index/didi/result"
)

// Diff compares two results: the index, each criterion and each check.
type Diff struct {
	BaseIndex float64 `json:"base_index"`
	HeadIndex float64 `json:"head_index"`
	// Delta is HeadIndex − BaseIndex, one decimal.
	Delta    float64         `json:"delta"`
	Criteria []CriterionDiff `json:"criteria"`
	// NewFailures are checks that pass (or are absent) in base and fail on
	// some page in head; Fixed the other way round.
	NewFailures []string `json:"new_failures"`
	Fixed       []string `json:"fixed"`
}

// CriterionDiff is the change of one criterion's score.
type CriterionDiff struct {
	ID    string      `json:"id"`
	Title result.Text `json:"title"`
	Base  *float64    `json:"base"`
	Head  *float64    `json:"head"`
	Delta *float64    `json:"delta"`
}

// Compare computes the difference from base to head.
func Compare(base, head *result.Result) Diff {
	d := Diff{BaseIndex: base.Index, HeadIndex: head.Index, Delta: round(head.Index-base.Index, 1),
		Criteria: []CriterionDiff{}, NewFailures: []string{}, Fixed: []string{}}
	baseCrit := map[string]*result.Criterion{}
	for i := range base.Criteria {
		baseCrit[base.Criteria[i].ID] = &base.Criteria[i]
	}
	for _, hc := range head.Criteria {
		cd := CriterionDiff{ID: hc.ID, Title: hc.Title, Head: hc.Score}
		if bc := baseCrit[hc.ID]; bc != nil {
			cd.Base = bc.Score
			if bc.Score != nil && hc.Score != nil {
				cd.Delta = ptr(round(*hc.Score-*bc.Score, 1))
			}
		}
		d.Criteria = append(d.Criteria, cd)
	}
	bf, hf := failing(base), failing(head)
	for id := range hf {
		if !bf[id] {
			d.NewFailures = append(d.NewFailures, id)
		}
	}
	for id := range bf {
		if !hf[id] {
			d.Fixed = append(d.Fixed, id)
		}
	}
	sort.Strings(d.NewFailures)
	sort.Strings(d.Fixed)
	return d
}

// Regressed reports whether the index or any criterion dropped by more than
// points.
func (d Diff) Regressed(points float64) bool {
	if -d.Delta > points {
		return true
	}
	for _, c := range d.Criteria {
		if c.Delta != nil && -*c.Delta > points {
			return true
		}
	}
	return false
}

func failing(r *result.Result) map[string]bool {
	out := map[string]bool{}
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			if chk.Counts["fail"] > 0 {
				out[chk.ID] = true
			}
		}
	}
	return out
}
