package worksheet

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// frontMatter matches a leading front matter block, which the build blanks to newlines.
var frontMatter = regexp.MustCompile(`(?s)\A---\n.*?\n---\n`)

// convert renders src with md and pc as the build renders a page: its front matter
// blanked to newlines, so lines keep their numbers, as the worksheet worksheetID ("" for
// a page that is not a worksheet), translating the fields original (nil: not a
// translation), read from original.md. The tests of package worksheet_test reach it as
// Convert.
func convert(t testing.TB, md goldmark.Markdown, pc parser.Context, src []byte, worksheetID string, original []*Field) (string, []*Field, []*Error) {
	t.Helper()
	src = frontMatter.ReplaceAllFunc(src, func(fm []byte) []byte {
		return bytes.Repeat([]byte("\n"), bytes.Count(fm, []byte("\n")))
	})
	Begin(pc, worksheetID)
	if original != nil {
		Translation(pc, original, "original.md")
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		t.Fatal(err)
	}
	fields, errs := Result(pc)
	return out.String(), fields, errs
}
