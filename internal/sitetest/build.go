package sitetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/source"
)

// Source lays site over the embedded default site, as iptsite build lays a clinic's
// folder. A nil site is the default site alone.
func Source(site fs.FS) source.Layered {
	return source.Layered{Site: site, Defaults: iptsite.Defaults()}
}

// DefaultContent returns a copy of the default site's content/ files, for a test to add
// a page to or change one.
func DefaultContent(t testing.TB) fstest.MapFS {
	t.Helper()
	defaults := iptsite.Defaults()
	site := fstest.MapFS{}
	err := fs.WalkDir(defaults, source.Content, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(defaults, p)
		site[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// DefaultFile returns a file of the default site, such as site.yaml, for a test to edit.
func DefaultFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := fs.ReadFile(iptsite.Defaults(), name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// RepoFile returns a file of the repository by its slash path from the root, such as
// docs/worksheets.md, wherever the test runs.
func RepoFile(t testing.TB, name string) []byte {
	t.Helper()
	_, here, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("sitetest: no source path to find the repository by")
	}
	data, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// EveryField returns a worksheet page, for content/worksheets/every-field.md, whose
// questions are the examples of docs/worksheets.md: every field type.
func EveryField(t testing.TB) []byte {
	t.Helper()
	return append([]byte("---\ntitle: Every field\nworksheet: true\n---\n"), RepoFile(t, "docs/worksheets.md")...)
}

// Build builds opts into memory and fails t with the build's errors. An opts.Source of
// nil is the default site.
func Build(t testing.TB, opts render.Options) (*output.Memory, *render.Result) {
	t.Helper()
	if opts.Source == nil {
		opts.Source = Source(nil)
	}
	mem := output.NewMemory()
	res, err := render.Build(opts, mem)
	if err != nil {
		t.Fatalf("the site does not build:\n%v", err)
	}
	return mem, res
}

// BuildDir builds opts into the folder dst, replacing what is there as iptsite build
// publishes a new version, and fails t with the build's errors. A dst of "" is a new
// temporary folder. It returns the folder.
func BuildDir(t testing.TB, dst string, opts render.Options) string {
	t.Helper()
	if dst == "" {
		dst = filepath.Join(t.TempDir(), "public")
	}
	if opts.Source == nil {
		opts.Source = Source(nil)
	}
	out, err := output.NewDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := render.Build(opts, out); err != nil {
		out.Abort()
		t.Fatalf("the site does not build:\n%v", err)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return dst
}
