package sitetest

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// Seeds returns the sections of every fixture in the repository whose name is one that
// want accepts (such as a name ending in ".md", or "site.yaml"), for a fuzz target
// to start from: the cases that the tests already know are worth trying. Fixtures are
// the txtar files under internal/*/testdata, in a stable order; each distinct section
// is returned once.
func Seeds(t testing.TB, want func(section string) bool) [][]byte {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("sitetest: no source path to find the fixtures by")
	}
	internal := filepath.Join(filepath.Dir(here), "..")
	var files []string
	for _, glob := range []string{"*/testdata/*.txtar", "*/testdata/*/*.txtar"} {
		m, err := filepath.Glob(filepath.Join(internal, glob))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	sort.Strings(files)
	seen := map[string]bool{}
	var seeds [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range txtar.Parse(data).Files {
			if want(s.Name) && !seen[string(s.Data)] {
				seen[string(s.Data)] = true
				seeds = append(seeds, s.Data)
			}
		}
	}
	if len(seeds) == 0 {
		t.Fatal("sitetest.Seeds: no fixture has such a section")
	}
	return seeds
}
