package result

import "reflect"

// Normalize gives every list and object of r that is nil an empty value, so
// that result.json always has every documented field: `[]` for an empty
// list, `{}` for an empty object or text. Fields that may have no value
// (scores, the assessment) are pointers and stay null. Scoring normalizes
// what it makes, and Parse what it reads (a result from an older didi
// gets the fields it lacked when it is written again).
func (r *Result) Normalize() {
	if r != nil {
		normalize(reflect.ValueOf(r).Elem())
	}
}

// Normalize gives every list and object of d that is nil an empty value,
// as Result.Normalize does.
func (d *Diff) Normalize() {
	if d != nil {
		normalize(reflect.ValueOf(d).Elem())
	}
}

// normalize walks v, replacing nil slices and maps by empty ones.
func normalize(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			normalize(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				normalize(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		for i := range v.Len() {
			normalize(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			v.Set(reflect.MakeMap(v.Type()))
		}
	}
}
