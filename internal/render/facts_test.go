package render_test

import (
	"fmt"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/output"
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

// TestSessionFacts checks that a session started without facts (serve's first build)
// finds the same facts as a build that collected them, for every page of the default
// site in both languages, and keeps them from then on: a page's edit changes its facts.
func TestSessionFacts(t *testing.T) {
	site := sitetest.DefaultContent(t)
	src := sitetest.Source(site)
	_, want, err := render.Start(render.Options{Source: src, Facts: true}, output.NewMemory())
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	s, res, err := render.Start(render.Options{Source: src}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facts) != 0 {
		t.Fatalf("a build without Options.Facts kept the facts of %d pages", len(res.Facts))
	}
	byFile := func(facts map[*content.Page]*render.Facts) map[string]*render.Facts {
		m := map[string]*render.Facts{}
		for p, f := range facts {
			m[p.Lang+" "+p.File] = f
		}
		return m
	}
	got, wanted := byFile(s.Facts()), byFile(want.Facts)
	if len(got) != res.Pages || len(wanted) != res.Pages || len(res.Sites) < 2 {
		t.Fatalf("facts of %d pages, want %d (a build with facts: %d), in %d languages", len(got), res.Pages, len(wanted), len(res.Sites))
	}
	for k, w := range wanted {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s: the facts found later differ from the build's:\n got %+v\nwant %+v", k, got[k], w)
		}
	}

	before := len(wanted["en content/about-ipt.md"].Headings)
	edited := append(sitetest.DefaultFile(t, "content/about-ipt.md"), "\n## One more heading\n"...)
	site["content/about-ipt.md"] = &fstest.MapFile{Data: edited}
	_, res, full, err := s.Update([]string{"content/about-ipt.md"}, mem)
	if err != nil || full {
		t.Fatalf("body change: full=%v err=%v", full, err)
	}
	for p, f := range res.Facts {
		if p.File == "content/about-ipt.md" && len(f.Headings) != before+1 {
			t.Errorf("after the edit, the facts of about-ipt.md have headings %+v, want %d", f.Headings, before+1)
		}
	}
	if len(res.Facts) != res.Pages {
		t.Errorf("after the edit, facts of %d pages, want %d", len(res.Facts), res.Pages)
	}
}
