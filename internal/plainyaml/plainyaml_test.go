package plainyaml

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameAsYAML parses src both ways. It returns whether Parse read it, and how its tree
// differs from the parser's, or "" when it does not.
func sameAsYAML(src string) (bool, string) {
	got, ok := Parse([]byte(src))
	if !ok {
		return false, ""
	}
	var want yaml.Node
	if err := yaml.Unmarshal([]byte(src), &want); err != nil {
		return true, fmt.Sprintf("Parse read what the parser refuses: %v", err)
	}
	return true, diff(got, &want, "")
}

// diff compares the two trees on what a node tells.
func diff(got, want *yaml.Node, at string) string {
	at += fmt.Sprintf("/%d:%d", want.Line, want.Column)
	if got.Kind != want.Kind || got.Tag != want.Tag || got.Value != want.Value || got.Style != want.Style ||
		got.Line != want.Line || got.Column != want.Column || got.Anchor != want.Anchor || got.Alias != want.Alias ||
		got.HeadComment != want.HeadComment || got.LineComment != want.LineComment || got.FootComment != want.FootComment {
		return fmt.Sprintf("%s: got %+v, want %+v", at, *got, *want)
	}
	if len(got.Content) != len(want.Content) {
		return fmt.Sprintf("%s: %d children, want %d", at, len(got.Content), len(want.Content))
	}
	for i := range got.Content {
		if d := diff(got.Content[i], want.Content[i], at); d != "" {
			return d
		}
	}
	return ""
}

// A yamlCase is some YAML, and whether it is plain enough to be read without the parser.
type yamlCase struct {
	src  string
	read bool
}

var cases = []yamlCase{
	{"id: focus\ntype: choice\nlabel: The focus we chose\n", true},
	{"options:\n  - Grief, after someone important died\n  - \"Sí\"\n  - En parte\n", true},
	{"options:\n- a b\n- c d\nlabel: x y\n", true},
	{"rows: 3\nmin: 0\nmax: 10\n", true},
	{"label: ¿Qué es bueno?\nhint: C# and {x} and [y], it's 100% \"quoted\" inside\n", true},
	{"crisis.call: Call {number}\nnav.label: Main menu", true},
	{"label: ¡Hola!\nhint: «Sí» — “quoted”\n", true},
	{"label: a:b\nx: a#b\n", true},
	// Lists of mappings, in block style and in flow style, as the default site's tables
	// and questionnaires have them.
	{"rows: 4\ncolumns:\n  - id: name\n    type: text\n    label: Name\n  - id: closeness\n    min: 1\n    minLabel: Not close\nhint: After.\n", true},
	{"columns:\n- id: a\n  type: text\n- id: b\n", true},
	{"options:\n  - {label: Not at all, value: 0}\n  - {label: Several days,value: 1}\n", true},
	{"rules:\n  - {item: 9, above: 0, show: crisis}\n  - {total: [10, 14], message: \"A score: talk about it.\"}\n  - { total: [ 15 , 19 ] , message: 'Soon' }\n", true},
	{"bands:\n  - {min: 0, max: 4, label: Mínimo}\n  - {min: 5, max: 9, label: Leve, note: «Sí» ¡ya!}\n", true},
	{"columns:\n  - id: done\n    options:\n      - \"Sí\"\n      - En parte\n  - id: how\n    options:\n    - a\n    hint: After.\nrows: 3\n", true},
	{"columns:\n  - {id: name, label: Name of the person, type: text}\n  - {id: phone, label: Their phone number, type: phone}\n", true},
	{"list:\n  - a\n  - id: b\n    x: c\n  - {d: e}\n", true},
	// Left to the parser:
	{"list:\n  - id: a\n     x: b\n", false},
	{"list:\n  - id: a\n   x: b\n", false},
	{"list:\n  - id: a\n    id: b\n", false},
	{"list:\n  - {a: ¿Sí?}\n", false},
	{"list:\n  - id: a\n    sub:\n      - b\n     - c\n", false},
	{"list:\n  - id: a\n    sub:\n  - b\n", false},
	{"list:\n  - id: a\n    sub:\n      x: b\n", false},
	{"list:\n  - id: a\n    x:\n", false},
	{"list:\n  - {a: b\n", false},
	{"list:\n  - {a: b} x\n", false},
	{"list:\n  - {a: b,}\n", false},
	{"list:\n  - {}\n", false},
	{"list:\n  - {a: [b, [c]]}\n", false},
	{"list:\n  - {a: b, a: c}\n", false},
	{"list:\n  - {a: b: c}\n", false},
	{"list:\n  - {a: x#y}\n", false},
	{"list:\n  - {a: 'it''s'}\n", false},
	{"list:\n  - {a: \"x\\\"y\"}\n", false},
	{"list:\n  - {a: true}\n", false},
	{"list:\n  - {a:b}\n", false},
	{"list:\n  - [a, b]\n", true},
	{"id: [a, {b: c}]\n", false},
	{"", false},
	{"# a comment\nid: x\n", false},
	{"id: x # a comment\n", false},
	{"id: x\n\nlabel: y\n", false},
	{"id:\nlabel: y\n", false},
	{"id: \n", false},
	{"list:\n  - \n", false},
	{"id: \"a\\nb\"\n", false},
	{"id: 'a'\n", true},
	{"id: true\n", false},
	{"id: No\n", false},
	{"id: null\n", false},
	{"on: x\n", false},
	{"id: 1.5\n", false},
	{"id: 007\n", false},
	{"id: -1\n", false},
	{"id: 5 ways\nx: 12 Monkeys\n", true},
	{"id: 'single, \"quoted\": yes'\n", true},
	{"id: 'it''s'\n", false},
	{"id: 2001-12-14 21:59:43.10\n", false},
	{"id: 2001 -12\n", false},
	{"id: 5 \n", false},
	{"id: a: b\n", false},
	{"id: a:\n", false},
	{"id: a \n", false},
	{"id:  a\n", false},
	{"id: a\tb\n", false},
	{"id: a\r\n", false},
	{"id: a\u2028b\n", false},
	{"id: a\nid: b\n", false},
	{"list:\n  - a\n    - b\n", false},
	{"list:\n  - a\n - b\n", false},
	{"list:\n  - a\n  b\n", false},
	{"list:\n  - key: v\n", true},
	{"list:\n  -\n", false},
	{"map:\n  key: v\n", false},
	{"id: {a: b}\n", true},
	{"id: [a, b]\n", true},
	{"id: |\n  text\n", false},
	{"id: &a x\n", false},
	{"id: *a\n", false},
	{"id: !tag x\n", false},
	{"  id: x\n", false},
	{"id: 1234567890123456789\n", false},
}

func TestSameAsYAML(t *testing.T) {
	checkCases(t, cases, sameAsYAML)
}

// checkCases reads each case both ways with both: the same, and read when it should be.
func checkCases(t *testing.T, cases []yamlCase, both func(string) (bool, string)) {
	t.Helper()
	for _, c := range cases {
		read, d := both(c.src)
		if d != "" {
			t.Errorf("%q: %s", c.src, d)
		}
		if read != c.read {
			t.Errorf("%q: read %v, want %v", c.src, read, c.read)
		}
	}
}

// Every field block of the default site's worksheets is plain.
func TestSiteYAML(t *testing.T) {
	var blocks []string
	filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		parts := strings.Split(string(data), "```field\n")
		for _, b := range parts[1:] {
			blocks = append(blocks, b[:strings.Index(b, "```")])
		}
		return nil
	})
	read := 0
	for _, b := range blocks {
		ok, d := sameAsYAML(b)
		if d != "" {
			t.Errorf("%q: %s", b, d)
		}
		if ok {
			read++
		}
	}
	t.Logf("read %d of %d", read, len(blocks))
	if read < len(blocks) || read == 0 {
		t.Errorf("Parse read %d of the default site's %d field blocks, want every one", read, len(blocks))
	}
}

// stringsAsYAML decodes src with Strings and with the parser. It returns whether
// Strings read it, and how the two maps differ, or "" when they do not.
func stringsAsYAML(src string) (bool, string) {
	got, ok := Strings([]byte(src))
	if !ok {
		return false, ""
	}
	var want map[string]string
	if err := yaml.Unmarshal([]byte(src), &want); err != nil {
		return true, fmt.Sprintf("Strings read what the parser refuses: %v", err)
	}
	if len(got) != len(want) {
		return true, fmt.Sprintf("%d keys, want %d", len(got), len(want))
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			return true, fmt.Sprintf("%s: %q, want %q", k, g, v)
		}
	}
	return true, ""
}

var stringCases = []yamlCase{
	{"# Interface strings\n\nskip: Skip to main content\ncrisis.call: Call {number}\n", true},
	{"#no space\na: \"Sí\"\n\n\n# end", true},
	{"a: b\n  # indented comment\n", false},
	{"a: b # comment\n", false},
	{"a: 3\n", false},
	{"a:\n  - b\n", false},
	{"a: b\na: c\n", false},
	{"# only a comment\n", false},
	{"a: b\n#\tcomment\n", false},
}

func TestStringsSameAsYAML(t *testing.T) {
	checkCases(t, stringCases, stringsAsYAML)
	// The default site's interface strings, every language.
	files, _ := filepath.Glob("../../i18n/*.yaml")
	if len(files) == 0 {
		t.Fatal("no i18n/*.yaml")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		read, d := stringsAsYAML(string(data))
		if d != "" {
			t.Errorf("%s: %s", f, d)
		}
		if !read {
			t.Errorf("%s: not read by Strings", f)
		}
	}
}

// FuzzSameAsYAML holds Parse and Strings to the parser on any text.
func FuzzSameAsYAML(f *testing.F) {
	for _, c := range cases {
		f.Add(c.src)
	}
	for _, c := range stringCases {
		f.Add(c.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, d := sameAsYAML(src); d != "" {
			t.Errorf("Parse %q: %s", src, d)
		}
		if _, d := stringsAsYAML(src); d != "" {
			t.Errorf("Strings %q: %s", src, d)
		}
	})
}
