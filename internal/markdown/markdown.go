// Package markdown turns a page's Markdown into HTML: one configured goldmark for the
// whole program, and the extensions the site needs.
//
// What authors can write, beyond CommonMark:
//
//   - GitHub-flavoured Markdown: tables, ~~strikethrough~~, task lists (- [ ] and - [x],
//     shown as boxes to tick on paper), and bare web addresses made into links.
//   - Footnotes ([^1]), definition lists (a term, then a line starting ": "), and
//     typographic quotes and dashes.
//   - Alerts: a quote whose first line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or
//     [!CAUTION] becomes a labelled callout box.
//   - Links to other pages by their source file: [the middle phase](../phases/middle.md#what-happens).
//     The build rewrites them to the page's URL and fails when the page or heading is missing.
//   - Blocks the site fills in (see WithBlocks): a fenced block whose info string is
//     crisis-lines lists the crisis lines of site.yaml, as tappable call and text links;
//     with "topic: abuse" in it, only the lines of that topic.
//
// Every heading gets an id made from its words ("What happens" → what-happens, "¿Cómo
// se ve?" → como-se-ve), unique in its page (see NewIDs). Raw HTML is not rendered, and links with dangerous schemes such as javascript:
// are dropped. Links to other websites get rel="noopener noreferrer".
//
// With Options.Facts, parsing a page also collects its Facts (see FactsOf): its headings,
// links, images, tables and text blocks, each with its line in the file, so that iptsite
// check can say where a problem is without finding it again in the HTML.
package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options configure New. The zero value works.
type Options struct {
	// T returns the interface string for a key, such as "alert.note"; nil uses the key.
	T func(key string) string
	// Extensions are added after the built-in ones (for example worksheet fields).
	Extensions []goldmark.Extender
	// Facts collects each page's Facts while parsing (see FactsOf). Only what reads
	// them (iptsite check, and serve, which checks every build) pays for them.
	Facts bool
}

// New returns the Markdown converter used for every page.
func New(opts Options) goldmark.Markdown {
	t := opts.T
	if t == nil {
		t = func(k string) string { return k }
	}
	// Two parsers: goldmark's Linkify looks at every space for a bare web address, so a
	// page that has none to find (see linkable) is parsed without it.
	md := func(linkify bool) goldmark.Markdown {
		var exts []goldmark.Extender
		if linkify {
			exts = append(exts, extension.Linkify)
		}
		exts = append(exts,
			extension.Table, // with Linkify before them, extension.GFM
			extension.Strikethrough,
			extension.TaskList,
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
			&alerts{t: t},
			&tasks{t: t},
			Links,
			Blocks,
		)
		if opts.Facts {
			exts = append(exts, facts{})
		}
		return goldmark.New(
			goldmark.WithExtensions(append(exts, opts.Extensions...)...),
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
			goldmark.WithRendererOptions(html.WithXHTML()),
		)
	}
	return &converter{Markdown: md(true), unlinked: md(false).Parser()}
}

// A converter is goldmark with the extensions above, and its parser without Linkify,
// which Parse uses for a page that has no bare address.
type converter struct {
	goldmark.Markdown
	unlinked parser.Parser
}

// linkable reports whether goldmark's Linkify could find an address in source: each
// starts with "http://", "https://", "ftp://" or "www.", or is an email address, and
// Linkify looks for nothing else (goldmark's extension/linkify.go). TestUnlinkedSameHTML
// and FuzzUnlinked hold the two parsers to the same HTML where it reports false.
func linkable(source []byte) bool {
	return bytes.IndexByte(source, '@') >= 0 || bytes.Contains(source, []byte("://")) || bytes.Contains(source, []byte("www."))
}

// Line returns the 1-based line of n in source, using the first text position
// found in or under n, or its nearest block ancestor.
func Line(source []byte, n ast.Node) int {
	pos := -1
	for c := n; c != nil && pos < 0; c = c.Parent() {
		pos = start(c)
	}
	if pos < 0 {
		return 0
	}
	return bytes.Count(source[:pos], []byte("\n")) + 1
}

func start(n ast.Node) int {
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := start(c); s >= 0 {
			return s
		}
	}
	return -1
}

// A Heading is one heading of a page, for tables of contents and link checks.
type Heading struct {
	Level int
	ID    string
	Text  string
	Line  int // set in Facts only
}

// Headings returns every heading of doc that has an id.
func Headings(doc ast.Node, source []byte) []Heading {
	var hs []Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if id, ok := h.AttributeString("id"); ok {
			var s string
			switch v := id.(type) {
			case []byte:
				s = string(v)
			case string:
				s = v
			}
			hs = append(hs, Heading{Level: h.Level, ID: s, Text: plainText(h, source)})
		}
		return ast.WalkSkipChildren, nil
	})
	return hs
}

func plainText(n ast.Node, source []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(source))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// Parse parses source with md, in the parser context pc.
func Parse(md goldmark.Markdown, source []byte, pc parser.Context) ast.Node {
	p := md.Parser()
	if c, ok := md.(*converter); ok && !linkable(source) {
		p = c.unlinked
	}
	return p.Parse(text.NewReader(source), parser.WithContext(pc))
}
