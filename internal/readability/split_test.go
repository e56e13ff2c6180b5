package readability

import (
	"reflect"
	"testing"
)

func TestSentencesExported(t *testing.T) {
	for _, c := range []struct {
		lang, block string
		want        []string
	}{
		{"en", "1. Call Dr. Lee at 9 a.m. Bring a pen.  It helps!", []string{"Call Dr. Lee at 9 a.m.", "Bring a pen.", "It helps!"}},
		{"es-MX", "¿Cómo está? Llame al Sr. Pérez. Gracias", []string{"¿Cómo está?", "Llame al Sr. Pérez.", "Gracias"}},
		{"en", "", nil},
	} {
		got := Sentences(c.block, c.lang)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q, %q) = %q, want %q", c.block, c.lang, got, c.want)
		}
	}
}
