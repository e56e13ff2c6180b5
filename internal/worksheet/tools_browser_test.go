package worksheet_test

// The worksheet tools (issue 13 item 10): one main action on every worksheet, the rest
// under More, Clear set apart, in the colour of danger, and confirmed; Import
// says what it does before the file picker opens.

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// filledJS lists the visible buttons of the tools whose background is filled (opaque,
// and not the page's own colour): what the eye takes for the main action.
const filledJS = `(() => {
	const bg = getComputedStyle(document.body).backgroundColor;
	return [...document.querySelectorAll('#ws-tools button')].filter((b) => {
		if (!b.checkVisibility()) return false;
		const c = getComputedStyle(b).backgroundColor;
		return c !== bg && !/rgba\(.*, 0\)$/.test(c) && c !== 'transparent';
	}).map((b) => b.textContent);
})()`

// worksheetPages returns the pages of the built site dir that hold a worksheet.
func worksheetPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(p) != "index.html" {
			return err
		}
		data, err := os.ReadFile(dir + "/" + p)
		if err == nil && strings.Contains(string(data), `id="worksheet"`) {
			pages = append(pages, strings.TrimSuffix(p, "index.html"))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 20 {
		t.Fatalf("found %d worksheet pages, want every worksheet in both languages", len(pages))
	}
	return pages
}

func TestOneMainAction(t *testing.T) {
	dir := buildSite(t)
	base := browsertest.Serve(t, dir, prefix)
	ctx, rec := tab(t, base, guide)
	for _, p := range worksheetPages(t, dir) {
		open(t, ctx, base+p)
		if got := browsertest.Eval[[]string](t, ctx, filledJS); len(got) != 1 {
			t.Errorf("/%s: main actions %q, want exactly one", p, got)
		}
	}

	// opened, More shows the rest, none of them filled like the main action
	open(t, ctx, base+guide)
	do(t, ctx, `document.getElementById('ws-more').open = true;`)
	if got := browsertest.Eval[[]string](t, ctx, filledJS); len(got) != 1 {
		t.Errorf("with More open, main actions %q, want exactly one", got)
	}
	// Clear comes last, below everything else, in another colour than the other buttons
	if got := browsertest.Eval[string](t, ctx, `(() => {
		const c = document.querySelector('#ws-tools [data-act=clear]'), r = c.getBoundingClientRect();
		const others = [...document.querySelectorAll('#ws-more button:not([data-act=clear]), #ws-more a')].filter((b) => b.checkVisibility());
		const below = others.every((b) => b.getBoundingClientRect().bottom < r.top);
		const colour = getComputedStyle(c).color, plain = getComputedStyle(others[0]).color;
		return below + ' ' + (colour !== plain);
	})()`); got != "true true" {
		t.Errorf("Clear answers: below the others, in its own colour = %s, want true true", got)
	}
	// Import says what it does while its button is in view, before any file picker
	hint := browsertest.Eval[string](t, ctx, `(() => { const b = document.querySelector('#ws-more [data-act=import]');
		const h = document.getElementById(b.getAttribute('aria-describedby'));
		return h && h.checkVisibility() ? h.textContent : ''; })()`)
	if !strings.Contains(hint, "file you downloaded") {
		t.Errorf("the Import button is described by %q, want what importing does", hint)
	}

	// Clear asks first; Cancel keeps the answers, on the page and stored
	do(t, ctx, setJS+`set('f-first-name', 'Robin');`)
	settle()
	do(t, ctx, `document.querySelector('#ws-tools [data-act=clear]').click(); await new Promise(r => setTimeout(r, 50));`)
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('dialog[open] h2')?.textContent || ''`); got != "Clear answers" {
		t.Fatalf("Clear answers did not ask first: dialog %q", got)
	}
	browsertest.AssertAccessible(t, ctx)
	do(t, ctx, pressJS("Cancel"))
	settle()
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('f-first-name').value + ' ' + JSON.parse(localStorage.getItem(`+keyJS+`)).answers['first-name']`); got != "Robin Robin" {
		t.Errorf("after Cancel the answer on the page and stored is %q, want Robin Robin", got)
	}
	rec.AssertNoErrors(t)
}
