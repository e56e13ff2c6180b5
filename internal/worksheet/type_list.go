package worksheet

import "fmt"

type listKeys struct {
	ItemLabel string `yaml:"itemLabel"`
	Rows      rows   `yaml:"rows"`
}

// List is a list of short entries the reader can add to, remove and reorder.
var List = &Type{
	Name:  "list",
	Keys:  listKeys{},
	Check: func(c *checker, f *Field) { keysOf[listKeys](f).Rows.setDefault(3) },
	Render: func(b *builder, f *Field) {
		k := keysOf[listKeys](f)
		b.open(fmt.Sprintf(` data-rows-min="%d"`, k.Rows))
		item := k.ItemLabel
		if item == "" {
			item = b.t("worksheet.entry")
		}
		b.w("<ol class=\"ws-rows\" data-rows>\n")
		for i := range int(k.Rows) {
			row := fmt.Sprintf("%s_r%d", b.p, i)
			b.w("<li class=\"ws-row\" data-row><label for=\"%s\" id=\"%s-l\">%s <span data-n>%d</span></label> <input type=\"text\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\" data-k=\"\"> ",
				row, row, e(item), i+1, row)
			b.tools(row)
			b.w("</li>\n")
		}
		b.w("</ol>\n")
		b.add()
		b.close()
	},
}
