package search_test

// Browser tests of the search page: the default site (with one more page, in Spanish,
// for accents), built and minified as a clinic gets it, served from a subfolder and, as a
// --portable build, opened from disk; driven in headless Chromium (see
// internal/browsertest).

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

const prefix = "/clinic/ipt/"

// accents is a page whose words carry accents, to be found by a query typed without them.
const accents = `---
title: Línea de ayuda
---
La Línea de Crisis por Texto está abierta día y noche.

Early words come first in this long sentence, and then it goes on and on with many more words about nothing much at all, so that it runs well past the length of a snippet, until at last near its very end it names the rare word quokkafish and then stops.
`

// buildSite builds the default site plus the accents page and returns the output folder.
func buildSite(t *testing.T, portable bool) string {
	t.Helper()
	site := sitetest.DefaultContent(t)
	site["content/linea.md"] = &fstest.MapFile{Data: []byte(accents)}
	return sitetest.BuildDir(t, "", render.Options{Source: sitetest.Source(site), Portable: portable})
}

// A result as the reader meets it.
type result struct {
	Title string   `json:"title"`
	Href  string   `json:"href"`
	Where string   `json:"where"`
	Text  string   `json:"text"`
	Marks []string `json:"marks"`
}

const resultsJS = `[...document.querySelectorAll('#search-results > li')].map(li => ({
	title: li.querySelector('a').textContent,
	href: li.querySelector('a').getAttribute('href'),
	where: (li.querySelector('.search-where') || {}).textContent || '',
	text: (li.querySelector('p') || {}).textContent || '',
	marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
}))`

// query types q into the search box, as a person would, and waits for the results.
func query(t *testing.T, ctx context.Context, q string) []result {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(`#search-query`)); err != nil {
		t.Fatal(err)
	}
	// Type into an empty box, then clear the status and press Enter, which searches at
	// once: the count that the poll below waits for is this whole query's, not that of
	// its first letters (results also come while typing: see TestSearchServed).
	browsertest.Eval[any](t, ctx, `document.getElementById('search-query').value = ''`)
	if err := chromedp.Do(ctx, chromedp.SendKeys(`#search-query`, q)); err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	browsertest.Eval[any](t, ctx, `document.getElementById('search-status').textContent = ''`)
	if err := chromedp.Do(ctx,
		chromedp.KeyEvent(kb.Enter),
		chromedp.Poll[chromedp.Void](`document.getElementById('search-status').textContent !== ''`),
	); err != nil {
		t.Fatalf("typing %q: %v", q, err)
	}
	return browsertest.Eval[[]result](t, ctx, resultsJS)
}

func find(rs []result, title string) *result {
	for i := range rs {
		if rs[i].Title == title {
			return &rs[i]
		}
	}
	return nil
}

// checkSearch types queries on the search page open in ctx and follows a result with the
// keyboard; want is the path the grief page's link must end in.
func checkSearch(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('search-noscript').hidden`); !got {
		t.Error("the no-script message still shows")
	}
	rs := query(t, ctx, "GRIEF")
	if len(rs) < 2 {
		t.Fatalf("grief: %d results, want the grief page and the grief worksheet: %+v", len(rs), rs)
	}
	status := browsertest.Eval[string](t, ctx, `document.getElementById('search-status').textContent`)
	if !strings.HasSuffix(status, " pages match.") || strings.ContainsAny(status, `"“”`) {
		t.Errorf("status = %q, want N pages match.", status)
	}
	if rs := query(t, ctx, "bulimia"); len(rs) != 1 {
		t.Errorf("bulimia: %d results, want about-ipt alone: %+v", len(rs), rs)
	}
	if status := browsertest.Eval[string](t, ctx, `document.getElementById('search-status').textContent`); status != "1 page matches." {
		t.Errorf("status = %q, want 1 page matches.", status)
	}
	if role := browsertest.Eval[string](t, ctx, `document.getElementById('search-status').getAttribute('role')`); role != "status" {
		t.Errorf("the count is not announced: role=%q", role)
	}
	g := find(rs, "Grief")
	if g == nil {
		t.Fatalf("no result titled Grief: %+v", rs)
	}
	if len(g.Marks) == 0 || !strings.EqualFold(g.Marks[0], "grief") {
		t.Errorf("the Grief result marks %q, want Grief", g.Marks)
	}
	for _, r := range rs {
		if r.Text == "" && r.Where == "" {
			continue
		}
		if !strings.Contains(strings.ToLower(r.Title+r.Where+r.Text), "grie") {
			t.Errorf("result %q shows no matching text: %+v", r.Title, r)
		}
	}

	// Accents and case do not matter; the marks keep the page's own spelling.
	rs = query(t, ctx, "linea CRISIS")
	l := find(rs, "Línea de ayuda")
	if l == nil {
		t.Fatalf("linea crisis: no result for the page Línea de ayuda: %+v", rs)
	}
	if strings.Join(l.Marks, ",") != "Línea,Línea,Crisis" {
		t.Errorf("linea crisis: marks %q, want Línea in the title, then Línea and Crisis in the sentence", l.Marks)
	}
	if l.Text != "La Línea de Crisis por Texto está abierta día y noche." {
		t.Errorf("linea crisis: sentence %q", l.Text)
	}
	// A long sentence is cut around its first match, with … where it is cut.
	for q, want := range map[string]string{
		"quokkafish":             "… at last near its very end it names the rare word quokkafish and then stops.",
		"early words quokkafish": "Early words come first in this long sentence, and then it goes on and on with many more words about nothing much at all, so that it runs well past the length of a snippet, until at last near its very end it names the …",
	} {
		if rs := query(t, ctx, q); len(rs) != 1 || rs[0].Text != want {
			t.Errorf("%s: results %+v, want one with the text %q", q, rs, want)
		}
	}
	rs = query(t, ctx, "zzqx")
	if len(rs) != 0 || browsertest.Eval[string](t, ctx, `document.getElementById('search-status').textContent`) != "No page matches “zzqx”. Try another word, or a shorter one." {
		t.Errorf("zzqx: %d results, status %q", len(rs), browsertest.Eval[string](t, ctx, `document.getElementById('search-status').textContent`))
	}

	// Down arrow from the box to the results, Enter follows the focused one.
	rs = query(t, ctx, "grief")
	var i int
	for i = range rs {
		if rs[i].Title == "Grief" {
			break
		}
	}
	keys := []chromedp.Action[chromedp.Void]{chromedp.Focus(`#search-query`)}
	for range i + 1 {
		keys = append(keys, chromedp.KeyEvent(kb.ArrowDown))
	}
	if err := chromedp.Do(ctx, keys...); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.textContent`); got != "Grief" {
		t.Fatalf("after %d down arrows the focus is on %q, want the Grief result", i+1, got)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatalf("following the result: %v", err)
	}
	// Poll from Go: a poll inside the page ends with the page.
	for start := time.Now(); ; time.Sleep(50 * time.Millisecond) {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById('search-query') && document.readyState === 'complete'`))
		if err == nil && done {
			break
		}
		if time.Since(start) > 10*time.Second {
			t.Fatalf("Enter on the Grief result did not open it (last error: %v)", err)
		}
	}
	loc := browsertest.Eval[string](t, ctx, `location.href`)
	u, err := url.Parse(loc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(u.Path, want) {
		t.Errorf("the result opened %s, want a path ending %s", loc, want)
	}
	if h1 := browsertest.Eval[string](t, ctx, `document.querySelector('h1').textContent`); h1 != "Grief" {
		t.Errorf("the result opened a page titled %q", h1)
	}
}

func TestSearchServed(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t, false), prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"search/")); err != nil {
		t.Fatal(err)
	}
	if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll('script[src*="search-index"]').length`); n != 0 {
		t.Errorf("the index loaded before the reader came to the box (%d scripts)", n)
	}
	before := len(rec.Requests())
	// Results come as the reader types, without Enter.
	if err := chromedp.Do(ctx,
		chromedp.WaitVisible(`#search-query`),
		chromedp.SendKeys(`#search-query`, "grief"),
		chromedp.Poll[chromedp.Void](`[...document.querySelectorAll('#search-results a mark')].some(m => m.textContent === 'Grief')`),
	); err != nil {
		t.Fatalf("typing grief: %v", err)
	}
	browsertest.AssertAccessible(t, ctx) // with results on the page
	// Typing asks nothing of the server but the index: the query stays in the browser.
	if rs := rec.Requests(); len(rs) != before+1 || !strings.Contains(rs[before].URL, prefix+"search-index.en.") {
		t.Errorf("typing made requests %v, want the index only", rs[before:])
	}
	checkSearch(t, ctx, prefix+"problem-areas/grief/")
	for _, r := range rec.Requests() {
		if strings.Contains(r.URL, "?") || strings.Contains(strings.ToLower(r.URL), "zzqx") {
			t.Errorf("a request carries a query: %s", r.URL)
		}
	}
	rec.AssertClean(t, base)
}

// TestSearchPortable opens the search page of a --portable build from disk: the index is
// a script, which file:// pages may load (a fetch could not).
func TestSearchPortable(t *testing.T) {
	dir := buildSite(t, true)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/search/index.html"}).String()
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	checkSearch(t, ctx, "/problem-areas/grief/index.html")
	for _, m := range rec.Errors() {
		// Not search's: a page opened from disk may not load the web app manifest.
		if strings.Contains(m.String(), "manifest.webmanifest") {
			t.Logf("not a search error: %s", m)
			continue
		}
		t.Errorf("browser error: %s", m)
	}
}

// Without JavaScript the page says search needs it, and shows no dead search box.
func TestSearchNoScript(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t, false), prefix)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, browsertest.NoScript(), chromedp.Navigate(base+"search/")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('search').hidden && !document.getElementById('search-noscript').hidden`); !got {
		t.Error("without script: want the search box hidden and the message shown")
	}
}

// The Spanish search page searches the Spanish index, whatever accents the reader
// leaves out, and speaks Spanish.
func TestSearchSpanish(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t, false), prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/search/")); err != nil {
		t.Fatal(err)
	}
	rs := query(t, ctx, "como unen")
	l := find(rs, "Cómo se unen mis problemas y mis relaciones")
	if l == nil {
		t.Fatalf("como unen: no result Cómo se unen mis problemas y mis relaciones: %+v", rs)
	}
	if len(l.Marks) < 2 || l.Marks[0] != "Cómo" || l.Marks[1] != "unen" {
		t.Errorf("como unen: marks %q, want Cómo and unen first", l.Marks)
	}
	if !strings.HasPrefix(l.Href, base+"es/worksheets/") {
		t.Errorf("como unen: link %s, want a Spanish worksheet under %ses/worksheets/", l.Href, base)
	}
	for _, r := range rs {
		if !strings.Contains(r.Href, prefix+"es/") {
			t.Errorf("a Spanish search found a page in another language: %s", r.Href)
		}
	}
	status := browsertest.Eval[string](t, ctx, `document.getElementById('search-status').textContent`)
	if lang := browsertest.Eval[string](t, ctx, `document.documentElement.lang`); lang != "es" || strings.Contains(status, "match") {
		t.Errorf("lang %q, status %q: want the page and its count in Spanish", lang, status)
	}
	rec.AssertClean(t, base)
}
