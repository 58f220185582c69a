package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/didi-index/didi/result"
)

// markdownWriter writes a short summary for a pull request comment or a CI
// job summary: the index and level, a table of the criterion scores, the top
// tips and the counts of what needs work. One block per language.
type markdownWriter struct{}

// Format returns "md".
func (markdownWriter) Format() string { return "md" }

// Write renders the summary of r in langs.
func (markdownWriter) Write(w io.Writer, r *result.Result, langs []string) error {
	langs, err := resolveLangs(r, langs)
	if err != nil {
		return err
	}
	var b strings.Builder
	for i, lang := range langs {
		if i > 0 {
			b.WriteString("\n---\n\n")
		}
		writeMarkdown(&b, buildView(r, lang))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write markdown: %w", err)
	}
	return nil
}

// writeMarkdown writes one language's summary.
func writeMarkdown(b *strings.Builder, v *docView) {
	l := v.Lang
	fmt.Fprintf(b, "## %s%s %s\n\n", mdEscape(v.Title), colon(l), mdEscape(strings.Join(v.Targets, ", ")))
	fmt.Fprintf(b, "**%s %s %s · %s %s", tr(l, "index"), v.Index, tr(l, "out_of_100"), tr(l, "level"), v.Level)
	if v.LevelLabel != "" {
		fmt.Fprintf(b, " (%s)", mdEscape(v.LevelLabel))
	}
	fmt.Fprintf(b, "** · %s %s", tr(l, "coverage"), v.Coverage)
	if v.Date != "" {
		fmt.Fprintf(b, " · %s", v.Date)
	}
	fmt.Fprintf(b, "\n\n%s\n\n%s%s %s\n\n", tr(l, "coverage_explain"), tr(l, "pages_title"), colon(l), mdEscape(v.PagesLine))
	if v.PagesWarning != "" {
		fmt.Fprintf(b, "> **%s**\n\n", mdEscape(v.PagesWarning))
	}
	if v.ModeNote != "" {
		fmt.Fprintf(b, "> **%s.** %s\n\n", v.ModeLabel, v.ModeNote)
	}
	for _, n := range v.Notes {
		fmt.Fprintf(b, "> %s\n\n", mdEscape(n))
	}
	if len(v.Overrides) > 0 {
		fmt.Fprintf(b, "**%s.** %s\n\n", tr(l, "overrides_title"), tr(l, "overrides_intro"))
		for _, o := range v.Overrides {
			fmt.Fprintf(b, "- %s\n", mdEscape(o))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
		tr(l, "criterion"), tr(l, "combined"), tr(l, "questionnaire"), tr(l, "automated"), tr(l, "coverage"))
	for _, c := range v.Criteria {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s |\n", mdEscape(c.Title), c.Score, c.Q, c.A, c.Coverage)
	}
	b.WriteString("\n")
	if len(v.TopTips) > 0 {
		fmt.Fprintf(b, "### %s\n\n", tr(l, "top_tips"))
		for i, t := range v.TopTips {
			fmt.Fprintf(b, "%d. **%s%s** %s\n", i+1, mdEscape(t.Criterion), colon(l), mdEscape(tipLine(t)))
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "- %s\n", trN(l, "failing_count", v.FailingChecks, "total", strconv.Itoa(v.CheckCount)))
	if v.ReviewChecks > 0 {
		fmt.Fprintf(b, "- %s\n", trN(l, "review_count", v.ReviewChecks))
	}
	if v.UnansweredCount > 0 {
		fmt.Fprintf(b, "- %s\n", trN(l, "unanswered_count", v.UnansweredCount))
	}
	if n := len(v.ToFindOut); n > 0 {
		fmt.Fprintf(b, "- %s\n", trN(l, "to_find_out_count", n))
		for _, q := range v.ToFindOut {
			fmt.Fprintf(b, "  - %s (%s %s)\n", mdEscape(q.Question), tr(l, "who_knows"), mdEscape(q.Who))
		}
	}
	fmt.Fprintf(b, "\n%s %s\n", tr(l, "full_report"), v.MadeWith)
}

// tipLine is a tip's title and text on one line.
func tipLine(t tipView) string {
	if t.Title == "" || t.Title == t.Text {
		return t.Text
	}
	if strings.ContainsAny(t.Title[len(t.Title)-1:], ".?!:") {
		return t.Title + " " + t.Text
	}
	return t.Title + ". " + t.Text
}

// mdEscaper escapes the characters that would break a table cell or start
// markup (& too: Markdown decodes character references, so "&amp;" on a
// page must stay "&amp;" once shown), and folds line breaks.
var mdEscaper = strings.NewReplacer("&", "&amp;", "\\", "\\\\", "|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`",
	"<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\r\n", " ", "\n", " ", "\r", " ")

// mdEscape makes s safe inside a Markdown line or table cell; Markdown
// cannot isolate text, so bidi control characters are shown ("[U+202E]").
func mdEscape(s string) string { return mdEscaper.Replace(showBidi(s)) }
