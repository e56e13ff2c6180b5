package worksheet

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decoder decodes field blocks and collects errors in file lines.
type decoder struct {
	base int // file line of YAML line 0: the opening fence
	errs []*Error
	t    func(string) string
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line := d.base
	if n != nil {
		line += n.Line
	}
	d.errs = append(d.errs, &Error{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// A checker is what a type's Check sees of the block being decoded.
type checker struct {
	*decoder
	n     *yaml.Node            // the field's mapping
	byKey map[string]*yaml.Node // the value of each key written
	valid map[string]bool       // keys decoded without error
}

// at returns the node to report a problem with key at: its value, or the whole
// field when the author did not write it.
func (c *checker) at(key string) *yaml.Node {
	if v := c.byKey[key]; v != nil {
		return v
	}
	return c.n
}

// wrote reports whether the author wrote key.
func (c *checker) wrote(key string) bool { return c.byKey[key] != nil }

// A keyValue decodes the value of its key itself, for a check beyond its Go type.
type keyValue interface {
	decodeKey(d *decoder, key string, v *yaml.Node)
}

var (
	keyValueType = reflect.TypeFor[keyValue]()
	stringType   = reflect.TypeFor[string]()
	floatType    = reflect.TypeFor[float64]()
	optFloatType = reflect.TypeFor[*float64]()
	stringsType  = reflect.TypeFor[[]string]()
)

// decodable reports whether the decoder reads a key of Go type t.
func decodable(t reflect.Type) bool {
	switch t {
	case stringType, floatType, optFloatType, stringsType:
		return true
	}
	return reflect.PointerTo(t).Implements(keyValueType)
}

// keys decodes the keys of typ, in the order the author wrote them, into a new
// value of typ.Keys that becomes f.keys.
func (d *decoder) keys(c *checker, typ *Type, f *Field, keys, vals []*yaml.Node) {
	var sv reflect.Value
	if typ.Keys != nil {
		sv = reflect.New(reflect.TypeOf(typ.Keys)).Elem()
		f.keys = sv.Addr().Interface()
	}
	for i, k := range keys {
		if common(k.Value) {
			continue
		}
		at := typ.keys[k.Value]
		if at == nil {
			if knownKey(k.Value) {
				d.errorf(k, "key %s does not apply to type %s", k.Value, f.Type)
			} else {
				d.errorf(k, "unknown key %q", k.Value)
			}
			continue
		}
		before := len(d.errs)
		d.value(sv.FieldByIndex(at), k.Value, vals[i])
		c.valid[k.Value] = len(d.errs) == before
	}
}

// value decodes v into fv by fv's type (see decodable).
func (d *decoder) value(fv reflect.Value, key string, v *yaml.Node) {
	switch fv.Type() {
	case stringType:
		fv.SetString(d.str(v, key))
	case floatType:
		x, _ := d.num(v, key)
		fv.SetFloat(x)
	case optFloatType:
		if x, ok := d.num(v, key); ok {
			fv.Set(reflect.ValueOf(&x))
		}
	case stringsType:
		fv.Set(reflect.ValueOf(d.strs(v, key)))
	default:
		fv.Addr().Interface().(keyValue).decodeKey(d, key, v)
	}
}

// pairs returns the key and value nodes of a mapping, reporting duplicate keys.
func (d *decoder) pairs(n *yaml.Node, what string) (keys, vals []*yaml.Node, ok bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of keys to values", what)
		return nil, nil, false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if seen[k.Value] {
			d.errorf(k, "key %s appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		keys = append(keys, k)
		vals = append(vals, n.Content[i+1])
	}
	return keys, vals, true
}

func (d *decoder) str(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.errorf(v, "%s must be text", key)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (d *decoder) num(v *yaml.Node, key string) (float64, bool) {
	if v.Kind == yaml.ScalarNode {
		if x, err := strconv.ParseFloat(v.Value, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return x, true
		}
	}
	d.errorf(v, "%s must be a number", key)
	return 0, false
}

func (d *decoder) count(v *yaml.Node, key string, min, max int) int {
	if v.Kind == yaml.ScalarNode {
		if x, err := strconv.Atoi(v.Value); err == nil {
			if x < min || x > max {
				d.errorf(v, "%s must be from %d to %d", key, min, max)
				return min
			}
			return x
		}
	}
	d.errorf(v, "%s must be a whole number", key)
	return min
}

func (d *decoder) strs(v *yaml.Node, key string) []string {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list", key)
		return nil
	}
	ss := []string{}
	for _, e := range v.Content {
		s := d.str(e, "each of "+key)
		if s == "" && e.Kind == yaml.ScalarNode && e.Tag != "!!null" {
			d.errorf(e, "empty entry in %s", key)
		}
		ss = append(ss, s)
	}
	return ss
}

// dupes reports each entry of ss that appears before it, at its place in the list at.
func dupes(d *decoder, at *yaml.Node, what string, ss []string) {
	seen := map[string]bool{}
	for i, s := range ss {
		if s != "" && seen[s] {
			n := at
			if at.Kind == yaml.SequenceNode && i < len(at.Content) {
				n = at.Content[i]
			}
			d.errorf(n, "%s %q appears twice", what, s)
		}
		seen[s] = true
	}
}

// rows is how many rows a repeatable field shows at first.
type rows int

func (r *rows) decodeKey(d *decoder, key string, v *yaml.Node) {
	*r = rows(d.count(v, key, 1, 50))
}

// setDefault sets r to def when the author left it out.
func (r *rows) setDefault(def int) {
	if *r == 0 {
		*r = rows(def)
	}
}

// step is the distance between the answers of a number or a scale.
type step float64

func (s *step) decodeKey(d *decoder, key string, v *yaml.Node) {
	x, _ := d.num(v, key)
	*s = step(x)
	if x <= 0 {
		d.errorf(v, "step must be more than 0")
	}
}
