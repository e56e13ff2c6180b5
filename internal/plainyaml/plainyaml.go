// Package plainyaml reads the plainest YAML, the kind most of a site's YAML is, without
// the YAML parser: a mapping of keys to one-line values, and lists of one-line values.
//
//	id: focus
//	type: choice
//	label: The focus we chose
//	options:
//	  - Grief, after someone important died
//	  - "Sí"
//
// Parse returns the same node tree that go.yaml.in/yaml/v3 makes of such text (kinds,
// tags, values, styles, lines and columns), or false for anything else: comments, empty
// values, nested mappings, flow collections, block scalars, anchors, quotes with escapes,
// a word YAML reads as other than a string or a whole number. The caller then uses the
// parser. Strings reads a file of key: string lines and comments, as the parser decodes
// it into a map. The field blocks of worksheets and the interface strings files: the
// parser took a tenth of the CPU time of a build of the default site for them.
//
// TestSameAsYAML, TestStringsSameAsYAML and FuzzSameAsYAML hold both to the parser.
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
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	var list *yaml.Node // the list being read, after "key:"
	for line := 1; len(src) > 0; line++ {
		var l []byte
		l, src = cutLine(src)
		if list != nil {
			indent := len(l) - len(bytes.TrimLeft(l, " "))
			rest := l[indent:]
			if bytes.HasPrefix(rest, []byte("- ")) && (len(list.Content) == 0 || indent+1 == list.Column) {
				v, ok := scalar(rest[2:], line, indent+3)
				if !ok {
					return nil, false
				}
				if len(list.Content) == 0 {
					list.Line, list.Column = line, indent+1
				}
				list.Content = append(list.Content, v)
				continue
			}
			if len(list.Content) == 0 || indent > 0 {
				return nil, false
			}
			list = nil
		}
		k, v, ok := bytes.Cut(l, []byte(":"))
		if !ok || !isKey(k) {
			return nil, false
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(k), Line: line, Column: 1}
		for i := 0; i < len(m.Content); i += 2 {
			if m.Content[i].Value == key.Value {
				return nil, false // the parser's error names both lines
			}
		}
		switch {
		case len(v) == 0:
			list = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			m.Content = append(m.Content, key, list)
		case v[0] == ' ':
			val, ok := scalar(v[1:], line, len(k)+3)
			if !ok {
				return nil, false
			}
			m.Content = append(m.Content, key, val)
		default:
			return nil, false
		}
	}
	if len(m.Content) == 0 || list != nil && len(list.Content) == 0 {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: 1, Column: 1, Content: []*yaml.Node{m}}, true
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
