package report

import (
	"encoding/json"
	"fmt"
	"github.com/didi-index/didi/result"
	"io"
)

// sarifWriter writes SARIF 2.1.0 for code-scanning views: one rule per
// automated check, one result per failing element (level "error") or
// doubtful element (needs_review, level "note"). The location is the page
// URL with the element's CSS selector as a logical location. Texts are in the
// first report language.
type sarifWriter struct{}

// Format returns "sarif".
func (sarifWriter) Format() string { return "sarif" }

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string      `json:"name"`
	Version string      `json:"version"`
	Rules   []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string         `json:"id"`
	ShortDescription sarifText      `json:"shortDescription"`
	FullDescription  sarifText      `json:"fullDescription"`
	Help             sarifText      `json:"help"`
	Properties       map[string]any `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation struct {
		URI string `json:"uri"`
	} `json:"artifactLocation"`
	Region *struct {
		Snippet sarifText `json:"snippet"`
	} `json:"region,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// Write renders r as SARIF.
func (sarifWriter) Write(w io.Writer, r *result.Result, langs []string) error {
	langs, err := resolveLangs(r, langs)
	if err != nil {
		return err
	}
	lang := langs[0]
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: r.Tool.Name, Version: r.Tool.Version, Rules: []sarifRule{}}}, Results: []sarifResult{}}
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			idx := len(run.Tool.Driver.Rules)
			tags := []string{"didi:" + c.ID}
			for _, sc := range chk.WCAG {
				tags = append(tags, "WCAG "+sc)
			}
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
				ID: chk.ID, ShortDescription: sarifText{oneLine(chk.Title.In(lang))},
				FullDescription: sarifText{oneLine(chk.Description.In(lang))}, Help: sarifText{oneLine(chk.Tip.In(lang))},
				Properties: map[string]any{"tags": tags, "criterion": c.ID, "weight": chk.Weight},
			})
			for _, o := range chk.Outcomes {
				level := map[string]string{"fail": "error", "needs_review": "note"}[o.Outcome]
				if level == "" {
					continue
				}
				ev := o.Evidence
				if len(ev) == 0 {
					ev = []result.Evidence{{}}
				}
				for _, e := range ev {
					msg := oneLine(e.Message.In(lang))
					if msg == "" {
						msg = oneLine(problemTitle(chk).In(lang))
						if o.Outcome == "needs_review" && len(chk.Review) > 0 {
							msg = oneLine(chk.Review.In(lang))
						}
					}
					run.Results = append(run.Results, sarifResult{RuleID: chk.ID, RuleIndex: idx, Level: level,
						Message: sarifText{msg}, Locations: []sarifLocation{location(o.URL, e)}})
				}
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}); err != nil {
		return fmt.Errorf("encode sarif: %w", err)
	}
	return nil
}

func location(page string, e result.Evidence) sarifLocation {
	var l sarifLocation
	l.PhysicalLocation.ArtifactLocation.URI = page
	if e.URL != "" {
		l.PhysicalLocation.ArtifactLocation.URI = e.URL
	}
	if e.Snippet != "" {
		l.PhysicalLocation.Region = &struct {
			Snippet sarifText `json:"snippet"`
		}{sarifText{e.Snippet}}
	}
	if e.Selector != "" {
		l.LogicalLocations = []sarifLogical{{FullyQualifiedName: e.Selector, Kind: "element"}}
	}
	return l
}
