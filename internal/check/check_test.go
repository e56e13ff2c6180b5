package check

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the findings files of testdata/*.txtar")

// TestSites checks each site in testdata/*.txtar. A case is a txtar archive whose
// comment says what it is about. Its files (site.yaml, content/, templates/, …) are the
// site, laid over the default site as iptsite build does; a case with content/ has only
// its own pages. The file "findings" holds the report's findings and notes, exactly, one
// per line, as path:line: level: message. go test -update rewrites them; review the diff.
func TestSites(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			site := fstest.MapFS{}
			var want *txtar.File
			for i, f := range a.Files {
				if f.Name == "findings" {
					want = &a.Files[i]
					continue
				}
				site[f.Name] = &fstest.MapFile{Data: f.Data}
			}
			r := Run(render.Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}}, testOrigin(site))
			got := findingLines(r)
			if *update {
				if want == nil {
					a.Files = append(a.Files, txtar.File{Name: "findings"})
					want = &a.Files[len(a.Files)-1]
				}
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want == nil {
				t.Fatalf("no findings file; the findings are:\n%s", got)
			}
			if got != string(want.Data) {
				t.Errorf("findings:\n%s\nwant:\n%s", got, want.Data)
			}
		})
	}
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
	r := Run(render.Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}}, testOrigin(site))
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
