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
