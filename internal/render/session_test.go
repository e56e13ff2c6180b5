package render

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// changedFiles lists the files whose contents differ between two outputs.
func changedFiles(a, b *output.Memory) []string {
	var names []string
	for _, n := range b.Names() {
		x, _ := a.File(n)
		y, _ := b.File(n)
		if !bytes.Equal(x, y) {
			names = append(names, n)
		}
	}
	return names
}

// start starts a session of iptsite serve on site, laid over the default site and not
// minified, and returns it with what its first build wrote.
func start(t *testing.T, site fstest.MapFS) (*Session, *Result, *output.Memory) {
	t.Helper()
	mem := output.NewMemory()
	s, res, err := Start(Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, NoMinify: true}, mem)
	if err != nil {
		t.Fatal(err)
	}
	return s, res, mem
}

func TestSessionUpdate(t *testing.T) {
	site := fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nSee [the part](a.md#part).\n")},
		"content/a.md":      {Data: []byte("---\ntitle: A\n---\n## Part\nFirst words.\n")},
		"content/b.md":      {Data: []byte("---\ntitle: B\n---\nB words.\n")},
	}
	s, _, mem := start(t, site)
	var before *output.Memory
	update := func(body string, changed ...string) (bool, error) {
		t.Helper()
		site["content/a.md"] = &fstest.MapFile{Data: []byte(body)}
		out, _, full, err := s.Update(changed, mem)
		if err == nil {
			before, mem = mem, out
		}
		return full, err
	}

	// A new body: only that page is written again.
	full, err := update("---\ntitle: A\n---\n## Part\nSecond words.\n", "content/a.md")
	if err != nil || full {
		t.Fatalf("body change: full=%v err=%v", full, err)
	}
	if got := strings.Join(changedFiles(before, mem), " "); got != "a/index.html" {
		t.Errorf("body change changed %v", got)
	}
	if b, _ := before.File("a/index.html"); strings.Contains(string(b), "Second words.") {
		t.Errorf("the previous output was changed")
	}
	if b, _ := mem.File("a/index.html"); !strings.Contains(string(b), "Second words.") {
		t.Errorf("a/index.html not updated")
	}

	// A heading another page links to goes away: the link check still runs.
	if _, err = update("---\ntitle: A\n---\nNo part.\n", "content/a.md"); err == nil ||
		!strings.Contains(err.Error(), "content/_index.md:4: link to a missing heading or field #part") {
		t.Fatalf("removed heading: %v", err)
	}
	// After a failed update everything is built again, once it is fixed.
	if full, err = update("---\ntitle: A\n---\n## Part\nThird.\n", "content/a.md"); err != nil || !full {
		t.Fatalf("after a failure: full=%v err=%v", full, err)
	}

	// A changed title changes menus and lists: everything is built again.
	if full, err = update("---\ntitle: A new title\n---\n## Part\nThird.\n", "content/a.md"); err != nil || !full {
		t.Fatalf("title change: full=%v err=%v", full, err)
	}
	if b, _ := mem.File("b/index.html"); !strings.Contains(string(b), "A new title") {
		t.Errorf("b/index.html does not list the new title")
	}
	// So does any file that is not a page's Markdown, and a page that is new.
	if full, _ = update("---\ntitle: A new title\n---\n## Part\nThird.\n", "site.yaml"); !full {
		t.Error("a site.yaml change was not a full build")
	}
	site["content/c.md"] = &fstest.MapFile{Data: []byte("---\ntitle: C\n---\n")}
	if full, _ = update("---\ntitle: A new title\n---\n## Part\nThird.\n", "content/c.md"); !full {
		t.Error("a new page was not a full build")
	}
}

// TestSessionTranslatedWorksheet: a translation stores its answers in the words of the
// original's fields, so a change to an original worksheet builds everything again.
func TestSessionTranslatedWorksheet(t *testing.T) {
	sheet := "---\ntitle: Sheet\nworksheet: true\n---\n```field\nid: how\ntype: choice\nlabel: How?\noptions: [Well, Badly]\n```\n"
	site := fstest.MapFS{
		"site.yaml":            {Data: []byte("title: Clinic\nlanguages:\n  es: {}\n")},
		"content/_index.md":    {Data: []byte("---\ntitle: Home\n---\n")},
		"content/sheet.md":     {Data: []byte(sheet)},
		"content/es/_index.md": {Data: []byte("---\ntitle: Inicio\n---\n")},
		"content/es/sheet.md":  {Data: []byte("---\ntitle: Hoja\nworksheet: true\n---\n```field\nid: how\ntype: choice\nlabel: ¿Cómo?\noptions: [Bien, Mal]\n```\n")},
	}
	s, _, _ := start(t, site)
	site["content/sheet.md"] = &fstest.MapFile{Data: []byte(strings.Replace(sheet, "Well, Badly", "Fine, Poorly", 1))}
	out, _, full, err := s.Update([]string{"content/sheet.md"}, output.NewMemory())
	if err != nil || !full {
		t.Fatalf("full=%v err=%v", full, err)
	}
	if b, _ := out.File("es/sheet/index.html"); !strings.Contains(string(b), `value="Fine"`) {
		t.Errorf("the Spanish worksheet does not store the new English words:\n%s", b)
	}
}

// TestSessionQuestionLinks: a page that lists a worksheet's questions is rendered again
// when the worksheet's body changes.
func TestSessionQuestionLinks(t *testing.T) {
	sheet := "---\ntitle: Sheet\nworksheet: true\n---\n```field\nid: how\ntype: text\nlabel: How are you?\n```\n"
	site := fstest.MapFS{
		"site.yaml":                 {Data: []byte("title: Clinic\n")},
		"content/_index.md":         {Data: []byte("---\ntitle: Home\n---\n")},
		"content/sheet.md":          {Data: []byte(sheet)},
		"content/for-therapists.md": {Data: []byte("---\ntitle: For therapists\nlayout: for-therapists\n---\n")},
	}
	s, _, mem := start(t, site)
	if b, _ := mem.File("for-therapists/index.html"); !strings.Contains(string(b), `<a href="../sheet/#how">How are you?</a>`) {
		t.Fatalf("no link to the question:\n%s", b)
	}
	site["content/sheet.md"] = &fstest.MapFile{Data: []byte(strings.Replace(sheet, "id: how\ntype: text\nlabel: How are you?", "id: when\ntype: text\nlabel: When?", 1))}
	out, _, full, err := s.Update([]string{"content/sheet.md"}, mem)
	if err != nil || full {
		t.Fatalf("full=%v err=%v", full, err)
	}
	if b, _ := out.File("for-therapists/index.html"); !strings.Contains(string(b), `<a href="../sheet/#when">When?</a>`) {
		t.Errorf("the page for therapists still lists the old question:\n%s", b)
	}
}
