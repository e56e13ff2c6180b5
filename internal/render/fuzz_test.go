package render_test

import (
	"net/url"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
	"golang.org/x/net/html"
)

// linkSite is the site FuzzLinks links from a/page.md in: pages, sections, a heading,
// a file beside the pages and one in static/.
var linkSite = fstest.MapFS{
	"content/_index.md":       {Data: []byte("---\ntitle: Home\n---\n## Start here\n")},
	"content/a/other.md":      {Data: []byte("---\ntitle: Other\n---\n## A heading\n")},
	"content/b/_index.md":     {Data: []byte("---\ntitle: B\nslug: bee\n---\n")},
	"content/b/c d.md":        {Data: []byte("---\ntitle: C\n---\n")},
	"content/a/pic.png":       {Data: []byte("png")},
	"static/img/x.png":        {Data: []byte("png")},
	"static/files/a b?.pdf":   {Data: []byte("pdf")},
	"content/a/sheet.md":      {Data: []byte("---\ntitle: Sheet\nworksheet: true\n---\n```field\nid: q\ntype: text\nlabel: Q\n```\n")},
	"content/a/page-under.md": {Data: []byte("---\ntitle: Under\n---\n")},
}

var (
	seedLink = regexp.MustCompile(`\]\(([^()\s]*)\)|<([a-z]+:[^>\s]*)>`)
	letters  = regexp.MustCompile(`[A-Za-z]+`)
	digits   = regexp.MustCompile(`[0-9]+`)
	// The page's link and picture are on lines 4 and 6; a missing fragment's error is
	// on the link's line.
	pageError = regexp.MustCompile(`^content/a/page\.md:[46]: \S`)
)

// FuzzLinks links a page to any address, as a link and as a picture, and builds the
// site: the build must never panic, must name the page and the line in each error, and a
// build that succeeds must have given every
// address of this site a relative address that stays inside the site folder and leads
// to a file it wrote (the build checks every link), and never a javascript: address or
// an event handler. Its seeds are the link addresses of the fixtures' pages, one of each shape; go test
// runs them, make fuzz the target.
func FuzzLinks(f *testing.F) {
	// One address of each shape (letters as a, digits as 0), since each try builds a
	// site: go test runs the seeds, and must stay quick.
	seen := map[string]bool{}
	for _, md := range sitetest.Seeds(f, func(name string) bool { return strings.HasSuffix(name, ".md") }) {
		for _, m := range seedLink.FindAllSubmatch(md, -1) {
			d := string(m[1]) + string(m[2])
			shape := digits.ReplaceAllString(letters.ReplaceAllString(d, "a"), "0")
			if !seen[shape] {
				seen[shape] = true
				f.Add(d, false)
			}
		}
	}
	for _, d := range []string{"other.md#a-heading", "../b/_index.md", "../b/c d.md", "pic.png", "/img/x.png",
		"/files/a b?.pdf", "sheet.md#q", "/b/", "../../../../etc/passwd", "%2e%2e/other.md", "?x=1#start-here"} {
		f.Add(d, true)
	}
	f.Fuzz(func(t *testing.T, dest string, portable bool) {
		if strings.ContainsAny(dest, "<>\n\r\\") {
			return // not one address in <…>
		}
		site := fstest.MapFS{}
		for k, v := range linkSite {
			site[k] = v
		}
		site["content/a/page.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Page\n---\n[x](<" + dest + ">)\n\n![y](<" + dest + ">)\n")}
		mem := output.NewMemory()
		if _, err := render.Build(render.Options{Source: sitetest.Source(site), Portable: portable, NoMinify: true}, mem); err != nil {
			for _, e := range strings.Split(err.Error(), "\n") {
				if !pageError.MatchString(e) {
					t.Fatalf("link to %q: error %q is not content/a/page.md:LINE: message", dest, e)
				}
			}
			return
		}
		page := "a/page/index.html"
		data, _ := mem.File(page)
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		base, _ := url.Parse("https://clinic.example/sub/" + page)
		var check func(n *html.Node)
		check = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(a.Key, "on") || ((a.Key == "href" || a.Key == "src") && strings.HasPrefix(v, "javascript:")) {
						t.Fatalf("link to %q: <%s %s=%q>", dest, n.Data, a.Key, a.Val)
					}
				}
				if addr, ours := linkOf(n); ours {
					stays(t, mem, base, dest, addr)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				check(c)
			}
		}
		check(doc)
	})
}

// linkOf returns the address of the page's own link (text x) or picture (alt y).
func linkOf(n *html.Node) (string, bool) {
	attr := func(k string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val, true
			}
		}
		return "", false
	}
	if n.Data == "a" && n.FirstChild != nil && n.FirstChild.Data == "x" && n.FirstChild == n.LastChild {
		return attr("href")
	}
	if alt, _ := attr("alt"); n.Data == "img" && alt == "y" {
		return attr("src")
	}
	return "", false
}

// stays fails t when addr, an address of this site in the page at base, leaves the site
// folder or names a file the build did not write.
func stays(t *testing.T, mem *output.Memory, base *url.URL, dest, addr string) {
	t.Helper()
	u, err := url.Parse(addr)
	if err != nil {
		t.Fatalf("link to %q became %q: %v", dest, addr, err)
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(addr, "/") {
		if src, _ := url.Parse(dest); src != nil && (src.Scheme != "" || strings.HasPrefix(dest, "//")) {
			return // another site's, kept as written
		}
		t.Fatalf("link to %q became %q, not relative", dest, addr)
	}
	r := base.ResolveReference(u)
	name, ok := strings.CutPrefix(r.Path, "/sub/")
	if !ok {
		t.Fatalf("link to %q became %q, which leaves the site folder (%s)", dest, addr, r.Path)
	}
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if _, ok := mem.File(path.Clean(name)); !ok && u.Path != "" {
		t.Fatalf("link to %q became %q, to %s, which the build did not write", dest, addr, name)
	}
}
