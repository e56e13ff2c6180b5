package render

// The build makes each page faster than by executing every template action for it (foldT,
// shared partials); these tests check it makes the same bytes as when it does.

import (
	"html/template"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"
	"text/template/parse"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/compiled"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// foldT must change how fast a page is made, never what it says: the default site, in
// both languages, and a page with {{t}} in every kind of place html/template escapes
// differently, come out byte for byte as with the calls left in.
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

// The calls are really gone: no {{t "key"}} is left in the templates the default site's
// pages are rendered with, in either language. (Without tidy, which would make the
// crisis box title text, escaped.)
func TestFoldTFolds(t *testing.T) {
	defer func(was bool) { tidying = was }(tidying)
	tidying = false
	s, _, err := Start(Options{Source: iptsite.Defaults()}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range s.r.langs {
		sets := map[string]*template.Template{"(shared)": b.tmpl.root}
		for name, set := range b.tmpl.layouts {
			sets[name] = set
		}
		for name, set := range sets {
			n := 0
			commands(set, func(c *parse.CommandNode, first bool) {
				if key, ok := tCall(c); ok {
					t.Errorf("%s: %s still calls t %s", b.lang, name, key)
				}
				if c.String() == strconv.Quote(b.str.T("crisis.title")) {
					n++
				}
			})
			if n == 0 {
				t.Errorf("%s: %s has no crisis box title in place", b.lang, name)
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

// tidy must change how fast a page is made, never what it says: the default site, and
// a page with constants in every kind of place html/template escapes differently, come
// out byte for byte as with every escaper left in.
func TestTidySameOutput(t *testing.T) {
	odd := fstest.MapFS{
		"templates/page.html": {Data: []byte(`{{define "main"}}
<h1 title="{{t "skip"}}" data-a='{{"it's <b> & \"q\" +1"}}' data-b={{"a b=c"}}>{{t "skip"}} {{"<i>&amp;</i> +"}}</h1>
<a href="{{"/x y?q=1&r=<2>"}}">1</a><a href="/x?q={{"a b&c/d"}}">2</a><a href="#{{"x y"}}">3</a>
<a href="{{"javascript:alert(1)"}}">4</a>
<textarea>{{"</textarea><b>"}}</textarea>
<script>var x = {{"a</script>"}};</script>
<style>p::after { content: "{{t "skip"}}" }</style>
<p>{{printf "%s" "<b>"}} {{"x" | printf "%s!"}} {{with "w<"}}{{.}}{{end}} {{$v := "v<"}}{{$v}}</p>
{{.Content}}
{{end}}
`)},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n")},
		"content/a.md":      {Data: []byte("---\ntitle: A\n---\nText.\n")},
		"content/b.md":      {Data: []byte("---\ntitle: B\n---\nText.\n")},
	}
	sameBothWays(t, "escaped templates tidied", &tidying, []namedSite{
		{"default site", Options{Source: iptsite.Defaults(), BaseURL: "https://clinic.example/ipt/"}},
		{"default site, not minified", Options{Source: iptsite.Defaults(), NoMinify: true}},
		{"constants in every context", Options{Source: source.Layered{Site: odd, Defaults: iptsite.Defaults()}, NoMinify: true}},
	})
}

// The calls are really gone: once the default site is built, its layouts print no
// constant through an escaper, and no shared partial through the HTML escaper.
func TestTidyTidies(t *testing.T) {
	s, _, err := Start(Options{Source: iptsite.Defaults()}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range s.r.langs {
		for name, set := range b.tmpl.layouts {
			shared := 0
			actions(set, func(p *parse.PipeNode) {
				chain, escaped := compiled.Escapers(p)
				if _, ok := p.Cmds[0].Args[0].(*parse.StringNode); ok && escaped {
					t.Errorf("%s: %s still escapes %s on every page", b.lang, name, p)
				}
				if id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); ok && id.Ident == "shared" {
					shared++
					if escaped && chain == "_html_template_htmlescaper" {
						t.Errorf("%s: %s still escapes %s on every page", b.lang, name, p)
					}
				}
			})
			if shared == 0 {
				t.Errorf("%s: %s has no shared partial", b.lang, name)
			}
		}
	}
}

// actions calls f with the pipeline of each action of the templates of set.
func actions(set *template.Template, f func(p *parse.PipeNode)) {
	nodes(set, func(l *parse.ListNode, i int) {
		if a, ok := l.Nodes[i].(*parse.ActionNode); ok && len(a.Pipe.Cmds) > 0 && len(a.Pipe.Cmds[0].Args) > 0 {
			f(a.Pipe)
		}
	})
}

// The compiled templates must change how fast a page is made, never what it says.
func TestCompiledSameOutput(t *testing.T) {
	sameBothWays(t, "templates compiled", &compiling, []namedSite{
		{"default site", Options{Source: iptsite.Defaults(), BaseURL: "https://clinic.example/ipt/"}},
		{"default site, not minified, portable", Options{Source: iptsite.Defaults(), NoMinify: true, Portable: true}},
	})
}

// Every layout of the default site is compiled, and makes every page of it.
func TestCompiledCompiles(t *testing.T) {
	s, _, err := Start(Options{Source: iptsite.Defaults()}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range s.r.langs {
		for name, set := range b.tmpl.layouts {
			fp := b.tmpl.quick[name]
			if _, err := compiled.Compile(set, set.Name(), b.tmpl.funcs); err != nil {
				t.Errorf("%s: %s: %v", b.lang, name, err)
			} else if fp.compiled == nil && slices.ContainsFunc(b.site.Pages, func(p *content.Page) bool { return b.layout(p) == name }) {
				t.Errorf("%s: %s: not compiled by the build", b.lang, name)
			}
			if n := fp.declined.Load(); n > 0 {
				t.Errorf("%s: %s: %d pages left to html/template", b.lang, name, n)
			}
		}
	}
}
