package checks

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/didi-index/didi/criteria"
)

// TestSupportedTrustworthyInvolvingTexts runs every fixture of the checks of
// these three criteria and asserts that each message key they emit has a
// template in the model in every language, and that each {placeholder} of
// that template is filled by the evidence.
func TestSupportedTrustworthyInvolvingTexts(t *testing.T) {
	m, err := criteria.LoadDefault(nil)
	require.NoError(t, err)
	placeholder := regexp.MustCompile(`\{(\w+)\}`)
	lists := append(append(supportedChecks(), trustworthyChecks()...), involvingChecks()...)
	for i := range lists {
		c := &lists[i]
		text := m.CheckText(c.ID)
		if !assert.NotNil(t, text, "check %s has no texts in the model", c.ID) {
			continue
		}
		for _, lang := range []string{"nl", "fr", "en"} {
			assert.NotEmpty(t, text.Title[lang], "%s title %s", c.ID, lang)
			assert.NotEmpty(t, text.Description[lang], "%s description %s", c.ID, lang)
			assert.NotEmpty(t, text.Tip[lang], "%s tip %s", c.ID, lang)
		}
		entries, _ := os.ReadDir(filepath.Join("testdata", c.ID))
		for _, e := range entries {
			if fixtureOutcome(e.Name()) == "" || filepath.Ext(e.Name()) == ".want" {
				continue
			}
			for _, o := range Run(c, loadFixture(t, filepath.Join("testdata", c.ID, e.Name())), nil) {
				for _, ev := range o.Evidence {
					key := ev.Message
					if key == "" {
						key = "fail"
					}
					tmpl, ok := text.Messages[key]
					if !assert.True(t, ok, "%s/%s: no message %q in the model", c.ID, e.Name(), key) {
						continue
					}
					for _, lang := range []string{"nl", "fr", "en"} {
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
