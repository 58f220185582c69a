package rx

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestRequiredLiterals(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // nil: no filter
	}{
		{`contact`, []string{"CONTACT"}},
		{`(?i)(?:^|[^\p{L}\p{N}])(?:contact|kontakt|nous contacter)(?:$|[^\p{L}\p{N}])`, []string{"CONTACT", "KONTAKT", "NOUS CONTACTER"}},
		{`(?i)contact|contacteer( ons)?|contactgegevens`, []string{"CONTACT"}},
		{`(?i)(?:Bürger|bureau)+`, []string{"ÜRGER", "UREAU"}}, // the parser takes the b out: four letters are enough
		{`(?i)rue|bd|boulevard|av\.|avenue`, []string{"RUE", "BD", "BOULEVARD", "AV.", "AVENUE"}},
		{`x(?:ab|c)?y\s\d`, []string{"XABY", "XCY", "XY"}},
		{`a+b?c`, []string{"A"}},
		{`(?:ab){2,3}x*`, []string{"ABAB"}},
		{`x*`, nil},
		{`\d{4}`, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
		{`\*|\((verplicht|required)\)|[:?()]`, []string{"*", "VERPLICHT", "REQUIRED", ":", "?", "(", ")"}},
		{`(?i)[a-z]x`, []string{"X"}},
		{`[a-z]`, nil}, // more than 16 runes
		{`contact|\w+`, nil},
		{`(?:contact|)`, nil},
		{`^$`, nil},
		{`[`, nil}, // does not compile: no filter, regexp's error stands
	} {
		f := newFilter(tc.expr)
		got := slices.Clone(f.literals)
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: literals %q, want %q", tc.expr, got, want)
		}
	}
}

// exprs are expressions of the kinds the checks use, with texts that match
// them only after case folding, by Unicode's odd folds (the Kelvin sign is
// k, the long s is s), or not at all.
var exprs = []string{
	`(?i)(?:^|[^\p{L}\p{N}])(?:contact|kontakt|nous contacter|coordonnées)(?:$|[^\p{L}\p{N}])`,
	`(?i)(?:^|[^\p{L}\p{N}\-])(?:loket|balie|bürgerbüro|à l['’]accueil)(?:$|[^\p{L}\p{N}\-])`,
	`(?i)^\s*(?:hulp|help|aide|hilfe)\s*[?!.]*\s*$`,
	`(?i)(?:^|[/_.\-#?=&])(?:faq|help|kontakt)(?:$|[/_.\-#?=&])`,
	`[.!?;:•|]\s+|\s{2,}`,
	`(?i)[a-z0-9._%+\-]+(?:@|\s?[\[(]\s?(?:at|arobase)\s?[\])]\s?)[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}`,
	`Stad|Gemeente`,
	`\*|\((verplicht|vereist|required)\)|[:?()]`,
	`(?i)[ſk]ey`,
	`(ſ|k)ey`,
	`\x{FFFD}x`,
	`(?:\d{1,4}\s?,?\s)?(?i:rue|avenue|av\.|boulevard|bd|chaussée)\s+(?:de la |du )?\p{Lu}[\p{L}'’\- ]{1,40}?,?\s\d{1,4}`,
}

var texts = []string{
	"", "contact", "CONTACT us", "Neem contact op.", "Kontakt", "KONTAKT!", "nous contacter", "Coordonnées",
	"COORDONNÉES", "contacts", "e-loket", "het loket", "BÜRGERBÜRO", "bürgerbüro", "Bu\u0308rgerbu\u0308ro",
	"à l'accueil", "À L’ACCUEIL", "  help ", "Hulp?!", "helpdesk", "/nl/faq/", "?page=help", "/kontakt.html",
	"one. two", "a  b", "x", "jan@example.be", "jan [at] example.be", "JAN(AT)EXAMPLE.BE", "stad", "Stad Gent",
	"key", "KEY", "\u212aey", "ſey", "SEY", "sey", "\xffx", "\ufffdx", "x\xff", "12 BD Anspach 5", "bd du Roi, 3",
	"Chaussée de Gand 12", "CHAUSSEE de Gand 12", "av. Louise 54", "B D Anspach 5", "Boulevard Anspach 5", strings.Repeat("lorem ipsum ", 10000) + "contact",
	strings.Repeat("é", 70000) + " contact", strings.Repeat("a", 70000),
}

// TestSameAsRegexp: every method gives regexp's answer.
func TestSameAsRegexp(t *testing.T) {
	for _, e := range exprs {
		fast, std := MustCompile(e), regexp.MustCompile(e)
		for _, s := range texts {
			same(t, fast, std, s)
		}
	}
}

func same(t *testing.T, fast *Regexp, std *regexp.Regexp, s string) {
	t.Helper()
	short := s
	if len(short) > 40 {
		short = short[:40] + "…"
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"MatchString", fast.MatchString(s), std.MatchString(s)},
		{"FindString", fast.FindString(s), std.FindString(s)},
		{"FindStringIndex", fast.FindStringIndex(s), std.FindStringIndex(s)},
		{"FindStringSubmatch", fast.FindStringSubmatch(s), std.FindStringSubmatch(s)},
		{"FindStringSubmatchIndex", fast.FindStringSubmatchIndex(s), std.FindStringSubmatchIndex(s)},
		{"FindAllString", fast.FindAllString(s, -1), std.FindAllString(s, -1)},
		{"FindAllStringIndex", fast.FindAllStringIndex(s, -1), std.FindAllStringIndex(s, -1)},
		{"FindAllStringSubmatch", fast.FindAllStringSubmatch(s, -1), std.FindAllStringSubmatch(s, -1)},
		{"FindAllStringSubmatchIndex", fast.FindAllStringSubmatchIndex(s, -1), std.FindAllStringSubmatchIndex(s, -1)},
		{"Split", fast.Split(s, -1), std.Split(s, -1)},
		{"Split0", fast.Split(s, 0), std.Split(s, 0)},
		{"Split2", fast.Split(s, 2), std.Split(s, 2)},
		{"ReplaceAllString", fast.ReplaceAllString(s, "<$0>"), std.ReplaceAllString(s, "<$0>")},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s on %q: %s gives %v, regexp %v", fast, short, c.name, c.got, c.want)
		}
	}
}

// FuzzSameAsRegexp looks for a text on which the prefilter says no while
// regexp finds a match.
func FuzzSameAsRegexp(f *testing.F) {
	for _, s := range texts {
		if len(s) < 1000 {
			f.Add(s)
		}
	}
	fast := make([]*Regexp, len(exprs))
	std := make([]*regexp.Regexp, len(exprs))
	for i, e := range exprs {
		fast[i], std[i] = MustCompile(e), regexp.MustCompile(e)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := range exprs {
			if fast[i].MatchString(s) != std[i].MatchString(s) {
				t.Errorf("%s on %q: MatchString differs", std[i], s)
			}
		}
	})
}

// BenchmarkNoMatchInBigText searches a word list in 3.5 MB of text that
// holds none of its words, as the supported checks do on a hostile page.
func BenchmarkNoMatchInBigText(b *testing.B) {
	text := strings.Repeat("see read more see item 12345 ", 120_000)
	for _, c := range []struct {
		name string
		re   interface{ MatchString(string) bool }
	}{{"regexp", regexp.MustCompile(exprs[1])}, {"rx", MustCompile(exprs[1])}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if c.re.MatchString(text) {
					b.Fatal("match")
				}
			}
		})
	}
}
