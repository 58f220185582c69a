package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/didi-index/didi/result"
)

// diffTexts are the texts of the diff of two results; they join the chrome
// table (and its tests) at start-up.
var diffTexts = map[string]map[string]string{
	"diff_title":                    {"nl": "Wat veranderde sinds de basismeting", "fr": "Ce qui a changé depuis la mesure de référence", "en": "What changed since the baseline"},
	"diff_base":                     {"nl": "Basismeting", "fr": "Référence", "en": "Baseline"},
	"diff_head":                     {"nl": "Nu", "fr": "Maintenant", "en": "Now"},
	"diff_change":                   {"nl": "Verschil", "fr": "Écart", "en": "Change"},
	"diff_new":                      {"nl": "Nieuwe problemen ({n})", "fr": "Nouveaux problèmes ({n})", "en": "New problems ({n})"},
	"diff_fixed":                    {"nl": "Opgeloste problemen ({n})", "fr": "Problèmes résolus ({n})", "en": "Fixed problems ({n})"},
	"diff_still":                    {"nl": "Problemen die blijven ({n})", "fr": "Problèmes qui restent ({n})", "en": "Problems still there ({n})"},
	"diff_none":                     {"nl": "Geen.", "fr": "Aucun.", "en": "None."},
	"diff_check":                    {"nl": "Controle", "fr": "Contrôle", "en": "Check"},
	"diff_page":                     {"nl": "Pagina", "fr": "Page", "en": "Page"},
	"diff_element":                  {"nl": "Element", "fr": "Élément", "en": "Element"},
	"diff_line":                     {"nl": "Regel", "fr": "Ligne", "en": "Line"},
	"diff_elements":                 {"nl": "Elementen", "fr": "Éléments", "en": "Elements"},
	"diff_mismatch":                 {"nl": "Niet op dezelfde manier gemeten: {what}. Basismeting: {base}. Nu: {head}.", "fr": "Mesures faites autrement : {what}. Référence : {base}. Maintenant : {head}.", "en": "Not measured the same way: {what}. Baseline: {base}. Now: {head}."},
	"diff_what_target":              {"nl": "de website", "fr": "le site", "en": "the website"},
	"diff_what_mode":                {"nl": "waarop de scores steunen", "fr": "ce sur quoi reposent les scores", "en": "what the scores are based on"},
	"diff_what_browser":             {"nl": "de browser", "fr": "le navigateur", "en": "the browser"},
	"diff_what_model":               {"nl": "het model", "fr": "le modèle", "en": "the model"},
	"diff_what_languages":           {"nl": "de talen van het rapport", "fr": "les langues du rapport", "en": "the report languages"},
	"diff_what_overrides":           {"nl": "de aangepaste instellingen", "fr": "les réglages modifiés", "en": "the changed settings"},
	"diff_value_browser_browser":    {"nl": "met een browser", "fr": "avec un navigateur", "en": "with a browser"},
	"diff_value_browser_none":       {"nl": "zonder browser", "fr": "sans navigateur", "en": "without a browser"},
	"diff_value_mode_combined":      {"nl": "vragenlijst en automatische controles", "fr": "questionnaire et contrôles automatiques", "en": "questionnaire and automated checks"},
	"diff_value_mode_automated":     {"nl": "alleen automatische controles", "fr": "contrôles automatiques uniquement", "en": "automated checks only"},
	"diff_value_mode_questionnaire": {"nl": "alleen de vragenlijst", "fr": "questionnaire uniquement", "en": "questionnaire only"},
	"diff_value_overrides_none":     {"nl": "geen", "fr": "aucun", "en": "none"},
}

// mismatchLine says in lang how the two results were made differently.
func mismatchLine(m result.Mismatch, lang string) string {
	value := func(v string) string { return trOr(lang, "diff_value_"+m.What+"_"+v, v) }
	return tr(lang, "diff_mismatch", "what", trOr(lang, "diff_what_"+m.What, m.What), "base", value(m.Base), "head", value(m.Head))
}

func init() {
	for k, v := range diffTexts {
		chrome[k] = v
	}
}

// DiffFormats are the formats WriteDiff writes.
var DiffFormats = []string{"text", "md", "json"}

// WriteDiff renders the difference of two results in format ("text", "md"
// or "json"), with texts in lang.
func WriteDiff(w io.Writer, d result.Diff, format, lang string) error {
	if !supportedLang(lang) {
		return fmt.Errorf("report language %q is not supported (use %v)", lang, Languages)
	}
	var b strings.Builder
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("encode diff: %w", err)
		}
		return nil
	case "md":
		diffMarkdown(&b, d, lang)
	case "text":
		diffText(&b, d, lang)
	default:
		return fmt.Errorf("%w %q (use %s)", ErrUnknownFormat, format, strings.Join(DiffFormats, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func signed(lang string, v float64) string {
	s := formatNumber(lang, v)
	if v > 0 {
		s = "+" + s
	}
	return s
}

func diffMarkdown(b *strings.Builder, d result.Diff, lang string) {
	fmt.Fprintf(b, "## %s\n\n", tr(lang, "diff_title"))
	for _, m := range d.Mismatches {
		fmt.Fprintf(b, "> %s\n\n", mdEscape(mismatchLine(m, lang)))
	}
	fmt.Fprintf(b, "| | %s | %s | %s |\n|---|---:|---:|---:|\n", tr(lang, "diff_base"), tr(lang, "diff_head"), tr(lang, "diff_change"))
	fmt.Fprintf(b, "| **%s** | %s | %s | %s |\n", tr(lang, "index"), formatNumber(lang, d.BaseIndex), formatNumber(lang, d.HeadIndex), signed(lang, d.Delta))
	for _, c := range d.Criteria {
		delta := "–"
		if c.Delta != nil {
			delta = signed(lang, *c.Delta)
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdEscape(c.Title.In(lang)), formatScore(lang, c.Base), formatScore(lang, c.Head), delta)
	}
	b.WriteString("\n")
	for _, part := range []struct {
		key  string
		list []result.Problem
	}{{"diff_new", d.Problems.New}, {"diff_fixed", d.Problems.Fixed}} {
		fmt.Fprintf(b, "### %s\n\n", trN(lang, part.key, len(part.list)))
		if len(part.list) == 0 {
			fmt.Fprintf(b, "%s\n\n", tr(lang, "diff_none"))
			continue
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n|---|---|---|---:|\n", tr(lang, "diff_check"), tr(lang, "diff_page"), tr(lang, "diff_element"), tr(lang, "diff_line"))
		for _, p := range part.list {
			el := mdEscape(p.Message.In(lang))
			if p.Selector != "" {
				el = "`" + strings.ReplaceAll(showBidi(p.Selector), "`", "'") + "` " + el
			}
			line := ""
			if p.Line > 0 {
				line = fmt.Sprint(p.Line)
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", mdEscape(p.Check), mdEscape(p.Page), strings.ReplaceAll(el, "|", "\\|"), line)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "### %s\n\n", trN(lang, "diff_still", len(d.Problems.Still)))
	groups := groupProblems(d.Problems.Still)
	if len(groups) == 0 {
		fmt.Fprintf(b, "%s\n", tr(lang, "diff_none"))
		return
	}
	fmt.Fprintf(b, "| %s | %s | %s |\n|---|---|---:|\n", tr(lang, "diff_check"), tr(lang, "diff_page"), tr(lang, "diff_elements"))
	for _, g := range groups {
		fmt.Fprintf(b, "| %s | %s | %d |\n", mdEscape(g.check), mdEscape(g.page), g.n)
	}
}

// diffText is the plain-text diff; the warnings are left to the caller
// (stderr).
func diffText(b *strings.Builder, d result.Diff, lang string) {
	fmt.Fprintf(b, "%-6s %5s → %5s  (%s)\n", tr(lang, "index"), formatNumber(lang, d.BaseIndex), formatNumber(lang, d.HeadIndex), signed(lang, d.Delta))
	for _, c := range d.Criteria {
		delta := ""
		if c.Delta != nil {
			delta = "(" + signed(lang, *c.Delta) + ")"
		}
		fmt.Fprintf(b, "  %5s → %5s  %-8s %s\n", formatScore(lang, c.Base), formatScore(lang, c.Head), delta, c.Title.In(lang))
	}
	for _, part := range []struct {
		key  string
		list []result.Problem
	}{{"diff_new", d.Problems.New}, {"diff_fixed", d.Problems.Fixed}} {
		fmt.Fprintf(b, "%s\n", trN(lang, part.key, len(part.list)))
		for _, p := range part.list {
			fmt.Fprintf(b, "  %s  %s  %s", p.Check, p.Page, p.Selector)
			if p.Line > 0 {
				fmt.Fprintf(b, "  (%s %d)", strings.ToLower(tr(lang, "diff_line")), p.Line)
			}
			b.WriteString("\n")
		}
	}
	fmt.Fprintf(b, "%s\n", trN(lang, "diff_still", len(d.Problems.Still)))
	for _, g := range groupProblems(d.Problems.Still) {
		fmt.Fprintf(b, "  %s  %s  %d\n", g.check, g.page, g.n)
	}
}

type problemGroup struct {
	check, page string
	n           int
}

// groupProblems counts problems by check and page, in their order.
func groupProblems(ps []result.Problem) []problemGroup {
	var out []problemGroup
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].check == p.Check && out[n-1].page == p.Page {
			out[n-1].n++
			continue
		}
		out = append(out, problemGroup{p.Check, p.Page, 1})
	}
	return out
}
