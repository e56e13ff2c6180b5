package render_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/search"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestSites builds each site in testdata/*.txtar and checks its output: its want/,
// notwant/ and missing sections, or the errors of a site that does not build. The
// comment may hold options, one a line: "baseURL URL", "portable", "drafts", "minify".
// See package sitetest for the sections.
func TestSites(t *testing.T) {
	sitetest.Run(t, "testdata/*.txtar", func(t *testing.T, c *sitetest.Case) *sitetest.Result {
		mem := output.NewMemory()
		_, err := render.Build(c.Options(), mem)
		return &sitetest.Result{Output: mem, Err: err}
	})
}

var indexFile = regexp.MustCompile(`^search-index\.([a-zA-Z-]+)\.[0-9a-f]{10}\.js$`)

// TestSearch builds each site in testdata/search/*.txtar and compares the search index
// of each language with the case's section index.LANG.json, as indented JSON (go test
// -update rewrites them): a language without one must have no index. The comment may
// say "portable"; the summary, want/, notwant/ and errors sections are as in TestSites.
func TestSearch(t *testing.T) {
	sitetest.Run(t, "testdata/search/*.txtar", func(t *testing.T, c *sitetest.Case) *sitetest.Result {
		mem := output.NewMemory()
		res, err := render.Build(c.Options(), mem)
		if err != nil {
			return &sitetest.Result{Output: mem, Err: err}
		}
		indexes := map[string]string{}
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
			indexes["index."+m[1]+".json"] = string(js) + "\n"
		}
		if len(res.Search) != len(indexes) {
			t.Errorf("Result.Search has %d indexes, the output %d", len(res.Search), len(indexes))
		}
		for _, ix := range res.Search {
			data, ok := mem.File(ix.File)
			if !ok || len(data) != ix.Size || ix.Gzip <= 0 || ix.Gzip >= ix.Size {
				t.Errorf("Result.Search: %+v does not describe the file written (%d bytes)", ix, len(data))
			}
		}
		return &sitetest.Result{Output: mem, Summary: res.Summary(), Exact: indexes}
	})
}

// writeFunc is an output.Writer that calls a function for each file.
type writeFunc func(name string, data []byte) error

func (f writeFunc) WriteFile(name string, data []byte) error { return f(name, data) }

// Options.Loaded is called once, with the pages of every language, before any page is
// written: what the command sizes its memory limit by.
func TestLoaded(t *testing.T) {
	calls, pages, early := 0, 0, ""
	w := writeFunc(func(name string, data []byte) error {
		if strings.HasSuffix(name, ".html") && calls == 0 && early == "" {
			early = name
		}
		return nil
	})
	res, err := render.Build(render.Options{Source: iptsite.Defaults(), Loaded: func(n int) { calls++; pages = n }}, w)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || pages != res.Pages || pages < 50 {
		t.Errorf("Loaded called %d times with %d pages; the build made %d pages", calls, pages, res.Pages)
	}
	if early != "" {
		t.Errorf("%s was written before Loaded was called", early)
	}
}
