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

// TestSessionSettingsEdit: under serve, an edit of site.yaml's titles, descriptions,
// footer or clinic details executes the templates again around the pages' kept Markdown
// HTML, and writes what a whole build of the edited site writes, file for file; an edit of
// the crisis lines (a worksheet's alert is made with its Markdown) builds everything again,
// and so does a broken site.yaml, which is reported.
func TestSessionSettingsEdit(t *testing.T) {
	yml, err := fs.ReadFile(iptsite.Defaults(), "site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{"site.yaml": {Data: yml}}
	opts := Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, LiveReload: true}
	mem := output.NewMemory()
	s, _, err := Start(opts, mem)
	if err != nil {
		t.Fatal(err)
	}
	text := string(yml)
	for _, c := range []struct {
		what, old, new string
		full           bool
	}{
		{"the title", "title: Understanding IPT\n", "title: IPT at Riverside\n", false},
		{"the description", "description: Plain-language help", "description: Help in plain words", false},
		{"the clinic", "  name: \"\"\n", "  name: Riverside Clinic\n", false},
		{"the footer", "footer: This site explains", "footer: Riverside's site explains", false},
		{"the Spanish title", "title: Entender la IPT", "title: La IPT en Riverside", false},
		{"a crisis line", "label: In immediate danger", "label: In danger now", true},
		{"the colour", "brandColor: \"#2f6b72\"", "brandColor: \"#2f5b72\"", true},
	} {
		if !strings.Contains(text, c.old) {
			t.Fatalf("the default site.yaml has no %q", c.old)
		}
		text = strings.Replace(text, c.old, c.new, 1)
		site["site.yaml"] = &fstest.MapFile{Data: []byte(text)}
		out, _, full, err := s.Update([]string{"site.yaml"}, mem)
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if full != c.full {
			t.Errorf("%s: a whole build: %v, want %v", c.what, full, c.full)
		}
		want := output.NewMemory()
		if _, err := Build(opts, want); err != nil {
			t.Fatal(err)
		}
		if got := changedFiles(want, out); len(got) > 0 || len(want.Names()) != len(out.Names()) {
			t.Errorf("after an edit of %s, these differ from a whole build (%d files against %d): %v",
				c.what, len(out.Names()), len(want.Names()), got)
		}
		if len(changedFiles(mem, out)) == 0 {
			t.Errorf("an edit of %s changed no file", c.what)
		}
		mem = out
	}
	site["site.yaml"] = &fstest.MapFile{Data: []byte(text + "colour: blue\n")}
	if _, _, _, err := s.Update([]string{"site.yaml"}, mem); err == nil || !strings.Contains(err.Error(), "site.yaml:") {
		t.Errorf("a broken site.yaml: %v", err)
	}
}
