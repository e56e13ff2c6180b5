package render_test

import (
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestFacts checks that the result carries each page's facts: its headings and the
// fields of a worksheet with the lines of their keys, in every language.
func TestFacts(t *testing.T) {
	site := fstest.MapFS{
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n\n## What happens\n\nText.\n")},
		"content/sheet.md": {Data: []byte("---\ntitle: Sheet\nworksheet: true\n---\n\n```field\n" +
			"id: days\ntype: table\nlabel:  My   days\ncolumns:\n  - label: Day\n    id: day\n    type: text\n    hint: A day.\n```\n")},
	}
	_, res := sitetest.Build(t, render.Options{Source: sitetest.Source(site), Facts: true})
	facts := map[string]*render.Facts{}
	for p, f := range res.Facts {
		facts[p.File] = f
	}
	if len(facts) != 2 {
		t.Fatalf("facts of %d pages, want 2", len(facts))
	}
	if h := facts["content/_index.md"].Headings; len(h) != 1 || fmt.Sprint(h[0]) != "{2 what-happens What happens 5}" {
		t.Errorf("headings: %+v", h)
	}
	got := fmt.Sprintf("%+v", facts["content/sheet.md"].Fields)
	want := "[{ID:days Type:table Label:My days Hint: Line:7 LabelLine:9 Columns:[{ID:day Type:text Label:Day Hint:A day. Line:12 LabelLine:11 Columns:[]}]}]"
	if got != want {
		t.Errorf("fields:\n got %s\nwant %s", got, want)
	}
}
