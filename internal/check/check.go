package check

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/diag"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/readability"
	"github.com/iptsite/iptsite/internal/render"
	"golang.org/x/net/html"
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

// A RuleName names a rule, in findings and in site.yaml's check.levels.
type RuleName string

// The rules. RuleBuild is the build's own problems, always errors.
const (
	RuleReadingLevel   RuleName = "reading-level"
	RuleOneH1          RuleName = "one-h1"
	RuleHeadingOrder   RuleName = "heading-order"
	RuleEmptyHeading   RuleName = "empty-heading"
	RuleImageAlt       RuleName = "image-alt"
	RuleLinkText       RuleName = "link-text"
	RuleTableHeaders   RuleName = "table-headers"
	RuleFieldHint      RuleName = "field-hint"
	RuleDuplicateLabel RuleName = "duplicate-label"
	RuleCrisisBox      RuleName = "crisis-box"
	RuleCrisisDefaults RuleName = "crisis-defaults"
	RulePhoneNumber    RuleName = "phone-number"
	RulePageWeight     RuleName = "page-weight"
	RuleBuild          RuleName = "build"
)

// A Rule is one kind of finding, with the level it has unless site.yaml says otherwise.
type Rule struct {
	Name  RuleName
	Level string
	Doc   string
}

// Rules lists every rule, in the order of the package documentation. The build's own
// problems are findings of the rule "build", always errors.
var Rules = []Rule{
	{RuleReadingLevel, Error, "a page's Flesch-Kincaid grade is over readingLevel"},
	{RuleOneH1, Error, "a page has no h1 or more than one"},
	{RuleHeadingOrder, Error, "a heading skips a level (an h4 after an h2)"},
	{RuleEmptyHeading, Error, "a heading has no text"},
	{RuleImageAlt, Error, "an image has no alt attribute"},
	{RuleLinkText, Error, `a link's text says nothing: "click here", "here", "read more", a bare URL`},
	{RuleTableHeaders, Error, "a table has no header cells"},
	{RuleFieldHint, Warning, "a worksheet field's label is a bare noun and it has no hint"},
	{RuleDuplicateLabel, Error, "two fields of a worksheet have the same label"},
	{RuleCrisisBox, Error, "a page has no crisis box, or site.yaml has no crisis lines"},
	{RuleCrisisDefaults, Warning, "site.yaml's crisis lines are still the built-in United States defaults"},
	{RulePhoneNumber, Error, "a phone number in a page's text is not a tel: or sms: link"},
	{RulePageWeight, Error, "a page's HTML, CSS and JS, gzipped, weigh more than pageWeight"},
}

// A Finding is one problem at one place.
type Finding struct {
	Path    string   `json:"path"`
	Line    int      `json:"line"`
	Level   string   `json:"level"`
	Rule    RuleName `json:"rule"`
	Message string   `json:"message"`
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

// Origin is what the check needs to know about where the site came from, which the
// build does not say: whether its crisis lines are still the ones built in.
type Origin struct {
	// OwnConfig is true when site.yaml is the site's own, false when the site has
	// none and the default one is used.
	OwnConfig bool
	// Defaults is the default site.yaml, the one built into the program; crisis lines
	// equal to its own are the United States defaults. nil compares nothing.
	Defaults *config.Site
}

// Run builds the site as iptsite build does, into memory, and checks it.
// A build that fails gives a report of its problems, as findings of the rule "build".
func Run(opts render.Options, o Origin) *Report {
	mem := output.NewMemory()
	opts.Facts = true
	res, err := render.Build(opts, mem)
	if err != nil {
		r := &Report{}
		var list diag.List
		list.Add(err)
		for _, e := range list {
			r.add(Finding{Path: e.Path, Line: e.Line, Level: Error, Rule: RuleBuild, Message: e.Msg})
		}
		r.finish()
		return r
	}
	return Built(res, mem, o)
}

// Built checks a site already built into mem (the development server's build), with
// render.Options.Facts set.
func Built(res *render.Result, mem *output.Memory, o Origin) *Report {
	if res.Facts == nil || (res.Site != nil && len(res.Site.Pages) > 0 && len(res.Facts) == 0) {
		panic("check.Built: the site was built without render.Options.Facts, which the check reads")
	}
	c := &checker{mem: mem, cfg: res.Config, origin: o, facts: res.Facts, r: &Report{Built: true}, gz: map[string]int{}}
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
	mem    *output.Memory
	cfg    *config.Site
	origin Origin
	facts  map[*content.Page]*render.Facts
	r      *Report
	level  map[RuleName]string

	mu sync.Mutex
	gz map[string]int // gzipped size of CSS and JS files, by output name
}

// find adds a finding of rule unless the rule is off. The rule "build" is always an error.
func (c *checker) find(file string, line int, rule RuleName, format string, args ...any) *Finding {
	lv, ok := c.level[rule]
	if !ok {
		lv = Error
	}
	if lv == Off {
		return nil
	}
	return c.r.add(Finding{Path: file, Line: line, Level: lv, Rule: rule, Message: fmt.Sprintf(format, args...)})
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
	if findElement(doc, isCrisisBox) == nil {
		c.find("templates/404.html", 0, RuleCrisisBox,
			`the not-found page has no crisis box: the template must include {{template "crisis" .}}`)
	}
}
