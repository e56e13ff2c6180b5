package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestAfterBuild checks that AfterBuild sees each good build, the one being served, and
// is not called for a build that fails; and that Loaded is told the number of pages.
func TestAfterBuild(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\n\nFirst.\n")
	var calls, loaded int
	var served *output.Memory
	s := New(Options{
		Dir: dir, Source: sitetest.Source(os.DirFS(dir)),
		// what the command sizes its memory limit by, as under build
		Loaded: func(pages int) { loaded = pages },
		AfterBuild: func(res *render.Result, mem *output.Memory) {
			calls++
			served = mem
			if res == nil || res.Pages != 1 {
				t.Errorf("AfterBuild got result %+v, want the build of one page", res)
			}
		},
	})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if calls != 1 || served != s.site {
		t.Fatalf("after a good build: %d calls, memory served %v", calls, served == s.site)
	}
	if loaded != 1 {
		t.Errorf("Loaded told %d pages, want 1", loaded)
	}
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\ncolour: red\n---\n")
	if err := s.Rebuild(); err == nil {
		t.Fatal("a bad page built")
	}
	if calls != 1 {
		t.Errorf("AfterBuild called %d times, want once: not after a failed build", calls)
	}
}
