package worksheet

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configures the extension. The zero value works and uses English.
type Options struct {
	// T returns an interface string by key, e.g. T("worksheet.add") -> "Add".
	// When T is nil, or returns "" or the key itself, the English default is used.
	T func(key string) string
}

// An Error is a problem in a field block, at a line of the page's file.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// KindField is the node kind of a worksheet field.
var KindField = gast.NewNodeKind("WorksheetField")

// A Node holds one decoded field in the document tree.
type Node struct {
	gast.BaseBlock
	Field  *Field
	crisis func() string // see WithCrisis
}

// Kind implements ast.Node.
func (n *Node) Kind() gast.NodeKind { return KindField }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"ID": n.Field.ID, "Type": n.Field.Type}, nil)
}

// state is what one parse keeps in its parser.Context.
type state struct {
	id     string
	fields []*Field
	errs   []*Error
	orig   map[string]*Field // a translation's original fields by id (see Translation)
	from   string            // the original's file
	crisis func() string     // see WithCrisis
}

var stateKey = parser.NewContextKey()

// Begin marks the document about to be parsed with pc as the worksheet worksheetID.
// With an empty id the page is not a worksheet and any field block in it is an error.
func Begin(pc parser.Context, worksheetID string) {
	pc.Set(stateKey, &state{id: worksheetID})
}

// WithCrisis gives the page about to be parsed with pc (after [Begin]) the HTML that
// its crisis messages (a questionnaire rule with show: crisis) hold below their words:
// the site's crisis lines, as call and text links, and a link to its help page, with
// URLs made for this page. The build knows the site's settings and the page; this
// package does not. html is called once for each such rule rendered; without it a
// crisis message is its words alone.
func WithCrisis(pc parser.Context, html func() string) {
	if s, _ := pc.Get(stateKey).(*state); s != nil {
		s.crisis = html
	}
}

// Result returns the fields of the document parsed with pc, in document order,
// and every error found in its field blocks.
func Result(pc parser.Context) ([]*Field, []*Error) {
	s, _ := pc.Get(stateKey).(*state)
	if s == nil {
		return nil, nil
	}
	sort.SliceStable(s.errs, func(i, j int) bool { return s.errs[i].Line < s.errs[j].Line })
	return s.fields, s.errs
}

type extension struct {
	t func(string) string
}

// New returns the worksheet extension: field blocks become form controls.
func New(opts Options) goldmark.Extender {
	return &extension{t: translator(opts.T)}
}

// Extend implements goldmark.Extender.
func (e *extension) Extend(m goldmark.Markdown) {
	// After goldmark's own transformers (none below 100 touch code blocks),
	// so headings already have their ids when field ids are checked against them.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{t: e.t}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&htmlRenderer{t: e.t}, 500)))
}

type transformer struct {
	t func(string) string
}

// Transform replaces fenced code blocks whose info string is exactly "field" with field nodes.
func (tr transformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	s, _ := pc.Get(stateKey).(*state)
	if s == nil {
		s = &state{}
		pc.Set(stateKey, s)
	}
	src := reader.Source()
	var blocks []*gast.FencedCodeBlock
	headings := map[string]int{}
	gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.FencedCodeBlock:
			if n.Info != nil && string(bytes.TrimSpace(n.Info.Segment.Value(src))) == "field" {
				blocks = append(blocks, n)
			}
			return gast.WalkSkipChildren, nil
		case *gast.Heading:
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					headings[string(b)] = lineOf(src, n)
				}
			}
		}
		return gast.WalkContinue, nil
	})

	byID := map[string]*Field{}
	for _, b := range blocks {
		fence := lineOf(src, b)
		if s.id == "" {
			s.errs = append(s.errs, &Error{Line: fence, Msg: "field block in a page that is not a worksheet (add worksheet: true)"})
			continue
		}
		var body bytes.Buffer
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			body.Write(seg.Value(src))
		}
		f, errs := parseField(body.Bytes(), fence, tr.t)
		s.errs = append(s.errs, errs...)
		if f == nil {
			b.Parent().RemoveChild(b.Parent(), b)
			continue
		}
		if f.ID != "" {
			if prev := byID[f.ID]; prev != nil {
				s.errs = append(s.errs, &Error{Line: f.Line, Msg: fmt.Sprintf("duplicate id %s (first used on line %d)", f.ID, prev.Line)})
			} else if l, ok := headings[f.ID]; ok {
				s.errs = append(s.errs, &Error{Line: f.Line, Msg: fmt.Sprintf("id %s is also the id of the heading on line %d; choose another", f.ID, l)})
			} else {
				byID[f.ID] = f
			}
		}
		s.fields = append(s.fields, f)
		node := &Node{Field: f, crisis: s.crisis}
		b.Parent().ReplaceChild(b.Parent(), b, node)
	}
	// what a field says about others, once all are known
	for _, f := range s.fields {
		if t := types[f.Type]; t != nil && t.Link != nil {
			s.errs = append(s.errs, t.Link(f, byID)...)
		}
	}
	s.translate()
}

// lineOf returns the 1-based file line where block n starts.
func lineOf(src []byte, n gast.Node) int {
	pos := n.Pos()
	if pos < 0 {
		if lines := n.Lines(); lines.Len() > 0 {
			pos = lines.At(0).Start
		} else {
			pos = 0
		}
	}
	return bytes.Count(src[:min(pos, len(src))], []byte("\n")) + 1
}
