package worksheet

import (
	"slices"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
)

// stars is a toy field type, all of it in this file: one key of its own, a check
// with its line, its HTML and a translation rule.
type starsKeys struct {
	Glyph string `yaml:"glyph"` // one character, shown five times
}

var stars = &Type{
	Name: "stars",
	Keys: starsKeys{},
	Check: func(c *checker, f *Field) {
		if k := keysOf[starsKeys](f); len([]rune(k.Glyph)) > 1 {
			c.errorf(c.at("glyph"), "glyph must be one character, not %q", k.Glyph)
		}
	},
	Render: func(b *builder, f *Field) {
		glyph := keysOf[starsKeys](f).Glyph
		if glyph == "" {
			glyph = "*"
		}
		b.open()
		for i := 1; i <= 5; i++ {
			b.w("<input type=\"radio\" id=\"%s_%d\" name=\"%s\" value=\"%d\" aria-label=\"%d\">%s\n", b.p, i, b.p, i, i, e(glyph))
		}
		b.close()
	},
	Translate: func(m *matcher, f, o *Field) {
		if keysOf[starsKeys](f).Glyph != keysOf[starsKeys](o).Glyph {
			m.errorf(f.keyLine("glyph"), "stars %s has another glyph than %s", f.ID, m.at(o.keyLine("glyph")))
		}
	},
}

// withStars registers the toy type for the rest of the test.
func withStars(t *testing.T) {
	t.Helper()
	Register(stars)
	t.Cleanup(func() { unregister(stars.Name) })
}

// page renders a worksheet page the way the site build does: the site's Markdown
// converter with the worksheet extension, front matter blanked to newlines.
func page(t *testing.T, src string, original []*Field) (string, []*Field, string) {
	t.Helper()
	md := markdown.New(markdown.Options{Extensions: []goldmark.Extender{New(Options{})}})
	pc := parser.NewContext(parser.WithIDs(markdown.NewIDs()))
	html, fields, errs := convert(t, md, pc, []byte(src), "toy", original)
	var msgs strings.Builder
	for _, e := range errs {
		msgs.WriteString(e.Error() + "\n")
	}
	return html, fields, msgs.String()
}

func TestRegisterToyType(t *testing.T) {
	withStars(t)
	const src = `---
title: Toy
worksheet: true
---
# How was today?

` + "```field" + `
id: today
type: stars
label: Today
glyph: ★
` + "```\n"
	html, fields, errs := page(t, src, nil)
	if errs != "" {
		t.Fatalf("errors:\n%s", errs)
	}
	want := `<fieldset class="ws-field ws-stars" id="today" data-field="today" data-type="stars">
<legend class="ws-label" id="f-today_label">Today</legend>
<input type="radio" id="f-today_1" name="f-today" value="1" aria-label="1">★
<input type="radio" id="f-today_2" name="f-today" value="2" aria-label="2">★
<input type="radio" id="f-today_3" name="f-today" value="3" aria-label="3">★
<input type="radio" id="f-today_4" name="f-today" value="4" aria-label="4">★
<input type="radio" id="f-today_5" name="f-today" value="5" aria-label="5">★
</fieldset>
`
	if !strings.Contains(html, want) {
		t.Errorf("the page lacks the toy's HTML\ngot:\n%s\nwant in it:\n%s", html, want)
	}
	if len(fields) != 1 || fields[0].Type != "stars" || fields[0].Line != 7 {
		t.Errorf("fields = %+v, want one stars field at line 7", fields)
	}

	// its own key is checked with its line, and an unknown key is an error on it
	_, _, errs = page(t, "```field\nid: today\ntype: stars\nlabel: Today\n\nglyph: ab\ncolour: red\n```\n", nil)
	if want := "line 6: glyph must be one character, not \"ab\"\nline 7: unknown key \"colour\"\n"; errs != want {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, want)
	}

	// its key is no other type's, and it is a type to choose from
	_, _, errs = page(t, "```field\nid: goal\ntype: text\nlabel: Goal\nglyph: x\n```\n\n```field\nid: n\nlabel: N\n```\n", nil)
	if want := "line 5: key glyph does not apply to type text\n" +
		"line 9: missing type (want one of text, textarea, number, date, phone, scale, choice, checklist, list, table, questionnaire, circle, timeline, tracker, rhythm, stars)\n"; errs != want {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, want)
	}

	// a table cannot have a column of it: it has no Column
	_, _, errs = page(t, "```field\nid: t\ntype: table\nlabel: T\ncolumns:\n  - {id: s, label: S, type: stars}\n```\n", nil)
	if want := `line 6: unknown column type "stars" (want one of text, textarea, number, date, time, phone, scale, choice)` + "\n"; errs != want {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, want)
	}

	// its translation rule
	_, original, _ := page(t, src, nil)
	_, _, errs = page(t, strings.Replace(src, "glyph: ★", "glyph: ☆", 1), original)
	if want := "line 11: stars today has another glyph than original.md:11\n"; errs != want {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, want)
	}
}

// TestToyTypeGone: once unregistered, the toy type is unknown again.
func TestToyTypeGone(t *testing.T) {
	t.Run("registered", withStars)
	_, _, errs := page(t, "```field\nid: n\ntype: stars\nlabel: N\nglyph: x\n```\n", nil)
	want := `line 3: unknown type "stars" (want one of ` + strings.Join(Types, ", ") + ")\nline 5: unknown key \"glyph\"\n"
	if errs != want || slices.Contains(Types, "stars") {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, want)
	}
}

func TestRegisterRejects(t *testing.T) {
	for name, typ := range map[string]*Type{
		"a name taken":    {Name: "text"},
		"no name":         {},
		"keys not struct": {Name: "x", Keys: 1},
		"a key untagged":  {Name: "x", Keys: struct{ Glyph string }{}},
		"a common key": {Name: "x", Keys: struct {
			L string `yaml:"label"`
		}{}},
		"a key twice": {Name: "x", Keys: struct {
			A, B string `yaml:"a"`
		}{}},
		"a type not read": {Name: "x", Keys: struct {
			N int `yaml:"n"`
		}{}},
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					unregister("x")
					t.Errorf("Register did not panic")
				}
			}()
			Register(typ)
		})
	}
}
