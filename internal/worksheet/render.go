package worksheet

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type htmlRenderer struct {
	t func(string) string
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindField, func(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(Render(n.(*Node).Field, r.t))
		}
		return gast.WalkSkipChildren, nil
	})
}

// Render returns the HTML of one field. t may be nil (English).
//
// The HTML is a complete blank form without script: repeatable fields have their
// first rows, visual fields have their form equivalent. Every control id starts
// with "f-<field id>_" (ids have no "_") so it never clashes with a heading id; the wrapper carries
// the field id itself, the anchor a therapist links to.
func Render(f *Field, t func(string) string) string {
	b := &builder{t: translator(t), f: f, p: "f-" + f.ID}
	switch f.Type {
	case "text", "textarea", "number", "date":
		b.single()
	case "scale":
		b.scale()
	case "choice", "checklist":
		b.choice()
	case "list":
		b.list()
	case "table":
		b.open()
		b.table(f.Columns, f.RowLabel, f.FixedRows, origOf(f, func(o *Field) []string { return o.FixedRows }), f.Rows)
		b.close()
	case "questionnaire":
		b.questionnaire()
	case "circle", "timeline", "tracker", "rhythm":
		b.visual()
	}
	return b.String()
}

type builder struct {
	strings.Builder
	t func(string) string
	f *Field
	p string // control id prefix: f-<field id>
}

func e(s string) string { return html.EscapeString(s) }

func (b *builder) w(format string, args ...any) { fmt.Fprintf(b, format, args...) }

func (b *builder) hintAttr() string {
	if b.f.Hint == "" {
		return ""
	}
	return fmt.Sprintf(` aria-describedby="%s_hint"`, b.p)
}

func (b *builder) hint() {
	if b.f.Hint != "" {
		b.w("<p class=\"ws-hint\" id=\"%s_hint\">%s</p>\n", b.p, e(b.f.Hint))
	}
}

// open starts a group field: a fieldset whose legend is the label.
func (b *builder) open(data ...string) {
	f := b.f
	b.w("<fieldset class=\"ws-field ws-%s\" id=\"%s\" data-field=\"%s\" data-type=\"%s\"%s%s>\n",
		f.Type, f.ID, f.ID, f.Type, strings.Join(data, ""), b.hintAttr())
	b.w("<legend class=\"ws-label\" id=\"%s_label\">%s</legend>\n", b.p, e(f.Label))
	b.hint()
}

func (b *builder) close() { b.w("</fieldset>\n") }

func (b *builder) single() {
	f := b.f
	b.w("<div class=\"ws-field ws-%s\" id=\"%s\" data-field=\"%s\" data-type=\"%s\">\n", f.Type, f.ID, f.ID, f.Type)
	b.w("<label class=\"ws-label\" id=\"%s_label\" for=\"%s\">%s</label>\n", b.p, b.p, e(f.Label))
	b.hint()
	desc := b.hintAttr()
	switch f.Type {
	case "text":
		b.w("<input type=\"text\" class=\"ws-input\" id=\"%s\" name=\"%s\"%s>\n", b.p, b.p, desc)
	case "date":
		b.w("<input type=\"date\" class=\"ws-input\" id=\"%s\" name=\"%s\"%s>\n", b.p, b.p, desc)
	case "textarea":
		b.w("<textarea class=\"ws-input\" id=\"%s\" name=\"%s\" rows=\"%d\"%s></textarea>\n", b.p, b.p, f.Rows, desc)
	case "number":
		if f.Unit != "" {
			unit := fmt.Sprintf("%s_unit", b.p)
			if desc == "" {
				desc = fmt.Sprintf(` aria-describedby="%s"`, unit)
			} else {
				desc = fmt.Sprintf(` aria-describedby="%s_hint %s"`, b.p, unit)
			}
			b.w("<span class=\"ws-with-unit\"><input type=\"number\" class=\"ws-input\" id=\"%s\" name=\"%s\" inputmode=\"decimal\"%s%s> <span class=\"ws-unit\" id=\"%s\">%s</span></span>\n",
				b.p, b.p, numAttrs(f), desc, unit, e(f.Unit))
		} else {
			b.w("<input type=\"number\" class=\"ws-input\" id=\"%s\" name=\"%s\" inputmode=\"decimal\"%s%s>\n", b.p, b.p, numAttrs(f), desc)
		}
	}
	b.w("</div>\n")
}

func numAttrs(f *Field) string {
	var s string
	if f.HasMin {
		s += fmt.Sprintf(` min="%s"`, fnum(f.Min))
	}
	if f.HasMax {
		s += fmt.Sprintf(` max="%s"`, fnum(f.Max))
	}
	if f.Step > 0 {
		s += fmt.Sprintf(` step="%s"`, fnum(f.Step))
	} else {
		s += ` step="any"`
	}
	return s
}

// points returns the answer points of a rating: min, min+step, ... max.
func points(f *Field) []float64 {
	step := f.Step
	if step <= 0 {
		step = 1
	}
	var ps []float64
	for i := 0; ; i++ {
		v := f.Min + float64(i)*step
		if v > f.Max+1e-9 || i > maxPoints {
			break
		}
		ps = append(ps, math.Round(v*1e6)/1e6)
	}
	return ps
}

func (b *builder) scale() {
	f := b.f
	b.open()
	b.w("<div class=\"ws-scale-row\">\n")
	b.w("<span class=\"ws-end ws-end-min\" id=\"%s_min\">%s</span>\n", b.p, e(f.MinLabel))
	b.w("<span class=\"ws-points\">\n")
	ps := points(f)
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
	b.w("<span class=\"ws-end ws-end-max\" id=\"%s_max\">%s</span>\n", b.p, e(f.MaxLabel))
	b.w("</div>\n")
	b.close()
}

func (b *builder) choice() {
	f := b.f
	b.open()
	kind := "radio"
	if f.Type == "checklist" {
		kind = "checkbox"
	}
	b.w("<div class=\"ws-options\">\n")
	orig := origOf(f, func(o *Field) []string { return o.Options })
	for i, o := range f.Options {
		b.w("<div class=\"ws-option\"><input type=\"%s\" id=\"%s_%d\" name=\"%s\" value=\"%s\"><label for=\"%s_%d\">%s</label></div>\n",
			kind, b.p, i+1, b.p, e(stored(f.Options, orig, i)), b.p, i+1, e(o))
	}
	if f.HasOther {
		other := f.Other
		if other == "" {
			other = b.t("worksheet.other")
		}
		b.w("<div class=\"ws-option ws-other\"><input type=\"%s\" id=\"%s_other\" name=\"%s\" value=\"\" data-other><label for=\"%s_other\" id=\"%s_other-label\">%s</label>\n",
			kind, b.p, b.p, b.p, b.p, e(other))
		b.w("<input type=\"text\" class=\"ws-input\" id=\"%s_other-text\" data-other-text aria-label=\"%s\"></div>\n",
			b.p, e(other+", "+b.t("worksheet.other-text")))
	}
	b.w("</div>\n")
	b.close()
}

// tools renders the row buttons of a repeatable row; they work only with script.
func (b *builder) tools(row string) {
	b.w("<span class=\"ws-rowtools ws-js\">")
	for _, a := range [][2]string{{"up", "↑"}, {"down", "↓"}, {"remove", "×"}} {
		key := "worksheet.move-" + a[0]
		if a[0] == "remove" {
			key = "worksheet.remove"
		}
		b.w("<button type=\"button\" class=\"ws-icon\" data-act=\"%s\" aria-label=\"%s\" title=\"%s\" aria-describedby=\"%s-l\">%s</button>",
			a[0], e(b.t(key)), e(b.t(key)), row, a[1])
	}
	b.w("</span>")
}

func (b *builder) add() {
	b.w("<button type=\"button\" class=\"ws-add ws-js\" data-act=\"add\" aria-describedby=\"%s_label\">%s</button>\n", b.p, e(b.t("worksheet.add")))
}

func (b *builder) list() {
	f := b.f
	b.open(fmt.Sprintf(` data-rows-min="%d"`, f.Rows))
	item := f.ItemLabel
	if item == "" {
		item = b.t("worksheet.entry")
	}
	b.w("<ol class=\"ws-rows\" data-rows>\n")
	for i := range f.Rows {
		row := fmt.Sprintf("%s_r%d", b.p, i)
		b.w("<li class=\"ws-row\" data-row><label for=\"%s\" id=\"%s-l\">%s <span data-n>%d</span></label> <input type=\"text\" class=\"ws-input\" id=\"%s\" data-k=\"\"> ",
			row, row, e(item), i+1, row)
		b.tools(row)
		b.w("</li>\n")
	}
	b.w("</ol>\n")
	b.add()
	b.close()
}

// table renders a grid of typed columns; fixed names rows that cannot be added or
// removed, saved under the names in fixedOrig when the table is a translation.
func (b *builder) table(cols []*Field, rowLabel string, fixed, fixedOrig []string, rows int) {
	if rowLabel == "" {
		rowLabel = b.t("worksheet.row")
	}
	class := "ws-grid"
	if len(cols) > 3 {
		class += " ws-cards" // too wide for a row of cells: each row is a card
	}
	b.w("<div class=\"ws-scroll\">\n<table class=\"%s\">\n<thead><tr><td></td>", class)
	for _, c := range cols {
		b.w("<th scope=\"col\" id=\"%s_c_%s\">%s", b.p, c.ID, e(c.Label))
		if c.Hint != "" {
			b.w(" <span class=\"ws-hint\" id=\"%s_c_%s_hint\">%s</span>", b.p, c.ID, e(c.Hint))
		}
		b.w("%s</th>", paperKey(c))
	}
	if fixed == nil {
		b.w("<td class=\"ws-js\"></td>")
	}
	b.w("</tr></thead>\n")
	if fixed != nil {
		b.w("<tbody data-rows data-fixed>\n")
		rows = len(fixed)
	} else {
		b.w("<tbody data-rows>\n")
	}
	for i := range rows {
		row := fmt.Sprintf("%s_r%d", b.p, i)
		if fixed != nil {
			b.w("<tr class=\"ws-row\" data-row data-name=\"%s\"><th scope=\"row\" id=\"%s-l\">%s</th>", e(stored(fixed, fixedOrig, i)), row, e(fixed[i]))
		} else {
			b.w("<tr class=\"ws-row\" data-row><th scope=\"row\" id=\"%s-l\">%s <span data-n>%d</span></th>", row, e(rowLabel), i+1)
		}
		for _, c := range cols {
			id := row + "_" + c.ID
			b.w("<td><label class=\"ws-cell-label\" for=\"%s\">%s", id, e(c.Label))
			if c.Hint != "" {
				// shown where the header is not; screen readers hear it through aria-describedby
				b.w("<span class=\"ws-cell-hint\" aria-hidden=\"true\"> (%s)</span>", e(c.Hint))
			}
			b.w("%s</label>", paperKey(c))
			desc := ""
			if c.Hint != "" {
				desc = fmt.Sprintf(` aria-describedby="%s_c_%s_hint"`, b.p, c.ID)
			}
			b.cell(c, id, desc)
			b.w("</td>")
		}
		if fixed == nil {
			b.w("<td class=\"ws-tools-cell ws-js\">")
			b.tools(row)
			b.w("</td>")
		}
		b.w("</tr>\n")
	}
	b.w("</tbody>\n</table>\n</div>\n")
	if fixed == nil {
		b.add()
	}
}

// paperKey returns, for a column answered from a drop-down, its choices as text shown
// only on a blank print, where a drop-down is a line to write on.
func paperKey(c *Field) string {
	var s string
	switch c.Type {
	case "scale":
		ps := points(c)
		if len(ps) == 0 {
			return ""
		}
		s = fmt.Sprintf("%s %s … %s %s", fnum(ps[0]), c.MinLabel, fnum(ps[len(ps)-1]), c.MaxLabel)
	case "choice":
		s = strings.Join(c.Options, " / ")
	default:
		return ""
	}
	return fmt.Sprintf(" <span class=\"ws-paper\" aria-hidden=\"true\">(%s)</span>", e(s))
}

// cell renders the control of one table cell.
func (b *builder) cell(c *Field, id, desc string) {
	k := fmt.Sprintf(` data-k="%s"`, c.ID)
	switch c.Type {
	case "text", "date", "time":
		b.w("<input type=\"%s\" class=\"ws-input\" id=\"%s\"%s%s>", c.Type, id, k, desc)
	case "textarea":
		b.w("<textarea class=\"ws-input\" id=\"%s\" rows=\"2\"%s%s></textarea>", id, k, desc)
	case "number":
		b.w("<input type=\"number\" class=\"ws-input\" id=\"%s\" inputmode=\"decimal\"%s%s%s>", id, numAttrs(c), k, desc)
	case "scale":
		b.w("<select class=\"ws-input\" id=\"%s\"%s%s><option value=\"\">%s</option>", id, k, desc, e(b.t("worksheet.choose")))
		ps := points(c)
		for i, v := range ps {
			text := fnum(v)
			switch i {
			case 0:
				text += " – " + c.MinLabel
			case len(ps) - 1:
				text += " – " + c.MaxLabel
			}
			b.w("<option value=\"%s\">%s</option>", fnum(v), e(text))
		}
		b.w("</select>")
	case "choice":
		b.w("<select class=\"ws-input\" id=\"%s\"%s%s><option value=\"\">%s</option>", id, k, desc, e(b.t("worksheet.choose")))
		orig := origOf(c, func(o *Field) []string { return o.Options })
		for i, o := range c.Options {
			if v := stored(c.Options, orig, i); v != o {
				b.w("<option value=\"%s\">%s</option>", e(v), e(o))
			} else {
				b.w("<option>%s</option>", e(o))
			}
		}
		b.w("</select>")
	}
}

func (b *builder) questionnaire() {
	f := b.f
	b.open()
	if f.Question != "" {
		b.w("<p class=\"ws-question\">%s</p>\n", e(f.Question))
	}
	for i, item := range f.Items {
		n := i + 1
		b.w("<fieldset class=\"ws-item\" data-item=\"%d\">\n<legend><span class=\"ws-n\">%d.</span> %s</legend>\n<div class=\"ws-options\">\n", n, n, e(item))
		for j, a := range f.Answers {
			b.w("<div class=\"ws-option\"><input type=\"radio\" id=\"%s_%d_%d\" name=\"%s_%d\" value=\"%s\"><label for=\"%s_%d_%d\">%s</label></div>\n",
				b.p, n, j, b.p, n, fnum(a.Value), b.p, n, j, e(a.Label))
		}
		b.w("</div>\n</fieldset>\n")
	}
	b.w("<p class=\"ws-total\"><span id=\"%s_total-l\">%s</span>: <output id=\"%s_total\" data-total aria-labelledby=\"%s_total-l\"></output> <span class=\"ws-band\" data-band></span> <span class=\"ws-unanswered\" data-unanswered data-text=\"%s\"></span></p>\n",
		b.p, e(b.t("worksheet.total")), b.p, b.p, e(b.t("worksheet.unanswered")))
	if len(f.Bands) > 0 {
		b.w("<details class=\"ws-bands\"><summary>%s</summary>\n<ul>\n", e(b.t("worksheet.bands")))
		for _, band := range f.Bands {
			b.w("<li data-min=\"%s\" data-max=\"%s\">%s–%s: %s</li>\n", fnum(band.Min), fnum(band.Max), fnum(band.Min), fnum(band.Max), e(band.Label))
		}
		b.w("</ul>\n</details>\n")
	}
	for _, r := range f.Rules {
		msg, class := r.Message, "ws-rule"
		if r.Crisis {
			msg, class = b.t("worksheet.crisis"), "ws-rule ws-crisis"
		}
		b.w("<div class=\"%s\" data-item=\"%d\" data-above=\"%s\" role=\"alert\" hidden>%s</div>\n", class, r.Item, fnum(r.Above), e(msg))
	}
	b.close()
}

// visual renders circle, timeline, tracker and rhythm: a table anyone can fill in
// with a keyboard or a screen reader, and an SVG the script draws from it.
func (b *builder) visual() {
	f := b.f
	t := b.t
	rating := &Field{Type: "scale", Min: f.Min, Max: f.Max, Step: 1, MinLabel: f.MinLabel, MaxLabel: f.MaxLabel}
	var cols []*Field
	var data, rowLabel string
	var fixed, fixedOrig []string
	switch f.Type {
	case "circle":
		rings := f.Rings
		if len(rings) == 0 {
			rings = []string{t("worksheet.ring-1"), t("worksheet.ring-2"), t("worksheet.ring-3")}
		}
		ring := &Field{ID: "ring", Type: "choice", Label: t("worksheet.ring"), Options: rings}
		if f.orig != nil {
			ring.orig = &Field{Options: f.orig.Rings}
		}
		cols = []*Field{{ID: "name", Type: "text", Label: t("worksheet.name")}, ring}
		rowLabel = t("worksheet.person")
		data = fmt.Sprintf(` data-me="%s" data-unplaced="%s"`, e(t("worksheet.me")), e(t("worksheet.unplaced")))
		if f.People != "" {
			data += fmt.Sprintf(` data-people="%s"`, f.People)
		}
	case "timeline":
		rating.ID, rating.Label = "mood", t("worksheet.mood")
		cols = []*Field{
			{ID: "when", Type: "text", Label: t("worksheet.when")},
			{ID: "what", Type: "textarea", Label: t("worksheet.what")},
			rating,
		}
		rowLabel = t("worksheet.event")
	case "tracker":
		rating.ID, rating.Label = "rating", t("worksheet.rating")
		cols = []*Field{
			{ID: "date", Type: "date", Label: t("worksheet.date")},
			rating,
			{ID: "note", Type: "text", Label: t("worksheet.note")},
		}
		rowLabel = t("worksheet.entry-n")
		data = fmt.Sprintf(` data-better="%s"`, f.Better)
	case "rhythm":
		for d := 1; d <= 7; d++ {
			day := strconv.Itoa(d)
			cols = append(cols, &Field{ID: "d" + day, Type: "time", Label: t("worksheet.day-" + day)})
		}
		fixed = f.Activities
		fixedOrig = origOf(f, func(o *Field) []string { return o.Activities })
	}
	if f.Type == "timeline" || f.Type == "tracker" {
		data += fmt.Sprintf(` data-min="%s" data-max="%s"`, fnum(f.Min), fnum(f.Max))
	}
	b.open(data)
	b.table(cols, rowLabel, fixed, fixedOrig, f.Rows)
	b.w("<svg class=\"ws-chart\" data-chart viewBox=\"0 0 600 %d\" aria-hidden=\"true\" focusable=\"false\"></svg>\n", chartHeight(f.Type))
	b.close()
}

func chartHeight(typ string) int {
	if typ == "circle" {
		return 600
	}
	return 300
}
