package content

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
)

// plainCases are front matters that decodePlain must read as the decoder does, or leave
// to it: each one is a way plain words and YAML could part.
var plainCases = []string{
	"title: 2024\n", "title: 1.5\n", "title: 0x10\n", "title: 1e5\n", "title: .5\n", "title: 1_000\n",
	"title: 2024-01-31\n", "title: 2024-01-31 12 00\n", "title: 5 ways to rest\n", "title: 1 2 3\n",
	"title: true\n", "title: True\n", "title: null\n", "title: Null\n", "title: yes\n", "title: No\n",
	"title: on\n", "title: Off\n", "title: y\n", "title: N\n", "title: nan\n", "title: inf\n",
	"title: Don't panic\n", "title: A - B\n", "title: ¿Qué es? ¡Hola!\n", "title: Café niño\n",
	"title: a\ntitle: b\n", "title: x\nweight: 010\n", "title: x\nweight: 7\n", "title: x\nweight: 0\n",
	"title: x\nweight: -1\n", "title: x\nweight: 1234567890\n", "title: x\nweight: 1.0\n",
	"title: x\ndraft: yes\n", "title: x\ntoc: True\n", "title: x\nworksheet: true\nquickExit: false\n",
	"title: x\nworksheet: true\nrepeat: true\nid: my-sheet\n", "title: x\nmenu: footer\n",
	"title: x \n", "title:  x\n", "title: x # note\n", "title: x #note\n", "title: 'x'\n", "title: \"x\"\n",
	"title: x: y\n", "title: x:y\n", "Title: x\n", "title : x\n", "title: x\nparams:\n  a: 1\n",
	"title: x\naliases: [/a/]\n", "title: x\r\n", "title: x\n\n", "\ttitle: x\n", "title: x\t\n",
	"title: x\nslug: my-page\nlayout: worksheet\ndescription: Words, (more) words.\n",
	"title: What / why\n", "title: A—B – C’s\n", "title: x\nunknown: y\n", "title: x\n  more\n",
	"title: x\n- y\n", "title: x\n---\n", "title: x\n...\n", "title: x\n#c\n", "title: -x\n",
	"title: x\u0085y\n", "title: x\u2028y\n", "title: \ufeffx\n", "title: x\nid: 2\n", "title: x\nmenu: on\n",
	// params: one level of plain words and lists of them
	"title: x\nparams:\n  phase: middle\n  areas: [grief]\nweight: 3\n", "params:\n  a: b\n",
	"title: x\nparams:\n  areas: [disputes, isolation, life-changes]\n", "title: x\nparams:\n  a: [b,c]\n",
	"title: x\nparams:\n  a: []\n", "title: x\nparams:\n  a: [b, c,]\n", "title: x\nparams:\n  a: [b, , c]\n",
	"title: x\nparams:\n  a: [b,  c]\n", "title: x\nparams:\n  a: [ b, c ]\n", "title: x\nparams:\n  a: [b\n",
	"title: x\nparams:\n  a: [b, c] d\n", "title: x\nparams:\n  a: [[b]]\n", "title: x\nparams:\n  a: [b: c]\n",
	"title: x\nparams:\n  a: [yes, no]\n", "title: x\nparams:\n  a: [5 ways, 7]\n", "title: x\nparams:\n  a: [b c]\n",
	"title: x\nparams:\n  yes: b\n", "title: x\nparams:\n  on: b\n", "title: x\nparams:\n  null: b\n",
	"title: x\nparams:\n  a: b\n  a: c\n", "title: x\nparams:\n  a: b\nparams:\n  c: d\n",
	"title: x\nparams:\n  a:\n    b: c\n", "title: x\nparams:\n   a: b\n", "title: x\nparams:\n    a: b\n",
	"title: x\nparams:\n", "title: x\nparams:\ntitle: y\n", "title: x\nparams: \n  a: b\n",
	"title: x\nparams:\n  a: b\n  - c\n", "title: x\nparams:\n  next-step_2: b\n", "title: x\nparams:\n  2a: b\n",
	"title: x\nparams:\n  a: 1\n", "title: x\nparams:\n  a: true\n", "title: x\nparams:\n  a: b # c\n",
	"title: x\nparams:\n  a: b\n\n", "title: x\nparams:\n  a: b\r\n", "title: x\nparams:\n  a: [b]\r\n",
	"title: x\nparams:\n  a: [b]", "title: x\nparams:\n  a: b", "title: x\nparams:\n  A: b\n  a: c\n",
	"title: x\nparams:\n  cards:\n    - page: a.md\n",
}

// decodeBoth decodes yml with decodePlain and with the YAML decoder alone (PlainAsYAML).
// It reports whether decodePlain read it, and fails t when the two differ.
func decodeBoth(t *testing.T, yml string) bool {
	t.Helper()
	read, err := PlainAsYAML([]byte(yml))
	if err != "" {
		t.Errorf("%q: %s", yml, err)
	}
	return read
}

// frontMatters returns the front matter of every page of the default site and of a
// corpus of the benchmark's.
func frontMatters(t testing.TB) []string {
	var fms []string
	add := func(name string, data []byte) {
		if start, end, _, err := fence(name, data); err == nil {
			fms = append(fms, string(data[start:end]))
		}
	}
	err := fs.WalkDir(iptsite.Defaults(), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			data, err := fs.ReadFile(iptsite.Defaults(), p)
			if err != nil {
				return err
			}
			add(p, data)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range corpus.Generate(50, 1) {
		add(f.Name, f.Data)
	}
	return fms
}

// TestPlainAsYAML: whatever front matter decodePlain reads, it reads as the YAML decoder
// does, keys, values and lines; what it cannot read, it leaves to the decoder untouched.
// And it reads what most pages are made of: every page of the benchmark's corpus and
// the default site's pages but for the worksheets with params.
func TestPlainAsYAML(t *testing.T) {
	for _, yml := range plainCases {
		decodeBoth(t, yml)
	}
	for _, yml := range []string{"title: x\nparams:\n  phase: middle\n  areas: [grief]\nweight: 3\n", "params:\n  a: [b c, d]\n"} {
		if !decodeBoth(t, yml) {
			t.Errorf("decodePlain left the params of a worksheet to the decoder:\n%s", yml)
		}
	}
	fms := frontMatters(t)
	read := 0
	for _, yml := range fms {
		if decodeBoth(t, yml) {
			read++
		}
	}
	if read < len(fms)*9/10 {
		t.Errorf("decodePlain read %d of %d front matters of the default site and the corpus", read, len(fms))
	}
	for _, f := range corpus.Generate(50, 1) {
		start, end, _, _ := fence(f.Name, f.Data)
		if !decodeBoth(t, string(f.Data[start:end])) {
			t.Errorf("%s: decodePlain left the corpus's front matter to the decoder:\n%s", f.Name, f.Data[start:end])
		}
	}
	// Through Parse, the plain way gives the same page and lines as ever.
	p, errs := Parse("a.md", []byte("---\ntitle: A\nweight: 3\nworksheet: true\n---\nText.\n"))
	if errs != nil || p.Title != "A" || p.Weight != 3 || !p.Worksheet || p.Line("worksheet") != 4 || !strings.Contains(string(p.Source), "Text.") {
		t.Errorf("Parse: %+v, %v", p, errs)
	}
}
