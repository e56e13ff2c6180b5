package worksheet

import "fmt"

// chart renders a visual field (circle, timeline, tracker, rhythm): a table
// anyone can fill in with a keyboard or a screen reader, and an SVG of the given
// height the script draws from it. data holds the fieldset's own attributes.
func (b *builder) chart(data string, height int, cols []*Field, rowLabel string, fixed, fixedOrig []string, rows int) {
	b.open(data)
	b.grid(cols, rowLabel, fixed, fixedOrig, rows)
	b.w("<svg class=\"ws-chart\" data-chart viewBox=\"0 0 600 %d\" aria-hidden=\"true\" focusable=\"false\"></svg>\n", height)
	b.close()
}

// ratingColumn returns the column where a timeline or tracker row is rated: a
// scale column of whole points over r.
func ratingColumn(id, label string, r *rating) *Field {
	return &Field{ID: id, Type: "scale", Label: label, keys: &scaleKeys{
		rating: rating{Min: r.Min, Max: r.Max, MinLabel: r.MinLabel, MaxLabel: r.MaxLabel, step: 1}}}
}

// rangeData returns the data attributes of a chart's rating range.
func rangeData(r *rating) string {
	return fmt.Sprintf(` data-min="%s" data-max="%s"`, fnum(r.Min), fnum(r.Max))
}
