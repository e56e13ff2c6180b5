package readability

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

// handCount is a text with its sentences, words and syllables counted by
// hand (the counting is in the comment above each case).
type handCount struct {
	name                              string
	text                              string
	sentences, words, syllables, poly int
}

var englishSamples = []handCount{
	{
		// What to expect                               3 words: what 1, to 1, ex-pect 2 = 4
		// Therapy often lasts 12-16 weeks.             5 words: ther-a-py 3, of-ten 2, lasts 1, 12-16 2, weeks 1 = 9
		// Dr. Lee will ask about the people in your life, e.g. family and friends.
		//   14 words: Dr 1, Lee 1, will 1, ask 1, a-bout 2, the 1, peo-ple 2, in 1,
		//   your 1, life 1, e.g. 2, fam-i-ly 3, and 1, friends 1 = 19
		// Bring a list:                                 3 words, 3 syllables
		// your questions                                2 words: your 1, ques-tions 2 = 3
		// the names of your medicines                   5 words: the 1, names 1, of 1, your 1, med-i-cines 3 = 7
		// 6 sentences (one a line), 32 words, 45 syllables; 3 words of 3+: therapy, family, medicines.
		name: "heading, abbreviations, range and list",
		text: "What to expect\n" +
			"Therapy often lasts 12-16 weeks.\n" +
			"Dr. Lee will ask about the people in your life, e.g. family and friends.\n" +
			"Bring a list:\n" +
			"your questions\n" +
			"the names of your medicines\n",
		sentences: 6, words: 32, syllables: 45, poly: 3,
	},
	{
		// "Are you okay?" she asked.        the ? is followed by "she": one sentence
		//   5 words: are 1, you 1, o-kay 2, she 1, asked 1 = 6
		// Yes!                              1 word, 1 syllable
		// The score went from 3.5 to 7... then it fell.   the ellipsis is followed by "then": one sentence
		//   10 words: the 1, score 1, went 1, from 1, 3.5 2, to 1, 7 1, then 1, it 1, fell 1 = 11
		// Call at 9 a.m. on Monday.         "a.m." is followed by "on": one sentence
		//   6 words: call 1, at 1, 9 1, a.m. 2, on 1, Mon-day 2 = 8
		// In the U.S. you can call or text 988.
		//   9 words: in 1, the 1, U.S. 2, you 1, can 1, call 1, or 1, text 1, 988 1 = 10
		// 5 sentences, 31 words, 36 syllables, no word of 3+.
		name: "quotes, marks, ellipsis, decimals, a.m. and U.S.",
		text: `"Are you okay?" she asked. Yes! The score went from 3.5 to 7... then it fell. ` +
			`Call at 9 a.m. on Monday. In the U.S. you can call or text 988.`,
		sentences: 5, words: 31, syllables: 36, poly: 0,
	},
	{
		// Grief after a loss
		//   4 words: grief 1, af-ter 2, a 1, loss 1 = 5
		//
		// (the blank line is skipped)
		// 1. Talk about the person who died—what they were like.
		//   list marker "1." is not a word; the dash splits "died" and "what":
		//   10 words: talk 1, a-bout 2, the 1, per-son 2, who 1, died 1, what 1,
		//   they 1, were 1, like 1 = 12
		// 2. Notice the good times and the hard times.
		//   8 words: no-tice 2, the 1, good 1, times 1, and 1, the 1, hard 1, times 1 = 9
		// Mrs. Diaz, your therapist, can help. She will listen.
		//   "Mrs." does not end a sentence; 2 sentences
		//   6 words: Mrs 1, Di-az 2, your 1, ther-a-pist 3, can 1, help 1 = 9
		//   3 words: she 1, will 1, lis-ten 2 = 4
		// 5 sentences, 31 words, 39 syllables; 1 word of 3+: therapist.
		name: "heading, numbered list, dash, title",
		text: "Grief after a loss\n\n" +
			"1. Talk about the person who died—what they were like.\n" +
			"2. Notice the good times and the hard times.\n" +
			"Mrs. Diaz, your therapist, can help. She will listen.",
		sentences: 5, words: 31, syllables: 39, poly: 1,
	},
}

func TestAnalyzeHandCounted(t *testing.T) {
	for _, c := range englishSamples {
		t.Run(c.name, func(t *testing.T) {
			got := Analyze(c.text)
			if got.Sentences != c.sentences || got.Words != c.words || got.Syllables != c.syllables || got.PolysyllableWords != c.poly {
				t.Errorf("got %d sentences, %d words, %d syllables, %d of 3+; want %d, %d, %d, %d\nsentences:\n%s",
					got.Sentences, got.Words, got.Syllables, got.PolysyllableWords,
					c.sentences, c.words, c.syllables, c.poly, sentenceList(c.text))
			}
			w, s, y := float64(c.words), float64(c.sentences), float64(c.syllables)
			wantGrade := 0.39*(w/s) + 11.8*(y/w) - 15.59
			wantEase := 206.835 - 1.015*(w/s) - 84.6*(y/w)
			if math.Abs(got.Grade-wantGrade) > 0.1 {
				t.Errorf("grade %.2f, want %.2f (from the hand counts)", got.Grade, wantGrade)
			}
			if math.Abs(got.ReadingEase-wantEase) > 0.1 {
				t.Errorf("reading ease %.2f, want %.2f (from the hand counts)", got.ReadingEase, wantEase)
			}
		})
	}
}

// sentenceList shows how a text was split, for failure messages.
func sentenceList(text string) string {
	var b strings.Builder
	for i, block := range strings.Split(text, "\n") {
		for _, s := range splitSentences(block, English) {
			fmt.Fprintf(&b, "  %d: %q %q\n", i, s.text, s.words)
		}
	}
	return b.String()
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Dr. Smith can see you. Mrs. Jones can too.", []string{"Dr. Smith can see you.", "Mrs. Jones can too."}},
		{"Try a small step, e.g. Monday. Then rest.", []string{"Try a small step, e.g. Monday.", "Then rest."}},
		{"Use a list, i.e. One page. Then stop.", []string{"Use a list, i.e. One page.", "Then stop."}},
		{"Come at 9 a.m. Bring a pen.", []string{"Come at 9 a.m.", "Bring a pen."}},
		{"Come at 9 a.m. on Monday.", []string{"Come at 9 a.m. on Monday."}},
		{"In the U.S. call 988. It is free.", []string{"In the U.S. call 988.", "It is free."}},
		{"Most people meet for 12-16 weeks. Some need more.", []string{"Most people meet for 12-16 weeks.", "Some need more."}},
		{"Your score was 3.5 out of 10. That is low.", []string{"Your score was 3.5 out of 10.", "That is low."}},
		{"Wait… Then breathe.", []string{"Wait…", "Then breathe."}},
		{"I was... not sure.", []string{"I was... not sure."}},
		{`He said, "Stop." She left.`, []string{`He said, "Stop."`, "She left."}},
		{`"Are you okay?" she asked.`, []string{`"Are you okay?" she asked.`}},
		{"Really?! Yes.", []string{"Really?!", "Yes."}},
		{"(Call us.) Then rest.", []string{"(Call us.)", "Then rest."}},
		{"John F. Kennedy spoke.", []string{"John F. Kennedy spoke."}},
		{"Visit 988lifeline.org today.", []string{"Visit 988lifeline.org today."}},
		{"Pens, paper, etc. Bring them.", []string{"Pens, paper, etc.", "Bring them."}},
		{"Pens, paper, etc. are fine.", []string{"Pens, paper, etc. are fine."}},
		{"No full stop at the end", []string{"No full stop at the end"}},
		{"1. Call your doctor", []string{"Call your doctor"}},
		{"a) Call a friend.", []string{"Call a friend."}},
		{"— • —", nil},
		{"", nil},
	}
	for _, tt := range tests {
		checkSentences(t, English, tt.text, tt.want)
	}
}

// checkSentences splits text into sentences by the rules of lang.
func checkSentences(t *testing.T, lang, text string, want []string) {
	t.Helper()
	var got []string
	for _, s := range splitSentences(text, lang) {
		got = append(got, s.text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("splitSentences(%q, %s)\n got %q\nwant %q", text, lang, got, want)
	}
}

func TestSpanishSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"¿Cómo estás? Bien, gracias.", []string{"¿Cómo estás?", "Bien, gracias."}},
		{"¡Hola! La Dra. Pérez te verá.", []string{"¡Hola!", "La Dra. Pérez te verá."}},
		{"Llame a su médico, p. ej. Su doctora. Luego descanse.", []string{"Llame a su médico, p. ej. Su doctora.", "Luego descanse."}},
		{"En EE. UU. llame al 988. Es gratis.", []string{"En EE. UU. llame al 988.", "Es gratis."}},
	}
	for _, tt := range tests {
		checkSentences(t, Spanish, tt.text, tt.want)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		tok  string
		want []string
	}{
		{"check-in", []string{"check-in"}},
		{"12-16", []string{"12-16"}},
		{"12–16", []string{"12–16"}},
		{"sadness–then", []string{"sadness", "then"}},
		{"today—not", []string{"today", "not"}},
		{"and/or", []string{"and", "or"}},
		{"24/7", []string{"24/7"}},
		{`“Hello,”`, []string{"Hello"}},
		{"(PHQ-9).", []string{"PHQ-9"}},
		{"e.g.,", []string{"e.g"}},
		{"don't", []string{"don't"}},
		{"was…not", []string{"was", "not"}},
		{"—", nil},
		{"$5", []string{"5"}},
	}
	for _, tt := range tests {
		if got := wordsOf(tt.tok); !slices.Equal(got, tt.want) {
			t.Errorf("wordsOf(%q) = %q, want %q", tt.tok, got, tt.want)
		}
	}
}

// Dictionary counts (Merriam-Webster's hyphenation), chosen to exercise each
// rule in syllables.go; the comment names the rule.
var englishSyllableTests = []struct {
	word string
	want int
}{
	{"a", 1}, {"the", 1}, {"you", 1}, {"yes", 1}, {"year", 1}, // y as a consonant
	{"my", 1}, {"happy", 2}, {"gym", 1}, {"rhythm", 2}, {"beyond", 2}, {"player", 2},
	{"goodbye", 2}, {"eye", 1}, {"eyes", 1},
	{"make", 1}, {"one", 1}, {"whole", 1}, {"there", 1}, {"are", 1}, // silent e
	{"table", 2}, {"people", 2}, {"little", 2}, {"centre", 2}, {"free", 1}, {"issue", 2},
	{"helped", 1}, {"used", 1}, {"called", 1}, {"crawled", 1}, {"wanted", 2}, {"needed", 2}, // -ed
	{"handled", 2}, {"hundred", 2}, {"agreed", 2}, {"studied", 2}, {"continued", 3},
	{"makes", 1}, {"times", 1}, {"changes", 2}, {"boxes", 2}, {"watches", 2}, // -es
	{"places", 2}, {"tables", 2}, {"miles", 1}, {"goes", 1}, {"clothes", 1}, {"themselves", 2},
	{"media", 3}, {"trial", 2}, {"social", 2}, {"asian", 2}, {"appreciate", 4}, // i + vowel
	{"period", 3}, {"radio", 3}, {"serious", 3}, {"nation", 2}, {"million", 2},
	{"behavior", 3}, {"priority", 4}, {"medium", 3}, {"marriage", 2}, {"familiar", 3},
	{"usual", 3}, {"actual", 3}, {"language", 2}, {"situation", 4}, {"fuel", 2}, // u + vowel
	{"quiet", 2}, {"quite", 1}, {"question", 2}, {"society", 4}, {"anxiety", 4}, // ie
	{"client", 2}, {"experience", 4}, {"patient", 2}, {"friend", 1}, {"easier", 3},
	{"idea", 3}, {"area", 3}, {"tea", 1}, {"created", 3}, {"reaction", 3}, {"really", 2}, // ea
	{"video", 3}, {"people", 2},
	{"lonely", 2}, {"family", 3}, {"movement", 2}, {"hopefully", 3}, {"happiness", 3}, // suffixes
	{"loneliness", 3}, {"making", 2}, {"seeing", 2}, {"feelings", 2}, {"thing", 1},
	{"meaningful", 3}, {"safety", 2}, {"only", 2},
	{"someone", 2}, {"anyone", 3}, {"everyone", 3}, {"sometimes", 2}, {"lifeline", 2}, // compounds
	{"homework", 2}, {"caregiver", 3}, {"eyebrow", 2}, {"household", 2}, {"therefore", 2},
	{"vinegar", 3}, {"timely", 2}, {"career", 2},
	{"autism", 3}, {"optimism", 4}, // -sm
	{"league", 1}, {"colleagues", 2}, {"argue", 2}, // -gue
	{"every", 2}, {"business", 2}, {"suicide", 3}, {"science", 2}, // exceptions
	{"café", 2}, {"don't", 1}, {"person's", 2},
	{"interpersonal", 5}, {"psychotherapy", 5}, {"depression", 3}, {"relationship", 4}, // this site's words
	{"renegotiation", 6}, {"confidentiality", 7}, {"psychiatrist", 4}, {"medication", 4},
	{"worksheet", 2}, {"grief", 1}, {"dispute", 2}, {"transition", 3}, {"isolation", 4},
	{"IPT", 3}, {"PHQ-9", 4}, {"SRM-5", 4}, {"IPSRT", 5}, {"W", 3}, {"I", 1}, // capitals and numbers
	{"UK", 2}, {"HOME", 1}, {"NICE", 1}, {"NAMI", 2}, {"CBT's", 3},
	{"988", 1}, {"12-16", 2}, {"3.5", 2}, {"2nd", 1}, {"e.g", 2}, {"hmm", 1},
}

func TestSyllables(t *testing.T) {
	for _, tt := range englishSyllableTests {
		if got := Syllables(tt.word); got != tt.want {
			t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestSpanishSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"y", 1}, {"hoy", 1}, {"muy", 1}, {"yo", 1}, {"ayuda", 3}, // y
		{"día", 2}, {"país", 2}, {"reír", 2}, {"baúl", 2}, // accented weak vowel: hiatus
		{"poeta", 3}, {"leer", 2}, {"caer", 2}, {"aéreo", 4}, {"teatro", 3}, // strong + strong: hiatus
		{"ciudad", 2}, {"cuidado", 3}, {"agua", 2}, {"huevo", 2}, {"familia", 3}, {"buey", 1}, // diphthongs, triphthong
		{"que", 1}, {"guitarra", 3}, {"guerra", 2}, {"seguimiento", 4}, // silent u
		{"pingüino", 3}, {"averigüéis", 4}, // ü
		{"ahora", 3}, {"ahí", 2}, {"prohibido", 3}, {"rehusar", 2}, {"búho", 2}, {"alcohol", 3}, {"marihuana", 4}, // h between vowels
		{"relación", 3}, {"psicoterapia", 5}, {"interpersonal", 5},
		{"depresión", 3}, {"sesiones", 3}, {"EE", 2}, {"988", 1},
	}
	for _, tt := range tests {
		if got := SpanishSyllables(tt.word); got != tt.want {
			t.Errorf("SpanishSyllables(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}

func TestAnalyzeSpanishHandCounted(t *testing.T) {
	// La terapia interpersonal ayuda con la depresión.
	//   7 words: la 1, te-ra-pia 3, in-ter-per-so-nal 5, a-yu-da 3, con 1, la 1, de-pre-sión 3 = 17
	// ¿Cómo te sientes hoy?
	//   4 words: có-mo 2, te 1, sien-tes 2, hoy 1 = 6
	// 2 sentences, 11 words, 23 syllables; 1 word of 4+: interpersonal.
	got := AnalyzeSpanish("La terapia interpersonal ayuda con la depresión. ¿Cómo te sientes hoy?")
	if got.Sentences != 2 || got.Words != 11 || got.Syllables != 23 {
		t.Fatalf("got %d sentences, %d words, %d syllables; want 2, 11, 23", got.Sentences, got.Words, got.Syllables)
	}
	wantEase := 206.84 - 60*23.0/11 - 1.02*11.0/2 // 75.78
	wantPersp := 206.835 - 62.3*23.0/11 - 11.0/2  // 71.07
	if math.Abs(got.ReadingEase-wantEase) > 0.1 || math.Abs(got.Perspicuity-wantPersp) > 0.1 {
		t.Errorf("ease %.2f, perspicuity %.2f; want %.2f, %.2f", got.ReadingEase, got.Perspicuity, wantEase, wantPersp)
	}
	if math.Abs(got.Grade-SpanishGrade(wantEase)) > 0.01 {
		t.Errorf("grade %.2f, want %.2f", got.Grade, SpanishGrade(wantEase))
	}
	if got.Lang != Spanish {
		t.Errorf("Lang = %q, want %q", got.Lang, Spanish)
	}
	if len(got.RareLongWords) != 1 || got.RareLongWords[0].Text != "interpersonal" {
		t.Errorf("rare long words %v, want [interpersonal]", got.RareLongWords)
	}
}

func TestSpanishGrade(t *testing.T) {
	tests := []struct{ ease, want float64 }{
		{120, 2}, {150, 0}, {100, 4}, {95, 4.5}, {90, 5}, {80, 6}, {70, 7}, {65, 8},
		{60, 9}, {50, 12}, {40, 14}, {30, 16}, {15, 17}, {0, 18}, {-20, 18},
	}
	for _, tt := range tests {
		if got := SpanishGrade(tt.ease); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("SpanishGrade(%v) = %v, want %v", tt.ease, got, tt.want)
		}
	}
}

func TestLongestSentencesAndBlocks(t *testing.T) {
	text := "Short one.\n\nThis is the longest sentence of them all by far. Tiny.\nA middle length line here."
	got := Analyzer{Longest: 2}.Analyze(text)
	want := []Sentence{
		{Text: "This is the longest sentence of them all by far.", Block: 2, Words: 10, Syllables: 12},
		{Text: "A middle length line here.", Block: 3, Words: 5, Syllables: 6},
	}
	if !slices.Equal(got.LongestSentences, want) {
		t.Errorf("longest sentences\n got %+v\nwant %+v", got.LongestSentences, want)
	}
	if n := len(Analyzer{Longest: -1}.Analyze(text).LongestSentences); n != 0 {
		t.Errorf("Longest -1 kept %d sentences, want 0", n)
	}
	if n := len(Analyze(text).LongestSentences); n != DefaultLongest {
		t.Errorf("default kept %d sentences, want %d", n, DefaultLongest)
	}
	// Blocks: line breaks inside a block are spaces, not sentence ends.
	b := AnalyzeBlocks([]string{"A heading", "A paragraph that was\nwrapped in the source."})
	if b.Sentences != 2 || b.LongestSentences[0].Block != 1 || b.LongestSentences[0].Words != 8 {
		t.Errorf("AnalyzeBlocks: %d sentences, longest %+v; want 2, block 1 with 8 words", b.Sentences, b.LongestSentences[0])
	}
}

func TestRareLongWords(t *testing.T) {
	// renegotiation 6; interpersonal and psychotherapy 5 and 13 letters each,
	// so alphabetical; depression, family and therapy are on the easy list;
	// Interpersonal is counted twice whatever its case.
	text := "Interpersonal psychotherapy helps with depression. Renegotiation takes time.\n" +
		"Your family can help. Therapy is interpersonal."
	got := Analyze(text).RareLongWords
	want := []Word{
		{Text: "Renegotiation", Syllables: 6, Count: 1},
		{Text: "Interpersonal", Syllables: 5, Count: 2},
		{Text: "psychotherapy", Syllables: 5, Count: 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("rare long words\n got %+v\nwant %+v", got, want)
	}
	if n := len(Analyzer{Rare: 1}.Analyze(text).RareLongWords); n != 1 {
		t.Errorf("Rare 1 kept %d words", n)
	}
	// Inflections of easy words are easy too; numbers are never rare.
	if got := Analyze("Families remembered relationships 1234567.").RareLongWords; len(got) != 0 {
		t.Errorf("rare long words %+v, want none", got)
	}
}

func TestEasyListIsLong(t *testing.T) {
	// A word on the easy list that is not long would hide nothing and
	// mislead the reader of the list.
	for lang, words := range easyLong {
		count, least := englishWordSyllables, 3
		if lang == Spanish {
			count, least = spanishWordSyllables, 4
		}
		for w := range words {
			if n := count(w); n < least {
				t.Errorf("%s easy word %q has %d syllables, fewer than %d", lang, w, n, least)
			}
		}
	}
}

func TestEmptyAndReadingTime(t *testing.T) {
	for _, text := range []string{"", "\n\n", "— • —", "..."} {
		got := Analyze(text)
		if got.Words != 0 || got.Sentences != 0 || got.Grade != 0 || got.ReadingEase != 0 || got.ReadingTime != 0 ||
			got.LongestSentences != nil || got.RareLongWords != nil {
			t.Errorf("Analyze(%q) = %+v, want zero Stats", text, got)
		}
	}
	got := Analyze(strings.Repeat("Go home now. ", 100)) // 300 words
	if got.ReadingTime != 90*time.Second {
		t.Errorf("300 words: reading time %v, want 1m30s", got.ReadingTime)
	}
	if s := got.String(); s != "grade -2.6, ease 119.2, 300 words, 100 sentences, 300 syllables, 2 min" {
		t.Errorf("String() = %q", s)
	}
}

func TestSupported(t *testing.T) {
	for lang, want := range map[string]bool{"en": true, "en-GB": true, "es": true, "es-MX": true, "ES_es": true, "fr": false, "": false} {
		if got := Supported(lang); got != want {
			t.Errorf("Supported(%q) = %v, want %v", lang, got, want)
		}
	}
	if got := (Analyzer{Lang: "fr"}).Analyze("Bonjour.").Lang; got != English {
		t.Errorf("unsupported language measured as %q, want %q", got, English)
	}
}

// The example's counts: 22 words (4 + 7 + 5 + 6), 29 syllables, 4 sentences:
// 0.39 × 22/4 + 11.8 × 29/22 − 15.59 = 2.11.
func ExampleAnalyze() {
	st := Analyze("Before your first session\n" +
		"Your therapist will ask how you feel. You can ask questions too.\n" +
		"Most people meet for 12-16 weeks.")
	fmt.Printf("%d words, %d sentences, grade %.1f\n", st.Words, st.Sentences, st.Grade)
	fmt.Println(st.LongestSentences[0].Text)
	// Output:
	// 22 words, 4 sentences, grade 2.1
	// Your therapist will ask how you feel.
}
