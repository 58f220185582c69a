package checks

import (
	"strconv"
	"strings"
	"time"

	"github.com/didi-index/didi/checks/internal/rx"
)

// Dates of accessibility statements, in Dutch, French, German and English
// and in ISO or numeric (day first) form.

// monthNames maps month names and common abbreviations to months.
func monthNames() map[string]time.Month {
	return map[string]time.Month{
		"januari": 1, "janvier": 1, "januar": 1, "jänner": 1, "january": 1, "jan": 1, "janv": 1,
		"februari": 2, "février": 2, "fevrier": 2, "februar": 2, "february": 2, "feb": 2, "febr": 2, "févr": 2, "fév": 2,
		"maart": 3, "mars": 3, "märz": 3, "maerz": 3, "march": 3, "mrt": 3, "mar": 3, "mär": 3,
		"april": 4, "avril": 4, "apr": 4, "avr": 4,
		"mei": 5, "mai": 5, "may": 5,
		"juni": 6, "juin": 6, "june": 6, "jun": 6,
		"juli": 7, "juillet": 7, "july": 7, "jul": 7, "juil": 7,
		"augustus": 8, "août": 8, "aout": 8, "august": 8, "aug": 8,
		"september": 9, "septembre": 9, "sep": 9, "sept": 9,
		"oktober": 10, "octobre": 10, "october": 10, "okt": 10, "oct": 10,
		"november": 11, "novembre": 11, "nov": 11,
		"december": 12, "décembre": 12, "decembre": 12, "dezember": 12, "dec": 12, "déc": 12, "dez": 12,
	}
}

const monthAlt = `januari|janvier|januar|jänner|january|janv|jan|februari|février|fevrier|februar|february|févr|fév|febr|feb|` +
	`maart|mars|märz|maerz|march|mrt|mär|mar|april|avril|apr|avr|mei|mai|may|juni|juin|june|jun|juli|juillet|july|juil|jul|` +
	`augustus|août|aout|august|aug|september|septembre|sept|sep|oktober|octobre|october|okt|oct|november|novembre|nov|` +
	`december|décembre|decembre|dezember|déc|dec|dez`

var (
	isoDateRE   = rx.MustCompile(`(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?:$|[^\d])`)
	numDateRE   = rx.MustCompile(`(?:^|[^\d])(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:$|[^\d])`)
	dayMonthRE  = rx.MustCompile(`(?i)(?:^|[^\p{L}\d])(\d{1,2})(?:er|e|\.)?\s+(` + monthAlt + `)\.?\s+(\d{4})(?:$|[^\d])`)
	monthDayRE  = rx.MustCompile(`(?i)(?:^|[^\p{L}\d])(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:$|[^\d])`)
	monthYearRE = rx.MustCompile(`(?i)(?:^|[^\p{L}\d])(` + monthAlt + `)\.?\s+(\d{4})(?:$|[^\d])`)
)

// dateCue announces when a statement was made or reviewed.
var dateCue = wordsRE(`opgesteld`, `bijgewerkt`, `herzien`, `herbekeken`, `geactualiseerd`, `laatst`, `gedateerd`, `datum`,
	`établie`, `etablie`, `établi`, `mise à jour`, `mis à jour`, `révisée`, `revue`, `réexaminée`, `actualisée`, `date`,
	`erstellt`, `aktualisiert`, `überprüft`, `zuletzt`, `stand`, `datum`,
	`prepared`, `updated`, `reviewed`, `revised`, `last`, `dated`, `created`, `drawn up`)

// datedText is a date found in a text, with the text it was read from.
type datedText struct {
	Date time.Time
	Text string
}

// parseDate reads the first date in s.
func parseDate(s string) (datedText, bool) {
	months := monthNames()
	type cand struct {
		at   int
		date datedText
	}
	var best *cand
	consider := func(at int, y, m, d int, text string) {
		if m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2200 {
			return
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return
		}
		if best == nil || at < best.at {
			best = &cand{at, datedText{t, strings.TrimSpace(text)}}
		}
	}
	if m := isoDateRE.FindStringSubmatchIndex(s); m != nil {
		consider(m[2], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]), s[m[2]:m[7]])
	}
	if m := numDateRE.FindStringSubmatchIndex(s); m != nil {
		consider(m[2], atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]), s[m[2]:m[7]])
	}
	sawDay := false
	if m := dayMonthRE.FindStringSubmatchIndex(s); m != nil {
		sawDay = true
		consider(m[2], atoi(s[m[6]:m[7]]), int(months[strings.ToLower(s[m[4]:m[5]])]), atoi(s[m[2]:m[3]]), s[m[2]:m[7]])
	}
	if m := monthDayRE.FindStringSubmatchIndex(s); m != nil {
		sawDay = true
		consider(m[2], atoi(s[m[6]:m[7]]), int(months[strings.ToLower(s[m[2]:m[3]])]), atoi(s[m[4]:m[5]]), s[m[2]:m[7]])
	}
	if best == nil && !sawDay {
		if m := monthYearRE.FindStringSubmatchIndex(s); m != nil {
			consider(m[2], atoi(s[m[4]:m[5]]), int(months[strings.ToLower(s[m[2]:m[3]])]), 1, s[m[2]:m[5]])
		}
	}
	if best == nil {
		return datedText{}, false
	}
	return best.date, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// statementDate returns the newest date that follows a cue word ("opgesteld
// op", "mise à jour le", "Stand:", "last reviewed on") within 60 characters.
// Dates without a cue (the date of a law, of a standard) are not taken.
func statementDate(text string) (datedText, bool) {
	var newest datedText
	ok := false
	for _, c := range dateCue.FindAllStringIndex(text, -1) {
		window := text[c[1]-1:]
		if len(window) > 60 {
			window = window[:60]
			for len(window) > 0 && !utf8Start(window[len(window)-1]) {
				window = window[:len(window)-1]
			}
		}
		if d, found := parseDate(window); found && (!ok || d.Date.After(newest.Date)) {
			newest, ok = d, true
		}
	}
	return newest, ok
}

// utf8Start reports whether b can end a valid cut of a UTF-8 string (it is
// an ASCII byte).
func utf8Start(b byte) bool { return b < 0x80 }
