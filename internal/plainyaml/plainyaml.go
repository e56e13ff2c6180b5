// Package plainyaml reads the plainest YAML, the kind most of a site's YAML is, without
// the YAML parser: a mapping of keys to one-line values and to lists, whose items are
// one-line values or mappings of the same kind, each on its lines or in flow style on
// one.
//
//	id: focus
//	type: choice
//	label: The focus we chose
//	options:
//	  - Grief, after someone important died
//	  - "Sí"
//	columns:
//	  - id: name
//	    label: Name
//	  - {id: phone, label: Their phone number, type: phone}
//	rules:
//	  - {total: [10, 14], message: "Worth talking about."}
//
// Parse returns the same node tree that go.yaml.in/yaml/v3 makes of such text (kinds,
// tags, values, styles, lines and columns), or false for anything else: comments, empty
// values, a mapping as a mapping's value, a list of lists on lines of their own, block
// scalars, anchors, quotes with escapes, a word YAML reads as other than a string or a
// whole number, a plain string in flow style with one of ",[]{}:#?". The caller then
// uses the parser. Strings reads a file of key: string lines and comments, as the
// parser decodes it into a map. The field blocks of worksheets and the interface
// strings files: the parser took a tenth of the CPU time of a build of the default site
// for them, and then, for the eight tables and questionnaires it still read, 2 % of it.
//
// TestSameAsYAML, TestStringsSameAsYAML and FuzzSameAsYAML hold both to the parser;
// TestSiteYAML has Parse read every field block of the default site.
package plainyaml

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Parse returns the document node of src, or false when src is not plain (see the
// package doc).
func Parse(src []byte) (*yaml.Node, bool) {
	r := &reader{}
	for len(src) > 0 {
		var l []byte
		l, src = cutLine(src)
		r.lines = append(r.lines, l)
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	if !r.mapping(m, 0) || r.i < len(r.lines) || len(m.Content) == 0 {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{m}}, true
}

// A reader reads the lines of a document in block style, each line a pair of a mapping
// or an item of a list.
type reader struct {
	lines [][]byte
	i     int // the next line to read, line i+1 of the document
}

// next returns the next line's indentation and the rest of it, or false at the end.
func (r *reader) next() (indent int, rest []byte, ok bool) {
	if r.i == len(r.lines) {
		return 0, nil, false
	}
	l := r.lines[r.i]
	rest = bytes.TrimLeft(l, " ")
	return len(l) - len(rest), rest, true
}

// mapping reads into m the pairs on the lines indented by indent; it stops at a line
// indented less, for the caller to read.
func (r *reader) mapping(m *yaml.Node, indent int) bool {
	for {
		in, rest, ok := r.next()
		if !ok || in < indent {
			return true
		}
		if in > indent {
			return false
		}
		line := r.i + 1
		r.i++
		k, v, ok := bytes.Cut(rest, []byte(":"))
		if !ok || len(v) > 0 {
			if !pair(m, rest, line, indent+1) {
				return false
			}
			continue
		}
		// "key:" and a list on the next lines, its items indented as much or more.
		if !isKey(k) || has(m, k) {
			return false
		}
		list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(k), Line: line, Column: indent + 1}, list)
		if in, rest, ok := r.next(); !ok || in < indent || !bytes.HasPrefix(rest, []byte("- ")) || !r.list(list, in) {
			return false
		}
	}
}

// list reads into l the items on the lines indented by indent; it stops at the first
// line that is not one, for the caller to read.
func (r *reader) list(l *yaml.Node, indent int) bool {
	l.Line, l.Column = r.i+1, indent+1
	for {
		in, rest, ok := r.next()
		if !ok || in != indent || !bytes.HasPrefix(rest, []byte("- ")) {
			return true
		}
		line := r.i + 1
		r.i++
		v, ok := listItem(rest[2:], line, indent+3)
		if !ok {
			return false
		}
		l.Content = append(l.Content, v)
		if v.Kind == yaml.MappingNode && v.Style == 0 && !r.mapping(v, indent+2) {
			return false // the item's other pairs
		}
	}
}

// pair adds to the block mapping m the pair "key: value" of l, a line whose key is at
// column col: a value on the line, a scalar or a collection in flow style.
func pair(m *yaml.Node, l []byte, line, col int) bool {
	k, v, ok := bytes.Cut(l, []byte(": "))
	if !ok || !isKey(k) || has(m, k) {
		return false
	}
	val, ok := value(v, line, col+len(k)+2)
	if !ok {
		return false
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(k), Line: line, Column: col}, val)
	return true
}

// has reports whether the mapping m has the key k already: the parser's error names
// both lines.
func has(m *yaml.Node, k []byte) bool {
	for i := 0; i < len(m.Content); i += 2 {
		if m.Content[i].Value == string(k) {
			return true
		}
	}
	return false
}

// listItem returns the node of a list item, v after its "- " at column col: the first
// pair of a mapping in block style, or a value.
func listItem(v []byte, line, col int) (*yaml.Node, bool) {
	if k, _, ok := bytes.Cut(v, []byte(": ")); ok && isKey(k) {
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: line, Column: col}
		return m, pair(m, v, line, col)
	}
	return value(v, line, col)
}

// value returns the node of a value that is the rest of its line: a scalar (see scalar)
// or a collection in flow style (see flowReader).
func value(v []byte, line, col int) (*yaml.Node, bool) {
	if len(v) > 0 && (v[0] == '{' || v[0] == '[') {
		r := &flowReader{v: v, line: line, col: col}
		n, ok := r.collection()
		return n, ok && r.i == len(v)
	}
	return scalar(v, line, col)
}

// A flowReader reads a collection in flow style on one line, v, whose first byte is at
// column col: a mapping of keys (as isKey) to scalars or lists, "{label: Not at all,
// value: 0}", or a list of scalars, "[10, 14]". A scalar in it is a whole number, a
// string in quotes (as scalar reads them) or a plain string with none of ",[]{}:#?".
type flowReader struct {
	v         []byte
	i         int
	line, col int
}

// at returns the column of v[r.i]; YAML counts characters, not bytes.
func (r *flowReader) at() int { return r.col + utf8.RuneCount(r.v[:r.i]) }

func (r *flowReader) skipSpaces() {
	for r.i < len(r.v) && r.v[r.i] == ' ' {
		r.i++
	}
}

// collection reads the mapping or list at r.i, and what follows it up to the next
// indicator.
func (r *flowReader) collection() (*yaml.Node, bool) {
	open := r.v[r.i]
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle, Line: r.line, Column: r.at()}
	end := byte(']')
	if open == '{' {
		n.Kind, n.Tag, end = yaml.MappingNode, "!!map", '}'
	}
	r.i++
	for {
		r.skipSpaces()
		if open == '{' {
			start, col := r.i, r.at()
			for r.i < len(r.v) && r.v[r.i] != ':' {
				r.i++
			}
			k := r.v[start:r.i]
			if !isKey(k) || has(n, k) || !bytes.HasPrefix(r.v[r.i:], []byte(": ")) {
				return nil, false
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(k), Line: r.line, Column: col})
			r.i += 2
			r.skipSpaces()
		}
		read := r.scalar
		if open == '{' && r.i < len(r.v) && r.v[r.i] == '[' {
			read = r.collection // a list as a mapping's value
		}
		v, ok := read()
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, v)
		r.skipSpaces()
		if r.i == len(r.v) {
			return nil, false
		}
		switch r.v[r.i] {
		case ',':
			r.i++
		case end:
			r.i++
			return n, true
		default:
			return nil, false
		}
	}
}

// scalar reads the scalar at r.i, up to the indicator after it.
func (r *flowReader) scalar() (*yaml.Node, bool) {
	start, col := r.i, r.at()
	if r.i < len(r.v) && (r.v[r.i] == '"' || r.v[r.i] == '\'') {
		q := bytes.IndexByte(r.v[r.i+1:], r.v[r.i])
		if q < 0 {
			return nil, false
		}
		r.i += q + 2
		return scalar(r.v[start:r.i], r.line, col)
	}
	for r.i < len(r.v) && bytes.IndexByte([]byte(",[]{}:#?"), r.v[r.i]) < 0 {
		r.i++
	}
	return scalar(bytes.TrimRight(r.v[start:r.i], " "), r.line, col)
}

// cutLine returns the first line of src, without its newline, and the rest.
func cutLine(src []byte) (line, rest []byte) {
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		return src[:i], src[i+1:]
	}
	return src, nil
}

// isKey reports whether k is a key Parse reads: up to 64 ASCII letters, digits, "-",
// "_" and ".", starting with a letter (YAML takes a key of over 1024 for no key), and no
// word YAML reads as null or true or false.
func isKey(k []byte) bool {
	if len(k) == 0 || len(k) > 64 || !('a' <= k[0]|0x20 && k[0]|0x20 <= 'z') || special(k) {
		return false
	}
	for _, c := range k {
		if !('a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// scalar returns the node of a one-line value at line and column: a plain string, a
// whole number, a string in double quotes with no backslash or quote inside, or in
// single quotes with no quote inside.
func scalar(v []byte, line, col int) (*yaml.Node, bool) {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Line: line, Column: col}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		in := v[1 : len(v)-1]
		if bytes.ContainsAny(in, "\"\\") || !printable(in) {
			return nil, false
		}
		n.Style, n.Value = yaml.DoubleQuotedStyle, string(in)
		return n, true
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		in := v[1 : len(v)-1]
		if bytes.IndexByte(in, '\'') >= 0 || !printable(in) {
			return nil, false
		}
		n.Style, n.Value = yaml.SingleQuotedStyle, string(in)
		return n, true
	}
	if isInt(v) {
		n.Tag, n.Value = "!!int", string(v)
		return n, true
	}
	if !plain(v) {
		return nil, false
	}
	n.Value = string(v)
	return n, true
}

// isInt reports whether v is a whole number YAML reads as one: up to 18 digits, without
// a sign or a leading zero.
func isInt(v []byte) bool {
	if len(v) == 0 || len(v) > 18 || v[0] == '0' && len(v) > 1 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// plain reports whether YAML reads v, a whole line's value, as the string it is: it
// starts with a letter, a character outside ASCII or a count ("5 ways"), ends with no space, holds no ": " or " #" and no character YAML
// treats as a line break, a tab or a control, ends with no ":", and is no word YAML reads
// as null or true or false.
func plain(v []byte) bool {
	if len(v) == 0 {
		return false
	}
	// No character outside ASCII is one of YAML's indicators: "¿Qué?" is plain. A number
	// and a space then a letter ("1 page matches") is no number, date or time.
	if first, _ := utf8.DecodeRune(v); !unicode.IsLetter(first) && first < utf8.RuneSelf && !countWord(v) || v[len(v)-1] == ' ' || v[len(v)-1] == ':' {
		return false
	}
	if bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) || !printable(v) {
		return false
	}
	return !special(v)
}

// countWord reports whether v starts with digits, a space and a letter.
func countWord(v []byte) bool {
	i := 0
	for i < len(v) && '0' <= v[i] && v[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(v) || v[i] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRune(v[i+1:])
	return unicode.IsLetter(r)
}

// special reports whether v is a word that YAML, or a YAML 1.1 reader, reads as null or
// true or false, in any case.
func special(v []byte) bool {
	if len(v) > len("false") {
		return false
	}
	switch strings.ToLower(string(v)) {
	case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

// printable reports whether v is valid UTF-8 of printable characters and spaces, none of
// which YAML treats as a line break (U+0085, U+2028, U+2029) or a byte order mark.
func printable(v []byte) bool {
	i := 0
	for i < len(v) && ' ' <= v[i] && v[i] < 0x7f { // ASCII, printable
		i++
	}
	if i == len(v) {
		return true
	}
	for _, r := range string(v[i:]) {
		switch {
		case r == utf8.RuneError, r == '\u0085', r == '\u2028', r == '\u2029', r == '\uFEFF':
			return false
		case r == ' ':
		case !unicode.IsPrint(r):
			return false
		}
	}
	return true
}

// Strings returns the mapping of src as YAML decodes it into a map[string]string, when
// every line is a key and a plain or quoted string value (as Parse reads them), a
// comment starting the line, or empty: an interface strings file. It reports false for
// anything else, which the caller then decodes with the parser.
func Strings(src []byte) (map[string]string, bool) {
	m := map[string]string{}
	for line := 1; len(src) > 0; line++ {
		var l []byte
		l, src = cutLine(src)
		if len(l) == 0 || l[0] == '#' && printable(l) {
			continue
		}
		k, v, ok := bytes.Cut(l, []byte(": "))
		if !ok || !isKey(k) {
			return nil, false
		}
		val, ok := scalar(v, line, len(k)+3)
		if !ok || val.Tag != "!!str" {
			return nil, false
		}
		if _, dup := m[string(k)]; dup {
			return nil, false
		}
		m[string(k)] = val.Value
	}
	return m, len(m) > 0
}
