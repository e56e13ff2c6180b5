package content_test

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// FuzzParse reads front matter of any kind: it must never panic, must keep line N of the
// Markdown at line N of the file, and must name in each error the file and a line that
// the file has. Then it loads the page as a site's only worksheet, whose id, made from
// front matter of any kind, must be the one set or a default of the allowed characters.
// Its seeds are every Markdown page of the fixtures (sitetest.Seeds); go test runs them,
// make fuzz runs the target.
func FuzzParse(f *testing.F) {
	for _, s := range sitetest.Seeds(f, func(name string) bool { return strings.HasSuffix(name, ".md") }) {
		f.Add(s, "My Sheet #2")
	}
	f.Add([]byte("---\ntitle: T\nworksheet: true\n---\n"), "Diálogo ñandú_2")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		file := "content/" + name + ".md"
		if !fs.ValidPath(file) {
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		// YAML, like editors, also breaks lines at a lone carriage return.
		crLines := lines + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n"))
		p, errs := content.Parse(file, data)
		for _, e := range errs {
			if e.Path != file || e.Line < 1 || e.Line > crLines {
				t.Errorf("error %q names %s:%d; the file has %d lines", e.Msg, e.Path, e.Line, crLines)
			}
			if strings.Contains(e.Msg, "\n") {
				t.Errorf("error %q is more than one line", e.Msg)
			}
		}
		if p == nil {
			if len(errs) == 0 {
				t.Fatal("no page and no error")
			}
			return
		}
		if len(p.Source) != len(data) || bytes.Count(p.Source, []byte("\n")) != lines-1 {
			t.Fatalf("the Markdown has %d bytes and %d lines, the file %d and %d",
				len(p.Source), bytes.Count(p.Source, []byte("\n"))+1, len(data), lines)
		}
		if len(errs) > 0 {
			return
		}
		if strings.TrimSpace(p.Title) == "" {
			t.Error("a page without a title parsed without an error")
		}
		if !p.Worksheet {
			return
		}
		site, err := content.Load(fstest.MapFS{file: {Data: data}}, content.Options{})
		if err != nil {
			return
		}
		page := site.ByPath[name+".md"]
		if page == nil {
			return // hidden (.name), or a draft
		}
		id := page.WorksheetID()
		if p.ID != "" && id != p.ID || p.ID == "" && !defaultID.MatchString(id) {
			t.Errorf("%s: worksheet id %q, with id: %q", file, id, p.ID)
		}
	})
}

var defaultID = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

// FuzzPlainAsYAML holds the plain way of reading front matter to the YAML decoder, on
// front matter of any kind: whatever it reads must decode to the same keys, values and
// lines with the decoder, and what it leaves must leave the page untouched. Its seeds
// are the front matter of every page of the fixtures; go test runs them, make fuzz runs
// the target.
func FuzzPlainAsYAML(f *testing.F) {
	for _, s := range sitetest.Seeds(f, func(name string) bool { return strings.HasSuffix(name, ".md") }) {
		if fm, ok := content.FrontMatterOf(s); ok {
			f.Add(fm)
		}
	}
	f.Add([]byte("title: Your first session\nweight: 2\nworksheet: true\n"))
	f.Fuzz(func(t *testing.T, yml []byte) {
		if _, diff := content.PlainAsYAML(yml); diff != "" {
			t.Errorf("%q: %s", yml, diff)
		}
	})
}
