package render

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// buildWith builds the default site, with an address so its worksheets get QR codes.
func buildWith(t *testing.T, c *cache.Cache) *output.Memory {
	t.Helper()
	mem := output.NewMemory()
	if _, err := Build(Options{Source: iptsite.Defaults(), BaseURL: "https://clinic.example/ipt/", Cache: c}, mem); err != nil {
		t.Fatal(err)
	}
	return mem
}

func sameOutput(t *testing.T, what string, want, got *output.Memory) {
	t.Helper()
	if w, g := strings.Join(want.Names(), "\n"), strings.Join(got.Names(), "\n"); w != g {
		t.Fatalf("%s: other files than the build it is compared with", what)
	}
	for _, name := range want.Names() {
		a, _ := want.File(name)
		b, _ := got.File(name)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: %s differs from the build it is compared with", what, name)
		}
	}
}

// entries lists the cache's entry files.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	return files
}

// TestCacheSameOutput: a build with a cold cache, a warm one, and one whose files were
// damaged all write the same bytes as a build without a cache; and the warm build does
// read the cache (an entry changed behind its checksum shows in the output).
func TestCacheSameOutput(t *testing.T) {
	want := buildWith(t, nil)
	dir := t.TempDir()
	c := cache.New(dir)
	sameOutput(t, "cold cache", want, buildWith(t, c))
	files := entries(t, dir)
	kinds := map[string]bool{}
	for _, f := range files {
		kinds[strings.SplitN(filepath.Base(f), "-", 2)[0]] = true
	}
	for _, k := range []string{"minify", "qr", "icons", "search", "templates"} {
		if !kinds[k] {
			t.Errorf("the cold build kept no %q entry (it kept %v)", k, kinds)
		}
	}
	sameOutput(t, "warm cache", want, buildWith(t, c))

	// Damaged entries: each file's last byte changed, then some cut short.
	for i, f := range files {
		data, _ := os.ReadFile(f)
		if i%2 == 0 {
			data[len(data)-1] ^= 0xff
		} else {
			data = data[:len(data)/2]
		}
		os.WriteFile(f, data, 0o644)
	}
	sameOutput(t, "damaged cache", want, buildWith(t, c))
	sameOutput(t, "cache mended", want, buildWith(t, c))

	// An entry changed with its checksum is believed: the warm build reads the cache.
	name := ""
	for _, f := range entries(t, dir) {
		if strings.HasPrefix(filepath.Base(f), "icons-") {
			icons, _ := unpackFiles(mustGet(t, c, filepath.Base(f)))
			icons[0].Data = []byte("not a PNG")
			name = icons[0].Name
			c.Put(filepath.Base(f), packFiles(icons))
		}
	}
	got := buildWith(t, c)
	if data, _ := got.File(name); name == "" || string(data) != "not a PNG" {
		t.Errorf("the warm build drew %q again instead of reading it from the cache", name)
	}
}

func mustGet(t *testing.T, c *cache.Cache, key string) []byte {
	t.Helper()
	data, ok := c.Get(key)
	if !ok {
		t.Fatalf("no entry %s", key)
	}
	return data
}

// TestSessionKeepsNoSearchPerEdit: under serve, the first build fills the cache, and an
// edit of a page does not add a search index to it (one a keystroke would fill it).
func TestSessionKeepsNoSearchPerEdit(t *testing.T) {
	site := fstest.MapFS{} // the default content, to edit a page of
	fs.WalkDir(iptsite.Defaults(), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(iptsite.Defaults(), p)
			site[p] = &fstest.MapFile{Data: data}
		}
		return err
	})
	dir := t.TempDir()
	c := cache.New(dir)
	src := source.Layered{Site: site, Defaults: iptsite.Defaults()}
	s, _, err := Start(Options{Source: src, LiveReload: true, Cache: c}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	before := len(entries(t, dir))
	if before == 0 {
		t.Fatal("the first build kept nothing")
	}
	name := "content/about-ipt.md"
	site[name].Data = append(bytes.Clone(site[name].Data), []byte("\nOne more sentence.\n")...)
	mem := output.NewMemory()
	if _, _, full, err := s.Update([]string{name}, mem); err != nil || full {
		t.Fatalf("update: full=%v err=%v", full, err)
	}
	if after := len(entries(t, dir)); after != before {
		t.Errorf("an edit added %d cache entries", after-before)
	}
}

// TestSearchCacheFollowsEdits: with the cache warm, a page's new words are in the next
// build's search index, as are its new title; the words it lost are not.
func TestSearchCacheFollowsEdits(t *testing.T) {
	site := fstest.MapFS{}
	fs.WalkDir(iptsite.Defaults(), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := fs.ReadFile(iptsite.Defaults(), p)
			site[p] = &fstest.MapFile{Data: data}
		}
		return err
	})
	c := cache.New(t.TempDir())
	index := func() string {
		t.Helper()
		mem := output.NewMemory()
		if _, err := Build(Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, Cache: c}, mem); err != nil {
			t.Fatal(err)
		}
		for _, n := range mem.Names() {
			if strings.HasPrefix(n, "search-index.en.") {
				data, _ := mem.File(n)
				return string(data)
			}
		}
		t.Fatal("no English search index")
		return ""
	}
	name := "content/about-ipt.md"
	orig := site[name].Data
	index() // the cache warm
	site[name] = &fstest.MapFile{Data: append(bytes.Clone(orig), "\nA zebracrossing sentence.\n"...)}
	if ix := index(); !strings.Contains(ix, "zebracrossing") {
		t.Error("a word added to a page is not in the index of a build with the cache warm")
	}
	site[name] = &fstest.MapFile{Data: bytes.Replace(orig, []byte("title: "), []byte("title: Okapi "), 1)}
	ix := index()
	if !strings.Contains(ix, "Okapi") {
		t.Error("a page's new title is not in the index of a build with the cache warm")
	}
	if strings.Contains(ix, "zebracrossing") {
		t.Error("a word taken out of a page is still in the index of a build with the cache warm")
	}
}
