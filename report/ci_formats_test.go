package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/result"
)

// ciResult is a small result with every case the CI formats tell apart: a
// failing check with elements (one with a line, one added by a script, one
// on a page of another site), a failing weight-0 (AAA) check, a failing
// page without evidence, a needs_review check, an inapplicable one and one
// that passes.
func ciResult() *result.Result {
	score := func(x float64) *float64 { return &x }
	txt := func(en string) result.Text { return result.Text{"en": en, "nl": en + " (nl)", "fr": en + " (fr)"} }
	return &result.Result{
		SchemaVersion: 1, Tool: result.Tool{Name: "didi", Version: "0.1.0"},
		Target: "http://127.0.0.1:8080/", Languages: []string{"en"},
		Criteria: []result.Criterion{{
			ID: "accessible", Title: txt("Accessible"),
			Checks: []result.Check{
				{ID: "image-alt", Weight: 2, Score: score(0.5), WCAG: []string{"1.1.1"}, Title: txt("Images have a text alternative"),
					Description: txt("Every image that carries meaning has an alt text."), Tip: txt("Add an alt attribute."),
					Counts: map[string]int{"fail": 1, "pass": 1},
					Outcomes: []result.Outcome{
						{URL: "http://127.0.0.1:8080/", Outcome: "pass"},
						{URL: "http://127.0.0.1:8080/shop/?page=2", Outcome: "fail", Evidence: []result.Evidence{
							{Selector: "#main > img:nth-of-type(1)", Snippet: `<img src="kettle.jpg">`, Line: 12, Message: txt("This image has no alt text."), Fingerprint: "3711e276fe108f8f"},
							{Selector: "#main > img:nth-of-type(2)", Snippet: `<img src="toaster.jpg">`, Message: txt("This image has no alt text."), Fingerprint: "f8528d6a6735feec"},
							{URL: "https://cdn.example.org/widget.html", Selector: "img", Snippet: `<img src="w.png">`, Line: 3, Message: txt("This image has no alt text."), Fingerprint: "0e3d51cec0ddb4a2"},
						}},
					}},
				{ID: "contrast-enhanced", Weight: 0, Score: score(0), WCAG: []string{"1.4.6"}, Title: txt("Text has enhanced contrast (AAA)"),
					Counts: map[string]int{"fail": 1},
					Outcomes: []result.Outcome{{URL: "http://127.0.0.1:8080/", Outcome: "fail", Evidence: []result.Evidence{
						{Selector: "p", Snippet: "<p>", Line: 4, Message: txt("Contrast 5.1:1 is below 7:1."), Fingerprint: "a70484e51e8a3a45"}}}}},
				{ID: "color-contrast", Weight: 2, Title: txt("Text has enough contrast"), Review: txt("Is the text on the photo readable?"),
					Counts:   map[string]int{"needs_review": 1},
					Outcomes: []result.Outcome{{URL: "http://127.0.0.1:8080/", Outcome: "needs_review", Evidence: []result.Evidence{{Selector: "h1", Snippet: "<h1>", Line: 2}}}}},
				{ID: "video-captions", Weight: 1, Title: txt("Videos have captions"), Counts: map[string]int{"inapplicable": 2}},
			},
		}, {
			ID: "supported", Title: txt("Help and alternatives"),
			Checks: []result.Check{
				{ID: "contact-page", Weight: 3, Score: score(0), SiteWide: true, Title: txt("A contact page is easy to find"),
					Counts:   map[string]int{"fail": 1},
					Outcomes: []result.Outcome{{URL: "http://127.0.0.1:8080/", Outcome: "fail"}}},
				{ID: "help-pages", Weight: 1, Score: score(1), Title: txt("Help pages exist"), Counts: map[string]int{"pass": 1},
					Outcomes: []result.Outcome{{URL: "http://127.0.0.1:8080/", Outcome: "pass"}}},
			},
		}},
	}
}

func TestJUnitGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, junitWriter{}.Write(&buf, ciResult(), []string{"en"}))
	golden(t, "ci.junit.xml", buf.Bytes())
}

func TestSARIFGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, sarifWriter{}.Write(&buf, ciResult(), []string{"en"}))
	golden(t, "ci.sarif", buf.Bytes())
}

// TestJUnitSchema checks the JUnit XML against what the JUnit schema that
// Jenkins and GitLab read requires (testsuites > testsuite[name, tests] >
// testcase[name, classname] with at most one of failure, error, skipped),
// and that weight-0 checks are not failures.
func TestJUnitSchema(t *testing.T) {
	for name, r := range map[string]*result.Result{"ci": ciResult(), "fixture": fixtureResult(25)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, junitWriter{}.Write(&buf, r, []string{"fr"}))
			var got junitSuites
			require.NoError(t, xml.Unmarshal(buf.Bytes(), &got))
			tests, failures, skipped := 0, 0, 0
			for _, c := range r.Criteria {
				for _, chk := range c.Checks {
					tests++
					switch {
					case chk.Counts["fail"] > 0 && chk.Weight > 0:
						failures++
					case chk.Counts["fail"] > 0 || chk.Score == nil:
						skipped++
					}
				}
			}
			require.Greater(t, failures, 0)
			assert.Equal(t, tests, got.Tests)
			assert.Equal(t, failures, got.Failures)
			assert.Equal(t, skipped, got.Skipped)
			require.Len(t, got.Suites, len(r.Criteria))
			sum := 0
			for _, s := range got.Suites {
				assert.NotEmpty(t, s.Name)
				assert.Equal(t, len(s.Cases), s.Tests)
				sum += s.Tests
				for _, c := range s.Cases {
					assert.NotEmpty(t, c.Name)
					assert.NotEmpty(t, c.ClassName)
					assert.False(t, c.Failure != nil && c.Skipped != nil, c.Name)
					if c.Skipped != nil {
						assert.NotEmpty(t, c.Skipped.Message, c.Name)
					}
				}
			}
			assert.Equal(t, got.Tests, sum)
			// Texts are in the first language asked for.
			assert.Contains(t, buf.String(), r.Criteria[0].Checks[0].Title["fr"])
		})
	}
	var buf bytes.Buffer
	require.NoError(t, junitWriter{}.Write(&buf, ciResult(), nil))
	assert.Regexp(t, `(?s)name="contrast-enhanced: [^"]*" classname="didi.accessible">\s*<skipped message="advisory: 1 of 1 pages fail; weight 0, not counted in the score"></skipped>\s*<system-out>`, buf.String())
}

// TestSARIFForGitHub checks the SARIF against the SARIF 2.1.0 properties
// that GitHub code scanning documents as required (SARIF support for code
// scanning): $schema, version 2.1.0, runs[].tool.driver.name, rules with id,
// shortDescription, fullDescription and help texts, results with ruleId,
// message.text, 1 to 10 locations each with physicalLocation.artifactLocation.uri
// and region.startLine >= 1, and partialFingerprints; plus that ruleIndex
// points at the rule, relative URIs have a uriBaseId that
// originalUriBaseIds resolves, and weight-0 failures are notes.
func TestSARIFForGitHub(t *testing.T) {
	for name, r := range map[string]*result.Result{"ci": ciResult(), "fixture": fixtureResult(25)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, sarifWriter{}.Write(&buf, r, []string{"en"}))
			var log map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &log))
			assert.NotEmpty(t, log["$schema"])
			assert.Equal(t, "2.1.0", log["version"])
			runs := log["runs"].([]any)
			require.Len(t, runs, 1)
			run := runs[0].(map[string]any)
			driver := run["tool"].(map[string]any)["driver"].(map[string]any)
			assert.NotEmpty(t, driver["name"])
			rules := driver["rules"].([]any)
			weights := map[string]float64{}
			for _, x := range rules {
				rule := x.(map[string]any)
				require.NotEmpty(t, rule["id"])
				for _, k := range []string{"shortDescription", "fullDescription", "help"} {
					assert.NotEmpty(t, rule[k].(map[string]any)["text"], "%s.%s", rule["id"], k)
				}
				weights[rule["id"].(string)] = rule["properties"].(map[string]any)["weight"].(float64)
			}
			bases, _ := run["originalUriBaseIds"].(map[string]any)
			results := run["results"].([]any)
			require.NotEmpty(t, results)
			seen := map[string]bool{}
			for _, x := range results {
				res := x.(map[string]any)
				id := res["ruleId"].(string)
				assert.Equal(t, id, rules[int(res["ruleIndex"].(float64))].(map[string]any)["id"])
				assert.NotEmpty(t, res["message"].(map[string]any)["text"])
				assert.Contains(t, []string{"error", "warning", "note"}, res["level"])
				if weights[id] == 0 {
					assert.Equal(t, "note", res["level"], id)
				}
				fps := res["partialFingerprints"].(map[string]any)
				require.NotEmpty(t, fps)
				for _, v := range fps {
					fp := id + " " + v.(string)
					assert.False(t, seen[fp], "fingerprint %s twice", fp)
					seen[fp] = true
				}
				locs := res["locations"].([]any)
				require.True(t, len(locs) >= 1 && len(locs) <= 10)
				for _, l := range locs {
					phys := l.(map[string]any)["physicalLocation"].(map[string]any)
					art := phys["artifactLocation"].(map[string]any)
					uri := art["uri"].(string)
					require.NotEmpty(t, uri)
					if base, ok := art["uriBaseId"].(string); ok {
						assert.NotRegexp(t, regexp.MustCompile(`^[a-z]+:`), uri, "a relative uri")
						assert.Contains(t, bases, base)
					} else {
						assert.Regexp(t, `^https?://`, uri)
					}
					line := phys["region"].(map[string]any)["startLine"].(float64)
					assert.GreaterOrEqual(t, line, 1.0)
				}
			}
		})
	}
}
