package worksheet

import "strconv"

type rhythmKeys struct {
	Activities []string `yaml:"activities"` // a time for each on each of 7 days
}

// Rhythm is the time of a few daily activities over a week (social rhythm).
var Rhythm = &Type{
	Name: "rhythm",
	Keys: rhythmKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[rhythmKeys](f)
		if len(k.Activities) == 0 {
			c.errorf(c.at("activities"), "rhythm needs activities")
		}
		dupes(c.decoder, c.at("activities"), "activity", k.Activities)
	},
	Render: func(b *builder, f *Field) {
		var cols []*Field
		for d := 1; d <= 7; d++ {
			day := strconv.Itoa(d)
			cols = append(cols, &Field{ID: "d" + day, Type: "time", Label: b.t("worksheet.day-" + day)})
		}
		b.chart("", 300, cols, "", keysOf[rhythmKeys](f).Activities,
			origOf(f, func(o *Field) []string { return keysOf[rhythmKeys](o).Activities }), 0)
	},
	Translate: func(m *matcher, f, o *Field) {
		m.count(f, o, "activities", [2]string{"activity", "activities"}, len(keysOf[rhythmKeys](f).Activities), len(keysOf[rhythmKeys](o).Activities))
	},
}
