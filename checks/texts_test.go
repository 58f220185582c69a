package checks

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/criteria"
)

// TestEveryCheckHasItsTexts checks every registered check against the
// default model: a title, description and tip in every language; a
// reference under its own criterion that sets only parameters the check
// reads; and, running each of its fixtures with the model's parameters, a
// template in every language for each message key the evidence uses, with
// every {placeholder} filled, and a review question in every language when
// the check can say needs_review; and that the keys and needs_review its
// fixtures produce are among those it declares (Check.Messages, Review). The
// model is checked against the declarations at load (scoring.Known).
func TestEveryCheckHasItsTexts(t *testing.T) {
	reg := Default()
	m, err := criteria.LoadDefault(nil)
	require.NoError(t, err)
	refs := map[string]criteria.CheckRef{}
	for _, cr := range m.Criteria {
		for _, r := range cr.Checks {
			if c := reg.Get(r.ID); c != nil && c.Criterion == cr.ID {
				refs[r.ID] = r
			}
		}
	}
	placeholder := regexp.MustCompile(`\{(\w+)\}`)
	langs := []string{"nl", "fr", "en"}
	for _, c := range reg.All() {
		text := m.CheckText(c.ID)
		if !assert.NotNil(t, text, "check %s has no texts in the model", c.ID) {
			continue
		}
		for _, lang := range langs {
			assert.NotEmpty(t, text.Title[lang], "%s title %s", c.ID, lang)
			assert.NotEmpty(t, text.Description[lang], "%s description %s", c.ID, lang)
			assert.NotEmpty(t, text.Tip[lang], "%s tip %s", c.ID, lang)
		}
		ref, ok := refs[c.ID]
		assert.True(t, ok, "criterion %s does not reference %s", c.Criterion, c.ID)
		for name := range ref.Params {
			_, known := c.Params[name]
			assert.True(t, known, "%s: the model sets parameter %q the check does not read", c.ID, name)
		}
		entries, _ := os.ReadDir(filepath.Join("testdata", c.ID))
		for _, e := range entries {
			if fixtureOutcome(e.Name()) == "" || filepath.Ext(e.Name()) == ".want" {
				continue
			}
			for _, o := range Run(context.Background(), c, loadFixture(t, filepath.Join("testdata", c.ID, e.Name())), ref.Params) {
				if o.Outcome == NeedsReview {
					assert.True(t, c.Review, "%s/%s says needs_review but does not declare Review", c.ID, e.Name())
					for _, lang := range langs {
						assert.NotEmpty(t, text.Review[lang], "%s can need review but has no review question in %s", c.ID, lang)
					}
				}
				for _, ev := range o.Evidence {
					key := ev.Message
					if key == "" {
						key = "fail"
					}
					assert.Contains(t, c.Messages, key, "%s/%s: message %q is not in the check's Messages", c.ID, e.Name(), key)
					tmpl, ok := text.Messages[key]
					if !assert.True(t, ok, "%s/%s: no message %q in the model", c.ID, e.Name(), key) {
						continue
					}
					for _, lang := range langs {
						for _, ph := range placeholder.FindAllStringSubmatch(tmpl[lang], -1) {
							_, filled := ev.Params[ph[1]]
							assert.True(t, filled, "%s/%s: message %q (%s) needs {%s}", c.ID, e.Name(), key, lang, ph[1])
						}
					}
				}
			}
		}
	}
}
