package scoring

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/i18n"
	"github.com/didi-index/didi/result"
)

// MaxEvidence is the most evidence items kept per check and page in the
// result; the rest are counted in Outcome.Omitted.
const MaxEvidence = 25

// MaxSelector is the longest selector kept in the result (a page may give
// an element an id of 200 kB); longer ones end with "…".
const MaxSelector = 300

// Input is everything Score needs. Outcomes and Saved are nil when no page
// was checked (questionnaire only); Answers is nil without an answers file.
type Input struct {
	// Model is the model with the scan's Overrides applied (see
	// ApplyLevels): checks switched off are not in it.
	Model    *criteria.Model
	Answers  *criteria.Answers
	Registry *checks.Registry
	// Outcomes holds each check's outcomes by check id (see Evaluate).
	Outcomes map[string][]checks.PageOutcome
	// Saved holds each check's outcomes by check id as a saved result.json
	// has them, when Outcomes is nil (`didi report --answers`, see
	// engine.FromResult): their evidence is rendered already, and outcomes
	// the team's review answers decided are needs_review again before
	// Answers' reviews apply.
	Saved map[string][]result.Outcome
	// Overrides records the checks switched off or made warnings and what
	// was ignored; Score copies it into the result.
	Overrides result.Overrides
	// Interrupted marks a scan stopped before every planned page was done.
	Interrupted bool
	Pages       []result.Page
	Target      string
	Targets     []string
	Started     string
	Finished    string
	Languages   []string
	Tool        result.Tool
	Scan        result.Scan
}

// Evaluate runs every check the model references on pages, with the
// model's parameters, and returns the outcomes by check id. Checks are pure,
// so they run in parallel, one goroutine per CPU, page by page
// (checks.Evaluate). When ctx is done before the checks end, Evaluate stops
// at once: what was not checked yet is not_evaluated, and the error is
// ctx's.
func Evaluate(ctx context.Context, m *criteria.Model, reg *checks.Registry, pages []*checks.Page) (map[string][]checks.PageOutcome, error) {
	var jobs []checks.Job
	for _, c := range m.Criteria {
		for _, ref := range c.Checks {
			if chk := reg.Get(ref.ID); chk != nil {
				jobs = append(jobs, checks.Job{Check: chk, Params: checks.Params(ref.Params)})
			}
		}
	}
	results := checks.Evaluate(ctx, jobs, pages)
	out := make(map[string][]checks.PageOutcome, len(jobs))
	for i, j := range jobs {
		out[j.Check.ID] = results[i]
	}
	if err := ctx.Err(); err != nil {
		return out, fmt.Errorf("checks: %w", context.Cause(ctx))
	}
	return out, nil
}

// Score computes the Result. It is pure: the same Input gives the same
// Result, whatever the order of answers or outcomes.
func Score(in Input) *result.Result {
	m := in.Model
	r := &result.Result{
		SchemaVersion: result.SchemaVersion,
		Tool:          in.Tool,
		Model:         result.Model{ID: m.ID, Version: m.Version, SHA256: m.SHA256, Title: m.Title},
		Target:        in.Target,
		Targets:       in.Targets,
		Started:       in.Started,
		Finished:      in.Finished,
		Languages:     in.Languages,
		Scan:          in.Scan,
		Interrupted:   in.Interrupted,
		Overrides:     in.Overrides,
		Pages:         in.Pages,
		Levels:        resultLevels(m.Levels),
		Criteria:      []result.Criterion{},
		Tips:          []result.Tip{},
	}
	if r.Pages == nil {
		r.Pages = []result.Page{}
	}
	r.PageCounts = result.CountPages(r.Pages, len(in.Scan.RobotsSkipped)+in.Scan.Skipped)
	if in.Answers != nil {
		a := in.Answers
		r.Assessment = &result.Assessment{Organisation: a.Organisation, Product: a.Product, Assessor: a.Assessor, Date: a.Date, Language: a.Language}
	}
	texts := map[string]*criteria.CheckText{}
	for i := range m.Checks {
		texts[m.Checks[i].ID] = &m.Checks[i]
	}
	var idx, idxW, cov, covW float64
	anyAuto, anyQuest := false, false
	for _, mc := range m.Criteria {
		c, applies := scoreCriterion(mc, in, texts, m.Roles)
		r.Criteria = append(r.Criteria, c)
		r.Tips = append(r.Tips, tipsFor(mc, c, texts, in.Answers != nil)...)
		if c.Score != nil {
			idx += mc.Weight * *c.Score
			idxW += mc.Weight
		}
		if applies {
			cov += mc.Weight * c.Coverage
			covW += mc.Weight
		}
		anyAuto = anyAuto || c.AutomatedScore != nil
		anyQuest = anyQuest || c.QuestionnaireScore != nil
	}
	if idxW > 0 {
		r.Index = round(idx/idxW, 1)
	}
	switch {
	case covW > 0:
		r.Coverage = round(cov/covW, 3)
	case in.Outcomes != nil || in.Saved != nil:
		r.Coverage = 1 // pages were checked and no check applies: none was missed
	}
	switch {
	case anyAuto && anyQuest:
		r.Mode = "combined"
	case anyQuest:
		r.Mode = "questionnaire"
	default:
		r.Mode = "automated"
	}
	r.Level, r.LevelLabel = levelOf(m.Levels, r.Index)
	sort.SliceStable(r.Tips, func(i, j int) bool {
		if r.Tips[i].Impact != r.Tips[j].Impact {
			return r.Tips[i].Impact > r.Tips[j].Impact
		}
		return r.Tips[i].Source < r.Tips[j].Source
	})
	r.Normalize()
	return r
}

// scoreCriterion scores one criterion; applies is true when some of its
// checks (of weight above 0) apply to the site, so that its coverage counts
// in the result's.
func scoreCriterion(mc criteria.Criterion, in Input, texts map[string]*criteria.CheckText, roles map[string]criteria.Text) (c result.Criterion, applies bool) {
	c = result.Criterion{
		ID: mc.ID, Title: mc.Title, Why: mc.Why, Weight: mc.Weight, Mix: result.Mix(mc.Mix),
		Questions: []result.Question{}, Checks: []result.Check{},
	}
	// Questionnaire part.
	if in.Answers != nil {
		var sum, w float64
		counted := false
		for _, q := range mc.Questions {
			rq := result.Question{ID: q.ID, Weight: q.Weight, Text: q.Text, Tip: q.Tip, Who: roles[q.Who]}
			ans, ok := in.Answers.Answers[q.ID]
			opt := findOption(q, ans.Option)
			switch {
			case !ok || opt == nil:
				c.Unanswered = append(c.Unanswered, q.ID) // counts 0
				w += q.Weight
				counted = true
			case opt.Unknown:
				// "Don't know" counts 0, like no answer, but is recorded.
				rq.Answer, rq.Unknown, rq.AnswerText, rq.Comment = opt.ID, true, opt.Text, ans.Comment
				w += q.Weight
				counted = true
			case opt.NA:
				rq.Answer, rq.NA, rq.AnswerText, rq.Comment = opt.ID, true, opt.Text, ans.Comment
			default:
				s := opt.Score
				rq.Answer, rq.Score, rq.AnswerText, rq.Comment = opt.ID, &s, opt.Text, ans.Comment
				sum += q.Weight * s
				w += q.Weight
				counted = true
			}
			c.Questions = append(c.Questions, rq)
		}
		if counted && w > 0 {
			c.QuestionnaireScore = ptr(round(100*sum/w, 1))
		} else if counted {
			c.QuestionnaireScore = ptr(0)
		}
	} else {
		for _, q := range mc.Questions {
			c.Questions = append(c.Questions, result.Question{ID: q.ID, Weight: q.Weight, Text: q.Text, Tip: q.Tip, Who: roles[q.Who]})
		}
	}
	// Automated part. Coverage is the weight of the checks with a score
	// over the weight of the checks that apply: a check inapplicable on
	// every page does not lower it.
	var sum, w, applyW float64
	for _, ref := range mc.Checks {
		chk := checkResult(ref, in, texts[ref.ID])
		if chk.Score != nil {
			sum += ref.Weight * *chk.Score
			w += ref.Weight
		}
		if checkApplies(chk) {
			applyW += ref.Weight
		}
		c.Checks = append(c.Checks, chk)
	}
	if w > 0 {
		c.AutomatedScore = ptr(round(100*sum/w, 1))
	}
	c.Coverage = 1
	if applyW > 0 {
		c.Coverage = round(w/applyW, 3)
	}
	// Combined.
	q, a := c.QuestionnaireScore, c.AutomatedScore
	switch {
	case q != nil && a != nil && mc.Mix.Questionnaire+mc.Mix.Automated > 0:
		c.Score = ptr(round((mc.Mix.Questionnaire**q+mc.Mix.Automated**a)/(mc.Mix.Questionnaire+mc.Mix.Automated), 1))
	case q != nil:
		c.Score = ptr(*q)
	case a != nil:
		c.Score = ptr(*a)
	}
	return c, applyW > 0
}

// checkApplies reports whether a check applies to the site: it does unless
// it was inapplicable on every page. A check with no outcome at all (no
// page could be checked) may apply: it was not evaluated.
func checkApplies(c result.Check) bool {
	return len(c.Outcomes) == 0 || c.Counts[string(checks.Inapplicable)] < len(c.Outcomes)
}

func findOption(q criteria.Question, id string) *criteria.Option {
	for i := range q.Options {
		if q.Options[i].ID == id {
			return &q.Options[i]
		}
	}
	return nil
}

func checkResult(ref criteria.CheckRef, in Input, t *criteria.CheckText) result.Check {
	c := result.Check{ID: ref.ID, Weight: ref.Weight, Counts: map[string]int{}, Outcomes: []result.Outcome{}, WCAG: []string{}, ACTRules: []string{}}
	if t != nil {
		c.Title, c.Problem, c.Description, c.Tip, c.Review = t.Title, t.Problem, t.Description, t.Tip, t.Review
	}
	if in.Registry != nil {
		if def := in.Registry.Get(ref.ID); def != nil {
			c.SiteWide = def.SiteWide()
			c.WCAG = append(c.WCAG, def.WCAG...)
			c.ACTRules = append(c.ACTRules, def.ACT...)
		}
	}
	var outs []result.Outcome
	if in.Outcomes == nil && in.Saved != nil {
		outs = unreviewed(ref.ID, in.Saved[ref.ID])
	} else {
		outs = rendered(ref.ID, in.Outcomes[ref.ID], t)
	}
	review, reviewed := criteria.Answer{}, false
	if in.Answers != nil {
		review, reviewed = in.Answers.Reviews[ref.ID]
	}
	if reviewed {
		c.ReviewAnswer, c.ReviewComment = review.Option, review.Comment
	}
	pass, fail := 0, 0
	for _, o := range outs {
		if o.Outcome == string(checks.NeedsReview) && reviewed {
			// The team answered the check's review question: its verdict
			// counts like any other outcome.
			o.Outcome, o.Reviewed = review.Option, true
		}
		c.Counts[o.Outcome]++
		switch checks.Outcome(o.Outcome) {
		case checks.Pass:
			pass++
		case checks.Fail:
			fail++
		}
		c.Outcomes = append(c.Outcomes, o)
	}
	if pass+fail > 0 {
		c.Score = ptr(round(float64(pass)/float64(pass+fail), 4))
	}
	return c
}

// rendered turns a check's outcomes into the result's, sorted by URL, as
// they were measured (before any review answer): evidence capped at
// MaxEvidence, shortened, its message rendered in every language and
// fingerprinted.
func rendered(id string, raw []checks.PageOutcome, t *criteria.CheckText) []result.Outcome {
	raw = slices.Clone(raw)
	sort.SliceStable(raw, func(i, j int) bool { return raw[i].URL < raw[j].URL })
	out := make([]result.Outcome, 0, len(raw))
	for _, o := range raw {
		ro := result.Outcome{URL: o.URL, Outcome: string(o.Outcome)}
		for i, e := range o.Evidence {
			if i == MaxEvidence {
				ro.Omitted = len(o.Evidence) - MaxEvidence
				break
			}
			ev := result.Evidence{Selector: checks.Shorten(e.Selector, MaxSelector), Snippet: checks.Shorten(e.Snippet, checks.SnippetMax), Line: e.Line, Message: message(t, e)}
			if e.URL != o.URL {
				ev.URL = e.URL
			}
			ro.Evidence = append(ro.Evidence, ev)
		}
		fingerprintEvidence(id, &ro)
		out = append(out, ro)
	}
	return out
}

// unreviewed copies a saved result's outcomes of one check as they were
// measured: an outcome the team's review answer decided is needs_review
// again. Evidence without fingerprints (an older result) gets them.
func unreviewed(id string, saved []result.Outcome) []result.Outcome {
	out := make([]result.Outcome, 0, len(saved))
	for _, o := range saved {
		if o.Reviewed {
			o.Outcome, o.Reviewed = string(checks.NeedsReview), false
		}
		o.Evidence = slices.Clone(o.Evidence)
		if len(o.Evidence) > 0 && o.Evidence[0].Fingerprint == "" {
			fingerprintEvidence(id, &o)
		}
		out = append(out, o)
	}
	return out
}

// message renders the evidence's message template in every language.
func message(t *criteria.CheckText, e checks.Evidence) result.Text {
	if t == nil {
		return nil
	}
	key := e.Message
	if key == "" {
		key = "fail"
	}
	tmpl, ok := t.Messages[key]
	if !ok {
		tmpl, ok = t.Messages["fail"]
	}
	if !ok {
		tmpl = t.Title
	}
	out := result.Text{}
	for lang, s := range tmpl {
		out[lang] = i18n.Fill(s, localParams(lang, e.Params))
	}
	return out
}

// numberRE matches a parameter that is a number a check measured: "2.32",
// "4.5:1", "12%".
var numberRE = regexp.MustCompile(`^-?\d+(\.\d+)?(:1)?%?$`)

// localParams returns params with its numbers written with lang's decimal
// separator ("2,32:1" in nl and fr). Text quoted from the page is left as
// it is.
// Trailing zeros go: "4.50:1" is written "4,5:1", "7.00:1" "7:1".
func localParams(lang string, params map[string]string) map[string]string {
	if len(params) == 0 {
		return params
	}
	out := make(map[string]string, len(params))
	for k, v := range params {
		if numberRE.MatchString(v) {
			v = i18n.Numbers(lang, trailingZerosRE.ReplaceAllStringFunc(v, trimZeros))
		}
		out[k] = v
	}
	return out
}

// trailingZerosRE finds the needless zeros of a decimal: "4.50" → "4.5",
// "7.00" → "7".
var trailingZerosRE = regexp.MustCompile(`^-?\d+\.\d+`)

// trimZeros drops a decimal's trailing zeros, and its point when nothing
// is left after it.
func trimZeros(s string) string { return strings.TrimSuffix(strings.TrimRight(s, "0"), ".") }

func tipsFor(mc criteria.Criterion, c result.Criterion, texts map[string]*criteria.CheckText, answered bool) []result.Tip {
	var tips []result.Tip
	for i, q := range c.Questions {
		if q.NA || !answered {
			continue
		}
		score := 0.0 // unanswered counts 0
		if q.Score != nil {
			score = *q.Score
		}
		if score >= 1 || len(q.Tip) == 0 || q.Weight == 0 {
			continue
		}
		tips = append(tips, result.Tip{
			Criterion: mc.ID, Source: "question:" + q.ID,
			Impact: round(mc.Questions[i].Weight*(1-score), 3), Title: q.Text, Text: q.Tip,
		})
	}
	for _, chk := range c.Checks {
		if chk.Score == nil || *chk.Score >= 1 || chk.Weight == 0 || texts[chk.ID] == nil {
			continue
		}
		title := chk.Problem // a tip is for a check that failed: name the problem
		if len(title) == 0 {
			title = chk.Title
		}
		tips = append(tips, result.Tip{
			Criterion: mc.ID, Source: "check:" + chk.ID,
			Impact: round(chk.Weight*(1-*chk.Score), 3), Title: title, Text: chk.Tip,
		})
	}
	return tips
}

func levelOf(levels []criteria.Level, index float64) (string, result.Text) {
	for _, l := range levels {
		if index >= l.Min {
			return l.Level, l.Label
		}
	}
	if len(levels) > 0 {
		l := levels[len(levels)-1]
		return l.Level, l.Label
	}
	return "", nil
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func ptr(x float64) *float64 { return &x }

// resultLevels copies the model's level bands into the result.
func resultLevels(ls []criteria.Level) []result.Level {
	out := make([]result.Level, len(ls))
	for i, l := range ls {
		out[i] = result.Level{Level: l.Level, Min: l.Min, Label: l.Label}
	}
	return out
}
