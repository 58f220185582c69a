package scoring

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"sort"

	"github.com/didi-index/didi/result"
)

// Diff is the difference of two results; see result.Diff.
type Diff = result.Diff

// Compare computes the difference from base to head. Failing elements are
// matched by their fingerprints; a result written before fingerprints
// existed gets them computed from its selectors and snippets.
func Compare(base, head *result.Result) Diff {
	d := Diff{BaseIndex: base.Index, HeadIndex: head.Index, Delta: round(head.Index-base.Index, 1),
		Criteria: []result.CriterionDiff{}, NewFailures: []string{}, Fixed: []string{}}
	baseCrit := map[string]*result.Criterion{}
	for i := range base.Criteria {
		baseCrit[base.Criteria[i].ID] = &base.Criteria[i]
	}
	for _, hc := range head.Criteria {
		cd := result.CriterionDiff{ID: hc.ID, Title: hc.Title, Head: hc.Score}
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
	d.Problems = compareProblems(Problems(base), Problems(head))
	if base.Target != "" && siteOf(base.Target) != siteOf(head.Target) {
		d.Warnings = append(d.Warnings, fmt.Sprintf("the targets differ: %s and %s", base.Target, head.Target))
	}
	if base.Mode != head.Mode {
		d.Warnings = append(d.Warnings, fmt.Sprintf("the modes differ: %s and %s", base.Mode, head.Mode))
	}
	return d
}

// siteOf is a target without scheme, port, query or trailing slash: a scan
// of the same site on another port (a CI loopback server) compares well.
func siteOf(target string) string {
	host := ""
	if u, err := url.Parse(target); err == nil {
		host = u.Hostname()
	}
	return host + NormalPath(target)
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

// Problems lists the failing elements of r's checks that count (weight
// above 0), with their fingerprints; a failing page without evidence is one
// problem.
func Problems(r *result.Result) []result.Problem {
	var out []result.Problem
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			if chk.Weight <= 0 {
				continue
			}
			for _, o := range chk.Outcomes {
				if o.Outcome != "fail" {
					continue
				}
				p := result.Problem{Check: chk.ID, Criterion: c.ID, Title: chk.Title, Page: NormalPath(o.URL), URL: o.URL}
				if len(o.Evidence) == 0 {
					p.Fingerprint = Fingerprint(chk.ID, o.URL, result.Evidence{}, 1)
					out = append(out, p)
					continue
				}
				if o.Evidence[0].Fingerprint == "" {
					o.Evidence = slices.Clone(o.Evidence)
					fingerprintEvidence(chk.ID, &o)
				}
				for _, e := range o.Evidence {
					q := p
					if e.URL != "" {
						q.Page, q.URL = NormalPath(e.URL), e.URL
					}
					q.Selector, q.Snippet, q.Line, q.Message, q.Fingerprint = e.Selector, e.Snippet, e.Line, e.Message, e.Fingerprint
					out = append(out, q)
				}
			}
		}
	}
	return out
}

// compareProblems sorts problems into new, fixed and still failing.
func compareProblems(base, head []result.Problem) result.ProblemDiff {
	inBase, inHead := map[string]bool{}, map[string]bool{}
	for _, p := range base {
		inBase[p.Fingerprint] = true
	}
	for _, p := range head {
		inHead[p.Fingerprint] = true
	}
	d := result.ProblemDiff{New: []result.Problem{}, Fixed: []result.Problem{}, Still: []result.Problem{}}
	for _, p := range head {
		if inBase[p.Fingerprint] {
			d.Still = append(d.Still, p)
		} else {
			d.New = append(d.New, p)
		}
	}
	for _, p := range base {
		if !inHead[p.Fingerprint] {
			d.Fixed = append(d.Fixed, p)
		}
	}
	for _, list := range [][]result.Problem{d.New, d.Fixed, d.Still} {
		slices.SortStableFunc(list, func(a, b result.Problem) int {
			return cmp.Or(cmp.Compare(a.Check, b.Check), cmp.Compare(a.Page, b.Page), cmp.Compare(a.Line, b.Line),
				cmp.Compare(a.Selector, b.Selector))
		})
	}
	return d
}
