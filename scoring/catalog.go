package scoring

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/didi-index/didi/result"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/criteria"
)

// CheckInfo describes one automated check for listings: its technical
// metadata from the registry and its texts and weight from the model.
type CheckInfo struct {
	ID          string         `json:"id"`
	Criterion   string         `json:"criterion"`
	Weight      float64        `json:"weight"`
	SiteWide    bool           `json:"site_wide,omitempty"`
	WCAG        []string       `json:"wcag"`
	ACTRules    []string       `json:"act_rules"`
	Needs       []string       `json:"needs,omitempty"`
	Params      map[string]any `json:"params,omitempty"`
	Title       result.Text    `json:"title"`
	Description result.Text    `json:"description"`
}

// Catalog lists the checks the model uses, in model order.
func Catalog(m *criteria.Model, reg *checks.Registry) []CheckInfo {
	texts := map[string]criteria.CheckText{}
	for _, t := range m.Checks {
		texts[t.ID] = t
	}
	var out []CheckInfo
	for _, c := range m.Criteria {
		for _, ref := range c.Checks {
			def := reg.Get(ref.ID)
			if def == nil {
				continue
			}
			info := CheckInfo{ID: ref.ID, Criterion: c.ID, Weight: ref.Weight, SiteWide: def.SiteWide(),
				WCAG: def.WCAG, ACTRules: def.ACT, Title: texts[ref.ID].Title, Description: texts[ref.ID].Description,
				Params: map[string]any{}}
			for _, n := range def.Needs {
				info.Needs = append(info.Needs, string(n))
			}
			for k, v := range def.Params {
				info.Params[k] = v
			}
			for k, v := range ref.Params {
				info.Params[k] = v
			}
			out = append(out, info)
		}
	}
	return out
}

// CatalogMarkdown renders the catalog as Markdown in the given languages,
// one table per criterion.
func CatalogMarkdown(m *criteria.Model, reg *checks.Registry, langs []string) []byte {
	var b bytes.Buffer
	cat := Catalog(m, reg)
	fmt.Fprintf(&b, "# didi automated checks\n\n")
	fmt.Fprintf(&b, "Generated from the built-in model (%s %s) and the check registry by `didi checks`; do not edit.\n", m.ID, m.Version)
	fmt.Fprintf(&b, "%d checks. \"browser\" means the check needs facts only a browser can measure; without one it says not_evaluated.\n", len(cat))
	for _, c := range m.Criteria {
		fmt.Fprintf(&b, "\n## %s (`%s`)\n\n", c.Title.In(langs[0]), c.ID)
		fmt.Fprintf(&b, "| id | weight | WCAG | ACT rules | needs | %s |\n|---|---|---|---|---|%s\n",
			strings.Join(langs, " | "), strings.Repeat("---|", len(langs)))
		for _, ci := range cat {
			if ci.Criterion != c.ID {
				continue
			}
			scope := ""
			if ci.SiteWide {
				scope = " (site)"
			}
			fmt.Fprintf(&b, "| `%s`%s | %g | %s | %s | %s |", ci.ID, scope, ci.Weight,
				strings.Join(ci.WCAG, ", "), strings.Join(ci.ACTRules, ", "), strings.Join(ci.Needs, ", "))
			for _, l := range langs {
				fmt.Fprintf(&b, " **%s** %s |", cell(ci.Title.In(l)), cell(ci.Description.In(l)))
			}
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

func cell(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

// Known gives the model loader the declarations of reg's checks (their
// parameters, message keys and whether they can say needs_review), so that
// criteria.Parse validates a model against the program's checks without
// importing them.
func Known(reg *checks.Registry) criteria.Known {
	return func(id string) *criteria.CheckSpec {
		c := reg.Get(id)
		if c == nil {
			return nil
		}
		spec := &criteria.CheckSpec{Messages: c.Messages, Review: c.Review}
		for name := range c.Params {
			spec.Params = append(spec.Params, name)
		}
		sort.Strings(spec.Params)
		return spec
	}
}
