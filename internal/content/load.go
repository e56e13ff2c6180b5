package content

import (
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/iptsite/iptsite/internal/diag"
)

// The steps of Load, in the order it takes them.

// A loader is the state of one Load, which its steps fill in turn.
type loader struct {
	opts     Options
	dir      string
	site     *Site
	sections map[string]*Section // by folder under dir: "" for the root
	errs     diag.List
}

func newLoader(opts Options) *loader {
	dir := opts.Dir
	if dir == "" {
		dir = "content"
	}
	root := &Section{Dir: ""}
	return &loader{
		opts:     opts,
		dir:      dir,
		site:     &Site{Root: root, ByPath: map[string]*Page{}, ByURL: map[string]*Page{}},
		sections: map[string]*Section{"": root},
	}
}

// section returns the section of folder d, making it, and the sections above it, the
// first time.
func (l *loader) section(d string) *Section {
	if s, ok := l.sections[d]; ok {
		return s
	}
	parent := l.section(parentDir(d))
	s := &Section{Dir: d, Parent: parent}
	parent.Sections = append(parent.Sections, s)
	l.sections[d] = s
	return s
}

// walk lists the Markdown files under the content folder in lexical order, makes a
// section of every folder, and keeps every other file in site.Files. Hidden files and
// folders, and the folders of opts.Exclude, are left out.
func (l *loader) walk(fsys fs.FS) []mdFile {
	var files []mdFile
	err := fs.WalkDir(fsys, l.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.errs.Addf(p, 0, "%v", unwrapPathError(err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		name := d.Name()
		if p != l.dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, l.dir), "/")
		if d.IsDir() && slices.Contains(l.opts.Exclude, rel) {
			return fs.SkipDir
		}
		if d.IsDir() {
			if rel != "" {
				l.section(rel)
			}
			return nil
		}
		if !strings.HasSuffix(name, ".md") {
			l.site.Files = append(l.site.Files, rel)
			return nil
		}
		files = append(files, mdFile{path: p, rel: rel})
		return nil
	})
	if err != nil {
		l.errs.Addf(l.dir, 0, "%v", err)
	}
	return files
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

// place reports the problems of the files read and puts each page into its section, in
// the walk's order, leaving out drafts (unless opts.Drafts). It returns the folders whose
// _index.md is a draft left out, which go with all their pages.
func (l *loader) place(files []mdFile) (draftDirs []string) {
	for _, f := range files {
		l.errs = append(l.errs, f.errs...)
		page, rel, name := f.page, f.rel, path.Base(f.rel)
		if page != nil && page.Draft && !l.opts.Drafts && name == "_index.md" && rel != "_index.md" {
			draftDirs = append(draftDirs, parentDir(rel))
		}
		if page == nil || (page.Draft && !l.opts.Drafts) {
			continue
		}
		page.Path = rel
		page.Lang = l.opts.Lang
		d := parentDir(rel)
		s := l.section(d)
		if name == "_index.md" {
			page.Own = s
			s.Index = page
			if d == "" {
				page.Kind = KindHome
			} else {
				page.Kind = KindSection
				page.Section = s.Parent
			}
		} else {
			page.Kind = KindPage
			page.Section = s
			s.Pages = append(s.Pages, page)
		}
		l.site.ByPath[rel] = page
	}
	return draftDirs
}

// dropDraftSections leaves out the sections of dirs, with their pages and subsections.
func (l *loader) dropDraftSections(dirs []string) {
	for _, d := range dirs {
		s := l.sections[d]
		for p := range l.site.ByPath {
			if strings.HasPrefix(p, d+"/") {
				delete(l.site.ByPath, p)
			}
		}
		for k := range l.sections {
			if k == d || strings.HasPrefix(k, d+"/") {
				delete(l.sections, k)
			}
		}
		if s != nil && s.Parent != nil {
			s.Parent.Sections = slices.DeleteFunc(s.Parent.Sections, func(c *Section) bool { return c == s })
		}
	}
}

// addMissingIndexes gives every section without an _index.md a page named after its
// folder ("Home" for the root).
func (l *loader) addMissingIndexes() {
	for d, s := range l.sections {
		if s.Index != nil {
			continue
		}
		title := "Home"
		kind := KindHome
		if d != "" {
			title = titleFromDir(path.Base(d))
			kind = KindSection
		}
		p := &Page{FrontMatter: FrontMatter{Title: title}, Kind: kind, Own: s, Path: path.Join(d, "_index.md"), Lang: l.opts.Lang}
		p.File = path.Join(l.dir, p.Path)
		if kind == KindSection {
			p.Section = s.Parent
		}
		s.Index = p
		l.site.ByPath[p.Path] = p
	}
}

// setURLs gives every page its URL, and reports a page whose URL or alias is another
// page's.
func (l *loader) setURLs() {
	claimed := map[string]*Page{}
	for _, p := range sortedPages(l.site.ByPath) {
		if p.Slug == "" && p.Path != "_index.md" {
			if name := path.Base(p.Path); p.Own == nil && segment(strings.TrimSuffix(name, ".md")) == "" {
				l.errs.Addf(p.File, 1, "the file name %q makes no web address: rename the file, or set slug: in its front matter", name)
			} else if name := path.Base(path.Dir(p.Path)); p.Own != nil && segment(name) == "" {
				l.errs.Addf(p.File, 1, "the folder name %q makes no web address: rename the folder, or set slug: in its _index.md", name)
			}
		}
		p.URL = l.opts.URLPrefix + pageURL(p)
		claim := func(u string, line int, what string) {
			if other, ok := claimed[u]; ok && other != p {
				l.errs.Addf(p.File, line, "%s %s is also the URL of %s", what, u, other.File)
				return
			}
			claimed[u] = p
		}
		claim(p.URL, p.Line("slug"), "URL")
		l.site.ByURL[p.URL] = p
		for _, a := range p.Aliases {
			u := "/" + strings.Trim(a, "/") + "/"
			if u == "//" {
				u = "/"
			}
			claim(u, p.Line("aliases"), "alias")
		}
	}
}

// order sorts the pages and subsections of s and those below it, links each page to
// its neighbours in its section, and lists every page in site.Pages, depth first.
func (l *loader) order(s *Section) {
	sortPages(s.Pages)
	sort.SliceStable(s.Sections, func(i, j int) bool { return less(s.Sections[i].Index, s.Sections[j].Index) })
	l.site.Pages = append(l.site.Pages, s.Index)
	for i, p := range s.Pages {
		if i > 0 {
			p.Prev = s.Pages[i-1]
		}
		if i+1 < len(s.Pages) {
			p.Next = s.Pages[i+1]
		}
		l.site.Pages = append(l.site.Pages, p)
	}
	for _, c := range s.Sections {
		l.order(c)
	}
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
