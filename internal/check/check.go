package check

import (
	"bytes"
	"fmt"
	"github.com/iptsite/iptsite/internal/pagetext"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/diag"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/readability"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/source"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Levels of a finding. Error fails the check; Warning is shown and does not; Off turns a
// rule off. Note is the level of the lines that say where to start, under a finding.
const (
	Error   = "error"
	Warning = "warning"
	Off     = "off"
	Note    = "note"
)

// Defaults of site.yaml's check: key.
const (
	DefaultReadingLevel = 7
	DefaultPageWeight   = 30 // KB
)

// A Rule is one kind of finding, with the level it has unless site.yaml says otherwise.
type Rule struct {
	Name  string
	Level string
	Doc   string
}

// Rules lists every rule, in the order of the package documentation. The build's own
// problems are findings of the rule "build", always errors.
var Rules = []Rule{
	{"reading-level", Error, "a page's Flesch-Kincaid grade is over readingLevel"},
	{"one-h1", Error, "a page has no h1 or more than one"},
	{"heading-order", Error, "a heading skips a level (an h4 after an h2)"},
	{"empty-heading", Error, "a heading has no text"},
	{"image-alt", Error, "an image has no alt attribute"},
	{"link-text", Error, `a link's text says nothing: "click here", "here", "read more", a bare URL`},
	{"table-headers", Error, "a table has no header cells"},
	{"field-hint", Warning, "a worksheet field's label is a bare noun and it has no hint"},
	{"duplicate-label", Error, "two fields of a worksheet have the same label"},
	{"crisis-box", Error, "a page has no crisis box, or site.yaml has no crisis lines"},
	{"crisis-defaults", Warning, "site.yaml's crisis lines are still the built-in United States defaults"},
	{"page-weight", Error, "a page's HTML, CSS and JS, gzipped, weigh more than pageWeight"},
}

const ruleBuild = "build"

// A Finding is one problem at one place.
type Finding struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Level   string `json:"level"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	// Notes say where to start: the longest sentences of a page over the reading level.
	Notes []NoteLine `json:"notes,omitempty"`
}

// A NoteLine is a place in the same file as its finding.
type NoteLine struct {
	Line int    `json:"line"`
	Text string `json:"text"`
}

func (f Finding) String() string {
	if f.Path == "" {
		return fmt.Sprintf("%s: %s", f.Level, f.Message)
	}
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", f.Path, f.Line, f.Level, f.Message)
	}
	return fmt.Sprintf("%s: %s: %s", f.Path, f.Level, f.Message)
}

// A Page is what the check measured on one page.
type Page struct {
	File      string  `json:"file"`
	URL       string  `json:"url"`
	Lang      string  `json:"lang"`
	Worksheet bool    `json:"worksheet,omitempty"`
	Words     int     `json:"words"`
	Sentences int     `json:"sentences"`
	Grade     float64 `json:"grade"`
	Minutes   int     `json:"readingMinutes"`
	// Weight is the page's HTML and the CSS and JS it loads, each gzipped, in bytes.
	Weight int `json:"weight"`

	Stats readability.Stats `json:"-"`
}

// A Link is an external link of a page. Links are listed, never fetched.
type Link struct {
	Path string `json:"path"`
	Line int    `json:"line"`
	URL  string `json:"url"`
	Host string `json:"host"`
}

// A Host counts the external links to one host.
type Host struct {
	Host  string `json:"host"`
	Links int    `json:"links"`
}

// Report is the outcome of a check.
type Report struct {
	Findings []Finding `json:"findings"`
	Pages    []Page    `json:"pages"`
	Links    []Link    `json:"links"`
	Hosts    []Host    `json:"hosts"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	// Built is false when the build failed: the findings are then the build's problems.
	Built bool `json:"built"`
}

// Run builds the site as iptsite build does, into memory, and checks it.
// A build that fails gives a report of its problems, as findings of the rule "build".
func Run(opts render.Options) *Report {
	mem := output.NewMemory()
	res, err := render.Build(opts, mem)
	if err != nil {
		r := &Report{}
		var list diag.List
		list.Add(err)
		for _, e := range list {
			r.add(Finding{Path: e.Path, Line: e.Line, Level: Error, Rule: ruleBuild, Message: e.Msg})
		}
		r.finish()
		return r
	}
	return Built(res, mem, opts.Source)
}

// Built checks a site already built into mem from src (the development server's
// build). src tells whether site.yaml is the site's own or the default; it may be nil.
func Built(res *render.Result, mem *output.Memory, src fs.FS) *Report {
	c := &checker{mem: mem, cfg: res.Config, src: src, r: &Report{Built: true}, gz: map[string]int{}}
	c.levels()
	c.siteRules()
	var pages []*content.Page
	for _, lang := range res.Config.Langs() {
		site := res.Sites[lang]
		if site == nil && lang == res.Config.Language {
			site = res.Site
		}
		if site != nil {
			pages = append(pages, site.Pages...)
		}
	}
	// Pages are checked on as many goroutines as there are CPUs, and reported in order.
	checked := make([]*pageCheck, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				checked[i] = c.page(pages[i])
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, pc := range checked {
		if pc == nil {
			continue
		}
		c.r.Findings = append(c.r.Findings, pc.findings...)
		c.r.Links = append(c.r.Links, pc.links...)
		if pc.measured != nil {
			c.r.Pages = append(c.r.Pages, *pc.measured)
		}
	}
	c.notFoundPage()
	c.r.finish()
	return c.r
}

// checker is the state of one check.
type checker struct {
	mem   *output.Memory
	cfg   *config.Site
	src   fs.FS
	r     *Report
	level map[string]string

	mu sync.Mutex
	gz map[string]int // gzipped size of CSS and JS files, by output name
}

// levels reads the levels of site.yaml's check: key over the rules' defaults.
func (c *checker) levels() {
	c.level = map[string]string{}
	var names []string
	for _, r := range Rules {
		c.level[r.Name] = r.Level
		names = append(names, r.Name)
	}
	keys := make([]string, 0, len(c.cfg.Check.Levels))
	for k := range c.cfg.Check.Levels {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := c.cfg.Check.Levels[k]
		line := c.cfg.Line("check.levels." + k)
		if _, ok := c.level[k]; !ok {
			c.siteFinding(line, Error, ruleBuild, fmt.Sprintf("check.levels: unknown rule %q; the rules are %s", k, strings.Join(names, ", ")))
			continue
		}
		if v != Error && v != Warning && v != Off {
			c.siteFinding(line, Error, ruleBuild, fmt.Sprintf("check.levels: %s: level %q must be error, warning or off", k, v))
			continue
		}
		c.level[k] = v
	}
	if c.cfg.Check.ReadingLevel < 0 {
		c.siteFinding(c.cfg.Line("check.readingLevel"), Error, ruleBuild, "check.readingLevel must be a grade above 0, such as 7")
	}
	if c.cfg.Check.PageWeight < 0 {
		c.siteFinding(c.cfg.Line("check.pageWeight"), Error, ruleBuild, "check.pageWeight must be a size in KB above 0, such as 30")
	}
}

func (c *checker) readingLevel() float64 {
	if c.cfg.Check.ReadingLevel > 0 {
		return c.cfg.Check.ReadingLevel
	}
	return DefaultReadingLevel
}

func (c *checker) pageWeight() float64 {
	if c.cfg.Check.PageWeight > 0 {
		return c.cfg.Check.PageWeight
	}
	return DefaultPageWeight
}

func (c *checker) siteFinding(line int, level, rule, msg string) {
	c.r.add(Finding{Path: config.File, Line: line, Level: level, Rule: rule, Message: msg})
}

// find adds a finding of rule unless the rule is off. The rule "build" is always an error.
func (c *checker) find(file string, line int, rule, format string, args ...any) *Finding {
	lv, ok := c.level[rule]
	if !ok {
		lv = Error
	}
	if lv == Off {
		return nil
	}
	return c.r.add(Finding{Path: file, Line: line, Level: lv, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (r *Report) add(f Finding) *Finding {
	r.Findings = append(r.Findings, f)
	return &r.Findings[len(r.Findings)-1]
}

// finish sorts the findings, site.yaml first and then by path and line, and counts them.
func (r *Report) finish() {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		if (a.Path == config.File) != (b.Path == config.File) {
			if a.Path == config.File {
				return -1
			}
			return 1
		}
		if a.Path != b.Path {
			return strings.Compare(a.Path, b.Path)
		}
		return a.Line - b.Line
	})
	r.Errors, r.Warnings = 0, 0
	for _, f := range r.Findings {
		switch f.Level {
		case Error:
			r.Errors++
		case Warning:
			r.Warnings++
		}
	}
	counts := map[string]int{}
	for _, l := range r.Links {
		counts[l.Host]++
	}
	r.Hosts = nil
	for h, n := range counts {
		r.Hosts = append(r.Hosts, Host{h, n})
	}
	slices.SortFunc(r.Hosts, func(a, b Host) int {
		if a.Links != b.Links {
			return b.Links - a.Links
		}
		return strings.Compare(a.Host, b.Host)
	})
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Pages == nil {
		r.Pages = []Page{}
	}
	if r.Links == nil {
		r.Links = []Link{}
	}
	if r.Hosts == nil {
		r.Hosts = []Host{}
	}
}

var (
	defaultsOnce   sync.Once
	defaultsConfig *config.Site
)

// defaultCrisis returns the crisis lines of the default site.yaml built into the binary,
// for language lang.
func defaultCrisis(lang string) []config.CrisisLine {
	defaultsOnce.Do(func() {
		defaultsConfig, _ = config.Load(iptsite.Defaults())
	})
	if defaultsConfig == nil {
		return nil
	}
	return defaultsConfig.For(lang).Crisis
}

func (c *checker) siteRules() {
	for _, lang := range c.cfg.Langs() {
		key := "languages." + lang + "."
		if lang == c.cfg.Language {
			key = ""
		}
		if !readability.Supported(lang) && c.level["reading-level"] != Off {
			line := c.cfg.Line("language")
			if key != "" {
				line = c.cfg.Line(strings.TrimSuffix(key, "."))
			}
			c.siteFinding(line, Warning, "reading-level",
				fmt.Sprintf("language %q has no reading-level rules here: its pages are measured as English", lang))
		}
		if len(c.cfg.For(lang).Crisis) == 0 && c.level["crisis-box"] != Off {
			c.siteFinding(c.cfg.Line(key+"crisis"), c.level["crisis-box"], "crisis-box",
				"no crisis lines: every page must say where to get help now; add your local numbers under "+key+"crisis:")
		}
	}
	if c.level["crisis-defaults"] == Off {
		return
	}
	if !c.ownSiteYAML() {
		c.siteFinding(0, c.level["crisis-defaults"], "crisis-defaults",
			"set your local crisis numbers: the site has no site.yaml, so it shows the United States defaults; "+
				"copy the one iptsite init writes and edit its crisis lines")
		return
	}
	if len(c.cfg.Crisis) > 0 && slices.Equal(c.cfg.Crisis, defaultCrisis(c.cfg.Language)) {
		c.siteFinding(c.cfg.Line("crisis"), c.level["crisis-defaults"], "crisis-defaults",
			"set your local crisis numbers: these are the United States defaults")
	}
	for _, lang := range c.cfg.Langs()[1:] {
		own := c.cfg.Languages[lang].Crisis
		if len(own) > 0 && slices.Equal(own, defaultCrisis(lang)) {
			c.siteFinding(c.cfg.Line("languages."+lang+".crisis"), c.level["crisis-defaults"], "crisis-defaults",
				fmt.Sprintf("set your local crisis numbers for %s: these are the United States defaults", lang))
		}
	}
}

// ownSiteYAML reports whether site.yaml is the site's own, not the default built in.
func (c *checker) ownSiteYAML() bool {
	l, ok := c.src.(source.Layered)
	if !ok || l.Site == nil {
		return true
	}
	_, err := fs.Stat(l.Site, config.File)
	return err == nil
}

// notFoundPage checks that the page shown for a missing address has the crisis box too.
func (c *checker) notFoundPage() {
	data, ok := c.mem.File("404.html")
	if !ok {
		return
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return
	}
	if findElement(doc, func(n *html.Node) bool { return pagetext.HasClass(n, "crisis") }) == nil {
		c.find("templates/404.html", 0, "crisis-box",
			`the not-found page has no crisis box: the template must include {{template "crisis" .}}`)
	}
}

// page checks one page. It may run on several goroutines at once: what it finds stays in
// the pageCheck it returns (nil when the page was not written).
func (c *checker) page(p *content.Page) *pageCheck {
	name := strings.TrimPrefix(p.URL, "/") + "index.html"
	data, ok := c.mem.File(name)
	if !ok {
		return nil
	}
	pc := &pageCheck{checker: c, p: p, name: name, loc: newLocator(p.Source), lcfg: c.cfg.For(p.Lang)}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		pc.find(p.File, 1, ruleBuild, "the page's HTML does not parse: %v", err)
		return pc
	}
	pc.doc = doc
	pc.main = findElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main })
	pg := Page{File: p.File, URL: p.URL, Lang: pc.lcfg.Language, Worksheet: p.Worksheet}
	pc.reading(&pg)
	pc.structure()
	pc.fields()
	pc.crisisBox()
	pc.externalLinks()
	pg.Weight = pc.weight(data)
	pc.measured = &pg
	return pc
}

// pageCheck is the state of the check of one page, and what it found.
type pageCheck struct {
	*checker
	p    *content.Page
	name string // output file name
	doc  *html.Node
	main *html.Node // nil when the template has no <main>
	loc  *locator
	lcfg *config.Site // site.yaml as it applies to the page's language

	findings []Finding
	links    []Link
	measured *Page
}

// find adds a finding of rule to the page's unless the rule is off. The finding it
// returns, to add notes to, is valid until the next call.
func (pc *pageCheck) find(file string, line int, rule, format string, args ...any) *Finding {
	lv, ok := pc.level[rule]
	if !ok {
		lv = Error
	}
	if lv == Off {
		return nil
	}
	pc.findings = append(pc.findings, Finding{Path: file, Line: line, Level: lv, Rule: rule, Message: fmt.Sprintf(format, args...)})
	return &pc.findings[len(pc.findings)-1]
}

// titleLine is the line findings about the whole page point at: the title in the front matter.
func (pc *pageCheck) titleLine() int { return pc.p.Line("title") }

// lineOr returns line, or the title's line when line is 0 (not found).
func (pc *pageCheck) lineOr(line int) int {
	if line > 0 {
		return line
	}
	return pc.titleLine()
}

func (pc *pageCheck) externalLinks() {
	if pc.main == nil {
		return
	}
	for _, a := range elements(pc.main, atom.A) {
		href := pagetext.Attr(a, "href")
		u, err := url.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		line := pc.lineOr(pc.loc.findURL(href, textOf(a)))
		pc.links = append(pc.links, Link{Path: pc.p.File, Line: line, URL: href, Host: strings.ToLower(u.Hostname())})
	}
}

// resolve returns the output name of a URL written in the page, or "" when it is not a
// file of this site. A path from the root is taken from the site's root.
func (pc *pageCheck) resolve(ref string) string {
	u, err := url.Parse(ref)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return ""
	}
	if strings.HasPrefix(u.Path, "/") {
		return strings.TrimPrefix(path.Clean(u.Path), "/")
	}
	return path.Join(path.Dir(pc.name), u.Path)
}

func itoa(n int) string { return strconv.Itoa(n) }
