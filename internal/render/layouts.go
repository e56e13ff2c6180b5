package render

import (
	"html/template"
	"maps"
	"regexp"
	"slices"
	"sync"
	"text/template/parse"
)

// A layout is base.html with some of its templates defined again: the default layouts
// define "main" and "head", the blocks base.html leaves to them, and a clinic's layout
// may define any other. All the layouts of a language are in one set with base.html and
// the partials, so that what they share is parsed and escaped once, and compiled once for
// each language, not once for each layout.
//
// addLayout puts a layout's own templates in that set under names of their own,
// layout+"\x00"+name, with a copy of every template that calls one of them, directly or
// through others (base.html at least), whose calls are renamed to match. A page of the
// layout then runs just what it would run in a copy of base.html and the partials with
// the layout parsed over them, which is what each layout was before.

// layoutSep joins a layout's name to the names of its own templates in the set.
const layoutSep = "\x00"

// addLayout adds the templates of layout, parsed on their own in own, to set, whose
// calls (callGraph) are those of base.html and the partials, and returns the layout's
// base.html.
func addLayout(set *template.Template, calls map[string][]string, layout string, own *template.Template) (*template.Template, error) {
	trees := map[string]*parse.Tree{}
	for _, t := range own.Templates() {
		if t.Tree == nil {
			continue
		}
		// As parsing over a copy would: an empty definition does not replace one.
		if old := set.Lookup(t.Name()); old != nil && old.Tree != nil && parse.IsEmptyTree(t.Tree.Root) {
			continue
		}
		trees[t.Name()] = t.Tree
	}
	mine := map[string]bool{baseName: true}
	for name := range trees {
		mine[name] = true
	}
	for grew := true; grew; {
		grew = false
		for caller, callees := range calls {
			if !mine[caller] && slices.ContainsFunc(callees, func(c string) bool { return mine[c] }) {
				mine[caller], grew = true, true
			}
		}
	}
	for name := range mine {
		tree := trees[name]
		if tree == nil {
			tree = set.Lookup(name).Tree // a caller in the set
		}
		tree = tree.Copy()
		walkList(tree.Root, func(l *parse.ListNode, i int) {
			if t, ok := l.Nodes[i].(*parse.TemplateNode); ok && mine[t.Name] {
				t.Name = layout + layoutSep + t.Name
			}
		})
		if _, err := set.AddParseTree(layout+layoutSep+name, tree); err != nil {
			return nil, err
		}
	}
	return set.Lookup(layout + layoutSep + baseName), nil
}

// callGraph returns, for each template of set, the templates it calls.
func callGraph(set *template.Template) map[string][]string {
	calls := map[string][]string{}
	for _, t := range set.Templates() {
		if t.Tree == nil {
			continue
		}
		walkList(t.Tree.Root, func(l *parse.ListNode, i int) {
			if c, ok := l.Nodes[i].(*parse.TemplateNode); ok && !slices.Contains(calls[t.Name()], c.Name) {
				calls[t.Name()] = append(calls[t.Name()], c.Name)
			}
		})
	}
	return calls
}

// layoutNames finds a layout's name before the name of one of its templates in an error
// message, quoted or not.
var layoutNames = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[^\s"\\]*(\\x00|\x00)`) })

// ready escapes the templates of every layout and every shared partial before the first
// page, for every language to compile. A template that does not escape is left to fail
// where it is first run, which reports why.
func (s *tmplSet) ready() {
	s.shared = sharedNames(s.root)
	for _, name := range slices.Sorted(maps.Keys(s.layouts)) {
		s.escape(s.layouts[name])
	}
	for _, name := range s.shared {
		s.escape(name)
	}
	s.escaped = true
}
