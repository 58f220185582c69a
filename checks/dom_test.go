package checks

import (
	"testing"

	"github.com/didi-index/didi/snapshot"

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

func TestIsHTML(t *testing.T) {
	xhtml := `<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>t</title></head><body/></html>`
	tests := []struct {
		name, ct, src string
		want          bool
	}{
		{"html", "text/html", "<!doctype html><html><body>x</body></html>", true},
		{"no content type", "", "<p>x</p>", true},
		{"xhtml", "application/xhtml+xml", xhtml, true},
		{"xhtml served as xml", "application/xml", xhtml, true},
		{"svg", "image/svg+xml", `<svg xmlns="http://www.w3.org/2000/svg"/>`, false},
		{"svg served as html", "text/html", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, false},
		{"other xml", "text/xml", `<math lang="en">x</math>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPage(&snapshot.Snapshot{ContentType: tt.ct, HTML: tt.src, DOM: tt.src}, true)
			assert.Equal(t, tt.want, p.IsHTML())
		})
	}
}
