package worksheet

import "fmt"

// The single-control types: one label, one control.

// Text is one line of text.
var Text = &Type{
	Name:   "text",
	Render: func(b *builder, f *Field) { b.single(inputOf("text", b.p)) },
	Column: &Column{Cell: inputCell},
}

// Date is a date picker.
var Date = &Type{
	Name:   "date",
	Render: func(b *builder, f *Field) { b.single(inputOf("date", b.p)) },
	Column: &Column{Cell: inputCell},
}

// Time is a time of day; only a table column (the rhythm's cells are times).
var Time = &Type{
	Name:   "time",
	Column: &Column{Cell: inputCell},
}

// inputOf returns the input of a text or date field.
func inputOf(kind, p string) func(b *builder, desc string) {
	return func(b *builder, desc string) {
		b.w("<input type=\"%s\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\" name=\"%s\"%s>\n", kind, p, p, desc)
	}
}

// inputCell writes a text, date or time cell: an input of the column's type.
func inputCell(b *builder, c *Field, id, attrs string) {
	b.w("<input type=\"%s\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\"%s>", c.Type, id, attrs)
}

type textareaKeys struct {
	Rows rows `yaml:"rows"` // lines shown
}

// Textarea is a few lines of text.
var Textarea = &Type{
	Name:  "textarea",
	Keys:  textareaKeys{},
	Check: func(c *checker, f *Field) { keysOf[textareaKeys](f).Rows.setDefault(4) },
	Render: func(b *builder, f *Field) {
		b.single(func(b *builder, desc string) {
			b.w("<textarea class=\"ws-input\" autocomplete=\"off\" id=\"%s\" name=\"%s\" rows=\"%d\"%s></textarea>\n", b.p, b.p, keysOf[textareaKeys](f).Rows, desc)
		})
	},
	Column: &Column{Cell: func(b *builder, c *Field, id, attrs string) {
		b.w("<textarea class=\"ws-input\" autocomplete=\"off\" id=\"%s\" rows=\"2\"%s></textarea>", id, attrs)
	}},
}

type numberKeys struct {
	Min  *float64 `yaml:"min"`
	Max  *float64 `yaml:"max"`
	Step step     `yaml:"step"` // 0: any
	Unit string   `yaml:"unit"`
}

// Number is a number, with an optional range, step and unit.
var Number = &Type{
	Name: "number",
	Keys: numberKeys{},
	Check: func(c *checker, f *Field) {
		if k := keysOf[numberKeys](f); k.Min != nil && k.Max != nil && *k.Min >= *k.Max {
			c.errorf(c.at("min"), "min (%s) must be less than max (%s)", fnum(*k.Min), fnum(*k.Max))
		}
	},
	Render: func(b *builder, f *Field) {
		b.single(func(b *builder, desc string) {
			k := keysOf[numberKeys](f)
			if k.Unit == "" {
				b.w("<input type=\"number\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\" name=\"%s\" inputmode=\"decimal\"%s%s>\n", b.p, b.p, k.attrs(), desc)
				return
			}
			unit := fmt.Sprintf("%s_unit", b.p)
			if desc == "" {
				desc = fmt.Sprintf(` aria-describedby="%s"`, unit)
			} else {
				desc = fmt.Sprintf(` aria-describedby="%s_hint %s"`, b.p, unit)
			}
			b.w("<span class=\"ws-with-unit\"><input type=\"number\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\" name=\"%s\" inputmode=\"decimal\"%s%s> <span class=\"ws-unit\" id=\"%s\">%s</span></span>\n",
				b.p, b.p, k.attrs(), desc, unit, e(k.Unit))
		})
	},
	Column: &Column{Cell: func(b *builder, c *Field, id, attrs string) {
		b.w("<input type=\"number\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\" inputmode=\"decimal\"%s%s>", id, keysOf[numberKeys](c).attrs(), attrs)
	}},
}

// attrs returns the min, max and step attributes of a number input.
func (k *numberKeys) attrs() string {
	var s string
	if k.Min != nil {
		s += fmt.Sprintf(` min="%s"`, fnum(*k.Min))
	}
	if k.Max != nil {
		s += fmt.Sprintf(` max="%s"`, fnum(*k.Max))
	}
	if k.Step > 0 {
		s += fmt.Sprintf(` step="%s"`, fnum(float64(k.Step)))
	} else {
		s += ` step="any"`
	}
	return s
}

// single writes a field of one control: its label, its hint, and the control
// that input writes, given the aria-describedby attribute of the hint ("" without one).
func (b *builder) single(input func(b *builder, desc string)) {
	f := b.f
	b.w("<div class=\"ws-field ws-%s\" id=\"%s\" data-field=\"%s\" data-type=\"%s\">\n", f.Type, f.ID, f.ID, f.Type)
	b.w("<label class=\"ws-label\" id=\"%s_label\" for=\"%s\">%s</label>\n", b.p, b.p, e(f.Label))
	b.hint()
	input(b, b.hintAttr())
	b.w("</div>\n")
}
