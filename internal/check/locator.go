package check

import (
	"regexp"
	"strings"
	"unicode"
)

// A locator finds where rendered text came from in a page's Markdown. The check reads
// the built HTML, not the Markdown, so it finds a sentence, heading or link again by its
// words: the words of the source in order, with link targets and HTML tags left out.
type locator struct {
	lines []string // the source's lines; lines[0] is line 1
	words []word   // the source's words in order
}

type word struct {
	text string // lower case
	line int
}

var (
	linkTarget = regexp.MustCompile(`\]\([^)\n]*\)`)
	htmlTag    = regexp.MustCompile(`</?[a-zA-Z][^>\n]*>`)
)

func newLocator(src []byte) *locator {
	s := string(src)
	l := &locator{lines: strings.Split(s, "\n")}
	blank := func(re *regexp.Regexp, keep int) {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			if strings.Contains(m, "://") && strings.HasPrefix(m, "<") {
				return m // an autolink is text
			}
			return m[:keep] + strings.Repeat(" ", len(m)-keep)
		})
	}
	blank(linkTarget, 1)
	blank(htmlTag, 0)
	line := 1
	start := -1
	for i, r := range s + "\n" {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			l.words = append(l.words, word{strings.ToLower(s[start:i]), line})
			start = -1
		}
		if r == '\n' {
			line++
		}
	}
	return l
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordsOf splits text as the locator splits the source.
func wordsOf(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isWordRune(r) })
}

// find returns the line where the words of text start, preferring a place whose line
// ok accepts (ok may be nil), or 0 when the words are not in the source. It matches the
// first six words, then the first three.
func (l *locator) find(text string, ok func(line string) bool) int {
	ws := wordsOf(text)
	if len(ws) == 0 {
		return 0
	}
	for _, n := range []int{6, 3} {
		if line := l.findWords(ws[:min(n, len(ws))], ok); line > 0 {
			return line
		}
	}
	return 0
}

func (l *locator) findWords(ws []string, ok func(line string) bool) int {
	first := 0
	for i := 0; i+len(ws) <= len(l.words); i++ {
		match := true
		for j, w := range ws {
			if l.words[i+j].text != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		line := l.words[i].line
		if ok == nil || ok(l.lines[line-1]) {
			return line
		}
		if first == 0 {
			first = line
		}
	}
	return first
}

// heading finds a heading's line: an ATX heading (## Text) or raw HTML, before any other
// place the words occur.
func (l *locator) heading(text string) int {
	return l.find(text, func(line string) bool {
		t := strings.TrimSpace(line)
		return strings.HasPrefix(t, "#") || strings.HasPrefix(t, "<h")
	})
}

// nthLine returns the line of the n-th (from 0) source line that ok accepts, or 0.
func (l *locator) nthLine(n int, ok func(line string) bool) int {
	for i, s := range l.lines {
		if ok(s) {
			if n == 0 {
				return i + 1
			}
			n--
		}
	}
	return 0
}

// containsLine returns the first line that contains s (ignoring case), or 0.
func (l *locator) containsLine(s string) int {
	if s == "" {
		return 0
	}
	s = strings.ToLower(s)
	for i, line := range l.lines {
		if strings.Contains(strings.ToLower(line), s) {
			return i + 1
		}
	}
	return 0
}

// findURL finds a link by its Markdown text in brackets, its address, or its words.
func (l *locator) findURL(href, text string) int {
	if text != "" {
		if line := l.containsLine("[" + text + "]"); line > 0 {
			return line
		}
	}
	if line := l.containsLine(href); line > 0 {
		return line
	}
	if line := l.containsLine(strings.TrimSuffix(href, "/")); line > 0 {
		return line
	}
	return l.find(text, nil)
}
