// Package readability measures how hard a text is to read: the
// Flesch-Kincaid grade level that the site's pages must keep to (7 or
// lower by default), the counts behind it, and the places to start when a
// page is over: its longest sentences and its rarest long words.
//
// The build hands it the text of a rendered page as blocks (headings,
// paragraphs, list items, table cells); Analyze takes the same as text with
// one block a line. It has no dependencies and no word lists beyond a few
// hundred words written into the package.
//
// # What is counted
//
// Words are the runs of text between spaces that hold a letter or a digit.
// A hyphen keeps a word whole ("check-in", "PHQ-9", "12-16" are one word
// each); a dash between words ("today—not") and a slash between letters
// ("and/or") make two. Punctuation and list markers ("1.", "a)", "•") are
// not words. Numbers are words.
//
// Sentences end at ".", "!", "?" and "…" as a person would read them, and
// always at the end of a block, so a heading or a list item without a
// full stop is a sentence of its own. A full stop does not end a sentence
//   - inside a token: 3.5, 988lifeline.org;
//   - after a title or a "for example" abbreviation: Dr., Mr., Mrs., Ms.,
//     Prof., St., e.g., i.e., cf., vs., approx. (Spanish: Sr., Sra., Dra.,
//     Ud., p. ej., EE. UU.);
//   - after an initial: John F. Kennedy;
//   - before a word in lower case: "Are you ok?" she asked;
//   - after etc., a.m., p.m., U.S. and other dotted initials, or after an
//     ellipsis, unless the next word starts with a capital letter.
//
// Closing quotes and brackets after the mark belong to the sentence they
// close ("Stop." She left. is two sentences). The rules fail on an
// abbreviation they do not know followed by a capital letter ("Rev. Smith"
// is two sentences) and on a sentence that ends with a title or "e.g.";
// both are rare in plain-language writing.
//
// # Syllables
//
// English syllables are counted by rule, not looked up (see Syllables):
//   - a group of vowels (a, e, i, o, u, and y when it is not a consonant:
//     y starting a word or before a vowel is one, as in "yes", "beyond")
//     is a syllable; the u of "qu" is a consonant;
//   - some groups are two syllables: i before a, o, u ("media", "period",
//     "medium", but not "social", "nation", "million"), u before a or o
//     ("usual"), "ie" before t or in "-ient", "-ience" ("quiet",
//     "client", "experience"), "-ier", "-iest" ("easier"), a final "ea"
//     ("idea", "area");
//   - a silent final e drops a syllable ("make"), but not after a
//     consonant and l or r ("table", "centre"); so do "-ed" except after
//     t or d ("helped", "wanted") and "-es" except after a hissing sound
//     ("makes", "changes");
//   - "-sm" and "-thm" add one ("autism", "rhythm");
//   - the suffixes -ly, -ful, -ness, -less, -ment, -ing and -fully are
//     counted apart from the word they end, so a silent e before them
//     stays silent ("lonely", "movement", "making");
//   - compounds whose first part ends in a silent e are counted by parts
//     ("someone", "lifeline", "homework", "caregiver");
//   - a short list of exceptions covers words the rules miss that a
//     health site is likely to use ("every", "business", "suicide").
//
// Capitals of two or three letters, and of four or five with no vowel or
// three consonants in a row, are read letter by letter (IPT and PHQ are
// three syllables, IPSRT five, W is three; HOME and NICE are words). A
// number is one syllable per group of digits (988 is one, 12-16 and 3.5
// are two), fewer than spoken, which keeps a page of times and phone
// numbers from reading as hard. Every word has at least one syllable.
//
// Known error: against the CMU Pronouncing Dictionary, the counter
// disagrees on 0.7% of the 5,000 most frequent English words of the
// SUBTLEX-US film-subtitle corpus (0.1% of running words) and on 2.1% of
// the 20,000 most frequent (0.2% of running words). Some of those are
// words that people say two ways: "tired", "fire" and "desire" are one
// syllable here and in most dictionaries, two in CMU. Errors in both
// directions mostly cancel over a page, and a count off by one on one word
// in a hundred moves the grade by about 0.1. TestDictionary measures the
// error again when given the word list; its comment says how to make one.
// Short capitals used for emphasis ("NOW") are read as letters and
// over-counted; use bold or italics instead.
//
// Spanish syllables follow the Academia's rules for vowels in contact and
// are exact for correctly accented spelling (see SpanishSyllables, which
// also gives their check against another syllabifier).
//
// # Formulas
//
// English (Kincaid et al., 1975; Flesch, 1948):
//
//	grade = 0.39 × words/sentences + 11.8 × syllables/words − 15.59
//	ease  = 206.835 − 1.015 × words/sentences − 84.6 × syllables/words
//
// Spanish (Fernández Huerta, 1959, with the correction published by Law in
// 2011, so that longer sentences lower the score; Szigriszt Pazos, 1993):
//
//	ease        = 206.84 − 60 × syllables/words − 1.02 × words/sentences
//	perspicuity = 206.835 − 62.3 × syllables/words − words/sentences
//
// and the grade is read from Fernández Huerta's table (see SpanishGrade).
//
// # Limits
//
// A grade is a count of long sentences and long words, nothing more: it
// does not know whether a word is familiar, whether the sentences follow
// from each other, or whether the page answers the reader's question.
// Short texts (under about 100 words) give unstable grades; a page made
// of headings and one-line list items scores low because each line is a
// sentence. Use the grade to find pages to look at, and the longest
// sentences and rare words to find where to start.
package readability
