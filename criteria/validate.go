package criteria

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// CriterionIDs are the seven criteria every model has, in report order.
var CriterionIDs = []string{"accessible", "understandable", "simple", "reachable", "supported", "trustworthy", "involving"}

// idRE is the shape of every id in the model: ids end up in file names,
// answers files and URLs, so they stay simple.
var idRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

// placeholderRE finds {name} placeholders in message templates.
var placeholderRE = regexp.MustCompile(`\{([A-Za-z0-9_]+)\}`)

// CheckSpec is what the program declares about one automated check; the
// model is validated against it. criteria does not import the checks, so the
// caller passes a Known built from its registry (scoring.Known).
type CheckSpec struct {
	// Params are the names of the parameters the check reads.
	Params []string
	// Messages are the message keys its evidence can carry; the model has a
	// template for each, and no other.
	Messages []string
	// Review is true when the check can say needs_review; then, and only
	// then, the model has a review question for it.
	Review bool
}

// Known returns the declaration of the check with id, or nil when the
// program has no such check.
type Known func(id string) *CheckSpec

// validator checks a decoded model against the rules of the model format.
type validator struct {
	*reporter
	m     *Model
	known Known
	// questions and checkRefs remember where each id was first seen.
	questions map[string]string
	checkRefs map[string]string
}

// validate reports every rule the model breaks. known gives the program's
// declaration of each check; nil skips the rules that need it.
func validate(r *reporter, m *Model, known Known) {
	v := &validator{reporter: r, m: m, known: known, questions: map[string]string{}, checkRefs: map[string]string{}}
	v.header()
	v.levels()
	v.scales()
	v.roles()
	v.criteria()
	v.replaced()
	v.checkTexts()
}

// roles checks the texts of the roles questions name in who:.
func (v *validator) roles() {
	for _, name := range slices.Sorted(maps.Keys(v.m.Roles)) {
		p := join("roles", name)
		v.id(p, name)
		v.text(p, fmt.Sprintf("role %q", name), v.m.Roles[name])
	}
}

// replaced checks the map of retired question ids: an old id is no longer
// a question, and what replaces it is.
func (v *validator) replaced() {
	for i, r := range v.m.Replaced {
		p := join("replaced", strconv.Itoa(i))
		switch {
		case r.ID == "":
			v.at(p, "a replaced question has no id")
		case v.questions[r.ID] != "":
			v.at(join(p, "id"), "replaced question %q is still a question of the model", r.ID)
		}
		if len(r.By) == 0 {
			v.at(p, "replaced question %q: by: lists no questions", r.ID)
		}
		for j, id := range r.By {
			if v.questions[id] == "" {
				v.at(join(join(p, "by"), strconv.Itoa(j)), "replaced question %q: %q is not a question of the model", r.ID, id)
			}
		}
	}
}

func (v *validator) header() {
	m := v.m
	if m.ID == "" {
		v.at("id", "the model id is missing")
	} else {
		v.id("id", m.ID)
	}
	if m.Version == "" {
		v.at("version", "the model version is missing")
	}
	if len(m.Languages) == 0 {
		v.at("languages", "languages is missing: list the languages every text is in (nl, fr, en)")
	}
	seen := map[string]bool{}
	for i, l := range m.Languages {
		p := join("languages", strconv.Itoa(i))
		switch {
		case strings.TrimSpace(l) == "":
			v.at(p, "a language code is empty")
		case seen[l]:
			v.at(p, "duplicate language %q", l)
		}
		seen[l] = true
	}
	v.text("title", "title", m.Title)
}

func (v *validator) levels() {
	if len(v.m.Levels) == 0 {
		v.at("levels", "levels is missing: list the level bands, highest first")
		return
	}
	seen := map[string]string{}
	for i, l := range v.m.Levels {
		p := join("levels", strconv.Itoa(i))
		if l.Level == "" {
			v.at(p, "a level has no name (level:)")
		} else if first, dup := seen[l.Level]; dup {
			v.at(join(p, "level"), "duplicate level %q (first at %s)", l.Level, v.lineCol(first))
		} else {
			seen[l.Level] = join(p, "level")
		}
		if !inRange(l.Min, 0, 100) {
			v.at(join(p, "min"), "level %q: min %s is outside [0,100]", l.Level, num(l.Min))
		}
		if i > 0 && l.Min >= v.m.Levels[i-1].Min {
			prev := v.m.Levels[i-1]
			v.at(join(p, "min"), "levels must go down: %q (min %s) is not below %q (min %s)", l.Level, num(l.Min), prev.Level, num(prev.Min))
		}
		v.text(join(p, "label"), fmt.Sprintf("level %q label", l.Level), l.Label)
	}
	if last := v.m.Levels[len(v.m.Levels)-1]; last.Min != 0 {
		v.at(join(join("levels", strconv.Itoa(len(v.m.Levels)-1)), "min"), "the lowest level must have min 0, so that every score gets a level")
	}
}

func (v *validator) scales() {
	names := make([]string, 0, len(v.m.Scales))
	for name := range v.m.Scales {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := join("scales", name)
		v.id(p, name)
		v.options(p, fmt.Sprintf("scale %q", name), v.m.Scales[name])
	}
}

func (v *validator) criteria() {
	if len(v.m.Criteria) == 0 {
		v.at("criteria", "criteria is missing: the model needs the criteria %s", strings.Join(CriterionIDs, ", "))
		return
	}
	seen := map[string]string{}
	total := 0.0
	for i := range v.m.Criteria {
		c := &v.m.Criteria[i]
		p := join("criteria", strconv.Itoa(i))
		switch {
		case c.ID == "":
			v.at(p, "a criterion has no id")
		case seen[c.ID] != "":
			v.at(join(p, "id"), "duplicate criterion %q (first at %s)", c.ID, v.lineCol(seen[c.ID]))
		case !contains(CriterionIDs, c.ID):
			v.at(join(p, "id"), "unknown criterion %q: the model has exactly these criteria: %s", c.ID, strings.Join(CriterionIDs, ", "))
		}
		if c.ID != "" && seen[c.ID] == "" {
			seen[c.ID] = join(p, "id")
		}
		total += c.Weight
		v.criterion(p, c)
	}
	for _, id := range CriterionIDs {
		if seen[id] == "" {
			v.at("criteria", "criterion %q is missing", id)
		}
	}
	if total == 0 {
		v.at("criteria", "every criterion has weight 0: the index needs at least one weight above 0")
	}
}

func (v *validator) criterion(p string, c *Criterion) {
	name := fmt.Sprintf("criterion %q", c.ID)
	v.weight(join(p, "weight"), name, c.Weight)
	if c.Mix.Questionnaire < 0 || c.Mix.Automated < 0 || isBad(c.Mix.Questionnaire) || isBad(c.Mix.Automated) {
		v.at(join(p, "mix"), "%s: mix parts must be 0 or more", name)
	} else if c.Mix.Questionnaire == 0 && c.Mix.Automated == 0 {
		v.at(join(p, "mix"), "%s: mix questionnaire and automated are both 0", name)
	}
	v.text(join(p, "title"), name+" title", c.Title)
	v.text(join(p, "why"), name+" why", c.Why)
	if len(c.Questions) == 0 && len(c.Checks) == 0 {
		v.at(p, "%s has no questions and no checks", name)
	}
	for j := range c.Questions {
		v.question(join(join(p, "questions"), strconv.Itoa(j)), c.ID, &c.Questions[j])
	}
	for j, ref := range c.Checks {
		v.checkRef(join(join(p, "checks"), strconv.Itoa(j)), c.ID, ref)
	}
}

func (v *validator) question(p, criterion string, q *Question) {
	name := fmt.Sprintf("question %q", q.ID)
	switch {
	case q.ID == "":
		v.at(p, "a question of criterion %q has no id", criterion)
	case v.questions[q.ID] != "":
		v.at(join(p, "id"), "duplicate question %q (first at %s)", q.ID, v.lineCol(v.questions[q.ID]))
	case criterion != "" && (!strings.HasPrefix(q.ID, criterion+".") || len(q.ID) == len(criterion)+1):
		v.at(join(p, "id"), "question id %q must have the form %s<name>", q.ID, criterion+".")
	default:
		v.id(join(p, "id"), q.ID)
	}
	if q.ID != "" && v.questions[q.ID] == "" {
		v.questions[q.ID] = join(p, "id")
	}
	v.weight(join(p, "weight"), name, q.Weight)
	v.text(join(p, "text"), name+" text", q.Text)
	v.text(join(p, "help"), name+" help", q.Help)
	v.text(join(p, "tip"), name+" tip", q.Tip)
	switch _, ok := v.m.Roles[q.Who]; {
	case q.Who == "":
		v.at(p, "%s: who is missing: name who usually knows the answer (one of: %s)", name, strings.Join(v.roleNames(), ", "))
	case !ok:
		v.at(join(p, "who"), "%s: unknown role %q (known: %s)", name, q.Who, strings.Join(v.roleNames(), ", "))
	}
	opts := q.Options
	if q.Scale != "" {
		opts = v.m.Scales[q.Scale]
	}
	if len(opts) > 0 && !hasUnknown(opts) {
		v.at(p, "%s has no \"don't know\" option: give its scale or options one option with unknown: true", name)
	}
	switch {
	case q.Scale != "" && len(q.Options) > 0:
		v.at(join(p, "scale"), "%s: set either scale or options, not both", name)
	case q.Scale != "":
		if _, ok := v.m.Scales[q.Scale]; !ok {
			v.at(join(p, "scale"), "%s: unknown scale %q (known: %s)", name, q.Scale, strings.Join(v.scaleNames(), ", "))
		}
	case len(q.Options) > 0:
		v.options(join(p, "options"), name, q.Options)
	default:
		v.at(p, "%s has neither a scale nor options", name)
	}
}

// options checks one list of answer options.
func (v *validator) options(p, owner string, opts []Option) {
	if len(opts) < 2 {
		v.at(p, "%s needs at least two options", owner)
	}
	seen := map[string]string{}
	na, scored, unknown := 0, 0, 0
	for i, o := range opts {
		op := join(p, strconv.Itoa(i))
		name := fmt.Sprintf("%s option %q", owner, o.ID)
		switch {
		case o.ID == "":
			v.at(op, "an option of %s has no id", owner)
		case seen[o.ID] != "":
			v.at(join(op, "id"), "duplicate option %q in %s (first at %s)", o.ID, owner, v.lineCol(seen[o.ID]))
		case isNumber(o.ID):
			v.at(join(op, "id"), "option id %q must not be a number: numbers choose options by position in the questionnaire", o.ID)
		default:
			v.id(join(op, "id"), o.ID)
		}
		if o.ID != "" && seen[o.ID] == "" {
			seen[o.ID] = join(op, "id")
		}
		if o.Unknown {
			unknown++
			if o.NA || o.Score != 0 {
				v.at(op, "%s: a \"don't know\" option scores 0 and is not na", name)
			}
		}
		if !o.NA && !o.Unknown && !v.pos.has(join(op, "score")) {
			v.at(op, "%s has no score", name)
		}
		if !inRange(o.Score, 0, 1) {
			v.at(join(op, "score"), "%s: score %s is outside [0,1]", name, num(o.Score))
		}
		switch {
		case o.NA:
			na++
		case !o.Unknown:
			scored++
		}
		v.text(join(op, "text"), name+" text", o.Text)
	}
	if na > 1 {
		v.at(p, "%s has %d not-applicable options; one is enough", owner, na)
	}
	if unknown > 1 {
		v.at(p, "%s has %d \"don't know\" options; one is enough", owner, unknown)
	}
	if len(opts) > 0 && scored == 0 {
		v.at(p, "%s has only not-applicable or \"don't know\" options", owner)
	}
}

func (v *validator) checkRef(p, criterion string, ref CheckRef) {
	name := fmt.Sprintf("check %q", ref.ID)
	switch {
	case ref.ID == "":
		v.at(p, "a check of criterion %q has no id", criterion)
		return
	case v.checkRefs[ref.ID] != "":
		v.at(join(p, "id"), "duplicate check %q (first at %s): a check counts for one criterion only", ref.ID, v.lineCol(v.checkRefs[ref.ID]))
	default:
		v.checkRefs[ref.ID] = join(p, "id")
	}
	if v.known != nil {
		if spec := v.known(ref.ID); spec == nil {
			v.at(join(p, "id"), "unknown check %q", ref.ID)
		} else {
			for _, name := range sortedKeys(ref.Params) {
				if !contains(spec.Params, name) {
					v.at(join(join(p, "params"), name), "check %q has no parameter %q (%s)", ref.ID, name, known("parameters", spec.Params))
				}
			}
		}
	}
	v.weight(join(p, "weight"), name, ref.Weight)
	if v.m.CheckText(ref.ID) == nil {
		v.at(join(p, "id"), "check %q has no texts in the checks: section", ref.ID)
	}
}

func (v *validator) checkTexts() {
	seen := map[string]string{}
	for i, ct := range v.m.Checks {
		p := join("checks", strconv.Itoa(i))
		name := fmt.Sprintf("check %q", ct.ID)
		switch {
		case ct.ID == "":
			v.at(p, "check texts without an id")
		case seen[ct.ID] != "":
			v.at(join(p, "id"), "duplicate texts for check %q (first at %s)", ct.ID, v.lineCol(seen[ct.ID]))
		case v.checkRefs[ct.ID] == "":
			v.at(join(p, "id"), "texts for check %q, which no criterion uses", ct.ID)
		}
		if ct.ID != "" && seen[ct.ID] == "" {
			seen[ct.ID] = join(p, "id")
		}
		v.text(join(p, "title"), name+" title", ct.Title)
		if len(ct.Problem) == 0 && !v.pos.has(join(p, "problem")) {
			v.at(p, "%s has no problem title: add problem: {nl, fr, en}, a short sentence that names what is wrong when the check fails (title %q names the goal)", name, ct.Title.In("en"))
		} else {
			v.text(join(p, "problem"), name+" problem title", ct.Problem)
		}
		v.text(join(p, "description"), name+" description", ct.Description)
		v.text(join(p, "tip"), name+" tip", ct.Tip)
		if len(ct.Review) > 0 || v.pos.has(join(p, "review")) {
			v.text(join(p, "review"), name+" review", ct.Review)
		}
		v.messages(join(p, "messages"), name, ct.Messages)
		if seen[ct.ID] == join(p, "id") { // a duplicate's errors are enough
			v.declared(p, name, ct)
		}
	}
}

// declared checks a check's texts against what the check declares: a
// template for each message key it can emit and no other, and a review
// question exactly when it can say needs_review.
func (v *validator) declared(p, name string, ct CheckText) {
	if v.known == nil || ct.ID == "" {
		return
	}
	spec := v.known(ct.ID)
	if spec == nil {
		return // reported at the reference, or as texts nothing uses
	}
	for _, k := range sortedKeys(ct.Messages) {
		if !contains(spec.Messages, k) {
			v.at(join(join(p, "messages"), k), "%s never emits message %q (%s)", name, k, known("its messages", spec.Messages))
		}
	}
	for _, k := range spec.Messages {
		if _, ok := ct.Messages[k]; !ok {
			v.at(join(p, "messages"), "%s message %q is missing", name, k)
		}
	}
	hasReview := len(ct.Review) > 0 || v.pos.has(join(p, "review"))
	switch {
	case hasReview && !spec.Review:
		v.at(join(p, "review"), "%s never says needs_review: remove its review question", name)
	case !hasReview && spec.Review:
		v.at(p, "%s can say needs_review but has no review question (review:)", name)
	}
}

// known lists names for an error message: "known: a, b" or "none".
func known(what string, names []string) string {
	if len(names) == 0 {
		return what + ": none"
	}
	return what + ": " + strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// messages checks message templates: every language, and the same
// placeholders in every language.
func (v *validator) messages(p, owner string, msgs map[string]Text) {
	keys := make([]string, 0, len(msgs))
	for k := range msgs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		mp := join(p, k)
		t := msgs[k]
		v.text(mp, fmt.Sprintf("%s message %q", owner, k), t)
		var want []string
		for _, lang := range v.m.Languages {
			s, ok := t[lang]
			if !ok {
				continue
			}
			got := placeholders(s)
			if want == nil {
				want = got
				continue
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				v.at(join(mp, lang), "%s message %q: the %s text has placeholders {%s}, the %s text {%s}", owner, k,
					lang, strings.Join(got, "}, {"), v.m.Languages[0], strings.Join(want, "}, {"))
			}
		}
	}
}

// text checks that t has a non-empty text in every language of the model,
// and no other language.
func (v *validator) text(p, what string, t Text) {
	if len(t) == 0 {
		v.at(p, "%s is missing", what)
		return
	}
	for _, lang := range v.m.Languages {
		s, ok := t[lang]
		switch {
		case !ok:
			v.at(p, "%s: missing language %q", what, lang)
		case strings.TrimSpace(s) == "":
			v.at(join(p, lang), "%s: the %q text is empty", what, lang)
		}
	}
	langs := make([]string, 0, len(t))
	for lang := range t {
		langs = append(langs, lang)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		if !contains(v.m.Languages, lang) {
			v.at(join(p, lang), "%s: unknown language %q (the model's languages: %s)", what, lang, strings.Join(v.m.Languages, ", "))
		}
	}
}

// maxWeight is the largest weight a model may give: weights are relative,
// and a huge one is a typing error that would drown every other.
const maxWeight = 1000

func (v *validator) weight(p, owner string, w float64) {
	switch {
	case w < 0 || isBad(w):
		v.at(p, "%s: weight %s is negative", owner, num(w))
	case w > maxWeight:
		v.at(p, "%s: weight %s is too large (at most %d)", owner, num(w), maxWeight)
	}
}

func (v *validator) id(p, id string) {
	if !idRE.MatchString(id) {
		v.at(p, "id %q may only use lowercase letters, digits, '.', '-' and '_'", id)
	}
}

// hasUnknown reports whether opts has a "don't know" option.
func hasUnknown(opts []Option) bool {
	for _, o := range opts {
		if o.Unknown {
			return true
		}
	}
	return false
}

func (v *validator) roleNames() []string { return slices.Sorted(maps.Keys(v.m.Roles)) }

func (v *validator) scaleNames() []string {
	names := make([]string, 0, len(v.m.Scales))
	for name := range v.m.Scales {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// lineCol formats the position of path as "line:col".
func (v *validator) lineCol(path string) string {
	q := v.pos.at(path)
	return fmt.Sprintf("%d:%d", q.Line, q.Col)
}

func placeholders(s string) []string {
	var out []string
	for _, m := range placeholderRE.FindAllStringSubmatch(s, -1) {
		if !contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	sort.Strings(out)
	if out == nil {
		out = []string{}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func inRange(f, lo, hi float64) bool { return f >= lo && f <= hi }

func isBad(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
