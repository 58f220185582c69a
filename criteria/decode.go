package criteria

import (
	"bytes"
	"errors"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/didi-index/didi/diag"
)

// decoder decodes a yaml.Node tree into Go values strictly: unknown fields,
// duplicate keys and wrong kinds of values are reported with their position,
// and decoding goes on so that every problem is found in one pass. It records
// the position of every value it meets, for the validator.
type decoder struct {
	*reporter
	// visited counts the values decoded, to stop documents whose aliases
	// expand without end ("billion laughs").
	visited int
}

// maxValues is the most values one document may expand to.
const maxValues = 1_000_000

// tooBig reports whether the document has expanded past maxValues, and
// records that problem once.
func (d *decoder) tooBig(n *yaml.Node) bool {
	d.visited++
	if d.visited == maxValues+1 {
		d.atPos(posOf(n), "the document expands to more than %d values (too many aliases)", maxValues)
	}
	return d.visited > maxValues
}

// parseDocument parses b into its root node. A syntax error is returned as
// a single Error, where the problem is (see diag.YAMLSyntax).
func parseDocument(file string, b []byte) (*yaml.Node, Errors) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		return nil, Errors{diag.YAMLSyntax(file, b, err)}
	}
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return nil, Errors{{File: file, Line: more.Line, Col: more.Column, Msg: "a second YAML document (after ---): the file must hold one"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, Errors{diag.YAMLSyntax(file, b, err)}
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, Errors{{File: file, Line: 1, Col: 1, Msg: "the file is empty"}}
	}
	return doc.Content[0], nil
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func posOf(n *yaml.Node) pos { return pos{n.Line, n.Column} }

var paramsType = reflect.TypeOf(map[string]any{})

// typeNames names the model's types in messages.
var typeNames = map[string]string{
	"Model": "the model", "Level": "a level", "Criterion": "a criterion", "Mix": "mix",
	"Question": "a question", "Option": "an option", "CheckRef": "a check reference",
	"CheckText": "check texts", "Replacement": "a replaced question",
}

// decode decodes n into v (settable). path names the value; at is the
// position to record for it (the key for mappings and sequences, the value
// for scalars).
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, key pos) {
	n = resolve(n)
	if n == nil || d.tooBig(n) {
		return
	}
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		d.pos[path] = posOf(n)
	} else {
		d.pos[path] = key
	}
	if isNull(n) {
		if v.Kind() == reflect.Float64 || v.Kind() == reflect.Bool {
			d.atPos(posOf(n), "%sthe value is missing", label(path))
		}
		return
	}
	if v.Type() == paramsType {
		d.decodeParams(n, v, path)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.String:
		if d.want(n, yaml.ScalarNode, "a text", path) {
			v.SetString(n.Value)
		}
	case reflect.Float64:
		if !d.want(n, yaml.ScalarNode, "a number", path) {
			return
		}
		var f float64
		if (n.Tag != "!!int" && n.Tag != "!!float") || n.Decode(&f) != nil {
			d.atPos(posOf(n), "%s%q is not a number", label(path), n.Value)
			return
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			d.atPos(posOf(n), "%s%q is not a finite number", label(path), n.Value)
			return
		}
		v.SetFloat(f)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" || n.Decode(&b) != nil {
			d.atPos(posOf(n), "%sexpected true or false, found %s", label(path), kindName(n))
			return
		}
		v.SetBool(b)
	default:
		d.atPos(posOf(n), "cannot decode into %s", v.Type())
	}
}

// want reports whether n has the wanted kind, and records an error if not.
func (d *decoder) want(n *yaml.Node, kind yaml.Kind, what, path string) bool {
	if n.Kind == kind {
		return true
	}
	d.atPos(posOf(n), "%sexpected %s, found %s", label(path), what, kindName(n))
	return false
}

// label returns "name: " for the last field name of path, "" when the path
// ends in a list index or is the root.
func label(path string) string {
	name := path[strings.LastIndexByte(path, '/')+1:]
	if name == "" || isNumber(name) {
		return ""
	}
	return name + ": "
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return strconv.Quote(n.Value)
	}
}

// pairs returns the key/value pairs of a mapping, reporting duplicate keys
// and keys that are not plain scalars.
func (d *decoder) pairs(n *yaml.Node) [][2]*yaml.Node {
	seen := map[string]pos{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.atPos(posOf(k), "a key must be a plain word")
			continue
		}
		if k.Value == "<<" {
			d.atPos(posOf(k), "merge keys (<<) are not supported")
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.atPos(posOf(k), "duplicate key %q (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = posOf(k)
		out = append(out, [2]*yaml.Node{k, val})
	}
	return out
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	name := typeNames[v.Type().Name()]
	if !d.want(n, yaml.MappingNode, name, path) {
		return
	}
	fields := yamlFields(v.Type())
	for _, kv := range d.pairs(n) {
		i, ok := fields[kv[0].Value]
		if !ok {
			d.atPos(posOf(kv[0]), "unknown field %q in %s (known: %s)", kv[0].Value, name, fieldList(v.Type()))
			continue
		}
		d.decode(kv[1], v.Field(i), join(path, kv[0].Value), posOf(kv[0]))
	}
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	if !d.want(n, yaml.MappingNode, "a mapping", path) {
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	for _, kv := range d.pairs(n) {
		elem := reflect.New(v.Type().Elem()).Elem()
		d.decode(kv[1], elem, join(path, kv[0].Value), posOf(kv[0]))
		v.SetMapIndex(reflect.ValueOf(kv[0].Value), elem)
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	if !d.want(n, yaml.SequenceNode, "a list", path) {
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.decode(c, s.Index(i), join(path, strconv.Itoa(i)), posOf(resolve(c)))
	}
	v.Set(s)
}

// decodeParams decodes check parameters: any YAML value, with string keys
// in mappings, as []any, map[string]any, string, int, float64 and bool.
func (d *decoder) decodeParams(n *yaml.Node, v reflect.Value, path string) {
	if !d.want(n, yaml.MappingNode, "a mapping of parameters", path) {
		return
	}
	if val, ok := d.anyValue(n).(map[string]any); ok {
		v.Set(reflect.ValueOf(val))
	}
}

func (d *decoder) anyValue(n *yaml.Node) any {
	n = resolve(n)
	if n == nil || d.tooBig(n) {
		return nil
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for _, kv := range d.pairs(n) {
			m[kv[0].Value] = d.anyValue(kv[1])
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			s = append(s, d.anyValue(c))
		}
		return s
	}
	switch n.Tag {
	case "!!int":
		var i int
		if n.Decode(&i) == nil {
			return i
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!null":
		return nil
	}
	return n.Value
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "/" + key
}

// yamlFields maps the yaml names of t's fields to their index.
func yamlFields(t reflect.Type) map[string]int {
	out := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		name := yamlName(t.Field(i))
		if name != "" {
			out[name] = i
		}
	}
	return out
}

func fieldList(t reflect.Type) string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name := yamlName(t.Field(i)); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

func yamlName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if tag == "-" {
		return ""
	}
	if tag == "" {
		return strings.ToLower(f.Name)
	}
	return tag
}
