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
	eachString(reflect.ValueOf(v).Elem(), codeFields, func(s string) string { return i18n.Typeset(v.Lang, s) })
}

// eachString replaces every string in rv, walking structs and slices, by
// fn of it; exported struct fields named in skip are left alone.
func eachString(rv reflect.Value, skip map[string]bool, fn func(string) string) {
	switch rv.Kind() {
	case reflect.String:
		rv.SetString(fn(rv.String()))
	case reflect.Slice:
		for i := range rv.Len() {
			eachString(rv.Index(i), skip, fn)
		}
	case reflect.Struct:
		t := rv.Type()
		for i := range rv.NumField() {
			if f := t.Field(i); f.IsExported() && !skip[f.Name] {
				eachString(rv.Field(i), skip, fn)
			}
		}
	}
}
