package markdown_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/sitetest"
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
		pc := parser.NewContext(parser.WithIDs(markdown.NewIDs()))
		markdown.WithResolver(pc, func(dest string, line int, image bool) string {
			return "resolved:" + dest + ":" + strconv.Itoa(line)
		})
		doc := markdown.Parse(md, in, pc)
		var got bytes.Buffer
		if err := md.Renderer().Render(&got, in, doc); err != nil {
			t.Fatal(err)
		}
		return &sitetest.Result{Exact: map[string]string{"out.html": got.String()}}
	})
}
