package worksheet

import "testing"

// colour is the toy field type of docs/architecture.md's recipe "to add a field type":
// this one Go file holds its Go half (a name and its HTML), and
// testdata/recipe/field-colour.js its browser half. recipe_browser_test.go builds a
// site with both and checks that a colour a person picks is saved and comes back.
var colour = &Type{
	Name: "colour",
	Render: func(b *builder, f *Field) {
		b.single(func(b *builder, desc string) {
			b.w("<input type=\"color\" class=\"ws-input\" autocomplete=\"off\" id=\"%s\" name=\"%s\"%s>\n", b.p, b.p, desc)
		})
	},
}

// RegisterColour registers the toy type for the rest of test t.
func RegisterColour(t testing.TB) {
	t.Helper()
	Register(colour)
	t.Cleanup(func() { unregister(colour.Name) })
}
