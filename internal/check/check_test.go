package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestSites checks each site in testdata/*.txtar, laid over the default site as
// iptsite build does, and compares the report's findings and notes with the case's
// findings section: exactly, one a line, as path:line: level: message. go test -update
// rewrites them; review the diff. See package sitetest for the sections.
func TestSites(t *testing.T) {
	sitetest.Run(t, "testdata/*.txtar", func(t *testing.T, c *sitetest.Case) *sitetest.Result {
		site := c.Site()
		r := Run(render.Options{Source: sitetest.Source(site)}, testOrigin(site))
		return &sitetest.Result{Exact: map[string]string{"findings": findingLines(r)}}
	})
}

// findingLines returns the findings and their notes, one a line.
func findingLines(r *Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString(f.String() + "\n")
		for _, n := range f.Notes {
			b.WriteString(Finding{Path: f.Path, Line: n.Line, Level: Note, Message: n.Text}.String() + "\n")
		}
	}
	return b.String()
}

func TestJSON(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: T\ncrisis:\n  - label: Samaritans\n    number: \"116 123\"\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n\nSee [here](https://example.org/a) and https://example.org/b.\n")},
	}
	r := Run(render.Options{Source: sitetest.Source(site)}, testOrigin(site))
	var buf bytes.Buffer
	if err := r.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []Finding
		Pages    []Page
		Links    []Link
		Hosts    []Host
		Errors   int
		Warnings int
		Built    bool
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, buf.Bytes())
	}
	if !got.Built || got.Errors != 2 || got.Warnings != 0 || len(got.Findings) != 2 {
		t.Errorf("got built %v, %d errors, %d warnings, findings %+v", got.Built, got.Errors, got.Warnings, got.Findings)
	}
	if len(got.Pages) != 1 || got.Pages[0].URL != "/" || got.Pages[0].Words != 6 {
		t.Errorf("pages: %+v", got.Pages)
	}
	wantLinks := []Link{
		{Path: "content/_index.md", Line: 5, URL: "https://example.org/a", Host: "example.org"},
		{Path: "content/_index.md", Line: 5, URL: "https://example.org/b", Host: "example.org"},
	}
	if len(got.Links) != 2 || got.Links[0] != wantLinks[0] || got.Links[1] != wantLinks[1] {
		t.Errorf("links: %+v, want %+v", got.Links, wantLinks)
	}
	if len(got.Hosts) != 1 || got.Hosts[0] != (Host{"example.org", 2}) {
		t.Errorf("hosts: %+v", got.Hosts)
	}
}
