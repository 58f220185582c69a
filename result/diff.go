package result

// Diff compares two results (`didi diff`, `didi scan --baseline`): the
// index, each criterion, each check, and each failing element matched by
// its fingerprint.
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
	// Problems are the failing elements of checks that count (weight above
	// 0), matched between base and head by fingerprint.
	Problems ProblemDiff `json:"problems"`
	// Warnings say in English why the two results may not compare well
	// (other targets, modes, browsers, models, languages or overrides);
	// Mismatches say the same as data, for reports in other languages.
	Warnings   []string   `json:"warnings"`
	Mismatches []Mismatch `json:"mismatches"`
}

// Mismatch is one way two results were made differently.
type Mismatch struct {
	// What differs: "target", "mode", "browser", "model" (id, version or
	// SHA-256), "languages" (--lang) or "overrides".
	What string `json:"what"`
	// Base and Head are the two values, as short text: URLs, modes
	// (combined, automated, questionnaire), "browser" or "none", "didi
	// 2026.2 (sha…)", "nl,fr", or the overrides on one line ("none").
	Base string `json:"base"`
	Head string `json:"head"`
}

// CriterionDiff is the change of one criterion's score.
type CriterionDiff struct {
	ID    string   `json:"id"`
	Title Text     `json:"title"`
	Base  *float64 `json:"base"`
	Head  *float64 `json:"head"`
	Delta *float64 `json:"delta"`
}

// ProblemDiff sorts failing elements into new (in head only), fixed (in
// base only) and still failing (in both), each sorted by check, page and
// line.
type ProblemDiff struct {
	New   []Problem `json:"new"`
	Fixed []Problem `json:"fixed"`
	Still []Problem `json:"still_failing"`
}

// Problem is one failing element (or a failing page without evidence).
type Problem struct {
	Check     string `json:"check"`
	Criterion string `json:"criterion"`
	Title     Text   `json:"title"`
	// Page is the page's normalised path (scoring.NormalPath); URL the
	// page as scanned (head's for new and still failing, base's for fixed).
	Page        string `json:"page"`
	URL         string `json:"url"`
	Selector    string `json:"selector"`
	Snippet     string `json:"snippet"`
	Line        int    `json:"line"`
	Message     Text   `json:"message"`
	Fingerprint string `json:"fingerprint"`
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

// Drop is the largest drop, in points, of the index or a criterion (0 when
// nothing dropped), and what dropped.
func (d Diff) Drop() (points float64, what string) {
	points, what = -d.Delta, "index"
	for _, c := range d.Criteria {
		if c.Delta != nil && -*c.Delta > points {
			points, what = -*c.Delta, c.ID
		}
	}
	return max(points, 0), what
}
