package report

import (
	"encoding/xml"
	"fmt"
	"github.com/didi-index/didi/result"
	"io"
	"strings"
)

// junitWriter writes a JUnit XML file for CI test views: one test suite per
// criterion, one test case per automated check. A check that fails on a page
// is a failure naming each page and element; a check with no score
// (inapplicable or not evaluated everywhere) is skipped. Texts are in the
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
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *struct{}     `xml:"skipped,omitempty"`
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
	for _, c := range r.Criteria {
		s := junitSuite{Name: "didi." + c.ID}
		for _, chk := range c.Checks {
			tc := junitCase{Name: chk.ID + ": " + oneLine(chk.Title.In(lang)), ClassName: "didi." + c.ID}
			switch {
			case chk.Counts["fail"] > 0:
				tc.Failure = &junitFailure{
					Type:    "fail",
					Message: fmt.Sprintf("%s (%d/%d pages)", oneLine(problemTitle(chk).In(lang)), chk.Counts["fail"], chk.Counts["fail"]+chk.Counts["pass"]),
					Body:    failureBody(chk, lang),
				}
				s.Failures++
			case chk.Score == nil:
				tc.Skipped = &struct{}{}
				s.Skipped++
			}
			s.Cases = append(s.Cases, tc)
			s.Tests++
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
