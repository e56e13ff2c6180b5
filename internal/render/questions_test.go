package render_test

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestQuestionLinks: the page for therapists, in each language, links to every field of
// every worksheet of its language, under that worksheet, with the field's label; and each
// link opens a page that has the field's id.
func TestQuestionLinks(t *testing.T) {
	mem, res := sitetest.Build(t, render.Options{Facts: true})
	for lang, site := range res.Sites {
		page := site.ByPath["for-therapists.md"]
		if page == nil {
			t.Fatalf("%s: no for-therapists page", lang)
		}
		name := strings.TrimPrefix(page.URL, "/") + "index.html"
		b, _ := mem.File(name)
		html := string(b)
		links := 0
		for _, p := range site.Pages {
			if !p.Worksheet {
				continue
			}
			facts := res.Facts[p]
			if facts == nil || len(facts.Fields) == 0 {
				t.Fatalf("%s: no fields recorded", p.File)
			}
			// The worksheet's entry: from its heading to the next worksheet's.
			start := strings.Index(html, "<h3>"+p.Title+"</h3>")
			if start < 0 {
				t.Fatalf("%s: no entry for %s", name, p.File)
			}
			entry := html[start:]
			if end := strings.Index(entry[4:], "<h3>"); end >= 0 {
				entry = entry[:end+4]
			}
			sheet, _ := mem.File(strings.TrimPrefix(p.URL, "/") + "index.html")
			for _, f := range facts.Fields {
				href := relPath(page.URL, p.URL) + "#" + f.ID
				want := fmt.Sprintf(`<li><a href="%s">%s</a></li>`, href, htmlEscape(f.Label))
				if !strings.Contains(entry, want) {
					t.Errorf("%s: under %q, missing %s", name, p.Title, want)
				}
				if !regexp.MustCompile(`\sid="` + regexp.QuoteMeta(f.ID) + `"`).Match(sheet) {
					t.Errorf("%s: links to %s, which %s does not have", name, href, p.URL)
				}
				links++
			}
		}
		if links < 100 {
			t.Errorf("%s: %d question links, want every field of the default worksheets", name, links)
		}
	}
}

// relPath is target as a URL relative to the page at site path from, both folders.
func relPath(from, target string) string {
	up := strings.Repeat("../", strings.Count(from, "/")-1)
	return up + strings.TrimPrefix(path.Clean(target), "/") + "/"
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
