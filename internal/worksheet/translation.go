package worksheet

import (
	"fmt"

	"github.com/yuin/goldmark/parser"
)

// Translation marks the document about to be parsed with pc (after [Begin]) as a
// translation of the worksheet whose fields are original, read from the file from.
//
// A translation shares its saved answers with the original, so what a control
// stores must not depend on the language: an option of a choice, checklist or
// choice column, a ring of a circle, an activity of a rhythm and a fixed row of a
// table store the original's text at the same place, while the translation's own
// text is shown. Fields are matched by id (the build reports differing ids), and
// their parts by position; a part count, type or value that differs is an error
// at the translation's line, naming the original's.
func Translation(pc parser.Context, original []*Field, from string) {
	s, _ := pc.Get(stateKey).(*state)
	if s == nil {
		s = &state{}
		pc.Set(stateKey, s)
	}
	s.orig = map[string]*Field{}
	for _, f := range original {
		s.orig[f.ID] = f
	}
	s.from = from
}

// translate ties each field of a translation to the original's field of the same
// id and reports the differences that would keep answers from being shared.
func (s *state) translate() {
	if s.orig == nil {
		return
	}
	for _, f := range s.fields {
		if o := s.orig[f.ID]; o != nil {
			m := &matcher{from: s.from}
			m.field(f, o)
			s.errs = append(s.errs, m.errs...)
		}
	}
}

type matcher struct {
	from string
	errs []*Error
}

func (m *matcher) errorf(line int, format string, args ...any) {
	m.errs = append(m.errs, &Error{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// at names the place in the original, for messages: content/worksheets/x.md:12.
func (m *matcher) at(line int) string { return fmt.Sprintf("%s:%d", m.from, line) }

// count reports a list whose length differs from the original's; what names one
// entry and many.
func (m *matcher) count(f, o *Field, key string, what [2]string, got, want int) bool {
	if got == want {
		return true
	}
	m.errorf(f.keyLine(key), "%s %s has %s but %s has %s; a translation needs one for each, in the same order, so that answers are shared",
		f.Type, f.ID, n(got, what), m.at(o.keyLine(key)), n(want, what))
	return false
}

// n writes a count with its noun: 1 option, 2 options.
func n(x int, what [2]string) string {
	if x == 1 {
		return "1 " + what[0]
	}
	return fmt.Sprintf("%d %s", x, what[1])
}

func (m *matcher) field(f, o *Field) {
	if f.Type != o.Type {
		m.errorf(f.keyLine("type"), "field %s is a %s but in %s a %s; a translation keeps the type, so that answers are shared",
			f.ID, f.Type, m.at(o.keyLine("type")), o.Type)
		return
	}
	f.orig = o
	if t := fieldType(f.Type, false); t != nil && t.Translate != nil {
		t.Translate(m, f, o)
	}
}

// stored returns what entry i of a list shown as own is saved as: the original's
// entry at the same place in a translation (orig not nil), else the entry itself.
func stored(own, orig []string, i int) string {
	if i < len(orig) {
		return orig[i]
	}
	return own[i]
}

// origOf returns the original's list of f chosen by pick, or nil when f is no translation.
func origOf(f *Field, pick func(*Field) []string) []string {
	if f == nil || f.orig == nil {
		return nil
	}
	return pick(f.orig)
}
