package render

import (
	"fmt"
	"html/template"

	"github.com/iptsite/iptsite/internal/content"
)

// perPage is how many pages a section lists on one page. A longer section is split
// into numbered pages, so no page grows with the size of the site.
const perPage = 50

// A Paginator tells a numbered page of a long section where it is.
type Paginator struct {
	Number, Total int
	Prev, Next    string // relative URLs of the neighbouring numbered pages, or ""
}

// children are the pages and subsections listed on a section or home page.
func children(p *content.Page) []*content.Page {
	if p.Own == nil {
		return nil
	}
	cs := make([]*content.Page, 0, len(p.Own.Pages)+len(p.Own.Sections))
	cs = append(cs, p.Own.Pages...)
	for _, s := range p.Own.Sections {
		cs = append(cs, s.Index)
	}
	return cs
}

// numbered is the site path of page n of the section listing at u: u itself for the
// first, then u/page/2/, u/page/3/, …
func numbered(u string, n int) string {
	if n == 1 {
		return u
	}
	return fmt.Sprintf("%spage/%d/", u, n)
}

// emit executes the page's layout and writes the result: once, or for a long section
// once per numbered page. The Markdown body, whose links are relative to the section's
// own URL, is shown on the first page only.
func (b *builder) emit(p *content.Page, d *Data) {
	layout := b.layout(p)
	if b.tmpl.layouts[layout] == nil {
		return // reported by loadTemplates
	}
	if b.tmpl.minified {
		// The templates are minified already; the page's own HTML is minified here.
		d.Content = template.HTML(b.min.bytes("text/html", p.File, []byte(d.Content)))
	}
	if b.indexPage(d) {
		return // a search page, rendered with its index by writeSearch
	}
	total := (len(children(p)) + perPage - 1) / perPage
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
		html, err := b.tmpl.execute(layout, d)
		if err != nil {
			b.fail(err)
			return
		}
		b.writeHTML(u, html)
	}
}
