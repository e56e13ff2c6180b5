package worksheet

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

type tableKeys struct {
	Columns   columns  `yaml:"columns"`
	Rows      rows     `yaml:"rows"`
	RowLabel  string   `yaml:"rowLabel"`
	FixedRows []string `yaml:"fixedRows"` // names of rows that cannot be added or removed
}

// columns are the columns of a table, each decoded as a field whose type may be a
// column (Type.Column).
type columns []*Field

func (cs *columns) decodeKey(d *decoder, key string, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "columns must be a list of {id, label, type}")
		return
	}
	seen := map[string]bool{}
	for _, c := range v.Content {
		col := d.field(c, true)
		if col == nil {
			continue
		}
		if col.ID != "" && seen[col.ID] {
			d.errorf(c, "column id %s appears twice", col.ID)
		}
		seen[col.ID] = true
		*cs = append(*cs, col)
	}
}

// Table is a grid of typed columns: rows the reader adds, or fixed named rows.
var Table = &Type{
	Name: "table",
	Keys: tableKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[tableKeys](f)
		if len(k.Columns) == 0 {
			c.errorf(c.at("columns"), "table needs columns")
		}
		if k.FixedRows != nil {
			if c.wrote("rows") || c.wrote("rowLabel") {
				c.errorf(c.at("fixedRows"), "fixedRows cannot be used with rows or rowLabel")
			}
			if len(k.FixedRows) == 0 {
				c.errorf(c.at("fixedRows"), "fixedRows needs at least 1 row name")
			}
			dupes(c.decoder, c.at("fixedRows"), "row", k.FixedRows)
		}
		k.Rows.setDefault(3)
	},
	Render: func(b *builder, f *Field) {
		k := keysOf[tableKeys](f)
		b.open()
		b.grid(k.Columns, k.RowLabel, k.FixedRows, origOf(f, func(o *Field) []string { return keysOf[tableKeys](o).FixedRows }), int(k.Rows))
		b.close()
	},
	Translate: translateTable,
}

// grid renders a grid of typed columns; fixed names rows that cannot be added or
// removed, saved under the names in fixedOrig when the table is a translation.
func (b *builder) grid(cols []*Field, rowLabel string, fixed, fixedOrig []string, rows int) {
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
			attrs := fmt.Sprintf(` data-k="%s"`, c.ID)
			if c.Hint != "" {
				attrs += fmt.Sprintf(` aria-describedby="%s_c_%s_hint"`, b.p, c.ID)
			}
			if t := fieldType(c.Type, true); t != nil {
				t.Column.Cell(b, c, id, attrs)
			}
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

// paperKey returns what a blank print shows next to the label of column c.
func paperKey(c *Field) string {
	if t := fieldType(c.Type, true); t != nil && t.Column.Paper != nil {
		return t.Column.Paper(c)
	}
	return ""
}

// paper returns text shown only on a blank print, where a drop-down is a line to
// write on: its choices.
func paper(s string) string {
	return fmt.Sprintf(" <span class=\"ws-paper\" aria-hidden=\"true\">(%s)</span>", e(s))
}

// translateTable: the fixed rows are saved as the original's, one for one; the
// columns keep their ids and types, and each its own rule.
func translateTable(m *matcher, f, o *Field) {
	k, ok := keysOf[tableKeys](f), keysOf[tableKeys](o)
	if (k.FixedRows == nil) != (ok.FixedRows == nil) {
		m.errorf(f.Line, "table %s %s fixedRows but %s %s; a translation keeps the same kind of rows",
			f.ID, uses(k.FixedRows != nil), m.at(o.Line), uses(ok.FixedRows != nil))
	} else if k.FixedRows != nil {
		m.count(f, o, "fixedRows", [2]string{"row name", "row names"}, len(k.FixedRows), len(ok.FixedRows))
	}
	if !m.count(f, o, "columns", [2]string{"column", "columns"}, len(k.Columns), len(ok.Columns)) {
		return
	}
	for i, c := range k.Columns {
		oc := ok.Columns[i]
		switch {
		case c.ID != oc.ID:
			m.errorf(c.Line, "table %s: column %d is %s but in %s %s; a translation keeps the column ids", f.ID, i+1, c.ID, m.at(oc.Line), oc.ID)
		case c.Type != oc.Type:
			m.errorf(c.keyLine("type"), "table %s: column %s is a %s but in %s a %s; a translation keeps the types", f.ID, c.ID, c.Type, m.at(oc.keyLine("type")), oc.Type)
		default:
			c.orig = oc
			if t := fieldType(c.Type, true); t != nil && t.Column.Translate != nil {
				t.Column.Translate(m, f, c, oc)
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
