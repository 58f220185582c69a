package checks_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
)

// simpleReachableMessages lists, for every check of the simple and
// reachable criteria, the message keys its code uses and whether it can say
// needs_review. The model must have a text for each.
var simpleReachableMessages = map[string]struct {
	keys   []string
	review bool
}{
	"form-length":           {keys: []string{"fail"}},
	"personal-autocomplete": {keys: []string{"missing", "off", "invalid"}},
	"field-input-type":      {keys: []string{"email", "tel", "numeric"}},
	"required-marked":       {keys: []string{"fail"}},
	"captcha":               {keys: []string{"widget", "script"}, review: true},
	"time-limit":            {keys: []string{"refresh", "session", "countdown"}},
	"paste-blocked":         {keys: []string{"fail", "script"}, review: true},
	"overlay-on-load":       {keys: []string{"fail"}, review: true},
	"consistent-navigation": {keys: []string{"fail"}},
	"site-search":           {keys: []string{"fail"}},
	"clickable-div":         {keys: []string{"fail", "no-role", "no-tabindex"}},
	"viewport-responsive":   {keys: []string{"missing", "fixed"}},
	"horizontal-scroll":     {keys: []string{"fail", "page"}, review: true},
	"page-weight":           {keys: []string{"fail", "largest"}},
	"request-count":         {keys: []string{"fail"}},
	"image-oversized":       {keys: []string{"fail"}},
	"slow-load":             {keys: []string{"fail"}},
	"content-without-js":    {keys: []string{"fail"}},
	"min-font-size":         {keys: []string{"fail", "page"}},
	"app-only":              {keys: []string{"phrase", "badges"}},
}

// TestSimpleReachableModelTexts checks that the default model has every
// text of the simple and reachable checks in every language, references
// each check under its criterion, and sets only parameters the check knows.
func TestSimpleReachableModelTexts(t *testing.T) {
	reg := checks.Default()
	m, err := criteria.LoadDefault(func(id string) bool { return reg.Get(id) != nil })
	require.NoError(t, err)
	texts := map[string]criteria.CheckText{}
	for _, c := range m.Checks {
		texts[c.ID] = c
	}
	refs := map[string]criteria.CheckRef{}
	for _, cr := range m.Criteria {
		for _, r := range cr.Checks {
			if c := reg.Get(r.ID); c != nil && c.Criterion == cr.ID {
				refs[r.ID] = r
			}
		}
	}
	for id, want := range simpleReachableMessages {
		c := reg.Get(id)
		require.NotNil(t, c, "check %s is not registered", id)
		txt, ok := texts[id]
		if !assert.True(t, ok, "model has no texts for %s", id) {
			continue
		}
		ref, ok := refs[id]
		assert.True(t, ok, "criterion %s does not reference %s", c.Criterion, id)
		for name := range ref.Params {
			_, known := c.Params[name]
			assert.True(t, known, "%s: the model sets parameter %q the check does not read", id, name)
		}
		for _, lang := range m.Languages {
			assert.NotEmpty(t, txt.Title[lang], "%s title %s", id, lang)
			assert.NotEmpty(t, txt.Description[lang], "%s description %s", id, lang)
			assert.NotEmpty(t, txt.Tip[lang], "%s tip %s", id, lang)
			for _, k := range want.keys {
				assert.NotEmpty(t, txt.Messages[k][lang], "%s message %s in %s", id, k, lang)
			}
			if want.review {
				assert.NotEmpty(t, txt.Review[lang], "%s review %s", id, lang)
			}
		}
	}
}
