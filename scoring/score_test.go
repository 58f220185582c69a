package scoring

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/didi-index/didi/result"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
)

func txt(s string) criteria.Text { return criteria.Text{"nl": s, "fr": s, "en": s} }

var scale = []criteria.Option{
	{ID: "yes", Score: 1, Text: txt("yes")},
	{ID: "partly", Score: 0.5, Text: txt("partly")},
	{ID: "no", Score: 0, Text: txt("no")},
	{ID: "na", NA: true, Text: txt("n/a")},
}

// testModel has two criteria: "a" (two questions, checks c1 w2 and c2 w1)
// and "b" (one question, check c3), weights 1 and 3.
func testModel() *criteria.Model {
	return &criteria.Model{
		ID: "t", Version: "1", Languages: []string{"nl", "fr", "en"},
		Levels: []criteria.Level{{Level: "A", Min: 85}, {Level: "B", Min: 70}, {Level: "C", Min: 55}, {Level: "D", Min: 40}, {Level: "E", Min: 0}},
		Criteria: []criteria.Criterion{
			{ID: "a", Weight: 1, Mix: criteria.Mix{Questionnaire: 0.5, Automated: 0.5}, Title: txt("A"),
				Questions: []criteria.Question{
					{ID: "a.one", Weight: 1, Text: txt("q1"), Tip: txt("tip1"), Options: scale},
					{ID: "a.two", Weight: 3, Text: txt("q2"), Tip: txt("tip2"), Options: scale},
				},
				Checks: []criteria.CheckRef{{ID: "c1", Weight: 2}, {ID: "c2", Weight: 1}}},
			{ID: "b", Weight: 3, Mix: criteria.Mix{Questionnaire: 0.8, Automated: 0.2}, Title: txt("B"),
				Questions: []criteria.Question{{ID: "b.one", Weight: 1, Text: txt("q3"), Tip: txt("tip3"), Options: scale}},
				Checks:    []criteria.CheckRef{{ID: "c3", Weight: 1}}},
		},
		Checks: []criteria.CheckText{
			{ID: "c1", Title: txt("c1"), Tip: txt("fix c1"), Messages: map[string]criteria.Text{"fail": {"nl": "{n} te weinig", "fr": "{n} trop peu", "en": "{n} too few"}}},
			{ID: "c2", Title: txt("c2"), Tip: txt("fix c2")},
			{ID: "c3", Title: txt("c3"), Tip: txt("fix c3")},
		},
	}
}

func outcomes(list ...string) []checks.PageOutcome {
	var out []checks.PageOutcome
	for i, o := range list {
		out = append(out, checks.PageOutcome{URL: fmt.Sprintf("https://x.be/%d", i), Result: checks.Result{Outcome: checks.Outcome(o)}})
	}
	return out
}

func answers(kv ...string) *criteria.Answers {
	a := &criteria.Answers{Model: "t", Answers: map[string]criteria.Answer{}}
	for i := 0; i+1 < len(kv); i += 2 {
		a.Answers[kv[i]] = criteria.Answer{Option: kv[i+1]}
	}
	return a
}

func TestScoreTable(t *testing.T) {
	tests := []struct {
		name        string
		answers     *criteria.Answers
		outcomes    map[string][]checks.PageOutcome
		wantA       *float64 // criterion a score
		wantAQ      *float64
		wantAAuto   *float64
		wantIndex   float64
		wantLevel   string
		wantCovA    float64
		wantMode    string
		wantUnanswA []string
	}{
		{
			name:    "automated only",
			answers: nil,
			outcomes: map[string][]checks.PageOutcome{
				"c1": outcomes("pass", "fail", "pass", "pass"), // 0.75
				"c2": outcomes("fail"),                         // 0
				"c3": outcomes("pass"),                         // 1
			},
			wantA: ptr(50), wantAAuto: ptr(50), wantIndex: 87.5, wantLevel: "A", wantCovA: 1, wantMode: "automated",
		},
		{
			name:    "needs review and inapplicable are left out",
			answers: nil,
			outcomes: map[string][]checks.PageOutcome{
				"c1": outcomes("pass", "needs_review", "inapplicable"), // 1
				"c2": outcomes("not_evaluated"),                        // left out
				"c3": outcomes("inapplicable"),                         // left out
			},
			wantA: ptr(100), wantAAuto: ptr(100), wantIndex: 100, wantLevel: "A", wantCovA: 0.667, wantMode: "automated",
		},
		{
			name:    "a check inapplicable everywhere does not lower coverage",
			answers: nil,
			outcomes: map[string][]checks.PageOutcome{
				"c1": outcomes("pass", "inapplicable"), // 1
				"c2": outcomes("inapplicable", "inapplicable"),
				"c3": outcomes("pass"),
			},
			wantA: ptr(100), wantAAuto: ptr(100), wantIndex: 100, wantLevel: "A", wantCovA: 1, wantMode: "automated",
		},
		{
			name:    "a check that only asks for review lowers coverage",
			answers: nil,
			outcomes: map[string][]checks.PageOutcome{
				"c1": outcomes("pass"),
				"c2": outcomes("needs_review", "inapplicable"),
				"c3": outcomes("pass"),
			},
			wantA: ptr(100), wantAAuto: ptr(100), wantIndex: 100, wantLevel: "A", wantCovA: 0.667, wantMode: "automated",
		},
		{
			name:    "no check applies: nothing was missed",
			answers: nil,
			outcomes: map[string][]checks.PageOutcome{
				"c1": outcomes("inapplicable"), "c2": outcomes("inapplicable"), "c3": outcomes("pass"),
			},
			wantIndex: 100, wantLevel: "A", wantCovA: 1, wantMode: "automated",
		},
		{
			name:    "combined with unanswered and na",
			answers: answers("a.one", "partly", "b.one", "na"),
			outcomes: map[string][]checks.PageOutcome{
				"c1": outcomes("fail"), "c2": outcomes("fail"), "c3": outcomes("fail"),
			},
			// a: questionnaire (1*0.5 + 3*0)/4 = 12.5; automated 0 → 6.3 (rounded mix of 12.5 and 0)
			// b: questionnaire absent (only NA) → automated 0
			wantA: ptr(6.3), wantAQ: ptr(12.5), wantAAuto: ptr(0), wantIndex: 1.6, wantLevel: "E", wantCovA: 1,
			wantMode: "combined", wantUnanswA: []string{"a.two"},
		},
		{
			name:     "questionnaire only",
			answers:  answers("a.one", "yes", "a.two", "yes", "b.one", "no"),
			outcomes: nil,
			wantA:    ptr(100), wantAQ: ptr(100), wantIndex: 25, wantLevel: "E", wantMode: "questionnaire",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(Input{Model: testModel(), Answers: tt.answers, Outcomes: tt.outcomes})
			a := r.Criteria[0]
			assert.Equal(t, tt.wantA, a.Score, "score")
			assert.Equal(t, tt.wantAQ, a.QuestionnaireScore, "questionnaire")
			assert.Equal(t, tt.wantAAuto, a.AutomatedScore, "automated")
			assert.Equal(t, tt.wantIndex, r.Index, "index")
			assert.Equal(t, tt.wantLevel, r.Level)
			assert.Equal(t, tt.wantCovA, a.Coverage, "coverage")
			assert.Equal(t, tt.wantMode, r.Mode)
			assert.ElementsMatch(t, tt.wantUnanswA, a.Unanswered)
		})
	}
}

func TestTipsRankedByImpact(t *testing.T) {
	r := Score(Input{Model: testModel(), Answers: answers("a.one", "no", "a.two", "partly", "b.one", "yes"),
		Outcomes: map[string][]checks.PageOutcome{"c1": outcomes("fail", "pass"), "c2": outcomes("pass"), "c3": outcomes("fail")}})
	var got []string
	for _, tip := range r.Tips {
		got = append(got, fmt.Sprintf("%s %.2f", tip.Source, tip.Impact))
	}
	// a.two: 3*(1-0.5)=1.5; a.one: 1; c3: 1; c1: 2*0.5=1
	assert.Equal(t, []string{"question:a.two 1.50", "check:c1 1.00", "check:c3 1.00", "question:a.one 1.00"}, got)
}

func TestEvidenceMessagesInEveryLanguage(t *testing.T) {
	o := outcomes("fail")
	o[0].Evidence = []checks.Evidence{{Selector: "img", Params: map[string]string{"n": "3"}}}
	r := Score(Input{Model: testModel(), Outcomes: map[string][]checks.PageOutcome{"c1": o}})
	ev := r.Criteria[0].Checks[0].Outcomes[0].Evidence[0]
	assert.Equal(t, criteria.Text{"nl": "3 te weinig", "fr": "3 trop peu", "en": "3 too few"}, ev.Message)
}

// TestEvidenceIsCapped: a hostile page's 200 kB id or snippet does not
// reach the result (nor JSON, SARIF or JUnit) whole.
func TestEvidenceIsCapped(t *testing.T) {
	o := outcomes("fail")
	huge := strings.Repeat("x", 200_000)
	o[0].Evidence = []checks.Evidence{{Selector: "#" + huge, Snippet: "<p id=" + huge + ">"}}
	r := Score(Input{Model: testModel(), Outcomes: map[string][]checks.PageOutcome{"c1": o}})
	ev := r.Criteria[0].Checks[0].Outcomes[0].Evidence[0]
	assert.LessOrEqual(t, len([]rune(ev.Selector)), MaxSelector)
	assert.LessOrEqual(t, len([]rune(ev.Snippet)), checks.SnippetMax)
}

// randomInput draws answers and outcomes for the test model.
func randomInput(rng *rand.Rand) Input {
	opts := []string{"yes", "partly", "no", "na", ""}
	a := answers()
	for _, q := range []string{"a.one", "a.two", "b.one"} {
		if o := opts[rng.Intn(len(opts))]; o != "" {
			a.Answers[q] = criteria.Answer{Option: o}
		}
	}
	kinds := []string{"pass", "fail", "inapplicable", "needs_review", "not_evaluated"}
	outs := map[string][]checks.PageOutcome{}
	for _, c := range []string{"c1", "c2", "c3"} {
		n := rng.Intn(5)
		var list []string
		for i := 0; i < n; i++ {
			list = append(list, kinds[rng.Intn(len(kinds))])
		}
		outs[c] = outcomes(list...)
	}
	if rng.Intn(4) == 0 {
		a = nil
	}
	return Input{Model: testModel(), Answers: a, Outcomes: outs}
}

// scores lists every score of a result, nil as -1.
func scores(r *result.Result) []float64 {
	v := func(p *float64) float64 {
		if p == nil {
			return -1
		}
		return *p
	}
	out := []float64{r.Index}
	for _, c := range r.Criteria {
		out = append(out, v(c.Score), v(c.QuestionnaireScore), v(c.AutomatedScore))
	}
	return out
}

func assertNotLower(t *testing.T, before, after []float64, what string) {
	t.Helper()
	for i := range before {
		if before[i] >= 0 && after[i] >= 0 && after[i] < before[i]-1e-9 {
			t.Fatalf("%s lowered score %d from %v to %v", what, i, before, after)
		}
	}
}

func TestPropertyRaisingAnAnswerNeverLowers(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	order := map[string]int{"no": 0, "partly": 1, "yes": 2}
	up := map[string]string{"no": "partly", "partly": "yes"}
	for i := 0; i < 2000; i++ {
		in := randomInput(rng)
		if in.Answers == nil {
			continue
		}
		before := scores(Score(in))
		for q, ans := range in.Answers.Answers {
			next, ok := up[ans.Option]
			if !ok || order[next] <= order[ans.Option] {
				continue
			}
			raised := *in.Answers
			raised.Answers = map[string]criteria.Answer{}
			for k, v := range in.Answers.Answers {
				raised.Answers[k] = v
			}
			raised.Answers[q] = criteria.Answer{Option: next}
			in2 := in
			in2.Answers = &raised
			assertNotLower(t, before, scores(Score(in2)), "raising "+q)
		}
	}
}

func TestPropertyFailToPassNeverLowers(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 2000; i++ {
		in := randomInput(rng)
		before := scores(Score(in))
		for id, list := range in.Outcomes {
			for j, o := range list {
				if o.Outcome != checks.Fail {
					continue
				}
				changed := map[string][]checks.PageOutcome{}
				for k, v := range in.Outcomes {
					changed[k] = append([]checks.PageOutcome(nil), v...)
				}
				changed[id][j].Outcome = checks.Pass
				in2 := in
				in2.Outcomes = changed
				assertNotLower(t, before, scores(Score(in2)), "fail→pass on "+id)
			}
		}
	}
}

func TestPropertyNotApplicableChangesNoScore(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 1000; i++ {
		in := randomInput(rng)
		before := Score(in)
		// Adding an inapplicable page to a check never changes scores.
		changed := map[string][]checks.PageOutcome{}
		for k, v := range in.Outcomes {
			changed[k] = append(append([]checks.PageOutcome(nil), v...), checks.PageOutcome{URL: "https://x.be/na", Result: checks.Result{Outcome: checks.Inapplicable}})
		}
		in2 := in
		in2.Outcomes = changed
		assert.Equal(t, scores(before), scores(Score(in2)))
		// A check inapplicable everywhere lowers neither coverage nor the
		// score; one not evaluated lowers coverage only.
		only := map[string][]checks.PageOutcome{"c1": {{URL: "u", Result: checks.Result{Outcome: checks.Pass}}}, "c2": outcomes("inapplicable")}
		r := Score(Input{Model: testModel(), Outcomes: only})
		require.Equal(t, 100.0, *r.Criteria[0].AutomatedScore)
		require.Equal(t, 1.0, r.Criteria[0].Coverage)
		only["c2"] = outcomes("not_evaluated")
		r = Score(Input{Model: testModel(), Outcomes: only})
		require.Equal(t, 100.0, *r.Criteria[0].AutomatedScore)
		require.Less(t, r.Criteria[0].Coverage, 1.0)
	}
	// A "not applicable" answer is left out of the questionnaire score.
	r1 := Score(Input{Model: testModel(), Answers: answers("a.one", "yes", "a.two", "na")})
	assert.Equal(t, 100.0, *r1.Criteria[0].QuestionnaireScore)
}

func TestPropertyOrderDoesNotMatter(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for i := 0; i < 1000; i++ {
		in := randomInput(rng)
		b1, err := json.Marshal(Score(in))
		require.NoError(t, err)
		shuffled := map[string][]checks.PageOutcome{}
		for k, v := range in.Outcomes {
			s := append([]checks.PageOutcome(nil), v...)
			rng.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
			shuffled[k] = s
		}
		in.Outcomes = shuffled
		b2, err := json.Marshal(Score(in))
		require.NoError(t, err)
		require.Equal(t, string(b1), string(b2))
	}
}

// A check with weight 0 (good practice beyond the level aimed at) is shown
// but does not count: no effect on scores, no tip.
func TestZeroWeightCheckCountsForNothing(t *testing.T) {
	m := testModel()
	m.Criteria[0].Checks = append(m.Criteria[0].Checks, criteria.CheckRef{ID: "c3", Weight: 0})
	outs := map[string][]checks.PageOutcome{"c1": outcomes("pass"), "c2": outcomes("pass"), "c3": outcomes("fail")}
	r := Score(Input{Model: m, Outcomes: outs})
	require.NotNil(t, r.Criteria[0].AutomatedScore)
	assert.Equal(t, 100.0, *r.Criteria[0].AutomatedScore)
	assert.Equal(t, 1.0, r.Criteria[0].Coverage)
	for _, tip := range r.Tips {
		assert.NotEqual(t, "a", tip.Criterion, "zero-weight check gave a tip: %+v", tip)
	}
}

// The team's answer to a check's review question turns its needs_review
// outcomes into passes or failures, which then count like any other.
func TestReviewAnswersCount(t *testing.T) {
	outs := map[string][]checks.PageOutcome{"c1": outcomes("pass", "needs_review", "needs_review"), "c2": outcomes("pass"), "c3": outcomes("pass")}
	before := Score(Input{Model: testModel(), Outcomes: outs})
	assert.Equal(t, 1.0, *before.Criteria[0].Checks[0].Score)

	a := answers()
	a.Reviews = map[string]criteria.Answer{"c1": {Option: criteria.ReviewFail, Comment: "unreadable on the photo"}}
	after := Score(Input{Model: testModel(), Answers: a, Outcomes: outs})
	c1 := after.Criteria[0].Checks[0]
	assert.InDelta(t, 1.0/3, *c1.Score, 1e-3)
	assert.Equal(t, map[string]int{"pass": 1, "fail": 2}, c1.Counts)
	assert.Equal(t, "fail", c1.ReviewAnswer)
	assert.True(t, c1.Outcomes[1].Reviewed)

	a.Reviews["c1"] = criteria.Answer{Option: criteria.ReviewPass}
	assert.Equal(t, 1.0, *Score(Input{Model: testModel(), Answers: a, Outcomes: outs}).Criteria[0].Checks[0].Score)
}

// TestDefaultModelMatchesDeclarations loads the built-in model against
// every check's declaration: parameters, message keys, review questions.
func TestDefaultModelMatchesDeclarations(t *testing.T) {
	_, err := criteria.LoadDefault(Known(checks.Default()))
	require.NoError(t, err)
}

func TestLocalParams(t *testing.T) {
	in := map[string]string{"ratio": "2.32:1", "required": "4.50:1", "aaa": "7.00:1", "n": "100", "share": "40%", "text": "Versie 1.50 van de tekst"}
	tests := map[string]map[string]string{
		"nl": {"ratio": "2,32:1", "required": "4,5:1", "aaa": "7:1", "n": "100", "share": "40%", "text": "Versie 1.50 van de tekst"},
		"en": {"ratio": "2.32:1", "required": "4.5:1", "aaa": "7:1", "n": "100", "share": "40%", "text": "Versie 1.50 van de tekst"},
	}
	for lang, want := range tests {
		got := localParams(lang, in)
		for k, w := range want {
			if got[k] != w {
				t.Errorf("%s %s: got %q, want %q", lang, k, got[k], w)
			}
		}
	}
}
