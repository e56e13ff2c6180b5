package worksheet

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/plainyaml"
	"go.yaml.in/yaml/v3"
)

// A Field is one question of a worksheet, decoded from a field block.
type Field struct {
	ID    string
	Type  string
	Label string
	Hint  string
	Line  int // file line of the opening fence; for a table column, of its id key

	keys     any            // the keys of its type: a pointer to a struct like Type.Keys
	keyLines map[string]int // file line of each key the author wrote
	orig     *Field         // in a translation, the same field of the original worksheet (translation.go)
}

// keyLine returns the file line of key in the field's block, or the field's own line
// when the author did not write the key.
func (f *Field) keyLine(key string) int {
	if l, ok := f.keyLines[key]; ok {
		return l
	}
	return f.Line
}

// isFieldID reports whether s can be a field's id: `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`.
func isFieldID(s string) bool { return isHyphenated(s) && 'a' <= s[0] && s[0] <= 'z' }

// yamlLine reads the line out of the YAML parser's message; compiled on the first error.
var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// parseField decodes the YAML text of a field block whose opening fence is on file
// line fence; t gives the interface strings a type may default to.
func parseField(src []byte, fence int, t func(string) string) (*Field, []*Error) {
	d := &decoder{base: fence, t: t}
	doc, ok := plainyaml.Parse(src) // most blocks; the YAML parser reads the others
	if !ok {
		doc = new(yaml.Node)
		if err := yaml.Unmarshal(src, doc); err != nil {
			return nil, []*Error{yamlError(err, src, fence)}
		}
	}
	if len(doc.Content) == 0 {
		return nil, []*Error{{Line: fence, Msg: "empty field block (want at least id, type and label)"}}
	}
	f := d.field(doc.Content[0], false)
	if f != nil {
		f.Line = fence
	}
	return f, d.errs
}

// field decodes a field, or a column of a table: the keys every field has here,
// the keys of its type with the type's own decoding (decode.go).
func (d *decoder) field(n *yaml.Node, column bool) *Field {
	names, what := Types, "field block"
	if column {
		names, what = columnTypes, "a column"
	}
	keys, vals, ok := d.pairs(n, what)
	if !ok {
		return nil
	}
	f := &Field{Line: d.base + n.Line, keyLines: map[string]int{}}
	byKey := map[string]*yaml.Node{}
	for i, k := range keys {
		byKey[k.Value] = vals[i]
		f.keyLines[k.Value] = d.base + k.Line
	}

	var typ *Type
	if v := byKey["type"]; v == nil {
		d.errorf(n, "missing type (want one of %s)", strings.Join(names, ", "))
	} else {
		f.Type = d.str(v, "type")
		if typ = fieldType(f.Type, column); f.Type != "" && typ == nil {
			if column {
				d.errorf(v, "unknown column type %q (want one of %s)", f.Type, strings.Join(names, ", "))
			} else {
				d.errorf(v, "unknown type %q (want one of %s)", f.Type, strings.Join(names, ", "))
			}
			f.Type = ""
		}
	}
	if v := byKey["id"]; v == nil {
		d.errorf(n, "missing id")
	} else {
		f.ID = d.str(v, "id")
		f.Line = d.base + v.Line
		if f.ID != "" && !isFieldID(f.ID) {
			d.errorf(v, "bad id %q: use lower-case letters, digits and single hyphens, starting with a letter", f.ID)
		}
	}
	if v := byKey["label"]; v != nil {
		f.Label = d.str(v, "label")
	}
	if strings.TrimSpace(f.Label) == "" {
		at := byKey["label"]
		if at == nil {
			at = n
		}
		d.errorf(at, "missing label")
	}
	if v := byKey["hint"]; v != nil {
		f.Hint = d.str(v, "hint")
	}

	if typ == nil {
		// without a valid type the other keys cannot be checked further
		for _, k := range keys {
			if !common(k.Value) && !knownKey(k.Value) {
				d.errorf(k, "unknown key %q", k.Value)
			}
		}
		return f
	}
	c := &checker{decoder: d, n: n, byKey: byKey, valid: map[string]bool{}}
	d.keys(c, typ, f, keys, vals)
	if typ.Check != nil {
		typ.Check(c, f)
	}
	return f
}

// fnum formats a number the way an author wrote it: 3, 2.5.
func fnum(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// yamlError is the parser's error about a field block whose fence is on line fence, at
// its line in the file.
func yamlError(err error, src []byte, fence int) *Error {
	msg := err.Error()
	line := fence + 1
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		// The YAML parser (unlike its scanner) counts lines from 0 in its messages.
		if strings.HasPrefix(m[2], "did not find expected") {
			n++
		}
		// For a tab, it points at the line before; find the tab itself.
		if strings.Contains(m[2], "tab character") {
			for i, l := range strings.Split(string(src), "\n") {
				if i+1 >= n && strings.HasPrefix(strings.TrimLeft(l, " "), "\t") {
					n = i + 1
					break
				}
			}
		}
		// At the end of a block that ends the file ("unexpected end of stream"),
		// it names the line after the last; name the block's last line.
		if last := strings.Count(strings.TrimSuffix(string(src), "\n"), "\n") + 1; n > last {
			n = last
		}
		line, msg = fence+n, m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return &Error{Line: line, Msg: "invalid YAML: " + msg}
}
