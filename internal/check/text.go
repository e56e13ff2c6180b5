package check

import (
	"strings"

	"github.com/iptsite/iptsite/internal/pagetext"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

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

// inside reports whether n is under an element that ok accepts.
func inside(n *html.Node, ok func(*html.Node) bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && ok(p) {
			return true
		}
	}
	return false
}

// textOf returns the text of n with spaces collapsed; the alt text of images counts, as
// it is what a screen reader says for an image link.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Img:
			b.WriteString(" " + pagetext.Attr(n, "alt") + " ")
		case n.Type == html.ElementNode && (pagetext.HasAttr(n, "hidden") || pagetext.Attr(n, "aria-hidden") == "true"):
		default:
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				walk(ch)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
