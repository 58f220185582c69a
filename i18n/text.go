// Package i18n holds what every user-facing text of didi shares: the Text
// type (one string per language) and the list of languages didi speaks. It
// is a leaf package: the model, the result schema and the reports use it.
package i18n

// Text is a user-facing text in several languages, keyed by language code
// ("nl", "fr", "en").
type Text map[string]string

// In returns the text in lang, falling back to English, then to any language.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	if s, ok := t["en"]; ok {
		return s
	}
	for _, s := range t {
		return s
	}
	return ""
}

// Languages are the languages didi's reports and pages are written in, in
// the order they are offered.
var Languages = []string{"nl", "fr", "en"}
