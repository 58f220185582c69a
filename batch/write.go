package batch

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"strconv"

	"github.com/didi-index/didi/i18n"
	"github.com/didi-index/didi/internal/atomicfile"
)

// WriteSummary writes summary.json, summary.csv and summary.html into dir,
// each atomically. summary.html is in langs[0]; each further language gets
// summary.LANG.html, and the pages link to each other. It returns the
// paths written.
func WriteSummary(dir string, s *Summary, langs []string) ([]string, error) {
	if len(langs) == 0 {
		langs = []string{"en"}
	}
	type file struct {
		name  string
		write func(io.Writer) error
	}
	files := []file{
		{"summary.json", func(w io.Writer) error { return writeJSON(w, s) }},
		{"summary.csv", func(w io.Writer) error { return writeCSV(w, s) }},
	}
	for _, l := range langs {
		files = append(files, file{htmlName(l, langs), func(w io.Writer) error { return writeHTML(w, s, l, langs) }})
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := atomicfile.Write(p, f.write); err != nil {
			return paths, fmt.Errorf("write %s: %w", f.name, err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// htmlName is the summary page of lang: summary.html for the first
// language, summary.LANG.html for the others.
func htmlName(lang string, langs []string) string {
	if lang == langs[0] {
		return "summary.html"
	}
	return "summary." + lang + ".html"
}

func writeJSON(w io.Writer, s *Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// writeCSV writes one row per site. A cell that a spreadsheet would read
// as a formula (it starts with = + - @) gets a leading quote.
func writeCSV(w io.Writer, s *Summary) error {
	cw := csv.NewWriter(w)
	head := []string{"url", "name", "group", "status", "reason", "index", "level"}
	for _, h := range s.Criteria {
		head = append(head, h.ID)
	}
	head = append(head, "coverage", "pages", "pages_failed", "attempts", "folder")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range s.Sites {
		rec := []string{r.URL, r.Name, r.Group, r.Status, r.Reason, num(r.Index, 1), r.Level}
		for _, h := range s.Criteria {
			rec = append(rec, num(r.Criteria[h.ID], 1))
		}
		rec = append(rec, num(r.Coverage, 3), strconv.Itoa(r.Pages), strconv.Itoa(r.PagesFailed), strconv.Itoa(r.Attempts), r.Folder)
		for i, c := range rec {
			if c != "" && (c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@') {
				rec[i] = "'" + c
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// num formats a score with prec decimals; "" for none.
func num(v *float64, prec int) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', prec, 64)
}

//go:embed summary.html.tmpl
var summaryTemplate string

//go:embed sort.js
var sortScript string

// scriptHash is the CSP hash of sortScript: the page runs that script
// and no other.
var scriptHash = func() string {
	sum := sha256.Sum256([]byte(sortScript))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}()

var page = template.Must(template.New("summary").Funcs(template.FuncMap{
	// num and pct write numbers as the reader's language does ("54,6" in
	// nl and fr); the CSV and JSON keep the decimal point.
	"num": func(lang string, v *float64, prec int) string { return i18n.Numbers(lang, num(v, prec)) },
	"sortnum": func(v *float64) string {
		if v == nil {
			return "-1"
		}
		return strconv.FormatFloat(*v, 'f', 3, 64)
	},
	"avg": func(v view, a Average) avgView { return avgView{V: v, A: a} },
	"pct": func(lang string, v *float64) string {
		if v == nil {
			return ""
		}
		return i18n.Typeset(lang, strconv.FormatFloat(*v*100, 'f', 0, 64)+"%")
	},
}).Parse(summaryTemplate))

// view is what the page template renders.
type view struct {
	*Summary
	Lang   string
	T      map[string]string
	Status map[string]string
	Others []link
	Script template.JS
	CSP    string
}

// avgView is one row of the averages table.
type avgView struct {
	V view
	A Average
}

type link struct{ Lang, Href, Label string }

func writeHTML(w io.Writer, s *Summary, lang string, langs []string) error {
	v := view{Summary: s, Lang: lang, T: texts(lang), Status: statusTexts(lang), Script: template.JS(sortScript),
		CSP: "default-src 'none'; style-src 'unsafe-inline'; script-src '" + scriptHash + "'"}
	for _, l := range langs {
		if l != lang {
			v.Others = append(v.Others, link{Lang: l, Href: htmlName(l, langs), Label: texts(l)["language"]})
		}
	}
	return page.Execute(w, v)
}
