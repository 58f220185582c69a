package report

import (
	"reflect"

	"github.com/didi-index/didi/i18n"
)

// codeFields are the docView fields that hold addresses, code or ids, not
// prose: typography leaves them alone.
var codeFields = map[string]bool{
	"Lang": true, "Tag": true, "ID": true, "CriterionID": true, "Targets": true,
	"URL": true, "FinalURL": true, "Page": true, "Selector": true, "Snippet": true,
	"Status": true, "WCAG": true, "Level": true,
}

// typesetView applies the typography of v's language to every prose text
// of v (model texts, answers, comments and the report's own words), so that
// each writer shows them the same way: in French, no-break spaces before
// ":" ";" "?" "!" "%" and inside « ».
func typesetView(v *docView) {
	if v.Lang != "fr" {
		return
	}
	typesetValue(reflect.ValueOf(v).Elem(), v.Lang)
}

// typesetValue walks structs, slices and strings.
func typesetValue(rv reflect.Value, lang string) {
	switch rv.Kind() {
	case reflect.String:
		rv.SetString(i18n.Typeset(lang, rv.String()))
	case reflect.Slice:
		for i := range rv.Len() {
			typesetValue(rv.Index(i), lang)
		}
	case reflect.Struct:
		t := rv.Type()
		for i := range rv.NumField() {
			if f := t.Field(i); f.IsExported() && !codeFields[f.Name] {
				typesetValue(rv.Field(i), lang)
			}
		}
	}
}
