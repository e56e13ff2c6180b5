// Package treecodec writes the parse tree of a text/template as bytes, and reads it back
// in a fraction of the time that parsing its text takes.
//
// A build keeps its escaped templates in the cache (render's tmplcache.go). Kept as text,
// they were parsed again by every build, a tenth of the work before the first page; kept
// as what Append writes, they are read back node by node: each node's type, position
// and fields, in the order of the tree, strings with their lengths. Decode builds the
// same nodes text/template/parse would, but not their link to a Tree: a decoded tree is
// for walking and compiling (package compiled), not for text/template's error messages,
// which quote the source it does not have. Append refuses a node type it does not know,
// and Decode returns an error for anything Append could not have written, so a damaged
// or older entry is a miss and never a panic.
package treecodec

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"text/template/parse"
)

// none marks a nil node: a missing pipeline, else branch or template argument.
const none = 0xff

// Append appends the encoding of the tree rooted at root to b.
func Append(b []byte, root *parse.ListNode) ([]byte, error) {
	e := encoder{b: b}
	e.node(root)
	return e.b, e.err
}

type encoder struct {
	b   []byte
	err error
}

func (e *encoder) uint(n uint64)  { e.b = binary.AppendUvarint(e.b, n) }
func (e *encoder) int(n int64)    { e.b = binary.AppendVarint(e.b, n) }
func (e *encoder) str(s string)   { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) bytes(s []byte) { e.uint(uint64(len(s))); e.b = append(e.b, s...) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// node writes n, which may be a nil pointer of a node type.
func (e *encoder) node(n parse.Node) {
	if isNil(n) {
		e.b = append(e.b, none)
		return
	}
	e.b = append(e.b, byte(n.Type()))
	e.uint(uint64(n.Position()))
	switch n := n.(type) {
	case *parse.ListNode:
		e.uint(uint64(len(n.Nodes)))
		for _, c := range n.Nodes {
			e.node(c)
		}
	case *parse.TextNode:
		e.bytes(n.Text)
	case *parse.CommentNode:
		e.str(n.Text)
	case *parse.PipeNode:
		e.int(int64(n.Line))
		e.bool(n.IsAssign)
		e.uint(uint64(len(n.Decl)))
		for _, v := range n.Decl {
			e.node(v)
		}
		e.uint(uint64(len(n.Cmds)))
		for _, c := range n.Cmds {
			e.node(c)
		}
	case *parse.ActionNode:
		e.int(int64(n.Line))
		e.node(n.Pipe)
	case *parse.CommandNode:
		e.uint(uint64(len(n.Args)))
		for _, a := range n.Args {
			e.node(a)
		}
	case *parse.IdentifierNode:
		e.str(n.Ident)
	case *parse.VariableNode:
		e.strs(n.Ident)
	case *parse.FieldNode:
		e.strs(n.Ident)
	case *parse.ChainNode:
		e.node(n.Node)
		e.strs(n.Field)
	case *parse.DotNode, *parse.NilNode:
	case *parse.BoolNode:
		e.bool(n.True)
	case *parse.NumberNode:
		e.bool(n.IsInt)
		e.bool(n.IsUint)
		e.bool(n.IsFloat)
		e.bool(n.IsComplex)
		e.int(n.Int64)
		e.uint(n.Uint64)
		e.uint(math.Float64bits(n.Float64))
		e.uint(math.Float64bits(real(n.Complex128)))
		e.uint(math.Float64bits(imag(n.Complex128)))
		e.str(n.Text)
	case *parse.StringNode:
		e.str(n.Quoted)
		e.str(n.Text)
	case *parse.IfNode:
		e.branch(&n.BranchNode)
	case *parse.RangeNode:
		e.branch(&n.BranchNode)
	case *parse.WithNode:
		e.branch(&n.BranchNode)
	case *parse.BreakNode:
		e.int(int64(n.Line))
	case *parse.ContinueNode:
		e.int(int64(n.Line))
	case *parse.TemplateNode:
		e.int(int64(n.Line))
		e.str(n.Name)
		e.node(n.Pipe)
	default:
		if e.err == nil {
			e.err = fmt.Errorf("treecodec: a node of type %T (%d)", n, n.Type())
		}
	}
}

func (e *encoder) branch(n *parse.BranchNode) {
	e.int(int64(n.Line))
	e.node(n.Pipe)
	e.node(n.List)
	e.node(n.ElseList)
}

// isNil reports whether n is nil, or a nil pointer in a Node.
func isNil(n parse.Node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *parse.ListNode:
		return n == nil
	case *parse.PipeNode:
		return n == nil
	}
	return false
}

// Decode reads the tree that Append wrote.
func Decode(data []byte) (root *parse.ListNode, err error) {
	d := decoder{b: data, s: string(data)}
	n := d.node()
	l, ok := n.(*parse.ListNode)
	switch {
	case d.err != nil:
		return nil, d.err
	case !ok || l == nil:
		return nil, errors.New("treecodec: the root is not a list")
	case d.i != len(data):
		return nil, errors.New("treecodec: bytes after the tree")
	}
	return l, nil
}

type decoder struct {
	b     []byte
	s     string // b as a string, for the strings of the nodes to share
	i     int
	depth int
	err   error
}

var errBad = errors.New("treecodec: not a tree that Append wrote")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errBad
	}
	d.i = len(d.b)
}

func (d *decoder) uint() uint64 {
	n, w := binary.Uvarint(d.b[d.i:])
	if w <= 0 {
		d.fail()
		return 0
	}
	d.i += w
	return n
}

func (d *decoder) int() int64 {
	n, w := binary.Varint(d.b[d.i:])
	if w <= 0 {
		d.fail()
		return 0
	}
	d.i += w
	return n
}

// count reads a length, which cannot be more than the bytes left.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.b)-d.i) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count()
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

func (d *decoder) bytes() []byte {
	n := d.count()
	s := d.b[d.i : d.i+n : d.i+n]
	d.i += n
	return s
}

func (d *decoder) bool() bool {
	if d.i >= len(d.b) || d.b[d.i] > 1 {
		d.fail()
		return false
	}
	d.i++
	return d.b[d.i-1] == 1
}

func (d *decoder) strs() []string {
	n := d.count()
	if n == 0 {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

// maxDepth bounds how deep a tree nests, so that no input exhausts the stack.
const maxDepth = 1000

// node reads one node, or nil for a nil one.
func (d *decoder) node() parse.Node {
	if d.err != nil || d.i >= len(d.b) {
		d.fail()
		return nil
	}
	t := d.b[d.i]
	d.i++
	if t == none {
		return nil
	}
	if d.depth++; d.depth > maxDepth {
		d.fail()
		return nil
	}
	defer func() { d.depth-- }()
	pos := parse.Pos(d.uint())
	switch parse.NodeType(t) {
	case parse.NodeList:
		return d.list(pos)
	case parse.NodeText:
		return &parse.TextNode{NodeType: parse.NodeText, Pos: pos, Text: d.bytes()}
	case parse.NodeComment:
		return &parse.CommentNode{NodeType: parse.NodeComment, Pos: pos, Text: d.str()}
	case parse.NodePipe:
		return d.pipe(pos)
	case parse.NodeAction:
		line := int(d.int())
		return &parse.ActionNode{NodeType: parse.NodeAction, Pos: pos, Line: line, Pipe: need[*parse.PipeNode](d)}
	case parse.NodeCommand:
		return &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos, Args: nodes[parse.Node](d)}
	case parse.NodeIdentifier:
		return &parse.IdentifierNode{NodeType: parse.NodeIdentifier, Pos: pos, Ident: d.str()}
	case parse.NodeVariable:
		return &parse.VariableNode{NodeType: parse.NodeVariable, Pos: pos, Ident: d.strs()}
	case parse.NodeField:
		return &parse.FieldNode{NodeType: parse.NodeField, Pos: pos, Ident: d.strs()}
	case parse.NodeChain:
		n := d.node()
		if n == nil {
			d.fail()
		}
		return &parse.ChainNode{NodeType: parse.NodeChain, Pos: pos, Node: n, Field: d.strs()}
	case parse.NodeDot:
		return &parse.DotNode{NodeType: parse.NodeDot, Pos: pos}
	case parse.NodeNil:
		return &parse.NilNode{NodeType: parse.NodeNil, Pos: pos}
	case parse.NodeBool:
		return &parse.BoolNode{NodeType: parse.NodeBool, Pos: pos, True: d.bool()}
	case parse.NodeNumber:
		n := &parse.NumberNode{NodeType: parse.NodeNumber, Pos: pos,
			IsInt: d.bool(), IsUint: d.bool(), IsFloat: d.bool(), IsComplex: d.bool(), Int64: d.int(), Uint64: d.uint()}
		n.Float64 = math.Float64frombits(d.uint())
		n.Complex128 = complex(math.Float64frombits(d.uint()), math.Float64frombits(d.uint()))
		n.Text = d.str()
		return n
	case parse.NodeString:
		return &parse.StringNode{NodeType: parse.NodeString, Pos: pos, Quoted: d.str(), Text: d.str()}
	case parse.NodeIf:
		return &parse.IfNode{BranchNode: d.branch(parse.NodeIf, pos)}
	case parse.NodeRange:
		return &parse.RangeNode{BranchNode: d.branch(parse.NodeRange, pos)}
	case parse.NodeWith:
		return &parse.WithNode{BranchNode: d.branch(parse.NodeWith, pos)}
	case parse.NodeBreak:
		return &parse.BreakNode{NodeType: parse.NodeBreak, Pos: pos, Line: int(d.int())}
	case parse.NodeContinue:
		return &parse.ContinueNode{NodeType: parse.NodeContinue, Pos: pos, Line: int(d.int())}
	case parse.NodeTemplate:
		line := int(d.int())
		name := d.str()
		return &parse.TemplateNode{NodeType: parse.NodeTemplate, Pos: pos, Line: line, Name: name, Pipe: orNil[*parse.PipeNode](d)}
	}
	d.fail()
	return nil
}

func (d *decoder) list(pos parse.Pos) *parse.ListNode {
	return &parse.ListNode{NodeType: parse.NodeList, Pos: pos, Nodes: nodes[parse.Node](d)}
}

func (d *decoder) pipe(pos parse.Pos) *parse.PipeNode {
	p := &parse.PipeNode{NodeType: parse.NodePipe, Pos: pos, Line: int(d.int()), IsAssign: d.bool()}
	p.Decl = nodes[*parse.VariableNode](d)
	p.Cmds = nodes[*parse.CommandNode](d)
	return p
}

// nodes reads a count and that many nodes of type T, none nil.
func nodes[T parse.Node](d *decoder) []T {
	n := d.count()
	if n == 0 {
		return nil
	}
	ts := make([]T, n)
	for i := range ts {
		ts[i] = need[T](d)
	}
	return ts
}

// orNil reads a node of type T, or a nil one.
func orNil[T parse.Node](d *decoder) T {
	var t T
	if n := d.node(); n != nil {
		var ok bool
		if t, ok = n.(T); !ok {
			d.fail()
		}
	}
	return t
}

// need reads a node of type T that may not be nil.
func need[T parse.Node](d *decoder) T {
	n, ok := d.node().(T)
	if !ok {
		d.fail()
	}
	return n
}

func (d *decoder) branch(t parse.NodeType, pos parse.Pos) parse.BranchNode {
	line := int(d.int())
	pipe := need[*parse.PipeNode](d)
	list := need[*parse.ListNode](d)
	return parse.BranchNode{NodeType: t, Pos: pos, Line: line, Pipe: pipe, List: list, ElseList: orNil[*parse.ListNode](d)}
}
