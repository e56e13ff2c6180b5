package worksheet_test

// The screenshots of docs/screenshots/ (issue 13, Screens): `make screenshots` runs
// TestScreenshots with -screenshots, which writes them; without the flag the test takes
// them and checks them, and writes nothing.

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

var writeScreenshots = flag.Bool("screenshots", false, "write the screenshots of the default site into docs/screenshots/")

// screens are the screens shot on a phone and on a computer, in order (the answers typed
// on one stay for the next): name, page, and what a person did there first.
var screens = []struct{ name, page, js string }{
	{"home", "", ""},
	{"content", "phases/beginning/", ""},
	{"worksheet", "worksheets/closeness-circle/", demoJS + `demo['closeness-circle']();
		await new Promise((r) => setTimeout(r, 100)); document.querySelector('svg[data-chart]').scrollIntoView({block: 'center'});`},
	{"phq9-alert", "worksheets/phq-9/", answerJS(1, 0, 2, 0, 1, 0, 0, 3, 1) + `
		document.querySelector('#phq-9 .ws-item[data-item="9"]').scrollIntoView({block: 'start'}); scrollBy(0, -80);`},
	{"my-answers", "my-answers/", ""},
	{"print", "worksheets/phq-9/", ""},
}

func TestScreenshots(t *testing.T) {
	base := browsertest.Serve(t, sitetest.BuildDir(t, "", render.Options{}), prefix)
	out := filepath.Join("..", "..", "docs", "screenshots")
	for _, size := range []struct {
		name          string
		width, height int64
		print         [2]int64 // the print preview: a sheet of A4 on a computer
	}{{"phone", 390, 844, [2]int64{390, 844}}, {"desktop", 1280, 800, [2]int64{794, 1123}}} {
		if size.name == "desktop" && !*writeScreenshots {
			continue // without -screenshots the phone's are enough to check the screens work
		}
		ctx := browsertest.Chrome(t)
		rec := browsertest.Watch(ctx)
		for _, s := range screens {
			w, h := size.width, size.height
			if s.name == "print" {
				w, h = size.print[0], size.print[1]
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateMobile), chromedp.Navigate(base+s.page)); err != nil {
				t.Fatal(err)
			}
			if s.page != "" && s.page != "phases/beginning/" {
				ready(t, ctx)
			}
			if s.js != "" {
				do(t, ctx, s.js)
				settle()
			}
			if s.name == "" {
				continue
			}
			if s.name == "print" {
				if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
					t.Fatal(err)
				}
				do(t, ctx, `dispatchEvent(new Event('beforeprint'));`)
			}
			shot(t, ctx, filepath.Join(out, s.name+"-"+size.name+".png"), int(w))
			if err := chromedp.Do(ctx, browsertest.EmulateMedia("", nil)); err != nil {
				t.Fatal(err)
			}
		}
		rec.AssertNoErrors(t)
	}
}

// shot takes a screenshot of what is in view, checks that it is a PNG of the width
// given, and with -screenshots writes it to path.
func shot(t *testing.T, ctx context.Context, path string, width int) {
	t.Helper()
	time.Sleep(200 * time.Millisecond) // charts drawn again at the new width
	data, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	c, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil || c.Width != width {
		t.Fatalf("%s: a PNG %d px wide (%v), want %d", path, c.Width, err, width)
	}
	if *writeScreenshots {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
