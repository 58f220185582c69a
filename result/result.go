// Package result holds the types of result.json, the contract between a
// scan and everything that reads it: the report writers, `didi report`,
// `didi diff`, serve, batch and users' scripts. Read loads a saved result
// and checks its schema version. It is a leaf package: reports render a
// Result without compiling the model, the checks or the crawler.
package result

import "github.com/didi-index/didi/i18n"

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
	// Targets lists every start URL when there were several.
	Targets  []string `json:"targets,omitempty"`
	Started  string   `json:"started"`
	Finished string   `json:"finished"`
	// Languages are the report languages asked for (--lang).
	Languages []string `json:"languages"`
	// Index is the weighted mean of the criterion scores, 0–100, one decimal.
	Index float64 `json:"index"`
	Level string  `json:"level"`
	// LevelLabel names the level in every language.
	LevelLabel Text `json:"level_label,omitempty"`
	// Coverage is the share of automated checks that could be evaluated,
	// weighted as in the scores, 0–1.
	Coverage float64 `json:"coverage"`
	// Mode says what the scores are based on: "combined", "automated" (no
	// answers file) or "questionnaire" (no page could be checked).
	Mode string `json:"mode"`
	// Scan describes how pages were gathered.
	Scan Scan `json:"scan"`
	// Interrupted is true when the scan was stopped (Ctrl-C, SIGTERM, a
	// shutdown) before every planned page was scanned: the scores cover the
	// pages done.
	Interrupted bool `json:"interrupted,omitempty"`
	// Assessment holds the answers file's metadata; nil without one.
	Assessment *Assessment `json:"assessment,omitempty"`
	Pages      []Page      `json:"pages"`
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
	Title   Text   `json:"title,omitempty"`
}

// Scan describes how the pages were gathered.
type Scan struct {
	// Browser is the browser's product and version; "" with --no-browser.
	Browser string `json:"browser,omitempty"`
	// Insecure is true when TLS certificate errors were ignored.
	Insecure bool `json:"insecure,omitempty"`
	// LoopbackSecure is true when a loopback target counted as a secure
	// context, as browsers treat it.
	LoopbackSecure bool `json:"loopback_secure,omitempty"`
	// Notes are plain remarks about the scan (e.g. checks skipped without a
	// browser), in every language.
	Notes []Text `json:"notes,omitempty"`
}

// Assessment is the metadata of the answers file.
type Assessment struct {
	Organisation string `json:"organisation,omitempty"`
	Product      string `json:"product,omitempty"`
	Assessor     string `json:"assessor,omitempty"`
	Date         string `json:"date,omitempty"`
}

// Page is one scanned page.
type Page struct {
	URL      string `json:"url"`
	FinalURL string `json:"final_url"`
	Status   int    `json:"status"`
	Error    string `json:"error"`
}

// Criterion is the score of one criterion.
type Criterion struct {
	ID     string  `json:"id"`
	Title  Text    `json:"title"`
	Why    Text    `json:"why,omitempty"`
	Weight float64 `json:"weight"`
	Mix    Mix     `json:"mix"`
	// Score is 0–100 with one decimal; nil when neither part exists.
	Score              *float64 `json:"score"`
	QuestionnaireScore *float64 `json:"questionnaire_score"`
	AutomatedScore     *float64 `json:"automated_score"`
	// Coverage is the weighted share of its checks that could be evaluated.
	Coverage   float64    `json:"coverage"`
	Questions  []Question `json:"questions"`
	Unanswered []string   `json:"unanswered,omitempty"`
	Checks     []Check    `json:"checks"`
}

// Question is one question and its answer.
type Question struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
	// Answer is the chosen option id, "" when unanswered.
	Answer string `json:"answer"`
	// Score is 0–1; nil when unanswered or not applicable.
	Score      *float64 `json:"score"`
	NA         bool     `json:"na,omitempty"`
	Text       Text     `json:"text"`
	AnswerText Text     `json:"answer_text,omitempty"`
	Comment    string   `json:"comment,omitempty"`
	Tip        Text     `json:"tip,omitempty"`
}

// Check is the result of one automated check over the pages.
type Check struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"`
	// Score is the share of applicable pages where it passes, 0–1; nil when
	// inapplicable or not evaluated everywhere.
	Score       *float64 `json:"score"`
	SiteWide    bool     `json:"site_wide,omitempty"`
	WCAG        []string `json:"wcag"`
	ACTRules    []string `json:"act_rules"`
	Title       Text     `json:"title"`
	Description Text     `json:"description,omitempty"`
	Tip         Text     `json:"tip,omitempty"`
	Review      Text     `json:"review,omitempty"`
	// ReviewAnswer is the team's answer to Review ("pass" or "fail") from
	// the answers file; it replaces the needs_review outcomes.
	ReviewAnswer  string `json:"review_answer,omitempty"`
	ReviewComment string `json:"review_comment,omitempty"`
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
	Reviewed bool       `json:"reviewed,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
	// Omitted counts evidence items left out beyond MaxEvidence.
	Omitted int `json:"omitted,omitempty"`
}

// Evidence is one failing or doubtful element with its message in every
// language.
type Evidence struct {
	// URL is the page the element is on, when it differs from the
	// outcome's (site-wide checks).
	URL      string `json:"url,omitempty"`
	Selector string `json:"selector,omitempty"`
	Snippet  string `json:"snippet,omitempty"`
	Message  Text   `json:"message,omitempty"`
}

// Tip is one improvement, ranked by impact = weight × (1 − score).
type Tip struct {
	Criterion string  `json:"criterion"`
	Source    string  `json:"source"` // "check:ID" or "question:ID"
	Impact    float64 `json:"impact"`
	Title     Text    `json:"title,omitempty"`
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
