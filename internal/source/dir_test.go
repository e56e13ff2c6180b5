package source

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// site makes a site folder in a new temporary folder, with files (name: text) and links
// (name: where it points), and returns the site folder.
func site(t *testing.T, files, links map[string]string) string {
	t.Helper()
	base := t.TempDir()
	for name, text := range files {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range links {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(base, "site")
}

// One rule for links anywhere in the site folder: a link to something inside the site
// folder is followed; a link that leads outside it is an error that names the link.
func TestDirLinks(t *testing.T) {
	root := site(t, map[string]string{
		"secret.txt":              "the password",
		"site/content/_index.md":  "home",
		"site/notes/shared.md":    "shared page",
		"site/shared/css/a.css":   "a {}",
		"site/content/sub/own.md": "own",
	}, map[string]string{
		"site/content/shared.md":   "../notes/shared.md",   // inside: followed
		"site/content/passwd.txt":  "/etc/passwd",          // outside
		"site/content/secret.txt":  "../../secret.txt",     // outside, relative
		"site/static/shared":       "../shared",            // a folder inside: followed
		"site/static/up":           "../..",                // a folder outside
		"site/content/sub/loop":    "..",                   // its own parent: would repeat forever
		"site/site.yaml":           "../secret.txt",        // outside, with a default to fall back on
		"site/i18n/en.yaml":        "../content/_index.md", // inside
		"site/templates/gone.html": "nowhere.html",         // inside, to nothing
	})
	dir, err := Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	l := Layered{Site: dir, Defaults: fstest.MapFS{"site.yaml": {Data: []byte("default")}}}

	for name, want := range map[string]string{
		"content/shared.md":       "shared page",
		"static/shared/css/a.css": "a {}",
		"i18n/en.yaml":            "home",
	} {
		got, err := fs.ReadFile(l, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	for name, link := range map[string]string{
		"content/passwd.txt": "/etc/passwd",
		"content/secret.txt": "../../secret.txt",
		"site.yaml":          "../secret.txt",
		"static/up":          "../..",
	} {
		got, err := fs.ReadFile(l, name)
		if err == nil {
			t.Errorf("%s was read through a link outside the site folder: %q", name, got)
			continue
		}
		if want := "a link to " + link + ", outside the site folder"; !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %q does not say %q", name, err, want)
		}
		if errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s: error %q says the file does not exist, so a default could take its place", name, err)
		}
	}
	if _, err := fs.ReadFile(l, "content/sub/loop/sub/own.md"); err == nil || !strings.Contains(err.Error(), "repeat forever") {
		t.Errorf("content/sub/loop/sub/own.md: %v, want an error about a link to its own folder", err)
	}

	// Every file is listed, links to files and folders inside followed, so that a link
	// that is refused is read, and reported, by whatever uses the list.
	files, err := Files(l, "content")
	want := []string{"content/_index.md", "content/passwd.txt", "content/secret.txt", "content/shared.md", "content/sub/loop", "content/sub/own.md"}
	if err != nil || !slices.Equal(files, want) {
		t.Errorf("Files(content) = %v, %v\nwant %v", files, err, want)
	}
	files, err = Files(l, "static")
	want = []string{"static/shared/css/a.css", "static/up"}
	if err != nil || !slices.Equal(files, want) {
		t.Errorf("Files(static) = %v, %v\nwant %v", files, err, want)
	}
	// A link to nothing is a file that does not exist.
	if _, err := fs.ReadFile(l, "templates/gone.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("templates/gone.html: %v, want a file that does not exist", err)
	}
}

// A content folder that is a link outside the site folder is an error, not a reason to
// use the default pages.
func TestDirContentLinkOutside(t *testing.T) {
	root := site(t, map[string]string{"elsewhere/_index.md": "home"}, map[string]string{"site/content": "../elsewhere"})
	dir, err := Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	l := Layered{Site: dir, Defaults: fstest.MapFS{"content/_index.md": {Data: []byte("default home")}}}
	if got, err := fs.ReadFile(l, "content/_index.md"); err == nil {
		t.Errorf("content/_index.md = %q, want an error", got)
	}
	if _, err := fs.ReadDir(l, "content"); err == nil || !strings.Contains(err.Error(), "outside the site folder") {
		t.Errorf("ReadDir(content): %v, want an error about the link", err)
	}
}
