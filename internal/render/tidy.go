package render

import (
	"html/template"
	"reflect"
	"sync"
	"text/template/parse"

	"github.com/iptsite/iptsite/internal/compiled"
)

// html/template escapes every value a template prints by calling its escapers after it,
// by reflection, on every page: {{"Skip to main content" | _html_template_htmlescaper}}
// where foldT put a {{t}} call's text, {{shared "menu" . | _html_template_htmlescaper}}
// where a shared partial goes. Once a layout's templates are escaped (at its first
// page), tidy takes out of them what would give every page the same answer:
//
//   - a constant string and its escapers become the text they make, computed by
//     html/template itself, in a template of its own where the same escapers follow the
//     value (compiled.Escape); a chain of escapers with no such template is left as it is;
//   - the HTML escaper after a function that returns template.HTML goes, as that escaper
//     gives template.HTML back unchanged.
//
// TestTidySameOutput builds with and without it and compares every byte.

// tidying turns tidy on; a test turns it off to compare.
var tidying = true

// tidy rewrites the escaped templates of set. htmlFuncs are the names of the functions
// that return template.HTML; done holds the escaped constants already computed, for
// every layout of a language.
func tidy(set *template.Template, htmlFuncs map[string]bool, done *sync.Map) {
	if !tidying {
		return
	}
	nodes(set, func(l *parse.ListNode, i int) {
		a, ok := l.Nodes[i].(*parse.ActionNode)
		if !ok {
			return
		}
		if text, ok := constant(a.Pipe, done); ok {
			l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: a.Pos, Text: []byte(text)}
		} else {
			dropHTMLEscaper(a.Pipe, htmlFuncs)
		}
	})
}

// constant returns what the action {{"text" | escapers}} prints, when it is one.
func constant(p *parse.PipeNode, done *sync.Map) (string, bool) {
	chain, ok := compiled.Escapers(p)
	if !ok || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	s, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	key := chain + "\x00" + s.Text
	if v, ok := done.Load(key); ok {
		return v.(string), true
	}
	text, ok := compiled.Escape(chain, s.Text)
	if ok {
		done.Store(key, text)
	}
	return text, ok
}

// dropHTMLEscaper takes the HTML escaper from after a function that returns
// template.HTML: {{shared "menu" .}}.
func dropHTMLEscaper(p *parse.PipeNode, htmlFuncs map[string]bool) {
	chain, ok := compiled.Escapers(p)
	if !ok || chain != "_html_template_htmlescaper" || len(p.Cmds[0].Args) == 0 {
		return
	}
	if id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode); ok && htmlFuncs[id.Ident] {
		p.Cmds = p.Cmds[:1]
	}
}

// htmlFuncs returns the names of the functions of funcs that return template.HTML and
// nothing else but an error.
func htmlFuncs(funcs template.FuncMap) map[string]bool {
	names := map[string]bool{}
	html := reflect.TypeFor[template.HTML]()
	for name, f := range funcs {
		t := reflect.TypeOf(f)
		if t.Kind() == reflect.Func && t.NumOut() >= 1 && t.NumOut() <= 2 && t.Out(0) == html &&
			(t.NumOut() == 1 || t.Out(1) == reflect.TypeFor[error]()) {
			names[name] = true
		}
	}
	return names
}
