package render

import (
	"path"
	"strings"

	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/markdown"
)

// A fragment is a link to a heading or field of a page, checked once every page is rendered.
type fragment struct {
	file   string
	line   int
	target *content.Page
	id     string
}

// resolve rewrites an internal link of page p. Authors link pages by their source file,
// relative to the page ("../phases/middle.md#what-happens"), and files by site path
// ("/img/a.png") or relative to the page's file. It reports a missing target, and an
// address the page cannot use (markdown.Refused).
func (b *builder) resolve(p *content.Page, dest string, line int, image bool) (string, *fragment) {
	if why := markdown.Refused(dest, image); why != "" {
		b.failf(p.File, line, "%s", why)
		return dest, nil
	}
	target, frag := dest, ""
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		target, frag = dest[:i], dest[i+1:]
	}
	query := ""
	if i := strings.IndexByte(target, '?'); i >= 0 {
		target, query = target[:i], target[i:]
	}
	if target == "" {
		if frag == "" {
			return dest, nil
		}
		return dest, &fragment{file: p.File, line: line, target: p, id: frag}
	}
	var sitePath string // the path under content/ or static/
	if strings.HasPrefix(target, "/") {
		sitePath = path.Clean(target)
	} else {
		sitePath = "/" + path.Join(path.Dir(p.Path), target)
	}
	if strings.HasSuffix(sitePath, ".md") {
		t, ok := b.site.ByPath[strings.TrimPrefix(sitePath, "/")]
		if !ok {
			b.failf(p.File, line, "link to a missing page %q (no file %s)", dest, b.contentDir()+sitePath)
			return dest, nil
		}
		if image {
			b.failf(p.File, line, "image %q is a page, not a picture", dest)
		}
		var f *fragment
		if frag != "" {
			f = &fragment{file: p.File, line: line, target: t, id: frag}
			frag = "#" + frag
		}
		return b.rel(p.URL, t.URL, false) + query + frag, f
	}
	if frag != "" {
		frag = "#" + frag
	}
	if b.hasFile(sitePath) {
		return b.rel(p.URL, sitePath, false) + query + frag, nil
	}
	if t, ok := b.site.ByURL[strings.TrimSuffix(sitePath, "/")+"/"]; ok && strings.HasPrefix(target, "/") {
		var f *fragment
		if frag != "" {
			f = &fragment{file: p.File, line: line, target: t, id: frag[1:]}
		}
		return b.rel(p.URL, t.URL, false) + query + frag, f
	}
	what := "file"
	if image {
		what = "image"
	}
	b.failf(p.File, line, "link to a missing %s %q (link pages by their .md file, files by their path under static/ or content/)", what, dest)
	return dest, nil
}

// checkFragments reports links to a heading or field that the target page does not have.
func (b *run) checkFragments() {
	for _, f := range b.frags {
		anchors, ok := b.anchors[f.target]
		if !ok {
			continue // the target failed to render; that error is already reported
		}
		if !anchors[f.id] {
			b.failf(f.file, f.line, "link to a missing heading or field #%s in %s", f.id, f.target.File)
		}
	}
}
