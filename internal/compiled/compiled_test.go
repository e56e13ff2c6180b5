package compiled

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
)

type inner struct {
	Name string
	Tags []string
}

func (i inner) Upper() string         { return strings.ToUpper(i.Name) }
func (i *inner) Pointer() string      { return "ptr:" + i.Name }
func (i inner) Greet(s string) string { return "hi " + s + ", " + i.Name }

type page struct {
	inner
	Title    string
	Count    int
	Price    float64
	On       bool
	Link     string
	HTML     template.HTML
	URL      template.URL
	Any      any
	Nil      *inner
	Next     *inner
	Items    []inner
	Ptrs     []*inner
	Map      map[string]string
	AnyMap   map[string]any
	Stringer fmt.Stringer
	Err      error
	Func     func() string
	private  string
}

func (p *page) Fail() (string, error) { return "", errors.New("it failed") }
func (p *page) Panic() string         { panic("oh no") }
func (p *page) Args(a int, b ...string) string {
	return fmt.Sprint(a, b)
}
func (p *page) Pair(a string, b int) string { return fmt.Sprintf("%s=%d", a, b) }

type stringer struct{ s string }

func (s stringer) String() string { return "<" + s.s + ">" }

type named string

func newPage() *page {
	return &page{
		inner:    inner{Name: "Ann & <Bo>", Tags: []string{"a", "b\"c"}},
		Title:    `It's "quoted" <b>+1</b>`,
		Count:    3,
		Price:    2.5,
		On:       true,
		Link:     "https://example.org/a b?c=d&e=f#g",
		HTML:     "<em>kept</em>",
		URL:      "javascript:kept()",
		Any:      named("named"),
		Next:     &inner{Name: "next"},
		Items:    []inner{{Name: "one"}, {Name: "two"}, {Name: "three"}},
		Ptrs:     []*inner{{Name: "p1"}, nil},
		Map:      map[string]string{"k": "v", "z": "last"},
		AnyMap:   map[string]any{"n": 7, "s": "str", "nil": nil},
		Stringer: stringer{"s"},
		Err:      errors.New("an error"),
		Func:     func() string { return "f" },
		private:  "secret",
	}
}

var funcs = template.FuncMap{
	"list":  func(items ...any) []any { return items },
	"upper": strings.ToUpper,
	"html2": func(s string) template.HTML { return template.HTML("<i>" + s + "</i>") },
	"fail":  func() (string, error) { return "", errors.New("fail") },
	"join":  func(sep string, xs ...string) string { return strings.Join(xs, sep) },
	"add":   func(a, b int) int { return a + b },
	"print": func(a ...any) string { return "mine" }, // a set's function wins over a builtin
}

// The templates, each run by html/template and by Execute: the same bytes, or both
// stop with an error. compile: Compile refuses it; declines: Execute leaves it to
// html/template (an error); the rest Execute must make itself.
var cases = []struct {
	name, src         string
	compile, declines bool
}{
	{name: "text", src: `plain text`},
	{name: "fields", src: `<p>{{.Title}} {{.Count}} {{.Price}} {{.On}} {{.Name}}</p>`},
	{name: "embedded and methods", src: `{{.Upper}} {{.Pointer}} {{.Next.Pointer}} {{.Greet "you"}}`},
	{name: "method args", src: `{{.Args 1}} {{.Args 2 "x" "y"}} {{.Pair "a" 3}} {{"z" | .Pair "q" | printf "%s"}}`, compile: true},
	{name: "method args pipe", src: `{{.Args 1 "x" | upper}} {{.Name | .Greet}}`},
	{name: "attributes", src: `<a title="{{.Title}}" href="{{.Link}}" data-x='{{.Name}}'>{{.Title}}</a>`},
	{name: "unquoted attribute", src: `<a title={{.Title}} href=/x/{{.Link}}>x</a>`},
	{name: "urls", src: `<a href="{{.URL}}">u</a><a href="/s?q={{.Title}}">q</a><a href="#{{.Name}}">f</a><a href="{{.Link}}">l</a><a href="javascript:{{.Name}}">`},
	{name: "ints and urls in attributes", src: `<a href="{{.URL}}" title="{{.Count}}" data-n={{.Count}}>{{.Count}}</a><a href="{{.URL}}?n={{.Count}}">{{.Any}}</a><a href="{{.Link}}" title="{{.HTML}}">`},
	{name: "url filter", src: `<a href="{{.URL}}">u</a><a href="/s?q={{.Title}}">q</a><a href="#{{.Name}}">f</a><a href="{{"JavaScript:x"}}">`},
	{name: "title and textarea", src: `<title>{{.Title}} {{.HTML}}</title><textarea>{{.Title}}</textarea>`},
	{name: "typed html", src: `<div>{{.HTML}}</div><p title="{{.HTML}}"></p>{{html2 "x"}}<b title="{{html2 "<y>"}}"></b>`},
	{name: "script", src: `<script>var x = {{.Title}}, y = "{{.Name}}", z = {{.Items}};</script><a onclick="f({{.Count}})">`},
	{name: "style", src: `<style>p { color: {{.Name}} }</style><p style="color: {{"red"}}"><style>{{.Title}}</style>`},
	{name: "mailto", src: `<a href="mailto:{{.Name}}">m</a><a href="/x/{{.Title}}">p</a><img srcset="{{.Link}} 2x">`},
	{name: "script template literal", src: "<script>var x = `{{.Title}}`;</script>", compile: true},
	{name: "other values", src: `{{.Any}} {{.Stringer}} {{.Err}} {{.Nil}} {{.AnyMap.n}} {{.AnyMap.s}} {{.Map.k}} {{.Map.none}} {{.Ptrs}} {{.Items}}`},
	{name: "no value", src: `{{.AnyMap.nil}}|{{.AnyMap.none}}|{{$.Map.none}}|`},
	{name: "unexported embedded", src: `{{.inner.Name}}`, declines: true},
	{name: "variables", src: `{{$x := .Title}}{{$y := 2}}{{$x}} {{$y}} {{$.Count}} {{$x = "changed"}}{{$x}}{{with .Next}}{{$.Title}} {{.Name}}{{end}}`},
	{name: "if else", src: `{{if .On}}on{{else}}off{{end}} {{if .Nil}}nil{{else if .Count}}count{{else}}none{{end}} {{if not .On}}x{{end}}`},
	{name: "with else with", src: `{{with .Nil}}a{{else with .Next}}{{.Name}}{{else}}c{{end}} {{with $v := .Count}}{{$v}}{{end}}`},
	{name: "and or", src: `{{and .On .Count .Title}} {{or .Nil .Map.none .Count}} {{and .Nil .Fail}} {{or .On .Fail}} {{if and .On (not .Nil)}}yes{{end}} {{.Count | and .On}} {{.Count | or 0}}`},
	{name: "comparisons", src: `{{eq .Count 3}} {{eq .Title "x" "y"}} {{ne .Name "a"}} {{lt 1 2}} {{le 2 2}} {{gt .Price 1.5}} {{ge "a" "b"}} {{eq .Nil nil}} {{eq .Next .Next}} {{eq 3 .Count}} {{.Count | eq 3}}`},
	{name: "bad comparison", src: `{{eq .Count "3"}}`, declines: true},
	{name: "len and index", src: `{{len .Items}} {{len .Title}} {{index .Items 1}} {{(index .Items 2).Name}} {{index .Map "k"}} {{index .Map "no"}} {{index .Tags 0}}`, compile: true},
	{name: "index", src: `{{len .Items}} {{len .Title}} {{index .Map "k"}} {{index .Map "no"}} {{index .Tags 0}} {{index .AnyMap "n"}}{{with index .Items 2}}{{.Name}}{{end}}`},
	{name: "index out of range", src: `{{index .Tags 2}}`, declines: true},
	{name: "range", src: `{{range .Items}}[{{.Name}}]{{end}} {{range $i, $e := .Items}}{{$i}}:{{$e.Name}} {{end}} {{range $e := .Tags}}{{$e}}{{end}}`},
	{name: "range else", src: `{{range .Map.none}}x{{else}}none{{end}} {{range 3}}{{.}}{{end}} {{range 0}}x{{else}}zero{{end}}`},
	{name: "range break continue", src: `{{range $i, $e := .Items}}{{if eq $i 1}}{{continue}}{{end}}{{if eq $i 2}}{{break}}{{end}}{{$e.Name}}{{end}}`},
	{name: "range assign", src: `{{$i := 0}}{{$e := ""}}{{range $i, $e = .Tags}}{{end}}{{$i}} {{$e}}`},
	{name: "range nil pointer", src: `{{range .Nil}}x{{else}}empty{{end}}`, declines: true},
	{name: "range map", src: `{{range $k, $v := .Map}}{{$k}}={{$v}} {{end}}`, declines: true},
	{name: "range variables scoped", src: `{{range .Items}}{{$x := .Name}}{{$x}}{{end}}{{$x := 1}}{{$x}}`},
	{name: "functions", src: `{{upper .Name}} {{join "-" "a" "b" .Title}} {{add 1 2}} {{list 1 "a" .On}} {{.Title | upper}} {{print "x"}}`},
	{name: "builtin print", src: `{{print}}`},
	{name: "function error", src: `{{fail}}`, declines: true},
	{name: "method error", src: `a{{.Fail}}`, declines: true},
	{name: "panic", src: `{{.Panic}}`, declines: true},
	{name: "nil pointer", src: `{{.Nil.Name}}`, declines: true},
	{name: "nil pointer method", src: `{{.Nil.Pointer}}`, declines: true},
	{name: "unexported", src: `{{.private}}`, declines: true},
	{name: "missing field", src: `{{.Missing}}`, declines: true},
	{name: "field with args", src: `{{.Title "x"}}`, declines: true},
	{name: "func field", src: `{{.Func}}`},
	{name: "templates", src: `{{define "t"}}<b>{{.}}</b>{{$}}{{end}}{{template "t" .Name}} {{template "t"}} {{block "b" .Count}}[{{.}}]{{end}}`},
	{name: "template in attribute", src: `{{define "t"}}{{.}}{{end}}<p title="{{template "t" .Title}}">`, compile: true},
	{name: "recursion", src: `{{define "r"}}{{if .}}{{len .}}{{template "r" (slice . 1)}}{{end}}{{end}}{{template "r" .Tags}}`, compile: true},
	{name: "recursion ok", src: `{{define "r"}}{{if gt . 0}}{{.}}{{template "r" (add . -1)}}{{end}}{{end}}{{template "r" 3}}`},
	{name: "parenthesized", src: `{{(.Title)}} {{upper (print .Count)}} {{(index .Items 0).Name}}`, compile: true},
	{name: "numbers", src: `{{1}} {{1.5}} {{0x10}} {{'a'}} {{1e3}} {{-2}}`},
	{name: "comments", src: `a{{/* c */}}b{{- /* d */ -}} c`},
}

func run(t *testing.T, src string, data any) (want string, wantErr error, got string, compileErr, gotErr error) {
	t.Helper()
	tmpl, err := template.New("page").Funcs(funcs).Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	wantErr = tmpl.Execute(&buf, data)
	want = buf.String()
	c, compileErr := Compile(tmpl, "page", funcs)
	if compileErr != nil {
		return
	}
	var out bytes.Buffer
	gotErr = c.Execute(&out, data)
	return want, wantErr, out.String(), nil, gotErr
}

func TestSameAsHTMLTemplate(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, wantErr, got, compileErr, gotErr := run(t, c.src, newPage())
			if compileErr != nil {
				if !c.compile {
					t.Fatalf("Compile: %v", compileErr)
				}
				return
			}
			if c.compile {
				t.Fatalf("Compile compiled it, want an error")
			}
			switch {
			case wantErr != nil && gotErr == nil:
				t.Fatalf("html/template: %v; Execute printed %q", wantErr, got)
			case gotErr != nil && !c.declines:
				t.Fatalf("Execute: %v (html/template: %q, %v)", gotErr, want, wantErr)
			case gotErr == nil && c.declines:
				t.Fatalf("Execute printed %q, want it to decline (html/template: %q, %v)", got, want, wantErr)
			case gotErr == nil && got != want:
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// Types met one after the other at the same place: what a name was found to be on one
// type is not used on another.
func TestTypesChange(t *testing.T) {
	src := `{{range .}}{{.Name}} {{.Upper}}|{{end}}`
	tmpl := template.Must(template.New("page").Parse(src))
	type other struct{ Name, Upper string }
	data := []any{inner{Name: "a"}, &inner{Name: "b"}, other{"c", "C"}, map[string]string{"Name": "d", "Upper": "D"}}
	var want bytes.Buffer
	if err := tmpl.Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	c, err := Compile(tmpl, "page", nil)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		var got bytes.Buffer
		if err := c.Execute(&got, data); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("got  %q\nwant %q", got.String(), want.String())
		}
	}
}

// A method on a pointer is found on an addressable value and not on a copy, as in
// text/template.
func TestAddressable(t *testing.T) {
	src := `{{range .}}{{.Pointer}}{{end}}`
	tmpl := template.Must(template.New("page").Parse(src))
	for _, data := range []any{[]inner{{Name: "a"}}, [1]inner{{Name: "b"}}, map[string]inner{"x": {Name: "c"}}} {
		var want bytes.Buffer
		wantErr := tmpl.Execute(&want, data)
		c, err := Compile(tmpl, "page", nil)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		gotErr := c.Execute(&got, data)
		if gotErr == nil && (wantErr != nil || got.String() != want.String()) {
			t.Errorf("%T: got %q, want %q (%v)", data, got.String(), want.String(), wantErr)
		}
	}
}

// An escaper's direct version prints what html/template's does.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "plain", `<a href="x">&amp; 'q' + "</a>`, "\x00nul", "bad \xff utf8 \xc3",
		"https://example.org/a b?c=d&e=f#g", "javascript:alert(1)", "JAVASCRIPT:x", "/x:y", "mailto:a@b",
		"%41%zz%", "a/b:c", "ünïcödé ✓ \uFDD0 \uFFFE", " tab\tnewline\n", "#frag", "?q=1&r=2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name := range escapeRefs() {
			c, err := newChain(name)
			if err != nil {
				continue
			}
			want, ok := escapeString(name, s)
			if !ok {
				continue
			}
			var got bytes.Buffer
			if err := c.write(&got, reflectValue(s)); err != nil {
				t.Fatal(err)
			}
			if got.String() != want {
				t.Errorf("%s(%q) = %q, html/template: %q", name, s, got.String(), want)
			}
			// The values printed directly besides strings.
			for _, v := range []any{template.URL(s), template.HTML(s), len(s), -len(s)} {
				want, ok := c.ref.escapeValue(v)
				got.Reset()
				if err := c.write(&got, reflectValue(v)); (err == nil) != ok || got.String() != want {
					t.Errorf("%s(%T %q) = %q, %v; html/template: %q, %v", name, v, v, got.String(), err, want, ok)
				}
			}
		}
	})
}

// Besides strings, the values a page prints most are done directly: an int, and a
// template.URL in a link; a value of another type goes through html/template.
func TestDirectValues(t *testing.T) {
	for _, c := range []struct {
		chain string
		v     any
		ok    bool
	}{
		{"_html_template_htmlescaper", "a<b", true},
		{"_html_template_attrescaper", 42, true},
		{"_html_template_htmlescaper", -7, true},
		{"_html_template_urlfilter|_html_template_urlnormalizer|_html_template_attrescaper", template.URL("/a b"), true},
		{"_html_template_urlfilter|_html_template_urlnormalizer|_html_template_attrescaper", 3, true},
		{"_html_template_urlescaper|_html_template_attrescaper", template.URL("/a b"), false}, // the escaper normalizes a URL
		{"_html_template_htmlescaper", template.HTML("<b>"), true},
		{"_html_template_attrescaper", template.HTML("<b>"), false}, // the escaper strips its tags
		{"_html_template_attrescaper", named("n"), false},
		{"_html_template_attrescaper", int64(1), false},
		{"_html_template_attrescaper", 2.5, false},
	} {
		ch, err := newChain(c.chain)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := ch.directly(reflectValue(c.v)); ok != c.ok {
			t.Errorf("%s(%T %v): done directly %v, want %v", c.chain, c.v, c.v, ok, c.ok)
		}
	}
}

// The chains of escapers of text, attributes, titles, text areas and links are done
// directly.
func TestChainsDirect(t *testing.T) {
	var names []string
	for name := range escapeRefs() {
		c, err := newChain(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if c.direct != nil {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	want := []string{
		"_html_template_attrescaper",
		"_html_template_htmlescaper",
		"_html_template_rcdataescaper",
		"_html_template_urlescaper|_html_template_attrescaper",
		"_html_template_urlfilter|_html_template_urlnormalizer|_html_template_attrescaper",
		"_html_template_urlnormalizer|_html_template_attrescaper",
	}
	if !slices.Equal(names, want) {
		t.Errorf("done directly:\n%s\nwant\n%s", strings.Join(names, "\n"), strings.Join(want, "\n"))
	}
}

func reflectValue(v any) reflect.Value { return reflect.ValueOf(v) }

// A Compiler compiles a template once for all that call it, and what one Compile refused
// is refused again by the next that needs it, not left half compiled.
func TestCompiler(t *testing.T) {
	set := template.Must(template.New("a").Funcs(funcs).Parse(`A{{template "p" .}}`))
	template.Must(set.New("b").Parse(`B{{template "p" .}}`))
	template.Must(set.New("p").Parse(`<p>{{.}}</p>`))
	template.Must(set.New("bad").Parse(`{{template "q" .}}{{printf "%d" 1}}`))
	template.Must(set.New("q").Parse(`{{template "r" .}}`))
	template.Must(set.New("r").Parse(`{{printf "%s" .}}`))
	template.Must(set.New("c").Parse(`C{{template "q" .}}`))
	for _, name := range []string{"a", "b", "bad", "c"} {
		set.ExecuteTemplate(io.Discard, name, "")
	}
	c := NewCompiler(Trees(set), funcs)
	a, err1 := c.Compile("a")
	b, err2 := c.Compile("b")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if a.root[1].(*templateCall).t != b.root[1].(*templateCall).t {
		t.Error("p was compiled twice")
	}
	for name, tmpl := range map[string]*Template{"a": a, "b": b} {
		var want, got bytes.Buffer
		set.ExecuteTemplate(&want, name, "x<y")
		if err := tmpl.Execute(&got, "x<y"); err != nil || got.String() != want.String() {
			t.Errorf("%s: %q, %v; want %q", name, got.String(), err, want.String())
		}
	}
	if _, err := c.Compile("bad"); err == nil {
		t.Error("bad compiled")
	}
	if _, err := c.Compile("c"); err == nil {
		t.Error("c compiled, with q and r refused when bad was compiled")
	}
	if _, err := c.Compile("a"); err != nil {
		t.Errorf("a, again: %v", err)
	}
}

// Fold puts a call's string in its place, in every context html/template escapes
// differently: the page is what html/template makes with the call in it, the folded
// calls are never made, and a printed one joins the text around it.
func TestFold(t *testing.T) {
	words := map[string]string{"w": `It's <b> & "q" +1`, "u": "/x y?q=1&r=<2>", "j": "javascript:x()", "e": ""}
	calls := 0
	fns := template.FuncMap{"upper": strings.ToUpper, "tr": func(k string, pairs ...string) string {
		if k != "missing" {
			calls++
		}
		return words[k] + strings.Join(pairs, "")
	}}
	src := `<h1 title="{{tr "w"}}" data-a='{{tr "w"}}' data-b={{tr "w"}}>{{tr "w"}}</h1>
<a href="{{tr "u"}}">1</a><a href="/x?q={{tr "w"}}">2</a><a href="#{{tr "w"}}">3</a><a href="{{tr "j"}}">4</a>
<textarea>{{tr "w"}}</textarea><title>{{tr "w"}}</title>[{{tr "e"}}]
<script>var x = {{tr "w"}}, y = "{{tr "w"}}";</script><p style="color: {{tr "e"}}">
{{with tr "w"}}<p>{{.}}</p>{{end}}{{if eq (tr "u") "/x y?q=1&r=<2>"}}<p>same</p>{{end}}{{$v := tr "w"}}{{$v}}
{{tr "w" | upper}} {{upper (tr "w")}} {{tr "missing"}} {{tr "w" "+" "pairs"}}{{template "p" tr "u"}}
{{define "p"}}<a href="{{.}}">{{.}}</a>{{end}}`
	set := template.Must(template.New("page").Funcs(fns).Parse(src))
	var want bytes.Buffer
	if err := set.Execute(&want, nil); err != nil {
		t.Fatal(err)
	}
	c := NewCompiler(Trees(set), fns)
	c.Fold("tr", func(k string) (string, bool) {
		w, ok := words[k]
		return w, ok
	})
	ct, err := c.Compile("page")
	if err != nil {
		t.Fatal(err)
	}
	calls = 0
	var got bytes.Buffer
	if err := ct.Execute(&got, nil); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("got  %q\nwant %q", got.String(), want.String())
	}
	if calls != 1 { // tr "w" "+" "pairs"
		t.Errorf("tr called %d times, want once", calls)
	}
	var left []string
	for _, args := range ct.Calls("tr") {
		left = append(left, fmt.Sprint(args))
	}
	if got := strings.Join(left, " "); got != `["missing"] ["w" "+" "pairs"]` {
		t.Errorf("the calls left are %q, want tr \"missing\" and the one with pairs", got)
	}
	set = template.Must(template.New("page").Funcs(fns).Parse(`<p title="{{tr "w"}}">a {{tr "w"}} b{{"<c>"}}</p>`))
	set.Execute(io.Discard, nil)
	c = NewCompiler(Trees(set), fns)
	c.Fold("tr", func(k string) (string, bool) { return words[k], true })
	if ct, err = c.Compile("page"); err != nil {
		t.Fatal(err)
	}
	if len(ct.root) != 1 {
		t.Errorf("the template is %d nodes, want one text", len(ct.root))
	}
}
