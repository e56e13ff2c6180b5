// Package compiled runs templates that html/template has escaped, faster than
// html/template runs them, and makes the same bytes.
//
// html/template executes a page by walking its parse tree with text/template, which finds
// each field and method by name on every page, calls every function by reflection with its
// arguments boxed, and calls the escapers it put after each value (variadic functions of
// ...any) the same way. A site's pages are made by the same few templates thousands of
// times; Compile turns a template, once escaped, into a tree of its own that keeps what
// the names resolved to for the types it met, calls the escapers html/template put after
// a value directly, and prints strings without fmt. A quoted string printed through its
// escapers becomes text, escaped once, joined to the text around it; so does a call that
// Fold answers at compile time, as a site's {{t "key"}} is answered by each language's
// text: one set, escaped once, compiles for every language.
//
// It does what text/template does for the actions a page template uses: text, values and
// variables, field chains, methods and functions with their arguments, pipelines, if,
// with, range over slices, arrays and integers, break and continue, template and block,
// and the builtins and, or, not, eq, ne, lt, le, gt, ge, len, index and print. Compile
// reports an error for anything else (a chain like (x).Field, printf, a call builtin, an
// escaper with no direct version), and the caller runs the template with html/template.
//
// Execute must never print what html/template would not: where text/template would stop
// with an error, or in a case it does not handle the same way (a range over a map or a
// function, a value printed through a type of its own), Execute returns an error, and the
// caller makes the page again with html/template, which reports the error as it would
// or prints the page. Its output is compared with html/template's byte for byte by the
// package's tests and by the build's (render.TestCompiledSameOutput); its escapers with
// html/template's own by FuzzEscapers.
//
// Parts follow text/template's exec.go and funcs.go and html/template's html.go and url.go
// (Copyright 2011 The Go Authors; BSD-style license, https://go.dev/LICENSE).
package compiled

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// A Template is a template compiled with the templates it calls.
type Template struct {
	name string
	root list
}

// Compile compiles the template name of set, and those it calls, which html/template must
// have escaped already (by executing name once). funcs are the set's own functions.
// Compile returns an error when the templates use what Execute does not do.
func Compile(set *template.Template, name string, funcs template.FuncMap) (*Template, error) {
	return NewCompiler(Trees(set), funcs).Compile(name)
}

// Trees returns the parse tree of each template of set by name, as html/template left
// it, for NewCompiler; nil for one the set does not have, or has made unusable.
func Trees(set *template.Template) func(name string) *parse.Tree {
	return func(name string) *parse.Tree {
		if t := set.Lookup(name); t != nil {
			return t.Tree
		}
		return nil
	}
}

// A Compiler compiles templates of one set, as Compile does, and compiles each template
// once for all the templates that call it: the partials every layout of a site calls.
// It is not safe for use by several goroutines at once.
type Compiler struct{ c *compiler }

// NewCompiler returns a Compiler for the templates that trees returns by name, escaped
// by html/template (Trees), whose functions are funcs. funcs need not be the set's own:
// one set, escaped once, compiles with each language's. The trees may also be ones
// parsed again from the text of such trees, as a build keeps them between builds.
func NewCompiler(trees func(name string) *parse.Tree, funcs template.FuncMap) *Compiler {
	c := &compiler{trees: trees, funcs: map[string]reflect.Value{}, done: map[string]*Template{},
		folds: map[string]func(string) (string, bool){}}
	for n, f := range funcs {
		c.funcs[n] = reflect.ValueOf(f)
	}
	return &Compiler{c}
}

// Fold has the Compiler put the string f returns in place of each call of the function
// name with one quoted argument that begins a pipeline, {{t "key"}}, when f's second
// result is true: as though the template had that string there, which is what the call
// would have returned on every page. Where the call is printed, its text, escaped, joins
// the text around it. A call that f does not fold is compiled as a call. Fold is called
// before Compile.
func (cc *Compiler) Fold(name string, f func(arg string) (string, bool)) {
	cc.c.folds[name] = f
}

// Compile compiles the template name of the set as Compile does.
func (cc *Compiler) Compile(name string) (*Template, error) {
	c := cc.c
	c.added = c.added[:0]
	t, err := c.template(name)
	if err != nil {
		// What this call began is not done: a later one compiles it again, and fails
		// where it fails.
		for _, n := range c.added {
			delete(c.done, n)
		}
		return nil, err
	}
	return t, nil
}

type compiler struct {
	trees func(name string) *parse.Tree
	funcs map[string]reflect.Value
	folds map[string]func(string) (string, bool)
	done  map[string]*Template
	added []string // the templates begun by the current Compile
}

func (c *compiler) template(name string) (*Template, error) {
	if t, ok := c.done[name]; ok {
		return t, nil
	}
	tree := c.trees(name)
	if tree == nil || tree.Root == nil {
		// A template html/template derived for another context lives only in its
		// text/template set, where Lookup does not see it.
		return nil, fmt.Errorf("template %q not found", name)
	}
	t := &Template{name: name}
	c.done[name] = t // before its body: a template may call itself
	c.added = append(c.added, name)
	root, err := c.list(tree.Root)
	if err != nil {
		return nil, err
	}
	t.root = root
	return t, nil
}

func (c *compiler) list(l *parse.ListNode) (list, error) {
	if l == nil {
		return nil, nil
	}
	out := make(list, 0, len(l.Nodes))
	joined := false // the last of out is a text of its own, joined from the tree's
	addText := func(b []byte) {
		// Adjacent texts, with the constants between them, are written at once.
		if len(out) > 0 {
			if t, ok := out[len(out)-1].(text); ok {
				if !joined { // a copy, not the tree's own bytes, grown from here on
					t, joined = append(text(nil), t...), true
				}
				out[len(out)-1] = append(t, b...)
				return
			}
		}
		out, joined = append(out, text(b)), false
	}
	for _, n := range l.Nodes {
		var (
			x   node
			err error
		)
		switch n := n.(type) {
		case *parse.TextNode:
			addText(n.Text)
			continue
		case *parse.CommentNode:
			continue
		case *parse.ActionNode:
			var p *pipe
			if p, err = c.pipe(n.Pipe, true); err == nil && p.isConstant {
				addText(p.constant)
				continue
			}
			x = &action{p}
		case *parse.IfNode:
			x, err = c.branch(n.Pipe, n.List, n.ElseList, false)
		case *parse.WithNode:
			x, err = c.branch(n.Pipe, n.List, n.ElseList, true)
		case *parse.RangeNode:
			x, err = c.rangeNode(n)
		case *parse.TemplateNode:
			x, err = c.call(n)
		case *parse.BreakNode:
			x = breakNode{}
		case *parse.ContinueNode:
			x = continueNode{}
		case *parse.ListNode:
			x, err = c.list(n)
		default:
			err = fmt.Errorf("%s: not compiled", n)
		}
		if err != nil {
			return nil, err
		}
		out, joined = append(out, x), false
	}
	return out, nil
}

func (c *compiler) branch(p *parse.PipeNode, l, el *parse.ListNode, with bool) (node, error) {
	b := &branch{with: with}
	var err error
	if b.p, err = c.pipe(p, false); err != nil {
		return nil, err
	}
	if b.list, err = c.list(l); err != nil {
		return nil, err
	}
	if el != nil {
		if b.elseList, err = c.list(el); err != nil {
			return nil, err
		}
		b.hasElse = true
	}
	return b, nil
}

func (c *compiler) rangeNode(n *parse.RangeNode) (node, error) {
	r := &rangeLoop{}
	var err error
	if r.p, err = c.pipe(n.Pipe, false); err != nil {
		return nil, err
	}
	if r.list, err = c.list(n.List); err != nil {
		return nil, err
	}
	if n.ElseList != nil {
		if r.elseList, err = c.list(n.ElseList); err != nil {
			return nil, err
		}
		r.hasElse = true
	}
	return r, nil
}

func (c *compiler) call(n *parse.TemplateNode) (node, error) {
	t, err := c.template(n.Name)
	if err != nil {
		return nil, err
	}
	call := &templateCall{t: t}
	if n.Pipe != nil {
		if call.p, err = c.pipe(n.Pipe, false); err != nil {
			return nil, err
		}
	}
	return call, nil
}

// pipe compiles a pipeline; in an action (printed), the escapers html/template put at
// its end become one chain called directly.
func (c *compiler) pipe(p *parse.PipeNode, printed bool) (*pipe, error) {
	if p == nil {
		return nil, nil
	}
	out := &pipe{assign: p.IsAssign}
	for _, d := range p.Decl {
		if len(d.Ident) != 1 {
			return nil, fmt.Errorf("%s: not compiled", d)
		}
		out.decl = append(out.decl, d.Ident[0])
	}
	cmds := p.Cmds
	if printed && len(p.Decl) == 0 {
		var names []string
		for len(cmds) > 1 {
			name, ok := escaper(cmds[len(cmds)-1])
			if !ok {
				break
			}
			names = append([]string{name}, names...)
			cmds = cmds[:len(cmds)-1]
		}
		if names != nil {
			esc, err := newChain(strings.Join(names, "|"))
			if err != nil {
				return nil, err
			}
			out.esc = esc
		}
	}
	if len(cmds) > 0 {
		cmds = append([]*parse.CommandNode{c.fold(cmds[0])}, cmds[1:]...)
	}
	for _, cmd := range cmds {
		x, err := c.command(cmd)
		if err != nil {
			return nil, err
		}
		out.cmds = append(out.cmds, x)
	}
	// A quoted string printed through escapers prints the same text on every page.
	if out.esc != nil && len(out.cmds) == 1 && len(out.decl) == 0 {
		if s, ok := cmds[0].Args[0].(*parse.StringNode); ok && len(cmds[0].Args) == 1 {
			if text, ok := out.esc.escape(s.Text); ok {
				out.constant, out.isConstant = []byte(text), true
			}
		}
	}
	return out, nil
}

// fold returns the command as Fold makes it: the string in place of the call, or the
// command itself.
func (c *compiler) fold(cmd *parse.CommandNode) *parse.CommandNode {
	if len(cmd.Args) != 2 {
		return cmd
	}
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	arg, ok2 := cmd.Args[1].(*parse.StringNode)
	if !ok || !ok2 || c.folds[id.Ident] == nil {
		return cmd
	}
	s, ok := c.folds[id.Ident](arg.Text)
	if !ok {
		return cmd
	}
	// Without Quoted, which only printing the node reads (the compiler reads Text, and
	// the node is its own): quoting every folded string was most of folding.
	return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: cmd.Pos,
		Args: []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: arg.Pos, Text: s}}}
}

func (c *compiler) command(cmd *parse.CommandNode) (*command, error) {
	x := &command{}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		x.kind = cmdField
		x.fields = newFields(n.Ident)
	case *parse.VariableNode:
		x.kind = cmdVariable
		x.varName = n.Ident[0]
		if len(n.Ident) > 1 {
			x.fields = newFields(n.Ident[1:])
		}
	case *parse.IdentifierNode:
		x.kind = cmdFunction
		if f, ok := c.funcs[n.Ident]; ok {
			x.fn = f
		} else if b, ok := builtins[n.Ident]; ok {
			x.builtin = b
		} else {
			return nil, fmt.Errorf("function %q not compiled", n.Ident)
		}
		x.name = n.Ident
	case *parse.PipeNode:
		x.kind = cmdPipe
		sub, err := c.pipe(n, false)
		if err != nil {
			return nil, err
		}
		x.sub = sub
	case *parse.DotNode, *parse.StringNode, *parse.BoolNode, *parse.NumberNode:
		x.kind = cmdLiteral
	default:
		return nil, fmt.Errorf("%s: not compiled", n)
	}
	if x.kind == cmdLiteral || x.kind == cmdPipe || (x.kind == cmdVariable && x.fields == nil) {
		// Not a function: no arguments (notAFunction).
		if len(cmd.Args) > 1 {
			return nil, fmt.Errorf("%s: arguments to a non-function", cmd)
		}
	}
	if x.kind == cmdLiteral {
		a, err := c.arg(cmd.Args[0])
		if err != nil {
			return nil, err
		}
		x.args = []*arg{a}
		return x, nil
	}
	for _, n := range cmd.Args[1:] {
		a, err := c.arg(n)
		if err != nil {
			return nil, err
		}
		x.args = append(x.args, a)
	}
	return x, nil
}

// arg compiles an argument, whose value depends on the type it is given as.
func (c *compiler) arg(n parse.Node) (*arg, error) {
	a := &arg{node: n}
	switch n := n.(type) {
	case *parse.DotNode, *parse.NilNode, *parse.StringNode, *parse.BoolNode:
	case *parse.NumberNode:
		if n.IsComplex {
			return nil, fmt.Errorf("%s: complex numbers not compiled", n)
		}
	case *parse.FieldNode:
		a.cmd = &command{kind: cmdField, fields: newFields(n.Ident)}
	case *parse.VariableNode:
		a.cmd = &command{kind: cmdVariable, varName: n.Ident[0]}
		if len(n.Ident) > 1 {
			a.cmd.fields = newFields(n.Ident[1:])
		}
	case *parse.IdentifierNode:
		cmd, err := c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}})
		if err != nil {
			return nil, err
		}
		a.cmd = cmd
	case *parse.PipeNode:
		sub, err := c.pipe(n, false)
		if err != nil {
			return nil, err
		}
		a.cmd = &command{kind: cmdPipe, sub: sub}
	default:
		return nil, fmt.Errorf("%s: not compiled", n)
	}
	return a, nil
}

func newFields(names []string) []*field {
	fs := make([]*field, len(names))
	for i, n := range names {
		fs[i] = &field{name: n}
	}
	return fs
}

// The compiled tree.

type (
	node interface {
		run(s *state, dot reflect.Value) error
	}
	list   []node
	text   []byte
	action struct{ p *pipe }
	branch struct {
		p              *pipe
		with, hasElse  bool
		list, elseList list
	}
	rangeLoop struct {
		p              *pipe
		hasElse        bool
		list, elseList list
	}
	templateCall struct {
		t *Template
		p *pipe
	}
	breakNode    struct{}
	continueNode struct{}
)

type pipe struct {
	decl   []string
	assign bool
	cmds   []*command
	esc    *chain // the escapers at the end of a printed pipeline, or nil
	// what a printed pipeline that is a quoted string prints, the same on every page
	constant   []byte
	isConstant bool
}

type cmdKind uint8

const (
	cmdLiteral  cmdKind = iota // args[0] is the literal or dot
	cmdField                   // .A.B, with args
	cmdVariable                // $x or $x.A.B, with args
	cmdFunction                // f args
	cmdPipe                    // (pipeline)
)

type command struct {
	kind    cmdKind
	fields  []*field
	varName string
	name    string        // of the function
	fn      reflect.Value // the set's function, or
	builtin builtin       // a builtin
	sub     *pipe
	args    []*arg
}

// An arg is a command's argument: a literal is made for the type it is given as; the
// others are evaluated by cmd.
type arg struct {
	node parse.Node
	cmd  *command
}

// A field is one name of a chain, with what it was on the last type it was found on.
type field struct {
	name string
	last atomic.Pointer[lookup]
}

// A lookup is what a name is on a type: a method of it, a field, or a key of a map.
type lookup struct {
	typ    reflect.Type // the receiver: *T when it was addressable, else T
	method int          // index of the method, or -1
	index  []int        // the field's index, when not a method
	key    bool         // a map's key
	err    string       // what text/template would report
}

// Calls returns the arguments of each call of the function name that t makes, with the
// templates it calls, as parsed.
func (t *Template) Calls(name string) [][]parse.Node {
	w := &callWalk{name: name, seen: map[*Template]bool{}}
	w.template(t)
	return w.calls
}

type callWalk struct {
	name  string
	seen  map[*Template]bool
	calls [][]parse.Node
}

func (w *callWalk) template(t *Template) {
	if !w.seen[t] {
		w.seen[t] = true
		w.list(t.root)
	}
}

func (w *callWalk) list(l list) {
	for _, n := range l {
		switch n := n.(type) {
		case *action:
			w.pipe(n.p)
		case *branch:
			w.pipe(n.p)
			w.list(n.list)
			w.list(n.elseList)
		case *rangeLoop:
			w.pipe(n.p)
			w.list(n.list)
			w.list(n.elseList)
		case *templateCall:
			w.pipe(n.p)
			w.template(n.t)
		case list:
			w.list(n)
		}
	}
}

func (w *callWalk) pipe(p *pipe) {
	if p == nil {
		return
	}
	for _, c := range p.cmds {
		w.command(c)
	}
}

func (w *callWalk) command(c *command) {
	if c == nil {
		return
	}
	if c.kind == cmdFunction && c.name == w.name {
		args := make([]parse.Node, len(c.args))
		for i, a := range c.args {
			args[i] = a.node
		}
		w.calls = append(w.calls, args)
	}
	w.pipe(c.sub)
	for _, a := range c.args {
		w.command(a.cmd)
	}
}
