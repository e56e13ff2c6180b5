package worksheet

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

type circleKeys struct {
	Rings  rings  `yaml:"rings"`  // inside out; the interface's three when the author gives none
	People string `yaml:"people"` // id of the list or table field naming people
	Rows   rows   `yaml:"rows"`
}

// rings are the labels of a circle's rings, 3 or 4.
type rings []string

func (r *rings) decodeKey(d *decoder, key string, v *yaml.Node) {
	*r = d.strs(v, key)
	if *r != nil && (len(*r) < 3 || len(*r) > 4) {
		d.errorf(v, "rings needs 3 or 4 labels, inside out (has %d)", len(*r))
	}
}

// Circle places people on rings by how close they are.
var Circle = &Type{
	Name: "circle",
	Keys: circleKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[circleKeys](f)
		k.Rows.setDefault(3)
		if len(k.Rings) == 0 {
			// resolved here, not when rendering, so that a translation can store the original's
			k.Rings = rings{c.t("worksheet.ring-1"), c.t("worksheet.ring-2"), c.t("worksheet.ring-3")}
		}
	},
	Link: func(f *Field, byID map[string]*Field) []*Error {
		k := keysOf[circleKeys](f)
		if k.People == "" {
			return nil
		}
		switch p := byID[k.People]; {
		case p == nil:
			return []*Error{{Line: f.keyLine("people"), Msg: fmt.Sprintf("people names field %s, which is not in this worksheet", k.People)}}
		case p.Type != "list" && p.Type != "table":
			return []*Error{{Line: f.keyLine("people"), Msg: fmt.Sprintf("people names field %s, a %s; it must be a list or a table", k.People, p.Type)}}
		}
		return nil
	},
	Render: func(b *builder, f *Field) {
		k, t := keysOf[circleKeys](f), b.t
		ring := &Field{ID: "ring", Type: "choice", Label: t("worksheet.ring"), keys: &choiceKeys{Options: k.Rings}}
		if f.orig != nil {
			ring.orig = &Field{keys: &choiceKeys{Options: keysOf[circleKeys](f.orig).Rings}}
		}
		cols := []*Field{{ID: "name", Type: "text", Label: t("worksheet.name")}, ring}
		data := fmt.Sprintf(` data-me="%s" data-unplaced="%s"`, e(t("worksheet.me")), e(t("worksheet.unplaced")))
		if k.People != "" {
			data += fmt.Sprintf(` data-people="%s"`, k.People)
		}
		b.chart(data, 600, cols, t("worksheet.person"), nil, nil, int(k.Rows))
	},
	Translate: func(m *matcher, f, o *Field) {
		m.count(f, o, "rings", [2]string{"ring", "rings"}, len(keysOf[circleKeys](f).Rings), len(keysOf[circleKeys](o).Rings))
	},
}
