package worksheet

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// A Type is one kind of field: its keys, their checks, its HTML and what a
// translation of it must keep. Each lives in a file of its own (type_scale.go,
// type_table.go, …) and is registered in the list below, in the order the manual
// describes them: the order error messages list the types in.
type Type struct {
	Name string

	// Keys is a zero value of the struct whose fields are the type's own keys,
	// besides id, type, label and hint; nil when it takes none. The yaml tag of a
	// field names its key; an embedded struct without a tag adds its keys. A field is
	// decoded by its Go type: string, float64, *float64 (nil when left out or wrong),
	// []string, or a type with a decodeKey method for a check of its own, made right
	// after the value is read. A key the type does not take is an error.
	Keys any

	// Check applies defaults and checks the keys together, once all are decoded.
	Check func(c *checker, f *Field)

	// Link checks what a field says about other fields of the worksheet, once every
	// field is decoded; byID holds them by id.
	Link func(f *Field, byID map[string]*Field) []*Error

	// Render writes the field's HTML. It is nil for a type that can only be a
	// table column.
	Render func(b *builder, f *Field)

	// Translate reports what in the translation f of the original o would keep them
	// from sharing answers (f.orig is o by then). The type and id are already equal.
	Translate func(m *matcher, f, o *Field)

	// Column, when set, lets the type be a column of a table.
	Column *Column

	keys map[string][]int // key -> field index in Keys
}

// A Column is how a type behaves as a table column.
type Column struct {
	// Cell writes the control of one cell: id is its id, attrs its data-k and
	// aria-describedby attributes.
	Cell func(b *builder, c *Field, id, attrs string)

	// Paper returns what a blank print shows next to the column's label, where a
	// drop-down is only a line to write on (see [paper]); "" for nothing.
	Paper func(c *Field) string

	// Translate reports what in column c of table f keeps it from sharing answers
	// with the original's column o (c.orig is o by then).
	Translate func(m *matcher, f, c, o *Field)
}

func init() {
	for _, t := range []*Type{Text, Textarea, Number, Date, Time, Phone, Scale, Choice, Checklist,
		List, Table, Questionnaire, Circle, Timeline, Tracker, Rhythm} {
		Register(t)
	}
}

var types = map[string]*Type{}

// Types lists the field types, in the order they were registered.
var Types []string

// columnTypes lists the types a table column may have, in the same order.
var columnTypes []string

// Register adds a field type. It panics when the name is taken or the keys are not
// a struct this package can decode, so that a mistake shows on the first run.
// Types are registered from one goroutine, before any page is parsed.
func Register(t *Type) {
	if t.Name == "" || types[t.Name] != nil {
		panic(fmt.Sprintf("worksheet: type %q registered twice or without a name", t.Name))
	}
	t.keys = map[string][]int{}
	if t.Keys != nil {
		rt := reflect.TypeOf(t.Keys)
		if rt.Kind() != reflect.Struct {
			panic(fmt.Sprintf("worksheet: keys of type %s must be a struct, not %s", t.Name, rt))
		}
		keyIndex(t, rt, nil)
	}
	types[t.Name] = t
	if t.Render != nil {
		Types = append(Types, t.Name)
	}
	if t.Column != nil {
		columnTypes = append(columnTypes, t.Name)
	}
}

// unregister removes a type added by a test.
func unregister(name string) {
	delete(types, name)
	drop := func(ss []string) []string {
		var out []string
		for _, s := range ss {
			if s != name {
				out = append(out, s)
			}
		}
		return out
	}
	Types, columnTypes = drop(Types), drop(columnTypes)
}

// keyIndex records the keys of struct rt, whose fields are at index path in t.Keys.
func keyIndex(t *Type, rt reflect.Type, path []int) {
	for i := range rt.NumField() {
		sf := rt.Field(i)
		at := append(append([]int(nil), path...), i)
		name, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		switch {
		case sf.Anonymous && sf.Type.Kind() == reflect.Struct && name == "":
			keyIndex(t, sf.Type, at)
			continue
		case !sf.IsExported() || name == "-":
			continue
		case name == "" || common(name) || t.keys[name] != nil:
			panic(fmt.Sprintf("worksheet: type %s: field %s needs a yaml tag with a key of its own", t.Name, sf.Name))
		case !decodable(sf.Type):
			panic(fmt.Sprintf("worksheet: type %s: key %s has type %s, which the field decoder does not read", t.Name, name, sf.Type))
		}
		t.keys[name] = at
	}
}

// common reports whether key is one every field has.
func common(key string) bool {
	return key == "id" || key == "type" || key == "label" || key == "hint"
}

// IsColumn reports whether a table column may have the type name: a script that draws
// fields of that type runs for table cells too.
func IsColumn(name string) bool {
	return slices.Contains(columnTypes, name)
}

// knownKey reports whether some type takes key.
func knownKey(key string) bool {
	for _, t := range types {
		if t.keys[key] != nil {
			return true
		}
	}
	return false
}

// fieldType returns the type of a field or, when column is true, of a table column;
// nil when there is none of that name.
func fieldType(name string, column bool) *Type {
	t := types[name]
	if t == nil || (column && t.Column == nil) || (!column && t.Render == nil) {
		return nil
	}
	return t
}

// keysOf returns the keys of f, decoded into the struct of its type; a zero one when
// f has none of that kind (a field made up in code, say).
func keysOf[K any](f *Field) *K {
	if k, ok := f.keys.(*K); ok {
		return k
	}
	return new(K)
}
