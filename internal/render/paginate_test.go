package render_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestLongSectionIsSplit builds a section of 120 pages: its listing is split into
// numbered pages of 50, so no page grows with the size of the site.
func TestLongSectionIsSplit(t *testing.T) {
	site := fstest.MapFS{
		"content/_index.md":       {Data: []byte("---\ntitle: Home\n---\n")},
		"content/posts/_index.md": {Data: []byte("---\ntitle: Posts\n---\nAll the posts.\n")},
	}
	for i := 1; i <= 120; i++ {
		site[fmt.Sprintf("content/posts/p%03d.md", i)] = &fstest.MapFile{
			Data: []byte(fmt.Sprintf("---\ntitle: Post %03d\n---\nText.\n", i))}
	}
	mem, _ := sitetest.Build(t, render.Options{Source: sitetest.Source(site), NoMinify: true})
	page := func(name string) string {
		t.Helper()
		b, ok := mem.File(name)
		if !ok {
			t.Fatalf("no %s", name)
		}
		return string(b)
	}
	first, second, last := page("posts/index.html"), page("posts/page/2/index.html"), page("posts/page/3/index.html")
	if _, ok := mem.File("posts/page/4/index.html"); ok {
		t.Error("a fourth page for 120 posts")
	}
	for _, c := range []struct {
		html      string
		has       []string
		hasNot    []string
		wantItems int
	}{
		{first, []string{"Page 1 of 3", `href="../posts/p001/">Post 001`, `href="../posts/p050/">Post 050`, `<a class="pager-next" href="../posts/page/2/" rel="next">`, "All the posts."},
			[]string{"Post 051", `rel="prev">Previous</a>`}, 50},
		{second, []string{"Page 2 of 3", `href="../../../posts/p051/">Post 051`, `href="../../../posts/" rel="prev">Previous</a>`, `href="../../../posts/page/3/" rel="next"`},
			[]string{"Post 050<", "All the posts."}, 50},
		{last, []string{"Page 3 of 3", "Post 120", `href="../../../posts/page/2/" rel="prev"`, `<link rel="stylesheet" href="../../../css/site.`},
			[]string{"Post 100<", `rel="next"`}, 20},
	} {
		for _, s := range c.has {
			if !strings.Contains(c.html, s) {
				t.Errorf("missing %q", s)
			}
		}
		for _, s := range c.hasNot {
			if strings.Contains(c.html, s) {
				t.Errorf("has %q", s)
			}
		}
		if n := strings.Count(c.html, `<li class="card">`); n != c.wantItems {
			t.Errorf("%d items, want %d", n, c.wantItems)
		}
	}
}
