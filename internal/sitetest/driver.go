package sitetest

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/rogpeppe/go-internal/txtar"
)

// Update is go test -update: rewrite the exact sections of the fixtures.
var Update = flag.Bool("update", false, "rewrite the errors and exact sections of testdata/*.txtar")

// siteDirs are the folders of a site's own files; site.yaml is the other.
var siteDirs = []string{"content/", "templates/", "static/", "i18n/"}

// inputs are the sections a package's test reads itself.
var inputs = map[string]bool{"in.md": true, "original.md": true}

// A Case is one fixture, as the package's run function sees it.
type Case struct {
	Name    string // the file's name without .txtar
	File    string // the fixture's path
	Comment string // the text before the first section

	site   fstest.MapFS
	input  map[string][]byte
	used   map[string]bool // "site" and the inputs read
	a      *txtar.Archive
	errors *txtar.File
	exact  map[string]*txtar.File
	checks []txtar.File // want/, notwant/, missing, summary
}

// Result is what a run gave, for the driver to check the case's sections against.
// A section whose part of the Result is empty fails.
type Result struct {
	Output  *output.Memory    // the files written, for want/, notwant/ and missing
	Err     error             // the errors section holds its lines
	Summary string            // the summary section's lines appear in it
	Exact   map[string]string // by section name (out.html, findings, facts, index.en.json)
}

// Run runs each fixture that glob matches (testdata/*.txtar) as a subtest: run makes
// the Result, and Run checks every section of the case against it. See the package
// documentation for the sections.
func Run(t *testing.T, glob string, run func(t *testing.T, c *Case) *Result) {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no test cases match %s", glob)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			c, err := parse(file)
			if err != nil {
				t.Fatal(err)
			}
			problems, changed := c.verify(run(t, c))
			for _, p := range problems {
				t.Error(p)
			}
			if changed {
				if err := os.WriteFile(c.File, txtar.Format(c.a), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// parse reads a fixture and sorts its sections, failing on a name it does not know.
func parse(file string) (*Case, error) {
	a, err := txtar.ParseFile(file)
	if err != nil {
		return nil, err
	}
	c := &Case{
		Name:    strings.TrimSuffix(filepath.Base(file), ".txtar"),
		File:    file,
		Comment: string(a.Comment),
		site:    fstest.MapFS{},
		input:   map[string][]byte{},
		used:    map[string]bool{},
		a:       a,
		exact:   map[string]*txtar.File{},
	}
	for i, f := range a.Files {
		switch n := f.Name; {
		case isSiteFile(n):
			c.site[n] = &fstest.MapFile{Data: f.Data}
		case inputs[n]:
			c.input[n] = f.Data
		case n == "errors":
			c.errors = &a.Files[i]
		case isExact(n):
			c.exact[n] = &a.Files[i]
		case n == "missing", n == "summary", strings.HasPrefix(n, "want/"), strings.HasPrefix(n, "notwant/"):
			c.checks = append(c.checks, f)
		default:
			return nil, fmt.Errorf("%s: unknown section %q (see package sitetest for the names)", file, n)
		}
	}
	return c, nil
}
func isSiteFile(name string) bool {
	if name == "site.yaml" {
		return true
	}
	for _, d := range siteDirs {
		if strings.HasPrefix(name, d) && len(name) > len(d) {
			return true
		}
	}
	return false
}

func isExact(name string) bool {
	if name == "out.html" || name == "findings" || name == "facts" {
		return true
	}
	ok, _ := path.Match("index.*.json", name)
	return ok
}

// Site returns the case's site files, to be laid over the default site.
func (c *Case) Site() fstest.MapFS {
	c.used["site"] = true
	return c.site
}

// Options returns the options of a build of the case's site over the default site, not
// minified, with the options its comment names one a line: "baseURL URL", "portable",
// "drafts" and "minify".
func (c *Case) Options() render.Options {
	opts := render.Options{Source: Source(c.Site()), NoMinify: true}
	for _, line := range strings.Split(c.Comment, "\n") {
		k, v, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch k {
		case "baseURL":
			opts.BaseURL = v
		case "portable":
			opts.Portable = true
		case "drafts":
			opts.Drafts = true
		case "minify":
			opts.NoMinify = false
		}
	}
	return opts
}

// Input returns the input section name (in.md, original.md), and whether the case has it.
func (c *Case) Input(name string) ([]byte, bool) {
	if !inputs[name] {
		panic("sitetest: " + name + " is not an input section")
	}
	c.used[name] = true
	data, ok := c.input[name]
	return data, ok
}

// verify compares the case's sections with what the run gave. It returns what differs,
// and whether -update changed the archive.
func (c *Case) verify(r *Result) (p problems, changed bool) {
	if len(c.site) > 0 && !c.used["site"] {
		p.add("the case has site files, but this test builds no site")
	}
	for _, name := range slices.Sorted(maps.Keys(c.input)) {
		if !c.used[name] {
			p.add("the case has %s, but this test does not read it", name)
		}
	}
	if c.errors == nil && r.Err != nil {
		p.add("failed, want no errors:\n%v", r.Err)
		return p, false
	}
	changed = c.verifyErrors(&p, r.Err)
	changed = c.verifyExact(&p, r.Exact) || changed
	for _, s := range c.checks {
		verifyLines(&p, s, r)
	}
	return p, changed
}

// problems collects what a case found wrong.
type problems []string

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

// verifyErrors compares the errors section with err, and reports whether -update changed it.
func (c *Case) verifyErrors(p *problems, err error) bool {
	switch {
	case c.errors == nil:
	case err == nil:
		p.add("succeeded, want errors:\n%s", c.errors.Data)
	case *Update:
		c.errors.Data = []byte(err.Error() + "\n")
		return true
	case err.Error()+"\n" != string(c.errors.Data):
		p.add("errors:\ngot:\n%s\nwant:\n%s", err, c.errors.Data)
	}
	return false
}

// verifyExact compares the exact sections with got, and reports whether -update changed
// or added one.
func (c *Case) verifyExact(p *problems, got map[string]string) bool {
	changed := false
	for _, name := range slices.Sorted(maps.Keys(got)) {
		text, s := got[name], c.exact[name]
		switch {
		case *Update && s == nil:
			c.a.Files = append(c.a.Files, txtar.File{Name: name, Data: []byte(text)})
			changed = true
		case *Update:
			changed = changed || string(s.Data) != text
			s.Data = []byte(text)
		case s == nil:
			p.add("no section %s; the run gave:\n%s", name, text)
		case string(s.Data) != text:
			p.add("%s differs\ngot:\n%s\nwant:\n%s", name, text, s.Data)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.exact)) {
		if _, ok := got[name]; !ok {
			p.add("the case has %s, but the run gave none", name)
		}
	}
	return changed
}

// verifyLines checks a want/, notwant/, missing or summary section.
func verifyLines(p *problems, s txtar.File, r *Result) {
	if s.Name == "summary" {
		if r.Summary == "" {
			p.add("the case has summary, but the run gave none")
		}
		for _, l := range lines(s.Data) {
			if !strings.Contains(r.Summary, l) {
				p.add("summary %q: missing %q", r.Summary, l)
			}
		}
		return
	}
	if r.Output == nil {
		p.add("the case has %s, but this test writes no files", s.Name)
		return
	}
	if s.Name == "missing" {
		for _, name := range lines(s.Data) {
			if _, ok := r.Output.File(name); ok {
				p.add("output has %s, want none", name)
			}
		}
		return
	}
	want := strings.HasPrefix(s.Name, "want/")
	name := s.Name[strings.IndexByte(s.Name, '/')+1:]
	data, ok := r.Output.File(name)
	if !ok {
		p.add("no output file %s; have %v", name, r.Output.Names())
		return
	}
	failed := false
	for _, l := range lines(s.Data) {
		if strings.Contains(string(data), l) != want {
			failed = true
			if want {
				p.add("%s: missing %q", name, l)
			} else {
				p.add("%s: has %q", name, l)
			}
		}
	}
	if failed && testing.Verbose() {
		p.add("%s is:\n%s", name, data)
	}
}

// lines returns the non-blank lines of b, trimmed.
func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
