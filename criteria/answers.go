package criteria

// Answers is a filled-in questionnaire.
type Answers struct {
	// Model is the id of the model the answers are for.
	Model        string `yaml:"model" json:"model"`
	Organisation string `yaml:"organisation,omitempty" json:"organisation,omitempty"`
	Product      string `yaml:"product,omitempty" json:"product,omitempty"`
	Assessor     string `yaml:"assessor,omitempty" json:"assessor,omitempty"`
	// Date of the assessment, YYYY-MM-DD.
	Date string `yaml:"date,omitempty" json:"date,omitempty"`
	// Language the comments are written in (nl, fr, en); a report in
	// another language marks them with it.
	Language string `yaml:"language,omitempty" json:"language,omitempty"`
	// Answers maps question id to the chosen answer.
	Answers map[string]Answer `yaml:"answers" json:"answers"`
	// Reviews holds the team's verdict on what automated checks could not
	// decide (needs_review): check id to "pass" or "fail", answering the
	// check's review question for the whole site.
	Reviews map[string]Answer `yaml:"reviews,omitempty" json:"reviews,omitempty"`
	// Source is the file the answers came from.
	Source string `yaml:"-" json:"-"`
	// Notes are the comment lines a person wrote in the file by hand, by
	// question id (or check id, for reviews) of the answer they stood next
	// to, "" for the others; WriteAnswers writes them back (see notesOf).
	Notes map[string][]string `yaml:"-" json:"-"`
}

// The verdicts a team can give on a check that needs review.
const (
	ReviewPass = "pass"
	ReviewFail = "fail"
)

// Answer is the option chosen for one question, with an optional comment.
// In YAML it is either an option id or {answer: ID, comment: TEXT}.
type Answer struct {
	Option  string `yaml:"answer" json:"answer"`
	Comment string `yaml:"comment,omitempty" json:"comment,omitempty"`
}
