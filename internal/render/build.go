package render

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/diag"
	"github.com/iptsite/iptsite/internal/i18n"
	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/offline"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/iptsite/iptsite/internal/worksheet"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Options control a build.
type Options struct {
	// Source holds site.yaml, i18n/, content/, templates/ and static/.
	Source fs.FS
	// BaseURL, when set, overrides site.yaml's baseURL.
	BaseURL string
	// Drafts includes pages marked draft: true.
	Drafts bool
	// NoMinify leaves HTML, CSS, JS, SVG, JSON and XML as written.
	NoMinify bool
	// Portable makes links end in index.html (also site.yaml's portable: true).
	Portable bool
	// LiveReload adds the development server's reload script to every page.
	LiveReload bool
	// Facts keeps what each page's source holds, with lines, in Result.Facts, for
	// iptsite check. Without it a Session finds them when asked (Session.Facts).
	Facts bool
	// Cache, when not nil, keeps between builds what a build makes the same way from
	// the same input (see cachework.go); nil makes everything.
	Cache *cache.Cache
	// Loaded, when not nil, is called once every language's pages are read, with how
	// many there are, before any is rendered: the command sizes its memory limit by it.
	Loaded func(pages int)
}

// Result tells what a build made.
type Result struct {
	Pages      int
	Worksheets int
	Files      int
	Duration   time.Duration
	Site       *content.Site            // the pages of the main language
	Search     []SearchIndex            // the search index of each language that has a search page
	Sites      map[string]*content.Site // the pages of each language, by tag
	Config     *config.Site
	Facts      map[*content.Page]*Facts // what each page's source holds, with lines (facts.go)
}

// Summary is the one line the command prints after a good build.
func (r *Result) Summary() string {
	s := fmt.Sprintf("built %d pages (%d worksheets), %d files in %v",
		r.Pages, r.Worksheets, r.Files, r.Duration.Round(time.Millisecond))
	if len(r.Search) > 0 {
		var ixs []string
		for _, ix := range r.Search {
			ixs = append(ixs, ix.String())
		}
		s += "; search index " + strings.Join(ixs, ", ")
	}
	return s
}

// counter counts the files written through it and keeps a content hash of each,
// which the service worker's list of files is made from (see package offline).
type counter struct {
	output.Writer
	mu     sync.Mutex
	n      int
	hashes map[string]string // file name -> offline.Hash of what was last written
}

func (c *counter) WriteFile(name string, data []byte) error {
	return c.writeHashed(name, data, offline.Hash(data))
}

// writeHashed is WriteFile given the offline.Hash of data.
func (c *counter) writeHashed(name string, data []byte, h string) error {
	c.mu.Lock()
	c.n++
	if c.hashes == nil {
		c.hashes = map[string]string{}
	}
	c.hashes[name] = h
	c.mu.Unlock()
	return c.Writer.WriteFile(name, data)
}

// run is the state shared by every language of one build.
type run struct {
	opts    Options
	src     fs.FS
	out     *counter
	siteCSS []byte  // css/site.css as written, for the 404 page (extras.go)
	work    workers // during build
	min     *minifier
	assets  map[string]string  // static path -> fingerprinted path
	joined  map[string]*joined // the scripts written for each page's fields (scripts.go)
	base    *config.Site       // site.yaml as written, for the main language
	langs   []*builder         // the main language first
	anchors map[*content.Page]map[string]bool
	fields  map[*content.Page][]string // each worksheet's field ids, in order
	// each main-language worksheet's fields, which its translations store their answers by
	sheetFields map[*content.Page][]*worksheet.Field
	facts       map[*content.Page]*Facts
	questions   map[*content.Page][]question // each worksheet's fields, in order (questions.go)
	// the pages that list worksheets' questions, to render again when a worksheet changes
	asksQuestions map[*content.Page]bool

	mu    sync.Mutex
	errs  diag.List
	frags []fragment
	// each page's Markdown HTML, kept under iptsite serve so that a template's edit
	// executes the templates again without converting the Markdown (session.go)
	bodies map[*content.Page]body
}

// builder builds the pages of one language.
type builder struct {
	*run
	lang   string
	cfg    *config.Site // site.yaml with the language's own settings
	str    *i18n.Strings
	site   *content.Site
	md     goldmark.Markdown
	tmpl   *templates
	files  map[string]struct{} // non-Markdown files under the language's content folder
	menu   []*content.Page
	footer []*content.Page // the top-level pages not in the menu
	sheets []*content.Page
	qr     map[*content.Page]template.HTML
	search searchState // the text of the pages, for the search index (search.go)
	// every worksheet of the language is rendered: its questions are all known
	sheetsDone bool
}

// Build builds the site in opts.Source and writes it to w. On error, the caller
// should throw away what was written: the error lists every problem found.
func Build(opts Options, w output.Writer) (*Result, error) {
	_, res, err := Start(opts, w)
	return res, err
}

func newRun(opts Options, w output.Writer) *run {
	return &run{opts: opts, src: source.Once(opts.Source), out: &counter{Writer: w}, joined: map[string]*joined{},
		anchors: map[*content.Page]map[string]bool{}, fields: map[*content.Page][]string{},
		questions: map[*content.Page][]question{},
		facts:     map[*content.Page]*Facts{}}
}

// result tells what the run made, started at start.
func (r *run) result(start time.Time) *Result {
	res := &Result{Files: r.out.n, Duration: time.Since(start), Site: r.langs[0].site, Config: r.base,
		Sites: map[string]*content.Site{}, Facts: maps.Clone(r.facts)} // a Session changes r.facts
	for _, b := range r.langs {
		res.Sites[b.lang] = b.site
		if ix := b.search.index; ix != nil {
			res.Search = append(res.Search, *ix)
		}
		for _, p := range b.site.Pages {
			res.Pages++
			if p.Worksheet {
				res.Worksheets++
			}
		}
	}
	return res
}

func (b *run) fail(err error) {
	b.mu.Lock()
	b.errs.Add(err)
	b.mu.Unlock()
}

func (b *run) failf(path string, line int, format string, args ...any) {
	b.fail(diag.Errorf(path, line, format, args...))
}

// settings loads site.yaml, with what the build's options set over it.
func (r *run) settings() (*config.Site, error) {
	cfg, err := config.Load(r.src)
	if err != nil {
		return nil, err
	}
	if r.opts.BaseURL != "" {
		cfg.BaseURL = strings.TrimSuffix(r.opts.BaseURL, "/") + "/"
	}
	if r.opts.Portable {
		cfg.Portable = true
	}
	return cfg, nil
}

func (r *run) build() error {
	cfg, err := r.settings()
	if err != nil {
		return err
	}
	r.base = cfg
	r.work = startWorkers()
	defer func() {
		close(r.work)
		r.work = nil // a Session's later updates make their own
	}()
	r.min = newMinifier(!r.opts.NoMinify)
	r.min.cache = r.opts.Cache

	// The static files, and each language's strings and templates, need nothing of the
	// pages: they are made on goroutines of their own while the pages are read.
	var prep sync.WaitGroup
	prep.Go(func() { r.assets = r.copyStatic() })
	type language struct {
		b     *builder
		opts  content.Options
		ready chan bool // the strings and templates are made: whether the language can be built
	}
	var langs []language
	// templates/, parsed once for every language by the main one, with its strings loaded:
	// escaping executes the templates, and {{t}} reads them.
	var set *tmplSet
	parsed := make(chan struct{})
	others := cfg.Langs()[1:]
	for i, lang := range cfg.Langs() {
		opts := content.Options{Drafts: r.opts.Drafts, Lang: lang, Exclude: others}
		if i > 0 {
			// A language without pages is not built: a site that keeps the default
			// site.yaml but writes its own content/ has no content/es/.
			if fi, err := fs.Stat(r.src, "content/"+lang); err != nil || !fi.IsDir() {
				continue
			}
			opts = content.Options{Drafts: r.opts.Drafts, Lang: lang, Dir: "content/" + lang, URLPrefix: "/" + lang}
		}
		l := language{&builder{run: r, lang: lang, cfg: cfg.For(lang)}, opts, make(chan bool, 1)}
		if i == 0 {
			prep.Go(func() {
				ok := l.b.prepare(func() *tmplSet { set = l.b.cachedTemplates(); return set })
				close(parsed)
				l.ready <- ok
			})
		} else {
			prep.Go(func() { l.ready <- l.b.prepare(func() *tmplSet { <-parsed; return set }) })
		}
		langs = append(langs, l)
	}
	// Every problem found is reported, and none after the build returns.
	stop := func() error {
		prep.Wait()
		return r.errs.Err()
	}
	for i, l := range langs {
		if i > 0 {
			l.opts.Original = r.langs[0].site
		}
		if !l.b.load(l.opts, i == 0, l.ready) {
			return stop()
		}
		r.langs = append(r.langs, l.b)
	}
	prep.Wait()
	r.checkLogo()
	for _, b := range r.langs {
		if b.tmpl == nil {
			return r.errs.Err()
		}
	}
	if r.opts.Loaded != nil {
		n := 0
		for _, b := range r.langs {
			n += len(b.site.Pages)
		}
		r.opts.Loaded(n)
	}
	// The main language's worksheets first: a translation stores its answers by their
	// fields. Then its other pages and the other languages, side by side.
	// Each language's search index as soon as its pages are done.
	sheets := make(chan struct{})
	var rendering sync.WaitGroup
	rendering.Go(func() {
		r.langs[0].renderPages(func() { close(sheets) })
		r.langs[0].writeSearch()
	})
	for _, b := range r.langs[1:] {
		rendering.Go(func() {
			<-sheets
			b.renderPages(nil)
			b.writeSearch()
		})
	}
	rendering.Wait()
	r.checkFragments()
	r.checkTranslations()
	r.writeExtras()
	r.checkPolicy()
	r.writeOffline() // last: sw.js lists every file written before it
	r.writeHosting() // after sw.js, which must not list the host's own files
	return r.errs.Err()
}

// prepare reads the strings of one language and compiles its templates, once parsed
// (by the main language). It reports false when the language cannot be built at all.
func (b *builder) prepare(parsed func() *tmplSet) bool {
	str, err := i18n.Load(b.src, b.lang)
	b.fail(err)
	if str == nil {
		return false
	}
	b.str = str
	b.tmpl = b.templatesOf(parsed())
	return true
}

// load reads the pages of one language and, once ready tells its strings and templates
// are made (prepare), sets up the rest. It reports false when the language cannot be
// built at all.
func (b *builder) load(opts content.Options, main bool, ready <-chan bool) bool {
	site, err := content.Load(b.src, opts)
	b.fail(err)
	b.site = site
	b.files = map[string]struct{}{}
	for _, f := range site.Files {
		b.files[strings.TrimPrefix(opts.URLPrefix+"/"+f, "/")] = struct{}{}
	}
	if main {
		b.checkQuickExitPages()
	}
	if !<-ready {
		return false
	}
	b.tmpl = b.checkLayouts(b.tmpl)
	b.md = b.markdown(b.opts.Facts)
	b.menu, b.footer = b.menuPages()
	b.checkCards()
	for _, p := range site.Pages {
		if p.Worksheet {
			b.sheets = append(b.sheets, p)
			// The same rule as the import of answers in the browser: a worksheet whose
			// answers could not be imported again is refused here.
			if err := worksheet.CheckID(p.WorksheetID()); err != nil && p.ID != "" {
				b.failf(p.File, p.IDLine(), "%v", err)
			} else if err != nil {
				b.failf(p.File, p.IDLine(), "%v (made from the file name); set another with id: in the front matter", err)
			}
		}
	}
	b.qr = b.qrCodes()
	return true
}

// markdown returns the language's Markdown converter, which collects each page's facts
// when facts is true.
func (b *builder) markdown(facts bool) goldmark.Markdown {
	return markdown.New(markdown.Options{
		T:          b.str.T,
		Extensions: []goldmark.Extender{worksheet.New(worksheet.Options{T: b.str.T})},
		Facts:      facts,
	})
}

// renderPages renders every page, on as many goroutines as there are CPUs: the
// worksheets first, so that every other page may list their questions; then it calls
// sheetsDone, when not nil.
func (b *builder) renderPages(sheetsDone func()) {
	var sheets, rest []*content.Page
	for _, p := range b.site.Pages {
		if p.Worksheet {
			sheets = append(sheets, p)
		} else {
			rest = append(rest, p)
		}
	}
	b.renderAll(sheets)
	b.sheetsDone = true
	if sheetsDone != nil {
		sheetsDone()
	}
	b.checkNextSession()
	// A worksheet that lists the others' questions (My next session) saw only those
	// rendered before it: render it again, now that all are.
	var again []*content.Page
	b.mu.Lock() // another language may be rendering
	for _, p := range sheets {
		if b.asksQuestions[p] {
			again = append(again, p)
			b.frags = slices.DeleteFunc(b.frags, func(f fragment) bool { return f.file == p.File })
		}
	}
	b.mu.Unlock()
	b.renderAll(again)
	b.renderAll(rest)
	dir, prefix := b.contentDir(), ""
	if b.lang != b.base.Language {
		prefix = b.lang + "/"
	}
	for _, f := range b.site.Files {
		data, err := fs.ReadFile(b.src, path.Join(dir, f))
		if err != nil {
			b.failf(path.Join(dir, f), 0, "%v", err)
			continue
		}
		b.write(prefix+f, data)
	}
}

// renderAll renders pages on the build's workers, one per CPU.
func (b *builder) renderAll(ps []*content.Page) {
	b.each(len(ps), func(i int, buf *bytes.Buffer) { b.renderPage(ps[i], buf) })
}

// workers are goroutines, one per CPU, that render pages and read them for the search
// index, for a whole build. Rendering a page takes a goroutine's stack to tens of KB
// (goldmark's recursion and the templates'), and a stack starts at a few and grows by
// doubling, each time a copy that walks every frame: goroutines made anew for each batch
// of pages paid that again and again, 3–4 % of the default site's build.
type workers chan func(*bytes.Buffer)

func startWorkers() workers {
	w := make(workers)
	for range runtime.GOMAXPROCS(0) {
		go func() {
			var buf bytes.Buffer
			for task := range w {
				buf.Reset()
				task(&buf)
			}
		}()
	}
	return w
}

// each runs f(i, buf) for i from 0 to n-1 on the build's workers, or on workers of its
// own outside a build, and returns when all have run; buf is the worker's, to reuse. f
// must not call each.
func (r *run) each(n int, f func(i int, buf *bytes.Buffer)) {
	w := r.work
	if w == nil {
		w = startWorkers()
		defer close(w)
	}
	var wg sync.WaitGroup
	wg.Add(n)
	for i := range n {
		w <- func(buf *bytes.Buffer) {
			defer wg.Done()
			f(i, buf)
		}
	}
	wg.Wait()
}

func (b *builder) renderPage(p *content.Page, buf *bytes.Buffer) {
	pc, doc, frags := b.parse(p)
	fields, werrs := worksheet.Result(pc)
	for _, e := range werrs {
		b.failf(p.File, e.Line, "%s", e.Msg)
	}
	anchors := map[string]bool{}
	var ids []string
	for _, f := range fields {
		anchors[f.ID] = true
		ids = append(ids, f.ID)
	}
	headings := markdown.Headings(doc, p.Source)
	for _, h := range headings {
		if anchors[h.ID] {
			b.failf(p.File, 0, "heading id %q is also a field id: rename the field or the heading", h.ID)
		}
		anchors[h.ID] = true
	}
	// goldmark wraps a writer that is not buffered in a new 4 KB bufio.Writer: reuse one.
	bw := bufWriters.Get().(*bufio.Writer)
	bw.Reset(buf)
	err := b.md.Renderer().Render(bw, p.Source, doc)
	bw.Reset(nil)
	bufWriters.Put(bw)
	if err != nil {
		b.failf(p.File, 0, "rendering markdown: %v", err)
		return
	}
	b.mu.Lock()
	b.anchors[p] = anchors
	if b.opts.Facts {
		b.facts[p] = newFacts(markdown.FactsOf(pc), fields)
	}
	if p.Worksheet {
		b.fields[p] = ids
		b.questions[p] = questionsOf(fields)
		if b == b.langs[0] {
			if b.sheetFields == nil {
				b.sheetFields = map[*content.Page][]*worksheet.Field{}
			}
			b.sheetFields[p] = fields
		}
	}
	b.frags = append(b.frags, frags...)
	b.mu.Unlock()

	d := b.data(p, p.URL)
	if p.TOC {
		for _, h := range headings {
			if h.Level == 2 || h.Level == 3 {
				d.TOC = append(d.TOC, h)
			}
		}
	}
	d.Content = b.body(p, buf.Bytes())
	b.keepBody(p, d.Content, d.TOC)
	b.emit(p, d)
}

// parse parses the page's Markdown with b.md, and returns its parser context (which
// holds its fields and facts), its tree, and the links to other pages' parts it found.
func (b *builder) parse(p *content.Page) (parser.Context, ast.Node, []fragment) {
	pc := parser.NewContext(parser.WithIDs(markdown.NewIDs()))
	worksheet.Begin(pc, p.WorksheetID())
	worksheet.WithCrisis(pc, func() string { return b.crisisAlert(p) })
	if main := b.langs[0]; p.Worksheet && b != main {
		if o := main.site.ByPath[p.Path]; o != nil && o.Worksheet {
			b.mu.Lock()
			orig := b.sheetFields[o] // the main language is rendered first
			b.mu.Unlock()
			if orig != nil {
				worksheet.Translation(pc, orig, o.File)
			}
		}
	}
	var frags []fragment
	markdown.WithBlocks(pc, b.blocks(p))
	markdown.WithResolver(pc, func(dest string, line int, image bool) string {
		d, f := b.resolve(p, dest, line, image)
		if f != nil {
			frags = append(frags, *f)
		}
		return d
	})
	return pc, markdown.Parse(b.md, p.Source, pc), frags
}

var bufWriters = sync.Pool{New: func() any { return bufio.NewWriter(nil) }}

// layout names the template a page is rendered with.
func (b *builder) layout(p *content.Page) string {
	switch {
	case p.Layout != "":
		return p.Layout
	case p.Worksheet:
		return "worksheet"
	case p.Kind == content.KindHome:
		return "home"
	case p.Kind == content.KindSection:
		return "section"
	}
	return "page"
}

func (b *run) write(name string, data []byte) {
	if err := b.out.WriteFile(name, data); err != nil {
		b.fail(err)
	}
}

// writeSummed is write given the SHA-256 of data.
func (b *run) writeSummed(name string, data []byte, sum [sha256.Size]byte) {
	if err := b.out.writeHashed(name, data, offline.HashOfSum(sum)); err != nil {
		b.fail(err)
	}
}

// maxMenu is the most pages the main menu lists: a short menu that a person in distress
// reads at a glance on a phone; the rest are in the footer.
const maxMenu = 6

// menuPages returns the pages of the main menu and of the footer's list: site.yaml's
// menu, or else the top-level pages by weight, the first six not marked menu: footer;
// the footer lists the other top-level pages.
func (b *builder) menuPages() (menu, footer []*content.Page) {
	root := b.site.Root
	var top []*content.Page
	top = append(top, root.Pages...)
	for _, s := range root.Sections {
		top = append(top, s.Index)
	}
	sort.SliceStable(top, func(i, j int) bool {
		if top[i].Weight != top[j].Weight {
			return top[i].Weight < top[j].Weight
		}
		return top[i].Title < top[j].Title
	})
	if len(b.cfg.Menu) > 0 {
		in := map[*content.Page]bool{}
		for i, m := range b.cfg.Menu {
			line := b.cfg.Line(fmt.Sprintf("menu.%d", i))
			p, ok := b.site.ByPath[strings.TrimPrefix(m, "/")]
			switch {
			case !ok:
				b.failf(config.File, line, "menu: no page content/%s", m)
			case i == maxMenu:
				b.failf(config.File, line, "menu: at most %d pages; the other top-level pages are listed in the footer", maxMenu)
			case i < maxMenu:
				menu = append(menu, p)
				in[p] = true
			}
		}
		for _, p := range top {
			if !in[p] {
				footer = append(footer, p)
			}
		}
		return menu, footer
	}
	for _, p := range top {
		if p.Menu != content.MenuFooter && len(menu) < maxMenu {
			menu = append(menu, p)
		} else {
			footer = append(footer, p)
		}
	}
	return menu, footer
}

func (b *builder) checkQuickExitPages() {
	for i, p := range b.cfg.QuickExit.Pages {
		if _, ok := b.site.ByPath[strings.TrimPrefix(p, "/")]; !ok {
			b.failf(config.File, b.cfg.Line(fmt.Sprintf("quickExit.pages.%d", i)), "quickExit: no page content/%s", p)
		}
	}
}

func (b *builder) quickExit(p *content.Page) bool {
	if p.QuickExit {
		return true
	}
	for _, q := range b.cfg.QuickExit.Pages {
		if strings.TrimPrefix(q, "/") == p.Path {
			return true
		}
	}
	return false
}
