package render

// The build makes each page faster than by executing every template action for it (the
// compiled templates, {{t}} folded, shared partials); these tests check it makes the same bytes as when it does.

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// Folding {{t "key"}} into the compiled templates must change how fast a page is made,
// never what it says: the default site, in both languages, and a page with {{t}} in every
// kind of place html/template escapes differently, come out byte for byte as with the
// calls left in.
func TestFoldTSameOutput(t *testing.T) {
	odd := fstest.MapFS{
		"templates/page.html": {Data: []byte(`{{define "main"}}
<h1 title="{{t "skip"}}">{{t "skip"}}</h1>
<a href="/x?q={{t "search.label"}}" data-x="{{t "worksheet.clear-confirm"}}">{{printf "%s!" (t "toc.title")}}</a>
{{with t "pager.label"}}<p>{{.}}</p>{{end}}
{{if eq (t "pager.prev") "Previous"}}<p>same</p>{{end}}
<p>{{t "footer.clinic" "name" "Riverside <Clinic>"}}</p>
<style>p::after { content: "{{t "skip"}}" }</style>
{{.Content}}
{{end}}
`)},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":      {Data: []byte("---\ntitle: A\n---\nText.\n")},
	}
	sameBothWays(t, "t folded", &foldStrings, []namedSite{
		{"default site", Options{Source: iptsite.Defaults(), BaseURL: "https://clinic.example/ipt/"}},
		{"t in every context", Options{Source: source.Layered{Site: odd, Defaults: iptsite.Defaults()}, NoMinify: true}},
	})
}

type namedSite struct {
	name string
	opts Options
}

// sameBothWays builds each site with a speed-up turned off and on (*on) and compares
// every file of the two builds.
func sameBothWays(t *testing.T, what string, on *bool, sites []namedSite) {
	t.Helper()
	defer func(was bool) { *on = was }(*on)
	for _, c := range sites {
		build := func(v bool) *output.Memory {
			t.Helper()
			*on = v
			mem := output.NewMemory()
			if _, err := Build(c.opts, mem); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			return mem
		}
		sameOutput(t, c.name+", "+what, build(false), build(true))
	}
}

// The calls are really gone: the layouts of the default site, compiled by the build, call
// t only with pairs to put in its text, in either language; with the strings not folded,
// they call it for every text.
func TestFoldTFolds(t *testing.T) {
	defer func(was bool) { foldStrings = was }(foldStrings)
	for _, fold := range []bool{true, false} {
		foldStrings = fold
		s, _, err := Start(Options{Source: iptsite.Defaults()}, output.NewMemory())
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range s.r.langs {
			for name, q := range b.tmpl.quick {
				if q.compiled == nil {
					t.Fatalf("%s: %s not compiled", b.lang, name)
				}
				plain := 0
				for _, args := range q.compiled.Calls("t") {
					if _, ok := args[0].(*parse.StringNode); ok && len(args) == 1 {
						plain++
						if fold {
							t.Errorf("%s: %s still calls t %s", b.lang, name, args[0])
						}
					}
				}
				if !fold && plain < 5 {
					t.Errorf("%s: %s calls t %d times without pairs, not folded; want at least 5", b.lang, name, plain)
				}
			}
		}
	}
}

// A shared partial is made once for the pages of one sharedKey: the pages come out the
// same as with each page's own, for the default site and for a site whose sections are
// alike in depth and menu entry but lead to different breadcrumbs.
func TestSharedSameOutput(t *testing.T) {
	md := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("---\ntitle: " + title + "\n---\nText.\n")}
	}
	nested := fstest.MapFS{
		"content/_index.md":      md("Home"),
		"content/x/_index.md":    md("X"),
		"content/x/p/_index.md":  md("P"),
		"content/x/p/a.md":       md("A"),
		"content/x/q/_index.md":  md("Q"),
		"content/x/q/b.md":       md("B"),
		"content/y/c.md":         md("C"),
		"content/y/deep/er/d.md": md("D"),
	}
	sameBothWays(t, "partials shared", &sharing, []namedSite{
		{"default site", Options{Source: iptsite.Defaults(), BaseURL: "https://clinic.example/ipt/"}},
		{"default site, portable", Options{Source: iptsite.Defaults(), Portable: true}},
		{"sections alike", Options{Source: source.Layered{Site: nested, Defaults: iptsite.Defaults()}}},
	})
}

// Every field and method a template may use of the page's data is sorted into what a
// shared partial may use (sharedOK) or not (pageOnly), so that checkShared knows a new one.
func TestSharedFieldsSorted(t *testing.T) {
	typ := reflect.TypeFor[*Data]()
	var names []string
	for i := range typ.Elem().NumField() {
		if f := typ.Elem().Field(i); f.IsExported() {
			names = append(names, f.Name)
		}
	}
	for i := range typ.NumMethod() {
		names = append(names, typ.Method(i).Name)
	}
	for _, n := range names {
		if sharedOK[n] == pageOnly[n] {
			t.Errorf(".%s is in both or neither of sharedOK and pageOnly: sort it (sharedcheck.go)", n)
		}
	}
	for n := range sharedOK {
		if !slices.Contains(names, n) {
			t.Errorf("sharedOK names .%s, which Data does not have", n)
		}
	}
	for n := range pageOnly {
		if !slices.Contains(names, n) {
			t.Errorf("pageOnly names .%s, which Data does not have", n)
		}
	}
}

// The compiled templates must change how fast a page is made, never what it says: the
// default site, and a page with constants in every kind of place html/template escapes
// differently, which the compiled templates print as text.
func TestCompiledSameOutput(t *testing.T) {
	odd := fstest.MapFS{
		"templates/page.html": {Data: []byte(`{{define "main"}}
<h1 title="{{t "skip"}}" data-a='{{"it's <b> & \"q\" +1"}}' data-b={{"a b=c"}}>{{t "skip"}} {{"<i>&amp;</i> +"}}</h1>
<a href="{{"/x y?q=1&r=<2>"}}">1</a><a href="/x?q={{"a b&c/d"}}">2</a><a href="#{{"x y"}}">3</a>
<a href="{{"javascript:alert(1)"}}">4</a>
<textarea>{{"</textarea><b>"}}</textarea>
<script>var x = {{"a</script>"}};</script>
<p>{{with "w<"}}{{.}}{{end}} {{$v := "v<"}}{{$v}}</p>
{{.Content}}
{{end}}
`)},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":      {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"content/b.md":      {Data: []byte("---\ntitle: B\n---\nText.\n")},
	}
	sameBothWays(t, "templates compiled", &compiling, []namedSite{
		{"default site", Options{Source: iptsite.Defaults(), BaseURL: "https://clinic.example/ipt/"}},
		{"default site, not minified, portable", Options{Source: iptsite.Defaults(), NoMinify: true, Portable: true}},
		{"constants in every context", Options{Source: source.Layered{Site: odd, Defaults: iptsite.Defaults()}, NoMinify: true}},
	})
}

// Every layout of the default site is compiled, and makes every page of it: html/template
// runs no page of it, in either language (with the pages not checked against it).
func TestCompiledCompiles(t *testing.T) {
	defer func(was bool) { checkCompiled = was }(checkCompiled)
	checkCompiled = false
	s, _, err := Start(Options{Source: iptsite.Defaults()}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	allCompiled(t, s)
}

// allCompiled fails t for each layout of a page of s, in each language, that the build
// did not compile or left a page of to html/template, and for each language whose
// templates were parsed again for html/template. checkCompiled must be off.
func allCompiled(t *testing.T, s *Session) {
	t.Helper()
	for _, b := range s.r.langs {
		for name, q := range b.tmpl.quick {
			if q.compiled == nil && slices.ContainsFunc(b.site.Pages, func(p *content.Page) bool { return b.layout(p) == name }) {
				t.Errorf("%s: %s: not compiled by the build", b.lang, name)
			}
			if n := q.declined.Load(); n > 0 {
				t.Errorf("%s: %s: %d pages left to html/template", b.lang, name, n)
			}
		}
		if b.tmpl.htmlTS != nil {
			t.Errorf("%s: the templates were parsed again for html/template", b.lang)
		}
	}
}
