package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/worksheet"
	"github.com/yuin/goldmark"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestCompactSameDOM: each page's Markdown HTML of the default site, compacted, reads
// in a browser as the minifier's version of it does (the same elements, attributes and
// text, white space as it is rendered), and none is left to the minifier.
func TestCompactSameDOM(t *testing.T) {
	s, _, err := Start(Options{Source: iptsite.Defaults(), LiveReload: true}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	m := newMinifier(true)
	n := 0
	for _, b := range s.r.langs {
		for p, body := range b.bodies {
			n++
			minified := m.bytes("text/html", p.File, []byte(body.content))
			for _, escaped := range []bool{false, bytes.IndexByte(p.Source, '<') < 0} {
				compacted, ok := compactBlocks([]byte(body.content), escaped)
				if !ok {
					t.Errorf("%s: left to the minifier", p.File)
					continue
				}
				sameDOM(t, p.File, minified, compacted)
			}
		}
	}
	if n < 70 {
		t.Errorf("only %d pages' Markdown HTML", n)
	}
}

// FuzzCompact: any Markdown, with worksheet fields, compacts to what the minifier makes
// of its HTML, as a browser reads both.
func FuzzCompact(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nA *para*\ngraph.\n\n- one\n- two\n\n  nested\n\n1. a\n2. b\n",
		"> quote\n>\n> more\n\n---\n\n| a | b |\n|---|---|\n| 1 | *2* |\n\n```\ncode\n<p>\n```\n",
		"Term\n: definition\n\nText[^1]\n\n[^1]: note\n\n<div>raw</div>\n\n<!-- c -->\n",
		"*a*\n**b**\n`c` ~~d~~ <span>e</span>\n<em>f</em>\n",
		"```field\nid: q\ntype: textarea\nlabel: What\n```\n\n```field\nid: n\ntype: choice\nlabel: Pick\noptions:\n  - A\n  - B\n```\n",
		"<pre>\n<b>x</b>\n</pre>\n\n<textarea>\n</textarea>\n\n<P>caps</P>\n",
	} {
		f.Add(s)
	}
	md := markdown.New(markdown.Options{Extensions: []goldmark.Extender{worksheet.New(worksheet.Options{})}})
	m := newMinifier(true)
	f.Fuzz(func(t *testing.T, src string) {
		var buf bytes.Buffer
		if err := md.Convert([]byte(src), &buf); err != nil {
			return
		}
		raw := buf.Bytes()
		compacted, ok := compactBlocks(bytes.Clone(raw), !strings.Contains(src, "<"))
		if !ok {
			return
		}
		sameDOM(t, src, m.bytes("text/html", "fuzz", bytes.Clone(raw)), compacted)
	})
}

// TestCompactInPlace: the line breaks between blocks go, the others stay; HTML the
// minifier must have is left to it.
func TestCompactInPlace(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<p>a\nb</p>\n<h2 id=\"x\">T</h2>\n<ul>\n<li>one</li>\n</ul>\n", "<p>a\nb</p><h2 id=\"x\">T</h2><ul><li>one</li></ul>"},
		{"<em>a</em>\n<strong>b</strong>", "<em>a</em>\n<strong>b</strong>"},
		{"<pre><code>x\n</code></pre>\n<p>y</p>", "<pre><code>x\n</code></pre><p>y</p>"},
		{"<textarea>\n</textarea>\n<p>y</p>\n<pre>a>\n<b</pre>", "<textarea>\n</textarea><p>y</p><pre>a>\n<b</pre>"},
		{"<p>x</p>\n<br>\n<span>y</span>", "<p>x</p><br>\n<span>y</span>"},
		{"<p>Hello   there,\n  you.</p>\n<p title=\"a  b\">c\td</p>", "<p>Hello there,\nyou.</p><p title=\"a  b\">c d</p>"},
		{"<pre>a  b</pre>\n<p>c  d</p>\n<textarea>e  f</textarea>  <em>g</em>", "<pre>a  b</pre><p>c d</p><textarea>e  f</textarea> <em>g</em>"},
	} {
		got, ok := compactBlocks([]byte(c.in), false)
		if !ok || string(got) != c.want {
			t.Errorf("compactBlocks(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{"<p>x</p>\n<!-- c -->\n<p>y</p>", "<P>x</P>\n<p>y</p>", "<pre>\n<p>x</p>\n", "<!doctype html>\n<p>",
		"<div title=\"a>\n<p\">x</div>", "<p title='<'>x</p>", "<p class=\"x>", "<p>x</p>\n<"} {
		if _, ok := compactBlocks([]byte(in), false); ok {
			t.Errorf("compactBlocks(%q) did not leave it to the minifier", in)
		}
	}
}

// sameDOM fails when a and b, parsed as a browser parses a page's body, differ in their
// elements, attributes or rendered text.
func sameDOM(t *testing.T, name string, a, b []byte) {
	t.Helper()
	da, db := domText(t, a), domText(t, b)
	if da != db {
		i := 0
		for i < len(da) && i < len(db) && da[i] == db[i] {
			i++
		}
		t.Errorf("%s: the compacted HTML reads differently from the minified, at\nminified:  %.120q\ncompacted: %.120q", name, da[max(i-40, 0):], db[max(i-40, 0):])
	}
}

// domText is the tree of h as a browser builds it, written out with its text as it is
// rendered with white-space: normal: each run of white space one space, none after
// another across inline tags, and none at the start or end of a block.
func domText(t *testing.T, h []byte) string {
	t.Helper()
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(bytes.NewReader(h), body)
	if err != nil {
		// x/net/html stops at 512 elements inside each other, as no page nests.
		t.Skip(err)
	}
	const text, inline, other = 0, 1, 2 // what each of out is: text, an inline tag, else
	var out []string
	var kind []int
	space := true       // the last thing rendered is a space, or the start of a block
	trimEnd := func() { // a block ends or starts: no space before it
		for i := len(out) - 1; i >= 0 && kind[i] != other; i-- {
			if kind[i] == text {
				out[i] = strings.TrimSuffix(out[i], " ")
				return
			}
		}
	}
	add := func(s string, k int) { out, kind = append(out, s), append(kind, k) }
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			s := strings.Join(strings.Fields(n.Data), " ")
			if s == "" && n.Data != "" {
				s = " "
			} else if s != "" {
				if strings.TrimLeft(n.Data, " \t\n\r\f") != n.Data {
					s = " " + s
				}
				if strings.TrimRight(n.Data, " \t\n\r\f") != n.Data {
					s += " "
				}
			}
			if space {
				s = strings.TrimPrefix(s, " ")
			}
			if s != "" {
				add(s, text)
				space = strings.HasSuffix(s, " ")
			}
			return
		case html.ElementNode:
		default:
			return
		}
		attrs := slices.Clone(n.Attr)
		slices.SortFunc(attrs, func(x, y html.Attribute) int { return strings.Compare(x.Key, y.Key) })
		open := "<" + n.Data
		for _, a := range attrs {
			open += " " + a.Key + "=" + a.Val
		}
		block := blockTag([]byte(n.Data)) || n.Data == "br"
		k := inline
		if block {
			trimEnd()
			space, k = true, other
		}
		add(open+">", k)
		if n.Data == "pre" || n.Data == "textarea" || n.Data == "script" || n.Data == "style" {
			add(raw(n), other)
			space = false
		} else {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		if block {
			trimEnd()
			space = true
		}
		add("</"+n.Data+">", k)
	}
	for _, n := range nodes {
		walk(n)
	}
	trimEnd()
	return strings.Join(out, "")
}

// raw returns the text inside n as it is, for the elements that keep their white space.
func raw(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			} else {
				sb.WriteString("<" + c.Data + ">")
				walk(c)
				sb.WriteString("</" + c.Data + ">")
			}
		}
	}
	walk(n)
	return sb.String()
}
