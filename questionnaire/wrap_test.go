package questionnaire

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	long := strings.Repeat("x", 45)
	tests := []struct {
		name, in string
		width    int
		want     string
	}{
		{"fits", "Vraag 1/7", 20, "Vraag 1/7"},
		{"at word boundaries", "Gebruikt u eenvoudige taal op uw website?", 20, "Gebruikt u\neenvoudige taal op\nuw website?"},
		{"exact fit", "aaaa bbbb cccc dddd eeee", 24, "aaaa bbbb cccc dddd eeee"},
		{"a word longer than the width is broken", "Zie " + long + " nu", 20, "Zie\n" + long[:20] + "\n" + long[20:40] + "\n" + long[40:] + " nu"},
		{"indentation kept", "    Dit is een lange uitleg over de vraag.", 22, "    Dit is een lange\n    uitleg over de\n    vraag."},
		{"list items hang", "  12) Ja, voor alle pagina's van de site", 24, "  12) Ja, voor alle\n      pagina's van de\n      site"},
		{"no-break spaces hold", "Choisissez une option\u00a0:", 21, "Choisissez une\noption\u00a0:"},
		{"a prompt keeps its last space", "Uw keuze (1-4, ? = uitleg, x = stoppen): ", 24, "Uw keuze (1-4,\n? = uitleg,\nx = stoppen): "},
		{"keys stay with their meaning", "Enter = overslaan, x = bewaren en stoppen", 24, "Enter = overslaan,\nx = bewaren en stoppen"},
		{"each line apart", "Eerste regel is lang genoeg\n\nTweede", 20, "Eerste regel is lang\ngenoeg\n\nTweede"},
		{"too narrow a width", "een twee drie vier vijf zes zeven acht", 5, "een twee drie vier\nvijf zes zeven acht"},
		{"accents count as one", "één één één één één één", 20, "één één één één één\néén"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.in, tt.width)
			if got != tt.want {
				t.Errorf("wrap(%q, %d) =\n%q\nwant\n%q", tt.in, tt.width, got, tt.want)
			}
			for _, line := range strings.Split(got, "\n") {
				if utf8.RuneCountInString(strings.TrimRight(line, " ")) > max(tt.width, minWidth) {
					t.Errorf("line %q is longer than %d", line, tt.width)
				}
			}
		})
	}
}

func TestTerminalWidth(t *testing.T) {
	tests := []struct {
		columns string
		want    int
	}{
		{"120", 120},
		{" 60 ", 60},
		{"", DefaultWidth},
		{"wide", DefaultWidth},
		{"-3", DefaultWidth},
	}
	for _, tt := range tests {
		t.Setenv("COLUMNS", tt.columns)
		if got := TerminalWidth(&bytes.Buffer{}); got != tt.want {
			t.Errorf("COLUMNS=%q: width %d, want %d", tt.columns, got, tt.want)
		}
	}
}
