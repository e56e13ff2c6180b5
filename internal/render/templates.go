package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"

	"github.com/iptsite/iptsite/internal/compiled"
	"github.com/iptsite/iptsite/internal/diag"
)

// A tmplSet is templates/ parsed: base.html, the partials and the layouts, in one
// html/template set (see addLayout). The main language parses it, with its functions, and
// escapes it (ready); every language compiles it with its own functions (templatesOf),
// so a site in two languages parses and escapes its templates once. A build with a cache
// keeps the escaped set there, and the next one reads it back (cachedTemplates): then
// root is nil, and trees holds what the pages are compiled from.
type tmplSet struct {
	layouts map[string]string  // the name of each layout's base.html, by layout
	root    *template.Template // every template, or nil for a set from the cache
	trees   map[string]*parse.Tree
	by      *builder // whose functions html/template runs root with

	// When the build minifies, the templates are minified once, here, instead of every
	// page they make; orig returns them as written, to report an error at its line.
	minified bool

	escaped bool         // ready escaped every layout and shared partial
	shared  []string     // the partials pages render with shared, sorted
	mu      sync.RWMutex // html/template escaping a template (which edits it) against compiling
}

// templates are the templates of one language: the set, compiled (package compiled) with
// the language's functions and the text of each {{t "key"}} in place of the call.
type templates struct {
	*tmplSet
	b *builder

	cmu      sync.Mutex // the compiler's
	compiler *compiled.Compiler
	quick    map[string]*quick // each layout's, by layout
	partials sync.Map          // *quick by partial name

	rendered sync.Map // rendered shared partials: a *sharedSet by sharedKey
	noPolicy sync.Map // the layouts reported for pages without the policy (carriesPolicy)

	htmlOnce sync.Once
	htmlTS   *tmplSet // the set parsed with this language's functions, for html/template
	origOnce sync.Once
	origTS   *templates

	// chrome is the size of the last page executed less its Content: with it, a page's
	// buffer is allocated once at about its final size, not grown seven times.
	chrome atomic.Int64
}

const (
	baseName    = "templates/base.html"
	partialsDir = "templates/partials"
)

func (b *builder) funcs() template.FuncMap {
	return template.FuncMap{
		"t": func(key string, pairs ...string) (string, error) {
			return b.str.Format(key, pairs...)
		},
		"shared": b.shared,
		"list":   func(items ...any) []any { return items },
		"has": func(items []any, v any) bool {
			for _, i := range items {
				if i == v {
					return true
				}
			}
			return false
		},
	}
}

// foldStrings has the compiled templates hold each {{t "key"}}'s text; a test turns it
// off to compare.
var foldStrings = true

// templatesOf returns the templates of b's language: set compiled with its functions,
// before the first page when set is escaped already. A worksheet page has a hundred
// {{t "key"}}: each is the language's text, escaped where it stands, in the compiled
// template. A key that is not there is left a call, to fail at its line when a page is
// rendered.
func (b *builder) templatesOf(set *tmplSet) *templates {
	if set == nil {
		return nil
	}
	ts := &templates{tmplSet: set, b: b, quick: map[string]*quick{}}
	ts.compiler = compiled.NewCompiler(set.tree, b.funcs())
	if foldStrings {
		ts.compiler.Fold("t", b.str.Get)
	}
	for name := range set.layouts {
		ts.quick[name] = new(quick)
	}
	if !set.escaped {
		return ts // each is compiled when first run
	}
	layouts := slices.Sorted(maps.Keys(set.layouts))
	for _, name := range layouts {
		ts.quick[name].once.Do(func() { ts.compile(ts.quick[name], set.layouts[name]) })
	}
	for _, name := range set.shared {
		q := new(quick)
		q.once.Do(func() { ts.compile(q, name) })
		ts.partials.Store(name, q)
	}
	return ts
}

// compile compiles the template name for q, unless compiling is off; what it refuses
// html/template runs.
func (ts *templates) compile(q *quick, name string) {
	if !compiling {
		return
	}
	ts.cmu.Lock()
	defer ts.cmu.Unlock()
	ts.mu.RLock()
	defer ts.mu.RUnlock()
	q.compiled, _ = ts.compiler.Compile(name)
}

// escape has html/template escape the template name, if it is not yet: by executing it
// with data that has no fields, so that execution stops at once and prints nothing
// anywhere (a function of ours that takes a page refuses it). An escaping error comes
// again when it is run.
func (s *tmplSet) escape(name string) {
	if s.root == nil {
		return // from the cache: escaped, or not there to compile
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.root.ExecuteTemplate(io.Discard, name, struct{}{})
}

// tree returns the parse tree of the template name, escaped, or nil.
func (s *tmplSet) tree(name string) *parse.Tree {
	if s.root == nil {
		return s.trees[name]
	}
	return compiled.Trees(s.root)(name)
}

// html returns the set that html/template runs for this language: the one parsed with
// its functions. The main language's is the set itself, unless it came from the cache;
// another's is parsed when a page first needs it, which none of the default site does
// (TestCompiledCompiles).
func (ts *templates) html() (*tmplSet, error) {
	if ts.by == ts.b && ts.root != nil {
		return ts.tmplSet, nil
	}
	ts.htmlOnce.Do(func() {
		transform := asWritten
		if ts.minified {
			transform = ts.b.min.template
		}
		ts.htmlTS = ts.b.parseTemplates(func(error) {}, transform)
	})
	if ts.htmlTS == nil {
		return nil, diag.Errorf("templates", 0, "the templates did not parse again for %s", ts.b.lang)
	}
	return ts.htmlTS, nil
}

// runHTML has html/template execute the template name of the language's set.
func (ts *templates) runHTML(buf *bytes.Buffer, name string, data any) error {
	set, err := ts.html()
	if err != nil {
		return err
	}
	return set.root.ExecuteTemplate(buf, name, data)
}

// asWritten is the text of a template file as it is, where parseTemplates takes a
// transform.
func asWritten(text string) string { return text }

// parseAll parses templates/ (base.html, the partials, and one template per layout),
// reports its problems, checks the shared partials and escapes the set.
func (b *builder) parseAll() *tmplSet {
	fail := b.fail
	ready := func(s *tmplSet) *tmplSet {
		if s != nil && !b.checkShared(s, fail) {
			return nil
		}
		if s != nil {
			s.ready()
		}
		return s
	}
	if !b.min.on {
		return ready(b.parseTemplates(fail, asWritten))
	}
	// Minified, the templates are parsed whole minified, for the pages. Where they do not
	// parse, the files are parsed as written, each on its own and then whole, to report
	// each problem at its true line; and where they parse as written, the pages use them.
	// Parsed whole as written also when a page's template fails, to say where (orig).
	if m := b.parseTemplates(func(error) {}, b.min.template); m != nil {
		m.minified = true
		return ready(m)
	}
	if !b.checkTemplates(fail) {
		return nil
	}
	return ready(b.parseTemplates(fail, asWritten))
}

// checkLayouts reports each page whose layout ts lacks, and returns ts.
func (b *builder) checkLayouts(ts *templates) *templates {
	if ts == nil {
		return nil
	}
	for _, p := range b.site.Pages {
		if l := b.layout(p); ts.layouts[l] == "" {
			b.failf(p.File, p.Line("layout"), "unknown layout %q: there is no templates/%s.html", l, l)
		}
	}
	return ts
}

// checkTemplates parses each file of templates/ on its own, as written, and reports its
// problems as parseTemplates would: base.html first, which the others need.
func (b *builder) checkTemplates(fail func(error)) bool {
	check := func(name string) bool {
		data, err := fs.ReadFile(b.src, name)
		if err != nil {
			fail(diag.Errorf(name, 0, "%v", err))
			return false
		}
		if _, err := template.New(name).Funcs(b.funcs()).Parse(string(data)); err != nil {
			fail(templateError(err))
			return false
		}
		return true
	}
	if !check(baseName) {
		return false
	}
	ok := true
	parts, names := b.templateFiles()
	for _, name := range append(parts, names...) {
		if name != baseName && !check(name) {
			ok = false
		}
	}
	return ok
}

// orig returns the language's templates as written, or nil when they are.
func (ts *templates) orig() *templates {
	if !ts.minified {
		return nil
	}
	ts.origOnce.Do(func() { ts.origTS = ts.b.templatesOf(ts.b.writtenSet()) })
	return ts.origTS
}

// writtenSet parses templates/ as written, with b's functions.
func (b *builder) writtenSet() *tmplSet {
	return b.parseTemplates(func(error) {}, asWritten)
}

// templateFiles lists the files of templates/ a set is parsed from besides base.html:
// the partials, and the layouts (where base.html is listed too).
func (b *builder) templateFiles() (partials, layouts []string) {
	partials, _ = fs.Glob(b.src, partialsDir+"/*.html")
	layouts, _ = fs.Glob(b.src, "templates/*.html")
	return partials, layouts
}

// parseTemplates parses templates/ after passing each file's text through transform.
func (b *builder) parseTemplates(fail func(error), transform func(string) string) *tmplSet {
	read := func(name string) (string, bool) {
		data, err := fs.ReadFile(b.src, name)
		if err != nil {
			fail(diag.Errorf(name, 0, "%v", err))
			return "", false
		}
		return transform(string(data)), true
	}
	text, ok := read(baseName)
	if !ok {
		return nil
	}
	funcs := b.funcs()
	root, err := template.New(baseName).Funcs(funcs).Parse(text)
	if err != nil {
		fail(templateError(err))
		return nil
	}
	parts, names := b.templateFiles()
	failed := false
	for _, name := range parts {
		text, ok := read(name)
		if !ok {
			failed = true
			continue
		}
		if _, err := root.New(name).Parse(text); err != nil {
			fail(templateError(err))
			failed = true
		}
	}
	s := &tmplSet{layouts: map[string]string{}, root: root, by: b}
	calls := callGraph(root)
	for _, name := range names {
		if name == baseName {
			continue
		}
		text, ok := read(name)
		if !ok {
			failed = true
			continue
		}
		own, err := template.New(name).Funcs(funcs).Parse(text)
		if err != nil {
			fail(templateError(err))
			failed = true
			continue
		}
		layout := strings.TrimSuffix(path.Base(name), ".html")
		t, err := addLayout(root, calls, layout, own)
		if err != nil {
			fail(templateError(err))
			failed = true
			continue
		}
		s.layouts[layout] = t.Name()
	}
	if failed {
		return nil
	}
	return s
}

// commands calls f with each command in the templates of set, and whether it is the
// first of its pipeline.
func commands(set *template.Template, f func(c *parse.CommandNode, first bool)) {
	var pipe func(*parse.PipeNode)
	pipe = func(p *parse.PipeNode) {
		if p == nil {
			return
		}
		for i, c := range p.Cmds {
			for _, a := range c.Args {
				if ap, ok := a.(*parse.PipeNode); ok {
					pipe(ap)
				}
			}
			f(c, i == 0)
		}
	}
	nodes(set, func(l *parse.ListNode, i int) {
		switch n := l.Nodes[i].(type) {
		case *parse.ActionNode:
			pipe(n.Pipe)
		case *parse.TemplateNode:
			pipe(n.Pipe)
		case *parse.IfNode:
			pipe(n.Pipe)
		case *parse.RangeNode:
			pipe(n.Pipe)
		case *parse.WithNode:
			pipe(n.Pipe)
		}
	})
}

// nodes calls f with each node of the templates of set, as the i-th of the list l that
// holds it, so that f may put another in its place; the lists inside if, range and with
// are walked too, after f has seen the node that holds them.
func nodes(set *template.Template, f func(l *parse.ListNode, i int)) {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			walkList(t.Tree.Root, f)
		}
	}
}

// walkList is nodes for one list and the lists in it.
func walkList(l *parse.ListNode, f func(l *parse.ListNode, i int)) {
	if l == nil {
		return
	}
	for i := range l.Nodes {
		f(l, i)
		switch n := l.Nodes[i].(type) {
		case *parse.IfNode:
			walkList(n.List, f)
			walkList(n.ElseList, f)
		case *parse.RangeNode:
			walkList(n.List, f)
			walkList(n.ElseList, f)
		case *parse.WithNode:
			walkList(n.List, f)
			walkList(n.ElseList, f)
		case *parse.ListNode:
			walkList(n, f)
		}
	}
}

// compiling turns package compiled on; a test turns it off to compare. checkCompiled
// makes each page with html/template too and fails the build when the two differ: on in
// this package's tests (main_test.go).
var compiling, checkCompiled = true, false

// A quick is one template of a set, run compiled (package compiled) when it can be.
type quick struct {
	once     sync.Once
	compiled *compiled.Template // nil when not compiled: html/template runs it
	declined atomic.Int64       // runs the compiled template left to html/template
}

// run executes the template name with data into buf. Its first run escapes and compiles
// it, before any run goes on, unless templatesOf did.
func (ts *templates) run(q *quick, name string, buf *bytes.Buffer, data any) error {
	q.once.Do(func() {
		ts.escape(name)
		ts.compile(q, name)
	})
	if q.compiled == nil {
		return ts.runHTML(buf, name, data)
	}
	start := buf.Len()
	if err := q.compiled.Execute(buf, data); err != nil {
		// html/template reports the error, or makes what Execute declined to.
		q.declined.Add(1)
		buf.Truncate(start)
		return ts.runHTML(buf, name, data)
	}
	if d, ok := data.(*Data); checkCompiled && (!ok || d.settled()) {
		var want bytes.Buffer
		if err := ts.runHTML(&want, name, data); err != nil || !bytes.Equal(want.Bytes(), buf.Bytes()[start:]) {
			return fmt.Errorf("the compiled template %s made another text than html/template's (%v)", name, err)
		}
	}
	return nil
}

// partial executes the partial name with data into buf.
func (ts *templates) partial(name string, buf *bytes.Buffer, data any) error {
	q, ok := ts.partials.Load(name)
	if !ok {
		q, _ = ts.partials.LoadOrStore(name, new(quick))
	}
	return ts.run(q.(*quick), name, buf, data)
}

// execute renders page d with layout into buf (a new buffer when nil), and returns the page.
func (ts *templates) execute(layout string, d *Data, buf *bytes.Buffer) ([]byte, error) {
	name := ts.layouts[layout]
	if name == "" {
		return nil, diag.Errorf(d.Page.File, 0, "unknown layout %q", layout)
	}
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Grow(int(ts.chrome.Load()) + len(d.Content) + 512)
	err := ts.run(ts.quick[layout], name, buf, d)
	if err != nil {
		if orig := ts.orig(); orig != nil {
			// Run the templates as written, for the error's true line.
			d.orig = true
			_, werr := orig.execute(layout, d, nil)
			d.orig = false
			if werr != nil {
				return nil, werr
			}
		}
		e := templateError(err)
		e.Msg += " (rendering " + d.Page.File + ")"
		return nil, e
	}
	ts.chrome.Store(int64(buf.Len() - len(d.Content)))
	if !d.orig && !carriesPolicy(buf.Bytes()) {
		ts.noPolicy.Store(layout, true) // reported once for all its pages by checkPolicy
	}
	return buf.Bytes(), nil
}

// checkPolicy reports the layouts whose pages lack the policy (carriesPolicy), once for
// every language and page.
func (r *run) checkPolicy() {
	var layouts []string
	for _, b := range r.langs {
		b.tmpl.noPolicy.Range(func(k, _ any) bool {
			if l := strconv.Quote(k.(string)); !slices.Contains(layouts, l) {
				layouts = append(layouts, l)
			}
			return true
		})
	}
	if len(layouts) == 0 {
		return
	}
	slices.Sort(layouts)
	what := "layout"
	if len(layouts) > 1 {
		what = "layouts"
	}
	r.failf(baseName, 0, `the pages of %s %s have no <meta http-equiv="Content-Security-Policy" content="{{.CSP}}"> and <meta name="referrer" content="no-referrer"> before their first link or script: every page carries the site's policy; keep both first in the head`,
		what, strings.Join(layouts, ", "))
}

// carriesPolicy reports whether a page has the Content-Security-Policy and no-referrer
// meta tags in its head before any link or script: the promise that nothing a client types
// leaves the browser holds on hosts that send no headers only through them.
func carriesPolicy(html []byte) bool {
	head := html
	for i := 0; ; i++ {
		j := bytes.IndexByte(head[i:], '<')
		if j < 0 {
			break
		}
		i += j
		if tagFold(head[i:], "<link", "<script", "<style", "</head", "<body") {
			head = head[:i]
			break
		}
	}
	return containsFold(head, "content-security-policy") && containsFold(head, "no-referrer")
}

// tagFold reports whether s starts with one of the tags, in any case.
func tagFold(s []byte, tags ...string) bool {
	for _, t := range tags {
		if len(s) >= len(t) && bytes.EqualFold(s[:len(t)], []byte(t)) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds word (which starts with a lower-case letter), in
// any case, without a lower-case copy of s for each page.
func containsFold(s []byte, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && bytes.EqualFold(s[i:i+len(word)], []byte(word)) {
			return true
		}
	}
	return false
}

// Go's template errors look like "template: templates/page.html:12:3: executing …".
// Compiled on the first error, as layoutNames.
var tmplErr = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:html/)?template: ?(templates/[^:]+):(\d+):(?:\d+:)? ?(.*)$`)
})

func templateError(err error) *diag.Error {
	msg := layoutNames().ReplaceAllString(err.Error(), "")
	if m := tmplErr().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		return &diag.Error{Path: m[1], Line: line, Msg: strings.TrimSpace(m[3]), Err: err}
	}
	return &diag.Error{Path: "templates", Msg: fmt.Sprint(strings.TrimPrefix(msg, "template: ")), Err: err}
}

// sharing turns on the reuse of shared partials; a test turns it off to compare.
var sharing = true

// A sharedSet holds the shared partials rendered for one sharedKey, by name.
type sharedSet struct {
	mu   sync.Mutex
	html map[string]template.HTML
}

// shared renders the partial name for page d, or returns it as already rendered for
// another page that shares its sharedKey (Data.sharedKey): the header, the crisis box and
// the footer are the same on every page of a depth, language, menu entry, section and
// layout, and rendering them once instead of for each page is most of a large site's
// build time. checkShared makes sure a shared partial uses nothing else of the page.
//
// A shared partial may use what the package doc lists, and nothing else of the page.
func (b *builder) shared(name string, d *Data) (template.HTML, error) {
	buf := pageBufs.Get().(*bytes.Buffer)
	buf.Reset()
	defer pageBufs.Put(buf) // what it returns is a copy, buf.String()
	if d.orig || !sharing { // the page's own: to report an error at its line, or to compare
		ts := b.tmpl
		if d.orig {
			ts = ts.orig()
		}
		err := ts.runHTML(buf, name, d)
		return template.HTML(buf.String()), err
	}
	if d.set == nil { // the page's first shared partial
		v, ok := b.tmpl.rendered.Load(d.sharedKey())
		if !ok {
			v, _ = b.tmpl.rendered.LoadOrStore(d.sharedKey(), &sharedSet{html: map[string]template.HTML{}})
		}
		d.set = v.(*sharedSet)
	}
	d.set.mu.Lock()
	h, ok := d.set.html[name]
	d.set.mu.Unlock()
	if ok {
		return h, nil
	}
	// What it renders serves every page with the key: a script joined for the page's own
	// field types (see Data.Asset) is the one with every part there.
	sd := *d
	sd.shared = true
	if err := b.tmpl.partial(name, buf, &sd); err != nil {
		return "", err
	}
	h = template.HTML(buf.String())
	d.set.mu.Lock()
	d.set.html[name] = h
	d.set.mu.Unlock()
	return h, nil
}
