package markdown_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
)

// TestCases renders the in.md section of each testdata/*.txtar and compares the HTML
// with its out.html section, exactly (see package sitetest). Interface strings are
// their keys in brackets; links are resolved by a resolver that writes "resolved:", the
// destination and its line number.
func TestCases(t *testing.T) {
	md := markdown.New(markdown.Options{T: func(k string) string { return "[" + k + "]" }})
	sitetest.Run(t, "testdata/*.txtar", func(t *testing.T, c *sitetest.Case) *sitetest.Result {
		in, ok := c.Input("in.md")
		if !ok {
			t.Fatal("no in.md section")
		}
		got, _ := render(t, md, in, func(dest string, line int, image bool) string {
			return "resolved:" + dest + ":" + strconv.Itoa(line)
		})
		return &sitetest.Result{Exact: map[string]string{"out.html": got}}
	})
}

// render renders in with md as the build does, links resolved by resolve, and returns
// the HTML and the parser context, which holds the page's facts.
func render(t *testing.T, md goldmark.Markdown, in []byte, resolve func(dest string, line int, image bool) string) (string, parser.Context) {
	t.Helper()
	pc := parser.NewContext(parser.WithIDs(markdown.NewIDs()))
	markdown.WithResolver(pc, resolve)
	doc := markdown.Parse(md, in, pc)
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, in, doc); err != nil {
		t.Fatal(err)
	}
	return out.String(), pc
}
