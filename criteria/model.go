// Package criteria holds didi's model (the seven criteria, their questions
// and the texts and parameters of the automated checks) and the answers file
// a team fills in. The default model is embedded; --model replaces it.
//
// Loading is strict. LoadDefault, LoadModel and Parse take known, a lookup of
// the declarations of the checks the program has (criteria does not import
// checks; pass scoring.Known(registry)). Every problem in a
// model or answers file is reported at once as Errors, one
// "file:line:column: message" per line, sorted by position; get it with
// errors.As. A file that cannot be read is a plain wrapped error.
//
// The answers template (WriteTemplate) and the model's documentation
// (ModelMarkdown, ModelJSON) live here too, so cmd/didi only wires flags to
// them; the terminal questionnaire is package questionnaire.
package criteria

// Model is the whole evaluation model.
type Model struct {
	// ID names the model ("didi"); answers files name the model they answer.
	ID string `yaml:"id" json:"id"`
	// Version of the model, e.g. "2026.1".
	Version string `yaml:"version" json:"version"`
	// Languages every text must exist in.
	Languages []string `yaml:"languages" json:"languages"`
	// Title of the model in every language.
	Title Text `yaml:"title" json:"title"`
	// Levels are the level bands, highest first: a score at or above Min
	// gets Level.
	Levels []Level `yaml:"levels" json:"levels"`
	// Scales are reusable answer option lists, referenced by questions.
	Scales map[string][]Option `yaml:"scales" json:"scales,omitempty"`
	// Roles name who in an organisation usually knows an answer (IT team,
	// supplier, management ...), by role id; questions refer to them in Who.
	Roles map[string]Text `yaml:"roles" json:"roles,omitempty"`
	// Replaced lists question ids of earlier model versions and the
	// questions that replace them, so that old answers files still load.
	Replaced []Replacement `yaml:"replaced,omitempty" json:"replaced,omitempty"`
	// Criteria are the seven criteria, in report order.
	Criteria []Criterion `yaml:"criteria" json:"criteria"`
	// Checks holds the texts of every automated check, by check id.
	Checks []CheckText `yaml:"checks" json:"checks"`

	// SHA256 is the hash of the model file's bytes (set by the loader).
	SHA256 string `yaml:"-" json:"sha256"`
	// Source is the file the model was loaded from ("" for the default).
	Source string `yaml:"-" json:"-"`
}

// Level is one level band.
type Level struct {
	Level string  `yaml:"level" json:"level"`
	Min   float64 `yaml:"min" json:"min"`
	Label Text    `yaml:"label" json:"label"`
}

// Criterion is one of the seven criteria.
type Criterion struct {
	ID     string  `yaml:"id" json:"id"`
	Weight float64 `yaml:"weight" json:"weight"`
	// Mix weighs the questionnaire and the automated part.
	Mix   Mix  `yaml:"mix" json:"mix"`
	Title Text `yaml:"title" json:"title"`
	// Why says in a few sentences why the criterion matters.
	Why       Text       `yaml:"why" json:"why"`
	Questions []Question `yaml:"questions" json:"questions"`
	// Checks are the automated checks that count for this criterion.
	Checks []CheckRef `yaml:"checks" json:"checks"`
}

// Mix is the weight of each part of a criterion's score.
type Mix struct {
	Questionnaire float64 `yaml:"questionnaire" json:"questionnaire"`
	Automated     float64 `yaml:"automated" json:"automated"`
}

// Question is one question of the questionnaire.
type Question struct {
	// ID is stable, "criterion.name" (e.g. "accessible.audit").
	ID     string  `yaml:"id" json:"id"`
	Weight float64 `yaml:"weight" json:"weight"`
	Text   Text    `yaml:"text" json:"text"`
	// Help says why it matters and what counts.
	Help Text `yaml:"help" json:"help"`
	// Tip is shown when the answer scores below 1.
	Tip Text `yaml:"tip" json:"tip"`
	// Scale names a list of options in Model.Scales; a question in a file
	// has either a scale or its own options. After loading, Options is
	// always filled (from the scale) and Scale is kept for documentation.
	Scale   string   `yaml:"scale,omitempty" json:"scale,omitempty"`
	Options []Option `yaml:"options,omitempty" json:"options,omitempty"`
	// Who names the role (a key of Model.Roles) that usually knows the
	// answer; the report lists "don't know" answers with it.
	Who string `yaml:"who" json:"who"`
}

// Replacement maps a retired question id to the questions that replaced
// it (a question that asked two things is now two questions). An answers
// file that still answers the old id gives that answer to each new question
// it does not answer itself, when the new question has that option.
type Replacement struct {
	ID string   `yaml:"id" json:"id"`
	By []string `yaml:"by" json:"by"`
}

// Option is one possible answer.
type Option struct {
	ID    string  `yaml:"id" json:"id"`
	Score float64 `yaml:"score" json:"score"`
	// NA marks the option meaning "not applicable": the question is left
	// out of the score.
	NA bool `yaml:"na,omitempty" json:"na,omitempty"`
	// Unknown marks the option meaning "don't know": it scores like an
	// unanswered question (0) but is recorded, and the report lists the
	// question as one to find out. Every question has one.
	Unknown bool `yaml:"unknown,omitempty" json:"unknown,omitempty"`
	Text    Text `yaml:"text" json:"text"`
}

// CheckRef puts an automated check in a criterion, with a weight and
// parameters that override the check's defaults.
type CheckRef struct {
	ID     string         `yaml:"id" json:"id"`
	Weight float64        `yaml:"weight" json:"weight"`
	Params map[string]any `yaml:"params,omitempty" json:"params,omitempty"`
}

// CheckText holds the user-facing texts of one automated check.
type CheckText struct {
	ID string `yaml:"id" json:"id"`
	// Title names the goal ("There is an accessibility statement"): shown
	// for a pass and in the check catalogue.
	Title Text `yaml:"title" json:"title"`
	// Problem names what is wrong when the check fails ("There is no
	// accessibility statement yet"): shown wherever it failed.
	Problem Text `yaml:"problem" json:"problem"`
	// Description says what the check tests.
	Description Text `yaml:"description" json:"description"`
	// Tip says how to fix a failure.
	Tip Text `yaml:"tip" json:"tip"`
	// Messages are failure message templates by key ("fail" is the
	// default), with named {placeholders}.
	Messages map[string]Text `yaml:"messages" json:"messages"`
	// Review is the question put to the team for needs_review outcomes.
	Review Text `yaml:"review,omitempty" json:"review,omitempty"`
}
