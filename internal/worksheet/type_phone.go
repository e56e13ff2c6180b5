package worksheet

// Phone is a phone number the person types, such as a friend's: a tel input and,
// beside it, a Call link that the script shows once the box holds a number, so
// that the number can be tapped on a phone. The link needs the script; the number
// itself prints, as any answer does.
var Phone = &Type{
	Name: "phone",
	Render: func(b *builder, f *Field) {
		b.single(func(b *builder, desc string) {
			b.w("<span class=\"ws-tel\"><input type=\"tel\" class=\"ws-input\" id=\"%s\" name=\"%s\" inputmode=\"tel\" autocomplete=\"off\"%s>%s</span>\n",
				b.p, b.p, desc, callLink(b))
		})
	},
	Column: &Column{Cell: func(b *builder, c *Field, id, attrs string) {
		b.w("<span class=\"ws-tel\"><input type=\"tel\" class=\"ws-input\" id=\"%s\" inputmode=\"tel\" autocomplete=\"off\"%s>%s</span>", id, attrs, callLink(b))
	}},
}

// callLink returns the Call link of a phone input, hidden and without an address
// until the script gives it the number; data-call is its accessible name, with
// {number} for the number.
func callLink(b *builder) string {
	return "<a class=\"ws-call\" data-call=\"" + e(b.t("worksheet.call-number")) + "\" hidden>" + e(b.t("worksheet.call")) + "</a>"
}
