package worksheet

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

type choiceKeys struct {
	Options []string `yaml:"options"`
	Other   other    `yaml:"other"`
}

// other is the "other" box after the options: other: true asks for the
// interface's own label, other: <text> gives one.
type other struct {
	On    bool
	Label string // "" for the interface's
}

func (o *other) decodeKey(d *decoder, key string, v *yaml.Node) {
	if v.Tag == "!!bool" {
		o.On = v.Value == "true"
	} else {
		o.Label = d.str(v, key)
		o.On = o.Label != ""
	}
}

// Choice is one of a few options, with an optional "other" box.
var Choice = &Type{
	Name:      "choice",
	Keys:      choiceKeys{},
	Check:     checkOptions,
	Render:    renderChoice,
	Translate: translateChoice,
	Column: &Column{
		Cell:  choiceCell,
		Paper: func(c *Field) string { return paper(strings.Join(keysOf[choiceKeys](c).Options, " / ")) },
		Translate: func(m *matcher, f, c, o *Field) {
			got, want := len(keysOf[choiceKeys](c).Options), len(keysOf[choiceKeys](o).Options)
			if got != want {
				m.errorf(c.keyLine("options"), "table %s: column %s has %d options but %s has %d; a translation needs one for each, in the same order, so that answers are shared",
					f.ID, c.ID, got, m.at(o.keyLine("options")), want)
			}
		},
	},
}

// Checklist is any of a few options, with an optional "other" box.
var Checklist = &Type{
	Name:      "checklist",
	Keys:      choiceKeys{},
	Check:     checkOptions,
	Render:    renderChoice,
	Translate: translateChoice,
}

func checkOptions(c *checker, f *Field) {
	k := keysOf[choiceKeys](f)
	if len(k.Options) < 2 {
		c.errorf(c.at("options"), "%s needs at least 2 options", f.Type)
	}
	dupes(c.decoder, c.at("options"), "option", k.Options)
}

func renderChoice(b *builder, f *Field) {
	k := keysOf[choiceKeys](f)
	b.open()
	kind := "radio"
	if f.Type == "checklist" {
		kind = "checkbox"
	}
	b.w("<div class=\"ws-options\">\n")
	orig := origOf(f, func(o *Field) []string { return keysOf[choiceKeys](o).Options })
	for i, o := range k.Options {
		b.w("<div class=\"ws-option\"><input type=\"%s\" id=\"%s_%d\" name=\"%s\" value=\"%s\"><label for=\"%s_%d\">%s</label></div>\n",
			kind, b.p, i+1, b.p, e(stored(k.Options, orig, i)), b.p, i+1, e(o))
	}
	if k.Other.On {
		other := k.Other.Label
		if other == "" {
			other = b.t("worksheet.other")
		}
		b.w("<div class=\"ws-option ws-other\"><input type=\"%s\" id=\"%s_other\" name=\"%s\" data-other><label for=\"%s_other\" id=\"%s_other-label\">%s</label>\n",
			kind, b.p, b.p, b.p, b.p, e(other))
		b.w("<input type=\"text\" class=\"ws-input\" autocomplete=\"off\" id=\"%s_other-text\" data-other-text aria-label=\"%s\"></div>\n",
			b.p, e(other+", "+b.t("worksheet.other-text")))
	}
	b.w("</div>\n")
	b.close()
}

// choiceCell writes a choice column's cell: a drop-down of the options, each
// saved as the original's in a translation.
func choiceCell(b *builder, c *Field, id, attrs string) {
	k := keysOf[choiceKeys](c)
	b.w("<select class=\"ws-input\" autocomplete=\"off\" id=\"%s\"%s><option value=\"\">%s</option>", id, attrs, e(b.t("worksheet.choose")))
	orig := origOf(c, func(o *Field) []string { return keysOf[choiceKeys](o).Options })
	for i, o := range k.Options {
		if v := stored(k.Options, orig, i); v != o {
			b.w("<option value=\"%s\">%s</option>", e(v), e(o))
		} else {
			b.w("<option>%s</option>", e(o))
		}
	}
	b.w("</select>")
}

// translateChoice: the options are saved as the original's, one for one, and the
// "other" box is kept.
func translateChoice(m *matcher, f, o *Field) {
	k, ok := keysOf[choiceKeys](f), keysOf[choiceKeys](o)
	m.count(f, o, "options", [2]string{"option", "options"}, len(k.Options), len(ok.Options))
	switch {
	case k.Other.On && !ok.Other.On:
		m.errorf(f.keyLine("other"), "%s %s has an \"other\" box but %s has none; a translation keeps the original's boxes", f.Type, f.ID, m.at(o.Line))
	case !k.Other.On && ok.Other.On:
		m.errorf(f.Line, "%s %s has no \"other\" box but %s has one; a translation keeps the original's boxes", f.Type, f.ID, m.at(o.keyLine("other")))
	}
}
