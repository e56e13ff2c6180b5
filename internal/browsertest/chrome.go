package browsertest

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// TestCommand is the command that installs what the browser tests need and
// runs every test. Skip messages name it.
const TestCommand = "./test.sh"

// MinParallel is how many parallel tests [Main] lets run at once, at least:
// one scenario in each of the three [Engines]. More overlap starves a loaded
// 2-core machine until browsers miss their timeouts.
const MinParallel = 3

// TabTimeout bounds the life of one tab from [Chrome], so that a page that
// never finishes loading fails its test instead of stalling the whole run.
const TabTimeout = 2 * time.Minute

// chromeEnv names the environment variable that picks the browser binary.
const chromeEnv = "IPTSITE_CHROME"

// chromeCandidates are tried, in order, when chromeEnv is not set. The first
// is Debian's package, which ./test.sh installs.
var chromeCandidates = []string{
	"/usr/bin/chromium",
	"chromium",
	"chromium-browser",
	"google-chrome",
	"google-chrome-stable",
}

// browserFlags are added to chromedp's defaults. The resolver rule keeps
// every request on this machine: a page that names another host gets a
// failed request (which the Log records) and no traffic leaves.
var browserFlags = []chromedp.ExecAllocatorOption{
	chromedp.NoSandbox,
	chromedp.DisableGPU,
	chromedp.NoFirstRun,
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"),
	chromedp.Flag("lang", "en-US"),
	chromedp.WindowSize(1280, 900),
}

// shared holds the one browser of a test binary whose TestMain calls Main.
var shared struct {
	enabled bool // set by Main before any test runs
	once    sync.Once
	b       *browser
	err     error
	started atomic.Pointer[browser] // b, once a tab of it has been opened
}

// Main runs the tests of a package with one browser for all of them, and
// stops that browser when they end. Call it from TestMain:
//
//	func TestMain(m *testing.M) { browsertest.Main(m) }
//
// The browser starts at the first call of [Chrome], so a run that selects no
// browser test starts none; so do the Firefox and WebKit of [NewTab].
//
// Browser tests mostly wait (for a page, a timer, another tab), so Main lets
// the tests that call t.Parallel run [MinParallel] at a time, not one per
// CPU, unless the -parallel flag says otherwise: the scenarios that run in
// every engine then overlap on a 2-core machine.
func Main(m *testing.M) {
	shared.enabled = true
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if p := flag.Lookup("test.parallel"); p != nil && !given && p.Value.(flag.Getter).Get().(int) < MinParallel {
		p.Value.Set(strconv.Itoa(MinParallel))
	}
	code := m.Run()
	if shared.b != nil {
		shared.b.stop()
	}
	stopDrivers()
	os.Exit(code)
}

// Chrome returns a chromedp context for a new tab of a headless Chromium. The
// test's cleanup closes the tab (and the browser, when the package does not
// call [Main]). The tab lives at most [TabTimeout].
//
// When no browser is found, Chrome skips the test with a message that starts
// "BROWSER TESTS SKIPPED"; with CI=true in the environment it fails the test
// instead.
func Chrome(t testing.TB) context.Context {
	t.Helper()
	path, err := findChrome()
	if err != nil {
		t.Fatal(err)
	}
	if path == "" {
		unavailable(t, "chromium not found; run "+TestCommand+", which installs it, or set "+chromeEnv+" to a Chromium or Chrome binary")
	}

	var b *browser
	if shared.enabled {
		shared.once.Do(func() { shared.b, shared.err = startBrowser(path) })
		b, err = shared.b, shared.err
		if b != nil {
			shared.started.Store(b)
		}
	} else {
		b, err = startBrowser(path)
		if b != nil {
			t.Cleanup(b.stop)
		}
	}
	if err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}

	// chromedp finds the browser through the context's values, so the
	// timeout can sit between the browser and the tab.
	limited, cancelLimit := context.WithTimeout(b.ctx, TabTimeout)
	tab, cancelTab := chromedp.NewContext(limited)
	t.Cleanup(func() {
		cancelTab()
		cancelLimit()
	})
	// Open the tab now, so that a broken browser fails here and not in the
	// test's first action.
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("opening a browser tab: %v", err)
	}
	return tab
}

// forgetOrigin clears what the shared browser keeps for origin: its storage, caches
// and service workers. The system may give a new server the port of one that an
// earlier test closed, and a test must not start with that test's answers.
func forgetOrigin(origin string) error {
	b := shared.started.Load()
	if b == nil {
		return nil // no tab has been opened: the browser keeps nothing yet
	}
	// One blank tab, kept open for it: a new tab for each server took a quarter second.
	janitor.Lock()
	defer janitor.Unlock()
	if janitor.tab == nil {
		tab, cancel := chromedp.NewContext(b.ctx)
		if err := chromedp.Do(tab); err != nil {
			cancel()
			return err
		}
		janitor.tab = tab // closed with the browser
	}
	return chromedp.Do(janitor.tab, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, storage.ClearDataForOrigin, storage.ClearDataForOriginParams{Origin: origin, StorageTypes: "all"})
		return err
	}))
}

// janitor is the tab of the shared browser that forgetOrigin works in.
var janitor struct {
	sync.Mutex
	tab context.Context
}

// browser is one running browser process.
type browser struct {
	ctx  context.Context // a chromedp context; children of it are new tabs
	stop func()
}

func startBrowser(path string) (*browser, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path))
	opts = append(opts, browserFlags...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() {
		cancel()
		cancelAlloc()
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, err
	}
	return &browser{ctx: ctx, stop: stop}, nil
}

// findChrome returns the browser to run, or "" when there is none. A
// chromeEnv that names no runnable file is an error: the person asked for
// that browser.
func findChrome() (string, error) {
	if p := os.Getenv(chromeEnv); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", chromeEnv, p, err)
		}
		return found, nil
	}
	for _, c := range chromeCandidates {
		if found, err := exec.LookPath(c); err == nil {
			return found, nil
		}
	}
	return "", nil
}

// onCI reports whether the environment says this is a CI run, where a
// missing browser or tool must fail the tests instead of skipping them.
func onCI() bool {
	ci, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && ci
}

// announceSkip makes the first skip of a test binary visible on stderr,
// since go test hides the messages of skipped tests without -v.
var announceSkip = func(msg string) {
	loudOnce.Do(func() { fmt.Fprintln(os.Stderr, msg) })
}

var loudOnce sync.Once

// unavailable skips the test because something the browser tests need is
// missing, or fails it under CI=true. It does not return.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if onCI() {
		t.Fatal("browser tests cannot run under CI=true: " + why)
	}
	msg := "BROWSER TESTS SKIPPED: " + why
	announceSkip(msg)
	t.Skip(msg)
}
