package render

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
	"github.com/iptsite/iptsite/internal/source"
)

// TestSearchScriptBudget keeps the search script (static/js/search/), minified and
// gzipped, within the 5 KB of issue 7.
func TestSearchScriptBudget(t *testing.T) {
	const budget = 5 * 1024
	src := joinedScript(t, "search")
	min := newMinifier(true).bytes("application/javascript", "search.js", src)
	if len(min) >= len(src) {
		t.Fatalf("search.js did not minify (%d bytes, %d written)", len(min), len(src))
	}
	size := gzipLen(min)
	t.Logf("search.js: %d bytes, %d minified, %d gzipped (budget %d)", len(src), len(min), size, budget)
	if size > budget {
		t.Errorf("search.js is %d bytes minified and gzipped, over the budget of %d", size, budget)
	}
}

// BenchmarkSearchIndex is what a search page costs a build: the 1000-page corpus of
// BenchmarkBuild without and with one, which makes every page's text into the index.
func BenchmarkSearchIndex(b *testing.B) {
	for _, withSearch := range []bool{false, true} {
		b.Run(fmt.Sprintf("search=%v", withSearch), func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.Write(dir, corpus.Generate(1000, 1)); err != nil {
				b.Fatal(err)
			}
			if withSearch {
				page := "---\ntitle: Search\nlayout: search\n---\n"
				if err := os.WriteFile(filepath.Join(dir, "content", "search.md"), []byte(page), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			src := source.Layered{Site: os.DirFS(dir), Defaults: iptsite.Defaults()}
			b.ReportAllocs()
			var res *Result
			for b.Loop() {
				var err error
				if res, err = Build(Options{Source: src}, discard{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/1000, "µs/page")
			if withSearch {
				b.ReportMetric(float64(res.Search[0].Gzip)/1024, "KB-index-gz")
			}
		})
	}
}

// Under iptsite serve, a changed page body re-renders that page and the search index,
// and the search page loads the new index; a changed search page replaces the one held.
func TestSearchSessionUpdate(t *testing.T) {
	site := fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\nHello.\n")},
		"content/a.md":      {Data: []byte("---\ntitle: A\n---\nFirst words.\n")},
		"content/search.md": {Data: []byte("---\ntitle: Search\nlayout: search\n---\nType.\n")},
	}
	s, res, mem := start(t, site)
	old := res.Search[0].File
	site["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\nSecond words.\n")}
	mem, res, full, err := s.Update([]string{"content/a.md"}, mem)
	if err != nil || full {
		t.Fatalf("body change: full=%v err=%v", full, err)
	}
	ix := res.Search[0].File
	if ix == old {
		t.Fatalf("the index %s was not written again", ix)
	}
	data, _ := mem.File(ix)
	if !strings.Contains(string(data), `"Second words."`) || strings.Contains(string(data), `"First words."`) {
		t.Errorf("%s does not have the new text:\n%s", ix, data)
	}
	page, _ := mem.File("search/index.html")
	if !strings.Contains(string(page), `data-index="../`+ix+`"`) {
		t.Errorf("search/index.html does not load %s", ix)
	}

	site["content/search.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Search\nlayout: search\n---\nType a word.\n")}
	mem, _, full, err = s.Update([]string{"content/search.md"}, mem)
	if err != nil || full {
		t.Fatalf("search page change: full=%v err=%v", full, err)
	}
	page, _ = mem.File("search/index.html")
	if !strings.Contains(string(page), "Type a word.") {
		t.Errorf("search/index.html was not re-rendered:\n%s", page)
	}
	if n := len(s.r.langs[0].search.held); n != 1 {
		t.Errorf("%d search pages held, want 1", n)
	}
}
