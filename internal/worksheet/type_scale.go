package worksheet

import (
	"fmt"
	"math"
)

// rating is what a scale, a timeline and a tracker share: a range of answer points
// and what its ends mean.
type rating struct {
	Min      float64 `yaml:"min"`
	Max      float64 `yaml:"max"`
	MinLabel string  `yaml:"minLabel"`
	MaxLabel string  `yaml:"maxLabel"`
	step     float64 // between points: a scale's own step, else 1
}

type scaleKeys struct {
	rating
	Step step `yaml:"step"`
}

// maxPoints bounds the answer points of a scale so it stays usable on a phone.
const maxPoints = 21

// Scale is one answer on a range of points, each end named.
var Scale = &Type{
	Name: "scale",
	Keys: scaleKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[scaleKeys](f)
		k.step = float64(k.Step)
		k.check(c, f.Type, 0, 10)
	},
	Render: renderScale,
	Translate: func(m *matcher, f, o *Field) {
		m.rating(f, o, &keysOf[scaleKeys](f).rating, &keysOf[scaleKeys](o).rating)
	},
	Column: &Column{
		Cell: scaleCell,
		Paper: func(c *Field) string {
			k := keysOf[scaleKeys](c)
			ps := k.points()
			if len(ps) == 0 {
				return ""
			}
			return paper(fmt.Sprintf("%s %s … %s %s", fnum(ps[0]), k.MinLabel, fnum(ps[len(ps)-1]), k.MaxLabel))
		},
		Translate: func(m *matcher, f, c, o *Field) {
			ck, ok := keysOf[scaleKeys](c), keysOf[scaleKeys](o)
			if ck.Min != ok.Min || ck.Max != ok.Max || ck.step != ok.step {
				m.errorf(c.Line, "table %s: column %s runs from %s to %s but in %s from %s to %s; a translation keeps the numbers",
					f.ID, c.ID, fnum(ck.Min), fnum(ck.Max), m.at(o.Line), fnum(ok.Min), fnum(ok.Max))
			}
		},
	},
}

// check applies the default range, min to max by 1, and checks that it has a few
// points and named ends. typ names the field's type for messages.
func (r *rating) check(c *checker, typ string, min, max float64) {
	if !c.valid["min"] {
		r.Min = min
	}
	if !c.valid["max"] {
		r.Max = max
	}
	if r.step == 0 {
		r.step = 1
	}
	if r.Min >= r.Max {
		c.errorf(c.at("min"), "min (%s) must be less than max (%s)", fnum(r.Min), fnum(r.Max))
	} else if pts := math.Floor((r.Max-r.Min)/r.step+1e-9) + 1; pts > maxPoints {
		c.errorf(c.at("max"), "%s from %s to %s has %s points; at most %d fit on a phone", typ, fnum(r.Min), fnum(r.Max), fnum(pts), maxPoints)
	}
	if r.MinLabel == "" || r.MaxLabel == "" {
		c.errorf(c.n, "%s needs minLabel and maxLabel (what the ends mean)", typ)
	}
}

// points returns the answer points: min, min+step, ... max.
func (r *rating) points() []float64 {
	step := r.step
	if step <= 0 {
		step = 1
	}
	var ps []float64
	for i := 0; ; i++ {
		v := r.Min + float64(i)*step
		if v > r.Max+1e-9 || i > maxPoints {
			break
		}
		ps = append(ps, math.Round(v*1e6)/1e6)
	}
	return ps
}

// rating reports a translation whose range differs from the original's.
func (m *matcher) rating(f, o *Field, r, ro *rating) {
	if r.Min != ro.Min || r.Max != ro.Max || r.step != ro.step {
		at := f.keyLine("min")
		if f.keyLines["min"] == 0 {
			at = f.keyLine("max")
		}
		m.errorf(at, "%s %s runs from %s to %s by %s but in %s from %s to %s by %s; a translation keeps the numbers",
			f.Type, f.ID, fnum(r.Min), fnum(r.Max), fnum(r.step), m.at(o.Line), fnum(ro.Min), fnum(ro.Max), fnum(ro.step))
	}
}

func renderScale(b *builder, f *Field) {
	k := keysOf[scaleKeys](f)
	b.open()
	b.w("<div class=\"ws-scale-row\">\n")
	b.w("<span class=\"ws-end ws-end-min\" id=\"%s_min\">%s</span>\n", b.p, e(k.MinLabel))
	b.w("<span class=\"ws-points\">\n")
	ps := k.points()
	for i, v := range ps {
		desc := ""
		switch i {
		case 0:
			desc = fmt.Sprintf(` aria-describedby="%s_min"`, b.p)
		case len(ps) - 1:
			desc = fmt.Sprintf(` aria-describedby="%s_max"`, b.p)
		}
		b.w("<span class=\"ws-point\"><input type=\"radio\" id=\"%s_%d\" name=\"%s\" value=\"%s\"%s><label for=\"%s_%d\">%s</label></span>\n",
			b.p, i, b.p, fnum(v), desc, b.p, i, fnum(v))
	}
	b.w("</span>\n")
	b.w("<span class=\"ws-end ws-end-max\" id=\"%s_max\">%s</span>\n", b.p, e(k.MaxLabel))
	b.w("</div>\n")
	b.close()
}

// scaleCell writes a scale column's cell: a drop-down of the points.
func scaleCell(b *builder, c *Field, id, attrs string) {
	k := keysOf[scaleKeys](c)
	b.w("<select class=\"ws-input\" autocomplete=\"off\" id=\"%s\"%s><option value=\"\">%s</option>", id, attrs, e(b.t("worksheet.choose")))
	ps := k.points()
	for i, v := range ps {
		text := fnum(v)
		switch i {
		case 0:
			text += " – " + k.MinLabel
		case len(ps) - 1:
			text += " – " + k.MaxLabel
		}
		b.w("<option value=\"%s\">%s</option>", fnum(v), e(text))
	}
	b.w("</select>")
}
