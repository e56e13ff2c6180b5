package markdown

import (
	"bytes"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	rhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Facts are what a page's Markdown holds, each part with the line of the file it is on.
// The build keeps them, so that a later stage (iptsite check) reads where a heading, link
// or sentence came from instead of finding it again in the HTML. Texts are as the page
// shows them: entities and typographic quotes resolved, spaces collapsed.
type Facts struct {
	Headings []Heading // every heading, with its Line
	Links    []Link
	Images   []Image
	Tables   []Table
	// Texts are the text of every paragraph, list item, heading, table cell and
	// definition, in document order, and each line of a code block (the field blocks
	// of a worksheet among them, whose labels and hints the reader meets).
	Texts []Text
}

// A Link is a link of the page, autolinks included.
type Link struct {
	Dest string // the address as the page's HTML has it: resolved and %-escaped
	Text string
	Line int
}

// An Image is an image of the page.
type Image struct {
	Src  string // as the page's HTML has it
	Alt  string
	Line int
}

// A Table is a GFM table. Line is the line of its header row.
type Table struct {
	Line   int
	Header []string // the text of each header cell
}

// A Text is the text of one block, and the lines it spans.
type Text struct {
	Text  string
	Marks []Mark // where each line of the source starts in Text, in order
}

// A Mark says that Text[At:] comes from line Line onwards.
type Mark struct{ At, Line int }

// Line returns the line that the byte at offset i of the text came from, 0 for none.
func (t Text) Line(i int) int {
	line := 0
	for _, m := range t.Marks {
		if m.At > i {
			break
		}
		line = m.Line
	}
	return line
}

// FactsOf returns the facts of the document parsed with pc, or nil when none were
// collected (a converter not made by New).
func FactsOf(pc parser.Context) *Facts {
	f, _ := pc.Get(factsKey).(*Facts)
	return f
}

var factsKey = parser.NewContextKey()

// facts collects the Facts of each document. It runs after Links (90), so that
// destinations are the page's, and before the transformers at 500 (alerts, worksheet
// fields), which replace the blocks a field is written in.
type facts struct{}

func (facts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(facts{}, 95)))
}

func (facts) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	c := &collector{src: reader.Source(), f: &Facts{}}
	c.lines = make([]int, 1, bytes.Count(c.src, []byte("\n"))+1)
	for i, b := range c.src {
		if b == '\n' {
			c.lines = append(c.lines, i+1)
		}
	}
	_ = ast.Walk(doc, c.visit)
	pc.Set(factsKey, c.f)
}

type collector struct {
	src   []byte
	lines []int // the offset where each line starts
	f     *Facts
}

// line returns the 1-based line of offset pos, 0 for a negative one.
func (c *collector) line(pos int) int {
	if pos < 0 {
		return 0
	}
	return sort.Search(len(c.lines), func(i int) bool { return c.lines[i] > pos })
}

// nodeLine returns the line a node starts on.
func (c *collector) nodeLine(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return c.line(p)
	}
	return Line(c.src, n)
}

func (c *collector) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	switch n := n.(type) {
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w := &textWriter{}
			w.write(seg.Value(c.src), c.line(seg.Start))
			c.f.Texts = append(c.f.Texts, w.text())
		}
		return ast.WalkSkipChildren, nil
	case *ast.HTMLBlock:
		return ast.WalkSkipChildren, nil // not rendered
	case *ast.Heading:
		t := c.text(n)
		id := ""
		if v, ok := n.AttributeString("id"); ok {
			switch v := v.(type) {
			case []byte:
				id = string(v)
			case string:
				id = v
			}
		}
		c.f.Headings = append(c.f.Headings, Heading{Level: n.Level, ID: id, Text: t.Text, Line: c.nodeLine(n)})
		c.f.Texts = append(c.f.Texts, t)
		return ast.WalkContinue, nil
	case *ast.Link:
		c.f.Links = append(c.f.Links, Link{Dest: rendered(n.Destination), Text: c.text(n).Text, Line: c.nodeLine(n)})
	case *ast.AutoLink:
		url := util.URLEscape(n.URL(c.src), false)
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
			url = append([]byte("mailto:"), url...)
		}
		if rhtml.IsDangerousURL(url) {
			url = nil
		}
		c.f.Links = append(c.f.Links, Link{Dest: string(url), Text: collapse(string(n.Label(c.src))), Line: c.nodeLine(n)})
	case *ast.Image:
		c.f.Images = append(c.f.Images, Image{Src: rendered(n.Destination), Alt: c.text(n).Text, Line: c.nodeLine(n)})
	case *east.Table:
		t := Table{Line: c.nodeLine(n)}
		if h, ok := n.FirstChild().(*east.TableHeader); ok {
			t.Line = c.nodeLine(h)
			for cell := h.FirstChild(); cell != nil; cell = cell.NextSibling() {
				t.Header = append(t.Header, c.text(cell).Text)
			}
		}
		c.f.Tables = append(c.f.Tables, t)
	}
	if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
		c.f.Texts = append(c.f.Texts, c.text(n))
	}
	return ast.WalkContinue, nil
}

// rendered returns a link or image destination as goldmark writes it into the page.
func rendered(dest []byte) string {
	d := util.URLEscape(dest, true)
	if rhtml.IsDangerousURL(d) {
		return ""
	}
	return string(d)
}

// text returns the text of n's inline children as the page shows it: the alt text of
// an image counts, as a screen reader says it; raw HTML, which is not rendered, does not.
func (c *collector) text(n ast.Node) Text {
	w := &textWriter{}
	if n.Type() == ast.TypeBlock {
		lines, size := n.Lines(), 0
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			size += seg.Stop - seg.Start
		}
		w.b.Grow(size + size/8) // typographic quotes are longer than straight ones
	}
	c.inline(w, n)
	return w.text()
}

func (c *collector) inline(w *textWriter, n ast.Node) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			v := ch.Segment.Value(c.src)
			if !ch.IsRaw() && bytes.ContainsAny(v, "&\\") {
				v = []byte(html.UnescapeString(string(util.UnescapePunctuations(v))))
			}
			w.write(v, c.line(ch.Segment.Start))
			if ch.SoftLineBreak() || ch.HardLineBreak() {
				w.write(space, 0)
			}
		case *ast.String:
			v := ch.Value
			if bytes.IndexByte(v, '&') >= 0 {
				v = []byte(html.UnescapeString(string(v)))
			}
			w.write(v, 0)
		case *ast.AutoLink:
			w.write(ch.Label(c.src), c.nodeLine(ch))
		case *ast.RawHTML:
		case *ast.Image:
			w.write(space, 0)
			c.inline(w, ch)
			w.write(space, 0)
		default:
			c.inline(w, ch)
		}
	}
}

// textWriter builds a Text with its spaces collapsed.
type textWriter struct {
	b     strings.Builder
	t     Text
	space bool // the last byte written is a space, or nothing is written yet
}

var space = []byte(" ")

func (w *textWriter) write(s []byte, line int) {
	if w.b.Len() == 0 {
		w.space = true
	}
	for len(s) > 0 {
		// A run of ASCII that is not space is written at once (most of a page's text);
		// other characters one by one.
		n, size := 0, 1
		for n < len(s) && s[n] < utf8.RuneSelf && !asciiSpace[s[n]] {
			n++
		}
		space := false
		if n == 0 {
			var r rune
			r, size = utf8.DecodeRune(s)
			space = unicode.IsSpace(r)
		}
		if space {
			if !w.space {
				w.b.WriteByte(' ')
				w.space = true
			}
			s = s[size:]
			continue
		}
		if line > 0 {
			if k := len(w.t.Marks); k == 0 || w.t.Marks[k-1].Line != line {
				w.t.Marks = append(w.t.Marks, Mark{At: w.b.Len(), Line: line})
			}
			line = 0
		}
		if n > 0 {
			w.b.Write(s[:n])
			s = s[n:]
		} else {
			r, _ := utf8.DecodeRune(s)
			w.b.WriteRune(r)
			s = s[size:]
		}
		w.space = false
	}
}

// asciiSpace are the ASCII characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func (w *textWriter) text() Text {
	w.t.Text = strings.TrimSuffix(w.b.String(), " ")
	return w.t
}

// collapse trims s and makes each run of spaces one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
