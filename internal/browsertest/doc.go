// Package browsertest runs built pages in real, headless browsers from Go
// tests. It serves a built site under a subfolder, opens tabs, records every
// network request and console error of a tab, runs the axe-core accessibility
// checks, emulates a phone, dark mode, print and offline, and saves
// screenshots, all in Chromium; and it runs scenarios written once against
// [Tab] in Chromium, Firefox and WebKit.
//
// # Running the tests
//
// The README's test command, ./test.sh, installs what these tests need when it
// is missing (Debian's chromium, firefox-esr, webkit2gtk-driver and xvfb, and
// axe-core through `npm ci --prefix tools`) and then runs `go vet ./...` and
// `go test ./...`. Plain `go test ./...` works too: when a browser or axe-core
// is missing, a browser test is skipped with a
// message that starts "BROWSER TESTS SKIPPED", except when the environment has
// CI=true, where a missing browser is a failure, so CI never passes by
// skipping.
//
// Chromium is looked up in this order: the file named by IPTSITE_CHROME, then
// /usr/bin/chromium, then chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH. An IPTSITE_CHROME that names no file is an
// error, not a skip.
//
// # Writing a browser test
//
// A package with browser tests shares one browser among its tests by calling
// [Main] from TestMain. Each call of [Chrome] then opens a new tab, which the
// test's cleanup closes. Without Main, each call of Chrome starts and stops a
// browser of its own, which is slower but correct.
//
//	func TestMain(m *testing.M) { browsertest.Main(m) }
//
//	func TestWorksheetPage(t *testing.T) {
//		ctx := browsertest.Chrome(t)
//		base := browsertest.Serve(t, builtDir, "/clinic/sub/")
//		rec := browsertest.Watch(ctx)
//		if err := chromedp.Do(ctx,
//			browsertest.Phone(),
//			chromedp.Navigate(base+"worksheets/goals/"),
//		); err != nil {
//			t.Fatal(err)
//		}
//		rec.AssertClean(t, base)             // no foreign request, no console error
//		browsertest.AssertAccessible(t, ctx) // axe: WCAG 2.2 A and AA
//		browsertest.Screenshot(t, ctx, filepath.Join(t.TempDir(), "goals.png"))
//	}
//
// The tab is a chromedp context: drive it with chromedp.Do, chromedp.Run and
// the chromedp actions (Navigate, Click, SendKeys, Evaluate...). This
// chromedp (v0.23) has a generic API where an action returns its value, so
// read with Run and a type, not with a pointer:
//
//	title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`))
//
// Call [Watch] before the navigation whose requests and messages it should
// see. [Phone], [DarkMode], [PrintMedia], [EmulateMedia], [NoScript] and
// [Offline] are actions for chromedp.Do.
//
// # Every engine: Chromium, Firefox and WebKit
//
// Clients use iPhones (every iPhone browser is WebKit) and Firefox too. A
// scenario written once against [Tab] runs in each of [Engines]: [NewTab]
// opens a tab of Chromium (through chromedp, as above), of Firefox ESR (over
// WebDriver BiDi, which Firefox speaks itself; Debian has no geckodriver) or
// of WebKitGTK's MiniBrowser (over classic WebDriver, through
// WebKitWebDriver, on a virtual display from Xvfb when DISPLAY is not set).
// A Tab opens and reloads pages, evaluates JavaScript to JSON, clicks and
// types with real mouse and key input, chooses files for a file input, and
// opens a second tab that shares the page's storage.
//
//	for _, engine := range browsertest.Engines {
//		t.Run(engine, func(t *testing.T) {
//			t.Parallel() // each engine is its own browser
//			base := browsertest.Serve(t, builtDir, "/clinic/sub/")
//			tab := browsertest.NewTab(t, engine)
//			if err := tab.Open(base + "worksheets/goals/"); err != nil {
//				t.Fatal(err)
//			}
//			if err := tab.Type("#f-goal", "Call Ann"); err != nil {
//				t.Fatal(err)
//			}
//			if browsertest.EvalIn[int](t, tab, `localStorage.length`) == 0 {
//				t.Error("nothing saved")
//			}
//		})
//	}
//
// Under [Main], each engine's browser starts once per test binary and each
// test gets its own tab; tests stay apart by serving their site from their
// own port (so their own origin and storage). A missing engine is a skip
// that starts "BROWSER TESTS SKIPPED", or a failure under CI=true, like a
// missing Chromium. The programs are found in this order: Firefox in
// IPTSITE_FIREFOX, /usr/bin/firefox-esr, then firefox-esr and firefox on
// PATH; WebKitWebDriver in IPTSITE_WEBKIT_DRIVER, then /usr/bin and PATH;
// MiniBrowser in IPTSITE_MINIBROWSER, then Debian's
// /usr/lib/<arch>/webkit2gtk-4.1/; Xvfb in IPTSITE_XVFB, then /usr/bin and
// PATH. [Watch], [Axe] and the emulation actions are Chromium's only: reach
// them through [ChromeContext].
//
// # What the browser is allowed to reach
//
// The browser resolves no host name but 127.0.0.1 and localhost, so a page
// that points at another host makes a request that fails at once and never
// leaves the machine; the [Log] still records it, and [Log.AssertSameHost]
// reports it. Other flags keep the browser quiet: no background networking,
// component updates, sync or QUIC, and a fresh temporary profile. Firefox
// (with a fresh profile too) and MiniBrowser send every request but those to
// 127.0.0.1 and localhost to a proxy on a closed local port, so those fail
// at once as well.
//
// # Limits
//
// The [Log] sees the requests and messages of the page, including requests
// that a service worker answers, but not the requests that a service worker
// makes on its own (such as filling its cache); test those by what the page
// sees after [Offline].
package browsertest
