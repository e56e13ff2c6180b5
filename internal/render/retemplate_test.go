package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// TestSessionTemplateEdit: under serve, an edited template executes the templates again
// around the pages' kept Markdown HTML, without a whole build, and writes what a whole
// build with the new template writes.
func TestSessionTemplateEdit(t *testing.T) {
	page, err := fs.ReadFile(iptsite.Defaults(), "templates/page.html")
	if err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{
		"content/_index.md":   {Data: []byte("---\ntitle: Home\n---\nSee [the part](a.md#part).\n")},
		"content/a.md":        {Data: []byte("---\ntitle: A\ntoc: true\n---\n## Part\nFirst words.\n\n### Deeper\nMore.\n")},
		"content/b.md":        {Data: []byte("---\ntitle: B\n---\nB words.\n")},
		"templates/page.html": {Data: page},
	}
	opts := Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, LiveReload: true}
	mem := output.NewMemory()
	s, _, err := Start(opts, mem)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(text string) (*output.Memory, bool, error) {
		site["templates/page.html"] = &fstest.MapFile{Data: []byte(text)}
		out, _, full, err := s.Update([]string{"templates/page.html"}, mem)
		return out, full, err
	}
	edited := strings.Replace(string(page), "<h1>", `<p class="edited">Edited.</p><h1>`, 1)
	out, full, err := edit(edited)
	if err != nil || full {
		t.Fatalf("template edit: full=%v err=%v", full, err)
	}
	want := output.NewMemory()
	if _, err := Build(opts, want); err != nil {
		t.Fatal(err)
	}
	if got := changedFiles(want, out); len(got) > 0 || len(want.Names()) != len(out.Names()) {
		t.Errorf("after the template edit, these differ from a whole build: %v", got)
	}
	if a, _ := out.File("a/index.html"); !strings.Contains(string(a), "Edited.") || !strings.Contains(string(a), "Deeper") {
		t.Errorf("a/index.html lacks the edit or its table of contents:\n%s", a)
	}
	if _, _, err := edit(strings.Replace(string(page), "{{.Content}}", "{{.Content", 1)); err == nil ||
		!strings.Contains(err.Error(), "templates/page.html:") {
		t.Fatalf("a broken template: %v", err)
	}
	if _, full, err := edit(edited); err != nil || !full {
		t.Errorf("after a broken template, fixed: full=%v err=%v, want a whole build", full, err)
	}
}
