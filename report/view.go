package report

import (
	"sort"
	"strconv"
	"strings"

	"github.com/didi-index/didi/result"
)

// maxExamples is how many failing elements a report shows per check.
const maxExamples = 5

// topTipCount is how many tips the summary shows.
const topTipCount = 5

// docView is everything one language of a report shows, as ready-made
// strings. The PDF, HTML and Markdown writers render it; none of them reads
// the Result directly, so they show the same content.
type docView struct {
	Lang, Tag, LangName string
	Title, Subtitle     string
	Organisation        string
	Product             string
	Assessor            string
	AssessmentDate      string
	Targets             []string
	Date                string
	Index               string
	IndexValue          float64
	Level               string
	LevelLabel          string
	Coverage            string
	ModeNote            string // "" for combined scores
	ModeLabel           string
	Criteria            []critView
	TopTips             []tipView
	Levels              []levelView
	Pages               []pageView
	NotEvaluated        []notEvalView
	Notes               []string
	Method              []string
	Facts               []fact
	CheckCount          int
	FailingChecks       int
	ReviewChecks        int
	UnansweredCount     int
	// ToFindOut lists the questions answered "don't know", with who
	// usually knows.
	ToFindOut []findOutView
	// Overrides lists, one sentence each, the checks switched off or made
	// warnings and the elements and pages ignored for this scan.
	Overrides []string
	// PagesLine says how many pages were scanned, failed (by reason),
	// skipped and not checked; PagesWarning is set when most pages failed.
	PagesLine    string
	PagesWarning string
	MadeWith     string
}

// critView is one criterion in one language.
type critView struct {
	Num                 int
	ID, Title, Why      string
	Score, Q, A         string
	ScoreValue          *float64
	QValue, AValue      *float64
	Coverage            string
	CoverageValue       float64
	Questions           []questionView
	Unanswered          []questionView
	Checks              []checkView
	Review              []reviewView
	Tips                []tipView
	FailingChecks       int
	HasQuestionnaire    bool
	HasAutomated        bool
	QuestionnaireWeight string
	AutomatedWeight     string
}

// questionView is one question with its answer.
type questionView struct {
	ID, Text, Answer, Score, Comment string
	Unanswered, NA, Unknown          bool
}

// findOutView is a question the team answered "don't know".
type findOutView struct {
	Criterion, Question, Who string
}

// checkView is one automated check's result.
type checkView struct {
	ID, Title, Description, WCAG, Result, Tip string
	Status                                    string // pass, fail, review, inapplicable, not_evaluated
	ScoreValue                                *float64
	Examples                                  []exampleView
	MoreExamples                              int
	MoreText                                  string
}

// exampleView is one failing or doubtful element.
type exampleView struct {
	Page, Selector, Snippet, Message string
}

// reviewView is a needs_review check turned into a question for the team.
type reviewView struct {
	CheckTitle, Question string
	Examples             []exampleView
	MoreText             string
}

// tipView is one tip.
type tipView struct {
	Criterion, CriterionID, Title, Text, Impact string
}

// levelView is one level band.
type levelView struct {
	Level, Label, Range string
	Current             bool
}

// pageView is one scanned page.
type pageView struct {
	URL, FinalURL, Status, Error string
	OK                           bool
}

// notEvalView is a check that gave no score, and why.
type notEvalView struct {
	Criterion, Title, Reason string
}

// fact is one label/value line of the method section.
type fact struct {
	Label, Value string
}

// buildView prepares one language of the report from r.
func buildView(r *result.Result, lang string) *docView {
	v := &docView{
		Lang:       lang,
		Tag:        htmlLang(lang),
		LangName:   tr(lang, "lang_name"),
		Title:      textOr(r.Model.Title, lang, tr(lang, "doc_title")),
		Subtitle:   tr(lang, "subtitle"),
		Targets:    targets(r),
		Date:       formatDate(lang, firstNonEmpty(r.Finished, r.Started)),
		Index:      formatNumber(lang, r.Index),
		IndexValue: r.Index,
		Level:      r.Level,
		LevelLabel: r.LevelLabel.In(lang),
		Coverage:   formatPercent(lang, r.Coverage),
		MadeWith:   tr(lang, "made_with", "tool", firstNonEmpty(r.Tool.Name, "didi"), "version", r.Tool.Version),
	}
	if a := r.Assessment; a != nil {
		v.Organisation, v.Product, v.Assessor = a.Organisation, a.Product, a.Assessor
		if a.Date != "" {
			v.AssessmentDate = formatDate(lang, a.Date)
		}
	}
	switch r.Mode {
	case "automated":
		v.ModeLabel, v.ModeNote = tr(lang, "automated_only"), tr(lang, "automated_only_note")
	case "questionnaire":
		v.ModeLabel, v.ModeNote = tr(lang, "questionnaire_only"), tr(lang, "questionnaire_only_note")
	}
	titles := map[string]string{}
	for i, c := range r.Criteria {
		cv := buildCriterion(r, &c, i+1, lang)
		titles[c.ID] = cv.Title
		v.Criteria = append(v.Criteria, cv)
		v.CheckCount += len(cv.Checks)
		v.FailingChecks += cv.FailingChecks
		v.ReviewChecks += len(cv.Review)
		v.UnansweredCount += len(cv.Unanswered)
		v.ToFindOut = append(v.ToFindOut, findOut(&c, cv.Title, lang)...)
		v.NotEvaluated = append(v.NotEvaluated, notEvaluated(&c, cv.Title, lang)...)
	}
	for i, t := range r.Tips {
		if i == topTipCount {
			break
		}
		v.TopTips = append(v.TopTips, buildTip(r, t, titles, lang))
	}
	v.Levels = levels(r, lang)
	v.Pages = pages(r, lang)
	if r.Interrupted {
		v.Notes = append(v.Notes, tr(lang, "interrupted"))
	}
	v.PagesLine, v.PagesWarning = pageCounts(r.Counts(), lang)
	v.Overrides = overrides(r, lang)
	for _, n := range r.Scan.Notes {
		v.Notes = append(v.Notes, n.In(lang))
	}
	if r.Scan.Insecure {
		v.Notes = append(v.Notes, tr(lang, "insecure"))
	}
	v.Method = method(r, lang)
	v.Facts = facts(r, lang)
	typesetView(v)
	return v
}

// overrides says, one sentence each, which checks were switched off or made
// warnings and which elements and pages were ignored.
func overrides(r *result.Result, lang string) []string {
	var out []string
	o := r.Overrides
	for _, c := range o.Checks {
		key := "override_off"
		if c.Level == result.LevelWarn {
			key = "override_warn"
		}
		out = append(out, tr(lang, key, "check", textOr(c.Title, lang, c.ID)+" ("+c.ID+")"))
	}
	if len(o.IgnoreSelectors) > 0 {
		out = append(out, trN(lang, "override_selectors", o.IgnoredElements, "selectors", strings.Join(o.IgnoreSelectors, ", ")))
	}
	if len(o.IgnoreURLs) > 0 {
		out = append(out, trN(lang, "override_urls", r.Counts().Ignored, "patterns", strings.Join(o.IgnoreURLs, ", ")))
	}
	return out
}

// findOut lists the questions of c answered "don't know".
func findOut(c *result.Criterion, title, lang string) []findOutView {
	var out []findOutView
	for _, q := range c.Questions {
		if q.Unknown {
			out = append(out, findOutView{Criterion: title, Question: textOr(q.Text, lang, q.ID), Who: textOr(q.Who, lang, "–")})
		}
	}
	return out
}

// pageCounts says how many pages were scanned, could not be scanned (and
// why) and were skipped, and warns when most pages failed.
func pageCounts(c result.PageCounts, lang string) (line, warning string) {
	parts := []string{trN(lang, "pages_ok", c.Scanned)}
	failed := trN(lang, "pages_failed", c.Failed)
	if c.Failed > 0 {
		reasons := make([]string, 0, len(c.FailedBy))
		for _, k := range sortedKeys(c.FailedBy) {
			reasons = append(reasons, reasonName(lang, k)+colon(lang)+" "+strconv.Itoa(c.FailedBy[k]))
		}
		failed += " (" + strings.Join(reasons, ", ") + ")"
	}
	parts = append(parts, failed, trN(lang, "pages_skipped", c.Skipped))
	if c.Ignored > 0 {
		parts = append(parts, trN(lang, "pages_ignored", c.Ignored))
	}
	line = strings.Join(parts, ", ") + "."
	if c.MostlyFailed() {
		warning = tr(lang, "pages_mostly_failed", "failed", strconv.Itoa(c.Failed), "planned", strconv.Itoa(c.Tried()))
	}
	return line, warning
}

// reasonName names a page failure reason ("http_404" → "HTTP 404").
func reasonName(lang, reason string) string {
	if code, ok := strings.CutPrefix(reason, "http_"); ok {
		return "HTTP " + code
	}
	return trOr(lang, "reason_"+reason, reason)
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// buildCriterion prepares one criterion.
func buildCriterion(r *result.Result, c *result.Criterion, num int, lang string) critView {
	cv := critView{
		Num: num, ID: c.ID, Title: textOr(c.Title, lang, c.ID), Why: c.Why.In(lang),
		Score: formatScore(lang, c.Score), ScoreValue: c.Score,
		Q: formatScore(lang, c.QuestionnaireScore), QValue: c.QuestionnaireScore,
		A: formatScore(lang, c.AutomatedScore), AValue: c.AutomatedScore,
		Coverage: formatPercent(lang, c.Coverage), CoverageValue: c.Coverage,
		HasQuestionnaire:    c.QuestionnaireScore != nil,
		HasAutomated:        c.AutomatedScore != nil,
		QuestionnaireWeight: formatPercent(lang, c.Mix.Questionnaire),
		AutomatedWeight:     formatPercent(lang, c.Mix.Automated),
	}
	unanswered := map[string]bool{}
	for _, id := range c.Unanswered {
		unanswered[id] = true
	}
	for _, q := range c.Questions {
		qv := questionView{ID: q.ID, Text: textOr(q.Text, lang, q.ID), Comment: markLang(r, q.Comment, lang), NA: q.NA, Unknown: q.Unknown}
		switch {
		case q.Answer == "" || unanswered[q.ID]:
			qv.Unanswered, qv.Answer = true, tr(lang, "unanswered")
			cv.Unanswered = append(cv.Unanswered, qv)
			continue
		case q.NA:
			qv.Answer = textOr(q.AnswerText, lang, tr(lang, "not_applicable"))
			qv.Score = "–"
		case q.Unknown:
			qv.Answer = textOr(q.AnswerText, lang, tr(lang, "dont_know"))
			qv.Score = formatNumber(lang, 0)
		default:
			qv.Answer = textOr(q.AnswerText, lang, q.Answer)
			qv.Score = shareScore(lang, q.Score)
		}
		cv.Questions = append(cv.Questions, qv)
	}
	for _, ch := range c.Checks {
		chv := buildCheck(&ch, lang)
		if chv.Status == "fail" && ch.Weight > 0 { // weight 0 (AAA) is advice, not a failure
			cv.FailingChecks++
		}
		if rv, ok := buildReview(&ch, chv.Title, lang); ok {
			cv.Review = append(cv.Review, rv)
		}
		cv.Checks = append(cv.Checks, chv)
	}
	for _, t := range r.Tips {
		if t.Criterion == c.ID {
			cv.Tips = append(cv.Tips, buildTip(r, t, map[string]string{c.ID: cv.Title}, lang))
		}
	}
	return cv
}

// markLang marks a team comment written in another language than the
// report with that language: "(nl) ...".
func markLang(r *result.Result, comment, lang string) string {
	if comment == "" || r.Assessment == nil || r.Assessment.Language == "" || r.Assessment.Language == lang {
		return comment
	}
	return "(" + r.Assessment.Language + ") " + comment
}

// shareScore formats a 0–1 answer or check score on the 0–100 scale.
func shareScore(lang string, s *float64) string {
	if s == nil {
		return "–"
	}
	return formatNumber(lang, *s*100)
}

// buildCheck prepares one check: its status, result line and examples.
func buildCheck(ch *result.Check, lang string) checkView {
	cv := checkView{
		ID: ch.ID, Title: textOr(ch.Title, lang, ch.ID), Description: ch.Description.In(lang),
		WCAG: strings.Join(ch.WCAG, ", "), Tip: ch.Tip.In(lang), ScoreValue: ch.Score,
	}
	pass, fail := count(ch, "pass"), count(ch, "fail")
	cv.Status = checkStatus(ch, pass, fail)
	if cv.Status == "fail" {
		// A failed check is headed by its problem, not by its goal.
		cv.Title = textOr(ch.Problem, lang, cv.Title)
	}
	switch {
	case cv.Status == "not_evaluated":
		cv.Result = tr(lang, "check_not_run")
	case cv.Status == "inapplicable":
		cv.Result = tr(lang, "check_inapplicable")
	case pass+fail == 0:
		cv.Result = tr(lang, "check_review_only")
	case ch.SiteWide || pass+fail == 1:
		cv.Result = tr(lang, map[bool]string{true: "site_fail", false: "site_pass"}[fail > 0])
	case fail > 0:
		cv.Result = trN(lang, "pages_fail", fail, "total", strconv.Itoa(pass+fail))
	default:
		cv.Result = trN(lang, "pages_pass", pass, "total", strconv.Itoa(pass+fail))
	}
	cv.Examples, cv.MoreExamples = examples(ch, "fail", lang)
	if cv.MoreExamples > 0 {
		cv.MoreText = trN(lang, "more_examples", cv.MoreExamples)
	}
	return cv
}

// checkStatus sums a check up in one word.
func checkStatus(ch *result.Check, pass, fail int) string {
	switch {
	case fail > 0:
		return "fail"
	case pass > 0:
		return "pass"
	case count(ch, "needs_review") > 0:
		return "review"
	case count(ch, "not_evaluated") > 0:
		return "not_evaluated"
	}
	return "inapplicable"
}

// count returns the number of pages with outcome o, from Counts or, when
// Counts is missing, from the outcomes themselves.
func count(ch *result.Check, o string) int {
	if ch.Counts != nil {
		return ch.Counts[o]
	}
	n := 0
	for _, oc := range ch.Outcomes {
		if oc.Outcome == o {
			n++
		}
	}
	return n
}

// examples returns up to maxExamples elements of the outcomes o, and how
// many more there are. A page without evidence counts as one example.
func examples(ch *result.Check, o, lang string) ([]exampleView, int) {
	var out []exampleView
	total := 0
	for _, oc := range ch.Outcomes {
		if oc.Outcome != o {
			continue
		}
		if len(oc.Evidence) == 0 {
			total++
			if len(out) < maxExamples {
				out = append(out, exampleView{Page: oc.URL})
			}
			continue
		}
		for _, e := range oc.Evidence {
			total++
			if len(out) < maxExamples {
				out = append(out, exampleView{Page: oc.URL, Selector: e.Selector, Snippet: e.Snippet, Message: e.Message.In(lang)})
			}
		}
	}
	return out, total - len(out)
}

// buildReview turns a check's needs_review outcomes into a question.
func buildReview(ch *result.Check, title, lang string) (reviewView, bool) {
	if count(ch, "needs_review") == 0 && !hasOutcome(ch, "needs_review") {
		return reviewView{}, false
	}
	ex, more := examples(ch, "needs_review", lang)
	rv := reviewView{CheckTitle: title, Question: textOr(ch.Review, lang, ch.Description.In(lang)), Examples: ex}
	if more > 0 {
		rv.MoreText = trN(lang, "more_examples", more)
	}
	return rv, true
}

// hasOutcome reports whether any page has outcome o.
func hasOutcome(ch *result.Check, o string) bool {
	for _, oc := range ch.Outcomes {
		if oc.Outcome == o {
			return true
		}
	}
	return false
}

// notEvaluated lists the checks of c that gave no score, with the reason.
func notEvaluated(c *result.Criterion, title, lang string) []notEvalView {
	var out []notEvalView
	for _, ch := range c.Checks {
		if ch.Score != nil {
			continue
		}
		pass, fail := count(&ch, "pass"), count(&ch, "fail")
		status := checkStatus(&ch, pass, fail)
		if status != "not_evaluated" && status != "inapplicable" {
			continue
		}
		reason := tr(lang, "reason_inapplicable")
		if status == "not_evaluated" {
			reason = notRunReason(&ch, lang)
		}
		out = append(out, notEvalView{Criterion: title, Title: textOr(ch.Title, lang, ch.ID), Reason: reason})
	}
	return out
}

// notRunReason is the message a not_evaluated outcome carries, or a generic
// reason.
func notRunReason(ch *result.Check, lang string) string {
	for _, oc := range ch.Outcomes {
		if oc.Outcome != "not_evaluated" {
			continue
		}
		for _, e := range oc.Evidence {
			if m := e.Message.In(lang); m != "" {
				return m
			}
		}
	}
	return tr(lang, "reason_not_run")
}

// buildTip prepares one tip; titles maps criterion ids to titles. A tip
// for a check is headed by the check's problem title: it is there because
// the check failed.
func buildTip(r *result.Result, t result.Tip, titles map[string]string, lang string) tipView {
	title := t.Title.In(lang)
	if id, ok := strings.CutPrefix(t.Source, "check:"); ok {
		if ch := findCheck(r, id); ch != nil && len(ch.Problem) > 0 {
			title = ch.Problem.In(lang)
		}
	}
	return tipView{
		Criterion: firstNonEmpty(titles[t.Criterion], t.Criterion), CriterionID: t.Criterion,
		Title: title, Text: t.Text.In(lang), Impact: formatNumber(lang, t.Impact),
	}
}

// findCheck returns the check id of r, or nil.
func findCheck(r *result.Result, id string) *result.Check {
	for i := range r.Criteria {
		for j := range r.Criteria[i].Checks {
			if r.Criteria[i].Checks[j].ID == id {
				return &r.Criteria[i].Checks[j]
			}
		}
	}
	return nil
}

// levels lists the level bands, highest first, marking the current one.
func levels(r *result.Result, lang string) []levelView {
	ls := append([]scoringLevel(nil), toLevels(r)...)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].min > ls[j].min })
	var out []levelView
	for i, l := range ls {
		rng := "≥ " + formatBound(lang, l.min)
		if l.min <= 0 && i > 0 {
			rng = "< " + formatBound(lang, ls[i-1].min)
		}
		out = append(out, levelView{Level: l.level, Label: l.label.In(lang), Range: rng, Current: l.level == r.Level})
	}
	return out
}

// scoringLevel is a level band, sortable.
type scoringLevel struct {
	level string
	min   float64
	label result.Text
}

// toLevels copies the Result's level bands.
func toLevels(r *result.Result) []scoringLevel {
	out := make([]scoringLevel, 0, len(r.Levels))
	for _, l := range r.Levels {
		out = append(out, scoringLevel{level: l.Level, min: l.Min, label: l.Label})
	}
	return out
}

// pages lists the scanned pages.
func pages(r *result.Result, lang string) []pageView {
	out := make([]pageView, 0, len(r.Pages))
	for _, p := range r.Pages {
		pv := pageView{URL: p.URL, Error: p.Error, OK: p.Error == "" && p.Status >= 200 && p.Status < 400}
		if p.FinalURL != "" && p.FinalURL != p.URL {
			pv.FinalURL = p.FinalURL
		}
		if p.Status > 0 {
			pv.Status = strconv.Itoa(p.Status)
		} else {
			pv.Status = "–"
		}
		switch {
		case p.Ignored:
			pv.Error = tr(lang, "page_ignored")
		case p.Error != "":
			pv.Error = tr(lang, "page_error") + colon(lang) + " " + PageError(lang, p)
		}
		out = append(out, pv)
	}
	return out
}

// PageError is why page p could not be scanned, in lang: the text of its
// error code with its parameters filled in, or the English error when the
// code is unknown (an older result.json, or "other").
func PageError(lang string, p result.Page) string {
	texts, ok := chrome["page_error_"+p.ErrorCode]
	if p.ErrorCode == "" || !ok {
		return p.Error
	}
	s, ok := texts[lang]
	if !ok {
		s = texts["en"]
	}
	for k, v := range p.ErrorParams {
		s = strings.ReplaceAll(s, "{"+k+"}", v)
	}
	return s
}

// method returns the paragraphs that explain how the scores are computed.
func method(r *result.Result, lang string) []string {
	out := []string{tr(lang, "method_1"), tr(lang, "method_2"), tr(lang, "method_3"), tr(lang, "method_4")}
	if s := levelsSentence(r, lang); s != "" {
		out = append(out, s)
	}
	return append(out, tr(lang, "method_5"), tr(lang, "method_6"))
}

// levelsSentence says where each level starts, from the Result's bands.
func levelsSentence(r *result.Result, lang string) string {
	ls := toLevels(r)
	if len(ls) == 0 {
		return ""
	}
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].min > ls[j].min })
	parts := make([]string, 0, len(ls))
	for _, l := range ls {
		if l.min <= 0 {
			parts = append(parts, tr(lang, "level_below", "level", l.level))
			continue
		}
		parts = append(parts, tr(lang, "level_from", "level", l.level, "min", formatBound(lang, l.min)))
	}
	return tr(lang, "levels_sentence", "levels", strings.Join(parts, ", "))
}

// facts lists the model, tool and scan details of the method section.
func facts(r *result.Result, lang string) []fact {
	browser := r.Scan.Browser
	if browser == "" {
		browser = tr(lang, "no_browser")
	}
	period := formatPeriod(lang, r.Started, r.Finished)
	return []fact{
		{tr(lang, "model"), joinNonEmpty(" — ", r.Model.ID, r.Model.Title.In(lang))},
		{tr(lang, "model_version"), r.Model.Version},
		{tr(lang, "model_hash"), r.Model.SHA256},
		{tr(lang, "tool"), strings.TrimSpace(firstNonEmpty(r.Tool.Name, "didi") + " " + r.Tool.Version)},
		{tr(lang, "browser"), browser},
		{tr(lang, "scan_period"), period},
	}
}

// targets lists the start URLs.
func targets(r *result.Result) []string {
	if len(r.Targets) > 0 {
		return r.Targets
	}
	if r.Target != "" {
		return []string{r.Target}
	}
	return nil
}

// textOr returns t in lang, or def when empty.
func textOr(t result.Text, lang, def string) string {
	if s := t.In(lang); s != "" {
		return s
	}
	return def
}

// firstNonEmpty returns the first non-empty string.
func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// joinNonEmpty joins the non-empty strings with sep.
func joinNonEmpty(sep string, ss ...string) string {
	var parts []string
	for _, s := range ss {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep)
}
