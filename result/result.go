// Package result holds the types of result.json, the contract between a
// scan and everything that reads it: the report writers, `didi report`,
// `didi diff`, serve, batch and users' scripts. Read loads a saved result
// and checks its schema version. It is a leaf package: reports render a
// Result without compiling the model, the checks or the crawler.
package result

import (
	"strconv"
	"strings"

	"github.com/didi-index/didi/i18n"
)

// SchemaVersion is the version of the result.json schema.
const SchemaVersion = 1

// Text is a text in every language of the model.
type Text = i18n.Text

// Result is the contents of result.json, the contract for scripts, for
// `didi report` and for `didi diff`. It carries every text in every language
// of the model, so reports can be rendered from it alone.
type Result struct {
	SchemaVersion int    `json:"schema_version"`
	Tool          Tool   `json:"tool"`
	Model         Model  `json:"model"`
	Target        string `json:"target"`
	// Targets lists every start URL (the first is Target).
	Targets  []string `json:"targets"`
	Started  string   `json:"started"`
	Finished string   `json:"finished"`
	// Languages are the report languages asked for (--lang).
	Languages []string `json:"languages"`
	// Index is the weighted mean of the criterion scores, 0–100, one decimal.
	Index float64 `json:"index"`
	Level string  `json:"level"`
	// LevelLabel names the level in every language.
	LevelLabel Text `json:"level_label"`
	// Coverage is the share of the automated checks that apply to the site
	// that could be evaluated, 0–1: the criteria's coverage, weighted as in
	// the index (see Criterion.Coverage). Inapplicable checks do not lower
	// it.
	Coverage float64 `json:"coverage"`
	// Mode says what the scores are based on: "combined", "automated" (no
	// answers file) or "questionnaire" (no page could be checked).
	Mode string `json:"mode"`
	// Scan describes how pages were gathered.
	Scan Scan `json:"scan"`
	// Interrupted is true when the scan was stopped (Ctrl-C, SIGTERM, a
	// shutdown) before every planned page was scanned: the scores cover the
	// pages done.
	Interrupted bool `json:"interrupted"`
	// Overrides records the checks switched off or made warnings and the
	// elements and pages ignored for this scan, without editing the model.
	Overrides Overrides `json:"overrides"`
	// Assessment holds the answers file's metadata; nil (null) without one.
	Assessment *Assessment `json:"assessment"`
	Pages      []Page      `json:"pages"`
	// PageCounts sums Pages up: scanned, failed by reason, skipped.
	PageCounts PageCounts  `json:"page_counts"`
	Criteria   []Criterion `json:"criteria"`
	// Tips are ranked by impact, highest first.
	Tips []Tip `json:"tips"`
	// Levels are the model's level bands, for reports.
	Levels []Level `json:"levels"`
}

// Tool identifies the program that made the result.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Model identifies the model used.
type Model struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
	Title   Text   `json:"title"`
}

// Scan describes how the pages were gathered.
type Scan struct {
	// Browser is the browser's product and version; "" with --no-browser.
	Browser string `json:"browser"`
	// Insecure is true when TLS certificate errors were ignored.
	Insecure bool `json:"insecure"`
	// LoopbackSecure is true when a loopback target counted as a secure
	// context, as browsers treat it.
	LoopbackSecure bool `json:"loopback_secure"`
	// Skipped counts the URLs of an explicit list (--no-crawl) that were
	// not scanned because --max-pages was lower than the list.
	Skipped int `json:"skipped"`
	// Notes are plain remarks about the scan (e.g. checks skipped without a
	// browser), in every language.
	Notes []Text `json:"notes"`
	// RobotsSkipped lists found addresses that were not scanned because
	// robots.txt disallows them for didi.
	RobotsSkipped []string `json:"robots_skipped"`
}

// Assessment is the metadata of the answers file.
type Assessment struct {
	Organisation string `json:"organisation"`
	Product      string `json:"product"`
	Assessor     string `json:"assessor"`
	Date         string `json:"date"`
	// Language the team's comments are written in (nl, fr, en), when the
	// answers file says; reports in another language mark the comments.
	Language string `json:"language"`
}

// Page is one scanned page.
type Page struct {
	URL      string `json:"url"`
	FinalURL string `json:"final_url"`
	Status   int    `json:"status"`
	// Error is why the page could not be scanned, in English (for scripts).
	Error string `json:"error"`
	// ErrorCode is Error's stable code ("http_status", "timeout",
	// "redirect_outside"...; see docs), which reports render in their
	// language with ErrorParams; "" when the page was scanned.
	ErrorCode   string            `json:"error_code"`
	ErrorParams map[string]string `json:"error_params"`
	// Ignored is true when the page matches an ignored URL pattern
	// (Overrides.IgnoreURLs): it was loaded, but not checked or scored.
	Ignored bool `json:"ignored"`
}

// Criterion is the score of one criterion.
type Criterion struct {
	ID     string  `json:"id"`
	Title  Text    `json:"title"`
	Why    Text    `json:"why"`
	Weight float64 `json:"weight"`
	Mix    Mix     `json:"mix"`
	// Score is 0–100 with one decimal; nil when neither part exists.
	Score              *float64 `json:"score"`
	QuestionnaireScore *float64 `json:"questionnaire_score"`
	AutomatedScore     *float64 `json:"automated_score"`
	// Coverage is the share of its checks that apply to the site that could
	// be evaluated, weighted by the checks' weights, 0–1. A check applies
	// unless it is inapplicable on every page; a check that applies could
	// be evaluated when it has a score. 1 when no check applies.
	Coverage   float64    `json:"coverage"`
	Questions  []Question `json:"questions"`
	Unanswered []string   `json:"unanswered"`
	Checks     []Check    `json:"checks"`
}

// Question is one question and its answer.
type Question struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
	// Answer is the chosen option id, "" when unanswered.
	Answer string `json:"answer"`
	// Score is 0–1; nil when unanswered or not applicable.
	Score *float64 `json:"score"`
	NA    bool     `json:"na"`
	// Unknown is true when the team answered "don't know": it scores 0,
	// like an unanswered question, and the report lists it to find out.
	Unknown bool `json:"unknown"`
	// Who names who usually knows the answer (the IT team, the supplier,
	// management ...).
	Who        Text   `json:"who"`
	Text       Text   `json:"text"`
	AnswerText Text   `json:"answer_text"`
	Comment    string `json:"comment"`
	Tip        Text   `json:"tip"`
}

// Check is the result of one automated check over the pages.
type Check struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
	// Score is the share of applicable pages where it passes, 0–1; nil when
	// inapplicable or not evaluated everywhere.
	Score    *float64 `json:"score"`
	SiteWide bool     `json:"site_wide"`
	WCAG     []string `json:"wcag"`
	ACTRules []string `json:"act_rules"`
	// Title names the check's goal (shown for a pass and in the catalogue).
	Title Text `json:"title"`
	// Problem names what is wrong when the check fails; reports head a
	// failed check with it. Older results may lack it: use Title then.
	Problem     Text `json:"problem"`
	Description Text `json:"description"`
	Tip         Text `json:"tip"`
	Review      Text `json:"review"`
	// ReviewAnswer is the team's answer to Review ("pass" or "fail") from
	// the answers file; it replaces the needs_review outcomes.
	ReviewAnswer  string `json:"review_answer"`
	ReviewComment string `json:"review_comment"`
	// Counts of pages by outcome.
	Counts   map[string]int `json:"counts"`
	Outcomes []Outcome      `json:"outcomes"`
}

// Outcome is a check's verdict on one page.
type Outcome struct {
	URL     string `json:"url"`
	Outcome string `json:"outcome"`
	// Reviewed is true when the outcome is the team's answer to a
	// needs_review outcome.
	Reviewed bool       `json:"reviewed"`
	Evidence []Evidence `json:"evidence"`
	// Omitted counts evidence items left out beyond MaxEvidence.
	Omitted int `json:"omitted"`
}

// Evidence is one failing or doubtful element with its message in every
// language.
type Evidence struct {
	// URL is the page the element is on, when it differs from the
	// outcome's (site-wide checks).
	URL      string `json:"url"`
	Selector string `json:"selector"`
	Snippet  string `json:"snippet"`
	// Line is the element's line in the HTML as served (1 for the first
	// line); 0 when the element is not in it (added by a script).
	Line    int  `json:"line"`
	Message Text `json:"message"`
	// Fingerprint identifies the problem across builds (scoring.Fingerprint):
	// it survives generated class names and ids, reordered siblings, other
	// text and a query string or trailing slash on the page URL.
	Fingerprint string `json:"fingerprint"`
}

// Tip is one improvement, ranked by impact = weight × (1 − score).
type Tip struct {
	Criterion string  `json:"criterion"`
	Source    string  `json:"source"` // "check:ID" or "question:ID"
	Impact    float64 `json:"impact"`
	Title     Text    `json:"title"`
	Text      Text    `json:"text"`
}

// Level is one level band of the model: a score at or above Min gets Level.
type Level struct {
	Level string  `json:"level"`
	Min   float64 `json:"min"`
	Label Text    `json:"label"`
}

// Mix weighs a criterion's questionnaire and automated parts.
type Mix struct {
	Questionnaire float64 `json:"questionnaire"`
	Automated     float64 `json:"automated"`
}

// PageCounts says how many pages were scanned, how many could not be
// scanned and why, and how many found addresses were skipped.
type PageCounts struct {
	// Planned is every page didi tried: Scanned + Failed + Ignored.
	Planned int `json:"planned"`
	// Scanned pages could be read and checked.
	Scanned int `json:"scanned"`
	// Failed pages could not be read; FailedBy sums them up by reason.
	Failed   int            `json:"failed"`
	FailedBy map[string]int `json:"failed_by"`
	// Skipped counts addresses that were not scanned: found ones that
	// robots.txt disallows, and those of an explicit list cut by --max-pages.
	Skipped int `json:"skipped"`
	// Ignored counts the pages that match an ignored URL pattern: loaded,
	// not checked, and counted neither as scanned nor as failed.
	Ignored int `json:"ignored"`
}

// Page failure reasons, the keys of PageCounts.FailedBy: "http_404" and the
// like for an HTTP error status, and these for the rest.
const (
	ReasonTimeout  = "timeout"
	ReasonRedirect = "redirect"
	ReasonBrowser  = "browser"
	ReasonNetwork  = "network"
	ReasonOther    = "other"
)

// FailureReason sorts a page that could not be scanned into one reason:
// "http_404" for an HTTP error status, else timeout, redirect, browser,
// network or other. It is "" for a page that was scanned.
func (p Page) FailureReason() string {
	e := strings.ToLower(p.Error)
	switch {
	case p.Error == "":
		return ""
	case p.Status >= 400:
		return "http_" + strconv.Itoa(p.Status)
	case strings.Contains(e, "timed out") || strings.Contains(e, "timeout") || strings.Contains(e, "deadline"):
		return ReasonTimeout
	case strings.Contains(e, "redirect") || strings.Contains(e, "by itself") || strings.Contains(e, "loop"):
		return ReasonRedirect
	case strings.HasPrefix(e, "browser"):
		return ReasonBrowser
	case strings.Contains(e, "dial") || strings.Contains(e, "connection") || strings.Contains(e, "no such host") || strings.Contains(e, "tls"):
		return ReasonNetwork
	}
	return ReasonOther
}

// CountPages sums pages up; skipped is the number of addresses left out.
func CountPages(pages []Page, skipped int) PageCounts {
	c := PageCounts{Planned: len(pages), FailedBy: map[string]int{}, Skipped: skipped}
	for _, p := range pages {
		if p.Ignored {
			c.Ignored++
		} else if r := p.FailureReason(); r != "" {
			c.Failed++
			c.FailedBy[r]++
		} else {
			c.Scanned++
		}
	}
	return c
}

// Tried is the number of pages tried that count: Scanned + Failed (the
// pages ignored by an ignore-url pattern do not).
func (c PageCounts) Tried() int { return c.Scanned + c.Failed }

// MostlyFailed reports whether more than half of the pages tried that count
// could not be scanned: the scores then rest on few pages, and reports say
// so.
func (c PageCounts) MostlyFailed() bool { return c.Failed*2 > c.Tried() }

// Counts returns the page counts of r, computed from its pages (results
// written before page_counts existed have none).
func (r *Result) Counts() PageCounts {
	return CountPages(r.Pages, max(r.PageCounts.Skipped, len(r.Scan.RobotsSkipped)+r.Scan.Skipped))
}

// The levels a check can be set to for one scan (.didi.yaml checks:,
// --checks ID=LEVEL).
const (
	// LevelOff: the check is not run and not scored; reports list it.
	LevelOff = "off"
	// LevelWarn: the check runs and is shown, with weight 0: advice that
	// does not count in the score, JUnit, SARIF or --fail-on-new.
	LevelWarn = "warn"
	// LevelOn: the check counts as the model says (the default).
	LevelOn = "on"
)

// Overrides records how a scan changed the model's checks without editing
// the model: checks switched off or made warnings, elements and pages
// ignored. `didi report` and `didi diff` read it back.
type Overrides struct {
	// Checks are the checks switched off or made warnings, in model order.
	Checks []CheckOverride `json:"checks"`
	// IgnoreSelectors are CSS selectors: evidence on an element that
	// matches one, or lies inside one that does, is dropped.
	IgnoreSelectors []string `json:"ignore_selectors"`
	// IgnoreURLs are regular expressions: a page whose address matches one
	// is not checked and does not count (Page.Ignored).
	IgnoreURLs []string `json:"ignore_urls"`
	// IgnoredElements counts the evidence items IgnoreSelectors dropped.
	IgnoredElements int `json:"ignored_elements"`
}

// CheckOverride is one check switched off or made a warning.
type CheckOverride struct {
	ID        string `json:"id"`
	Criterion string `json:"criterion"`
	// Level is LevelOff or LevelWarn.
	Level string `json:"level"`
	// Weight is the check's weight in the model (a warning counts 0).
	Weight float64 `json:"weight"`
	// Title names the check's goal, in every language.
	Title Text `json:"title"`
}

// Empty reports whether the scan changed nothing.
func (o Overrides) Empty() bool {
	return len(o.Checks) == 0 && len(o.IgnoreSelectors) == 0 && len(o.IgnoreURLs) == 0
}

// String sums the overrides up on one line, in the words of .didi.yaml
// ("target-size: off, ignore-selector .cookie-banner"); "none" when the
// scan changed nothing.
func (o Overrides) String() string {
	var parts []string
	for _, c := range o.Checks {
		parts = append(parts, c.ID+": "+c.Level)
	}
	for _, s := range o.IgnoreSelectors {
		parts = append(parts, "ignore-selector "+s)
	}
	for _, s := range o.IgnoreURLs {
		parts = append(parts, "ignore-url "+s)
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}
