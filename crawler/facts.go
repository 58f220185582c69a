package crawler

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/didi-index/didi/snapshot"
)

// factsJS is the one page script: it returns every DOM fact as one JSON
// value (see js/facts.js).
//
//go:embed js/facts.js
var factsJS string

// pageFacts is what facts.js returns in "facts" mode.
type pageFacts struct {
	Title         string                  `json:"title"`
	Lang          string                  `json:"lang"`
	DOM           string                  `json:"dom"`
	Texts         []snapshot.TextStyle    `json:"texts"`
	TextsCapped   bool                    `json:"texts_capped"`
	MinFontSizePx float64                 `json:"min_font_size_px"`
	Controls      []snapshot.ControlStyle `json:"controls"`
	Focusables    []snapshot.Focusable    `json:"focusables"`
	FocusSampled  bool                    `json:"focus_sampled"`
	Targets       []snapshot.Target       `json:"targets"`
	Images        []snapshot.Image        `json:"images"`
	Media         []snapshot.Media        `json:"media"`
	Overlays      []snapshot.Overlay      `json:"overlays"`
	Viewport      struct {
		Content string `json:"content"`
		Blocked bool   `json:"blocked"`
	} `json:"viewport"`
	Timing       snapshot.Timing     `json:"timing"`
	RenderedText string              `json:"rendered_text"`
	Links        []string            `json:"links"`
	TextLinks    []snapshot.TextLink `json:"text_links"`
	HiddenLabels []string            `json:"hidden_labels"`
	Scrollers    []snapshot.Scroller `json:"scrollers"`
	// Perf holds the script's own time per part in ms (--verbose).
	Perf map[string]float64 `json:"perf"`
}

// factsExpr returns the expression that runs facts.js in a mode.
func factsExpr(mode string, focusLimit, textLimit int) string {
	return fmt.Sprintf("(%s)(%q, {focusLimit: %d, textLimit: %d, clear: %t})", factsJS, mode, focusLimit, textLimit, mode == "reflow")
}

// decodeFacts parses the JSON string facts.js returned.
func decodeFacts(s string) (*pageFacts, error) {
	var f pageFacts
	if err := json.Unmarshal([]byte(s), &f); err != nil {
		return nil, fmt.Errorf("decode page facts: %w", err)
	}
	return &f, nil
}

// decodeReflow parses the JSON string facts.js returned in "reflow" mode.
func decodeReflow(s string) (snapshot.Reflow, error) {
	var r snapshot.Reflow
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return r, fmt.Errorf("decode reflow facts: %w", err)
	}
	return r, nil
}

// browserFacts builds the snapshot's BrowserFacts from the page facts.
func (f *pageFacts) browserFacts() *snapshot.BrowserFacts {
	return &snapshot.BrowserFacts{
		Texts:         f.Texts,
		TextsCapped:   f.TextsCapped,
		Controls:      f.Controls,
		TextLinks:     f.TextLinks,
		HiddenLabels:  f.HiddenLabels,
		Scrollers:     f.Scrollers,
		Focusables:    f.Focusables,
		FocusSampled:  f.FocusSampled,
		Targets:       f.Targets,
		Media:         f.Media,
		Images:        f.Images,
		Timing:        f.Timing,
		RenderedText:  f.RenderedText,
		Overlays:      f.Overlays,
		MinFontSizePx: f.MinFontSizePx,
		Reflow:        snapshot.Reflow{ZoomBlocked: f.Viewport.Blocked, ViewportMeta: f.Viewport.Content},
	}
}
