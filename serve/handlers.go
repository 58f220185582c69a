package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/diag"
	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/i18n"
	"github.com/didi-index/didi/report"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"
)

func (s *Server) routes() {
	m := http.NewServeMux()
	m.Handle("GET /static/", staticFiles())
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("GET /privacy", s.simplePage("privacy", "nav.privacy", "privacy.p1", "privacy.p2", "privacy.p3"))
	m.HandleFunc("GET /about", s.simplePage("privacy", "nav.about", "about.p1", "about.p2"))
	m.HandleFunc("GET /lang/{lang}", s.setLang)
	m.HandleFunc("POST /evaluations", s.newEvaluation)
	m.HandleFunc("GET /e/{id}", s.evaluationPage)
	m.HandleFunc("GET /e/{id}/q/{crit}", s.questionPage)
	m.HandleFunc("POST /e/{id}/q/{crit}", s.saveQuestions)
	m.HandleFunc("GET /e/{id}/answers.yaml", s.downloadAnswers)
	m.HandleFunc("POST /e/{id}/answers", s.uploadAnswers)
	m.HandleFunc("POST /e/{id}/scan", s.startScan)
	m.HandleFunc("GET /e/{id}/s/{sid}", s.scanPage)
	m.HandleFunc("GET /e/{id}/s/{sid}/events", s.scanEvents)
	m.HandleFunc("POST /e/{id}/s/{sid}/review", s.saveReviews)
	m.HandleFunc("GET /e/{id}/s/{sid}/{file}", s.reportFile)
	m.HandleFunc("POST /class", s.newClass)
	m.HandleFunc("GET /join", s.joinPage)
	m.HandleFunc("POST /join", s.join)
	m.HandleFunc("GET /class/{secret}", s.classPage)
	m.HandleFunc("GET /class/{secret}/rows", s.classRows)
	m.HandleFunc("GET /class/{secret}/students.csv", s.classCSV)
	m.HandleFunc("GET /class/{secret}/qr.svg", s.classQR)
	m.HandleFunc("GET /class/{secret}/view", s.classView)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, t(s.lang(r), "err.notfound"))
	})
	s.mux = m
}

// view is what every page template gets.
type view struct {
	L, CSRF, Path, Title, Version, Operator string
	Langs                                   []langLink
	Data                                    any
}

type langLink struct {
	Code, Name, Href string
	Current          bool
}

var langNames = map[string]string{"nl": "Nederlands", "fr": "Français", "en": "English"}

func parseTemplates() (map[string]*template.Template, error) {
	funcs := template.FuncMap{
		"t":   t,
		"in":  func(tx i18n.Text, l string) string { return tx.In(l) },
		"num": formatScore,
		"pct": func(l string, f float64) string { return formatScore(l, ptrOf(f*100)) + " %" },
		"inc": func(i int) int { return i + 1 },
		"add": func(a, b int) int { return a + b },
	}
	names, err := templateFS.ReadDir("templates")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range names {
		name := strings.TrimSuffix(n.Name(), ".html")
		if name == "layout" || strings.HasPrefix(name, "_") {
			continue
		}
		tp, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/_*.html", "templates/"+n.Name())
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n.Name(), err)
		}
		out[name] = tp
	}
	return out, nil
}

func ptrOf(f float64) *float64 { return &f }

// formatScore writes a 0–100 score with one decimal and the language's
// decimal mark; "–" for none.
func formatScore(l string, v *float64) string {
	if v == nil {
		return "–"
	}
	s := strconv.FormatFloat(*v, 'f', 1, 64)
	if l != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// render executes page with data, or fails with a 500.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, page, title string, data any) {
	l := s.lang(r)
	v := view{L: l, CSRF: s.csrfToken(w, r), Path: r.URL.RequestURI(), Title: title, Version: s.cfg.Tool.Version, Operator: s.cfg.Operator, Data: data}
	for _, code := range i18n.Languages {
		v.Langs = append(v.Langs, langLink{Code: code, Name: langNames[code], Current: code == l,
			Href: "/lang/" + code + "?next=" + url.QueryEscape(r.URL.RequestURI())})
	}
	tp, name := s.pages[page], "layout.html"
	if page == "rows" { // the lecturer's table body alone
		tp, name = s.pages["class"], "rows"
	}
	var b bytes.Buffer
	if err := tp.ExecuteTemplate(&b, name, v); err != nil {
		log.Printf("didi serve: render %s: %v", page, err)
		http.Error(w, t(l, "err.internal"), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// fail shows an error page with msg.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if r.Header.Get("X-CSRF-Token") != "" { // a script: plain text
		http.Error(w, msg, status)
		return
	}
	s.render(w, r, status, "error", t(s.lang(r), "err.title"), msg)
}

func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		s.fail(w, r, http.StatusRequestEntityTooLarge, t(s.lang(r), "err.body", s.cfg.MaxBody>>10))
		return
	}
	if errors.Is(err, errNotFound) {
		s.fail(w, r, http.StatusNotFound, t(s.lang(r), "err.notfound"))
		return
	}
	log.Printf("didi serve: %s %s: %v", r.Method, r.URL.Path, err)
	s.fail(w, r, http.StatusInternalServerError, t(s.lang(r), "err.internal"))
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "home", t(s.lang(r), "home.title"), nil)
}

func (s *Server) simplePage(page, title string, paras ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.render(w, r, http.StatusOK, page, t(s.lang(r), title), paras)
	}
}

// setLang remembers the language in a cookie and goes back to next (a
// path on this server only).
func (s *Server) setLang(w http.ResponseWriter, r *http.Request) {
	l := r.PathValue("lang")
	if !supported(l) {
		s.fail(w, r, http.StatusNotFound, t(s.lang(r), "err.notfound"))
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieLang, Value: l, Path: "/", MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	next := r.URL.Query().Get("next")
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		next = "/"
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) newEvaluation(w http.ResponseWriter, r *http.Request) {
	e, err := s.store.createEvaluation(r.Context(), s.model.ID, "", "", 0)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	http.Redirect(w, r, "/e/"+e.ID, http.StatusSeeOther)
}

// critProgress is one criterion's line on the evaluation page.
type critProgress struct {
	ID, Title        string
	Answered, Total  int
	Complete, Active bool
}

func (s *Server) progressOf(e *evaluation, l string) ([]critProgress, int, int) {
	var out []critProgress
	done, all := 0, 0
	for _, c := range s.model.Criteria {
		p := critProgress{ID: c.ID, Title: c.Title.In(l), Total: len(c.Questions)}
		for _, q := range c.Questions {
			if a, ok := e.Answers.Answers[q.ID]; ok && a.Option != "" {
				p.Answered++
			}
		}
		p.Complete = p.Answered == p.Total
		done += p.Answered
		all += p.Total
		out = append(out, p)
	}
	return out, done, all
}

// scanLine is one scan in a list.
type scanLine struct {
	ID, URL, Status, Date, Index, Level string
}

func (s *Server) evaluationPage(w http.ResponseWriter, r *http.Request) {
	s.showEvaluation(w, r, http.StatusOK, "", nil)
}

// showEvaluation renders the evaluation page with a message or errors.
func (s *Server) showEvaluation(w http.ResponseWriter, r *http.Request, status int, msg string, problems []string) {
	l := s.lang(r)
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	crits, done, all := s.progressOf(e, l)
	rows, err := s.store.scans(r.Context(), e.ID)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	var lines []scanLine
	for _, sr := range rows {
		ln := scanLine{ID: sr.ID, URL: sr.URL, Status: s.statusText(l, sr), Date: shortDate(sr.Created)}
		if res, _ := s.resultOf(sr, e); res != nil {
			ln.Index, ln.Level = formatScore(l, &res.Index), res.Level
		}
		lines = append(lines, ln)
	}
	var class string
	if e.SessionID != "" {
		if ss, err := s.store.sessionBy(r.Context(), "id", e.SessionID); err == nil {
			class = t(l, "eval.class", orUntitled(l, ss.Title), e.Name)
		}
	}
	lastURL := ""
	if len(rows) > 0 {
		lastURL = rows[0].URL
	}
	data := map[string]any{
		"ID": e.ID, "Link": s.origin(r) + "/e/" + e.ID, "Class": class, "Crits": crits, "Done": done, "All": all,
		"Scans": lines, "Msg": msg, "Problems": problems, "LastURL": lastURL,
		"URLHelp": t(l, "field.url.help", s.cfg.MaxPages, int(s.cfg.ScanTimeout.Minutes()+0.5)),
	}
	s.render(w, r, status, "evaluation", t(l, "eval.title"), data)
}

func orUntitled(l, title string) string {
	if title == "" {
		return t(l, "class.untitled")
	}
	return title
}

func shortDate(rfc string) string {
	if len(rfc) >= 16 {
		return strings.Replace(rfc[:16], "T", " ", 1)
	}
	return rfc
}

// origin is the address the browser used to reach the server.
func (s *Server) origin(r *http.Request) string {
	return "http://" + r.Host
}

// statusText says where a scan is, in words.
func (s *Server) statusText(l string, sr *scanRow) string {
	if st, ok := s.scans.state(sr.ID); ok {
		if st.Status == statusQueued {
			return t(l, "status.queued") + ", " + t(l, "status.position", st.Position)
		}
		return t(l, "status.running") + " " + strconv.Itoa(st.Done) + "/" + strconv.Itoa(st.Planned)
	}
	return t(l, "status."+sr.Status)
}

// questionView is one question on a questionnaire page.
type questionView struct {
	ID, Text, Help string
	Options        []optionView
}

type optionView struct {
	ID, Text string
	NA       bool
	Checked  bool
}

func (s *Server) questionPage(w http.ResponseWriter, r *http.Request) {
	s.showQuestions(w, r, false)
}

func (s *Server) showQuestions(w http.ResponseWriter, r *http.Request, saved bool) {
	l := s.lang(r)
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	idx := -1
	for i, c := range s.model.Criteria {
		if c.ID == r.PathValue("crit") {
			idx = i
		}
	}
	if idx < 0 {
		s.internal(w, r, errNotFound)
		return
	}
	c := s.model.Criteria[idx]
	parts := questionParts(c.Questions)
	part := min(max(atoiOr(r.URL.Query().Get("part"), 1), 1), len(parts))
	var qs []questionView
	for _, q := range parts[part-1] {
		qv := questionView{ID: q.ID, Text: q.Text.In(l), Help: q.Help.In(l)}
		for _, o := range q.Options {
			qv.Options = append(qv.Options, optionView{ID: o.ID, Text: o.Text.In(l), NA: o.NA, Checked: e.Answers.Answers[q.ID].Option == o.ID})
		}
		qs = append(qs, qv)
	}
	crits, _, _ := s.progressOf(e, l)
	crits[idx].Active = true
	step := t(l, "qp.step", idx+1, len(s.model.Criteria))
	if len(parts) > 1 {
		step += " · " + t(l, "qp.part", part, len(parts))
	}
	data := map[string]any{"ID": e.ID, "Crit": c.ID, "Part": part, "Title": c.Title.In(l), "Why": c.Why.In(l), "Questions": qs,
		"First": questionsBefore(parts, part), "Step": step, "Crits": crits, "Saved": saved}
	switch {
	case part > 1:
		data["Prev"] = partRef(c.ID, part-1)
	case idx > 0:
		prev := s.model.Criteria[idx-1]
		data["Prev"] = partRef(prev.ID, len(questionParts(prev.Questions)))
	}
	switch {
	case part < len(parts):
		data["Next"] = partRef(c.ID, part+1)
	case idx+1 < len(s.model.Criteria):
		data["Next"] = s.model.Criteria[idx+1].ID
	}
	s.render(w, r, http.StatusOK, "questions", t(l, "qp.title", c.Title.In(l)), data)
}

// maxQuestionsPerPage bounds one page of the questionnaire: didi's own
// form-length check asks for forms of at most 10 fields, so a criterion
// with more questions is shown in parts of even size.
const maxQuestionsPerPage = 8

// questionParts splits a criterion's questions into parts of at most
// maxQuestionsPerPage, as even in size as possible.
func questionParts(qs []criteria.Question) [][]criteria.Question {
	n := max((len(qs)+maxQuestionsPerPage-1)/maxQuestionsPerPage, 1)
	size := (len(qs) + n - 1) / n
	var parts [][]criteria.Question
	for i := 0; i < len(qs); i += size {
		parts = append(parts, qs[i:min(i+size, len(qs))])
	}
	if len(parts) == 0 {
		parts = append(parts, nil)
	}
	return parts
}

// questionsBefore counts the questions on the parts before part, so that
// questions are numbered across the criterion.
func questionsBefore(parts [][]criteria.Question, part int) int {
	n := 0
	for _, p := range parts[:part-1] {
		n += len(p)
	}
	return n
}

// partRef names a part of a criterion's questions: "accessible" for the
// first, "accessible?part=2" for the next ones (a path below /q/).
func partRef(crit string, part int) string {
	if part <= 1 {
		return crit
	}
	return crit + "?part=" + strconv.Itoa(part)
}

// atoiOr parses s as a number, or gives def.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}

func (s *Server) saveQuestions(w http.ResponseWriter, r *http.Request) {
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	c := s.model.Criterion(r.PathValue("crit"))
	if c == nil {
		s.internal(w, r, errNotFound)
		return
	}
	for _, q := range c.Questions {
		v := r.PostFormValue(q.ID)
		if _, ok := q.Option(v); ok {
			a := e.Answers.Answers[q.ID]
			a.Option = v
			e.Answers.Answers[q.ID] = a
		}
	}
	if err := s.store.saveAnswers(r.Context(), e.ID, e.Answers); err != nil {
		s.internal(w, r, err)
		return
	}
	switch {
	case r.Header.Get("X-CSRF-Token") != "": // saved on change by the script
		w.WriteHeader(http.StatusNoContent)
	case r.PostFormValue("next") != "" && s.nextPart(r.PostFormValue("next")) != "":
		http.Redirect(w, r, "/e/"+e.ID+"/q/"+s.nextPart(r.PostFormValue("next")), http.StatusSeeOther)
	case r.PostFormValue("next") == "done":
		http.Redirect(w, r, "/e/"+e.ID, http.StatusSeeOther)
	default:
		http.Redirect(w, r, "/e/"+e.ID+"/q/"+partRef(c.ID, atoiOr(r.PostFormValue("part"), 1)), http.StatusSeeOther)
	}
}

// nextPart checks a "next" value of the questionnaire form ("simple" or
// "accessible?part=2") and returns it, or "" when it names no criterion.
func (s *Server) nextPart(next string) string {
	crit, part, hasPart := strings.Cut(next, "?part=")
	if s.model.Criterion(crit) == nil {
		return ""
	}
	if !hasPart {
		return crit
	}
	return partRef(crit, atoiOr(part, 1))
}

func (s *Server) downloadAnswers(w http.ResponseWriter, r *http.Request) {
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="answers.yaml"`)
	_, _ = w.Write(criteria.AnswersYAML(e.Answers, s.model, s.lang(r)))
}

func (s *Server) uploadAnswers(w http.ResponseWriter, r *http.Request) {
	l := s.lang(r)
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	f, _, err := r.FormFile("file")
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			s.internal(w, r, err)
			return
		}
		s.showEvaluation(w, r, http.StatusBadRequest, "", []string{t(l, "answers.none")})
		return
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	a, err := criteria.ParseAnswers("answers.yaml", b, s.model)
	if err != nil {
		var pos diag.Errors
		problems := []string{err.Error()}
		if errors.As(err, &pos) {
			problems = nil
			for _, p := range pos {
				problems = append(problems, p.Error())
			}
		}
		s.showEvaluation(w, r, http.StatusBadRequest, "", problems)
		return
	}
	if a.Answers == nil {
		a.Answers = map[string]criteria.Answer{}
	}
	a.Source = ""
	if err := s.store.saveAnswers(r.Context(), e.ID, a); err != nil {
		s.internal(w, r, err)
		return
	}
	s.showEvaluation(w, r, http.StatusOK, t(l, "answers.loaded"), nil)
}

// checkTarget says in words why a URL cannot be scanned, or "".
func (s *Server) checkTarget(ctx context.Context, l, raw string) (string, string) {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "://") && raw != "" {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
		return raw, t(l, "err.url")
	}
	guard := s.allowIP()
	if guard == nil {
		return u.String(), ""
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, u.Hostname())
	if err != nil || len(ips) == 0 {
		return raw, t(l, "err.resolve", u.Hostname())
	}
	for _, ip := range ips {
		if err := guard(ip.IP); err != nil {
			return raw, t(l, "err.private", "("+ip.IP.String()+")")
		}
	}
	return u.String(), ""
}

func (s *Server) startScan(w http.ResponseWriter, r *http.Request) {
	l := s.lang(r)
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return
	}
	target, problem := s.checkTarget(r.Context(), l, r.PostFormValue("url"))
	status := http.StatusBadRequest
	switch {
	case problem != "":
	case s.scans.busy(e.ID):
		problem, status = t(l, "err.busy"), http.StatusConflict
	case !s.rate.allow(clientOf(r)):
		problem, status = t(l, "err.rate", s.cfg.ScansPerMinute), http.StatusTooManyRequests
	}
	if problem != "" {
		s.showEvaluation(w, r, status, "", []string{problem})
		return
	}
	sr, err := s.store.createScan(r.Context(), e.ID, target)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if err := s.scans.add(sr.ID, e.ID, target); err != nil {
		_ = s.store.finishScan(sr.ID, statusFailed, "queue full", nil)
		s.showEvaluation(w, r, http.StatusServiceUnavailable, "", []string{t(l, "err.queue", s.cfg.MaxQueue)})
		return
	}
	http.Redirect(w, r, "/e/"+e.ID+"/s/"+sr.ID, http.StatusSeeOther)
}

// cached is a result scored with one version of the answers.
type cached struct {
	rev string
	res *result.Result
}

// resultCache keeps the last rescored result of each scan.
type resultCache struct {
	mu sync.Mutex
	m  map[string]cached
}

// resultOf is the scan's result scored with the evaluation's current
// answers (reviews included), or nil when the scan has none.
func (s *Server) resultOf(sr *scanRow, e *evaluation) (*result.Result, error) {
	if !sr.HasResult {
		return nil, nil
	}
	rev := sr.Finished + "|" + e.Updated
	s.results.mu.Lock()
	c, ok := s.results.m[sr.ID]
	s.results.mu.Unlock()
	if ok && c.rev == rev {
		return c.res, nil
	}
	if len(sr.Result) == 0 { // a row from a list: read the stored result
		full, err := s.store.scan(context.Background(), sr.ID)
		if err != nil {
			return nil, err
		}
		sr = full
	}
	res, err := result.Parse("result.json", sr.Result)
	if err != nil {
		return nil, fmt.Errorf("scan %s: %w", sr.ID, err)
	}
	// The team's answers as they are now re-score the scan. A scan made
	// with another model (didi was updated since) is shown as it was.
	if out, err := engine.FromResult(res, s.model, s.reg); err == nil {
		res = out.Rescore(answersOf(e))
	}
	s.results.mu.Lock()
	s.results.m[sr.ID] = cached{rev: rev, res: res}
	s.results.mu.Unlock()
	return res, nil
}

// answersOf is what the scoring gets: nil while nothing is answered (then
// the report says "automated checks only", as without an answers file).
func answersOf(e *evaluation) *criteria.Answers {
	if len(e.Answers.Answers) == 0 && len(e.Answers.Reviews) == 0 {
		return nil
	}
	return e.Answers
}

// reviewView is a needs_review check put to the team as a question.
type reviewView struct {
	ID, Title, Question, Answer string
}

func (s *Server) scanPage(w http.ResponseWriter, r *http.Request) {
	l := s.lang(r)
	e, sr, ok := s.scanOf(w, r)
	if !ok {
		return
	}
	data := map[string]any{"ID": e.ID, "Scan": sr.ID, "URL": sr.URL, "Status": sr.Status,
		"Events": "/e/" + e.ID + "/s/" + sr.ID + "/events"}
	if st, running := s.scans.state(sr.ID); running {
		data["Live"] = st
		data["Status"] = st.Status
	} else {
		switch {
		case sr.Status == statusInterrupted:
			data["Problem"] = t(l, "scan.interrupted")
		case sr.Error == "timeout" && sr.Status == statusFailed:
			data["Problem"] = t(l, "scan.failed") + " " + t(l, "scan.timeout")
		case sr.Error == "timeout":
			data["Note"] = t(l, "scan.timeout")
		case sr.Status == statusFailed:
			data["Problem"] = t(l, "scan.failed") + " " + sr.Error
		}
		res, err := s.resultOf(sr, e)
		if err != nil {
			s.internal(w, r, err)
			return
		}
		if res != nil {
			data["Res"] = res
			data["Reviews"] = reviews(res, l)
			if prev := s.previous(r.Context(), e, sr); prev != nil {
				d := scoring.Compare(prev, res)
				data["Diff"] = diffView(d, res, l)
			}
		}
	}
	s.render(w, r, http.StatusOK, "scan", t(l, "scan.title", sr.URL), data)
}

// scanOf loads the evaluation and scan of the request's path.
func (s *Server) scanOf(w http.ResponseWriter, r *http.Request) (*evaluation, *scanRow, bool) {
	e, err := s.store.evaluation(r.Context(), r.PathValue("id"))
	if err != nil {
		s.internal(w, r, err)
		return nil, nil, false
	}
	sr, err := s.store.scan(r.Context(), r.PathValue("sid"))
	if err == nil && sr.EvalID != e.ID {
		err = errNotFound
	}
	if err != nil {
		s.internal(w, r, err)
		return nil, nil, false
	}
	return e, sr, true
}

// previous is the result of the scan before sr, scored with the same
// answers, or nil.
func (s *Server) previous(ctx context.Context, e *evaluation, sr *scanRow) *result.Result {
	rows, err := s.store.scans(ctx, e.ID)
	if err != nil {
		return nil
	}
	for _, x := range rows {
		if x.Created < sr.Created && x.HasResult {
			res, _ := s.resultOf(x, e)
			return res
		}
	}
	return nil
}

func reviews(res *result.Result, l string) []reviewView {
	var out []reviewView
	for _, c := range res.Criteria {
		for _, ch := range c.Checks {
			needs := ch.ReviewAnswer != ""
			for _, o := range ch.Outcomes {
				needs = needs || o.Outcome == "needs_review"
			}
			if needs && len(ch.Review) > 0 {
				out = append(out, reviewView{ID: ch.ID, Title: ch.Title.In(l), Question: ch.Review.In(l), Answer: ch.ReviewAnswer})
			}
		}
	}
	return out
}

// diffLine is one criterion's change.
type diffLine struct{ Title, Base, Head, Delta string }

func diffView(d scoring.Diff, res *result.Result, l string) map[string]any {
	titles := map[string]string{}
	for _, c := range res.Criteria {
		for _, ch := range c.Checks {
			titles[ch.ID] = ch.Title.In(l)
		}
	}
	name := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, firstNonEmpty(titles[id], id))
		}
		return out
	}
	var lines []diffLine
	for _, c := range d.Criteria {
		lines = append(lines, diffLine{Title: c.Title.In(l), Base: formatScore(l, c.Base), Head: formatScore(l, c.Head), Delta: signed(l, c.Delta)})
	}
	return map[string]any{
		"Index": t(l, "diff.index", formatScore(l, &d.BaseIndex), formatScore(l, &d.HeadIndex), signed(l, &d.Delta)),
		"Lines": lines, "New": name(d.NewFailures), "Fixed": name(d.Fixed),
	}
}

func signed(l string, v *float64) string {
	if v == nil {
		return "–"
	}
	s := formatScore(l, v)
	if *v > 0 {
		s = "+" + s
	}
	return s
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// scanEvents streams the scan's progress as Server-Sent Events: one
// "progress" event per change (JSON of live), then "end".
func (s *Server) scanEvents(w http.ResponseWriter, r *http.Request) {
	_, sr, ok := s.scanOf(w, r)
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("X-Accel-Buffering", "no")
	fl, _ := w.(http.Flusher)
	ch, cancel, running := s.scans.subscribe(sr.ID)
	if !running {
		fmt.Fprintf(w, "event: end\ndata: {\"status\":%q}\n\n", sr.Status)
		return
	}
	defer cancel()
	for {
		select {
		case st, open := <-ch:
			if !open {
				fmt.Fprint(w, "event: end\ndata: {}\n\n")
				if fl != nil {
					fl.Flush()
				}
				return
			}
			b, _ := json.Marshal(st)
			fmt.Fprintf(w, "event: progress\ndata: %s\n\n", b)
			if fl != nil {
				fl.Flush()
			}
		case <-r.Context().Done():
			return
		}
	}
}

func (s *Server) saveReviews(w http.ResponseWriter, r *http.Request) {
	e, sr, ok := s.scanOf(w, r)
	if !ok {
		return
	}
	if e.Answers.Reviews == nil {
		e.Answers.Reviews = map[string]criteria.Answer{}
	}
	if err := r.ParseForm(); err != nil {
		s.internal(w, r, err)
		return
	}
	for key, vs := range r.PostForm {
		id, ok := strings.CutPrefix(key, "review.")
		if !ok || s.model.CheckText(id) == nil || len(vs) == 0 {
			continue
		}
		switch vs[0] {
		case criteria.ReviewPass, criteria.ReviewFail:
			e.Answers.Reviews[id] = criteria.Answer{Option: vs[0]}
		case "":
			delete(e.Answers.Reviews, id)
		}
	}
	if err := s.store.saveAnswers(r.Context(), e.ID, e.Answers); err != nil {
		s.internal(w, r, err)
		return
	}
	if r.Header.Get("X-CSRF-Token") != "" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	http.Redirect(w, r, "/e/"+e.ID+"/s/"+sr.ID+"#reviews", http.StatusSeeOther)
}

func (s *Server) reportFile(w http.ResponseWriter, r *http.Request) {
	e, sr, ok := s.scanOf(w, r)
	if !ok {
		return
	}
	res, err := s.resultOf(sr, e)
	if res == nil && err == nil {
		err = errNotFound
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	s.writeReport(w, r, res)
}

// writeReport writes res in the format of the path's extension, in the
// page's language.
func (s *Server) writeReport(w http.ResponseWriter, r *http.Request, res *result.Result) {
	ext, ok := strings.CutPrefix(r.PathValue("file"), "report.")
	wr, err := report.WriterFor(ext)
	if !ok || err != nil || (ext != "html" && ext != "pdf" && ext != "json" && ext != "md") {
		s.internal(w, r, errNotFound)
		return
	}
	var b bytes.Buffer
	if err := wr.Write(&b, res, []string{s.lang(r)}); err != nil {
		s.internal(w, r, err)
		return
	}
	types := map[string]string{"html": "text/html; charset=utf-8", "pdf": "application/pdf",
		"json": "application/json", "md": "text/markdown; charset=utf-8"}
	w.Header().Set("Content-Type", types[ext])
	if ext != "html" {
		name := "didi-report." + ext
		if ext == "json" {
			name = "result.json"
		}
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	}
	_, _ = w.Write(b.Bytes())
}
