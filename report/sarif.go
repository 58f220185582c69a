package report

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/didi-index/didi/result"
)

// sarifWriter writes SARIF 2.1.0 that GitHub code scanning accepts: one
// rule per automated check, one result per failing element (level "error"),
// per doubtful element (needs_review) and per failing element of a check
// that does not count in the score (weight 0, e.g. WCAG AAA), both level
// "note". The location is the page as a path relative to the site root
// (uriBaseId SITEROOT, resolved in originalUriBaseIds to the scanned
// origin), the element's line in the HTML as served (line 1 when a script
// added it), its snippet, and its CSS selector as a logical location.
// partialFingerprints carry the evidence fingerprint, so alerts stay the
// same alerts across builds. Texts are in the first report language.
type sarifWriter struct{}

// Format returns "sarif".
func (sarifWriter) Format() string { return "sarif" }

// sarifRoot is the uriBaseId of page locations.
const sarifRoot = "SITEROOT"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
}

// sarifInvocation records the scan's overrides: checks switched off
// (enabled false) or made warnings (level note) as rule configuration
// overrides, and the ignored selectors and URL patterns as properties.
type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	RuleOverrides       []sarifRuleOverride `json:"ruleConfigurationOverrides,omitempty"`
	Properties          map[string]any      `json:"properties,omitempty"`
}

type sarifRuleOverride struct {
	Descriptor    sarifDescriptor     `json:"descriptor"`
	Configuration sarifOverrideConfig `json:"configuration"`
}

type sarifDescriptor struct {
	ID string `json:"id"`
}

type sarifOverrideConfig struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifRegion struct {
	StartLine int        `json:"startLine"`
	Snippet   *sarifText `json:"snippet,omitempty"`
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
	root := siteRoot(r.Target)
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: r.Tool.Name, Version: r.Tool.Version,
		InformationURI: "https://github.com/didi-index/didi", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{sarifRoot: {URI: root}}
	}
	if inv, ok := sarifOverrides(r.Overrides); ok {
		run.Invocations = []sarifInvocation{inv}
	}
	seen := map[string]int{}
	for _, c := range r.Criteria {
		for _, chk := range c.Checks {
			idx := len(run.Tool.Driver.Rules)
			run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(c.ID, chk, lang))
			for _, o := range chk.Outcomes {
				level := sarifLevel(chk, o.Outcome)
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
					loc := location(root, o.URL, e)
					fp := e.Fingerprint
					if fp == "" { // a result from before fingerprints, or a page without evidence
						fp = chk.ID + ":" + loc.PhysicalLocation.ArtifactLocation.URI + ":" + e.Selector
						if seen[fp]++; seen[fp] > 1 {
							fp += fmt.Sprintf(":%d", seen[fp])
						}
					}
					run.Results = append(run.Results, sarifResult{RuleID: chk.ID, RuleIndex: idx, Level: level,
						Message: sarifText{msg}, Locations: []sarifLocation{loc},
						PartialFingerprints: map[string]string{"didiFingerprint/v1": fp}})
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

// sarifOverrides describes the scan's overrides as an invocation; false
// when there are none.
func sarifOverrides(o result.Overrides) (sarifInvocation, bool) {
	if o.Empty() {
		return sarifInvocation{}, false
	}
	inv := sarifInvocation{ExecutionSuccessful: true}
	for _, c := range o.Checks {
		conf := sarifOverrideConfig{Enabled: c.Level != result.LevelOff}
		if c.Level == result.LevelWarn {
			conf.Level = "note"
		}
		inv.RuleOverrides = append(inv.RuleOverrides, sarifRuleOverride{Descriptor: sarifDescriptor{ID: c.ID}, Configuration: conf})
	}
	if len(o.IgnoreSelectors)+len(o.IgnoreURLs) > 0 {
		inv.Properties = map[string]any{"ignoreSelectors": o.IgnoreSelectors, "ignoreUrls": o.IgnoreURLs, "ignoredElements": o.IgnoredElements}
	}
	return inv, true
}

// sarifRuleOf describes one check; no text is left empty.
func sarifRuleOf(criterion string, chk result.Check, lang string) sarifRule {
	title := oneLine(chk.Title.In(lang))
	if title == "" {
		title = chk.ID
	}
	full := oneLine(chk.Description.In(lang))
	if full == "" {
		full = title
	}
	help := oneLine(chk.Tip.In(lang))
	if help == "" {
		help = full
	}
	tags := []string{"didi:" + criterion}
	for _, sc := range chk.WCAG {
		tags = append(tags, "WCAG "+sc)
	}
	level := "error"
	if chk.Weight == 0 {
		level = "note"
	}
	return sarifRule{ID: chk.ID, Name: chk.ID, ShortDescription: sarifText{title}, FullDescription: sarifText{full},
		Help: sarifText{help}, DefaultConfiguration: sarifConfig{level},
		Properties: map[string]any{"tags": tags, "criterion": criterion, "weight": chk.Weight}}
}

// sarifLevel is the level of a result for an outcome, "" for none: a
// failure of a check that counts is an error; a failure of a weight-0
// check (advisory, e.g. WCAG AAA) and a doubtful element are notes.
func sarifLevel(chk result.Check, outcome string) string {
	switch {
	case outcome == "fail" && chk.Weight > 0:
		return "error"
	case outcome == "fail", outcome == "needs_review":
		return "note"
	}
	return ""
}

// siteRoot is the origin of the target with a final slash, as a URI, ""
// when the target is not an http(s) URL.
func siteRoot(target string) string {
	u, err := url.Parse(uriReference(target))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.Scheme + "://" + u.Host + "/"
}

// pageURI is the page as a URI reference relative to root (a folder URL
// ends in index.html, as static servers serve it; the query is dropped),
// or the page's own URI when it is on another site. Both are RFC 3986 URI
// references, percent-encoded once.
func pageURI(root, page string) sarifArtifactLoc {
	page = uriReference(page)
	if root == "" || !strings.HasPrefix(page, root) {
		return sarifArtifactLoc{URI: page}
	}
	p := page[len(root):]
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	// A path that starts with "/" or whose first segment holds a ":" would
	// read as another host or a scheme: "./" keeps it a relative path.
	if first, _, _ := strings.Cut(p, "/"); strings.HasPrefix(p, "/") || strings.Contains(first, ":") {
		p = "./" + p
	}
	return sarifArtifactLoc{URI: p, URIBaseID: sarifRoot}
}

func location(root, page string, e result.Evidence) sarifLocation {
	if e.URL != "" {
		page = e.URL
	}
	l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: pageURI(root, page), Region: sarifRegion{StartLine: max(e.Line, 1)}}}
	if e.Snippet != "" {
		l.PhysicalLocation.Region.Snippet = &sarifText{e.Snippet}
	}
	if e.Selector != "" {
		l.LogicalLocations = []sarifLogical{{FullyQualifiedName: e.Selector, Kind: "element"}}
	}
	return l
}
