package check

import (
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/iptsite/iptsite/internal/pagetext"
	"github.com/iptsite/iptsite/internal/readability"
	"github.com/iptsite/iptsite/internal/render"
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
	f := pc.find(pc.p.File, pc.titleLine(), RuleReadingLevel,
		"reading grade %.1f is over %g (%d words, %d sentences, %d min to read): start with the longest sentences and the rarest long words",
		pg.Grade, limit, st.Words, st.Sentences, pg.Minutes)
	if f == nil {
		return
	}
	place := newPlacer(pc.facts.Texts)
	for _, s := range st.LongestSentences {
		if s.Words < LongSentence {
			break
		}
		line := pc.lineOr(place.line(s.Text))
		f.Notes = append(f.Notes, NoteLine{line, fmt.Sprintf("long sentence (%d words): %q", s.Words, s.Text)})
	}
	if len(st.RareLongWords) > 0 {
		var ws []string
		for _, w := range st.RareLongWords {
			ws = append(ws, w.Text)
		}
		line := pc.lineOr(place.line(st.RareLongWords[0].Text))
		f.Notes = append(f.Notes, NoteLine{line, "rarest long words: " + strings.Join(ws, ", ")})
	}
}

func minutes(st readability.Stats) int {
	if st.Words == 0 {
		return 0
	}
	return int(math.Ceil(st.ReadingTime.Minutes()))
}

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
	var textH1 []int // the h1s of the text, by index in the facts' headings
	for i, h := range pc.facts.Headings {
		if h.Level == 1 {
			textH1 = append(textH1, i)
		}
	}
	// The template shows the title as the page's h1; every h1 of the text is one too
	// many, but the first when the template shows none.
	h1s := len(elements(pc.doc, atom.H1))
	if h1s == 0 {
		pc.find(file, pc.titleLine(), RuleOneH1, "the page has no h1: its template must show the title as <h1>")
	}
	if h1s == len(textH1) && len(textH1) > 0 {
		textH1 = textH1[1:]
	}
	for _, i := range textH1 {
		h := pc.facts.Headings[i]
		pc.find(file, pc.lineOr(h.Line), RuleOneH1,
			"a second h1 %q: the title is the page's h1, so start the headings of the text at ##", h.Text)
	}
	if pc.main == nil {
		return
	}
	prev := pc.levelBeforeText()
	for _, h := range pc.facts.Headings {
		if h.Text == "" {
			pc.find(file, pc.lineOr(h.Line), RuleEmptyHeading,
				"an empty heading (h%d): give it words or remove it", h.Level)
		} else if prev > 0 && h.Level > prev+1 {
			pc.find(file, pc.lineOr(h.Line), RuleHeadingOrder,
				"heading %q is an h%d after an h%d: make it %s, or add the level between",
				h.Text, h.Level, prev, strings.Repeat("#", prev+1))
		}
		prev = h.Level
	}

	for _, img := range pc.facts.Images {
		if img.Alt != "" {
			continue
		}
		name := path.Base(img.Src)
		pc.find(file, pc.lineOr(img.Line), RuleImageAlt,
			"image %s has no alt text: say what it shows, as in ![A calendar with one day circled](%s)", name, name)
	}

	for _, l := range pc.facts.Links {
		low := strings.ToLower(strings.Trim(l.Text, " .:!→>»"))
		switch {
		case l.Text == "":
			pc.find(file, pc.lineOr(l.Line), RuleLinkText,
				"a link to %s has no text: write what the reader will find there", l.Dest)
		case vagueText[low]:
			pc.find(file, pc.lineOr(l.Line), RuleLinkText,
				"link text %q does not say where the link goes: name the page or what the reader will find there", l.Text)
		case looksLikeURL(low):
			pc.find(file, pc.lineOr(l.Line), RuleLinkText,
				"link text is a bare address, %s: say what the reader will find there instead, as in [Help for carers](%s)", l.Text, l.Dest)
		}
	}

	for _, t := range pc.facts.Tables {
		headed := false
		for _, h := range t.Header {
			headed = headed || h != ""
		}
		if !headed {
			pc.find(file, pc.lineOr(t.Line), RuleTableHeaders,
				"a table without header cells: give it a header row that names each column")
		}
	}
}

// levelBeforeText returns the level of the heading the template shows in <main> before
// the text's first heading (the title's h1, or the h2 of a table of contents), 0 for none.
func (pc *pageCheck) levelBeforeText() int {
	if len(pc.facts.Headings) == 0 {
		return 0
	}
	first, prev := pc.facts.Headings[0].ID, 0
	for _, h := range all(pc.main, isHeading) {
		if pagetext.Attr(h, "id") == first {
			return prev
		}
		prev = int(h.Data[1] - '0')
	}
	return 0
}

func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
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
	for _, f := range pc.facts.Fields {
		line := pc.lineOr(f.LabelLine)
		pc.label(f.ID, f, line)
		key := labelKey(f.Label)
		if other, ok := seen[key]; ok && key != "" {
			pc.find(pc.p.File, line, RuleDuplicateLabel,
				"field %s has the same label as field %s (line %d), %q: make each label say how the questions differ",
				f.ID, other.id, other.line, f.Label)
		} else {
			seen[key] = labelled{f.ID, line}
		}
		cols := map[string]labelled{}
		for _, c := range f.Columns {
			cline := pc.lineOr(c.LabelLine)
			pc.label(f.ID+"."+c.ID, c, cline)
			ck := labelKey(c.Label)
			if other, ok := cols[ck]; ok && ck != "" {
				pc.find(pc.p.File, cline, RuleDuplicateLabel,
					"column %s of field %s has the same label as column %s (line %d), %q: make each label say how the columns differ",
					c.ID, f.ID, other.id, other.line, c.Label)
			} else {
				cols[ck] = labelled{c.ID, cline}
			}
		}
	}
}

// label checks that a label without a hint says what to write.
func (pc *pageCheck) label(id string, f render.Field, line int) {
	if f.Hint != "" || !bareNoun(f.Label) {
		return
	}
	pc.find(pc.p.File, line, RuleFieldHint,
		"field %s: the label %q does not say what to write: ask a question, or add a hint", id, f.Label)
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

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
