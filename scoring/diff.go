package scoring

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/didi-index/didi/result"
)

// Diff is the difference of two results; see result.Diff.
type Diff = result.Diff

// Compare computes the difference from base to head. Failing elements are
// matched by their fingerprints; a result written before fingerprints
// existed gets them computed from its selectors and snippets. Checks that
// either result switched off or made a warning, and pages either ignored,
// are left out of the new and fixed problems: they changed by a setting,
// not on the site. The mismatches say how the two were made differently.
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
	skip := settingChanges(base, head)
	bf, hf := failing(base, skip), failing(head, skip)
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
	d.Problems = compareProblems(skip.problems(Problems(base)), skip.problems(Problems(head)))
	d.Mismatches = mismatches(base, head)
	for _, m := range d.Mismatches {
		b, h := m.Base, m.Head
		if m.What == "browser" {
			b, h = browserWords[b], browserWords[h]
		}
		d.Warnings = append(d.Warnings, fmt.Sprintf("the %s differ: %s and %s", mismatchNames[m.What], b, h))
	}
	d.Normalize()
	return d
}

// mismatchNames name what differs in the English warnings.
var mismatchNames = map[string]string{"target": "targets", "mode": "modes", "browser": "browsers",
	"model": "models", "languages": "languages", "overrides": "overrides"}

// mismatches lists how base and head were made differently.
func mismatches(base, head *result.Result) []result.Mismatch {
	var out []result.Mismatch
	add := func(what, b, h string) {
		if b != h {
			out = append(out, result.Mismatch{What: what, Base: b, Head: h})
		}
	}
	if base.Target != "" && siteOf(base.Target) != siteOf(head.Target) {
		out = append(out, result.Mismatch{What: "target", Base: base.Target, Head: head.Target})
	}
	add("mode", base.Mode, head.Mode)
	add("browser", browserOf(base), browserOf(head))
	add("model", modelOf(base), modelOf(head))
	add("languages", strings.Join(base.Languages, ","), strings.Join(head.Languages, ","))
	add("overrides", base.Overrides.String(), head.Overrides.String())
	return out
}

// browserOf says whether a result was made with a browser ("browser") or
// without ("none"); the version does not matter.
func browserOf(r *result.Result) string {
	if r.Scan.Browser == "" {
		return "none"
	}
	return "browser"
}

// browserWords write browserOf's values in the English warnings.
var browserWords = map[string]string{"none": "no browser", "browser": "a browser"}

// modelOf names a result's model with its version and hash.
func modelOf(r *result.Result) string {
	return fmt.Sprintf("%s %s (%s)", r.Model.ID, r.Model.Version, r.Model.SHA256[:min(len(r.Model.SHA256), 12)])
}

// changes are the checks and pages that either result's overrides left
// out or made advisory: their problems are not compared.
type changes struct {
	checks map[string]bool
	pages  map[string]bool
}

// settingChanges collects the checks switched off or made warnings and
// the pages ignored in base or head.
func settingChanges(base, head *result.Result) changes {
	c := changes{checks: map[string]bool{}, pages: map[string]bool{}}
	for _, r := range []*result.Result{base, head} {
		for _, o := range r.Overrides.Checks {
			c.checks[o.ID] = true
		}
		for _, p := range r.Pages {
			if p.Ignored {
				c.pages[NormalPath(p.URL)] = true
				c.pages[NormalPath(p.FinalURL)] = true
			}
		}
	}
	return c
}

// problems drops the problems of changed checks and ignored pages.
func (c changes) problems(ps []result.Problem) []result.Problem {
	return slices.DeleteFunc(ps, func(p result.Problem) bool { return c.checks[p.Check] || c.pages[p.Page] })
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

// failing lists the checks of r that fail on some page, but the checks
// and pages skip leaves out.
func failing(r *result.Result, skip changes) map[string]bool {
	out := map[string]bool{}
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			if chk.Counts["fail"] > 0 && !skip.checks[chk.ID] && !failsOnlyOn(chk.Outcomes, skip.pages) {
				out[chk.ID] = true
			}
		}
	}
	return out
}

// failsOnlyOn reports whether outcomes fail somewhere, and only on pages.
func failsOnlyOn(outcomes []result.Outcome, pages map[string]bool) bool {
	fails := false
	for _, o := range outcomes {
		if o.Outcome == "fail" {
			if !pages[NormalPath(o.URL)] {
				return false
			}
			fails = true
		}
	}
	return fails
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
