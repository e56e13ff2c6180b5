package content

import (
	"bytes"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
)

// yamlOnly decodes front matter with the YAML decoder alone, as before simple.
func yamlOnly(t *testing.T, yml []byte) (*Page, bool) {
	t.Helper()
	p := &Page{File: "x.md", Lines: map[string]int{}}
	return p, p.decodeYAML(yml) == nil
}

// TestSimpleAsYAML: whatever front matter simple reads, it reads as the YAML decoder
// does, keys, values and lines; and what it cannot read, it leaves to the decoder.
func TestSimpleAsYAML(t *testing.T) {
	var cases []string
	fs.WalkDir(iptsite.Defaults(), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			data, _ := fs.ReadFile(iptsite.Defaults(), p)
			if start, end, _, err := fence(p, data); err == nil {
				cases = append(cases, string(data[start:end]))
			}
		}
		return err
	})
	for _, f := range corpus.Generate(50, 1) {
		start, end, _, _ := fence(f.Name, f.Data)
		cases = append(cases, string(f.Data[start:end]))
	}
	cases = append(cases,
		"title: 2024\n", "title: 1.5\n", "title: 0x10\n", "title: true\n", "title: null\n", "title: Null\n",
		"title: yes\n", "title: No\n", "title: Don't panic\n", "title: A - B\n", "title: ¿Qué es? ¡Hola!\n",
		"title: a\ntitle: b\n", "title: x\nweight: 010\n", "title: x\nweight: 7\n", "title: x\nweight: -1\n",
		"title: x\ndraft: yes\n", "title: x\ntoc: True\n", "title: x\nworksheet: true\nquickExit: false\n",
		"title: x \n", "title:  x\n", "title: x # note\n", "title: 'x'\n", "title: x: y\n", "Title: x\n",
		"title: x\nparams:\n  a: 1\n", "title: x\naliases: [/a/]\n", "title: x\r\n", "title: x\n\n", "\ttitle: x\n",
		"title: x\nslug: my-page\nlayout: worksheet\ndescription: Words, (more) words.\n",
		"title: Café niño\n", "title: 1 2 3\n", "title: .5\n", "title: 12:30\n",
	)
	read := 0
	for _, yml := range cases {
		want, ok := yamlOnly(t, []byte(yml))
		got := &Page{File: "x.md", Lines: map[string]int{}}
		if !got.simple([]byte(yml)) {
			continue
		}
		read++
		if !ok {
			t.Errorf("%q: simple read what the YAML decoder refuses", yml)
			continue
		}
		if !reflect.DeepEqual(got.FrontMatter, want.FrontMatter) || !reflect.DeepEqual(got.Lines, want.Lines) {
			t.Errorf("%q:\nsimple %+v %v\nYAML   %+v %v", yml, got.FrontMatter, got.Lines, want.FrontMatter, want.Lines)
		}
	}
	if read < len(cases)/2 {
		t.Errorf("simple read only %d of %d front matters", read, len(cases))
	}
	if p, errs := Parse("a.md", []byte("---\ntitle: A\nweight: 3\n---\nText.\n")); errs != nil || p.Title != "A" || p.Weight != 3 || !bytes.Contains(p.Source, []byte("Text.")) {
		t.Errorf("Parse: %+v, %v", p, errs)
	}
}
