package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJUnitCountsMatchResult(t *testing.T) {
	r := fixtureResult(25)
	var buf bytes.Buffer
	require.NoError(t, junitWriter{}.Write(&buf, r, []string{"fr"}))
	var got junitSuites
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &got))
	tests, failures, skipped := 0, 0, 0
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			tests++
			if chk.Counts["fail"] > 0 {
				failures++
			} else if chk.Score == nil {
				skipped++
			}
		}
	}
	require.Greater(t, failures, 0)
	assert.Equal(t, tests, got.Tests)
	assert.Equal(t, failures, got.Failures)
	assert.Equal(t, skipped, got.Skipped)
	assert.Len(t, got.Suites, len(r.Criteria))
	// Texts are in the first language asked for.
	assert.Contains(t, buf.String(), r.Criteria[0].Checks[0].Title["fr"])
}

func TestSARIFHasOneResultPerFailingElement(t *testing.T) {
	r := fixtureResult(25)
	var buf bytes.Buffer
	require.NoError(t, sarifWriter{}.Write(&buf, r, []string{"en"}))
	var got sarifLog
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	require.Equal(t, "2.1.0", got.Version)
	require.Len(t, got.Runs, 1)
	want := 0
	rules := 0
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			rules++
			for _, o := range chk.Outcomes {
				if o.Outcome == "fail" || o.Outcome == "needs_review" {
					want += max(len(o.Evidence), 1)
				}
			}
		}
	}
	require.Greater(t, want, 0)
	assert.Len(t, got.Runs[0].Tool.Driver.Rules, rules)
	assert.Len(t, got.Runs[0].Results, want)
	for _, res := range got.Runs[0].Results {
		assert.Equal(t, res.RuleID, got.Runs[0].Tool.Driver.Rules[res.RuleIndex].ID)
		assert.NotEmpty(t, res.Message.Text)
		assert.NotEmpty(t, res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}
}
