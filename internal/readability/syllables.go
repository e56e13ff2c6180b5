package readability

import (
	"strings"
	"unicode"
)

// Syllables counts the syllables of one English word by rule; see the
// package documentation for the method and its known error. A word with
// no vowel sound found still counts as one syllable; a number counts one
// syllable per group of digits.
func Syllables(word string) int { return englishWordSyllables(word) }

// englishWordSyllables counts a word as the words it is made of: runs of
// digits count one syllable each ("12-16" is 2, "3.5" is 2), runs of
// letters are counted by letterSyllables (an ordinal ending after digits,
// as in "2nd", counts nothing), and separators (hyphens, full stops,
// slashes) count nothing, so "check-in" is "check" plus "in".
func englishWordSyllables(word string) int {
	total := 0
	afterDigits := false
	forEachRun(word, func(run string, digits bool) {
		switch {
		case digits:
			total++
		case afterDigits && isNumberSuffix(run):
			// "2nd", "1990s": read with the number.
		default:
			total += letterSyllables(run)
		}
		afterDigits = digits
	})
	return max(total, 1)
}

func isNumberSuffix(run string) bool {
	switch strings.ToLower(run) {
	case "st", "nd", "rd", "th", "s":
		return true
	}
	return false
}

// forEachRun calls f for each run of digits and each run of letters
// (apostrophes inside a run of letters belong to it) in word.
func forEachRun(word string, f func(run string, digits bool)) {
	rs := []rune(word)
	for i := 0; i < len(rs); {
		switch {
		case unicode.IsDigit(rs[i]):
			j := i
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
			f(string(rs[i:j]), true)
			i = j
		case unicode.IsLetter(rs[i]):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || isApostrophe(rs[j]) && j+1 < len(rs) && unicode.IsLetter(rs[j+1])) {
				j++
			}
			f(string(rs[i:j]), false)
			i = j
		default:
			i++
		}
	}
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// isSpelledOut reports whether run is capitals read letter by letter: two
// or three of them (IPT, PHQ, UK), or four or five with no vowel or with
// three consonants in a row (IPSRT). Other capitals are read as a word
// (HOME, NICE, STOP).
func isSpelledOut(run string) bool {
	rs := []rune(run)
	if len(rs) < 2 || len(rs) > 5 || strings.ToUpper(run) != run || strings.ToLower(run) == run {
		return false
	}
	if len(rs) <= 3 {
		return true
	}
	vowels, consonants := 0, 0
	for _, r := range strings.ToLower(run) {
		if strings.ContainsRune("aeiouyáéíóúü", r) {
			vowels++
			consonants = 0
			continue
		}
		consonants++
		if consonants == 3 {
			return true
		}
	}
	return vowels == 0
}

// possessive drops a possessive 's, which adds no syllable to a spelled-out word.
var possessive = strings.NewReplacer("'s", "", "’s", "")

// letterSyllables counts a run of letters. Capitals that are read letter
// by letter (see isSpelledOut) count a syllable a letter (IPT, PHQ, SRM:
// three each; W is three); anything else goes to englishSyllables in lower
// case, without apostrophes ("don't" is "dont") and with accents dropped.
func letterSyllables(run string) int {
	bare := possessive.Replace(run)
	if isSpelledOut(bare) {
		total := 0
		for _, r := range bare {
			total += letterName(r)
		}
		return total
	}
	lower := strings.ToLower(run)
	if rest, ok := strings.CutSuffix(lower, "é"); ok && len(rest) >= 2 {
		// A final é is sounded: "café", "fiancé", "résumé".
		return letterSyllables(rest) + 1
	}
	var b strings.Builder
	for _, r := range lower {
		if isApostrophe(r) {
			continue
		}
		b.WriteRune(foldAccent(r))
	}
	w := b.String()
	if len([]rune(w)) == 1 {
		return letterName([]rune(w)[0])
	}
	return englishSyllables(w)
}

func letterName(r rune) int {
	if r == 'w' || r == 'W' {
		return 3
	}
	return 1
}

func foldAccent(r rune) rune {
	switch r {
	case 'à', 'á', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'è', 'é', 'ê', 'ë':
		return 'e'
	case 'ì', 'í', 'î', 'ï':
		return 'i'
	case 'ò', 'ó', 'ô', 'ö', 'õ':
		return 'o'
	case 'ù', 'ú', 'û', 'ü':
		return 'u'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	}
	return r
}

// englishExceptions are words the rules get wrong that are likely on a
// health site, with their dictionary syllable counts. Plurals are listed
// where they differ.
var englishExceptions = map[string]int{
	"every": 2, "evening": 2, "evenings": 2, "business": 2, "businesses": 3,
	"recipe": 3, "recipes": 3, "maybe": 2, "wednesday": 2, "wednesdays": 2,
	"science": 2, "scientist": 3, "scientists": 3, "scientific": 4,
	"lion": 2, "poem": 2, "poems": 2, "poet": 2, "poetry": 3,
	"element": 3, "elements": 3, "diabetes": 4, "museum": 3, "museums": 3,
	"someone": 2, "suicide": 3, "suicides": 3,
	"suicidal": 4, "genuine": 3, "genuinely": 4, "fluid": 2, "fluids": 2,
	"ruin": 2, "ruined": 2, "cooperate": 4, "cooperation": 5, "coordinate": 4,
	"coordinator": 5, "reality": 4, "realistic": 4, "realistically": 5,
	"confidentiality": 7, "nevertheless": 4, "naive": 2, "spontaneous": 4,
	"brilliant": 2, "create": 2, "creature": 2, "creatures": 2,
	"preoccupied": 4, "reevaluate": 5, "reassure": 3, "reassured": 3,
	"reassurance": 4, "reassuring": 4, "reopen": 3, "reuse": 2,
	"alien": 3, "soldier": 2, "soldiers": 2, "cashier": 2, "being": 2,
	"beings": 2, "wellbeing": 3, "via": 2, "hyperactive": 5, "hyperactivity": 7,
	"argue": 2, "argues": 2, "intuition": 4, "intuitive": 4, "geography": 4,
	"realize": 3, "realized": 3, "realizes": 3, "realise": 3, "realised": 3,
	"realises": 3, "realist": 3, "whoever": 3, "naked": 2, "wicked": 2,
	"crooked": 2, "rugged": 2, "ragged": 2, "wretched": 2, "beloved": 3,
	"giant": 2, "giants": 2, "genius": 2, "theater": 3, "theaters": 3,
	"theatre": 3, "theatres": 3, "nuclear": 3, "coincidence": 4,
	"champion": 3, "champions": 3, "chaos": 2, "chaotic": 3, "reunion": 3,
	"reunions": 3, "reunite": 3, "reunited": 4, "persuade": 2, "persuaded": 3,
	"cereal": 3, "lions": 2, "aliens": 3, "heroin": 3, "heroine": 3,
	"heroic": 3, "tuition": 3, "meteor": 3, "neon": 2, "poets": 2,
	"poetic": 3, "psyche": 2, "patio": 3, "ratio": 3, "geometry": 4,
	"geology": 4, "headaches": 2, "aches": 1, "backaches": 2,
	"stomachaches": 3,
}

// compoundTails end compound words whose first part ends in a silent e
// ("lifeline", "someone", "sometimes") or is "every" or "any"; the parts
// are counted apart so the e is not read as a vowel.
var compoundTails = []string{
	"ones", "one", "body", "things", "thing", "where", "times", "time",
	"lines", "line", "works", "work", "days", "day", "ways", "way",
	"places", "place", "what", "how", "more", "selves", "self", "sides",
	"side", "sheets", "sheet", "made", "wide", "sick", "book", "books",
	"house", "room", "life", "care", "name", "giver", "givers", "giving",
	"hold", "ball", "head", "walk", "yard", "land", "town", "back",
	"keeper", "keeping", "coming", "man", "men", "stone", "stones", "long",
	"worker", "workers", "guard", "well", "some", "style",
}

// compoundHeads start compound words and end in a silent e: "homeland",
// "eyebrow", "firefighter". A word starting with one is counted as the head
// plus the rest when the rest starts with a consonant and has a vowel.
var compoundHeads = []string{
	"eye", "fire", "home", "life", "house", "side", "time", "safe", "care",
	"base", "face", "game", "whole", "space", "grave", "stage", "race",
	"horse", "cheese", "bride", "grape", "some", "wine",
	"note", "tire", "there", "love", "name", "stone", "smoke", "skate",
	"share", "scare", "trade", "waste", "nine", "spoke", "bare",
}

// suffixes that are one syllable (two for "fully") and do not change the
// word before them, which is counted on its own: "lonely" is "lone" plus
// "ly", so its silent e stays silent.
var suffixes = []struct {
	text      string
	syllables int
}{
	{"fully", 2}, {"ments", 1}, {"ment", 1}, {"ness", 1}, {"less", 1},
	{"ings", 1}, {"ing", 1}, {"ful", 1}, {"ly", 1},
}

// englishSyllables counts a lower-case word of the letters a-z.
func englishSyllables(w string) int { return wordPart(w, true) }

// wordPart counts a word, or when whole is false a part of one left by
// taking off a suffix ("increas" of "increasing").
func wordPart(w string, whole bool) int {
	if n, ok := englishExceptions[w]; ok {
		return n
	}
	for _, head := range compoundHeads {
		rest, ok := strings.CutPrefix(w, head)
		if ok && len(rest) >= 3 && !isVowelLetter(rest[0]) && rest[0] != 'y' && hasVowel(rest) {
			return wordPart(head, true) + wordPart(rest, whole)
		}
	}
	for _, tail := range compoundTails {
		head, ok := strings.CutSuffix(w, tail)
		if !ok || len(head) < 3 {
			continue
		}
		if head == "every" || head == "any" || strings.HasSuffix(head, "e") && hasVowel(head[:len(head)-1]) {
			return wordPart(head, true) + wordPart(tail, whole)
		}
	}
	// "safety", "ninety": a silent e before "ty".
	if stem, ok := strings.CutSuffix(w, "ty"); ok && len(stem) >= 3 && strings.HasSuffix(stem, "e") && !isVowelLetter(stem[len(stem)-2]) && hasVowel(stem[:len(stem)-1]) {
		return wordPart(stem, true) + 1
	}
	for _, s := range suffixes {
		stem, ok := strings.CutSuffix(w, s.text)
		if !ok || len(stem) < 2 || !hasVowel(stem) {
			continue
		}
		// "happiness", "easily": the stem is "happy", "easy".
		if s.text != "ing" && s.text != "ings" && strings.HasSuffix(stem, "i") && len(stem) > 2 {
			stem = stem[:len(stem)-1] + "y"
		}
		return wordPart(stem, false) + s.syllables
	}
	return baseSyllables(w, whole)
}

// hasVowel reports whether w has a vowel other than a leading y.
func hasVowel(w string) bool {
	for i := range len(w) {
		if strings.IndexByte("aeiou", w[i]) >= 0 || w[i] == 'y' && i > 0 {
			return true
		}
	}
	return false
}

func isVowelLetter(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// baseSyllables counts vowel groups, splits the groups that are two
// syllables, and drops the silent endings.
func baseSyllables(w string, whole bool) int {
	n := len(w)
	v := make([]bool, n)
	for i := range n {
		c := w[i]
		switch {
		case c == 'u' && i > 0 && w[i-1] == 'q':
			v[i] = false // the u of "qu" is a w sound
		case c == 'y':
			// A y that starts a word or comes before a vowel is a
			// consonant ("yes", "beyond"), except in a final "ye" ("bye").
			v[i] = i > 0 && !(i+1 < n && isVowelLetter(w[i+1]) && !(i+2 == n && w[i+1] == 'e'))
		default:
			v[i] = isVowelLetter(c)
		}
	}
	count := 0
	for i := range n {
		if !v[i] {
			continue
		}
		if i == 0 || !v[i-1] {
			count++
		} else if hiatus(w, i, whole) {
			count++
		}
	}
	if count == 0 {
		return 1
	}
	consonant := func(i int) bool { return i >= 0 && i < n && !v[i] }
	before := func(i int) byte {
		if i < 0 {
			return 0
		}
		return w[i]
	}

	switch {
	case n >= 3 && w[n-1] == 'e' && consonant(n-2) && count > 1:
		// Silent final e ("make"), but a consonant before "le" or "re"
		// makes a syllable ("table", "centre").
		c := w[n-2]
		if !((c == 'l' || c == 'r') && consonant(n-3) && before(n-3) != c) {
			count--
		}
	case n >= 4 && strings.HasSuffix(w, "ed") && consonant(n-3) && count > 1:
		// "-ed" is silent ("helped") except after t or d ("wanted") or a
		// consonant before l or r ("handled", "hundred").
		c := w[n-3]
		b := before(n - 4)
		syllabic := c == 't' || c == 'd' || (c == 'l' || c == 'r') && consonant(n-4) && b != c && b != 'w'

		if !syllabic {
			count--
		}
	case n >= 4 && strings.HasSuffix(w, "es") && consonant(n-3) && count > 1:
		// "-es" is silent ("makes") except after a hissing sound
		// ("boxes", "changes", "watches") or a consonant before l or r
		// ("tables").
		c, b := w[n-3], before(n-4)
		syllabic := strings.IndexByte("sxz", c) >= 0 || c == 'g' || c == 'c' ||
			c == 'h' && (b == 'c' || b == 's') ||
			(c == 'l' || c == 'r') && consonant(n-4) && b != c && b != 'w'
		if !syllabic {
			count--
		}
	}
	// The ue of a final "gue" is silent ("league", "tongue", "colleagues").
	if (strings.HasSuffix(w, "gue") || strings.HasSuffix(w, "gues")) && count > 1 {
		count--
	}
	// A final "sm" or "thm" is a syllable of its own ("autism", "rhythm").
	stem := strings.TrimSuffix(w, "s")
	if strings.HasSuffix(stem, "sm") || strings.HasSuffix(stem, "thm") {
		count++
	}
	return max(count, 1)
}

// hiatus reports whether the vowels at i-1 and i, in one group, are two
// syllables ("di-et", "u-su-al", "i-de-a"). Rules about the end of a
// word apply only when w is whole.
func hiatus(w string, i int, whole bool) bool {
	n := len(w)
	p, c := w[i-1], w[i]
	before := byte(0)
	if i >= 2 {
		before = w[i-2]
	}
	after := w[i+1:]
	next := byte(0)
	if i+1 < n {
		next = w[i+1]
	}
	switch string([]byte{p, c}) {
	case "ia":
		// "media", "trial", "appreciate", but not "social", "asian",
		// "marriage", "civilian".
		switch {
		case next == 't':
			return true
		case strings.IndexByte("ctsxg", before) >= 0 || strings.HasPrefix(after, "ge"):
			return false
		case before == 'l' && i >= 3 && (after == "n" || after == "ns" || after == "r" || after == "rs"):
			return false
		}
		return true
	case "io":
		// "period", "radio", "serious", "priority", but not "nation",
		// "million", "behavior", "behaviour".
		if before == 'r' {
			return true
		}
		return strings.IndexByte("ctsxg", before) < 0 && after != "n" && after != "ns" &&
			!strings.HasPrefix(after, "r") && !strings.HasPrefix(after, "ur")
	case "iu":
		return true // "medium"
	case "ua", "uo":
		return before != 'g' && before != 'q' // "usual", "duo", not "language"
	case "ue":
		return before != 'g' && before != 'q' && (next == 'l' || next == 'n' || next == 't') // "fuel", "fluent"
	case "ie":
		switch {
		case next == 't':
			return true // "quiet", "society"
		case next == 'n' && i+2 < n && (w[i+2] == 't' || w[i+2] == 'c'):
			return before != 'c' && before != 't' && before != 'n' // "client", "experience", not "patient", "convenient"
		case after == "r" || after == "rs" || after == "st":
			return i >= 2 && hasVowel(w[:i-2]) && !isVowelLetter(before) // "easier", "happiest", not "pier"
		}
	case "ea":
		// "idea", "area", "create", "reaction", not "tea", "real".
		if whole && (after == "" || after == "s") && i >= 2 && hasVowel(w[:i-1]) {
			return true
		}
		return i >= 2 && strings.HasSuffix(w[:i-1], "r") && (i == 2 || w[:i-1] == "cr") && (next == 't' || strings.HasPrefix(after, "ct"))
	case "eo":
		return after == "" || after == "s" // "video", "stereo", not "people"
	}
	return false
}
