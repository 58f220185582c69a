package checks

import (
	"context"
	"runtime"
	"sync"
)

// Job is a check to run, with the model's parameters for it.
type Job struct {
	Check  *Check
	Params Params
}

// Evaluate runs every job on pages and returns each job's outcomes, as Run
// gives them. Checks are pure, so they run in parallel, one goroutine per
// CPU; the order in which they run keeps few pages in memory:
//
//   - page checks go page by page: the checks of one page run together,
//     and a page of StoredPages is held open from its first check to its
//     last, then may be closed while the next pages are checked;
//   - site-wide checks run after them: in parallel when every page can
//     stay open at once, else one after the other (a page closed under a
//     check in another goroutine would be read back under its feet).
//
// Once ctx is done, what is not checked yet is not_evaluated (see Run).
func Evaluate(ctx context.Context, jobs []Job, pages []*Page) [][]PageOutcome {
	var pageJobs, siteJobs []int
	for i, j := range jobs {
		if j.Check.SiteWide() {
			siteJobs = append(siteJobs, i)
		} else {
			pageJobs = append(pageJobs, i)
		}
	}
	// byPage[i][k] is page job k's outcomes on page i.
	byPage := make([][][]PageOutcome, len(pages))
	type item struct{ page, job int }
	next := make(chan item)
	var wg sync.WaitGroup
	left := make([]sync.WaitGroup, len(pages))
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for it := range next {
				j := jobs[pageJobs[it.job]]
				byPage[it.page][it.job] = Run(ctx, j.Check, pages[it.page:it.page+1], j.Params)
				left[it.page].Done()
			}
		})
	}
	var ends sync.WaitGroup
	for i, p := range pages {
		byPage[i] = make([][]PageOutcome, len(pageJobs))
		if len(pageJobs) == 0 || !p.Snap.OK() {
			continue
		}
		if p.set != nil && ctx.Err() == nil {
			if _, err := p.open(true); err != nil {
				// The snapshot cannot be read back from the spool: the
				// page's checks cannot be evaluated.
				for k := range pageJobs {
					byPage[i][k] = []PageOutcome{{URL: p.URL(), Result: Result{Outcome: NotEvaluated}}}
				}
				p.endChecks()
				continue
			}
			left[i].Add(len(pageJobs))
			ends.Go(func() {
				left[i].Wait()
				p.endChecks()
			})
		} else {
			left[i].Add(len(pageJobs))
		}
		for k := range pageJobs {
			next <- item{i, k}
		}
	}
	close(next)
	wg.Wait()
	ends.Wait()

	out := make([][]PageOutcome, len(jobs))
	for k, ji := range pageJobs {
		for i := range pages {
			out[ji] = append(out[ji], byPage[i][k]...)
		}
	}
	parallel := true
	if len(pages) > 0 && pages[0].set != nil {
		parallel = pages[0].set.fitsOpen()
	}
	workers := 1
	if parallel {
		workers = runtime.GOMAXPROCS(0)
	}
	site := make(chan int)
	for range workers {
		wg.Go(func() {
			for ji := range site {
				out[ji] = Run(ctx, jobs[ji].Check, pages, jobs[ji].Params)
			}
		})
	}
	for _, ji := range siteJobs {
		site <- ji
	}
	close(site)
	wg.Wait()
	return out
}
