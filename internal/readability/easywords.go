package readability

import "strings"

// easyLong are long words (three syllables or more; four in Spanish) that
// readers at grade 5 or so know well. They still count for the grade; they
// are only left out of Stats.RareLongWords, so that the words shown are the
// ones worth replacing. The list is short on purpose: it is not a word
// frequency list, and a long word missing from it is shown, not hidden.
var easyLong = map[string]map[string]bool{
	English: set(
		// everyday words
		"everyone", "everything", "everybody", "everywhere", "everyday",
		"anyone", "anything", "anybody", "anywhere", "anymore", "another",
		"together", "however", "whatever", "whenever", "wherever", "already",
		"family", "yesterday", "tomorrow", "remember", "understand",
		"understanding", "important", "different", "difference", "usually",
		"probably", "actually", "especially", "finally", "easily", "beautiful",
		"library", "hospital", "medicine", "telephone", "animal", "computer",
		"company", "several", "example", "interesting", "interested",
		"vegetable", "holiday", "afternoon", "difficult", "exercise",
		"newspaper", "somebody", "nobody", "video", "radio", "idea", "area",
		"energy", "history", "memory", "favorite", "continue", "beginning",
		"comfortable", "uncomfortable", "terrible", "wonderful", "possible",
		"impossible", "possibly", "seventeen", "seventy", "eleven", "carefully",
		"suddenly", "exactly", "happiness", "unhappy", "happily", "celebrate",
		"tomato", "potato", "banana", "camera", "internet", "generally",
		"natural", "naturally", "personal", "physical", "normally", "regular",
		"regularly", "quietly", "easier", "happier", "emergency",
		"appointment", "medical", "pharmacy",
		// the words of this site that its readers come to it for
		"relationship", "therapy", "therapist", "depression", "anxiety",
	),
	Spanish: set(
		"importante", "necesita", "necesitas", "necesitan", "todavía",
		"terapeuta", "relaciones", "teléfono", "emergencia", "diferente",
		"información", "actividad", "imposible", "normalmente",
		"generalmente", "realmente", "solamente", "especialmente",
		"finalmente", "amistades", "compañero", "compañera",
	),
}

// easyLongWord reports whether w, or the word it is an inflection of, is on
// the easy list of lang.
func easyLongWord(w, lang string) bool {
	list := easyLong[lang]
	w = strings.ToLower(w)
	if list[w] {
		return true
	}
	if lang == Spanish {
		for _, s := range []string{"s", "es"} {
			if stem, ok := strings.CutSuffix(w, s); ok && list[stem] {
				return true
			}
		}
		return false
	}
	// "families", "relationships", "remembered", "continuing".
	for _, c := range []struct{ suffix, repl string }{
		{"ies", "y"}, {"ied", "y"}, {"es", ""}, {"s", ""}, {"ed", ""},
		{"d", ""}, {"ing", ""}, {"ing", "e"}, {"ly", ""},
	} {
		if stem, ok := strings.CutSuffix(w, c.suffix); ok && list[stem+c.repl] {
			return true
		}
	}
	return false
}
