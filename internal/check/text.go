package check

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipped are elements whose text is not read as part of the page: navigation, controls,
// drawings and scripts. Their labels are elements of their own and are read.
var skipped = map[atom.Atom]bool{
	atom.Nav: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Img: true, atom.Head: true,
}

// skippedClasses mark the chrome of the templates and worksheets: navigation, the crisis
// box and quick exit (the same on every page, checked apart), script-only tools, and the
// per-cell labels that repeat a table's column headers for screen readers.
var skippedClasses = []string{
	"breadcrumbs", "toc", "pager", "crisis", "quick-exit", "quickexit",
	"ws-js", "ws-tools", "ws-rowtools", "ws-cell-label",
}

// inline elements continue the block they are in; every other element starts and ends one.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true, atom.I: true, atom.Kbd: true,
	atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Del: true, atom.Ins: true, atom.Br: true,
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// readable returns the text of <main> as a reader meets it, in blocks: pieces of text read
// on their own, such as headings, paragraphs, list items, table cells, labels and hints.
// Repeated rows of a
// worksheet list or table are read once (the first row), and a block that repeats another
// word for word (the answer options of each question of a questionnaire) counts once.
func readable(main *html.Node) []string {
	var blocks []string
	seen := map[string]bool{}
	var cur strings.Builder
	flush := func() {
		t := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		if t != "" && !seen[t] {
			seen[t] = true
			blocks = append(blocks, t)
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
		default:
			return
		}
		if skipped[n.DataAtom] || hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true" || hasClass(n, skippedClasses...) {
			if n.DataAtom == atom.Br || n.DataAtom == atom.Img {
				cur.WriteByte(' ')
			}
			return
		}
		if n.DataAtom == atom.Br {
			cur.WriteByte(' ')
			return
		}
		isBlock := !inline[n.DataAtom] || hasClass(n, "ws-hint")
		if isBlock {
			flush()
		}
		repeated := hasAttr(n, "data-rows") && !hasAttr(n, "data-fixed")
		rows := 0
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if repeated && ch.Type == html.ElementNode && hasAttr(ch, "data-row") {
				rows++
				if rows > 1 {
					continue
				}
			}
			walk(ch)
		}
		if isBlock {
			flush()
		}
	}
	if main != nil {
		walk(main)
	}
	return blocks
}

// Helpers on the parsed HTML.

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

func hasClass(n *html.Node, names ...string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		for _, name := range names {
			if c == name {
				return true
			}
		}
	}
	return false
}

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
			b.WriteString(" " + attr(n, "alt") + " ")
		case n.Type == html.ElementNode && (hasAttr(n, "hidden") || attr(n, "aria-hidden") == "true"):
		default:
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				walk(ch)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
