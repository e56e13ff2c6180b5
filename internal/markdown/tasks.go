package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tasks renders the boxes of a task list ("- [ ] bring your questions") as symbols
// rather than GitHub's disabled checkboxes: on a page they cannot be ticked, and an
// unlabelled form control confuses screen readers. A ticked box is read as "done".
type tasks struct{ t func(string) string }

func (e *tasks) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(e, 100)))
}

func (e *tasks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, e.render)
}

func (e *tasks) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if n.(*east.TaskCheckBox).IsChecked {
		w.WriteString(`<span class="task task-done" aria-hidden="true">&#x2611;</span><span class="visually-hidden">`)
		w.Write(util.EscapeHTML([]byte(e.t("task.done"))))
		w.WriteString(`: </span> `)
	} else {
		w.WriteString(`<span class="task" aria-hidden="true">&#x2610;</span> `)
	}
	return ast.WalkContinue, nil
}
