package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/didi-index/didi/result"
)

// overridesResult is the fixture with a check switched off, one made a
// warning, elements and a page ignored.
func overridesResult(t *testing.T) *result.Result {
	r := loadFixture(t)
	r.Overrides = result.Overrides{
		Checks: []result.CheckOverride{
			{ID: "target-size", Criterion: "accessible", Level: result.LevelOff, Weight: 1, Title: txt("Klikdoelen zijn groot genoeg", "Les zones cliquables sont assez grandes", "Click targets are big enough")},
			{ID: "heading-order", Criterion: "accessible", Level: result.LevelWarn, Weight: 1, Title: txt("Koppen slaan geen niveau over", "Les intertitres ne sautent pas de niveau", "Headings do not skip a level")},
		},
		IgnoreSelectors: []string{"#cookie-banner"},
		IgnoreURLs:      []string{"/legacy/"},
		IgnoredElements: 4,
	}
	r.Pages = append(r.Pages, result.Page{URL: "https://www.voorbeeld-gemeente.be/legacy/", Status: 200, Ignored: true})
	return r
}

// TestOverridesInEveryFormat: every format lists the checks switched off or
// made warnings and what was ignored; PDF, HTML and Markdown in every
// language, with the sentence that says what coverage means.
func TestOverridesInEveryFormat(t *testing.T) {
	r := overridesResult(t)
	want := map[string][]string{
		"nl": {"Aangepast voor deze scan", "Uitgeschakeld: Klikdoelen zijn groot genoeg (target-size)",
			"Alleen als advies, telt niet mee: Koppen slaan geen niveau over (heading-order)",
			"Genegeerde elementen: #cookie-banner. Daardoor vielen 4 meldingen weg.",
			"Niet gecontroleerde pagina's: adressen die passen bij /legacy/ (1 pagina).", "1 niet gecontroleerd"},
		"fr": {"Réglages propres à cette analyse", "Désactivé : Les zones cliquables sont assez grandes (target-size)",
			"Éléments ignorés : #cookie-banner. 4 signalements ont ainsi été écartés.", "1 non contrôlée"},
		"en": {"Changed for this scan", "Switched off: Click targets are big enough (target-size)",
			"Advice only, does not count: Headings do not skip a level (heading-order)",
			"Elements ignored: #cookie-banner. This left out 4 findings.",
			"Pages not checked: addresses that match /legacy/ (1 page)."},
	}
	for lang, texts := range want {
		texts = append(texts, tr(lang, "coverage_explain"))
		for _, format := range []string{"html", "md", "pdf"} {
			t.Run(format+" "+lang, func(t *testing.T) {
				w, err := WriterFor(format)
				require.NoError(t, err)
				var buf bytes.Buffer
				require.NoError(t, w.Write(&buf, r, []string{lang}))
				var text string
				switch format {
				case "html":
					doc, err := html.Parse(&buf)
					require.NoError(t, err)
					text = fold(textOf(doc))
				case "md":
					text = fold(html.UnescapeString(strings.ReplaceAll(buf.String(), `\`, "")))
				case "pdf":
					path := filepath.Join(t.TempDir(), "r.pdf")
					require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
					text = pdfText(t, path)
				}
				for _, s := range texts {
					has(t, text, fold(s))
				}
				if format != "md" { // the list of pages, which Markdown has not
					has(t, text, fold(tr(lang, "page_ignored")))
				}
			})
		}
	}
	t.Run("junit", func(t *testing.T) {
		// The check made a warning fails on a page: advisory, not a failure.
		r := overridesResult(t)
		for i := range r.Criteria {
			for j := range r.Criteria[i].Checks {
				if chk := &r.Criteria[i].Checks[j]; chk.ID == "heading-order" {
					chk.Weight, chk.Counts["fail"] = 0, 1
				}
			}
		}
		var suites junitSuites
		require.NoError(t, xml.Unmarshal(render(t, r, "junit"), &suites))
		var skipped, props []string
		for _, s := range suites.Suites {
			for _, c := range s.Cases {
				if c.Skipped != nil {
					skipped = append(skipped, c.Name+" | "+c.Skipped.Message)
				}
			}
			if s.Properties != nil && s.Name == "didi.accessible" {
				for _, p := range s.Properties.List {
					props = append(props, p.Name+"="+p.Value)
				}
			}
		}
		all := strings.Join(skipped, "\n")
		has(t, all, "target-size: Click targets are big enough | switched off for this scan (checks: target-size: off): not run, not counted")
		has(t, all, "| advisory: 1 of 4 pages fail; made a warning for this scan (checks: heading-order: warn), not counted in the score")
		require.Equal(t, []string{"didi.ignore-selector=#cookie-banner", "didi.ignore-url=/legacy/"}, props)
	})
	t.Run("sarif", func(t *testing.T) {
		var log struct {
			Runs []struct {
				Invocations []sarifInvocation `json:"invocations"`
			} `json:"runs"`
		}
		require.NoError(t, json.Unmarshal(render(t, r, "sarif"), &log))
		require.Len(t, log.Runs[0].Invocations, 1)
		inv := log.Runs[0].Invocations[0]
		require.Equal(t, []sarifRuleOverride{
			{Descriptor: sarifDescriptor{ID: "target-size"}, Configuration: sarifOverrideConfig{Enabled: false}},
			{Descriptor: sarifDescriptor{ID: "heading-order"}, Configuration: sarifOverrideConfig{Enabled: true, Level: "note"}},
		}, inv.RuleOverrides)
		require.Equal(t, []any{"#cookie-banner"}, inv.Properties["ignoreSelectors"])
		require.True(t, inv.ExecutionSuccessful)
	})
}

// TestDiffMismatchesInTheReadersLanguage: the Markdown diff says in its
// language how the two results were made differently.
func TestDiffMismatchesInTheReadersLanguage(t *testing.T) {
	d := result.Diff{Mismatches: []result.Mismatch{{What: "browser", Base: "none", Head: "browser"}, {What: "overrides", Base: "none", Head: "target-size: off"},
		{What: "mode", Base: "combined", Head: "automated"}, {What: "model", Base: "didi 2026.1 (0123456789ab)", Head: "none"}}}
	for lang, want := range map[string][]string{
		"nl": {"Niet op dezelfde manier gemeten: de browser. Basismeting: zonder browser. Nu: met een browser.",
			"Niet op dezelfde manier gemeten: de aangepaste instellingen. Basismeting: geen. Nu: target-size: off."},
		"fr": {"Mesures faites autrement : le navigateur. Référence : sans navigateur. Maintenant : avec un navigateur."},
		"en": {"Not measured the same way: the changed settings. Baseline: none. Now: target-size: off.",
			"Not measured the same way: what the scores are based on. Baseline: questionnaire and automated checks. Now: automated checks only.",
			"Not measured the same way: the model. Baseline: didi 2026.1 (0123456789ab). Now: none."},
	} {
		var b bytes.Buffer
		require.NoError(t, WriteDiff(&b, d, "md", lang))
		for _, w := range want {
			has(t, fold(b.String()), fold(w))
		}
	}
}

// TestWeightZeroIsNotAProblemInTheCount: a failing check of weight 0 (AAA,
// or made a warning) is advice: the summary's count of checks that find
// problems leaves it out, in every report.
func TestWeightZeroIsNotAProblemInTheCount(t *testing.T) {
	r := ciResult() // image-alt and contact-page fail; contrast-enhanced (weight 0) too
	v := buildView(r, "en")
	if v.FailingChecks != 2 || v.CheckCount != 6 {
		t.Errorf("%d of %d checks find problems, want 2 of 6", v.FailingChecks, v.CheckCount)
	}
	has(t, string(render(t, r, "md")), "2 of the 6 checks find problems.")
}
