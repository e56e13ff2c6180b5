package render

import (
	"html/template"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/iptsite/iptsite/internal/diag"
)

// A shared partial ({{shared "name" .}}) is rendered once and given to every page with
// the same sharedKey. What it may use of its data is what that key holds, or what is the
// same on every page of a language: sharedOK. What differs from page to page (pageOnly)
// would come out as the first page's on all the others, silently; checkShared makes it a
// build error at its line instead. A test holds the two lists to Data's fields and
// methods, so that a new one is sorted into one of them.
var (
	sharedOK = set("Site", "Lang", "Menu", "FooterMenu", "Breadcrumbs", "Layout", "QuickExit",
		"LiveReload", "CSP", "InlineCSS", "Logo", "Manifest", "ServiceWorker", "Rel", "Asset",
		"Lookup", "Worksheets", "Questions", "Breakable", "SearchIndex")
	pageOnly = set("Page", "Content", "TOC", "Prev", "Next", "Paginator", "Translations",
		"Canonical", "Cards", "Children", "NextSheets")
)

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// checkShared reports each shared partial of s that uses what differs from page to page,
// and says whether there was none. It looks at the templates the pages are rendered with
// and, only when it finds something, at the templates as written, for the lines.
func (b *builder) checkShared(s *tmplSet, fail func(error)) bool {
	if len(misuses(s)) == 0 {
		return true
	}
	var found []*diag.Error
	if s.minified {
		if w := b.writtenSet(); w != nil {
			found = misuses(w)
		}
	}
	if len(found) == 0 { // not minified; or cannot happen: the same files, minified
		found = misuses(s)
	}
	for _, m := range found {
		fail(m)
	}
	return false
}

// misuses returns a problem for each use of page-only data in the shared partials of s.
func misuses(s *tmplSet) []*diag.Error {
	sorted := sharedNames(s.root)
	var errs []*diag.Error
	seen := map[string]bool{} // file:line:col, each once
	for _, name := range sorted {
		w := &sharedWalk{root: s.root, partial: name, visited: map[string]bool{}, seen: seen}
		w.template(name)
		errs = append(errs, w.errs...)
	}
	return errs
}

// sharedNames returns the names of the partials that the templates of set render with
// shared, sorted.
func sharedNames(set *template.Template) []string {
	names := map[string]bool{}
	commands(set, func(c *parse.CommandNode, first bool) {
		if len(c.Args) >= 2 {
			if id, ok := c.Args[0].(*parse.IdentifierNode); ok && id.Ident == "shared" {
				if s, ok := c.Args[1].(*parse.StringNode); ok {
					names[s.Text] = true
				}
			}
		}
	})
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	return sorted
}

// sharedWalk follows one shared partial and the templates it calls with its data.
type sharedWalk struct {
	root    *template.Template
	partial string
	tree    *parse.Tree // the template being walked, for positions
	visited map[string]bool
	seen    map[string]bool
	errs    []*diag.Error
}

func (w *sharedWalk) template(name string) {
	t := w.root.Lookup(name)
	if t == nil || t.Tree == nil || w.visited[name] {
		return
	}
	w.visited[name] = true
	outer := w.tree
	w.tree = t.Tree
	w.list(t.Tree.Root, true)
	w.tree = outer
}

// list walks a list of nodes; data says whether dot is the page's data there.
func (w *sharedWalk) list(l *parse.ListNode, data bool) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			w.pipe(n.Pipe, data)
		case *parse.IfNode:
			w.pipe(n.Pipe, data)
			w.list(n.List, data)
			w.list(n.ElseList, data)
		case *parse.RangeNode:
			w.pipe(n.Pipe, data)
			w.list(n.List, data && isDot(n.Pipe)) // dot is each element
			w.list(n.ElseList, data)
		case *parse.WithNode:
			w.pipe(n.Pipe, data)
			w.list(n.List, data && isDot(n.Pipe)) // dot is the value
			w.list(n.ElseList, data)
		case *parse.TemplateNode:
			w.pipe(n.Pipe, data)
			if n.Pipe != nil && ((data && isDot(n.Pipe)) || isDollar(n.Pipe)) {
				w.template(n.Name)
			}
		}
	}
}

func (w *sharedWalk) pipe(p *parse.PipeNode, data bool) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			w.arg(a, data)
		}
	}
}

func (w *sharedWalk) arg(a parse.Node, data bool) {
	switch a := a.(type) {
	case *parse.FieldNode:
		if data {
			w.use(a, a.Ident[0])
		}
	case *parse.VariableNode:
		if a.Ident[0] == "$" && len(a.Ident) > 1 {
			w.use(a, a.Ident[1])
		}
	case *parse.ChainNode:
		w.arg(a.Node, data)
	case *parse.PipeNode:
		w.pipe(a, data)
	}
}

// use reports field, of the page's data, when it differs from page to page. A name that
// is in neither list is no field at all, which rendering reports.
func (w *sharedWalk) use(n parse.Node, field string) {
	if !pageOnly[field] {
		return
	}
	loc, _ := w.tree.ErrorContext(n)
	if w.seen[loc] {
		return
	}
	w.seen[loc] = true
	file, line := loc, 0
	if parts := strings.Split(loc, ":"); len(parts) >= 2 {
		file = parts[0]
		line, _ = strconv.Atoi(parts[1])
	}
	w.errs = append(w.errs, diag.Errorf(file, line,
		"{{shared %q}} is made once for many pages, but .%s differs from page to page: use {{template %q .}} to make it for each page, or leave .%s out",
		w.partial, field, w.partial, field))
}

func isDot(p *parse.PipeNode) bool {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 || len(p.Decl) > 0 {
		return false
	}
	_, ok := p.Cmds[0].Args[0].(*parse.DotNode)
	return ok
}

func isDollar(p *parse.PipeNode) bool {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return false
	}
	v, ok := p.Cmds[0].Args[0].(*parse.VariableNode)
	return ok && len(v.Ident) == 1 && v.Ident[0] == "$"
}
