package report_test

import (
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/report"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"
)

// wholeModelResult scores the built-in model with every check failing on
// one page (one evidence per message, every placeholder a decimal number)
// and every question answered, a third of them "don't know", each with a
// French comment. Every text of the model then reaches the reports.
func wholeModelResult(t *testing.T) *result.Result {
	t.Helper()
	reg := checks.Default()
	m, err := criteria.LoadDefault(scoring.Known(reg))
	if err != nil {
		t.Fatal(err)
	}
	const url = "https://www.exemple.be/page?x=1"
	outcomes := map[string][]checks.PageOutcome{}
	for _, ct := range m.Checks {
		keys := make([]string, 0, len(ct.Messages))
		for k := range ct.Messages {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var ev []checks.Evidence
		for _, k := range keys {
			params := map[string]string{}
			for _, name := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(ct.Messages[k]["en"], -1) {
				params[name[1]] = "2.32"
			}
			ev = append(ev, checks.Evidence{Selector: "main > p", Snippet: "<p>a</p>", Message: k, Params: params})
		}
		outcomes[ct.ID] = []checks.PageOutcome{
			{URL: url, Result: checks.Result{Outcome: checks.Fail, Evidence: ev}},
			{URL: url + "2", Result: checks.Result{Outcome: checks.NeedsReview}},
		}
	}
	a := &criteria.Answers{Model: m.ID, Language: "fr", Answers: map[string]criteria.Answer{}}
	for i, id := range m.QuestionIDs() {
		q, _ := m.Question(id)
		opt := q.Options[len(q.Options)-1].ID // "don't know"
		if i%3 != 0 {
			opt = q.Options[1].ID
		}
		a.Answers[id] = criteria.Answer{Option: opt, Comment: "Pas encore: on verra!"}
	}
	return scoring.Score(scoring.Input{
		Model: m, Answers: a, Registry: reg, Outcomes: outcomes, Target: url,
		Pages:   []result.Page{{URL: url, Status: 200}, {URL: url + "2", Status: 200}, {URL: url + "3", Status: 404, Error: "HTTP 404 Not Found"}},
		Started: "2026-11-23T09:00:00Z", Finished: "2026-11-23T09:01:00Z", Languages: []string{"nl", "fr"},
		Tool: result.Tool{Name: "didi", Version: "test"},
	})
}

// renderAll writes md, html and pdf of r in lang and returns their text
// (HTML without tags, the PDF through pdftotext).
func renderAll(t *testing.T, r *result.Result, lang string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	paths, err := report.WriteFiles(dir, r, []string{"md", "html", "pdf"}, []string{lang})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range paths {
		switch filepath.Ext(p) {
		case ".pdf":
			txt, err := exec.Command("pdftotext", "-enc", "UTF-8", p, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext (installed with poppler-utils): %v", err)
			}
			out["pdf"] = string(txt)
		case ".html":
			b, _ := os.ReadFile(p)
			s := regexp.MustCompile(`(?s)<style.*?</style>|<code>.*?</code>`).ReplaceAllString(string(b), " ")
			out["html"] = html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(s, " "))
		default:
			b, _ := os.ReadFile(p)
			out["md"] = string(b)
		}
	}
	return out
}

// versionsRE are dotted numbers that are names, not amounts: WCAG criteria
// and versions, file names, addresses, the model version.
var versionsRE = regexp.MustCompile(`https?://\S+|\d+(\.\d+){2,}|WCAG\s\d\.\d|robots\.txt|\b20\d\d\.\d+\b|\b[\w-]+\.(be|txt|yaml|json|pdf|html|md)\b`)

// thousandsRE is a Dutch thousands separator ("1.500 kB"), which is right.
var thousandsRE = regexp.MustCompile(`\b\d{1,3}(\.\d{3})+\b`)

func TestWholeModelTypographyAndNumbers(t *testing.T) {
	r := wholeModelResult(t)
	spaceBefore := regexp.MustCompile(`[^\s] [:;?!](\s|$|\))|[^\s] »|« `)
	lineStart := regexp.MustCompile(`(?m)^[?!:;»%]`)
	decimalPoint := regexp.MustCompile(`\d\.\d`)
	for _, lang := range []string{"fr", "nl"} {
		for format, text := range renderAll(t, r, lang) {
			clean := versionsRE.ReplaceAllString(text, " ")
			if lang == "nl" {
				clean = thousandsRE.ReplaceAllString(clean, " ")
			}
			// pdftotext turns no-break spaces into spaces; TestWrapKeepsNoBreakSpaces
			// holds the PDF's line breaking to them.
			if lang == "fr" && format != "pdf" {
				if m := spaceBefore.FindAllStringIndex(clean, 3); m != nil {
					t.Errorf("%s %s: an ordinary space before a French mark: %q", lang, format, clean[max(0, m[0][0]-40):min(len(clean), m[0][1]+10)])
				}
			}
			if lang == "fr" {
				if m := lineStart.FindStringIndex(clean); m != nil {
					t.Errorf("%s %s: a line starts with a mark: %q", lang, format, clean[max(0, m[0]-60):min(len(clean), m[1]+10)])
				}
			}
			if m := decimalPoint.FindStringIndex(clean); m != nil {
				t.Errorf("%s %s: a number with a decimal point: %q", lang, format, clean[max(0, m[0]-40):min(len(clean), m[1]+20)])
			}
			if format != "md" && !strings.Contains(text, "2,32") {
				t.Errorf("%s %s: the evidence numbers are not in the report's locale", lang, format)
			}
		}
	}
}

func TestWholeModelFailedChecksShowTheirProblem(t *testing.T) {
	r := wholeModelResult(t)
	for _, lang := range []string{"nl", "fr"} {
		texts := renderAll(t, r, lang)
		for _, c := range r.Criteria {
			for _, ch := range c.Checks {
				for format, text := range texts {
					if format == "md" {
						continue // the summary names only the top tips
					}
					flat := strings.Join(strings.Fields(strings.ReplaceAll(text, "\u00a0", " ")), " ")
					flat = strings.ReplaceAll(flat, strings.Join(strings.Fields(strings.ReplaceAll(ch.Description.In(lang), "\u00a0", " ")), " "), "")
					goal := strings.Join(strings.Fields(strings.ReplaceAll(ch.Title.In(lang), "\u00a0", " ")), " ")
					problem := strings.Join(strings.Fields(strings.ReplaceAll(ch.Problem.In(lang), "\u00a0", " ")), " ")
					if strings.Contains(flat, goal) && !strings.Contains(problem, goal) {
						t.Errorf("%s %s: failed check %s is shown under its goal title %q", lang, format, ch.ID, goal)
					}
					if format == "html" && !strings.Contains(flat, problem) {
						t.Errorf("%s %s: failed check %s does not show its problem title %q", lang, format, ch.ID, problem)
					}
				}
			}
		}
	}
}
