package readability

// Sentences splits a block of text into its sentences, by the rules the grades use (see
// the package doc), in the language lang ("es" or "es-*" for Spanish, anything else for
// English). A list marker that opens the block is left out; spaces are collapsed.
func Sentences(block, lang string) []string {
	l := English
	if baseLang(lang) == Spanish {
		l = Spanish
	}
	raw := splitSentences(block, l)
	out := make([]string, len(raw))
	for i, s := range raw {
		out[i] = s.text
	}
	return out
}
