package source

import (
	"errors"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

func TestLayered(t *testing.T) {
	defaults := fstest.MapFS{
		"site.yaml":           {Data: []byte("default")},
		"templates/page.html": {Data: []byte("default page")},
		"templates/base.html": {Data: []byte("default base")},
		"content/_index.md":   {Data: []byte("default home")},
		"content/about.md":    {Data: []byte("default about")},
		"static/css/site.css": {Data: []byte("default css")},
	}
	site := fstest.MapFS{
		"templates/page.html": {Data: []byte("site page")},
		"content/_index.md":   {Data: []byte("site home")},
		"static/img/logo.svg": {Data: []byte("logo")},
	}
	l := Layered{Site: site, Defaults: defaults}
	read := func(name string) string {
		t.Helper()
		b, err := fs.ReadFile(l, name)
		if err != nil {
			return "error: " + err.Error()
		}
		return string(b)
	}
	for name, want := range map[string]string{
		"site.yaml":           "default",      // missing from the site: the default
		"templates/page.html": "site page",    // the site's own replaces the default
		"templates/base.html": "default base", // the rest of the folder still comes from the defaults
		"content/_index.md":   "site home",
		"static/css/site.css": "default css",
		"static/img/logo.svg": "logo",
	} {
		if got := read(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	// content/ is taken whole from a site that has one.
	if _, err := fs.ReadFile(l, "content/about.md"); err == nil {
		t.Error("content/about.md came from the defaults, though the site has its own content/")
	}
	files, err := Files(l, "templates")
	if err != nil || !slices.Equal(files, []string{"templates/base.html", "templates/page.html"}) {
		t.Errorf("Files(templates) = %v, %v", files, err)
	}
	files, _ = Files(l, "static")
	if !slices.Equal(files, []string{"static/css/site.css", "static/img/logo.svg"}) {
		t.Errorf("Files(static) = %v", files)
	}
	// Without content/, the default pages are used.
	l = Layered{Site: fstest.MapFS{"site.yaml": {Data: []byte("mine")}}, Defaults: defaults}
	if got := read("content/about.md"); got != "default about" {
		t.Errorf("content/about.md = %q", got)
	}
	if got := read("site.yaml"); got != "mine" {
		t.Errorf("site.yaml = %q", got)
	}
	// A file named content is not a content folder: the default pages are used.
	l = Layered{Site: fstest.MapFS{"content": {Data: []byte("not a folder")}}, Defaults: defaults}
	if got := read("content/about.md"); got != "default about" {
		t.Errorf("with a file named content, content/about.md = %q", got)
	}
	// A page missing from the site's own content/ is missing, not taken from the defaults.
	l = Layered{Site: fstest.MapFS{"content/_index.md": {Data: []byte("home")}}, Defaults: defaults}
	if _, err := fs.ReadFile(l, "content/about.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("content/about.md missing from the site's content/: %v, want it not to exist", err)
	}
}
