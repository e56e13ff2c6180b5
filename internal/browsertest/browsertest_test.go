package browsertest

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) { Main(m) }

// open starts a tab on the fixture site, served under a subfolder, with a
// Log watching it, and goes to page (relative to the site's base URL).
func open(t *testing.T, page string) (ctx context.Context, rec *Log, base string) {
	t.Helper()
	ctx = Chrome(t)
	base = Serve(t, "testdata/site", "/clinic/sub/")
	rec = Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+page)); err != nil {
		t.Fatalf("navigating to %s: %v", base+page, err)
	}
	return ctx, rec, base
}

func TestCleanPage(t *testing.T) {
	ctx, rec, base := open(t, "")
	if got := Eval[string](t, ctx, `document.getElementById("status").textContent`); got != "script ran" {
		t.Errorf("#status = %q: the site's own script did not run under its policy", got)
	}
	rec.AssertClean(t, base)
	if v := Axe(t, ctx); len(v) != 0 {
		t.Errorf("axe found violations on the clean page:%s", bullets(v))
	}

	var urls []string
	for _, r := range rec.Requests() {
		urls = append(urls, strings.TrimPrefix(r.URL, base)+" "+r.Type)
		if r.Status != 200 || r.Failure != "" {
			t.Errorf("request %s: want status 200 and no failure", r)
		}
	}
	for _, want := range []string{" Document", "style.css Stylesheet", "app.js Script"} {
		if !slices.Contains(urls, want) {
			t.Errorf("requests %q: missing %q", urls, want)
		}
	}
}

func TestInlineScriptIsACSPViolation(t *testing.T) {
	ctx, rec, base := open(t, "inline/")
	if got := Eval[string](t, ctx, `document.getElementById("status").textContent`); got != "not run" {
		t.Errorf("#status = %q: the inline script ran despite the policy", got)
	}
	v := rec.CSPViolations()
	if len(v) != 1 {
		t.Fatalf("got %d CSP violations, want 1:%s", len(v), bullets(rec.Messages()))
	}
	if want := base + "inline/"; v[0].URL != want || v[0].Line != 11 {
		t.Errorf("violation at %s:%d, want %s:11 (the <script> line)", v[0].URL, v[0].Line, want)
	}
	if !strings.Contains(v[0].Text, "inline script") || v[0].Level != "error" {
		t.Errorf("violation %s: want an error about an inline script", v[0])
	}

	f := newFakeTB(t)
	f.run(func(tb testing.TB) { rec.AssertNoErrors(tb) })
	if got := f.errorText(); !strings.Contains(got, "1 error(s)") || !strings.Contains(got, "csp error: "+base+"inline/:11: ") {
		t.Errorf("AssertNoErrors reported\n%s\nwant the CSP violation with its place", f.report())
	}
	rec.AssertSameHost(t, base)
}

func TestExternalImageIsFlagged(t *testing.T) {
	_, rec, base := open(t, "external/")
	foreign := rec.ForeignRequests(base)
	if len(foreign) != 1 || foreign[0].URL != "https://tracker.example/pixel.png" || foreign[0].Type != "Image" {
		t.Fatalf("foreign requests:%s\nwant only the image from tracker.example", bullets(foreign))
	}
	// The resolver rule keeps the request on this machine.
	if foreign[0].Failure != "net::ERR_NAME_NOT_RESOLVED" {
		t.Errorf("request %s: want it to fail with net::ERR_NAME_NOT_RESOLVED", foreign[0])
	}

	f := newFakeTB(t)
	f.run(func(tb testing.TB) { rec.AssertSameHost(tb, base) })
	if got := f.errorText(); !strings.Contains(got, "1 request(s) to other hosts") || !strings.Contains(got, "GET https://tracker.example/pixel.png (Image)") {
		t.Errorf("AssertSameHost reported\n%s\nwant the request to tracker.example", f.report())
	}
	// The failed load is also a console error.
	f = newFakeTB(t)
	f.run(func(tb testing.TB) { rec.AssertNoErrors(tb) })
	if got := f.errorText(); !strings.Contains(got, "network error: https://tracker.example/pixel.png") {
		t.Errorf("AssertNoErrors reported\n%s\nwant the failed image load", f.report())
	}
}

func TestBlockedRequestIsStillFlagged(t *testing.T) {
	_, rec, base := open(t, "blocked/")
	foreign := rec.ForeignRequests(base)
	if len(foreign) != 1 || foreign[0].Failure != "blocked:csp" {
		t.Errorf("foreign requests:%s\nwant the image from tracker.example, blocked:csp", bullets(foreign))
	}
	var directives []string
	for _, m := range rec.CSPViolations() {
		switch {
		case strings.Contains(m.Text, "inline style"):
			directives = append(directives, "style attribute")
		case strings.Contains(m.Text, "https://tracker.example/pixel.png"):
			directives = append(directives, "image")
		default:
			t.Errorf("unexpected violation %s", m)
		}
	}
	slices.Sort(directives)
	if want := []string{"image", "style attribute"}; !slices.Equal(directives, want) {
		t.Errorf("CSP violations for %q, want %q", directives, want)
	}
}

func TestScriptErrorsAreReported(t *testing.T) {
	_, rec, base := open(t, "errors/")
	var got []string
	for _, m := range rec.Errors() {
		got = append(got, m.String())
	}
	want := []string{
		"console error: " + base + "errors/errors.js:1: fixture console error 42",
		"exception error: " + base + "errors/errors.js:2: Uncaught Error: fixture uncaught error",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestAxeFindsTheViolation(t *testing.T) {
	ctx, rec, _ := open(t, "a11y/")
	v := Axe(t, ctx)
	if len(v) != 1 || v[0].ID != "image-alt" || v[0].Impact != "critical" {
		t.Fatalf("violations:%s\nwant only image-alt (critical)", bullets(v))
	}
	if len(v[0].Nodes) != 1 || v[0].Nodes[0].Target != "img" || !strings.HasPrefix(v[0].Nodes[0].HTML, `<img src="../favicon.svg"`) {
		t.Errorf("nodes %+v: want the one <img>", v[0].Nodes)
	}
	// Axe went in past the page's policy without a violation of its own.
	rec.AssertNoErrors(t)

	f := newFakeTB(t)
	f.run(func(tb testing.TB) { AssertAccessible(tb, ctx) })
	got := f.errorText()
	for _, want := range []string{"1 accessibility violation(s) on http://", "/clinic/sub/a11y/", "image-alt (critical): Images must have alternative text", "img  <img src=\"../favicon.svg\""} {
		if !strings.Contains(got, want) {
			t.Errorf("AssertAccessible reported\n%s\nwant it to contain %q", f.report(), want)
		}
	}
}

// quietSkips keeps the self-tests of skipping from announcing a skip.
func quietSkips(t *testing.T) {
	saved := announceSkip
	announceSkip = func(string) {}
	t.Cleanup(func() { announceSkip = saved })
}

func TestAxeMissing(t *testing.T) {
	quietSkips(t)
	saved := axeScript
	axeScript = filepath.Join("tools", "node_modules", "no-such-package", "axe.min.js")
	t.Cleanup(func() { axeScript = saved })

	t.Setenv("CI", "")
	f := newFakeTB(t)
	f.run(func(tb testing.TB) { Axe(tb, context.Background()) })
	if !strings.HasPrefix(f.skipped, "BROWSER TESTS SKIPPED: axe-core not installed; run ./test.sh") || f.fatal != "" {
		t.Errorf("without CI, Axe reported\n%s\nwant a loud skip", f.report())
	}

	t.Setenv("CI", "true")
	f = newFakeTB(t)
	f.run(func(tb testing.TB) { Axe(tb, context.Background()) })
	if !strings.Contains(f.fatal, "cannot run under CI=true: axe-core not installed") || f.skipped != "" {
		t.Errorf("with CI=true, Axe reported\n%s\nwant a failure", f.report())
	}
}

func TestChromeMissing(t *testing.T) {
	quietSkips(t)
	t.Setenv("CI", "")
	t.Setenv(chromeEnv, filepath.Join(t.TempDir(), "no-such-chrome"))
	f := newFakeTB(t)
	f.run(func(tb testing.TB) { Chrome(tb) })
	if !strings.Contains(f.fatal, chromeEnv+"=") {
		t.Errorf("with a bad %s, Chrome reported\n%s\nwant a failure naming it", chromeEnv, f.report())
	}

	// No browser anywhere: an empty PATH and a candidate list without the
	// absolute path.
	t.Setenv(chromeEnv, "")
	t.Setenv("PATH", t.TempDir())
	saved := chromeCandidates
	chromeCandidates = slices.DeleteFunc(slices.Clone(saved), filepath.IsAbs)
	t.Cleanup(func() { chromeCandidates = saved })

	f = newFakeTB(t)
	f.run(func(tb testing.TB) { Chrome(tb) })
	if !strings.HasPrefix(f.skipped, "BROWSER TESTS SKIPPED: chromium not found; run ./test.sh") || f.fatal != "" {
		t.Errorf("without CI, Chrome reported\n%s\nwant a loud skip", f.report())
	}

	t.Setenv("CI", "true")
	f = newFakeTB(t)
	f.run(func(tb testing.TB) { Chrome(tb) })
	if !strings.Contains(f.fatal, "cannot run under CI=true: chromium not found") || f.skipped != "" {
		t.Errorf("with CI=true, Chrome reported\n%s\nwant a failure", f.report())
	}
}

func TestDarkMode(t *testing.T) {
	ctx, _, _ := open(t, "")
	const bg = `getComputedStyle(document.body).backgroundColor`
	if got := Eval[string](t, ctx, bg); got != "rgb(255, 255, 255)" {
		t.Errorf("light background %s", got)
	}
	if err := chromedp.Do(ctx, DarkMode()); err != nil {
		t.Fatal(err)
	}
	if got := Eval[string](t, ctx, bg); got != "rgb(17, 17, 17)" {
		t.Errorf("dark background %s, want rgb(17, 17, 17)", got)
	}
	if v := Axe(t, ctx); len(v) != 0 {
		t.Errorf("axe found violations in dark mode:%s", bullets(v))
	}
	if err := chromedp.Do(ctx, EmulateMedia("", nil)); err != nil {
		t.Fatal(err)
	}
	if got := Eval[string](t, ctx, bg); got != "rgb(255, 255, 255)" {
		t.Errorf("after the reset, background %s, want the light one", got)
	}
}

func TestPrintMedia(t *testing.T) {
	ctx, _, _ := open(t, "")
	const display = `getComputedStyle(document.querySelector(".screen-only")).display`
	if got := Eval[string](t, ctx, display); got != "block" {
		t.Errorf("on screen, .screen-only display %s", got)
	}
	if err := chromedp.Do(ctx, PrintMedia()); err != nil {
		t.Fatal(err)
	}
	if got := Eval[string](t, ctx, display); got != "none" {
		t.Errorf("in print, .screen-only display %s, want none", got)
	}
}

func TestPhoneAndScreenshot(t *testing.T) {
	ctx, _, _ := open(t, "")
	dir := t.TempDir()
	Screenshot(t, ctx, filepath.Join(dir, "desktop.png"))
	if err := chromedp.Do(ctx, Phone()); err != nil {
		t.Fatal(err)
	}
	if got := Eval[[]float64](t, ctx, `[innerWidth, devicePixelRatio, matchMedia("(pointer: coarse)").matches ? 1 : 0]`); !slices.Equal(got, []float64{390, 2, 1}) {
		t.Errorf("phone [width, pixel ratio, coarse pointer] = %v, want [390 2 1]", got)
	}
	Screenshot(t, ctx, filepath.Join(dir, "nested", "phone.png"))

	// Full-page shots: as wide as the viewport in device pixels, and taller
	// than it, because the page is (the .tall block).
	for _, tt := range []struct {
		name      string
		width     int
		minHeight int
	}{{"desktop.png", 1280, 1700}, {"nested/phone.png", 780, 2 * 1700}} {
		f, err := os.Open(filepath.Join(dir, tt.name))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if cfg.Width != tt.width || cfg.Height < tt.minHeight {
			t.Errorf("%s is %dx%d, want %d wide and at least %d high", tt.name, cfg.Width, cfg.Height, tt.width, tt.minHeight)
		}
	}
}

func TestNoScript(t *testing.T) {
	ctx := Chrome(t)
	base := Serve(t, "testdata/site", "/clinic/sub/")
	if err := chromedp.Do(ctx, NoScript(), chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	if got := Eval[string](t, ctx, `document.getElementById("status").textContent`); got != "script not run" {
		t.Errorf("#status = %q with scripts off, want %q", got, "script not run")
	}
	// axe needs timers, which are off with the page's scripts.
	if v := Axe(t, ctx); len(v) != 0 {
		t.Errorf("axe found violations on the clean page without scripts:%s", bullets(v))
	}
	// And the page's scripts are still off after it.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if got := Eval[string](t, ctx, `document.getElementById("status").textContent`); got != "script not run" {
		t.Errorf("after Axe and a reload, #status = %q, want %q", got, "script not run")
	}
}

func TestOffline(t *testing.T) {
	ctx, rec, base := open(t, "")
	const fetchData = `fetch("data.json").then(r => r.json()).then(d => "got " + d.answer, e => "failed: " + e.name)`
	fetchResult := func() string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](fetchData, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := fetchResult(); got != "got 42" {
		t.Fatalf("online fetch: %s", got)
	}

	if err := chromedp.Do(ctx, Offline(true)); err != nil {
		t.Fatal(err)
	}
	if got := fetchResult(); got != "failed: TypeError" {
		t.Errorf("offline fetch: %s, want failed: TypeError", got)
	}
	if Eval[bool](t, ctx, `navigator.onLine`) {
		t.Errorf("offline: navigator.onLine is true")
	}
	var failures []string
	for _, r := range rec.Requests() {
		if r.URL == base+"data.json" {
			failures = append(failures, r.Failure)
		}
	}
	if want := []string{"", "net::ERR_INTERNET_DISCONNECTED"}; !slices.Equal(failures, want) {
		t.Errorf("data.json request failures %q, want %q", failures, want)
	}

	if err := chromedp.Do(ctx, Offline(false)); err != nil {
		t.Fatal(err)
	}
	if got := fetchResult(); got != "got 42" {
		t.Errorf("back online, fetch: %s", got)
	}
	if !Eval[bool](t, ctx, `navigator.onLine`) {
		t.Errorf("back online: navigator.onLine is false")
	}
}

func TestSharedBrowserTabsAreSeparate(t *testing.T) {
	a, _, _ := open(t, "")
	b, _, _ := open(t, "a11y/")
	if chromedp.FromContext(a).Browser != chromedp.FromContext(b).Browser {
		t.Errorf("two tabs of one test binary run in two browsers; Main should share one")
	}
	ta := Eval[string](t, a, `document.title`)
	tb := Eval[string](t, b, `document.title`)
	if ta != "Fixture home" || tb != "One accessibility problem" {
		t.Errorf("titles %q and %q: the tabs are not separate", ta, tb)
	}
}

// TestPrintPDF prints the fixture page (its tall block takes a second page), then without
// that block, on A4 and on Letter, then with a forced page break, and counts the pages.
func TestPrintPDF(t *testing.T) {
	ctx, _, _ := open(t, "")
	if got := PDFPages(PrintPDF(t, ctx, A4)); got != 2 {
		t.Errorf("the fixture page with its 1600-px block printed on %d pages, want 2", got)
	}
	Eval[any](t, ctx, `document.querySelector('.tall').remove()`)
	for _, p := range []Paper{A4, Letter} {
		if got := PDFPages(PrintPDF(t, ctx, p)); got != 1 {
			t.Errorf("the fixture page printed on %v pages, want 1", got)
		}
	}
	Eval[any](t, ctx, `{ const p = document.createElement('p'); p.textContent = 'after'; p.style.breakBefore = 'page'; document.body.append(p); }`)
	if got := PDFPages(PrintPDF(t, ctx, A4)); got != 2 {
		t.Errorf("with a page break the page printed on %d pages, want 2", got)
	}
}

// A server the system gives an earlier test's port must not bring that test's storage
// back: Serve clears what the browser keeps for the origin (forgetOrigin), shown here
// on an origin whose page has stored something.
func TestServeForgetsTheOrigin(t *testing.T) {
	ctx, _, base := open(t, "")
	Eval[any](t, ctx, `localStorage.setItem("answer", "kept"), sessionStorage.setItem("answer", "kept")`)
	origin := strings.TrimSuffix(base, "/clinic/sub/")
	if err := forgetOrigin(origin); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	if got := Eval[any](t, ctx, `localStorage.getItem("answer")`); got != nil {
		t.Errorf("localStorage after forgetOrigin: %v, want nothing", got)
	}
}
