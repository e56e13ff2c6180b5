package compiled

import (
	"bytes"
	"html/template"
	"testing"
)

// A page's frame, as a layout makes it: a title, meta tags, links in a list, the
// content, a pager.
const benchPage = `<!DOCTYPE html>
<html lang="en"><head><title>{{.Title}} · {{.Name}}</title>
<meta name="description" content="{{.Title}}">
<link rel="canonical" href="{{.Link}}"></head>
<body><nav aria-label="{{"Main menu"}}"><ul>
{{- range $i, $e := .Items}}<li><a href="/{{$e.Name}}/"{{if eq $i 1}} aria-current="page"{{end}}>{{$e.Upper}}</a></li>{{end}}
</ul></nav>
<main><h1>{{.Title}}</h1>{{.HTML}}</main>
{{with .Next}}<a rel="next" href="/{{.Name}}/">{{.Pointer}}</a>{{end}}
{{if and .On (gt .Count 2)}}<p>{{.Count}} of {{len .Items}}</p>{{end}}
</body></html>`

// BenchmarkExecute makes the same page with html/template and compiled.
func BenchmarkExecute(b *testing.B) {
	tmpl := template.Must(template.New("page").Funcs(funcs).Parse(benchPage))
	data := newPage()
	var want bytes.Buffer
	if err := tmpl.Execute(&want, data); err != nil { // escapes it
		b.Fatal(err)
	}
	c, err := Compile(tmpl, "page", funcs)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.Run("html-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := tmpl.Execute(&buf, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := c.Execute(&buf, data); err != nil {
				b.Fatal(err)
			}
		}
		if buf.String() != want.String() {
			b.Errorf("got  %q\nwant %q", buf.String(), want.String())
		}
	})
}
