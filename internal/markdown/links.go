package markdown

import (
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Links rewrites the destinations of links and images through the Resolver in the
// parser context, and marks links to other sites rel="noopener noreferrer".
var Links = &links{}

type links struct{}

// A Resolver rewrites one internal link destination, found at line, and returns the new
// destination. It reports problems itself (the build collects them).
type Resolver func(dest string, line int, image bool) string

var resolverKey = parser.NewContextKey()

// WithResolver sets the Resolver used for the document parsed with pc.
func WithResolver(pc parser.Context, r Resolver) { pc.Set(resolverKey, r) }

func (l *links) Extend(m goldmark.Markdown) {
	// First of the transformers (goldmark runs the lowest number first), so that the
	// facts (95) see the page's destinations.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(l, 90)))
}

// External reports whether dest names another site or a scheme such as mailto:.
func External(dest string) bool {
	u, err := url.Parse(dest)
	return err != nil || u.Scheme != "" || strings.HasPrefix(dest, "//")
}

func (l *links) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	resolve, _ := pc.Get(resolverKey).(Resolver)
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = l.rewrite(n, n.Destination, source, resolve, false)
		case *ast.Image:
			n.Destination = l.rewrite(n, n.Destination, source, resolve, true)
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				n.SetAttributeString("rel", []byte("noopener noreferrer"))
			}
		}
		return ast.WalkContinue, nil
	})
}

func (l *links) rewrite(n ast.Node, dest []byte, source []byte, resolve Resolver, image bool) []byte {
	d := string(dest)
	if External(d) {
		if !image && (strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:") || strings.HasPrefix(d, "//")) {
			n.SetAttributeString("rel", []byte("noopener noreferrer"))
		}
		return dest
	}
	if resolve == nil {
		return dest
	}
	return []byte(resolve(d, Line(source, n), image))
}
