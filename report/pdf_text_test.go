package report

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// testDoc is a document ready for measuring text.
func testDoc(t *testing.T) *pdfDoc {
	t.Helper()
	r := fixtureResult(1)
	d, err := newPDFDoc(r, []*docView{buildView(r, "nl")})
	if err != nil {
		t.Fatal(err)
	}
	d.f.AddPage()
	return d
}

func TestClean(t *testing.T) {
	d := testDoc(t)
	tests := []struct{ in, want string }{
		{"Noël « été » œuvre € ’ …", "Noël « été » œuvre € ’ …"},
		{"tab\there\r\nnext", "tab here\nnext"},
		{"emoji 🙂 end", "emoji [niet\u00a0getoond] end"},
		{"🙂👍🏽 👨\u200d👩\u200d👧 ok", "[niet\u00a0getoond] ok"},
		{"中文 漢字。", "[niet\u00a0getoond]"},
		{"عربي: مرحبًا", "[niet\u00a0getoond]: [niet\u00a0getoond]"},
		{"<p>שלום</p>", "<p>[niet\u00a0getoond]</p>"},
		{"© ©\ufe0f", "© ©"},
		{"a\u202eb", "a[U+202E]b"},
		{"narrow\u202fspace", "narrow\u00a0space"},
		{"zero\u200bwidth", "zerowidth"},
		{"\x00\x07", "  "},
	}
	for _, tt := range tests {
		if got := d.s(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrapping(t *testing.T) {
	d := testDoc(t)
	long := "https://example.be/" + strings.Repeat("abcdefghij/", 40) + "page-42"
	tests := []struct {
		name     string
		lines    func() []string
		width    float64
		maxLines int
		suffix   string // the last line must end with this
	}{
		{"code fills lines", func() []string { d.mono(monoSize); return d.wrapCode(long, 80, 0) }, 80, 0, "page-42"},
		{"code capped", func() []string { d.mono(monoSize); return d.wrapCode(long, 80, 3) }, 80, 3, "…"},
		{"url keeps its end", func() []string { d.mono(monoSize); return d.wrapURL(long, 80, 2) }, 80, 2, "page-42"},
		{"text capped", func() []string { d.font("", bodySize); return d.wrap(strings.Repeat("woord ", 200), 60, 4) }, 60, 4, "…"},
		{"text breaks long words", func() []string { d.font("", bodySize); return d.wrap(long, 60, 0) }, 60, 0, "page-42"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := tt.lines()
			if tt.maxLines > 0 && len(lines) != tt.maxLines {
				t.Errorf("%d lines, want %d", len(lines), tt.maxLines)
			}
			for _, l := range lines {
				if w := d.f.GetStringWidth(strings.TrimRight(l, " ")); w > tt.width+0.01 { // a trailing space is not seen
					t.Errorf("line %q is %.1f mm wide, more than %.1f", l, w, tt.width)
				}
			}
			if last := lines[len(lines)-1]; !strings.HasSuffix(last, tt.suffix) {
				t.Errorf("last line %q does not end with %q", last, tt.suffix)
			}
		})
	}
	d.font("", bodySize)
	if got := d.fit(long, 50); d.f.GetStringWidth(got) > 50 || !strings.HasSuffix(got, "…") {
		t.Errorf("fit gave %q", got)
	}
	if got := d.fit("kort", 50); got != "kort" {
		t.Errorf("fit changed a short text: %q", got)
	}
}

func TestShorten(t *testing.T) {
	long := strings.Repeat("a", 1000) + "END"
	got := shorten(long)
	if utf8.RuneCountInString(got) != maxCodeRunes || !strings.HasSuffix(got, "END") || !strings.Contains(got, "…") {
		t.Errorf("shorten: %d runes, %q…", utf8.RuneCountInString(got), got[len(got)-10:])
	}
	if shorten("kort") != "kort" {
		t.Error("shorten changed a short text")
	}
}

func TestWrapKeepsNoBreakSpaces(t *testing.T) {
	d := testDoc(t)
	d.font("", bodySize)
	text := "Votre équipe teste-t-elle chaque nouvelle page\u202f? Répondez\u00a0: oui ou non\u202f! Couverture 82\u00a0%"
	for w := 10.0; w < 120; w += 0.5 {
		for _, line := range d.wrap(text, w, 0) {
			if strings.ContainsAny(line[:1], "?!:%;") {
				t.Fatalf("width %.1f: a line starts with a mark: %q", w, line)
			}
			if line = strings.TrimRight(line, " "); d.f.GetStringWidth(line) > w && strings.Contains(line, " ") {
				t.Fatalf("width %.1f: line %q is too wide", w, line)
			}
		}
	}
}

// TestPDFMissingGlyphs renders site texts in scripts the fonts lack: each
// becomes the marker of the section's language, never a "?", and the
// summary of each language says what the marker means.
func TestPDFMissingGlyphs(t *testing.T) {
	const scripts = "emoji 🙂👍🏽, 中文 日本語 한국어, عربي, עברית"
	plainPath, _ := renderPDF(t, siteTextResult("plain"), []string{"nl", "fr"})
	plain := pdfText(t, plainPath)
	path, _ := renderPDF(t, siteTextResult(scripts), []string{"nl", "fr"})
	text := pdfText(t, path)
	if got, want := strings.Count(text, "?"), strings.Count(plain, "?"); got != want {
		t.Errorf("%d question marks, want %d as without the scripts", got, want)
	}
	if strings.Contains(plain, "[niet\u00a0getoond]") || strings.Contains(plain, tr("nl", "glyph_missing_label")) {
		t.Error("a report without missing characters has the marker or its note")
	}
	fr := strings.Index(text, "Français · Rapport")
	if fr < 0 {
		t.Fatal("no French section")
	}
	for _, lang := range []string{"nl", "fr"} {
		sec := text[:fr]
		if lang == "fr" {
			sec = text[fr:]
		}
		marker := tr(lang, "glyph_missing")
		want := fold(marker + ", " + marker + ", " + marker + ", " + marker)
		if !strings.Contains(sec, "emoji "+want) {
			t.Errorf("%s: the runs of missing characters are not each one marker %q", lang, want)
		}
		note := fold(tr(lang, "glyph_missing_note", "marker", marker))
		if n := strings.Count(sec, note); n != 1 {
			t.Errorf("%s: the note on missing characters is there %d times, want once", lang, n)
		}
	}
}
