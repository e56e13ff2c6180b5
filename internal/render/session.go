package render

import (
	"bytes"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/iptsite/iptsite/internal/worksheet"
)

// A Session is a build that can be brought up to date after a change, for iptsite serve.
// When only the Markdown body of existing pages changed, Update re-renders those pages
// and what is made from every page (the search index). When only templates changed, or
// only site.yaml keys that reach the pages through their templates alone (see
// settingsOnly), it executes the templates again around each page's kept Markdown HTML.
// Any other change (another site.yaml key, a static file, a page's front matter, a page
// added or removed) builds everything again, since menus, lists and links may depend on it.
type Session struct {
	opts  Options
	r     *run
	dirty bool // the last update failed: build everything next time
}

// Start builds the site into w and keeps what an Update needs.
func Start(opts Options, w output.Writer) (*Session, *Result, error) {
	start := time.Now()
	r := newRun(opts, w)
	if err := r.build(); err != nil {
		return &Session{opts: opts, dirty: true}, nil, err
	}
	return &Session{opts: opts, r: r}, r.result(start), nil
}

// Facts returns what each page's source holds, with lines, as Result.Facts does under
// Options.Facts. A session started without them finds them now, parsing each page's
// Markdown again as the build did, and keeps them from then on: iptsite serve serves its
// first build sooner without them, and its check reads them once the site is served.
// Facts must not run beside Update; it returns nil when the last update failed.
func (s *Session) Facts() map[*content.Page]*Facts {
	r := s.r
	if r == nil || s.dirty {
		return nil
	}
	if !r.opts.Facts {
		errs := r.errs // the build was good: parsing the same sources again finds nothing new
		for _, b := range r.langs {
			b.md = b.markdown(true)
			pages := b.site.Pages
			found := make([]*Facts, len(pages))
			r.each(len(pages), func(i int, _ *bytes.Buffer) {
				pc, _, _ := b.parse(pages[i])
				fields, _ := worksheet.Result(pc)
				found[i] = newFacts(markdown.FactsOf(pc), fields)
			})
			for i, p := range pages {
				r.facts[p] = found[i]
			}
		}
		r.errs = errs
		r.opts.Facts, s.opts.Facts = true, true
	}
	return maps.Clone(r.facts)
}

// Update brings the build up to date after the files named in changed (slash-separated
// paths in the source, such as "content/phases/middle.md") changed, and returns the new
// output: prev with the re-rendered pages written over it, or a whole new build. It
// reports whether everything was built again. prev itself is not changed.
func (s *Session) Update(changed []string, prev *output.Memory) (out *output.Memory, res *Result, full bool, err error) {
	start := time.Now()
	if s.r != nil {
		// An update is one edit of many: a search index kept for each would fill the cache.
		s.r.opts.Cache = nil
		s.r.src = source.Once(s.opts.Source) // the files as they are now
	}
	if s.templatesOnly(changed) {
		out, res, err := s.retemplate(prev, start)
		return out, res, false, err
	}
	if cfg := s.settingsOnly(changed); cfg != nil {
		s.r.base = cfg
		for _, b := range s.r.langs {
			b.cfg = cfg.For(b.lang)
		}
		out, res, err := s.retemplate(prev, start)
		if err == nil {
			// retemplate wrote into out; the manifests carry the title and description too
			s.r.writeManifests()
			if err = s.r.errs.Err(); err != nil {
				s.dirty = true
				return nil, nil, false, err
			}
		}
		return out, res, false, err
	}
	pages := s.changedBodies(changed)
	if pages == nil {
		out = output.NewMemory()
		ns, res, err := Start(s.opts, out)
		*s = *ns
		return out, res, true, err
	}
	out = prev.Clone()
	r := s.r
	r.out = &counter{Writer: out}
	r.errs = nil
	for p := range pages {
		r.frags = slices.DeleteFunc(r.frags, func(f fragment) bool { return f.file == p.File })
	}
	sheet := false
	for p, b := range pages {
		var buf bytes.Buffer
		b.renderPage(p, &buf)
		sheet = sheet || p.Worksheet
	}
	if sheet { // its questions may have changed: render the pages that list them again
		for p := range r.asksQuestions {
			if _, done := pages[p]; !done {
				if _, b := r.page(p.File); b != nil {
					var buf bytes.Buffer
					b.renderPage(p, &buf)
				}
			}
		}
	}
	r.writeSearch()
	r.checkFragments()
	r.checkTranslations()
	r.checkPolicy()
	if err := r.errs.Err(); err != nil {
		s.dirty = true
		return nil, nil, false, err
	}
	return out, r.result(start), false, nil
}

// A body is what a page's Markdown made, which its templates are executed around.
type body struct {
	content template.HTML // as the page has it (see builder.body)
	toc     []markdown.Heading
}

// keepBody keeps the page's Markdown HTML, as the page has it, when the build is a
// Session's (serve): the templates can run again around it without goldmark.
func (b *builder) keepBody(p *content.Page, html template.HTML, toc []markdown.Heading) {
	if !b.opts.LiveReload {
		return
	}
	b.mu.Lock()
	if b.bodies == nil {
		b.bodies = map[*content.Page]body{}
	}
	b.bodies[p] = body{html, toc}
	b.mu.Unlock()
}

// templatesOnly reports whether every changed file is a template, which the pages are
// executed with but their Markdown is not converted with.
func (s *Session) templatesOnly(changed []string) bool {
	if s.dirty || s.r == nil || s.r.bodies == nil || len(changed) == 0 {
		return false
	}
	for _, name := range changed {
		if !strings.HasPrefix(name, "templates/") || path.Ext(name) != ".html" {
			return false
		}
	}
	return true
}

// settingsOnly returns the new settings when site.yaml is the only file changed and
// each key that changed reaches the pages through their templates and the app manifests
// alone: the titles and descriptions, the footer, the clinic's details but its logo (an
// asset, and the app icon), the lock's idle time, the checker's settings, the languages'
// names. It returns nil for any other change: the crisis lines (a worksheet's alert is
// made with its Markdown), the menu, the addresses, the colour, the languages themselves.
func (s *Session) settingsOnly(changed []string) *config.Site {
	if s.dirty || s.r == nil || s.r.bodies == nil || len(changed) != 1 || changed[0] != config.File {
		return nil
	}
	cfg, err := s.r.settings()
	if err != nil {
		return nil // a whole build reports it
	}
	// What is left of each, without those keys, must be the same.
	rest := func(c config.Site) config.Site {
		c.Title, c.Description, c.Footer, c.LockIdle, c.LanguageName = "", "", "", 0, ""
		c.Check, c.Lines = config.CheckConfig{}, nil
		c.Clinic = config.Clinic{Logo: c.Clinic.Logo}
		langs := map[string]config.Language{}
		for tag, l := range c.Languages {
			langs[tag] = config.Language{Crisis: l.Crisis}
		}
		c.Languages = langs
		return c
	}
	if !reflect.DeepEqual(rest(*s.r.base), rest(*cfg)) {
		return nil
	}
	return cfg
}

// retemplate loads the templates again and executes them for every page around the
// Markdown HTML it kept, then writes what is made with templates (the search pages, the
// 404 page). Content, Markdown, static files, icons and the offline files stay as built.
func (s *Session) retemplate(prev *output.Memory, start time.Time) (*output.Memory, *Result, error) {
	out := prev.Clone()
	r := s.r
	r.out = &counter{Writer: out}
	r.errs = nil
	set := r.langs[0].parseAll()
	for _, b := range r.langs {
		b.tmpl = b.checkLayouts(b.templatesOf(set))
		if b.tmpl == nil {
			s.dirty = true
			return nil, nil, r.errs.Err()
		}
	}
	for _, b := range r.langs {
		var pages []*content.Page
		for _, p := range b.site.Pages {
			if _, ok := r.bodies[p]; ok {
				pages = append(pages, p)
			}
		}
		r.each(len(pages), func(i int, _ *bytes.Buffer) {
			p := pages[i]
			kept := r.bodies[p]
			d := b.data(p, p.URL)
			d.Content, d.TOC = kept.content, kept.toc
			b.emit(p, d)
		})
	}
	r.writeSearch()
	r.writeExtras()
	r.checkPolicy()
	if err := r.errs.Err(); err != nil {
		s.dirty = true
		return nil, nil, err
	}
	return out, r.result(start), nil
}

// changedBodies returns the pages whose files changed, each with its language's builder,
// after loading their new text, or nil when anything else changed.
func (s *Session) changedBodies(changed []string) map[*content.Page]*builder {
	if s.dirty || s.r == nil || len(changed) == 0 {
		return nil
	}
	pages := map[*content.Page]*builder{}
	for _, name := range changed {
		p, b := s.r.page(name)
		if p == nil {
			return nil
		}
		data, err := fs.ReadFile(s.r.src, name)
		if err != nil {
			return nil
		}
		np, errs := content.Parse(p.File, data)
		if np == nil || errs != nil || !reflect.DeepEqual(np.FrontMatter, p.FrontMatter) {
			return nil
		}
		if p.Worksheet && s.r.translated(p) {
			return nil // its translations take their stored words from its fields
		}
		p.Source, p.Lines = np.Source, np.Lines
		pages[p] = b
	}
	return pages
}

// translated reports whether a page of the main language has a translation.
func (r *run) translated(p *content.Page) bool {
	if p.Lang != r.base.Language {
		return false
	}
	for _, b := range r.langs[1:] {
		if _, ok := b.site.ByPath[p.Path]; ok {
			return true
		}
	}
	return false
}

// page finds the page built from the source file name, and its language.
func (r *run) page(name string) (*content.Page, *builder) {
	for _, b := range r.langs {
		dir := b.contentDir() + "/"
		if !strings.HasPrefix(name, dir) {
			continue
		}
		rel := strings.TrimPrefix(name, dir)
		if b.lang == r.base.Language && strings.Contains(rel, "/") {
			if _, other := r.base.Languages[rel[:strings.IndexByte(rel, '/')]]; other {
				continue
			}
		}
		if p, ok := b.site.ByPath[rel]; ok && p.File == name {
			return p, b
		}
	}
	return nil, nil
}
