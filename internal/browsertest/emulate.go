package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// EmulateMedia makes CSS media queries see the media type (such as "print";
// "" for the real one) and the media features (such as
// "prefers-reduced-motion": "reduce"). Each call replaces the settings of the
// one before, so pass everything at once; EmulateMedia("", nil) resets them.
func EmulateMedia(media string, features map[string]string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		p := emulation.SetEmulatedMediaParams{Media: media}
		for name, value := range features {
			p.Features = append(p.Features, &emulation.MediaFeature{Name: name, Value: value})
		}
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, p)
		return err
	})
}

// DarkMode makes the page see prefers-color-scheme: dark.
func DarkMode() chromedp.Action[chromedp.Void] {
	return EmulateMedia("", map[string]string{"prefers-color-scheme": "dark"})
}

// PrintMedia makes the page use its print styles, as when printing, while
// the tab can still be read and screenshotted.
func PrintMedia() chromedp.Action[chromedp.Void] {
	return EmulateMedia("print", nil)
}

// Phone makes the tab a phone held upright: a viewport of 390 by 844 CSS
// pixels at two device pixels each, mobile layout, and touch input. It lasts
// for the tab's life, across navigations.
func Phone() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch)
}

// NoScript turns the page's JavaScript off in the tab, to see the page that a
// person gets before any script runs (or with scripts blocked). Run it before
// the navigation; it lasts for the tab's life. chromedp.Evaluate and [Axe]
// still work.
func NoScript() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if err := setScriptsDisabled(ctx, t, true); err != nil {
			return err
		}
		noScriptTabs.Store(t, true)
		return nil
	})
}

// noScriptTabs holds the targets that NoScript turned scripts off in, so
// that Axe, whose checks need timers, can turn them on while it runs.
var noScriptTabs sync.Map // *chromedp.Target → true

func setScriptsDisabled(ctx context.Context, t *chromedp.Target, disabled bool) error {
	_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: disabled})
	return err
}

// Offline cuts the tab off the network (offline true) or connects it again
// (offline false): requests of the page and of its service worker fail with
// net::ERR_INTERNET_DISCONNECTED, and navigator.onLine is false. A service
// worker can still answer the page's requests from its cache, which is what
// an offline test checks.
func Offline(offline bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &offline,
			MatchedNetworkConditions: []*network.Conditions{{
				Offline:            offline,
				DownloadThroughput: -1,
				UploadThroughput:   -1,
			}},
		})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, network.OverrideNetworkState, network.OverrideNetworkStateParams{
			Offline:            offline,
			DownloadThroughput: -1,
			UploadThroughput:   -1,
		})
		return err
	})
}

// Screenshot saves a PNG of the whole page in the tab ctx, not only the part
// in view, to path, making its folder when needed. Look at it with an image
// viewer to see what a person sees.
func Screenshot(t testing.TB, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("browsertest.Screenshot: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}
