package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iptsite/iptsite/internal/markdown"
)

// phoneNumbers finds the phone numbers written in the page's text blocks outside a
// tel: or sms: link: a person in distress on a phone can tap a link, not a number in a
// sentence. Links are taken out of each block first (the facts keep their text and
// line); what is left is read for numbers (see phoneIn).
func (pc *pageCheck) phoneNumbers() {
	if pc.main == nil {
		return
	}
	known := pc.knownNumbers()
	var taps []markdown.Link // the tel: and sms: links, in document order
	for _, l := range pc.facts.Links {
		if d := strings.ToLower(l.Dest); strings.HasPrefix(d, "tel:") || strings.HasPrefix(d, "sms:") {
			taps = append(taps, l)
		}
	}
	next := 0 // the first link not yet found in a block
	for _, t := range pc.facts.Texts {
		text := t.Text
		if len(t.Marks) > 0 {
			text, next = withoutLinks(t, taps, next)
		}
		for _, n := range phoneIn(text, known) {
			num := t.Text[n.at:n.end]
			pc.find(pc.p.File, pc.lineOr(t.Line(n.at)), RulePhoneNumber,
				"%q looks like a phone number written as plain text, which a phone cannot call: make it a link, as in [%s](tel:%s) (or sms: to text it), or show the site's crisis lines with a crisis-lines block",
				num, num, dialable(num))
		}
	}
}

// withoutLinks returns the text of t with the text of its tel: and sms: links (those of
// taps from next on that start on its lines and are found in it, in order) blanked
// out, and the index of the first link left.
func withoutLinks(t markdown.Text, taps []markdown.Link, next int) (string, int) {
	first, last := t.Marks[0].Line, t.Marks[len(t.Marks)-1].Line
	b := []byte(t.Text)
	from := 0
	for ; next < len(taps) && taps[next].Line <= last; next++ {
		l := taps[next]
		if l.Line < first || l.Text == "" {
			continue
		}
		i := strings.Index(t.Text[from:], l.Text)
		if i < 0 {
			continue
		}
		i += from
		for j := i; j < i+len(l.Text); j++ {
			b[j] = '_'
		}
		from = i + len(l.Text)
	}
	return string(b), next
}

// knownNumbers returns the digits of the numbers site.yaml sets: every language's
// crisis lines and the clinic's phone.
func (pc *pageCheck) knownNumbers() map[string]bool {
	known := map[string]bool{}
	add := func(n string) {
		if d := digitsOf(n); len(d) >= 3 {
			known[d] = true
		}
	}
	for _, lang := range pc.cfg.Langs() {
		lc := pc.cfg.For(lang)
		add(lc.Clinic.Phone)
		for _, c := range lc.Crisis {
			add(c.Number)
			add(c.SMS)
		}
	}
	return known
}

// A number is a run of digit groups in a text, from at to end.
type number struct {
	at, end int
	groups  []string // the digit groups, in order
	dashes  int      // how many groups follow a hyphen
	plus    bool     // it starts with +
}

func (n number) digits() string { return strings.Join(n.groups, "") }

// phoneIn returns the numbers of text that are phone numbers: one that site.yaml sets
// (known, by its digits); 7 digits or more in groups, or after a +, as in 1-800-799-7233
// or +44 20 7946 0958; or 3 digits or more a few words after call, text, dial, llama,
// envía… (call 911, text HOME to 741741). Not counted: a number joined to a word
// (PHQ-9, 10am), a range (12-16, 0-27, 2012-2014), a date (2021-10-15), a year after
// call, a time or a decimal (10:30, 1.5, 1,000).
func phoneIn(text string, known map[string]bool) []number {
	var out []number
	for i := 0; i < len(text); {
		n, ok := numberAt(text, i)
		if !ok {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		i = n.end
		if n.groups == nil || n.isRange() || n.isDate() {
			continue
		}
		d := n.digits()
		switch {
		case known[d]:
		case len(d) >= 7 && (len(n.groups) > 1 || n.plus):
		case len(d) >= 3 && !n.isYear() && afterCall(text[:n.at]):
		default:
			continue
		}
		out = append(out, n)
	}
	return out
}

// numberAt reads the number that starts at i, if one does: ok is false when i is not
// the start of one, and n.groups nil when it is a number but part of something else
// (a word, a time, a decimal), which n.end skips.
func numberAt(s string, i int) (n number, ok bool) {
	start := i
	if s[i] == '+' || s[i] == '(' {
		if i+1 >= len(s) || !isDigit(s[i+1]) {
			return n, false
		}
		n.plus = s[i] == '+'
		i++
	}
	if !isDigit(s[i]) {
		return n, false
	}
	n.at = start
	joined := false // the number is part of a word or of another number
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		joined = unicode.IsLetter(r) || r == '_'
		if (r == '-' || r == '.' || r == ',' || r == ':' || r == '/') && start > 1 {
			p, _ := utf8.DecodeLastRuneInString(s[:start-1])
			joined = joined || unicode.IsLetter(p) || unicode.IsDigit(p)
		}
	}
	for {
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		n.groups = append(n.groups, s[i:j])
		i = j
		// a separator and the next group: a hyphen, a space, a bracket around an area code
		k := i
		closing := k < len(s) && s[k] == ')'
		if closing {
			k++
		}
		dash, space := false, false
		switch {
		case k < len(s) && s[k] == '-':
			dash, k = true, k+1
		case k < len(s) && s[k] == ' ':
			space, k = true, k+1
		case strings.HasPrefix(s[k:], "\u00a0"):
			space, k = true, k+len("\u00a0")
		}
		if !closing && k < len(s) && s[k] == '(' {
			k++
		}
		if k == i || k >= len(s) || !isDigit(s[k]) {
			break
		}
		next := k
		for next < len(s) && isDigit(s[next]) {
			next++
		}
		// in a sentence, "988 24 hours" is two numbers: a group of a phone number after a
		// space has 3 digits or more, unless the number is international (+44 20 …)
		if space && !n.plus && next-k < 3 {
			break
		}
		if dash {
			n.dashes++
		}
		i = k
	}
	n.end = i
	if i < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		after := i+1 < len(s) && isDigit(s[i+1])
		joined = joined || unicode.IsLetter(r) || r == '%' || r == '_' ||
			((r == '.' || r == ',' || r == ':' || r == '/') && after)
	}
	if joined {
		n.groups = nil
		for n.end < len(s) && !unicode.IsSpace(rune(s[n.end])) {
			n.end++
		}
	}
	return n, true
}

// isRange reports whether n is two numbers joined by a hyphen that read as a range:
// 0-27, 12-16, 256-264, 2012-2014; but 555-0100 is a phone number.
func (n number) isRange() bool {
	if len(n.groups) != 2 || n.dashes != 1 || n.plus {
		return false
	}
	a, b := n.groups[0], n.groups[1]
	return len(a) <= 2 || (len(a) == len(b) && a < b)
}

// isDate reports whether n is a date written year-month-day.
func (n number) isDate() bool {
	return len(n.groups) == 3 && n.dashes == 2 && len(n.groups[0]) == 4 && len(n.groups[1]) == 2 && len(n.groups[2]) == 2
}

func (n number) isYear() bool {
	return len(n.groups) == 1 && len(n.groups[0]) == 4 && (strings.HasPrefix(n.groups[0], "19") || strings.HasPrefix(n.groups[0], "20"))
}

// callWords are the words that say a number is one to call or text, in the languages
// of the default site.
var callWords = map[string]bool{
	"call": true, "calls": true, "calling": true, "text": true, "texts": true, "texting": true,
	"phone": true, "telephone": true, "dial": true, "ring": true, "sms": true, "whatsapp": true,
	"tel": true, "llama": true, "llamar": true, "llame": true, "llamas": true, "marca": true,
	"marcar": true, "marque": true, "envía": true, "envia": true, "enviar": true, "texto": true,
	"mensaje": true, "teléfono": true, "telefono": true,
}

// afterCall reports whether one of the last 4 words of before, in its last sentence,
// is a call word.
func afterCall(before string) bool {
	if i := strings.LastIndexAny(before, ".!?;"); i >= 0 {
		before = before[i+1:]
	}
	ws := strings.FieldsFunc(strings.ToLower(before), func(r rune) bool { return !unicode.IsLetter(r) })
	for _, w := range ws[max(0, len(ws)-4):] {
		if callWords[w] {
			return true
		}
	}
	return false
}

// digitsOf returns the digits of s.
func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// dialable returns a number as a tel: link has it: its digits, after its +.
func dialable(s string) string {
	if strings.HasPrefix(s, "+") {
		return "+" + digitsOf(s)
	}
	return digitsOf(s)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
