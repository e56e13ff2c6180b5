// Package content loads the Markdown pages of a site and arranges them into sections.
//
// # Pages
//
// Every .md file under content/ is a page. It starts with YAML front matter between two
// lines of three hyphens:
//
//	---
//	title: The middle phase        # required
//	description: What happens in the middle sessions.   # link previews and search engines
//	weight: 20                     # order in menus and lists, lower first (then by title)
//	draft: true                    # left out unless the build runs with --drafts (in a
//	                               # section's _index.md: the whole section)
//	slug: middle                   # the last part of the URL (default: the file name)
//	aliases: [/old/middle/]        # old URLs that redirect here, so links already sent keep working
//	layout: page                   # the template in templates/<layout>.html
//	toc: true                      # show a table of contents of the ## and ### headings
//	worksheet: true                # the page is a worksheet (see docs/worksheets.md)
//	quickExit: true                # show the "leave this page quickly" button
//	params:                        # anything else, for templates: {{ .Page.Params.phase }}
//	  phase: middle
//	---
//
// Any other key is an error that names the key and its line.
//
// # Sections and URLs
//
// A folder is a section, and its _index.md is the section's own page. URLs are "pretty":
// content/phases/middle.md is served as phases/middle/index.html, at /phases/middle/;
// content/phases/_index.md at /phases/; content/_index.md is the home page at /.
// Files in content/ that are not Markdown (images, PDFs) are copied beside the pages.
//
// Navigation comes from the tree: the menu lists the top level (or site.yaml's menu),
// each page has breadcrumbs up to the home page, and previous/next links within its
// section, in order of weight and then title.
package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/iptsite/iptsite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Kinds of page.
const (
	KindHome    = "home"
	KindSection = "section"
	KindPage    = "page"
)

// FrontMatter holds the keys a page may set.
type FrontMatter struct {
	Title       string         `yaml:"title"`
	Description string         `yaml:"description"`
	Weight      int            `yaml:"weight"`
	Draft       bool           `yaml:"draft"`
	Slug        string         `yaml:"slug"`
	Aliases     []string       `yaml:"aliases"`
	Layout      string         `yaml:"layout"`
	TOC         bool           `yaml:"toc"`
	Worksheet   bool           `yaml:"worksheet"`
	QuickExit   bool           `yaml:"quickExit"`
	Params      map[string]any `yaml:"params"`
}

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
}

// WorksheetID is the key a worksheet's answers are saved under: its file name without
// .md. A new slug or a translation keeps the id, and so keeps the answers.
func (p *Page) WorksheetID() string {
	if !p.Worksheet {
		return ""
	}
	return strings.TrimSuffix(path.Base(p.Path), ".md")
}

// Depth is the number of folders in the page's URL: 0 for "/", 2 for "/phases/middle/".
func (p *Page) Depth() int { return strings.Count(p.URL, "/") - 1 }

// A Section is a folder of pages.
type Section struct {
	Dir      string // "" for the root, else "phases" or "a/b"
	Index    *Page  // the _index.md page, or a page made up from the folder's name
	Pages    []*Page
	Sections []*Section
	Parent   *Section
}

// Site is every page of a site, arranged in sections.
type Site struct {
	Root  *Section
	Pages []*Page // every page in a stable order: depth-first, in navigation order
	// ByPath finds a page by its path under content/.
	ByPath map[string]*Page
	// ByURL finds a page by its URL.
	ByURL map[string]*Page
	// Files are the non-Markdown files under content/, by path under content/.
	Files []string
}

// Options control Load.
type Options struct {
	Dir    string // the content folder in fsys; default "content"
	Drafts bool   // include draft pages
	// Lang is the language of the pages; URLPrefix ("/es") goes before every URL.
	Lang      string
	URLPrefix string
	// Exclude names folders directly under Dir to leave out (the other languages' trees).
	Exclude []string
}

// Load reads every page under the content folder of fsys.
// It reports every problem it finds, as path:line: message.
func Load(fsys fs.FS, opts Options) (*Site, error) {
	dir := opts.Dir
	if dir == "" {
		dir = "content"
	}
	site := &Site{ByPath: map[string]*Page{}, ByURL: map[string]*Page{}}
	var errs diag.List
	var draftDirs []string
	var files []mdFile
	sections := map[string]*Section{"": {Dir: ""}}
	site.Root = sections[""]
	var section func(d string) *Section
	section = func(d string) *Section {
		if s, ok := sections[d]; ok {
			return s
		}
		parent := section(parentDir(d))
		s := &Section{Dir: d, Parent: parent}
		parent.Sections = append(parent.Sections, s)
		sections[d] = s
		return s
	}

	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Addf(p, 0, "%v", unwrapPathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, dir), "/")
		if d.IsDir() && slices.Contains(opts.Exclude, rel) {
			return fs.SkipDir
		}
		if d.IsDir() {
			if rel != "" {
				section(rel)
			}
			return nil
		}
		if !strings.HasSuffix(name, ".md") {
			site.Files = append(site.Files, rel)
			return nil
		}
		files = append(files, mdFile{path: p, rel: rel})
		return nil
	})
	if err != nil {
		errs.Addf(dir, 0, "%v", err)
	}

	// Read and parse the pages on every CPU, then arrange them in the walk's order.
	parse(fsys, files)
	for _, f := range files {
		errs = append(errs, f.errs...)
		page, rel, name := f.page, f.rel, path.Base(f.rel)
		if page != nil && page.Draft && !opts.Drafts && name == "_index.md" && rel != "_index.md" {
			draftDirs = append(draftDirs, parentDir(rel))
		}
		if page == nil || (page.Draft && !opts.Drafts) {
			continue
		}
		page.Path = rel
		page.Lang = opts.Lang
		d0 := parentDir(rel)
		if name == "_index.md" {
			s := section(d0)
			page.Own = s
			s.Index = page
			if d0 == "" {
				page.Kind = KindHome
			} else {
				page.Kind = KindSection
				page.Section = s.Parent
			}
		} else {
			page.Kind = KindPage
			s := section(d0)
			page.Section = s
			s.Pages = append(s.Pages, page)
		}
		site.ByPath[rel] = page
	}

	// A section whose _index.md is a draft is left out whole, with its pages.
	for _, d := range draftDirs {
		s := sections[d]
		for p := range site.ByPath {
			if strings.HasPrefix(p, d+"/") {
				delete(site.ByPath, p)
			}
		}
		for k := range sections {
			if k == d || strings.HasPrefix(k, d+"/") {
				delete(sections, k)
			}
		}
		if s != nil && s.Parent != nil {
			s.Parent.Sections = slices.DeleteFunc(s.Parent.Sections, func(c *Section) bool { return c == s })
		}
	}

	// Sections without an _index.md get a page named after the folder.
	for d, s := range sections {
		if s.Index == nil {
			title := "Home"
			kind := KindHome
			if d != "" {
				title = titleFromDir(path.Base(d))
				kind = KindSection
			}
			p := &Page{FrontMatter: FrontMatter{Title: title}, Kind: kind, Own: s, Path: path.Join(d, "_index.md"), Lang: opts.Lang}
			p.File = path.Join(dir, p.Path)
			if kind == KindSection {
				p.Section = s.Parent
			}
			s.Index = p
			site.ByPath[p.Path] = p
		}
	}

	// URLs, and pages that claim the same one.
	claimed := map[string]*Page{}
	for _, p := range sortedPages(site.ByPath) {
		p.URL = opts.URLPrefix + pageURL(p)
		claim := func(u string, line int, what string) {
			if other, ok := claimed[u]; ok && other != p {
				errs.Addf(p.File, line, "%s %s is also the URL of %s", what, u, other.File)
				return
			}
			claimed[u] = p
		}
		claim(p.URL, p.Line("slug"), "URL")
		site.ByURL[p.URL] = p
		for _, a := range p.Aliases {
			u := "/" + strings.Trim(a, "/") + "/"
			if u == "//" {
				u = "/"
			}
			claim(u, p.Line("aliases"), "alias")
		}
	}

	// Order and link the tree.
	var walk func(s *Section)
	walk = func(s *Section) {
		sortPages(s.Pages)
		sort.SliceStable(s.Sections, func(i, j int) bool { return less(s.Sections[i].Index, s.Sections[j].Index) })
		site.Pages = append(site.Pages, s.Index)
		for i, p := range s.Pages {
			if i > 0 {
				p.Prev = s.Pages[i-1]
			}
			if i+1 < len(s.Pages) {
				p.Next = s.Pages[i+1]
			}
			site.Pages = append(site.Pages, p)
		}
		for _, c := range s.Sections {
			walk(c)
		}
	}
	walk(site.Root)
	return site, errs.Err()
}

// An mdFile is a page's file, and what reading it gave.
type mdFile struct {
	path, rel string
	page      *Page
	errs      diag.List
}

// parse reads and parses files on as many goroutines as there are CPUs.
func parse(fsys fs.FS, files []mdFile) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				f := &files[i]
				data, err := fs.ReadFile(fsys, f.path)
				if err != nil {
					f.errs.Addf(f.path, 0, "%v", unwrapPathError(err))
					continue
				}
				f.page, f.errs = Parse(f.path, data)
			}
		}()
	}
	wg.Wait()
}

// knownKeys are the front-matter keys, from FrontMatter's yaml tags.
var knownKeys = func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[FrontMatter]()
	for i := range t.NumField() {
		keys[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = true
	}
	return keys
}()

// Parse reads one page's front matter. file is the path to name in errors.
// Parse returns a nil page only when the front matter cannot be read at all.
func Parse(file string, data []byte) (*Page, diag.List) {
	var errs diag.List
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		errs.Addf(file, 1, "missing front matter: start the file with a line \"---\", then title: …, then \"---\"")
		return nil, errs
	}
	start := bytes.IndexByte(data, '\n') + 1
	end, after := -1, -1
	for i := start; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		line := data[i:]
		next := len(data)
		if j >= 0 {
			line = data[i : i+j]
			next = i + j + 1
		}
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			end, after = i, next
			break
		}
		i = next
	}
	if end < 0 {
		errs.Addf(file, 1, "front matter is not closed: add a line \"---\" after it")
		return nil, errs
	}
	p := &Page{File: file, Lines: map[string]int{}}
	// One YAML parse: into a node, whose keys give their lines and are checked against
	// the known ones. Only a front matter that fails is decoded again, strictly, to word
	// every one of its problems with its line.
	var node yaml.Node
	ok := yaml.Unmarshal(data[start:end], &node) == nil && len(node.Content) == 1 && node.Content[0].Kind == yaml.MappingNode
	if ok {
		m := node.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i].Value
			ok = ok && knownKeys[k]
			p.Lines[k] = m.Content[i].Line + 1
		}
		ok = ok && m.Decode(&p.FrontMatter) == nil
	}
	if !ok {
		p.FrontMatter = FrontMatter{}
		if e := diag.DecodeYAML(file, 2, data[start:end], &p.FrontMatter); e != nil {
			return nil, e
		}
	}
	if strings.TrimSpace(p.Title) == "" {
		errs.Addf(file, 1, "title is required in the front matter")
	}
	if p.Slug != "" && (strings.ContainsAny(p.Slug, "/\\?#% ") || p.Slug == "." || p.Slug == "..") {
		errs.Addf(file, p.Line("slug"), "slug %q must be one URL segment, without / ? # %% or spaces", p.Slug)
	}
	for _, a := range p.Aliases {
		if strings.Contains(a, "://") || strings.ContainsAny(a, "?#") || strings.Contains(a, "..") {
			errs.Addf(file, p.Line("aliases"), "alias %q must be a path on this site, such as /old/page/", a)
		}
	}
	src := make([]byte, len(data))
	copy(src, data)
	for i := 0; i < after; i++ {
		if src[i] != '\n' {
			src[i] = ' '
		}
	}
	p.Source = src
	return p, errs
}

// Line returns the line of a front-matter key, or 1 (the top of the file) when the key is not set.
func (p *Page) Line(key string) int {
	if l, ok := p.Lines[key]; ok {
		return l
	}
	return 1
}

// sectionURL is the URL of a section: its parent's URL and its own slug or folder name.
func sectionURL(s *Section) string {
	if s.Parent == nil {
		return "/"
	}
	seg := path.Base(s.Dir)
	if s.Index != nil && s.Index.Slug != "" {
		seg = s.Index.Slug
	}
	return sectionURL(s.Parent) + seg + "/"
}

func pageURL(p *Page) string {
	if p.Own != nil {
		return sectionURL(p.Own)
	}
	slug := p.Slug
	if slug == "" {
		slug = strings.TrimSuffix(path.Base(p.Path), ".md")
	}
	return sectionURL(p.Section) + slug + "/"
}

func parentDir(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d
}

func titleFromDir(name string) string {
	name = strings.ReplaceAll(name, "-", " ")
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

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

func sortedPages(m map[string]*Page) []*Page {
	ps := make([]*Page, 0, len(m))
	for _, p := range m {
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Path < ps[j].Path })
	return ps
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
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
