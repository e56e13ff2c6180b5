package markdown_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestFacts reads testdata/facts/*.txtar: each holds -- in.md -- and -- facts --, the
// page's Facts one a line (the texts with the line each part starts on), exactly (see
// package sitetest). Links are resolved by prefixing "resolved:".
func TestFacts(t *testing.T) {
	sitetest.Run(t, "testdata/facts/*.txtar", func(t *testing.T, c *sitetest.Case) *sitetest.Result {
		in, ok := c.Input("in.md")
		if !ok {
			t.Fatal("no in.md section")
		}
		f, _ := parseFacts(t, in)
		return &sitetest.Result{Exact: map[string]string{"facts": dumpFacts(f)}}
	})
}

func parseFacts(t *testing.T, in []byte) (*markdown.Facts, []byte) {
	t.Helper()
	out, pc := render(t, markdown.New(markdown.Options{Facts: true}), in, func(dest string, line int, image bool) string { return "resolved:" + dest })
	f := markdown.FactsOf(pc)
	if f == nil {
		t.Fatal("no facts")
	}
	return f, []byte(out)
}

func dumpFacts(f *markdown.Facts) string {
	var b strings.Builder
	for _, h := range f.Headings {
		fmt.Fprintf(&b, "heading %d %q %q line %d\n", h.Level, h.ID, h.Text, h.Line)
	}
	for _, l := range f.Links {
		fmt.Fprintf(&b, "link %q %q line %d\n", l.Dest, l.Text, l.Line)
	}
	for _, i := range f.Images {
		fmt.Fprintf(&b, "image %q %q line %d\n", i.Src, i.Alt, i.Line)
	}
	for _, t := range f.Tables {
		fmt.Fprintf(&b, "table line %d header %q\n", t.Line, t.Header)
	}
	for _, t := range f.Texts {
		fmt.Fprintf(&b, "text %q", t.Text)
		if len(t.Marks) <= 1 {
			fmt.Fprintf(&b, " %d\n", t.Line(0))
			continue
		}
		for i, m := range t.Marks {
			end := len(t.Text)
			if i+1 < len(t.Marks) {
				end = t.Marks[i+1].At
			}
			fmt.Fprintf(&b, " %d %q", m.Line, t.Text[m.At:end])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestFactsMatchHTML checks that the headings, links and images of the facts are those
// of the rendered page, in order, with the same ids, addresses and text: a later stage
// can take them for what the page shows.
func TestFactsMatchHTML(t *testing.T) {
	files, _ := filepath.Glob("testdata/facts/*.txtar")
	files2, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range append(files, files2...) {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range a.Files {
			if s.Name != "in.md" {
				continue
			}
			f, out := parseFacts(t, s.Data)
			doc, err := html.Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			var got, want []string
			for _, h := range f.Headings {
				want = append(want, fmt.Sprintf("h%d #%s %q", h.Level, h.ID, h.Text))
			}
			for _, l := range f.Links {
				want = append(want, fmt.Sprintf("a %s %q", l.Dest, l.Text))
			}
			for _, i := range f.Images {
				want = append(want, fmt.Sprintf("img %s %q", i.Src, i.Alt))
			}
			var hs, as, is []string
			walkHTML(doc, func(n *html.Node) {
				switch n.DataAtom {
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					hs = append(hs, fmt.Sprintf("%s #%s %q", n.Data, attr(n, "id"), htmlText(n)))
				case atom.A:
					if c := attr(n, "class"); strings.HasPrefix(c, "footnote-") {
						return // made by the footnote extension, not written as a link
					}
					as = append(as, fmt.Sprintf("a %s %q", attr(n, "href"), htmlText(n)))
				case atom.Img:
					is = append(is, fmt.Sprintf("img %s %q", attr(n, "src"), strings.Join(strings.Fields(attr(n, "alt")), " ")))
				}
			})
			got = append(append(append(got, hs...), as...), is...)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: the HTML has\n%s\nthe facts\n%s", file, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// htmlText is the text of n as a screen reader says it: with the alt text of images,
// without what is hidden.
func htmlText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.DataAtom == atom.Img:
			b.WriteString(" " + attr(n, "alt") + " ")
		case n.Type == html.ElementNode && attr(n, "aria-hidden") == "true":
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
