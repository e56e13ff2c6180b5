package check

import (
	"strings"
	"unicode"

	"github.com/iptsite/iptsite/internal/markdown"
)

// A placer finds the line of the Markdown a sentence or word of the rendered page came
// from, in the text blocks the build kept with their lines (markdown.Facts.Texts). It
// matches words, not characters: the page's text and its blocks differ in punctuation.
type placer struct {
	words []word // the words of the blocks, in document order
}

type word struct {
	text string // lower case
	line int
}

func newPlacer(texts []markdown.Text) *placer {
	pl := &placer{}
	for _, t := range texts {
		start := -1
		for i, r := range t.Text + " " {
			if isWordRune(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				pl.words = append(pl.words, word{strings.ToLower(t.Text[start:i]), t.Line(start)})
				start = -1
			}
		}
	}
	return pl
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordsOf splits text into words as the placer does.
func wordsOf(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isWordRune(r) })
}

// line returns the line where the words of text start, or 0 when they are not in the
// blocks. It matches the first six words, then the first three.
func (pl *placer) line(text string) int {
	ws := wordsOf(text)
	if len(ws) == 0 {
		return 0
	}
	for _, n := range []int{6, 3} {
		if line := pl.find(ws[:min(n, len(ws))]); line > 0 {
			return line
		}
	}
	return 0
}

func (pl *placer) find(ws []string) int {
	for i := 0; i+len(ws) <= len(pl.words); i++ {
		match := true
		for j, w := range ws {
			if pl.words[i+j].text != w {
				match = false
				break
			}
		}
		if match {
			return pl.words[i].line
		}
	}
	return 0
}
