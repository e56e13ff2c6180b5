package worksheet_test

// The recipe of docs/architecture.md, tried: a field type added from one Go file
// (recipe_test.go) and one JS file (testdata/recipe/field-colour.js) works on a real
// page — its answer is saved in the browser and comes back after a reload — and without
// its JS file it is a blank control whose answer is not saved.

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/iptsite/iptsite/internal/worksheet"
)

const colourPage = "---\ntitle: My colour\nworksheet: true\n---\n\n```field\nid: fav\ntype: colour\nlabel: A colour I like\n```\n"

func TestRecipeAddFieldType(t *testing.T) {
	worksheet.RegisterColour(t)
	js, err := os.ReadFile("testdata/recipe/field-colour.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, withJS := range []bool{true, false} {
		site := sitetest.DefaultContent(t)
		site["content/worksheets/colour.md"] = &fstest.MapFile{Data: []byte(colourPage)}
		if withJS {
			site["static/js/worksheet/field-colour.js"] = &fstest.MapFile{Data: js}
		}
		dir := sitetest.BuildDir(t, "", render.Options{Source: sitetest.Source(site)})
		base := browsertest.Serve(t, dir, prefix)
		ctx, rec := tab(t, base, "worksheets/colour/")
		if got := browsertest.Eval[string](t, ctx, `document.querySelector('[data-field=fav]').dataset.type`); got != "colour" {
			t.Fatalf("the field's data-type is %q, want colour", got)
		}
		do(t, ctx, `const n = document.getElementById('f-fav');
			n.value = '#336699';
			n.dispatchEvent(new Event('input', {bubbles: true}));
			n.dispatchEvent(new Event('change', {bubbles: true}));`)
		settle()
		open(t, ctx, base+"worksheets/colour/")
		got := browsertest.Eval[string](t, ctx, `document.getElementById('f-fav').value`)
		saved := browsertest.Eval[string](t, ctx, `localStorage.getItem(document.getElementById('worksheet').dataset.storageKey + ':colour') || ''`)
		if withJS {
			if got != "#336699" || !strings.Contains(saved, "#336699") {
				t.Errorf("with field-colour.js: after a reload the colour is %q and the record %q; want #336699 kept", got, saved)
			}
		} else if got == "#336699" || strings.Contains(saved, "#336699") {
			t.Errorf("without field-colour.js the colour was saved (%q, record %q): the test would pass without the JS half", got, saved)
		}
		rec.AssertClean(t, base)
	}
}
