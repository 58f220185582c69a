package report

import "math"

// point is a point of a chart, in the chart's own units.
type point struct{ X, Y float64 }

// radarAxis returns the end point of axis i of n on a circle of radius r
// around (cx, cy); axis 0 points up and the axes turn clockwise.
func radarAxis(i, n int, cx, cy, r float64) point {
	a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	return point{cx + r*math.Cos(a), cy + r*math.Sin(a)}
}

// radarRing returns the polygon of a ring at share f (0–1) of radius r.
func radarRing(n int, cx, cy, r, f float64) []point {
	pts := make([]point, n)
	for i := range pts {
		pts[i] = radarAxis(i, n, cx, cy, r*f)
	}
	return pts
}

// radarShape returns the polygon of the scores (0–100; nil counts as 0).
func radarShape(scores []*float64, cx, cy, r float64) []point {
	pts := make([]point, len(scores))
	for i, s := range scores {
		f := 0.0
		if s != nil {
			f = math.Max(0, math.Min(100, *s)) / 100
		}
		pts[i] = radarAxis(i, len(scores), cx, cy, r*f)
	}
	return pts
}

// radarScores returns the criterion scores of v, in order.
func radarScores(v *docView) []*float64 {
	out := make([]*float64, len(v.Criteria))
	for i, c := range v.Criteria {
		out[i] = c.ScoreValue
	}
	return out
}
