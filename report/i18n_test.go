package report

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// placeholders finds the {placeholders} of a chrome text; fmtVerb a fmt
// verb, which chrome texts no longer use.
var (
	placeholders = regexp.MustCompile(`\{[a-z]+\}`)
	fmtVerb      = regexp.MustCompile(`%[a-z]`)
)

// sortedPlaceholders lists the placeholders of s, sorted: languages may put
// them in another order.
func sortedPlaceholders(s string) string {
	list := placeholders.FindAllString(s, -1)
	slices.Sort(list)
	return strings.Join(list, "")
}

func TestChromeComplete(t *testing.T) {
	for key, texts := range chrome {
		want := sortedPlaceholders(texts["en"])
		for _, lang := range Languages {
			s := texts[lang]
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: no %s text", key, lang)
				continue
			}
			if got := sortedPlaceholders(s); got != want {
				t.Errorf("%s/%s: placeholders %s, en has %s", key, lang, got, want)
			}
			if fmtVerb.MatchString(s) {
				t.Errorf("%s/%s: a fmt verb; chrome texts use {placeholders}", key, lang)
			}
		}
		if len(texts) != len(Languages) {
			t.Errorf("%s: %d languages, want %d", key, len(texts), len(Languages))
		}
	}
}

func TestTr(t *testing.T) {
	tests := []struct {
		lang, key string
		args      []string
		want      string
	}{
		{"nl", "page_x_of_y", []string{"page", "3", "pages", "9"}, "Pagina 3 van 9"},
		{"fr", "levels_sentence", []string{"levels", "A"}, "Niveaux\u00a0: A."},
		{"de", "summary", nil, "Summary"},
		{"nl", "no-such-key", nil, "no-such-key"},
	}
	for _, tt := range tests {
		if got := tr(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("tr(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if got := trN("nl", "review_count", 1); got != "1 controle vraagt een blik van het team." {
		t.Errorf("singular: %q", got)
	}
	if got := trN("fr", "review_count", 2); got != "2 contrôles sont à vérifier par l'équipe." {
		t.Errorf("plural: %q", got)
	}
}

func TestNumbersAndDates(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"nl number", formatNumber("nl", 72.46), "72,5"},
		{"fr number", formatNumber("fr", 72.5), "72,5"},
		{"en number", formatNumber("en", 72.5), "72.5"},
		{"whole", formatNumber("nl", 100), "100,0"},
		{"nil score", formatScore("fr", nil), "pas de score"},
		{"nl percent", formatPercent("nl", 0.916), "92%"},
		{"fr percent", formatPercent("fr", 0.5), "50\u00a0%"},
		{"bound", formatBound("nl", 85), "85"},
		{"bound decimal", formatBound("nl", 62.5), "62,5"},
		{"nl date", formatDate("nl", "2026-11-23T09:16:41Z"), "23 november 2026"},
		{"fr date", formatDate("fr", "2026-03-01"), "1er mars 2026"},
		{"en date", formatDate("en", "2026-08-15T10:00:00+02:00"), "15 August 2026"},
		{"bad date", formatDate("nl", "gisteren"), "gisteren"},
		{"period", formatPeriod("nl", "2026-11-23T09:14:05Z", "2026-11-23T09:16:41Z"), "23 november 2026, 09:14–09:16 UTC"},
		{"period two days", formatPeriod("en", "2026-11-23T23:59:00Z", "2026-11-24T00:01:00Z"), "23 November 2026 23:59 – 24 November 2026 00:01 UTC"},
		{"fr colon", colon("fr"), "\u00a0:"},
		{"nl colon", colon("nl"), ":"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

// TestEveryCountHasSingular holds every counted text ("%d pages") to a
// singular form (key_one), so that "1 pages" never shows.
func TestEveryCountHasSingular(t *testing.T) {
	notCounts := map[string]bool{"page_x_of_y": true, "pages_mostly_failed": true}
	for key, texts := range chrome {
		if strings.HasSuffix(key, "_one") || notCounts[key] || !strings.Contains(texts["en"], "%d") {
			continue
		}
		one, ok := chrome[key+"_one"]
		if !ok {
			t.Errorf("chrome %q counts with %%d but has no %q", key, key+"_one")
			continue
		}
		for _, lang := range Languages {
			if one[lang] == "" {
				t.Errorf("chrome %q: no %s text", key+"_one", lang)
			}
		}
	}
}
