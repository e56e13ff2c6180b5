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

// children are the pages and subsections listed on a section or home page, from the
// lo-th to before the hi-th (clipped to how many there are).
func children(p *content.Page, lo, hi int) []*content.Page {
	hi = min(hi, childCount(p))
	if lo >= hi {
		return nil
	}
	cs := make([]*content.Page, 0, hi-lo)
	if lo < len(p.Own.Pages) {
		cs = append(cs, p.Own.Pages[lo:min(hi, len(p.Own.Pages))]...)
	}
	for i := max(lo, len(p.Own.Pages)); i < hi; i++ {
		cs = append(cs, p.Own.Sections[i-len(p.Own.Pages)].Index)
	}
	return cs
}

// childCount is how many pages and subsections a section or home page lists.
func childCount(p *content.Page) int {
	if p.Own == nil {
		return 0
	}
	return len(p.Own.Pages) + len(p.Own.Sections)
}

// numbered is the site path of page n of the section listing at u: u itself for the
// first, then u/page/2/, u/page/3/, …
func numbered(u string, n int) string {
	if n == 1 {
		return u
	}
	return fmt.Sprintf("%spage/%d/", u, n)
}
