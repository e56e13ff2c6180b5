package iptsite_test

// The default site on small phones, as a person in distress meets it: no page scrolls
// sideways at 320 px or with the text made twice as large (WCAG 1.4.10 Reflow), and on
// a 390 x 844 phone every page's heading starts in the top 300 px while the crisis box
// keeps a number to tap in the same place on every page.

import (
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// overflowJS is how far the page reaches past the right edge of the screen, and the
// element that reaches furthest.
const overflowJS = `(() => {
	const w = document.documentElement.clientWidth;
	let worst = null, right = w;
	// What scrolls inside its own box (a wide table) does not move the page.
	const scrolls = (el) => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
	for (const el of document.querySelectorAll('body *')) {
		const r = el.getBoundingClientRect();
		if (r.right > w + 1 && scrolls(el)) continue;
		if (r.width && r.right > right + 1) { right = r.right; worst = el; }
	}
	const over = Math.max(document.documentElement.scrollWidth - w, right - w);
	return over > 1 ? over.toFixed(0) + ' px, ' + (worst ? worst.outerHTML.slice(0, 120) : '') : '';
})()`

func TestReflowOnSmallPhones(t *testing.T) {
	dir := buildDefault(t)
	base := browsertest.Serve(t, dir, prefix)
	for _, screen := range []struct {
		name          string
		width, height int64
		fontSize      string
	}{
		{"320x640", 320, 640, ""},
		{"390x844 text 200%", 390, 844, "200%"},
	} {
		t.Run(screen.name, func(t *testing.T) {
			ctx := browsertest.Chrome(t)
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(screen.width, screen.height, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
				t.Fatal(err)
			}
			for _, p := range pages(t, dir) {
				if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
					t.Fatal(err)
				}
				if screen.fontSize != "" {
					browsertest.Eval[any](t, ctx, `document.documentElement.style.fontSize = '`+screen.fontSize+`'`)
				}
				// Open the crisis box and the menu too: what they show must fit as well.
				for _, open := range []string{"", ".crisis-toggle", ".menu-toggle"} {
					if open != "" {
						browsertest.Eval[any](t, ctx, `document.querySelector('`+open+`') && (document.querySelector('`+open+`').open = true)`)
					}
					if got := browsertest.Eval[string](t, ctx, overflowJS); got != "" {
						t.Errorf("/%s (%s open): scrolls sideways by %s", p, open, got)
					}
				}
			}
		})
	}
}

func TestFirstScreenOnAPhone(t *testing.T) {
	dir := buildDefault(t)
	base := browsertest.Serve(t, dir, prefix)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, browsertest.Phone()); err != nil {
		t.Fatal(err)
	}
	for _, p := range pages(t, dir) {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
			t.Fatal(err)
		}
		if top := browsertest.Eval[float64](t, ctx, `document.querySelector('h1').getBoundingClientRect().top + scrollY`); top > 300 {
			t.Errorf("/%s: the heading starts %.0f px down a 844 px screen, want 300 at most", p, top)
		}
		// The crisis box: in view, in the same place as on the other pages of its kind
		// (pages with the quick-exit bar have it below the bar), with a number to tap.
		box := browsertest.Eval[string](t, ctx, `(() => {
			const a = document.querySelector('.crisis .crisis-first');
			if (!a) return 'no number to tap';
			const r = a.getBoundingClientRect();
			if (r.height < 24 || r.bottom > innerHeight) return 'the number is not in view or too small to tap';
			if (!/^(tel|sms):/.test(a.getAttribute('href'))) return 'the first link is ' + a.getAttribute('href');
			return '';
		})()`)
		if box != "" {
			t.Errorf("/%s: crisis box: %s", p, box)
		}
		// Right under the header on every page (WCAG 3.2.6 Consistent Help).
		if gap := browsertest.Eval[float64](t, ctx, `document.querySelector('.crisis').getBoundingClientRect().top - document.querySelector('.site-header').getBoundingClientRect().bottom`); gap < -1 || gap > 1 {
			t.Errorf("/%s: the crisis box is %.0f px from the bottom of the header, want right under it", p, gap)
		}
	}
}

// TestClinicLogoOnSmallPhones: a clinic's logo heads the page with its name as the alt
// text, and a long name with a wide logo still fits a 320-px screen and leaves the
// heading in the top 300 px of a 390 x 844 phone.
func TestClinicLogoOnSmallPhones(t *testing.T) {
	yaml := regexp.MustCompile(`(?m)^  name: ""$`).ReplaceAll(sitetest.DefaultFile(t, "site.yaml"),
		[]byte("  name: Riverside Community Mental Health and Wellbeing Service\n  logo: img/logo.svg"))
	logo := `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="100" viewBox="0 0 600 100"><rect width="600" height="100" fill="#2f6b72"/></svg>`
	dir := sitetest.BuildDir(t, "", render.Options{Source: sitetest.Source(fstest.MapFS{
		"site.yaml": {Data: yaml}, "static/img/logo.svg": {Data: []byte(logo)}})})
	base := browsertest.Serve(t, dir, prefix)
	ctx := browsertest.Chrome(t)
	for _, p := range []string{"", "worksheets/role-dispute/", "es/for-therapists/"} {
		for _, size := range [][2]int64{{320, 640}, {390, 844}} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1], chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch), chromedp.Navigate(base+p)); err != nil {
				t.Fatal(err)
			}
			if got := browsertest.Eval[string](t, ctx, overflowJS); got != "" {
				t.Errorf("/%s at %d px: scrolls sideways by %s", p, size[0], got)
			}
			img := browsertest.Eval[string](t, ctx, `(() => {
				const i = document.querySelector('.site-header img.clinic-logo');
				if (!i) return 'no logo';
				const r = i.getBoundingClientRect();
				return i.alt + (i.complete && i.naturalWidth > 0 && r.height >= 24 ? '' : ' (not shown)');
			})()`)
			if img != "Riverside Community Mental Health and Wellbeing Service" {
				t.Errorf("/%s at %d px: the logo: %s", p, size[0], img)
			}
			if top := browsertest.Eval[float64](t, ctx, `document.querySelector('h1').getBoundingClientRect().top + scrollY`); size[0] == 390 && top > 300 {
				t.Errorf("/%s: the heading starts %.0f px down a 844 px screen, want 300 at most", p, top)
			}
		}
	}
}
