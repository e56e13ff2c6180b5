package markdown

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// writeRunes is textWriter.write as it was, rune by rune: what the faster one must equal.
func writeRunes(w *textWriter, s []byte, line int) {
	if w.b.Len() == 0 {
		w.space = true
	}
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if unicode.IsSpace(r) {
			if !w.space {
				w.b.WriteByte(' ')
				w.space = true
			}
			continue
		}
		if line > 0 {
			if n := len(w.t.Marks); n == 0 || w.t.Marks[n-1].Line != line {
				w.t.Marks = append(w.t.Marks, Mark{At: w.b.Len(), Line: line})
			}
			line = 0
		}
		w.b.WriteRune(r)
		w.space = false
	}
}

// sameWrites writes the pieces with both and compares the texts and their marks.
func sameWrites(t *testing.T, pieces []string) {
	t.Helper()
	var got, want textWriter
	for i, p := range pieces {
		got.write([]byte(p), i%3)
		writeRunes(&want, []byte(p), i%3)
	}
	if g, w := got.text(), want.text(); !reflect.DeepEqual(g, w) {
		t.Errorf("%q:\ngot  %+v\nwant %+v", pieces, g, w)
	}
}

// TestTextWriter: the text of a block, collapsed, with the line each part came from, as
// the rune-by-rune writer made it: ASCII, spaces of every kind, other scripts, bad UTF-8.
func TestTextWriter(t *testing.T) {
	for _, pieces := range [][]string{
		{"Hello  there,\\n you.", " And\\tmore\\r\\n", "end "},
		{"  lead", "", "\\u00a0nbsp\\u0085nel\\u2028ls\\u3000ideo", "¿Qué?  «Sí» — “quoted”"},
		{"bad \\xff utf8 \\xc3", "\\xe2\\x80", " x\\vy\\fz"},
		{"a", "b", " ", "c"},
	} {
		sameWrites(t, pieces)
	}
}

func FuzzTextWriter(f *testing.F) {
	f.Add("Hello  there,\\n you.", " x\\u00a0y ")
	f.Add("\\xff\\xc3 é", "\\t\\u2028")
	f.Fuzz(func(t *testing.T, a, b string) {
		sameWrites(t, []string{a, b, strings.ToUpper(a)})
	})
}
