package readability

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// WordsPerMinute is the silent reading speed behind Stats.ReadingTime.
// 200 is a round figure for adults reading plain text on a screen, a
// little below the average, because these pages are read with care.
const WordsPerMinute = 200

// Defaults for the lengths of Stats.LongestSentences and Stats.RareLongWords
// when an Analyzer leaves them at zero.
const (
	DefaultLongest = 3
	DefaultRare    = 10
)

// Stats is what Analyze measures in a text. With no words every number is
// zero (no NaN or infinity) and the lists are empty.
type Stats struct {
	// Lang is the language the text was measured as: "en" or "es".
	Lang string

	Words     int
	Sentences int
	Syllables int
	// PolysyllableWords counts words of three syllables or more.
	PolysyllableWords int

	// Grade is a school grade (US grades; 7 is a 12 to 13 year old).
	// English: the Flesch-Kincaid grade level
	// 0.39*(words/sentences) + 11.8*(syllables/words) - 15.59, unrounded
	// (very short, simple texts go below zero).
	// Spanish: the grade of ReadingEase on Fernández-Huerta's own table, see
	// SpanishGrade.
	Grade float64
	// ReadingEase is higher for easier text, roughly 0 to 100.
	// English: Flesch reading ease
	// 206.835 - 1.015*(words/sentences) - 84.6*(syllables/words).
	// Spanish: Fernández-Huerta lecturabilidad, as corrected by Law (2011)
	// 206.84 - 60*(syllables/words) - 1.02*(words/sentences).
	ReadingEase float64
	// Perspicuity is the Szigriszt-Pazos index (INFLESZ scale)
	// 206.835 - 62.3*(syllables/words) - words/sentences, for Spanish only;
	// zero for English.
	Perspicuity float64

	// ReadingTime is Words at WordsPerMinute.
	ReadingTime time.Duration

	// LongestSentences are the sentences with the most words, longest
	// first, ties in text order.
	LongestSentences []Sentence
	// RareLongWords are the distinct words of three syllables or more (four
	// in Spanish) that are not on the small list of easy long words,
	// hardest first: most syllables, then most letters, then alphabetical.
	RareLongWords []Word
}

// Sentence is one sentence of the text.
type Sentence struct {
	// Text is the sentence's words and punctuation joined by single spaces.
	Text string
	// Block is the index of the block the sentence is in: for AnalyzeBlocks
	// the index into its argument, for Analyze the line number minus one.
	Block     int
	Words     int
	Syllables int
}

// Word is a distinct long word of the text.
type Word struct {
	// Text is the word as it was first written, without punctuation.
	Text      string
	Syllables int
	// Count is how many times the word occurs, ignoring case.
	Count int
}

// String gives the figures a person checks first, in one line.
func (s Stats) String() string {
	if s.Lang == Spanish {
		return fmt.Sprintf("grade %.1f, ease %.1f, perspicuity %.1f, %d words, %d sentences, %d syllables, %s",
			s.Grade, s.ReadingEase, s.Perspicuity, s.Words, s.Sentences, s.Syllables, s.readingMinutes())
	}
	return fmt.Sprintf("grade %.1f, ease %.1f, %d words, %d sentences, %d syllables, %s",
		s.Grade, s.ReadingEase, s.Words, s.Sentences, s.Syllables, s.readingMinutes())
}

func (s Stats) readingMinutes() string {
	m := int((s.ReadingTime + time.Minute - 1) / time.Minute)
	if m == 1 {
		return "1 min"
	}
	return fmt.Sprintf("%d min", m)
}

// Languages measured. Other codes are measured as English.
const (
	English = "en"
	Spanish = "es"
)

// Supported reports whether lang (a code such as "en", "es" or "es-MX") has
// rules of its own here. The caller decides what to say about the others,
// which Analyzer measures as English.
func Supported(lang string) bool {
	base := baseLang(lang)
	return base == English || base == Spanish
}

func baseLang(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// An Analyzer measures texts. Its zero value measures English and keeps
// DefaultLongest sentences and DefaultRare words.
type Analyzer struct {
	// Lang is a language code: "es" or "es-*" for Spanish, anything else
	// (including "") for English.
	Lang string
	// Longest is how many sentences Stats.LongestSentences keeps:
	// 0 means DefaultLongest, negative means none.
	Longest int
	// Rare is how many words Stats.RareLongWords keeps:
	// 0 means DefaultRare, negative means none.
	Rare int
}

// Analyze measures English text whose lines are blocks; see Analyzer.Analyze.
func Analyze(text string) Stats { return Analyzer{}.Analyze(text) }

// AnalyzeBlocks measures English blocks; see Analyzer.AnalyzeBlocks.
func AnalyzeBlocks(blocks []string) Stats { return Analyzer{}.AnalyzeBlocks(blocks) }

// AnalyzeSpanish measures Spanish text whose lines are blocks.
func AnalyzeSpanish(text string) Stats { return Analyzer{Lang: Spanish}.Analyze(text) }

// Analyze measures text in which every line is a block: a line break always
// ends a sentence, and blank lines are skipped. Sentence.Block is the line
// number minus one.
func (a Analyzer) Analyze(text string) Stats {
	return a.AnalyzeBlocks(strings.Split(text, "\n"))
}

// AnalyzeBlocks measures a text given as blocks: headings, paragraphs, list
// items, table cells. The end of a block always ends a sentence, so a
// heading or list item needs no final full stop. Line breaks inside a block
// are spaces; empty blocks are skipped.
func (a Analyzer) AnalyzeBlocks(blocks []string) Stats {
	lang := English
	if baseLang(a.Lang) == Spanish {
		lang = Spanish
	}
	syllables, rareFrom := englishWordSyllables, 3
	if lang == Spanish {
		// Most Spanish words of substance have three syllables.
		syllables, rareFrom = spanishWordSyllables, 4
	}

	st := Stats{Lang: lang}
	var sentences []Sentence
	words := map[string]*Word{}
	for i, block := range blocks {
		for _, s := range splitSentences(block, lang) {
			sent := Sentence{Text: s.text, Block: i}
			for _, w := range s.words {
				n := syllables(w)
				sent.Words++
				sent.Syllables += n
				if n >= 3 {
					st.PolysyllableWords++
					if n >= rareFrom && !isNumber(w) && !easyLongWord(w, lang) {
						key := strings.ToLower(w)
						if wd := words[key]; wd != nil {
							wd.Count++
						} else {
							words[key] = &Word{Text: w, Syllables: n, Count: 1}
						}
					}
				}
			}
			st.Words += sent.Words
			st.Syllables += sent.Syllables
			st.Sentences++
			sentences = append(sentences, sent)
		}
	}
	if st.Words == 0 {
		return st
	}

	wps := float64(st.Words) / float64(st.Sentences)
	spw := float64(st.Syllables) / float64(st.Words)
	switch lang {
	case Spanish:
		st.ReadingEase = 206.84 - 60*spw - 1.02*wps
		st.Perspicuity = 206.835 - 62.3*spw - wps
		st.Grade = SpanishGrade(st.ReadingEase)
	default:
		st.ReadingEase = 206.835 - 1.015*wps - 84.6*spw
		st.Grade = 0.39*wps + 11.8*spw - 15.59
	}
	st.ReadingTime = time.Duration(st.Words) * time.Minute / WordsPerMinute

	st.LongestSentences = longest(sentences, keep(a.Longest, DefaultLongest))
	st.RareLongWords = hardest(words, keep(a.Rare, DefaultRare))
	return st
}

func keep(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return 0
	}
	return n
}

func longest(sentences []Sentence, n int) []Sentence {
	if n == 0 {
		return nil
	}
	sorted := slices.Clone(sentences)
	slices.SortStableFunc(sorted, func(a, b Sentence) int { return cmp.Compare(b.Words, a.Words) })
	return sorted[:min(n, len(sorted))]
}

func hardest(words map[string]*Word, n int) []Word {
	if n == 0 || len(words) == 0 {
		return nil
	}
	list := make([]Word, 0, len(words))
	for _, w := range words {
		list = append(list, *w)
	}
	slices.SortFunc(list, func(a, b Word) int {
		return cmp.Or(
			cmp.Compare(b.Syllables, a.Syllables),
			cmp.Compare(len([]rune(b.Text)), len([]rune(a.Text))),
			cmp.Compare(strings.ToLower(a.Text), strings.ToLower(b.Text)),
		)
	})
	return list[:min(n, len(list))]
}

// SpanishGrade turns a Fernández-Huerta reading ease into a school grade,
// from the table Fernández Huerta gave with his formula: 90-100 is 4th
// grade, 80-90 5th, 70-80 6th, 60-70 7th and 8th, 50-60 pre-university,
// 30-50 selective courses, 0-30 university. The grade runs linearly between
// the points (100, 4), (90, 5), (80, 6), (70, 7), (60, 9), (50, 12),
// (30, 16) and (0, 18), so ease 70 is grade 7 and a grade limit of 7 asks
// for "algo fácil" text. It is a reading of a table, not a fitted formula:
// compare Spanish grades with each other, not with English ones.
func SpanishGrade(ease float64) float64 {
	points := [...][2]float64{{100, 4}, {90, 5}, {80, 6}, {70, 7}, {60, 9}, {50, 12}, {30, 16}, {0, 18}}
	if ease >= points[0][0] {
		// Easier than the table: keep the 10-points-a-grade slope, down to 0.
		return max(0, 4-(ease-100)/10)
	}
	for i := 1; i < len(points); i++ {
		hi, lo := points[i-1], points[i]
		if ease >= lo[0] {
			return lo[1] + (hi[1]-lo[1])*(ease-lo[0])/(hi[0]-lo[0])
		}
	}
	return points[len(points)-1][1]
}
