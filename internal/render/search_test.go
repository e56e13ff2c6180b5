package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/search"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/rogpeppe/go-internal/txtar"
)

var indexFile = regexp.MustCompile(`^search-index\.([a-zA-Z-]+)\.[0-9a-f]{10}\.js$`)

// TestSearch builds each site in testdata/search/*.txtar and compares the search index
// of each language with the case's file index.LANG.json, as indented JSON (go test
// -update rewrites them). The comment may say "portable". Other files of the case:
//
//	-- summary --        every non-blank line must appear in the build's Summary
//	-- want/NAME --      every non-blank line must appear in output file NAME
//	-- notwant/NAME --   no non-blank line may appear in output file NAME
//	-- errors --         the build must fail with exactly these lines
//
// A language without an index.LANG.json file must have no index.
func TestSearch(t *testing.T) {
	files, _ := filepath.Glob("testdata/search/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			runSearchCase(t, file, a)
		})
	}
}

func runSearchCase(t *testing.T, file string, a *txtar.Archive) {
	site := fstest.MapFS{}
	wantIndex := map[string]*txtar.File{}
	var checks []txtar.File
	var wantErrs, summary *txtar.File
	for i, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, "index.") && strings.HasSuffix(f.Name, ".json"):
			wantIndex[strings.TrimSuffix(strings.TrimPrefix(f.Name, "index."), ".json")] = &a.Files[i]
		case strings.HasPrefix(f.Name, "want/"), strings.HasPrefix(f.Name, "notwant/"):
			checks = append(checks, f)
		case f.Name == "errors":
			wantErrs = &a.Files[i]
		case f.Name == "summary":
			summary = &a.Files[i]
		default:
			site[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	opts := Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, NoMinify: true}
	opts.Portable = strings.Contains(string(a.Comment), "\nportable\n") || strings.HasPrefix(string(a.Comment), "portable\n")
	mem := output.NewMemory()
	res, err := Build(opts, mem)
	rewrite := func() {
		if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if wantErrs != nil {
		if err == nil {
			t.Fatalf("build succeeded, want errors:\n%s", wantErrs.Data)
		}
		if got := err.Error() + "\n"; *update {
			wantErrs.Data = []byte(got)
			rewrite()
		} else if got != string(wantErrs.Data) {
			t.Errorf("errors:\ngot:\n%s\nwant:\n%s", got, wantErrs.Data)
		}
		return
	}
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}

	got := map[string][]byte{}
	for _, name := range mem.Names() {
		m := indexFile.FindStringSubmatch(name)
		if m == nil {
			continue
		}
		data, _ := mem.File(name)
		ix, err := search.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if ix.Lang != m[1] {
			t.Errorf("%s: lang %q", name, ix.Lang)
		}
		js, _ := json.MarshalIndent(ix, "", "  ")
		got[m[1]] = append(js, '\n')
	}
	changed := false
	for lang, js := range got {
		f := wantIndex[lang]
		switch {
		case *update && f == nil:
			a.Files = append(a.Files, txtar.File{Name: "index." + lang + ".json", Data: js})
			changed = true
		case *update:
			f.Data, changed = js, changed || !bytes.Equal(f.Data, js)
		case f == nil:
			t.Errorf("an index for %q, want none:\n%s", lang, js)
		case !bytes.Equal(f.Data, js):
			t.Errorf("index.%s.json:\ngot:\n%s\nwant:\n%s", lang, js, f.Data)
		}
	}
	for lang := range wantIndex {
		if got[lang] == nil {
			t.Errorf("no search index for %q; files: %v", lang, mem.Names())
		}
	}
	if changed {
		rewrite()
	}
	if len(res.Search) != len(got) {
		t.Errorf("Result.Search has %d indexes, the output %d", len(res.Search), len(got))
	}
	for _, ix := range res.Search {
		data, ok := mem.File(ix.File)
		if !ok || len(data) != ix.Size || ix.Gzip <= 0 || ix.Gzip >= ix.Size {
			t.Errorf("Result.Search: %+v does not describe the file written (%d bytes)", ix, len(data))
		}
	}
	if summary != nil {
		for _, l := range lines(summary.Data) {
			if !strings.Contains(res.Summary(), l) {
				t.Errorf("summary %q: missing %q", res.Summary(), l)
			}
		}
	}
	for _, c := range checks {
		want := strings.HasPrefix(c.Name, "want/")
		name := c.Name[strings.IndexByte(c.Name, '/')+1:]
		data, ok := mem.File(name)
		if !ok {
			t.Errorf("no output file %s; have %v", name, mem.Names())
			continue
		}
		for _, l := range lines(c.Data) {
			if strings.Contains(string(data), l) != want {
				t.Errorf("%s: has %q: %v, want %v", name, l, !want, want)
			}
		}
	}
}

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
	opts := Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, NoMinify: true}
	mem := output.NewMemory()
	s, res, err := Start(opts, mem)
	if err != nil {
		t.Fatal(err)
	}
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
