package render

import (
	"html/template"
	"strings"
	"testing"
)

// Each layout in the one set of a language makes what it made as a copy of base.html and
// the partials with the layout parsed over it, errors included: layouts that define
// blocks, define a partial again (and so every template that calls it), leave a block
// empty, or define nothing.
func TestLayoutsAsCopies(t *testing.T) {
	base := `<html><head>{{block "head" .}}<meta name="d">{{end}}</head><body>{{template "nav" .}}` +
		`{{block "main" .}}default{{end}}{{template "footer" .}}</body></html>`
	partials := map[string]string{
		"templates/partials/nav.html":    `{{define "nav"}}<nav>{{template "item" .}}</nav>{{end}}`,
		"templates/partials/item.html":   `{{define "item"}}<a href="/{{.}}">item</a>{{end}}`,
		"templates/partials/footer.html": `{{define "footer"}}<footer title="{{.}}">{{.}}</footer>{{end}}`,
	}
	layouts := map[string]string{
		"main":       `{{define "main"}}<p>A {{.}}</p>{{end}}`,
		"item":       `{{define "main"}}B{{template "nav" .}}{{end}}{{define "item"}}<b>{{.}}</b>{{end}}`,
		"emptyhead":  `{{define "head"}}{{end}}{{define "main"}}C{{end}}`,
		"nothing":    ``,
		"footer":     `{{define "footer"}}<p onclick="f({{.}})">{{.}}</p>{{end}}{{define "main"}}<script>var x = {{.}};</script>{{end}}`,
		"fails":      `{{define "main"}}{{.Nope}}{{end}}`,
		"nosuchpart": `{{define "main"}}{{template "gone" .}}{{end}}`,
	}
	parseBase := func() *template.Template {
		set := template.Must(template.New(baseName).Parse(base))
		for name, text := range partials {
			template.Must(set.New(name).Parse(text))
		}
		return set
	}
	set := parseBase()
	calls := callGraph(set)
	mine := map[string]*template.Template{}
	for name, text := range layouts {
		own := template.Must(template.New("templates/" + name + ".html").Parse(text))
		l, err := addLayout(set, calls, name, own)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		mine[name] = l
	}
	for name, text := range layouts {
		copied := template.Must(parseBase().Clone())
		template.Must(copied.New("templates/" + name + ".html").Parse(text))
		var want, got strings.Builder
		werr := copied.ExecuteTemplate(&want, baseName, `x"<y`)
		gerr := mine[name].Execute(&got, `x"<y`)
		if got.String() != want.String() {
			t.Errorf("%s: made\n%s\nwant\n%s", name, got.String(), want.String())
		}
		if (werr == nil) != (gerr == nil) || werr != nil && templateError(gerr).Msg != templateError(werr).Msg {
			t.Errorf("%s: error %v, want %v", name, gerr, werr)
		} else if werr != nil {
			t.Logf("%s: %v", name, templateError(gerr).Msg)
		}
	}
	// What no layout defines again is there once.
	if n := strings.Count(set.DefinedTemplates(), `"footer"`); n != 1 {
		t.Errorf("the footer is in the set %d times under its own name", n)
	}
	for _, shared := range []string{"nav", "item", "footer"} {
		if l := set.Lookup("main" + layoutSep + shared); l != nil {
			t.Errorf("layout main has its own copy of %s, which it does not define again", shared)
		}
	}
}
