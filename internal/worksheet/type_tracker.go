package worksheet

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

type trackerKeys struct {
	rating
	Better better `yaml:"better"`
	Rows   rows   `yaml:"rows"`
}

// better says which way a tracker's rating improves: high or low.
type better string

func (b *better) decodeKey(d *decoder, key string, v *yaml.Node) {
	*b = better(d.str(v, key))
	if *b != "high" && *b != "low" {
		d.errorf(v, "better must be high or low, not %q", string(*b))
	}
}

// Tracker is a dated rating, one row a day or a week, drawn as a line.
var Tracker = &Type{
	Name: "tracker",
	Keys: trackerKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[trackerKeys](f)
		k.check(c, f.Type, 0, 10)
		if k.Better == "" {
			k.Better = "high"
		}
		k.Rows.setDefault(3)
	},
	Render: func(b *builder, f *Field) {
		k, t := keysOf[trackerKeys](f), b.t
		cols := []*Field{
			{ID: "date", Type: "date", Label: t("worksheet.date")},
			ratingColumn("rating", t("worksheet.rating"), &k.rating),
			{ID: "note", Type: "text", Label: t("worksheet.note")},
		}
		data := fmt.Sprintf(` data-better="%s"`, k.Better) + rangeData(&k.rating)
		b.chart(data, 300, cols, t("worksheet.entry-n"), nil, nil, int(k.Rows))
	},
	Translate: func(m *matcher, f, o *Field) {
		m.rating(f, o, &keysOf[trackerKeys](f).rating, &keysOf[trackerKeys](o).rating)
	},
}
