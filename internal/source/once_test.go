package source

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// countFS counts the reads of each file.
type countFS struct {
	fstest.MapFS
	reads map[string]int
}

func (c *countFS) Open(name string) (fs.File, error) {
	c.reads[name]++
	return c.MapFS.Open(name)
}

func (c *countFS) ReadFile(name string) ([]byte, error) {
	c.reads[name]++
	return c.MapFS.ReadFile(name)
}

func TestOnce(t *testing.T) {
	disk := &countFS{fstest.MapFS{
		"templates/base.html": {Data: []byte("base")},
		"content/a.md":        {Data: []byte("page")},
	}, map[string]int{}}
	o := Once(disk)
	for range 3 {
		data, err := fs.ReadFile(o, "templates/base.html")
		if err != nil || string(data) != "base" {
			t.Fatalf("ReadFile = %q, %v", data, err)
		}
		data[0] = 'X' // the caller's copy: the next read is as the file was
		if _, err := fs.ReadFile(o, "content/a.md"); err != nil {
			t.Fatal(err)
		}
	}
	if n := disk.reads["templates/base.html"]; n != 1 {
		t.Errorf("a template was read %d times, want once", n)
	}
	if n := disk.reads["content/a.md"]; n != 3 {
		t.Errorf("a page was read %d times, want each time it was asked for (3): pages are not kept", n)
	}
	if _, err := fs.ReadFile(o, "templates/missing.html"); err == nil {
		t.Error("a missing file was read")
	}

	// The next build sees an edit.
	disk.MapFS["templates/base.html"] = &fstest.MapFile{Data: []byte("edited")}
	if data, _ := fs.ReadFile(o, "templates/base.html"); string(data) != "base" {
		t.Errorf("the same Once read %q after an edit, want what it first read", data)
	}
	if data, _ := fs.ReadFile(Once(disk), "templates/base.html"); string(data) != "edited" {
		t.Errorf("a new Once read %q, want the edited file", data)
	}
	// The rest of the file system is fsys's own.
	if ents, err := fs.ReadDir(o, "templates"); err != nil || len(ents) != 1 {
		t.Errorf("ReadDir = %v, %v", ents, err)
	}
	if fi, err := fs.Stat(o, "content/a.md"); err != nil || fi.Size() != 4 {
		t.Errorf("Stat = %v, %v", fi, err)
	}
}

// ReadShared reads a kept file once and hands out the one copy; ReadFile still hands out
// copies of it, which their callers may change.
func TestReadShared(t *testing.T) {
	disk := &countFS{fstest.MapFS{
		"static/js/a.js": {Data: []byte("part")},
		"content/a.md":   {Data: []byte("page")},
	}, map[string]int{}}
	o := Once(disk)
	a, err := ReadShared(o, "static/js/a.js")
	b, _ := ReadShared(o, "static/js/a.js")
	if err != nil || string(a) != "part" || &a[0] != &b[0] {
		t.Errorf("ReadShared = %q, %v; twice the same memory: %v", a, err, err == nil && &a[0] == &b[0])
	}
	c, _ := fs.ReadFile(o, "static/js/a.js")
	c[0] = 'X'
	if string(a) != "part" || disk.reads["static/js/a.js"] != 1 {
		t.Errorf("after a change to ReadFile's copy the shared file is %q, read %d times", a, disk.reads["static/js/a.js"])
	}
	for range 2 {
		if p, err := ReadShared(o, "content/a.md"); err != nil || string(p) != "page" {
			t.Errorf("ReadShared(a page) = %q, %v", p, err)
		}
	}
	if n := disk.reads["content/a.md"]; n != 2 {
		t.Errorf("a page was read %d times through ReadShared, want 2: pages are not kept", n)
	}
	if p, err := ReadShared(disk, "static/js/a.js"); err != nil || string(p) != "part" {
		t.Errorf("ReadShared of another file system = %q, %v", p, err)
	}
}
