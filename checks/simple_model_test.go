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

// TestSimpleReachableModelTexts checks that the default model has, in every
// language, each message key the code of the simple and reachable checks
// uses (also those no fixture reaches) and a review question for those that
// can say needs_review. Titles, tips, parameters and the messages the
// fixtures emit are checked for every check by TestEveryCheckHasItsTexts.
func TestSimpleReachableModelTexts(t *testing.T) {
	reg := checks.Default()
	m, err := criteria.LoadDefault(nil)
	require.NoError(t, err)
	for id, want := range simpleReachableMessages {
		require.NotNil(t, reg.Get(id), "check %s is not registered", id)
		txt := m.CheckText(id)
		if !assert.NotNil(t, txt, "model has no texts for %s", id) {
			continue
		}
		for _, lang := range m.Languages {
			for _, k := range want.keys {
				assert.NotEmpty(t, txt.Messages[k][lang], "%s message %s in %s", id, k, lang)
			}
			if want.review {
				assert.NotEmpty(t, txt.Review[lang], "%s review %s", id, lang)
			}
		}
	}
}
