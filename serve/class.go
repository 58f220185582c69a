package serve

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	qrcode "github.com/skip2/go-qrcode"

	"github.com/didi-index/didi/result"
)

func (s *Server) newClass(w http.ResponseWriter, r *http.Request) {
	title := strings.TrimSpace(r.PostFormValue("title"))
	if len([]rune(title)) > 80 {
		title = string([]rune(title)[:80])
	}
	ss, err := s.store.createSession(r.Context(), title, s.cfg.MaxSessions)
	if errors.Is(err, errLimit) {
		s.fail(w, r, http.StatusTooManyRequests, t(s.lang(r), "err.sessions", s.cfg.MaxSessions))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	http.Redirect(w, r, "/class/"+ss.Secret, http.StatusSeeOther)
}

func (s *Server) joinPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "join", t(s.lang(r), "join.title"),
		map[string]any{"Code": strings.ToUpper(r.URL.Query().Get("code"))})
}

func (s *Server) join(w http.ResponseWriter, r *http.Request) {
	l := s.lang(r)
	code := strings.ToUpper(strings.TrimSpace(r.PostFormValue("code")))
	name := strings.TrimSpace(r.PostFormValue("name"))
	if len([]rune(name)) > 60 {
		name = string([]rune(name)[:60])
	}
	again := func(status int, problem string) {
		s.render(w, r, status, "join", t(l, "join.title"), map[string]any{"Code": code, "Name": name, "Problem": problem})
	}
	ss, err := s.store.sessionBy(r.Context(), "code", code)
	switch {
	case errors.Is(err, errNotFound):
		again(http.StatusNotFound, t(l, "join.unknown"))
		return
	case err != nil:
		s.internal(w, r, err)
		return
	case name == "":
		again(http.StatusBadRequest, t(l, "join.nameneeded"))
		return
	}
	e, err := s.store.createEvaluation(r.Context(), s.model.ID, ss.ID, name, s.cfg.MaxStudents)
	if errors.Is(err, errLimit) {
		again(http.StatusTooManyRequests, t(l, "err.students", s.cfg.MaxStudents))
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	http.Redirect(w, r, "/e/"+e.ID, http.StatusSeeOther)
}

// studentRow is one line of the lecturer's table.
type studentRow struct {
	Name, URL, Status, Index, Level, Coverage, Report string
	Scores                                            []string
	index, coverage                                   float64
	scores                                            []float64
	res                                               *result.Result
}

// classRows builds the table of a session, sorted by the column key.
func (s *Server) classTable(r *http.Request, ss *session, l, sortKey string) ([]studentRow, error) {
	q := strings.ToLower(strings.TrimSpace(r.URL.Query().Get("q")))
	evals, err := s.store.sessionEvaluations(r.Context(), ss.ID)
	if err != nil {
		return nil, err
	}
	var rows []studentRow
	for _, e := range evals {
		row := studentRow{Name: e.Name, Status: t(l, "status.none"), index: -1, coverage: -1}
		scans, err := s.store.scans(r.Context(), e.ID)
		if err != nil {
			return nil, err
		}
		for i, sr := range scans {
			if i == 0 {
				row.URL, row.Status = sr.URL, s.statusText(l, sr)
			}
			res, err := s.resultOf(sr, e)
			if err != nil || res == nil {
				continue
			}
			row.res = res
			row.Index, row.Level, row.index = formatScore(l, &res.Index), res.Level, res.Index
			row.Coverage, row.coverage = formatScore(l, ptrOf(res.Coverage*100))+" %", res.Coverage
			row.Report = "/e/" + e.ID + "/s/" + sr.ID + "/report.html"
			for _, c := range res.Criteria {
				row.Scores = append(row.Scores, formatScore(l, c.Score))
				row.scores = append(row.scores, valueOr(c.Score, -1))
			}
			break
		}
		if row.res == nil {
			for range s.model.Criteria {
				row.Scores = append(row.Scores, "–")
				row.scores = append(row.scores, -1)
			}
		}
		if q == "" || strings.Contains(strings.ToLower(row.Name+" "+row.URL), q) {
			rows = append(rows, row)
		}
	}
	sortRows(rows, sortKey)
	return rows, nil
}

func valueOr(v *float64, d float64) float64 {
	if v == nil {
		return d
	}
	return *v
}

// sortRows sorts by name, url, status, index, level, coverage or a
// criterion number (c0…c6); numbers highest first.
func sortRows(rows []studentRow, key string) {
	slices.SortStableFunc(rows, func(a, b studentRow) int {
		switch {
		case key == "url":
			return cmp.Compare(a.URL, b.URL)
		case key == "status":
			return cmp.Compare(a.Status, b.Status)
		case key == "index" || key == "level":
			return cmp.Compare(b.index, a.index)
		case key == "coverage":
			return cmp.Compare(b.coverage, a.coverage)
		case strings.HasPrefix(key, "c"):
			i, err := strconv.Atoi(key[1:])
			if err == nil && i >= 0 && i < len(a.scores) && i < len(b.scores) {
				return cmp.Compare(b.scores[i], a.scores[i])
			}
		}
		return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name))
	})
}

// column is a sortable column head.
type column struct{ Key, Title, Href string }

func (s *Server) columns(ss *session, l, q string) []column {
	cols := []column{{"name", t(l, "col.name"), ""}, {"url", t(l, "col.url"), ""}, {"status", t(l, "col.status"), ""},
		{"index", t(l, "col.index"), ""}, {"level", t(l, "col.level"), ""}}
	for i, c := range s.model.Criteria {
		cols = append(cols, column{"c" + strconv.Itoa(i), c.Title.In(l), ""})
	}
	cols = append(cols, column{"coverage", t(l, "col.coverage"), ""})
	for i := range cols {
		cols[i].Href = "/class/" + ss.Secret + "?sort=" + cols[i].Key + "&q=" + url.QueryEscape(q)
	}
	return cols
}

func (s *Server) session(w http.ResponseWriter, r *http.Request) (*session, bool) {
	ss, err := s.store.sessionBy(r.Context(), "secret", r.PathValue("secret"))
	if err != nil {
		s.internal(w, r, err)
		return nil, false
	}
	return ss, true
}

func (s *Server) classPage(w http.ResponseWriter, r *http.Request) {
	s.classTemplate(w, r, "class")
}

func (s *Server) classRows(w http.ResponseWriter, r *http.Request) {
	s.classTemplate(w, r, "rows")
}

func (s *Server) classTemplate(w http.ResponseWriter, r *http.Request, page string) {
	l := s.lang(r)
	ss, ok := s.session(w, r)
	if !ok {
		return
	}
	sortKey := r.URL.Query().Get("sort")
	rows, err := s.classTable(r, ss, l, sortKey)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	joinURL := s.origin(r) + "/join?code=" + url.QueryEscape(ss.Code)
	data := map[string]any{"Secret": ss.Secret, "Code": ss.Code, "JoinAt": t(l, "class.joinat", s.origin(r)+"/join"),
		"JoinURL": joinURL, "Rows": rows, "Cols": s.columns(ss, l, r.URL.Query().Get("q")), "Sort": sortKey, "Q": r.URL.Query().Get("q"),
		"Link": s.origin(r) + "/class/" + ss.Secret, "Count": t(l, "class.count", len(rows))}
	s.render(w, r, http.StatusOK, page, t(l, "class.title", orUntitled(l, ss.Title)), data)
}

// classCSV exports the table: one row per student, the numbers as in
// result.json (dot decimals, coverage 0–1).
func (s *Server) classCSV(w http.ResponseWriter, r *http.Request) {
	ss, ok := s.session(w, r)
	if !ok {
		return
	}
	rows, err := s.classTable(r, ss, "en", "name")
	if err != nil {
		s.internal(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="didi-class-`+ss.Code+`.csv"`)
	cw := csv.NewWriter(w)
	head := []string{"name", "url", "status", "index", "level"}
	for _, c := range s.model.Criteria {
		head = append(head, c.ID)
	}
	_ = cw.Write(append(head, "coverage"))
	num := func(v *float64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	for _, row := range rows {
		rec := []string{csvSafe(row.Name), csvSafe(row.URL), row.Status, "", ""}
		crit := make([]string, len(s.model.Criteria))
		cov := ""
		if res := row.res; res != nil {
			rec[3], rec[4] = num(&res.Index), res.Level
			for i, c := range res.Criteria {
				if i < len(crit) {
					crit[i] = num(c.Score)
				}
			}
			cov = num(&res.Coverage)
		}
		_ = cw.Write(append(append(rec, crit...), cov))
	}
	cw.Flush()
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// classQR is the join link as a QR code in SVG (skip2/go-qrcode makes the
// matrix; the SVG is drawn here so it scales on a projector).
func (s *Server) classQR(w http.ResponseWriter, r *http.Request) {
	ss, ok := s.session(w, r)
	if !ok {
		return
	}
	q, err := qrcode.New(s.origin(r)+"/join?code="+url.QueryEscape(ss.Code), qrcode.Medium)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	bm := q.Bitmap() // includes the quiet zone
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges"><rect width="100%%" height="100%%" fill="#fff"/><path fill="#000" d="`, len(bm), len(bm))
	for y, line := range bm {
		for x, on := range line {
			if on {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	w.Header().Set("Content-Type", "image/svg+xml")
	_, _ = w.Write([]byte(b.String()))
}

// bar is one bar of the class view's histogram.
type bar struct {
	Label, Text  string
	Count        int
	X, Y, W, H   int
	LabelX, CntY int
}

// failing is a check that fails for several students.
type failing struct {
	Title string
	Count int
	Text  string
}

func (s *Server) classView(w http.ResponseWriter, r *http.Request) {
	l := s.lang(r)
	ss, ok := s.session(w, r)
	if !ok {
		return
	}
	rows, err := s.classTable(r, ss, l, "name")
	if err != nil {
		s.internal(w, r, err)
		return
	}
	counts := make([]int, 10)
	fails := map[string]int{}
	titles := map[string]string{}
	n := 0
	for _, row := range rows {
		res := row.res
		if res == nil {
			continue
		}
		n++
		counts[min(int(res.Index/10), 9)]++
		for _, c := range res.Criteria {
			for _, ch := range c.Checks {
				for _, o := range ch.Outcomes {
					if o.Outcome == "fail" {
						fails[ch.ID]++
						titles[ch.ID] = ch.Title.In(l)
						break
					}
				}
			}
		}
	}
	most := 1
	for _, c := range counts {
		most = max(most, c)
	}
	var bars []bar
	for i, c := range counts {
		h := c * 160 / most
		label := strconv.Itoa(i*10) + "–" + strconv.Itoa(i*10+10)
		bars = append(bars, bar{Label: label, Count: c, Text: t(l, "cv.bar", label, c),
			X: 40 + i*56, Y: 190 - h, W: 44, H: h, LabelX: 62 + i*56, CntY: 184 - h})
	}
	var top []failing
	for id, c := range fails {
		top = append(top, failing{Title: titles[id], Count: c, Text: t(l, "cv.fails.count", c, n)})
	}
	slices.SortFunc(top, func(a, b failing) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Title, b.Title))
	})
	if len(top) > 10 {
		top = top[:10]
	}
	data := map[string]any{"Secret": ss.Secret, "Bars": bars, "Top": top, "N": n, "Desc": t(l, "cv.dist.desc", n)}
	s.render(w, r, http.StatusOK, "classview", t(l, "cv.title"), data)
}
