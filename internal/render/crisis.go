package render

import (
	"bytes"
	"html/template"

	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/diag"
	"github.com/iptsite/iptsite/internal/markdown"
)

// crisisBlock is what a crisis-lines block may say.
type crisisBlock struct {
	Topic string `yaml:"topic"` // only the lines of this topic; empty: every line
}

// blocks returns the named blocks a page's Markdown may hold (see markdown.WithBlocks).
func (b *builder) blocks(p *content.Page) map[string]markdown.BlockFunc {
	return map[string]markdown.BlockFunc{"crisis-lines": func(body []byte, line int) []byte {
		return b.crisisLines(p, body, line)
	}}
}

// crisisLines renders a crisis-lines block: the language's crisis lines from site.yaml,
// or those of one topic, through the crisis-lines partial that the crisis box uses too,
// so a number is shown and linked the same way everywhere.
func (b *builder) crisisLines(p *content.Page, body []byte, line int) []byte {
	var opts crisisBlock
	if len(bytes.TrimSpace(body)) > 0 {
		if errs := diag.DecodeYAML(p.File, line+1, body, &opts); len(errs) > 0 {
			b.fail(errs.Err())
			return nil
		}
	}
	lines := b.cfg.TopicLines(opts.Topic)
	if len(lines) == 0 {
		return nil
	}
	var buf bytes.Buffer
	if err := b.tmpl.partial("crisis-lines", &buf, lines); err != nil {
		b.fail(templateError(err))
		return nil
	}
	return buf.Bytes()
}

// crisisAlert is what a worksheet's crisis message holds on page p (worksheet.WithCrisis):
// the lines of the crisis box, through the same partial, and links to the help page and
// to the safety plan worksheet, when the site has them.
func (b *builder) crisisAlert(p *content.Page) string {
	var buf bytes.Buffer
	if lines := b.cfg.BoxLines(); len(lines) > 0 {
		if err := b.tmpl.partial("crisis-lines", &buf, lines); err != nil {
			b.fail(templateError(err))
			return ""
		}
	}
	d := &Data{b: b, from: p.URL}
	for _, l := range []struct{ file, key string }{
		{"help-now.md", "crisis.more"},
		{"worksheets/safety-plan.md", "crisis.safety-plan"},
	} {
		if page := d.Lookup(l.file); page != nil {
			buf.WriteString(`<p class="crisis-more"><a href="` + template.HTMLEscapeString(page.URL) + `">` +
				template.HTMLEscapeString(b.str.T(l.key)) + "</a></p>")
		}
	}
	return buf.String()
}
