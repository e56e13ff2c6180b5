package render

import (
	"html/template"
	"strings"

	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/worksheet"
)

// A worksheet's questions, for pages that link to each one (the page for therapists).
// Worksheets are rendered before the other pages (renderPages), so that every page can
// list every worksheet's questions; a Session re-renders the pages that did when a
// worksheet changes.

// A Question is one field of a worksheet, as a link to it.
type Question struct {
	ID    string
	Label string
	URL   string // the worksheet's URL and #id, relative to the page being rendered
	Type  string // the field's type: text, questionnaire, tracker, …
}

// question is what a rendered worksheet keeps of a field.
type question struct{ id, label, typ string }

func questionsOf(fields []*worksheet.Field) []question {
	qs := make([]question, 0, len(fields))
	for _, f := range fields {
		qs = append(qs, question{f.ID, strings.Join(strings.Fields(f.Label), " "), f.Type})
	}
	return qs
}

// Questions returns the fields of worksheet p, in order, as links: {{range $.Questions .Page}}.
func (d *Data) Questions(p *content.Page) []Question {
	b := d.b
	b.mu.Lock()
	qs := b.questions[p]
	if b.asksQuestions == nil {
		b.asksQuestions = map[*content.Page]bool{}
	}
	b.asksQuestions[d.Page] = true
	b.mu.Unlock()
	out := make([]Question, 0, len(qs))
	for _, q := range qs {
		out = append(out, Question{ID: q.id, Label: q.label, URL: d.Rel(p.URL + "#" + q.id), Type: q.typ})
	}
	return out
}

// settled reports whether the page, once rendered, is as it will stay: not a worksheet
// that lists the questions of others while they are still being rendered (it is
// rendered again after them).
func (d *Data) settled() bool {
	b := d.b
	if b.sheetsDone {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.asksQuestions[d.Page]
}

// Breakable returns a web address as HTML that a narrow screen may wrap after a / and
// before the #, and nowhere inside a word: {{$.Breakable .Absolute}}.
func (d *Data) Breakable(addr string) template.HTML {
	var b strings.Builder
	for i, r := range addr {
		if r == '#' && i > 0 && addr[i-1] != '/' {
			b.WriteString("<wbr>")
		}
		b.WriteString(template.HTMLEscapeString(string(r)))
		if r == '/' && (i+1 == len(addr) || addr[i+1] != '/') && (i == 0 || addr[i-1] != ':') {
			b.WriteString("<wbr>")
		}
	}
	return template.HTML(b.String())
}
