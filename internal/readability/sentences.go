package readability

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A sentence as split from a block: its text and its words, each word
// stripped of the punctuation around it.
type rawSentence struct {
	text  string
	words []string
}

// Runes that may stand between a word and the full stop, question or
// exclamation mark that ends it, or come after it: closing quotes, brackets
// and the emphasis marks of Markdown text that was not rendered.
const closers = `)]}"'”’»›*_`

// Runes that may open a word: opening quotes and brackets, Spanish inverted
// marks, emphasis marks.
const openers = `([{"'“‘«‹¿¡*_`

// Abbreviations that never end a sentence unless they end the block: titles
// before a name and the Latin "for example" kind that always lead on.
var leadingAbbrevs = map[string]map[string]bool{
	English: set("dr.", "mr.", "mrs.", "ms.", "mx.", "prof.", "st.", "e.g.", "i.e.", "cf.", "vs.", "v.", "approx.", "incl.", "esp.", "fig."),
	Spanish: set("sr.", "sra.", "srta.", "dr.", "dra.", "lic.", "ud.", "uds.", "vd.", "vds.", "ej.", "p.ej.", "ee.", "aprox.", "núm.", "pág.", "tel.", "cf.", "vs.", "e.g.", "i.e."),
}

// Abbreviations that may end a sentence: they end one when the next word
// starts with a capital letter ("at 9 a.m. Bring a pen").
var closingAbbrevs = map[string]map[string]bool{
	English: set("etc.", "a.m.", "p.m.", "u.s.", "u.k.", "u.s.a.", "no.", "jr.", "sr.", "inc.", "ltd.", "co.", "min.", "mins.", "hr.", "hrs.", "wk.", "wks.", "yr.", "yrs."),
	Spanish: set("etc.", "a.m.", "p.m.", "ee.uu.", "uu.", "n.º", "min.", "h."),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// splitSentences splits one block into sentences. The end of the block ends
// the last sentence whatever its punctuation. Inside the block a sentence
// ends at a token whose last mark (before closing quotes and brackets) is
// ".", "!", "?" or an ellipsis, with these exceptions:
//   - the next token starts with a lower-case letter ("Are you ok?" she
//     asked; approx. ten);
//   - the token is a title or a leading abbreviation ("Dr.", "e.g.") or an
//     initial ("J.");
//   - the token is a closing abbreviation ("etc.", "a.m.", "U.S.") or an
//     ellipsis, and the next token does not start with a capital letter.
//
// Full stops inside a token (3.5, 988lifeline.org, e.g.) never end one.
// A list marker ("1.", "a)") that opens the block is not a word.
func splitSentences(block, lang string) []rawSentence {
	fields := strings.Fields(block)
	if len(fields) > 0 && isListMarker(fields[0]) {
		fields = fields[1:]
	}
	var out []rawSentence
	start := 0
	flush := func(end int) {
		var words []string
		for _, f := range fields[start:end] {
			words = append(words, wordsOf(f)...)
		}
		if len(words) > 0 {
			out = append(out, rawSentence{text: strings.Join(fields[start:end], " "), words: words})
		}
		start = end
	}
	for i, f := range fields {
		if i+1 == len(fields) {
			flush(i + 1)
			break
		}
		if endsSentence(f, fields[i+1], lang) {
			flush(i + 1)
		}
	}
	return out
}

func endsSentence(tok, next, lang string) bool {
	t := strings.TrimRight(tok, closers)
	last, _ := utf8.DecodeLastRuneInString(t)
	switch {
	case last == '…' || strings.HasSuffix(t, ".."):
		return startsUpper(next)
	case last == '!' || last == '?' || last == '‽':
		return !startsLower(next)
	case last != '.':
		return false
	}
	abbr := strings.ToLower(strings.TrimLeft(t, openers))
	switch {
	case leadingAbbrevs[lang][abbr] || isInitial(abbr, t):
		return false
	case closingAbbrevs[lang][abbr] || isDottedInitials(abbr):
		return startsUpper(next)
	}
	return !startsLower(next)
}

// isInitial reports whether t is one capital letter and a full stop, as in
// "John F. Kennedy".
func isInitial(lower, t string) bool {
	r, n := utf8.DecodeRuneInString(strings.TrimLeft(t, openers))
	return len(lower) == n+1 && unicode.IsUpper(r)
}

// isDottedInitials reports whether s is two or more single letters each
// followed by a full stop: "a.k.a.", "u.n.".
func isDottedInitials(s string) bool {
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 || !unicode.IsLetter([]rune(p)[0]) {
			return false
		}
	}
	return true
}

func isListMarker(f string) bool {
	body := strings.TrimRight(strings.TrimLeft(f, "("), ".)")
	if body == f || body == "" {
		return f == "•" || f == "-" || f == "*" || f == "–" || f == "—"
	}
	if len(body) == 1 && body[0] >= 'a' && body[0] <= 'z' {
		return true
	}
	for _, r := range body {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(body) <= 3
}

// firstLetter returns the first letter or digit of a token.
func firstLetter(tok string) (rune, bool) {
	for _, r := range tok {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r, true
		}
	}
	return 0, false
}

func startsLower(tok string) bool {
	r, ok := firstLetter(tok)
	return ok && unicode.IsLower(r)
}

func startsUpper(tok string) bool {
	r, ok := firstLetter(tok)
	return ok && unicode.IsUpper(r)
}

// wordsOf returns the words of one whitespace-separated token. Dashes
// between words ("today—not tomorrow"), a slash between letters ("and/or")
// and an ellipsis inside a token separate words; a hyphen does not
// ("check-in" is one word, "12-16" is one number), nor does an en dash
// between digits. Punctuation around a word is dropped; a token with no
// letter or digit is not a word.
func wordsOf(tok string) []string {
	var words []string
	rs := []rune(tok)
	start := 0
	emit := func(end int) {
		if w := trimWord(string(rs[start:end])); w != "" {
			words = append(words, w)
		}
	}
	for i, r := range rs {
		split := false
		switch r {
		case '—', '―', '…':
			split = true
		case '–':
			split = !(i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1]))
		case '/':
			split = i > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i-1]) && unicode.IsLetter(rs[i+1])
		}
		if split {
			emit(i)
			start = i + 1
		}
	}
	emit(len(rs))
	return words
}

// trimWord drops everything before the first letter or digit and after the
// last one.
func trimWord(s string) string {
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	first := strings.IndexFunc(s, isWordRune)
	if first < 0 {
		return ""
	}
	last := strings.LastIndexFunc(s, isWordRune)
	_, size := utf8.DecodeRuneInString(s[last:])
	return s[first : last+size]
}

func isNumber(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) < 0
}
