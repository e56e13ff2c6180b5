package sitetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/render"
)

// TestBuild builds the default site into memory and, with one more page, into a folder.
func TestBuild(t *testing.T) {
	mem, res := Build(t, render.Options{NoMinify: true})
	if _, ok := mem.File("worksheets/goals/index.html"); !ok || res.Worksheets == 0 {
		t.Errorf("the default site built without its worksheets: %s", res.Summary())
	}

	site := DefaultContent(t)
	if _, ok := site["content/_index.md"]; !ok {
		t.Fatalf("DefaultContent has no home page: %d files", len(site))
	}
	site["content/worksheets/every-field.md"] = &fstest.MapFile{Data: EveryField(t)}
	dir := BuildDir(t, "", render.Options{Source: Source(site), NoMinify: true})
	page, err := os.ReadFile(filepath.Join(dir, "worksheets", "every-field", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `id="worksheet"`) {
		t.Error("every-field is not a worksheet")
	}
	if _, err := os.Stat(filepath.Join(dir, "worksheets", "goals", "index.html")); err != nil {
		t.Errorf("the default pages are not in the folder: %v", err)
	}
}
