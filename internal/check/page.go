package check

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/pagetext"
	"github.com/iptsite/iptsite/internal/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// page checks one page. It may run on several goroutines at once: what it finds stays in
// the pageCheck it returns (nil when the page was not written).
func (c *checker) page(p *content.Page) *pageCheck {
	name := strings.TrimPrefix(p.URL, "/") + "index.html"
	data, ok := c.mem.File(name)
	if !ok {
		return nil
	}
	facts := c.facts[p]
	if facts == nil {
		facts = &render.Facts{}
	}
	pc := &pageCheck{checker: c, p: p, name: name, facts: facts, lcfg: c.cfg.For(p.Lang)}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		pc.find(p.File, 1, RuleBuild, "the page's HTML does not parse: %v", err)
		return pc
	}
	pc.doc = doc
	pc.main = findElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main })
	pg := Page{File: p.File, URL: p.URL, Lang: pc.lcfg.Language, Worksheet: p.Worksheet}
	pc.reading(&pg)
	pc.structure()
	pc.fields()
	pc.crisisBox()
	pc.phoneNumbers()
	pc.externalLinks()
	pg.Weight = pc.weight(data)
	pc.measured = &pg
	return pc
}

// pageCheck is the state of the check of one page, and what it found. The page's facts
// say where its parts are in its Markdown; its HTML is read for what only the rendered
// page has: the text a reader meets, the outline the template adds, the crisis box and
// the weight.
type pageCheck struct {
	*checker
	p     *content.Page
	name  string // output file name
	facts *render.Facts
	doc   *html.Node
	main  *html.Node   // nil when the template has no <main>
	lcfg  *config.Site // site.yaml as it applies to the page's language

	findings []Finding
	links    []Link
	measured *Page
}

// find adds a finding of rule to the page's unless the rule is off. The finding it
// returns, to add notes to, is valid until the next call.
func (pc *pageCheck) find(file string, line int, rule RuleName, format string, args ...any) *Finding {
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

// externalLinks lists the page's links to other sites.
func (pc *pageCheck) externalLinks() {
	if pc.main == nil {
		return
	}
	for _, l := range pc.facts.Links {
		u, err := url.Parse(l.Dest)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		pc.links = append(pc.links, Link{Path: pc.p.File, Line: pc.lineOr(l.Line), URL: l.Dest, Host: strings.ToLower(u.Hostname())})
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

func isCrisisBox(n *html.Node) bool { return pagetext.HasClass(n, "crisis") }

// crisisBox checks that the page shows the crisis box with its lines.
func (pc *pageCheck) crisisBox() {
	box := findElement(pc.doc, isCrisisBox)
	switch {
	case box == nil:
		pc.find(pc.p.File, pc.titleLine(), RuleCrisisBox,
			`the page has no crisis box: its template must include {{template "crisis" .}}`)
	case len(pc.lcfg.Crisis) > 0 && len(elements(box, atom.Li)) == 0:
		pc.find(pc.p.File, pc.titleLine(), RuleCrisisBox,
			"the page's crisis box lists no crisis lines: its template must show .Site.Crisis")
	}
}

// weight returns the gzipped size of the page and the CSS and JS it loads, and checks
// it against the budget.
func (pc *pageCheck) weight(data []byte) int {
	page := gzipSize(data)
	assets := 0
	for _, n := range all(pc.doc, func(n *html.Node) bool {
		return (n.DataAtom == atom.Link && strings.Contains(" "+pagetext.Attr(n, "rel")+" ", " stylesheet ")) ||
			(n.DataAtom == atom.Script && pagetext.Attr(n, "src") != "")
	}) {
		ref := pagetext.Attr(n, "href")
		if n.DataAtom == atom.Script {
			ref = pagetext.Attr(n, "src")
		}
		name := pc.resolve(ref)
		if name == "" {
			continue
		}
		assets += pc.assetSize(name)
	}
	total := page + assets
	budget := pc.pageWeight()
	if kb(total) > budget {
		// The parts are rounded so that they add up to the total as shown.
		pc.find(pc.p.File, pc.titleLine(), RulePageWeight,
			"the page weighs %.1f KB gzipped (HTML %.1f KB, CSS and JS %.1f KB), over the budget of %g KB",
			kb(total), kb(page), kb(total)-kb(page), budget)
	}
	return total
}

func kb(n int) float64 { return math.Round(float64(n)/1024*10) / 10 }

// assetSize returns the gzipped size of a CSS or JS file of the site, 0 when there is none.
// Each file is compressed once, however many pages load it.
func (c *checker) assetSize(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	size, ok := c.gz[name]
	if !ok {
		if b, found := c.mem.File(name); found {
			size = gzipSize(b)
		}
		c.gz[name] = size
	}
	return size
}

var gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}

// gzipSize returns the size of data gzipped at the default level, as web servers send it.
func gzipSize(data []byte) int {
	var n countWriter
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&n)
	w.Write(data)
	w.Close()
	gzipWriters.Put(w)
	return int(n)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
