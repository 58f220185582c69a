package main

import (
	"bufio"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/didi-index/didi/engine"
	"github.com/didi-index/didi/result"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/crawler"
)

// withHeaders serves dir and sets the headers listed in its _headers file
// (Netlify format: a "/*" line, then indented "Name: value" lines).
func withHeaders(t *testing.T, dir string) http.Handler {
	t.Helper()
	h := http.Header{}
	if f, err := os.Open(filepath.Join(dir, "_headers")); err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if !strings.HasPrefix(line, "  ") {
				continue
			}
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if ok {
				h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
			}
		}
	}
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range h {
			w.Header()[k] = v
		}
		files.ServeHTTP(w, r)
	})
}

// scanSite crawls a test site in a browser and scores it without answers,
// with the scan date pinned so date-based checks do not age.
func scanSite(t *testing.T, name string) *result.Result {
	t.Helper()
	srv := httptest.NewServer(withHeaders(t, filepath.Join("..", "..", "testdata", "sites", name)))
	defer srv.Close()
	scan, err := crawler.Crawl(context.Background(), crawler.Options{
		Start: []string{srv.URL + "/"}, MaxPages: 25, MaxDepth: 3, Timeout: 20 * time.Second, BlockOutside: true,
	})
	require.NoError(t, err)
	pinned := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	for i := range scan.Pages {
		scan.Pages[i].Fetched = pinned
	}
	m, err := loadModel("")
	require.NoError(t, err)
	out, err := engine.Evaluate(context.Background(), engine.Plan{Model: m, Registry: registry, Languages: []string{"en"}, Tool: tool()}, scan, pinned, pinned)
	require.NoError(t, err)
	return out.Result
}

// TestGoodVersusBadSites scans the inclusive and the problem site of
// testdata/sites (see PLANTED.md): for each of the five criteria the good
// site scores at least 40 points higher, no check fails on the good site, and
// every planted problem's check fails on the bad site.
func TestGoodVersusBadSites(t *testing.T) {
	requireBrowser(t)
	good, bad := scanSite(t, "good"), scanSite(t, "bad")
	five := []string{"simple", "reachable", "supported", "trustworthy", "involving"}
	planted := map[string][]string{
		"simple": {"form-length", "personal-autocomplete", "field-input-type", "required-marked", "captcha", "time-limit",
			"paste-blocked", "overlay-on-load", "consistent-navigation", "site-search", "clickable-div"},
		"reachable":   {"viewport-responsive", "horizontal-scroll", "image-oversized", "content-without-js", "min-font-size", "app-only"},
		"supported":   {"contact-page", "contact-phone", "contact-address", "opening-hours", "contact-email", "help-pages", "offline-alternative", "digital-help"},
		"trustworthy": {"security-headers", "third-party-before-consent", "privacy-page", "organisation-identity", "url-shortener", "sensitive-fields", "form-action"},
		"involving":   {"accessibility-statement-date", "feedback-channel", "accessibility-report"},
	}
	byID := func(r *result.Result, id string) result.Criterion {
		for _, c := range r.Criteria {
			if c.ID == id {
				return c
			}
		}
		t.Fatalf("no criterion %s", id)
		return result.Criterion{}
	}
	for _, id := range five {
		g, b := byID(good, id), byID(bad, id)
		require.NotNil(t, g.AutomatedScore, id)
		require.NotNil(t, b.AutomatedScore, id)
		t.Logf("%-12s good %5.1f  bad %5.1f", id, *g.AutomatedScore, *b.AutomatedScore)
		assert.GreaterOrEqual(t, *g.AutomatedScore-*b.AutomatedScore, 40.0, "%s: good %v, bad %v", id, *g.AutomatedScore, *b.AutomatedScore)
		for _, chk := range g.Checks {
			for _, o := range chk.Outcomes {
				if o.Outcome == "fail" {
					t.Errorf("good site fails %s on %s: %+v", chk.ID, o.URL, o.Evidence)
				}
			}
		}
		failing := map[string]bool{}
		for _, chk := range b.Checks {
			failing[chk.ID] = chk.Counts["fail"] > 0
		}
		for _, want := range planted[id] {
			assert.True(t, failing[want], "bad site: planted problem of %s not found", want)
		}
	}
}

// TestWCAGSites scans testdata/sites/wcag-bad and its good twin wcag-good
// (see PLANTED.md, "WCAG failures"): every planted failure is reported by
// its check on its page and element, and the good twin gets none of them.
func TestWCAGSites(t *testing.T) {
	requireBrowser(t)
	bad, good := scanSite(t, "wcag-bad"), scanSite(t, "wcag-good")
	form := "html > body > div:nth-of-type(2) > form:nth-of-type(1) > "
	formFr := "html > body > div:nth-of-type(2) > form:nth-of-type(2) > "
	menu := "html > body > div:nth-of-type(1) > div:nth-of-type(1) > a:nth-of-type(1)"
	para := func(n int) string { return "html > body > div:nth-of-type(2) > p:nth-of-type(" + strconv.Itoa(n) + ")" }
	everyPage := []string{"/", "/nl/formulier.html", "/nl/contact.html", "/fr/", "/fr/formulaire.html"}
	forms := []string{"/nl/formulier.html", "/fr/formulaire.html"}
	homes := []string{"/", "/fr/"}
	planted := []struct {
		check    string
		pages    []string
		selector string
	}{
		{"choice-group", forms, "#r1"},
		{"visible-label", []string{"/nl/formulier.html"}, "#straat"},
		{"visible-label", []string{"/fr/formulaire.html"}, "#rue"},
		{"distinct-labels", forms, "#n2"},
		{"faux-heading", []string{"/"}, "html > body > div:nth-of-type(2) > div:nth-of-type(1)"},
		{"on-input", []string{"/nl/formulier.html"}, "html > body > div:nth-of-type(2) > select:nth-of-type(1)"},
		{"on-input", []string{"/fr/formulaire.html"}, "html > body > div:nth-of-type(2) > form:nth-of-type(1) > select:nth-of-type(1)"},
		{"on-input", []string{"/nl/formulier.html"}, "#thema"}, // a script's change listener (issue 12)
		{"focus-visible", everyPage, menu},
		{"bypass-blocks", everyPage, menu},
		{"link-in-text-block", homes, para(1) + " > a:nth-of-type(1)"},
		{"generic-link-text", homes, para(3) + " > a:nth-of-type(1)"},
		{"sentence-length", homes, para(2)},
		{"consistent-identification", []string{"/nl/formulier.html"}, "html > body > div:nth-of-type(1) > div:nth-of-type(1) > a:nth-of-type(12)"},
		{"accessibility-statement", []string{"/"}, ""},
	}
	type hit struct{ check, page, selector string }
	failures := func(r *result.Result) map[hit]bool {
		out := map[hit]bool{}
		for _, c := range r.Criteria {
			for _, chk := range c.Checks {
				for _, o := range chk.Outcomes {
					if o.Outcome != "fail" {
						continue
					}
					for _, e := range o.Evidence {
						u := o.URL
						if e.URL != "" {
							u = e.URL
						}
						path := strings.TrimPrefix(u[strings.Index(u, "//")+2:], u[strings.Index(u, "//")+2:][:strings.Index(u[strings.Index(u, "//")+2:], "/")])
						out[hit{chk.ID, path, e.Selector}] = true
						out[hit{chk.ID, path, ""}] = true
						out[hit{chk.ID, "", ""}] = true
					}
					if len(o.Evidence) == 0 {
						out[hit{chk.ID, "", ""}] = true
					}
				}
			}
		}
		return out
	}
	badF, goodF := failures(bad), failures(good)
	for i, f := range []string{form, formFr} {
		for _, el := range []string{"input:nth-of-type(1)", "input:nth-of-type(2)", "input:nth-of-type(3)"} {
			planted = append(planted, struct {
				check    string
				pages    []string
				selector string
			}{"visible-label", forms[i : i+1], f + el})
		}
		planted = append(planted, struct {
			check    string
			pages    []string
			selector string
		}{"layout-table", forms[i : i+1], f + "table:nth-of-type(1)"})
	}
	for _, p := range planted {
		for _, page := range p.pages {
			if p.check == "accessibility-statement" || p.check == "consistent-identification" {
				assert.True(t, badF[hit{p.check, "", ""}], "wcag-bad: %s does not fail", p.check)
			}
			if p.selector != "" {
				assert.True(t, badF[hit{p.check, page, p.selector}], "wcag-bad: %s does not report %s on %s", p.check, p.selector, page)
			}
		}
		assert.False(t, goodF[hit{p.check, "", ""}], "wcag-good: %s fails", p.check)
	}
}
