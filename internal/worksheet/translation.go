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

var (
	options    = [2]string{"option", "options"}
	items      = [2]string{"item", "items"}
	rules      = [2]string{"rule", "rules"}
	rings      = [2]string{"ring", "rings"}
	activities = [2]string{"activity", "activities"}
	rowNames   = [2]string{"row name", "row names"}
	columns    = [2]string{"column", "columns"}
)

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
	switch f.Type {
	case "choice", "checklist":
		m.count(f, o, "options", options, len(f.Options), len(o.Options))
		switch {
		case f.HasOther && !o.HasOther:
			m.errorf(f.keyLine("other"), "%s %s has an \"other\" box but %s has none; a translation keeps the original's boxes", f.Type, f.ID, m.at(o.Line))
		case !f.HasOther && o.HasOther:
			m.errorf(f.Line, "%s %s has no \"other\" box but %s has one; a translation keeps the original's boxes", f.Type, f.ID, m.at(o.keyLine("other")))
		}
	case "scale", "timeline", "tracker":
		m.rating(f, o)
	case "questionnaire":
		m.count(f, o, "items", items, len(f.Items), len(o.Items))
		if m.count(f, o, "options", options, len(f.Answers), len(o.Answers)) {
			for i, a := range f.Answers {
				if a.Value != o.Answers[i].Value {
					m.errorf(f.keyLine("options"), "questionnaire %s: option %d (%s) has value %s but %s has %s; a translation keeps the values",
						f.ID, i+1, a.Label, fnum(a.Value), m.at(o.keyLine("options")), fnum(o.Answers[i].Value))
				}
			}
		}
		if m.count(f, o, "rules", rules, len(f.Rules), len(o.Rules)) {
			for i, r := range f.Rules {
				if r.Item != o.Rules[i].Item || r.Above != o.Rules[i].Above || r.Crisis != o.Rules[i].Crisis {
					m.errorf(f.keyLine("rules"), "questionnaire %s: rule %d differs from the one in %s; a translation shows its messages for the same answers",
						f.ID, i+1, m.at(o.keyLine("rules")))
				}
			}
		}
	case "table":
		m.table(f, o)
	case "circle":
		m.count(f, o, "rings", rings, len(f.Rings), len(o.Rings))
	case "rhythm":
		m.count(f, o, "activities", activities, len(f.Activities), len(o.Activities))
	}
}

func (m *matcher) rating(f, o *Field) {
	if f.Min != o.Min || f.Max != o.Max || f.Step != o.Step {
		at := f.keyLine("min")
		if f.keyLines["min"] == 0 {
			at = f.keyLine("max")
		}
		m.errorf(at, "%s %s runs from %s to %s by %s but in %s from %s to %s by %s; a translation keeps the numbers",
			f.Type, f.ID, fnum(f.Min), fnum(f.Max), fnum(f.Step), m.at(o.Line), fnum(o.Min), fnum(o.Max), fnum(o.Step))
	}
}

func (m *matcher) table(f, o *Field) {
	if (f.FixedRows == nil) != (o.FixedRows == nil) {
		m.errorf(f.Line, "table %s %s fixedRows but %s %s; a translation keeps the same kind of rows",
			f.ID, uses(f.FixedRows != nil), m.at(o.Line), uses(o.FixedRows != nil))
	} else if f.FixedRows != nil {
		m.count(f, o, "fixedRows", rowNames, len(f.FixedRows), len(o.FixedRows))
	}
	if !m.count(f, o, "columns", columns, len(f.Columns), len(o.Columns)) {
		return
	}
	for i, c := range f.Columns {
		oc := o.Columns[i]
		switch {
		case c.ID != oc.ID:
			m.errorf(c.Line, "table %s: column %d is %s but in %s %s; a translation keeps the column ids", f.ID, i+1, c.ID, m.at(oc.Line), oc.ID)
		case c.Type != oc.Type:
			m.errorf(c.keyLine("type"), "table %s: column %s is a %s but in %s a %s; a translation keeps the types", f.ID, c.ID, c.Type, m.at(oc.keyLine("type")), oc.Type)
		default:
			c.orig = oc
			switch c.Type {
			case "choice":
				if len(c.Options) != len(oc.Options) {
					m.errorf(c.keyLine("options"), "table %s: column %s has %d options but %s has %d; a translation needs one for each, in the same order, so that answers are shared",
						f.ID, c.ID, len(c.Options), m.at(oc.keyLine("options")), len(oc.Options))
				}
			case "scale":
				if c.Min != oc.Min || c.Max != oc.Max || c.Step != oc.Step {
					m.errorf(c.Line, "table %s: column %s runs from %s to %s but in %s from %s to %s; a translation keeps the numbers",
						f.ID, c.ID, fnum(c.Min), fnum(c.Max), m.at(oc.Line), fnum(oc.Min), fnum(oc.Max))
				}
			}
		}
	}
}

func uses(b bool) string {
	if b {
		return "has"
	}
	return "has no"
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
