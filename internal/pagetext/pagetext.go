// Package pagetext reads the text of a rendered page as a reader meets it: in blocks,
// such as headings, paragraphs, list items, table cells, labels and hints, leaving out
// navigation, controls, scripts and the chrome every page repeats (the crisis box, quick
// exit, breadcrumbs, the table of contents).
//
// iptsite check measures reading level on these blocks, and the build's search index
// is made of them.
package pagetext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Block is a piece of text read on its own, with its spaces collapsed.
type Block struct {
	Text string
	// Heading is the level of a heading (1 for h1 to 6 for h6), 0 for other blocks.
	Heading int
	// ID is a heading's id attribute, the target of a link to it; "" for other blocks.
	ID string
}

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

var headingLevel = map[atom.Atom]int{
	atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6,
}

// Blocks returns the text under n (usually a page's <main>) in document order. Repeated
// rows of a worksheet list or table are read once (the first row), and a block that
// repeats an earlier one word for word (the answer options of each question of a
// questionnaire) is left out, a heading included. A nil n has no blocks.
func Blocks(n *html.Node) []Block {
	var blocks []Block
	seen := map[string]bool{}
	var cur strings.Builder
	flush := func(level int, id string) {
		t := strings.Join(strings.Fields(cur.String()), " ")
		cur.Reset()
		if t != "" && !seen[t] {
			seen[t] = true
			blocks = append(blocks, Block{Text: t, Heading: level, ID: id})
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
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				walk(ch) // a document node
			}
			return
		}
		if skipped[n.DataAtom] || HasAttr(n, "hidden") || Attr(n, "aria-hidden") == "true" || HasClass(n, skippedClasses...) {
			if n.DataAtom == atom.Br || n.DataAtom == atom.Img {
				cur.WriteByte(' ')
			}
			return
		}
		if n.DataAtom == atom.Br {
			cur.WriteByte(' ')
			return
		}
		isBlock := !inline[n.DataAtom] || HasClass(n, "ws-hint")
		if isBlock {
			flush(0, "")
		}
		repeated := HasAttr(n, "data-rows") && !HasAttr(n, "data-fixed")
		rows := 0
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if repeated && ch.Type == html.ElementNode && HasAttr(ch, "data-row") {
				rows++
				if rows > 1 {
					continue
				}
			}
			walk(ch)
		}
		if isBlock {
			if level := headingLevel[n.DataAtom]; level > 0 {
				flush(level, Attr(n, "id"))
			} else {
				flush(0, "")
			}
		}
	}
	if n != nil {
		walk(n)
	}
	return blocks
}

// Texts returns the text of each block of Blocks(n).
func Texts(n *html.Node) []string {
	blocks := Blocks(n)
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b.Text
	}
	return out
}

// Attr returns the value of n's attribute key, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasAttr reports whether n has the attribute key.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// HasClass reports whether n has any of the classes names.
func HasClass(n *html.Node, names ...string) bool {
	for _, c := range strings.Fields(Attr(n, "class")) {
		for _, name := range names {
			if c == name {
				return true
			}
		}
	}
	return false
}
