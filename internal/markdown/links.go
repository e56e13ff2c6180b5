package markdown

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Links rewrites the destinations of links and images through the Resolver in the
// parser context, and marks links to other sites rel="noopener noreferrer".
var Links = &links{}

type links struct{}

// A Resolver rewrites one internal link destination, found at line, and returns the new
// destination. It reports problems itself (the build collects them). It is also given
// each address the page cannot use (see Refused), for it to report; the HTML renderer
// empties those whatever it returns.
type Resolver func(dest string, line int, image bool) string

var resolverKey = parser.NewContextKey()

// WithResolver sets the Resolver used for the document parsed with pc.
func WithResolver(pc parser.Context, r Resolver) { pc.Set(resolverKey, r) }

func (l *links) Extend(m goldmark.Markdown) {
	// First of the transformers (goldmark runs the lowest number first), so that the
	// facts (95) see the page's destinations.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(l, 90)))
}

// Refused says why a page cannot use dest, the address of a link or (image) of a picture,
// or returns "" when it can. The HTML renderer empties javascript:, vbscript:, file: and
// data: addresses (all but data: pictures in PNG, GIF, JPEG or WebP), so the link would
// lead nowhere; and the site's Content-Security-Policy (img-src 'self' data:) blocks every
// picture from another site in every browser.
func Refused(dest string, image bool) string {
	what, empty := "link to", "link"
	if image {
		what, empty = "picture", "picture"
	}
	lower := strings.ToLower(strings.TrimSpace(dest))
	if html.IsDangerousURL([]byte(lower)) || (!image && strings.HasPrefix(lower, "data:")) {
		scheme, _, _ := strings.Cut(lower, ":")
		return fmt.Sprintf("%s %q is not allowed: a %s: address would be an empty %s", what, short(dest), scheme, empty)
	}
	if image && External(dest) && !strings.HasPrefix(lower, "data:") {
		return fmt.Sprintf("picture %q is from another site, which the site's security policy (img-src 'self') "+
			"blocks in every browser: save it in static/ and use its path, such as /img/a.png", short(dest))
	}
	return ""
}

// short is dest cut to a length that fits in a message.
func short(dest string) string {
	if len(dest) > 80 {
		return dest[:77] + "..."
	}
	return dest
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
				if u := string(n.URL(source)); resolve != nil && Refused(u, false) != "" {
					resolve(u, Line(source, n), false)
				}
			}
		}
		return ast.WalkContinue, nil
	})
}

func (l *links) rewrite(n ast.Node, dest []byte, source []byte, resolve Resolver, image bool) []byte {
	d := string(dest)
	if Refused(d, image) != "" {
		if resolve != nil {
			resolve(d, Line(source, n), image) // to report it
		}
		return dest
	}
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
