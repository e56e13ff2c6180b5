package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/content"
)

// What goes out for a page: its layout executed, once per numbered page, and written.

// emit executes the page's layout around d.Content (see body) and writes the result:
// once, or for a long section once per numbered page. The Markdown body, whose links are
// relative to the section's own URL, is shown on the first page only.
func (b *builder) emit(p *content.Page, d *Data) {
	layout := b.layout(p)
	if b.tmpl.layouts[layout] == "" {
		return // reported by loadTemplates
	}
	if b.indexPage(d) {
		return // a search page, rendered with its index by writeSearch
	}
	total := (childCount(p) + perPage - 1) / perPage
	for n := 1; n <= max(total, 1); n++ {
		u := numbered(p.URL, n)
		if n > 1 {
			d = b.data(p, u)
		}
		if total > 1 {
			d.Paginator = &Paginator{Number: n, Total: total}
			if n > 1 {
				d.Paginator.Prev = d.Rel(numbered(p.URL, n-1))
			}
			if n < total {
				d.Paginator.Next = d.Rel(numbered(p.URL, n+1))
			}
		}
		buf := pageBufs.Get().(*bytes.Buffer)
		buf.Reset()
		html, err := b.tmpl.execute(layout, d, buf)
		if err != nil {
			b.fail(err)
			return
		}
		b.writeHTML(u, html) // which keeps nothing of html: the next page is made in buf
		if buf.Cap() <= 1<<20 {
			pageBufs.Put(buf)
		}
	}
}

// body returns the page's Markdown HTML for its templates, a copy of html: when they
// are minified (then the page as a whole is not; see writeHTML), without the line breaks
// between its blocks, which is what minifying it took out (compactBlocks), or minified
// when it has what only the minifier handles.
func (b *builder) body(p *content.Page, html []byte) template.HTML {
	if b.tmpl.minified {
		// No '<' in the Markdown, no raw HTML in it: every tag is a renderer's.
		if c, ok := compactBlocks(html, bytes.IndexByte(p.Source, '<') < 0); ok {
			html = c
		} else {
			html = b.min.bytes("text/html", p.File, html)
		}
	}
	return template.HTML(html)
}

// pageBufs are the buffers pages and their shared partials are made in, one at a time
// each. A buffer starts at the size of a large page: grown a doubling at a time, the
// buffers had left twice what they held as garbage.
var pageBufs = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

// writeHTML writes the page at site path u, minified unless its templates already were.
func (b *builder) writeHTML(u string, html []byte) {
	name := strings.TrimPrefix(u, "/") + "index.html"
	if strings.HasSuffix(u, ".html") {
		name = strings.TrimPrefix(u, "/")
	}
	if !b.tmpl.minified {
		html = b.min.bytes("text/html", name, html)
	}
	b.write(name, html)
}
