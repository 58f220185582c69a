package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/didi-index/didi/checks/internal/rx"
)

// Patterns of the supported criterion: contact details, opening hours and
// the words for help, desks and digital help in Dutch, French, German and
// English.

var contactTopic = topic{
	Text: wordsRE(`contact`, `contacteer( ons)?`, `neem (contact|het contact) op`, `contacteren`, `contactgegevens`,
		`nous contacter`, `contactez[- ]nous`, `contactez`, `coordonnées`,
		`kontakt`, `kontaktieren sie uns`, `kontaktformular`,
		`contact us`, `get in touch`),
	Slug: slugRE(`contact`, `contacteer`, `contacteer-ons`, `contact-us`, `contactez-nous`, `nous-contacter`, `kontakt`, `contacto`),
}

var helpTopic = topic{
	// A bare "Aide" or "Hilfe" counts only as the whole link text or heading:
	// inside a text it often means something else ("aide sociale").
	Text: rx.MustCompile(`(?i)^\s*(?:hulp|help|aide|hilfe)\s*[?!.]*\s*$|` + wordsRE(`faq`, `faqs`, `veelgestelde vragen`,
		`vaak gestelde vragen`, `veel gestelde vragen`, `hulp nodig\s?\??`, `hulp en (?:veelgestelde vragen|advies|ondersteuning)`,
		`helpdesk`, `hulpcentrum`, `questions fréquentes`, `questions fr[eé]quemment pos[eé]es`, `foire aux questions`,
		`aide et questions fréquentes`, `besoin d['’]aide\s?\??`, `centre d['’]aide`, `aide en ligne`, `häufige fragen`,
		`häufig gestellte fragen`, `fragen und antworten`, `hilfe und kontakt`, `hilfe-center`, `frequently asked questions`,
		`help centre`, `help center`, `need help\s?\??`).String()),
	Slug: slugRE(`faq`, `faqs`, `help`, `hulp`, `aide`, `hilfe`, `veelgestelde-vragen`, `questions-frequentes`, `haeufige-fragen`, `support`),
}

// emailRE finds e-mail addresses in text, also written as "naam [at] domein".
var emailRE = rx.MustCompile(`(?i)[a-z0-9._%+\-]+(?:@|\s?[\[(]\s?(?:at|apenstaart|arobase)\s?[\])]\s?)[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}`)

// phoneRE finds candidate phone numbers; isPhone validates them.
var phoneRE = rx.MustCompile(`(?:\+|00)\s?\d{2,3}\s?(?:\(0\)\s?)?\d{1,4}(?:\s?[./\-]?\s?\d{2,4}){2,4}|0\d{1,3}(?:\s?[./\-]?\s?\d{2,3}){2,4}`)

// findPhones returns the phone numbers in text. A text without a run of
// nine digits among separators, from a + or a 0 on, has none: a match of
// phoneRE is such a run, and isPhone wants nine digits at least. The scan
// costs a pass over the bytes, not phoneRE over the whole text.
func findPhones(text string) []string {
	if !hasDigitRun(text, isPhoneByte, func(c byte) bool { return c == '+' || c == '0' }, 9) {
		return nil
	}
	return scanPhones(text)
}

// scanPhones is findPhones without the scan that rules texts out.
func scanPhones(text string) []string {
	var out []string
	for _, loc := range phoneRE.FindAllStringIndex(text, -1) {
		s, e := loc[0], loc[1]
		cand := strings.TrimRight(text[s:e], " ./-")
		e = s + len(cand)
		if s > 0 && isPhoneNeighbour(rune(text[s-1])) || e < len(text) && isDigitAfter(text[e:]) {
			continue
		}
		if enterpriseContext(text[:s]) {
			continue
		}
		if isPhone(cand) {
			out = append(out, cand)
		}
	}
	return out
}

// isPhoneByte reports whether c can be part of a match of phoneRE: a
// digit, white space (\s), + ( ) . / or -.
func isPhoneByte(c byte) bool {
	return c >= '0' && c <= '9' || isSpaceByte(c) || strings.IndexByte("+()./-", c) >= 0
}

// isSpaceByte reports whether c is \s of Go's regexp: \t \n \f \r or space.
func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// hasDigitRun reports whether text has a run of bytes that in allows
// holding at least min digits from a byte that start allows on.
func hasDigitRun(text string, in, start func(byte) bool, min int) bool {
	digits := -1 // no start yet in this run
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !in(c) {
			digits = -1
			continue
		}
		if digits < 0 && start(c) {
			digits = 0
		}
		if digits >= 0 && c >= '0' && c <= '9' {
			if digits++; digits >= min {
				return true
			}
		}
	}
	return false
}

func isPhoneNeighbour(r rune) bool {
	return unicode.IsDigit(r) || unicode.IsLetter(r) || r == '/' || r == '.'
}

// isDigitAfter reports whether rest continues the number (a digit, or a
// separator and a digit).
func isDigitAfter(rest string) bool {
	if rest == "" {
		return false
	}
	if rest[0] >= '0' && rest[0] <= '9' {
		return true
	}
	return len(rest) > 1 && strings.ContainsRune("./-", rune(rest[0])) && rest[1] >= '0' && rest[1] <= '9'
}

// isPhone checks that a candidate has the digits of a Belgian national number
// (9 or 10 digits starting with a single 0, not an enterprise number written
// 0xxx.xxx.xxx) or of an international one (+ or 00, 9 to 15 digits).
func isPhone(s string) bool {
	digits := onlyDigits(s)
	switch {
	case strings.HasPrefix(s, "+"):
		return len(digits) >= 9 && len(digits) <= 15
	case strings.HasPrefix(s, "00"):
		return len(digits) >= 11 && len(digits) <= 17
	case strings.HasPrefix(s, "0"):
		if len(digits) != 9 && len(digits) != 10 {
			return false
		}
		// 0xxx.xxx.xxx with dots is how enterprise numbers are written.
		return !enterpriseShape.MatchString(s)
	}
	return false
}

var enterpriseShape = rx.MustCompile(`^[01]\d{3}\.\d{3}\.\d{3}$`)

// enterpriseContext reports whether the text just before a number names an
// enterprise or VAT number.
func enterpriseContext(before string) bool {
	if len(before) > 40 {
		before = before[len(before)-40:]
	}
	return enterpriseCue.MatchString(before)
}

func onlyDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Postal addresses: a Belgian postcode with a municipality, and a street with
// a house number.
var (
	postcodeRE = rx.MustCompile(`(?:^|[^\p{L}\p{N}])(?:B-?\s?)?[1-9]\d{3}\s+(?:(?:La|Le|Les|De|Den|Sankt)\s)?\p{Lu}[\p{L}'’\-]+`)
	streetRE   = rx.MustCompile(`(?:` +
		// nl and de: Kerkstraat 12, Sint-Pietersnieuwstraat 25, Grote Markt 1, Hauptstraße 5
		`\p{Lu}[\p{L}'’\-]*(?:straat|laan|weg|plein|lei|dreef|steenweg|kaai|markt|dijk|baan|hof|pad|singel|vest|wal|gracht|park|berg|veld|plaats|kouter|rei|square|straße|strasse|str\.|platz|allee|gasse|ring|ufer)\s+\d{1,4}\s?[a-zA-Z]?(?:\s?(?:bus|boîte|bte|b\.)\s?\d+)?` +
		// nl: Grote Markt 1, Kleine Kouter 3
		`|\p{Lu}\p{L}+\s(?:Markt|Plein|Kaai|Dreef|Laan|Weg|Steenweg|Kouter|Vest|Dijk|Lei|Baan)\s+\d{1,4}\s?[a-zA-Z]?` +
		// fr: rue de la Loi 16, 16 rue de la Loi, Avenue Louise 54, place Saint-Lambert 1
		`|(?:\d{1,4}\s?,?\s)?(?i:rue|avenue|av\.|boulevard|bd|chaussée|place|quai|square|allée|chemin|route|impasse|clos|galerie|rempart|parvis)\s+(?:de la |de l['’]|du |des |de |d['’])?\p{Lu}[\p{L}'’\- ]{1,40}?,?\s\d{1,4}` +
		`|\d{1,4}\s?,?\s(?i:rue|avenue|boulevard|chaussée|place|quai)\s+(?:de la |de l['’]|du |des |de |d['’])?\p{Lu}[\p{L}'’\-]+` +
		// en: 12 Church Street, 5 Main Road
		`|\d{1,4}\s+\p{Lu}[\p{L}'’\-]+(?:\s\p{Lu}[\p{L}'’\-]+)?\s(?:Street|St\.|Road|Rd\.|Avenue|Lane|Square|Place|Drive)` +
		`)`)
)

// findAddress returns a postal address in text: a street with a number
// within 80 characters of a postcode and municipality. A text without four
// digits, white space and a capital (the core of postcodeRE) has none.
func findAddress(text string) string {
	if !hasPostcodeCore(text) {
		return ""
	}
	return scanAddress(text)
}

// hasPostcodeCore reports whether text holds [1-9]\d{3}\s+\p{Lu}, which
// every match of postcodeRE does ("La", "Den", "Sankt" begin with one).
func hasPostcodeCore(text string) bool {
	for i := 0; i+5 < len(text); i++ {
		if text[i] < '1' || text[i] > '9' || !isDigits(text[i+1:i+4]) || !isSpaceByte(text[i+4]) {
			continue
		}
		j := i + 4
		for j < len(text) && isSpaceByte(text[j]) {
			j++
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// scanAddress is findAddress without the scan that rules texts out.
func scanAddress(text string) string {
	for _, pc := range postcodeRE.FindAllStringIndex(text, -1) {
		from := max(0, pc[0]-80)
		to := min(len(text), pc[1]+80)
		window := text[from:to]
		if st := streetRE.FindStringIndex(window); st != nil {
			a, b := min(from+st[0], pc[0]), max(from+st[1], pc[1])
			return strings.TrimSpace(text[a:b])
		}
	}
	return ""
}

// Opening hours: a day or a range of days near a range of hours.
var (
	dayNames = `maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|werkdagen|weekdagen|elke werkdag|` +
		`lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|jours ouvrables|en semaine|` +
		`montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|werktags|werktage|` +
		`monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekdays|working days`
	dayAbbr = `ma|di|wo|do|vr|za|zo|lu|lun|mar|mer|jeu|ven|sam|dim|mo|mi|fr|sa|so|mon|tue|tues|wed|thu|thur|fri|sat|sun`
	dayRE   = wordsRE(dayNames,
		`(?:`+dayAbbr+`)\.?\s?(?:-|–|—|t/m|tot|au|à|bis|to|till)\s?(?:`+dayAbbr+`)\.?`)
	clock    = `\d{1,2}(?:[:.hu]\d{2}|\s?(?:u|h|uur|heures?|uhr|am|pm|a\.m\.|p\.m\.))?`
	clockCue = rx.MustCompile(`(?i)\d[:.hu]\d{2}|\d\s?(?:u|h|uur|heures?|uhr|am|pm|a\.m\.|p\.m\.)(?:[^\p{L}]|$)`)
	hoursRE  = wordsRE(clock + `\s?(?:-|–|—|tot|à|a|au|bis|to|until|till)\s?` + clock)
)

// findHours returns opening hours in text: a day and a range of hours (with
// a unit or minutes, so "3-5" alone does not count) within 80 characters.
// A text without a digit followed by minutes or a unit (what clockCue needs)
// has none.
func findHours(text string) string {
	if !hasClockCue(text) {
		return ""
	}
	return scanHours(text)
}

// hasClockCue reports whether text holds the beginning of every match of
// clockCue, without the case: a digit, then [:.hu] and two digits, or an
// optional \s and [uh], am, pm, a. or p.
func hasClockCue(text string) bool {
	lower := func(i int) byte {
		if i < len(text) && text[i] >= 'A' && text[i] <= 'Z' {
			return text[i] + 'a' - 'A'
		}
		if i < len(text) {
			return text[i]
		}
		return 0
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		if c := lower(i + 1); (c == ':' || c == '.' || c == 'h' || c == 'u') && i+3 < len(text) && isDigits(text[i+2:i+4]) {
			return true
		}
		for _, j := range []int{i + 1, i + 2} {
			if j == i+2 && !isSpaceByte(text[i+1]) {
				break
			}
			switch c, next := lower(j), lower(j+1); {
			case c == 'u' || c == 'h':
				return true
			case (c == 'a' || c == 'p') && (next == 'm' || next == '.'):
				return true
			}
		}
	}
	return false
}

// scanHours is findHours without the scan that rules texts out.
func scanHours(text string) string {
	for _, h := range hoursRE.FindAllStringIndex(text, -1) {
		hours := text[h[0]:h[1]]
		if !clockCue.MatchString(hours) {
			continue
		}
		from := max(0, h[0]-80)
		to := min(len(text), h[1]+80)
		if d := dayRE.FindStringIndex(text[from:to]); d != nil {
			a, b := min(from+d[0], h[0]), max(from+d[1], h[1])
			return strings.TrimSpace(text[a:b])
		}
	}
	return ""
}

// offlineRE names a non-digital way to use the service: a desk, an
// appointment, the post.
var offlineRE = wordsStrictRE(
	`loket`, `loketten`, `balie`, `aan de balie`, `onthaal`, `op afspraak`, `een afspraak maken`, `maak een afspraak`, `per post`, `per brief`,
	`met de post`, `papieren formulier`, `op papier`, `langskomen`, `kom langs`, `persoonlijk langs`,
	`guichet`, `guichets`, `(?:à|a) l['’]accueil`, `notre accueil`, `par courrier`, `par la poste`, `sur rendez-vous`,
	`prendre rendez-vous`, `prenez rendez-vous`, `formulaire papier`, `version papier`, `en personne`,
	`schalter`, `per post`, `per brief`, `bürgerbüro`, `bürgerservice`, `persönlich`, `nach terminvereinbarung`, `termin vereinbaren`, `auf papier`,
	`at (?:the|our) (?:counter|desk|front desk|reception)`, `by post`, `by mail`, `by letter`, `in person`, `by appointment`, `(?:book|make) an appointment`,
	`paper form`, `walk in`)

// negationRE marks a sentence that denies an alternative ("geen loket
// meer", "uniquement en ligne").
var negationRE = wordsRE(`geen`, `niet meer`, `enkel online`, `alleen online`, `uitsluitend online`, `enkel digitaal`,
	`alleen digitaal`, `n['’]est plus`, `n['’]y a plus`, `plus de`, `pas de`, `aucun`, `aucune`, `uniquement en ligne`,
	`seulement en ligne`, `kein`, `keine`, `keinen`, `nicht mehr`, `nur online`, `ausschließlich online`, `no longer`,
	`not`, `no`, `only online`)

// digitalHelpRE names help with digital procedures.
var digitalHelpRE = wordsRE(
	`digitale hulp`, `digihulp`, `digitaal hulppunt`, `digitale helpdesk`, `digitaal helpdesk`, `digipunt`,
	`digitale zitdag`, `digitale ondersteuning`, `hulp bij (?:online|digitale) (?:aanvragen|formulieren|procedures|zaken)`,
	`hulp bij (?:je|uw) (?:online|digitale) (?:aanvraag|aanvragen)`,
	`openbare computerruimte`, `computerruimte`, `digibanken?`, `epn`,
	`aide numérique`, `aidants? numériques?`, `espaces? publics? numériques?`, `accompagnement numérique`,
	`point d['’]aide numérique`, `permanence numérique`, `aide (?:pour|aux) (?:les |vos )?démarches en ligne`,
	`digitale hilfe`, `digitalhilfe`, `digitale sprechstunde`, `digitallotsen`, `hilfe bei (?:digitalen|online)[ -]?anträgen`,
	`digital help`, `digital helpers?`, `digital support`, `help with (?:online|digital) (?:forms|services|applications)`,
	`public computers?`)
