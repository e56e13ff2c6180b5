package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func page(front string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + front + "\n---\nText.\n")}
}

// tree is a site with a bit of everything Load arranges: weights, a section with a slug,
// one without an _index.md, a draft section, hidden files, another language's folder
// and a picture.
var tree = fstest.MapFS{
	"content/_index.md":                  page("title: Home"),
	"content/b.md":                       page("title: B\nweight: 1"),
	"content/a.md":                       page("title: A\nweight: 1"),
	"content/z.md":                       page("title: Z\nweight: 3"),
	"content/.notes.md":                  page("title: Hidden"),
	"content/img/p.png":                  {Data: []byte("png")},
	"content/phases/_index.md":           page("title: Phases\nslug: the-phases\nweight: 2"),
	"content/phases/middle.md":           page("title: Middle\nweight: 2"),
	"content/phases/early.md":            page("title: Early\nweight: 1"),
	"content/problem-areas/grief.md":     page("title: Grief"),
	"content/old/_index.md":              page("title: Old\ndraft: true"),
	"content/old/page.md":                page("title: Old page"),
	"content/es/_index.md":               page("title: Inicio"),
	"content/problem-areas/.git/HEAD.md": page("title: Hidden too"),
}

func paths(ps []*Page) string {
	var s []string
	for _, p := range ps {
		s = append(s, p.Path)
	}
	return strings.Join(s, " ")
}

func TestLoad(t *testing.T) {
	site, err := Load(tree, Options{Lang: "en", Exclude: []string{"es"}})
	if err != nil {
		t.Fatal(err)
	}
	// Depth first: a section's page, its pages by weight then title, then its subsections.
	// Subsections without a weight (0) come before phases (2); then by title.
	want := "_index.md a.md b.md z.md img/_index.md problem-areas/_index.md problem-areas/grief.md phases/_index.md phases/early.md phases/middle.md"
	if got := paths(site.Pages); got != want {
		t.Errorf("pages:\n%s\nwant:\n%s", got, want)
	}
	if got, want := strings.Join(site.Files, " "), "img/p.png"; got != want {
		t.Errorf("files %q, want %q", got, want)
	}
	for _, c := range []struct{ path, url, kind, title, prev, next, section string }{
		{"_index.md", "/", KindHome, "Home", "", "", ""},
		{"a.md", "/a/", KindPage, "A", "", "b.md", "_index.md"},
		{"b.md", "/b/", KindPage, "B", "a.md", "z.md", "_index.md"},
		{"phases/_index.md", "/the-phases/", KindSection, "Phases", "", "", "_index.md"},
		{"phases/middle.md", "/the-phases/middle/", KindPage, "Middle", "phases/early.md", "", "phases/_index.md"},
		// A folder without _index.md gets a page named after it.
		{"problem-areas/_index.md", "/problem-areas/", KindSection, "Problem areas", "", "", "_index.md"},
	} {
		p := site.ByPath[c.path]
		if p == nil {
			t.Errorf("no page %s", c.path)
			continue
		}
		var prev, next, section string
		if p.Prev != nil {
			prev = p.Prev.Path
		}
		if p.Next != nil {
			next = p.Next.Path
		}
		if p.Section != nil {
			section = p.Section.Index.Path
		}
		if p.URL != c.url || p.Kind != c.kind || p.Title != c.title || prev != c.prev || next != c.next || section != c.section || p.Lang != "en" {
			t.Errorf("%s: url %s kind %s title %q prev %q next %q section %q lang %s, want %+v", c.path, p.URL, p.Kind, p.Title, prev, next, section, p.Lang, c)
		}
		if site.ByURL[c.url] != p {
			t.Errorf("ByURL[%s] is not %s", c.url, c.path)
		}
	}
	if got := paths(site.ByPath["phases/middle.md"].Breadcrumbs()); got != "_index.md phases/_index.md" {
		t.Errorf("breadcrumbs of phases/middle.md: %s", got)
	}

	// With drafts, the draft section and its page are back.
	site, err = Load(tree, Options{Lang: "en", Exclude: []string{"es"}, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if site.ByPath["old/page.md"] == nil || site.ByPath["old/_index.md"] == nil {
		t.Errorf("with drafts, the draft section is missing: %s", paths(site.Pages))
	}

	// Another language: its own folder, URLs under its prefix.
	site, err = Load(tree, Options{Lang: "es", Dir: "content/es", URLPrefix: "/es"})
	if err != nil {
		t.Fatal(err)
	}
	if home := site.ByPath["_index.md"]; home == nil || home.URL != "/es/" || home.File != "content/es/_index.md" || home.Lang != "es" || len(site.Pages) != 1 {
		t.Errorf("es: %s, home %+v", paths(site.Pages), home)
	}
}

// TestLoadErrors: every problem of every page, each at its line, in order of file and
// line; the pages that could be read are still loaded.
func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md": page("title: Home"),
		"content/a.md":      page("title: A\nslug: same"),
		"content/b.md":      page("title: B\n\nslug: same\naliases: [/a/, /old/]"),
		"content/c.md":      page("title: C\naliases: [/old/]"),
		"content/d.md":      {Data: []byte("no front matter\n")},
		"content/e.md":      page("titel: E\nweight: heavy"),
	}
	site, err := Load(fsys, Options{})
	want := `content/b.md:4: URL /same/ is also the URL of content/a.md
content/c.md:3: alias /old/ is also the URL of content/b.md
content/d.md:1: missing front matter: start the file with a line "---", then title: …, then "---"
content/e.md:2: unknown key "titel"
content/e.md:3: cannot use !!str ` + "`heavy`" + ` into int`
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
	if got := paths(site.Pages); got != "_index.md a.md b.md c.md" {
		t.Errorf("pages %s", got)
	}
}

// TestFileNameURLs: a file or folder name that cannot be a URL segment as it is (with a
// space, #, ? or %) gets a URL made from it, as a clinic would expect; one that gives
// nothing to make one from is an error that names the file.
func TestFileNameURLs(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":             page("title: Home"),
		"content/My Plan #2.md":         page("title: My plan"),
		"content/100% me.md":            page("title: Me"),
		"content/What now?.md":          page("title: What now"),
		"content/Our Team/_index.md":    page("title: Team"),
		"content/Our Team/Ana López.md": page("title: Ana"),
		"content/PHQ-9.md":              page("title: PHQ-9"),              // a good name stays as it is
		"content/named slug.md":         page("title: Named\nslug: named"), // slug: wins
	}
	site, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"My Plan #2.md":         "/my-plan-2/",
		"100% me.md":            "/100-me/",
		"What now?.md":          "/what-now/",
		"Our Team/_index.md":    "/our-team/",
		"Our Team/Ana López.md": "/our-team/ana-lópez/",
		"PHQ-9.md":              "/PHQ-9/",
		"named slug.md":         "/named/",
	} {
		if p := site.ByPath[path]; p == nil || p.URL != want {
			t.Errorf("%s: %+v, want URL %s", path, p, want)
		}
	}

	fsys = fstest.MapFS{
		"content/_index.md":  page("title: Home"),
		"content/#?%.md":     page("title: Nothing"),
		"content/my plan.md": page("title: One"),
		"content/my-plan.md": page("title: Two"),
	}
	_, err = Load(fsys, Options{})
	want := `content/#?%.md:1: the file name "#?%.md" makes no web address: rename the file, or set slug: in its front matter
content/my-plan.md:1: URL /my-plan/ is also the URL of content/my plan.md`
	if err == nil || err.Error() != want {
		t.Errorf("errors:\n%v\nwant:\n%s", err, want)
	}
}
