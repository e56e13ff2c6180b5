package cli

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestServeFindings checks that serve prints the check's findings of a good build,
// with paths under the site folder.
func TestServeFindings(t *testing.T) {
	site := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: T\ncrisis:\n  - label: Samaritans\n    number: \"116 123\"\n")},
		"content/_index.md": {Data: []byte("---\ntitle: Home\n---\n\nRead [here](https://example.org/).\n")},
	}
	fsys := sitetest.Source(site)
	mem, res := sitetest.Build(t, render.Options{Source: fsys, LiveReload: true, Facts: true})
	var out sitetest.Buffer
	serveFindings(&out, "clinic", fsys)(res, mem)
	want := `clinic/content/_index.md:5: error: link text "here" does not say where the link goes`
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), "checked 1 page"); {
		if time.Now().After(deadline) {
			t.Fatalf("no summary line after 10s; output:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}
