package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindAlert is the node kind of a GitHub-style alert.
var KindAlert = ast.NewNodeKind("Alert")

// Alert is a callout made from a block quote that starts with [!NOTE] and the like.
type Alert struct {
	ast.BaseBlock
	AlertType string // note, tip, important, warning or caution
}

// Kind implements ast.Node.
func (a *Alert) Kind() ast.NodeKind { return KindAlert }

// Dump implements ast.Node.
func (a *Alert) Dump(source []byte, level int) {
	ast.DumpHelper(a, source, level, map[string]string{"AlertType": a.AlertType}, nil)
}

// alertType returns the type that a block quote's first line marks it with, "note" for
// "[!NOTE]" alone on the line (`^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$`),
// or "" when the line is not a marker.
func alertType(line []byte) string {
	m, ok := bytes.CutPrefix(bytes.Trim(line, " \t\n\f\r"), []byte("[!"))
	if m, ok2 := bytes.CutSuffix(m, []byte("]")); ok && ok2 {
		switch string(m) {
		case "NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION":
			return strings.ToLower(string(m))
		}
	}
	return ""
}

type alerts struct{ t func(string) string }

func (e *alerts) Extend(m goldmark.Markdown) {
	// Before the facts (95), which then read the alert's text without its marker.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(e, 80)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 500)))
}

// Transform replaces marked block quotes with Alert nodes.
func (e *alerts) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		kind := alertType(first.Value(source))
		if kind == "" {
			continue
		}
		// Drop the marker's inline nodes, which all lie on the first line.
		for c := para.FirstChild(); c != nil; {
			next := c.NextSibling()
			if s := start(c); s >= 0 && s >= first.Stop {
				break
			}
			para.RemoveChild(para, c)
			c = next
		}
		if para.ChildCount() == 0 {
			q.RemoveChild(q, para)
		} else {
			lines := text.NewSegments()
			for i := 1; i < para.Lines().Len(); i++ {
				lines.Append(para.Lines().At(i))
			}
			para.SetLines(lines)
		}
		a := &Alert{AlertType: kind}
		a.SetLines(q.Lines())
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			a.AppendChild(a, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, a)
	}
}

func (e *alerts) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAlert, e.render)
}

func (e *alerts) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	a := n.(*Alert)
	if entering {
		title := e.t("alert." + a.AlertType)
		w.WriteString(`<div class="alert alert-` + a.AlertType + `" role="note" aria-label="`)
		w.Write(util.EscapeHTML([]byte(title)))
		w.WriteString(`"><p class="alert-title">`)
		w.Write(util.EscapeHTML([]byte(title)))
		w.WriteString("</p>\n")
	} else {
		w.WriteString("</div>\n")
	}
	return ast.WalkContinue, nil
}
