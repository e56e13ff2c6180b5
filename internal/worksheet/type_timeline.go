package worksheet

// timelineKeys: the rating is the mood of each event.
type timelineKeys struct {
	rating
	Rows rows `yaml:"rows"`
}

// Timeline is events in a life, each with when, what and a mood, drawn as a line.
var Timeline = &Type{
	Name: "timeline",
	Keys: timelineKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[timelineKeys](f)
		k.check(c, f.Type, 0, 10)
		k.Rows.setDefault(3)
	},
	Render: func(b *builder, f *Field) {
		k, t := keysOf[timelineKeys](f), b.t
		cols := []*Field{
			{ID: "when", Type: "text", Label: t("worksheet.when")},
			{ID: "what", Type: "textarea", Label: t("worksheet.what")},
			ratingColumn("mood", t("worksheet.mood"), &k.rating),
		}
		b.chart(rangeData(&k.rating), 300, cols, t("worksheet.event"), nil, nil, int(k.Rows))
	},
	Translate: func(m *matcher, f, o *Field) {
		m.rating(f, o, &keysOf[timelineKeys](f).rating, &keysOf[timelineKeys](o).rating)
	},
}
