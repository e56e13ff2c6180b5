package check

import (
	"compress/gzip"
	"fmt"
	"github.com/iptsite/iptsite/internal/pagetext"
	"math"
	"path"
	"regexp"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// LongSentence is the length from which the longest sentences of a page over the reading
// level are shown as places to start. Plain-language guides put the average at 15 to 20.
const LongSentence = 15

// reading measures the page's text and checks its grade.
func (pc *pageCheck) reading(pg *Page) {
	st := readability.Analyzer{Lang: pc.lcfg.Language}.AnalyzeBlocks(readable(pc.main))
	pg.Stats = st
	pg.Words, pg.Sentences = st.Words, st.Sentences
	pg.Grade = math.Round(st.Grade*10) / 10
	pg.Minutes = minutes(st)
	limit := pc.readingLevel()
	if st.Words == 0 || pg.Grade <= limit {
		return
	}
	f := pc.find(pc.p.File, pc.titleLine(), "reading-level",
		"reading grade %.1f is over %g (%d words, %d sentences, %d min to read): start with the longest sentences and the rarest long words",
		pg.Grade, limit, st.Words, st.Sentences, pg.Minutes)
	if f == nil {
		return
	}
	for _, s := range st.LongestSentences {
		if s.Words < LongSentence {
			break
		}
		line := pc.lineOr(pc.loc.find(s.Text, nil))
		f.Notes = append(f.Notes, NoteLine{line, fmt.Sprintf("long sentence (%d words): %q", s.Words, s.Text)})
	}
	if len(st.RareLongWords) > 0 {
		var ws []string
		for _, w := range st.RareLongWords {
			ws = append(ws, w.Text)
		}
		line := pc.lineOr(pc.loc.find(st.RareLongWords[0].Text, nil))
		f.Notes = append(f.Notes, NoteLine{line, "rarest long words: " + strings.Join(ws, ", ")})
	}
}

func minutes(st readability.Stats) int {
	if st.Words == 0 {
		return 0
	}
	return int(math.Ceil(st.ReadingTime.Minutes()))
}

func headingLevel(n *html.Node) int { return int(n.Data[1] - '0') }

var (
	emptyATX   = regexp.MustCompile(`^ {0,3}#{1,6}(\s+#*)?\s*$`)
	tableDelim = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)
)

// vagueText is link text that does not say where a link goes, in lower case, in the
// languages the default site is written in.
var vagueText = map[string]bool{
	"click here": true, "here": true, "click": true, "read more": true, "more": true,
	"learn more": true, "link": true, "this link": true, "this": true, "this page": true,
	"go": true, "see here": true, "more info": true, "more information": true,
	"aquí": true, "haz clic aquí": true, "clic aquí": true, "pulsa aquí": true, "leer más": true,
	"lee más": true, "más": true, "ver más": true, "más información": true, "este enlace": true,
	"enlace": true, "esta página": true,
}

// structure checks headings, images, link text and tables.
func (pc *pageCheck) structure() {
	file := pc.p.File
	h1s := elements(pc.doc, atom.H1)
	if len(h1s) == 0 {
		pc.find(file, pc.titleLine(), "one-h1", "the page has no h1: its template must show the title as <h1>")
	}
	for _, h := range h1s[min(1, len(h1s)):] {
		text := textOf(h)
		pc.find(file, pc.lineOr(pc.loc.heading(text)), "one-h1",
			"a second h1 %q: the title is the page's h1, so start the headings of the text at ##", text)
	}
	if pc.main == nil {
		return
	}
	prev, empty := 0, 0
	for _, h := range all(pc.main, isHeading) {
		level, text := headingLevel(h), textOf(h)
		if text == "" {
			pc.find(file, pc.lineOr(pc.loc.nthLine(empty, emptyATX.MatchString)), "empty-heading",
				"an empty heading (h%d): give it words or remove it", level)
			empty++
		} else if prev > 0 && level > prev+1 {
			pc.find(file, pc.lineOr(pc.loc.heading(text)), "heading-order",
				"heading %q is an h%d after an h%d: make it %s, or add the level between",
				text, level, prev, strings.Repeat("#", prev+1))
		}
		prev = level
	}

	for _, img := range elements(pc.main, atom.Img) {
		if strings.TrimSpace(pagetext.Attr(img, "alt")) != "" || pagetext.Attr(img, "role") == "presentation" || pagetext.Attr(img, "role") == "none" {
			continue
		}
		src := pagetext.Attr(img, "src")
		line := pc.loc.containsLine(path.Base(src))
		if line == 0 {
			line = pc.loc.containsLine("![]")
		}
		pc.find(file, pc.lineOr(line), "image-alt",
			"image %s has no alt text: say what it shows, as in ![A calendar with one day circled](%s)", path.Base(src), path.Base(src))
	}

	for _, a := range elements(pc.main, atom.A) {
		if inside(a, func(n *html.Node) bool { return n.DataAtom == atom.Nav }) || !pagetext.HasAttr(a, "href") {
			continue
		}
		href, text := pagetext.Attr(a, "href"), textOf(a)
		if l := strings.TrimSpace(pagetext.Attr(a, "aria-label")); l != "" {
			text = l
		}
		low := strings.ToLower(strings.Trim(text, " .:!→>»"))
		switch {
		case text == "":
			pc.find(file, pc.lineOr(pc.loc.findURL(href, text)), "link-text",
				"a link to %s has no text: write what the reader will find there", href)
		case vagueText[low]:
			pc.find(file, pc.lineOr(pc.loc.findURL(href, text)), "link-text",
				"link text %q does not say where the link goes: name the page or what the reader will find there", text)
		case looksLikeURL(low):
			pc.find(file, pc.lineOr(pc.loc.findURL(href, text)), "link-text",
				"link text is a bare address, %s: say what the reader will find there instead, as in [Help for carers](%s)", text, href)
		}
	}

	tables := 0
	for _, t := range elements(pc.main, atom.Table) {
		worksheet := inside(t, func(n *html.Node) bool { return pagetext.HasClass(n, "ws-field") })
		if !worksheet {
			tables++
		}
		headed := false
		for _, th := range elements(t, atom.Th) {
			if textOf(th) != "" {
				headed = true
				break
			}
		}
		if headed {
			continue
		}
		line := 0
		if !worksheet {
			line = pc.tableLine(tables - 1)
		}
		pc.find(file, pc.lineOr(line), "table-headers",
			"a table without header cells: give it a header row that names each column")
	}
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

// tableLine returns the first line of the n-th (from 0) table of the Markdown: a GFM
// header row (the line above a row of dashes) or an HTML <table>.
func (pc *pageCheck) tableLine(n int) int {
	lines := pc.loc.lines
	for i, s := range lines {
		t := strings.TrimSpace(s)
		start := strings.HasPrefix(t, "<table") ||
			(strings.Contains(t, "|") && i+1 < len(lines) && tableDelim.MatchString(lines[i+1]) && strings.Contains(lines[i+1], "-"))
		if !start {
			continue
		}
		if n == 0 {
			return i + 1
		}
		n--
	}
	return 0
}

// fields checks the labels and hints of worksheet fields.
func (pc *pageCheck) fields() {
	if pc.main == nil {
		return
	}
	type labelled struct {
		id   string
		line int
	}
	seen := map[string]labelled{}
	for _, f := range all(pc.main, func(n *html.Node) bool {
		return pagetext.HasClass(n, "ws-field") && pagetext.Attr(n, "data-field") != ""
	}) {
		id := pagetext.Attr(f, "data-field")
		label := textOf(findID(f, "f-"+id+"_label"))
		hinted := findID(f, "f-"+id+"_hint") != nil
		line := pc.lineOr(pc.fieldLine(id))
		pc.label(id, label, hinted, line)
		key := labelKey(label)
		if other, ok := seen[key]; ok && key != "" {
			pc.find(pc.p.File, line, "duplicate-label",
				"field %s has the same label as field %s (line %d), %q: make each label say how the questions differ",
				id, other.id, other.line, label)
		} else {
			seen[key] = labelled{id, line}
		}
		if pagetext.Attr(f, "data-type") != "table" {
			continue
		}
		cols := map[string]labelled{}
		prefix := "f-" + id + "_c_"
		for _, th := range all(f, func(n *html.Node) bool {
			return n.DataAtom == atom.Th && pagetext.Attr(n, "scope") == "col" && strings.HasPrefix(pagetext.Attr(n, "id"), prefix)
		}) {
			cid := strings.TrimPrefix(pagetext.Attr(th, "id"), prefix)
			clabel, chinted := columnLabel(th)
			cline := pc.lineOr(pc.columnLine(id, cid))
			pc.label(id+"."+cid, clabel, chinted, cline)
			ck := labelKey(clabel)
			if other, ok := cols[ck]; ok && ck != "" {
				pc.find(pc.p.File, cline, "duplicate-label",
					"column %s of field %s has the same label as column %s (line %d), %q: make each label say how the columns differ",
					cid, id, other.id, other.line, clabel)
			} else {
				cols[ck] = labelled{cid, cline}
			}
		}
	}
}

// label checks that a label without a hint says what to write.
func (pc *pageCheck) label(id, label string, hinted bool, line int) {
	if hinted || !bareNoun(label) {
		return
	}
	pc.find(pc.p.File, line, "field-hint",
		"field %s: the label %q does not say what to write: ask a question, or add a hint", id, label)
}

// bareNoun reports whether a label is one or two words and not a question: "Name",
// "Feelings", "My goals", but not "When" or "With whom".
func bareNoun(label string) bool {
	label = strings.TrimSpace(label)
	if label == "" || strings.HasSuffix(label, "?") {
		return false
	}
	ws := wordsOf(label)
	for _, w := range ws {
		if questionWords[w] {
			return false
		}
	}
	return len(ws) <= 2
}

var questionWords = map[string]bool{
	"who": true, "whom": true, "whose": true, "what": true, "when": true, "where": true,
	"why": true, "how": true, "which": true,
}

func labelKey(label string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(label, " :?.")), " "))
}

// columnLabel returns a column header's text without its hint, and whether it has a hint.
func columnLabel(th *html.Node) (string, bool) {
	var b strings.Builder
	hinted := false
	for ch := th.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && pagetext.HasClass(ch, "ws-hint") {
			hinted = true
			continue
		}
		b.WriteString(" " + textOf(ch) + " ")
	}
	return strings.Join(strings.Fields(b.String()), " "), hinted
}

func findID(n *html.Node, id string) *html.Node {
	return findElement(n, func(n *html.Node) bool { return pagetext.Attr(n, "id") == id })
}

var (
	idKey        = regexp.MustCompile(`^\s*id:\s*["']?([^"'\s#]+)["']?\s*(#.*)?$`)
	colIDKey     = regexp.MustCompile(`^\s*-\s*id:\s*["']?([^"'\s#]+)["']?\s*(#.*)?$`)
	labelKeyLine = regexp.MustCompile(`^\s*(-\s*)?label:`)
)

// fieldLine returns the line of a field's label: key, or of its id: key, or 0.
func (pc *pageCheck) fieldLine(id string) int {
	lines := pc.loc.lines
	for i, s := range lines {
		if m := idKey.FindStringSubmatch(s); m != nil && m[1] == id {
			return labelAfter(lines, i)
		}
	}
	return 0
}

// columnLine returns the line of a table column's label: key, or of its - id: key, or 0.
func (pc *pageCheck) columnLine(field, col string) int {
	lines := pc.loc.lines
	start := pc.fieldLine(field)
	if start == 0 {
		return 0
	}
	for i := start - 1; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
		if m := colIDKey.FindStringSubmatch(lines[i]); m != nil && m[1] == col {
			return labelAfter(lines, i)
		}
	}
	// The label key may come before the id key: search the whole block.
	for i := start - 1; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
		if m := idKey.FindStringSubmatch(lines[i]); m != nil && m[1] == col {
			return labelAfter(lines, i)
		}
	}
	return 0
}

// labelAfter returns the line of the label: key of the YAML item whose id: is on line
// index i (from 0), or i+1 when it has none before the next id: or the fence.
func labelAfter(lines []string, i int) int {
	for j := i + 1; j < len(lines); j++ {
		s := lines[j]
		if idKey.MatchString(s) || colIDKey.MatchString(s) || strings.HasPrefix(strings.TrimSpace(s), "```") {
			break
		}
		if labelKeyLine.MatchString(s) {
			return j + 1
		}
	}
	return i + 1
}

// crisisBox checks that the page shows the crisis box with its lines.
func (pc *pageCheck) crisisBox() {
	box := findElement(pc.doc, func(n *html.Node) bool { return pagetext.HasClass(n, "crisis") })
	switch {
	case box == nil:
		pc.find(pc.p.File, pc.titleLine(), "crisis-box",
			`the page has no crisis box: its template must include {{template "crisis" .}}`)
	case len(pc.lcfg.Crisis) > 0 && len(elements(box, atom.Li)) == 0:
		pc.find(pc.p.File, pc.titleLine(), "crisis-box",
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
		pc.find(pc.p.File, pc.titleLine(), "page-weight",
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
