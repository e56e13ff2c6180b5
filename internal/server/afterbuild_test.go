package server

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestAfterBuild checks that AfterBuild sees each good build, the one being served, with
// the facts of its pages (the first build's found after it is served), and is not called
// for a build that fails; and that Loaded is told the number of pages.
func TestAfterBuild(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\n\n## First\n")
	var loaded int
	type call struct {
		res *render.Result
		mem *output.Memory
	}
	calls := make(chan call, 10)
	s := New(Options{
		Dir: dir, Source: sitetest.Source(os.DirFS(dir)),
		// what the command sizes its memory limit by, as under build
		Loaded:     func(pages int) { loaded = pages },
		AfterBuild: func(res *render.Result, mem *output.Memory) { calls <- call{res, mem} },
	})
	// after checks that AfterBuild is called once, for the build being served, with the
	// facts of its one page.
	after := func(heading string) {
		t.Helper()
		var c call
		select {
		case c = <-calls:
		case <-time.After(10 * time.Second):
			t.Fatal("AfterBuild not called within 10s of a good build")
		}
		s.mu.Lock()
		served := s.site
		s.mu.Unlock()
		if c.res == nil || c.res.Pages != 1 || c.mem != served {
			t.Fatalf("AfterBuild got result %+v, memory served %v; want the build of one page, served", c.res, c.mem == served)
		}
		for _, f := range c.res.Facts {
			if len(f.Headings) != 1 || f.Headings[0].Text != heading {
				t.Errorf("AfterBuild got the facts %+v, want the heading %q", f, heading)
			}
		}
		if len(c.res.Facts) != 1 {
			t.Errorf("AfterBuild got the facts of %d pages, want 1", len(c.res.Facts))
		}
	}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	after("First")
	if loaded != 1 {
		t.Errorf("Loaded told %d pages, want 1", loaded)
	}
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\n\n## Second\n")
	if err := s.update([]string{"content/_index.md"}); err != nil {
		t.Fatal(err)
	}
	after("Second")
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	after("Second")
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\ncolour: red\n---\n")
	if err := s.Rebuild(); err == nil {
		t.Fatal("a bad page built")
	}
	select {
	case c := <-calls:
		t.Errorf("AfterBuild called after a failed build, with %+v", c.res)
	case <-time.After(100 * time.Millisecond):
	}
}

// TestAfterBuildOvertaken checks that the facts of a build made without them are not
// looked for once another build has started: the session holds that build's pages, and
// the newer build has its own AfterBuild.
func TestAfterBuildOvertaken(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\n\n## First\n")
	calls := make(chan *render.Result, 10)
	s := New(Options{
		Dir: dir, Source: sitetest.Source(os.DirFS(dir)),
		AfterBuild: func(res *render.Result, mem *output.Memory) { calls <- res },
	})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-calls:
	case <-time.After(10 * time.Second):
		t.Fatal("AfterBuild not called within 10s of a good build")
	}
	first := s.builds
	s.building.Lock()
	s.builds++ // as a build that started (and failed) meanwhile
	s.building.Unlock()
	s.afterBuild(first, &render.Result{Pages: 1}, s.site)
	select {
	case res := <-calls:
		t.Errorf("AfterBuild called for an overtaken build: %+v", res)
	default:
	}
}
