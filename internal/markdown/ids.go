package markdown

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// NewIDs returns the heading-id generator for one document: goldmark's rule (letters and
// digits kept in lower case, spaces and hyphens made hyphens, the rest dropped, a number
// added to repeats), except that accented letters keep their base letter, so
// "¿Cómo se ve?" becomes como-se-ve and not cmo-se-ve. Use it with
// parser.NewContext(parser.WithIDs(markdown.NewIDs())).
func NewIDs() parser.IDs { return &ids{seen: map[string]int{}} }

type ids struct{ seen map[string]int }

// fold maps accented Latin letters to their base letter.
var fold = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ñ", "n", "ç", "c", "ý", "y", "ÿ", "y", "œ", "oe", "æ", "ae", "ß", "ss",
)

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range fold.Replace(strings.ToLower(strings.TrimSpace(string(value)))) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case r >= 128 && unicode.IsLetter(r):
			b.WriteRune(r) // other scripts keep their letters
		case unicode.IsSpace(r) || r == '-' || r == '_':
			b.WriteByte('-')
		}
	}
	id := b.String()
	if id == "" {
		id = "id"
		if kind == ast.KindHeading {
			id = "heading"
		}
	}
	if _, ok := s.seen[id]; !ok {
		s.seen[id] = 0
		return []byte(id)
	}
	for i := s.seen[id] + 1; ; i++ {
		next := fmt.Sprintf("%s-%d", id, i)
		if _, ok := s.seen[next]; !ok {
			s.seen[next] = 0
			s.seen[id] = i
			return []byte(next)
		}
	}
}

func (s *ids) Put(value []byte) { s.seen[string(value)] = 0 }
