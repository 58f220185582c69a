package checks

import "math"

// This file holds checks of WCAG level AAA success criteria that ACT rules
// test. They reuse the AA checks with stricter limits; contrast-enhanced is
// colorContrast with the AAA ratios as its parameters. The model gives
// them weight 0: good practice, reported but not counted in the score.

// metaRefreshNoDelay is meta-refresh without its 20-hour exception (WCAG
// 2.2.4 and 3.2.5): any refresh or redirect after a delay of more than 0
// seconds fails.
func metaRefreshNoDelay(p *Page, _ Params) Result {
	return metaRefresh(p, Params{"max_seconds": float64(math.MaxInt32)})
}
