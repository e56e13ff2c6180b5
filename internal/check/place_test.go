package check

import (
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestPlaces checks where the check points, from the facts the build keeps: a sentence
// at the line its words start on, a heading, a field's label and a link at their lines.
func TestPlaces(t *testing.T) {
	site := fstest.MapFS{
		"content/sheet.md": {Data: []byte("---\ntitle: T\nworksheet: true\n---\n" +
			"See [the middle phase](phases/middle.md#what-happens) and\n" +
			"the *last* one. Then you\nrest.\n\n## The last one\n\n```field\nid: feelings\ntype: text\nlabel: Feelings\n```\n")},
		"content/phases/middle.md": {Data: []byte("---\ntitle: Middle\n---\n\n## What happens\n")},
	}
	_, res := sitetest.Build(t, render.Options{Source: sitetest.Source(site), Facts: true})
	var facts *render.Facts
	for p, f := range res.Facts {
		if p.File == "content/sheet.md" {
			facts = f
		}
	}
	if facts == nil {
		t.Fatal("no facts for content/sheet.md")
	}
	place := newPlacer(facts.Texts)
	heading, field, link := 0, 0, 0
	for _, h := range facts.Headings {
		if h.Text == "The last one" {
			heading = h.Line
		}
	}
	for _, f := range facts.Fields {
		if f.ID == "feelings" {
			field = f.LabelLine
		}
	}
	for _, l := range facts.Links {
		if l.Text == "the middle phase" {
			link = l.Line
		}
	}
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"sentence over lines, link target left out", place.line("See the middle phase and the last one."), 5},
		{"sentence starting mid-line", place.line("Then you rest."), 6},
		{"heading", heading, 9},
		{"words not in the source", place.line("Nothing like this"), 0},
		{"field label", field, 14},
		{"link by its text", link, 5},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: line %d, want %d", tt.name, tt.got, tt.want)
		}
	}
}
