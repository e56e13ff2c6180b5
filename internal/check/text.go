package check

import (
	"github.com/iptsite/iptsite/internal/pagetext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readable returns the text of <main> as a reader meets it, in blocks: see package
// pagetext.
func readable(main *html.Node) []string { return pagetext.Texts(main) }

// Helpers on the parsed HTML.

// findElement returns the first element under n (n included) that ok accepts, or nil.
func findElement(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if f := findElement(ch, ok); f != nil {
			return f
		}
	}
	return nil
}

// all returns every element under n that ok accepts, in document order.
func all(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && ok(n) {
			out = append(out, n)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return out
}

func elements(n *html.Node, a atom.Atom) []*html.Node {
	return all(n, func(n *html.Node) bool { return n.DataAtom == a })
}
