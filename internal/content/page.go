package content

import (
	"path"
	"sort"
	"strings"
	"unicode"
)

// Kinds of page.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// Where a top-level page is listed (front matter menu:).
const (
	MenuMain   = "main"
	MenuFooter = "footer"
)

// A Page is one Markdown file.
type Page struct {
	FrontMatter

	// Path is the file's path under content/, slash-separated: "phases/middle.md".
	Path string
	// File is the path to name in messages: "content/phases/middle.md".
	File string
	// Kind is KindHome, KindSection or KindPage.
	Kind string
	// Lang is the page's language. Pages in two languages with the same Path are
	// translations of each other.
	Lang string
	// URL is the page's path from the site root, with a trailing slash: "/phases/middle/".
	URL string
	// Lines maps each front-matter key to its line in the file.
	Lines map[string]int
	// Source is the whole file with its front matter blanked to newlines,
	// so that line N of the Markdown is line N of the file.
	Source []byte

	// Section is the section the page is listed in (for a section page, its parent).
	Section *Section
	// Own is the section a home or section page stands for.
	Own *Section

	Prev, Next *Page

	sheetID string // see WorksheetID
}

// Depth is the number of folders in the page's URL: 0 for "/", 2 for "/phases/middle/".
func (p *Page) Depth() int { return strings.Count(p.URL, "/") - 1 }

// Line returns the line of a front-matter key, or 1 (the top of the file) when the key is not set.
func (p *Page) Line(key string) int {
	if l, ok := p.Lines[key]; ok {
		return l
	}
	return 1
}

// Breadcrumbs returns the section pages above p, from the home page down, not p itself.
func (p *Page) Breadcrumbs() []*Page {
	var out []*Page
	s := p.Section
	if p.Kind != KindPage && p.Own != nil {
		s = p.Own.Parent
	}
	for ; s != nil; s = s.Parent {
		out = append([]*Page{s.Index}, out...)
	}
	return out
}

// pageURL is the URL of a page, its slug or file name under its section's URL.
func pageURL(p *Page) string {
	if p.Own != nil {
		return sectionURL(p.Own)
	}
	slug := p.Slug
	if slug == "" {
		slug = segment(strings.TrimSuffix(path.Base(p.Path), ".md"))
	}
	return sectionURL(p.Section) + slug + "/"
}

// validSlug reports whether s can be one segment of a URL as it is.
func validSlug(s string) bool {
	return s != "" && !strings.ContainsAny(s, "/\\?#% \t") && s != "." && s != ".."
}

// segment is the URL segment of a file or folder name: the name itself when it is a
// valid slug, and otherwise its letters, digits, dots, hyphens and underscores in lower
// case, each run of other characters made one hyphen ("My Plan #2" gives my-plan-2). It
// is "" when the name has nothing to make one from.
func segment(name string) string {
	if validSlug(name) {
		return name
	}
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(name) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-_.", r) {
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte('-')
		}
		gap = false
		b.WriteRune(r)
	}
	if s := b.String(); validSlug(s) {
		return s
	}
	return ""
}

// less orders pages in menus and lists: by weight, then title, then path.
func less(a, b *Page) bool {
	if a.Weight != b.Weight {
		return a.Weight < b.Weight
	}
	if a.Title != b.Title {
		return a.Title < b.Title
	}
	return a.Path < b.Path
}

func sortPages(ps []*Page) { sort.SliceStable(ps, func(i, j int) bool { return less(ps[i], ps[j]) }) }

// sortedPages returns the pages of m by path.
func sortedPages(m map[string]*Page) []*Page {
	ps := make([]*Page, 0, len(m))
	for _, p := range m {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Path < ps[j].Path })
	return ps
}
