package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/didi-index/didi/result"
)

// junitWriter writes a JUnit XML file for CI test views (GitLab's test
// report, Jenkins, GitHub test-report actions): one test suite per
// criterion, one test case per automated check. A check that fails on a page
// is a failure naming each page and element; a check with no score
// (inapplicable or not evaluated everywhere) is skipped with the reason.
//
// A failing check of weight 0 (advisory: it does not count in the score,
// e.g. WCAG AAA) is not a failure: it is skipped with the message
// "advisory: ..." and its pages and elements in <system-out>. Skipped, as
// pytest reports an expected failure, because GitLab and the GitHub
// test-report actions show a skipped case with its message in the list,
// where a passed case with output would hide the findings. Texts are in the
// first report language.
type junitWriter struct{}

// Format returns "junit".
func (junitWriter) Format() string { return "junit" }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string           `xml:"name,attr"`
	Tests      int              `xml:"tests,attr"`
	Failures   int              `xml:"failures,attr"`
	Skipped    int              `xml:"skipped,attr"`
	Properties *junitProperties `xml:"properties,omitempty"`
	Cases      []junitCase      `xml:"testcase"`
}

// junitProperties hold the elements and pages the scan ignored.
type junitProperties struct {
	List []junitProperty `xml:"property"`
}

type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

// Write renders r as JUnit XML.
func (junitWriter) Write(w io.Writer, r *result.Result, langs []string) error {
	langs, err := resolveLangs(r, langs)
	if err != nil {
		return err
	}
	lang := langs[0]
	all := junitSuites{Name: "didi " + r.Target}
	warned := map[string]bool{}
	for _, o := range r.Overrides.Checks {
		warned[o.ID] = o.Level == result.LevelWarn
	}
	ignores := junitIgnores(r.Overrides)
	for _, c := range r.Criteria {
		s := junitSuite{Name: "didi." + c.ID, Properties: ignores}
		for _, chk := range c.Checks {
			tc := junitCase{Name: chk.ID + ": " + oneLine(chk.Title.In(lang)), ClassName: "didi." + c.ID}
			fails := fmt.Sprintf("%d of %d pages fail", chk.Counts["fail"], chk.Counts["fail"]+chk.Counts["pass"])
			switch {
			case chk.Counts["fail"] > 0 && chk.Weight > 0:
				tc.Failure = &junitFailure{Type: "fail", Message: oneLine(problemTitle(chk).In(lang)) + ": " + fails, Body: failureBody(chk, lang)}
				s.Failures++
			case chk.Counts["fail"] > 0:
				why := "weight 0"
				if warned[chk.ID] {
					why = "made a warning for this scan (checks: " + chk.ID + ": warn)"
				}
				tc.Skipped = &junitSkipped{Message: "advisory: " + fails + "; " + why + ", not counted in the score"}
				tc.SystemOut = failureBody(chk, lang)
				s.Skipped++
			case chk.Score == nil:
				tc.Skipped = &junitSkipped{Message: skipReason(chk)}
				s.Skipped++
			}
			s.Cases = append(s.Cases, tc)
			s.Tests++
		}
		for _, o := range r.Overrides.Checks {
			if o.Criterion == c.ID && o.Level == result.LevelOff {
				s.Cases = append(s.Cases, junitCase{Name: o.ID + ": " + oneLine(o.Title.In(lang)), ClassName: "didi." + c.ID,
					Skipped: &junitSkipped{Message: "switched off for this scan (checks: " + o.ID + ": off): not run, not counted"}})
				s.Tests++
				s.Skipped++
			}
		}
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Skipped += s.Skipped
		all.Suites = append(all.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return fmt.Errorf("encode junit: %w", err)
	}
	_, err = io.WriteString(w, "\n")
	return err
}

// junitIgnores lists the ignored selectors and URL patterns as properties,
// nil when there are none.
func junitIgnores(o result.Overrides) *junitProperties {
	p := &junitProperties{}
	for _, s := range o.IgnoreSelectors {
		p.List = append(p.List, junitProperty{Name: "didi.ignore-selector", Value: s})
	}
	for _, s := range o.IgnoreURLs {
		p.List = append(p.List, junitProperty{Name: "didi.ignore-url", Value: s})
	}
	if len(p.List) == 0 {
		return nil
	}
	return p
}

// skipReason says why a check has no score.
func skipReason(chk result.Check) string {
	switch {
	case chk.Counts["needs_review"] > 0:
		return "needs review by a person"
	case chk.Counts["not_evaluated"] > 0:
		return "not evaluated (it needs a browser or facts that were not gathered)"
	}
	return "inapplicable on every page"
}

// failureBody lists each failing page with its evidence, one per line.
func failureBody(chk result.Check, lang string) string {
	var b strings.Builder
	for _, o := range chk.Outcomes {
		if o.Outcome != "fail" {
			continue
		}
		fmt.Fprintf(&b, "%s\n", o.URL)
		for _, e := range o.Evidence {
			fmt.Fprintf(&b, "  %s %s\n", e.Selector, oneLine(e.Message.In(lang)))
		}
		if o.Omitted > 0 {
			fmt.Fprintf(&b, "  (+%d)\n", o.Omitted)
		}
	}
	if tip := chk.Tip.In(lang); tip != "" {
		fmt.Fprintf(&b, "%s\n", oneLine(tip))
	}
	return b.String()
}

// problemTitle names what is wrong with a failed check: its problem title,
// or its goal title in results written before problem titles existed.
func problemTitle(chk result.Check) result.Text {
	if len(chk.Problem) > 0 {
		return chk.Problem
	}
	return chk.Title
}
