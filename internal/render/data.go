package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/markdown"
)

// Data is what every template is executed with. See the package doc.
type Data struct {
	Site        *config.Site
	Page        *content.Page
	Content     template.HTML
	TOC         []markdown.Heading
	Menu        []Link
	FooterMenu  []Link // the top-level pages not in the main menu
	Breadcrumbs []Link
	Prev, Next  *Link
	Paginator   *Paginator
	Lang        string
	// Translations are this page in every language it exists in, this one included
	// (empty when the site has one language).
	Translations []Translation
	Canonical    string
	LiveReload   bool
	QuickExit    bool

	b    *builder
	from string // the page's site path, which relative URLs start from
	abs  bool   // write absolute URLs (the 404 page, when baseURL is set)
	// inline puts the stylesheet in the page (the 404 page without baseURL, which a host
	// serves at any depth, where no relative URL reaches the stylesheet)
	inline bool
	orig   bool       // rendering with the templates as written, to report an error (see templates.execute)
	shared bool       // rendering a {{shared}} partial, which every page with its key gets
	key    string     // sharedKey, once made
	set    *sharedSet // the shared partials of key, once looked up
}

// A Translation is a page in one language.
type Translation struct {
	Lang     string // BCP 47 tag
	LangName string // the language's name in its own words
	URL      string // relative to the page being rendered (absolute in the sitemap)
	Current  bool   // the language of the page being rendered
	// Alternate is the URL for <link rel="alternate" hreflang>: absolute when baseURL is
	// set, as search engines require there, else the same as URL.
	Alternate string
}

// translations returns p in each language it exists in. from is the site path URLs are
// made relative to; abs makes them absolute (with baseURL).
func (b *builder) translations(p *content.Page, from string, abs bool) []Translation {
	if len(b.langs) < 2 {
		return nil
	}
	var ts []Translation
	for _, l := range b.langs {
		t, ok := l.site.ByPath[p.Path]
		if !ok {
			continue
		}
		u := b.base.BaseURL + strings.TrimPrefix(t.URL, "/")
		if !abs {
			u = b.rel(from, t.URL, false)
		}
		alt := u
		if b.base.BaseURL != "" {
			alt = b.base.BaseURL + strings.TrimPrefix(t.URL, "/")
		}
		ts = append(ts, Translation{Lang: l.lang, LangName: l.cfg.LanguageName, URL: u, Current: l == b, Alternate: alt})
	}
	if len(ts) < 2 {
		return nil
	}
	return ts
}

// A Link is a page as a menu entry or list item.
type Link struct {
	Title       string
	Description string
	URL         string // relative to the page being rendered
	Current     bool   // the page being rendered is this page or below it
	Exact       bool   // the page being rendered is this page
	Params      map[string]any
	Page        *content.Page
	QR          template.HTML // a QR code of the page's absolute URL, as SVG (worksheets, when baseURL is set)
	Absolute    string        // the page's absolute URL when baseURL is set
}

// data returns the template data of page p, rendered at site path from (p.URL, or a
// numbered page of a long section).
func (b *builder) data(p *content.Page, from string) *Data {
	d := &Data{
		Site:       b.cfg,
		Page:       p,
		Lang:       b.lang,
		LiveReload: b.opts.LiveReload,
		QuickExit:  b.quickExit(p),
		b:          b,
		from:       from,
	}
	if b.cfg.BaseURL != "" {
		d.Canonical = b.cfg.BaseURL + strings.TrimPrefix(p.URL, "/")
	}
	d.Translations = b.translations(p, from, false)
	for _, m := range b.menu {
		d.Menu = append(d.Menu, d.menuLink(m))
	}
	for _, m := range b.footer {
		d.FooterMenu = append(d.FooterMenu, d.menuLink(m))
	}
	for _, c := range p.Breadcrumbs() {
		d.Breadcrumbs = append(d.Breadcrumbs, d.link(c))
	}
	if p.Prev != nil {
		l := d.link(p.Prev)
		d.Prev = &l
	}
	if p.Next != nil {
		l := d.link(p.Next)
		d.Next = &l
	}
	return d
}

// menuLink is page m as an entry of a menu, marked when the page rendered is m or below it.
func (d *Data) menuLink(m *content.Page) Link {
	l := d.link(m)
	l.Exact = m == d.Page
	l.Current = l.Exact || (m.URL != "/" && strings.HasPrefix(d.Page.URL, m.URL))
	return l
}

// sharedKey is everything a shared partial may depend on (see builder.shared): the
// language, the depth that relative URLs climb from, where the page is in the menu, the
// page-wide switches, the section above the page, and its layout.
func (d *Data) sharedKey() string {
	// Made once a page, at its first shared partial, when everything it is made of is set.
	if d.key == "" {
		d.key = d.makeSharedKey()
	}
	return d.key
}

func (d *Data) makeSharedKey() string {
	cur := ""
	for i, m := range append(d.Menu, d.FooterMenu...) {
		if m.Current {
			cur = fmt.Sprintf("%d:%v", i, m.Exact)
		}
	}
	// the section above the page, which its breadcrumbs lead to
	above := ""
	if n := len(d.Breadcrumbs); n > 0 {
		above = d.Breadcrumbs[n-1].Page.URL
	}
	return fmt.Sprintf("%s|%d|%v|%v|%s|%v|%v|%s|%s", d.Lang, strings.Count(d.from, "/"), d.abs, d.inline, cur, d.QuickExit, d.LiveReload, above, d.Layout())
}

// Layout returns the layout the page is rendered with.
func (d *Data) Layout() string { return d.b.layout(d.Page) }

// Worksheets returns every worksheet of the page's language, in menu order.
func (d *Data) Worksheets() []Link {
	var ls []Link
	for _, w := range d.b.sheets {
		ls = append(ls, d.link(w))
	}
	return ls
}

// Children returns the pages and subsections of a section or home page: all of them,
// or the current numbered page's share when the section is long.
func (d *Data) Children() []Link {
	lo, hi := 0, childCount(d.Page)
	if d.Paginator != nil {
		lo = (d.Paginator.Number - 1) * perPage
		hi = lo + perPage
	}
	cs := children(d.Page, lo, hi)
	ls := make([]Link, 0, len(cs))
	for _, c := range cs {
		ls = append(ls, d.link(c))
	}
	return ls
}

func (d *Data) link(p *content.Page) Link {
	l := Link{Title: p.Title, Description: p.Description, URL: d.Rel(p.URL), Params: p.Params, Page: p, QR: d.b.qr[p]}
	if d.b.cfg.BaseURL != "" {
		l.Absolute = d.b.cfg.BaseURL + strings.TrimPrefix(p.URL, "/")
	}
	return l
}

// Logo returns the URL of clinic.logo, or "" when the site has none (or its file is
// missing, which the build reports at its line in site.yaml).
func (d *Data) Logo() string {
	name := strings.TrimPrefix(d.Site.Clinic.Logo, "/")
	out, ok := d.b.assets[name]
	if name == "" || !ok {
		return ""
	}
	return d.Rel("/" + out)
}

// Lookup returns the page with the given path under content/ ("help-now.md"), or nil
// when the site has no such page: {{with .Lookup "help-now.md"}}<a href="{{.URL}}">…{{end}}.
func (d *Data) Lookup(contentPath string) *Link {
	p, ok := d.b.site.ByPath[contentPath]
	if !ok {
		return nil
	}
	l := d.link(p)
	return &l
}

// Rel returns the site path target ("/phases/", "/css/site.css", "/a/#b") as a URL
// relative to the page being rendered. In a portable build, links to folders end in
// index.html.
func (d *Data) Rel(target string) string {
	return d.b.rel(d.from, target, d.abs)
}

// Asset returns the URL of a static file, by its path under static/, with the
// fingerprinted name it was written under. A script with parts only for some field
// types (see onlyFor) is the one joined for the page's own fields.
func (d *Data) Asset(name string) (string, error) {
	name = strings.TrimPrefix(name, "/")
	if j := d.b.joined[name]; j != nil {
		return d.Rel("/" + d.b.variant(j, d.fieldTypes())), nil
	}
	out, ok := d.b.assets[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", "static/"+name)
	}
	return d.Rel("/" + out), nil
}

// fieldTypes returns the types of the fields of the page's worksheet, or nil when the
// page is not a worksheet or a shared partial is being rendered.
func (d *Data) fieldTypes() map[string]bool {
	if d.Page == nil || !d.Page.Worksheet || d.shared {
		return nil
	}
	d.b.mu.Lock()
	defer d.b.mu.Unlock()
	types := map[string]bool{}
	for _, q := range d.b.questions[d.Page] {
		types[q.typ] = true
	}
	return types
}

// rel makes target, a path from the site root, relative to the page at site path from.
func (b *builder) rel(from, target string, abs bool) string {
	frag := ""
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if b.cfg.Portable && strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	if abs && b.cfg.BaseURL != "" {
		return b.cfg.BaseURL + strings.TrimPrefix(target, "/") + frag
	}
	// Climb to the site root and down to target. (Not the shortest path: URLs that
	// depend only on the page's depth let pages share rendered parts; see shared.)
	r := strings.Repeat("../", strings.Count(from, "/")-1) + strings.TrimPrefix(target, "/")
	if r == "" {
		r = "./"
	}
	return r + frag
}
