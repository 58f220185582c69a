package checks

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestVerdictOrReview(t *testing.T) {
	bad, doubt := []Evidence{{Selector: "img"}}, []Evidence{{Selector: "p"}}
	tests := []struct {
		name          string
		fails, review []Evidence
		want          Outcome
		evidence      []Evidence
	}{
		{"nothing", nil, nil, Pass, nil},
		{"failure wins", bad, doubt, Fail, bad},
		{"doubt only", nil, doubt, NeedsReview, doubt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := VerdictOrReview(tt.fails, tt.review)
			assert.Equal(t, tt.want, got.Outcome)
			assert.Equal(t, tt.evidence, got.Evidence)
		})
	}
}
