package render

import (
	"fmt"

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
