package render

import (
	"strings"

	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/worksheet"
)

// Facts are what the build learned about one page's source, each part with its line in
// the file: iptsite check reads them instead of finding the parts again in the HTML.
type Facts struct {
	markdown.Facts
	// Fields are a worksheet's fields, in order.
	Fields []Field
}

// A Field is one field of a worksheet, or one column of a table field, as written.
type Field struct {
	ID, Type, Label, Hint string // Label and Hint with their spaces collapsed
	Line                  int    // the line of its id: key
	LabelLine             int    // the line of its label: key
	Columns               []Field
}

func newFacts(md *markdown.Facts, fields []*worksheet.Field) *Facts {
	f := &Facts{}
	if md != nil {
		f.Facts = *md
	}
	f.Fields = factFields(fields)
	return f
}

func factFields(fields []*worksheet.Field) []Field {
	var out []Field
	for _, f := range fields {
		out = append(out, Field{
			ID: f.ID, Type: f.Type,
			Label: strings.Join(strings.Fields(f.Label), " "), Hint: strings.Join(strings.Fields(f.Hint), " "),
			Line: f.KeyLine("id"), LabelLine: f.KeyLine("label"),
			Columns: factFields(f.Columns()),
		})
	}
	return out
}
