package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A BlockFunc makes the HTML of a named block from its body (the lines between the
// fences) and the file line of its opening fence. It reports its own errors.
type BlockFunc func(body []byte, line int) []byte

var blocksKey = parser.NewContextKey()

// WithBlocks sets the named blocks of the document parsed with pc: a fenced block whose
// info string is exactly one of the names is replaced by the HTML its BlockFunc makes.
// Blocks lets a page hold something the site's settings decide, such as its crisis
// lines:
//
//	```crisis-lines
//	topic: abuse
//	```
//
// A fenced block with any other info string stays a code block.
func WithBlocks(pc parser.Context, blocks map[string]BlockFunc) { pc.Set(blocksKey, blocks) }

// Blocks is the extension behind WithBlocks.
var Blocks goldmark.Extender = &namedBlocks{}

type namedBlocks struct{}

// KindBlock is the kind of a named block's node.
var KindBlock = ast.NewNodeKind("NamedBlock")

// blockNode holds the HTML a BlockFunc made.
type blockNode struct {
	ast.BaseBlock
	html []byte
}

func (n *blockNode) Kind() ast.NodeKind { return KindBlock }

func (n *blockNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func (b *namedBlocks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(b, 950)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(b, 500)))
}

func (b *namedBlocks) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	blocks, _ := pc.Get(blocksKey).(map[string]BlockFunc)
	if len(blocks) == 0 {
		return
	}
	src := reader.Source()
	var found []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f, ok := n.(*ast.FencedCodeBlock); ok && entering {
			if f.Info != nil && blocks[string(bytes.TrimSpace(f.Info.Segment.Value(src)))] != nil {
				found = append(found, f)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, f := range found {
		var body bytes.Buffer
		for i := 0; i < f.Lines().Len(); i++ {
			seg := f.Lines().At(i)
			body.Write(seg.Value(src))
		}
		fn := blocks[string(bytes.TrimSpace(f.Info.Segment.Value(src)))]
		line := bytes.Count(src[:f.Info.Segment.Start], []byte("\n")) + 1
		f.Parent().ReplaceChild(f.Parent(), f, &blockNode{html: fn(body.Bytes(), line)})
	}
}

func (b *namedBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*blockNode).html)
		}
		return ast.WalkSkipChildren, nil
	})
}
