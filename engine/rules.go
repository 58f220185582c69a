package engine

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/andybalholm/cascadia"

	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/result"
	"github.com/didi-index/didi/scoring"
)

// Rules change the model's checks for one scan without editing the model,
// as eslint's rule levels and axe-core's exclude do: `checks:`,
// `ignore-selector:` and `ignore-url:` in .didi.yaml, or the flags of the
// same names. The result records them (result.Overrides) and every report
// lists them.
type Rules struct {
	// Checks maps check ids to a level: result.LevelOff (not run, not
	// scored), result.LevelWarn (shown with weight 0, as advice) or
	// result.LevelOn (as the model says).
	Checks map[string]string
	// IgnoreSelectors are CSS selectors: evidence on an element that
	// matches one, or lies inside one that does, is dropped.
	IgnoreSelectors []string
	// IgnoreURLs are regular expressions: a page whose address (asked for
	// or final) matches one is loaded, so its links are followed, but not
	// checked and not scored.
	IgnoreURLs []string
}

// Levels are the check levels Rules take, in the order usage texts name
// them.
var Levels = []string{result.LevelOff, result.LevelWarn, result.LevelOn}

// SettingError is a bad value of one setting: a flag, or the key of
// .didi.yaml of the same name (an unknown check id, a selector or a pattern
// that does not parse). A front end that knows where the value was written
// names that place (cmd/didi: the config file's line and column). It comes
// wrapped in an InputError (exit 2).
type SettingError struct {
	// Setting is the flag's name without dashes ("checks", "fail-on").
	Setting string
	// Value is the part of the value that is wrong (a check id, a pattern).
	Value string
	// Msg says what is wrong with it.
	Msg string
}

// Error names the flag and what is wrong.
func (e *SettingError) Error() string { return "--" + e.Setting + ": " + e.Msg }

// badSetting makes a SettingError, wrapped as bad input.
func badSetting(setting, value, format string, a ...any) error {
	return BadInput(&SettingError{Setting: setting, Value: value, Msg: fmt.Sprintf(format, a...)})
}

// compiledRules are Rules checked against a model and ready to apply.
type compiledRules struct {
	model     *criteria.Model
	overrides result.Overrides
	selectors []cascadia.Matcher
	urls      []*regexp.Regexp
}

// Validate checks the rules against model m: every check id must be one m
// uses (the error names the nearest one), every level one of Levels, every
// selector and pattern must parse. The first problem is a SettingError.
func (r Rules) Validate(m *criteria.Model) error {
	_, err := r.compile(m)
	return err
}

// compile validates r against m and returns the model to scan with (checks
// switched off left out, warnings at weight 0) and what to record.
func (r Rules) compile(m *criteria.Model) (*compiledRules, error) {
	known := m.CheckIDs()
	ids := make([]string, 0, len(r.Checks))
	for id := range r.Checks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !slices.Contains(known, id) {
			return nil, badSetting("checks", id, "unknown check %q%s (didi checks lists them all)", id, suggest(id, known))
		}
		if level := r.Checks[id]; !slices.Contains(Levels, level) {
			return nil, badSetting("checks", id, "%s: %q is not a level (use %s)", id, level, strings.Join(Levels, ", "))
		}
	}
	c := &compiledRules{overrides: result.Overrides{IgnoreSelectors: []string{}, IgnoreURLs: []string{}}}
	for _, s := range r.IgnoreSelectors {
		sel, err := cascadia.ParseGroup(s)
		if err != nil {
			return nil, badSetting("ignore-selector", s, "%q is not a CSS selector: %v", s, err)
		}
		c.selectors = append(c.selectors, sel)
		c.overrides.IgnoreSelectors = append(c.overrides.IgnoreSelectors, s)
	}
	for _, s := range r.IgnoreURLs {
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, badSetting("ignore-url", s, "%q is not a regular expression: %v", s, err)
		}
		c.urls = append(c.urls, re)
		c.overrides.IgnoreURLs = append(c.overrides.IgnoreURLs, s)
	}
	c.model, c.overrides.Checks = scoring.ApplyLevels(m, r.Checks)
	return c, nil
}

// ignoresPage reports whether a page, by the address asked for or its
// final one, matches an ignored URL pattern.
func (c *compiledRules) ignoresPage(urls ...string) bool {
	for _, re := range c.urls {
		for _, u := range urls {
			if u != "" && re.MatchString(u) {
				return true
			}
		}
	}
	return false
}

// RulesOf reads the rules a saved result was made with back from its
// overrides.
func RulesOf(o result.Overrides) Rules {
	return Rules{Checks: scoring.LevelsOf(o), IgnoreSelectors: o.IgnoreSelectors, IgnoreURLs: o.IgnoreURLs}
}
