package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The engines of [NewTab]: what clients' browsers are built on.
const (
	Chromium = "chromium" // Chrome, Edge, most Android browsers
	Firefox  = "firefox"  // Firefox, driven over WebDriver BiDi
	WebKit   = "webkit"   // Safari and every iPhone browser, driven over classic WebDriver
)

// Engines lists every engine, for tests that run one scenario in each.
var Engines = []string{Chromium, Firefox, WebKit}

// Tab is a page in one engine's browser, driven the same way in every
// engine. A scenario written against Tab runs in all of [Engines]. Methods
// wait for what they start: Open and Reload for the page's load event, Eval
// for the expression's promise.
type Tab interface {
	// Engine is the engine's name, one of [Engines].
	Engine() string
	// Open loads url in the tab.
	Open(url string) error
	// Reload loads the current page again.
	Reload() error
	// Eval evaluates the JavaScript expression expr in the page, waits for
	// its value when it is a promise, and decodes the value's JSON into out
	// (which may be nil). An exception is an error.
	Eval(expr string, out any) error
	// Click clicks the first element that matches the CSS selector, as a
	// mouse would, after scrolling it into view.
	Click(selector string) error
	// Type clicks the first element that matches the CSS selector and types
	// text into it with key presses, as a keyboard would.
	Type(selector, text string) error
	// SetFiles chooses files for the file input that matches the CSS
	// selector, as a person picking them would (the input fires change).
	SetFiles(selector string, paths ...string) error
	// NewTab opens another tab of the same browser, which shares the
	// page's storage, as a person's second tab does.
	NewTab() (Tab, error)
}

// NewTab opens a tab in engine's browser. A package that calls [Main] shares
// one browser of each engine among its tests (their storage is kept apart by
// serving each test's site from its own port, hence its own origin);
// otherwise the test's cleanup stops the browser. The test's cleanup closes
// the tab.
//
// Like [Chrome], NewTab skips the test with a message that starts "BROWSER
// TESTS SKIPPED" when the engine is not installed, and fails it under
// CI=true.
func NewTab(t testing.TB, engine string) Tab {
	t.Helper()
	switch engine {
	case Chromium:
		return &chromeTab{t: t, ctx: Chrome(t)}
	case Firefox, WebKit:
	default:
		t.Fatalf("browsertest.NewTab: unknown engine %q, want one of %q", engine, Engines)
	}
	// Found before the shared start, so that a skip never ends inside it.
	progs := findPrograms(t, engine)
	var b driver
	var err error
	if shared.enabled {
		s := sharedDriver(engine)
		s.once.Do(func() { s.d, s.err = startDriver(engine, progs) })
		b, err = s.d, s.err
	} else {
		b, err = startDriver(engine, progs)
		if b != nil {
			t.Cleanup(b.stop)
		}
	}
	if err != nil {
		t.Fatalf("starting %s: %v", engine, err)
	}
	tab, err := b.newTab(t)
	if err != nil {
		t.Fatalf("opening a %s tab: %v", engine, err)
	}
	return tab
}

// EvalIn is [Eval] for a [Tab]: it evaluates expr in tab and fails the test
// when it throws or its value is not a T.
func EvalIn[T any](t testing.TB, tab Tab, expr string) T {
	t.Helper()
	var v T
	if err := tab.Eval(expr, &v); err != nil {
		t.Fatalf("%s: evaluating %s: %v", tab.Engine(), expr, err)
	}
	return v
}

// driver is a running Firefox or WebKit, started once per test binary under
// [Main].
type driver interface {
	newTab(t testing.TB) (Tab, error)
	stop()
}

type sharedEngine struct {
	once sync.Once
	d    driver
	err  error
}

var drivers = struct {
	sync.Mutex
	m map[string]*sharedEngine
}{m: map[string]*sharedEngine{}}

func sharedDriver(engine string) *sharedEngine {
	drivers.Lock()
	defer drivers.Unlock()
	s := drivers.m[engine]
	if s == nil {
		s = &sharedEngine{}
		drivers.m[engine] = s
	}
	return s
}

// stopDrivers stops the shared Firefox and WebKit, for [Main].
func stopDrivers() {
	drivers.Lock()
	defer drivers.Unlock()
	for _, s := range drivers.m {
		if s.d != nil {
			s.d.stop()
		}
	}
}

// findPrograms returns the paths of what engine needs, in the order of
// [programs], skipping or failing the test when one is missing.
func findPrograms(t testing.TB, engine string) []string {
	t.Helper()
	progs := make([]string, len(programs[engine]))
	for i, p := range programs[engine] {
		if p.optional != nil && p.optional() {
			continue
		}
		path, err := p.find()
		if err != nil {
			t.Fatal(err)
		}
		if path == "" {
			unavailable(t, p.missing)
		}
		progs[i] = path
	}
	return progs
}

// startDriver starts engine's browser with the programs of findPrograms.
func startDriver(engine string, progs []string) (driver, error) {
	if engine == Firefox {
		return startFirefox(progs[0])
	}
	return startWebKit(progs[0], progs[1], progs[2])
}

// program is one file an engine needs, found like the browser of [Chrome]:
// the file an environment variable names, or else the first candidate found
// (on PATH, or a glob of absolute paths).
type program struct {
	env        string
	candidates []string
	missing    string      // why, in a skip message
	optional   func() bool // reports that the program is not needed
}

// programs are what each engine needs, in the order startDriver takes them.
// ./test.sh installs the Debian packages that hold them.
var programs = map[string][]program{
	Firefox: {{env: "IPTSITE_FIREFOX", candidates: []string{"/usr/bin/firefox-esr", "firefox-esr", "firefox"},
		missing: "firefox not found; run " + TestCommand + ", which installs Debian's firefox-esr, or set IPTSITE_FIREFOX to a Firefox binary"}},
	WebKit: {
		{env: "IPTSITE_WEBKIT_DRIVER", candidates: []string{"/usr/bin/WebKitWebDriver", "WebKitWebDriver"},
			missing: "WebKitWebDriver not found; run " + TestCommand + ", which installs Debian's webkit2gtk-driver, or set IPTSITE_WEBKIT_DRIVER"},
		{env: "IPTSITE_MINIBROWSER", candidates: []string{"/usr/lib/*/webkit2gtk-4.1/MiniBrowser", "/usr/lib/*/webkit2gtk-4.0/MiniBrowser", "/usr/libexec/webkit2gtk-4.*/MiniBrowser"},
			missing: "WebKit's MiniBrowser not found; run " + TestCommand + ", which installs Debian's webkit2gtk-driver, or set IPTSITE_MINIBROWSER"},
		// MiniBrowser needs an X display; without one the tests start Xvfb.
		{env: "IPTSITE_XVFB", candidates: []string{"/usr/bin/Xvfb", "Xvfb"},
			missing:  "Xvfb not found (WebKit's MiniBrowser needs a display); run " + TestCommand + ", which installs Debian's xvfb, or set DISPLAY",
			optional: func() bool { return os.Getenv("DISPLAY") != "" }},
	},
}

// find returns the program's path, "" when it is not installed. An environment variable that names no runnable
// file is an error: the person asked for that file.
func (p program) find() (string, error) {
	if v := os.Getenv(p.env); v != "" {
		found, err := exec.LookPath(v)
		if err != nil {
			return "", fmt.Errorf("%s=%s: %w", p.env, v, err)
		}
		return found, nil
	}
	for _, c := range p.candidates {
		if filepath.IsAbs(c) {
			if m, _ := filepath.Glob(c); len(m) > 0 {
				return m[0], nil
			}
			continue
		}
		if found, err := exec.LookPath(c); err == nil {
			return found, nil
		}
	}
	return "", nil
}

// commandTimeout bounds one command to a browser, or its start, so that a
// hung browser fails a test instead of stalling the run. It is as long as
// [TabTimeout]: on a loaded machine Firefox has taken over a minute to start.
const commandTimeout = TabTimeout

// wrapJS makes expr a statement list for a driver: the JSON text of its
// awaited value, or "undefined" text for undefined. The JSON is built by the
// page, so every engine returns a plain string the same way, and the result
// is decoded in Go. No eval: the site's policy forbids it, but not the
// driver's own scripts.
func wrapJS(expr string) string {
	return `return (async () => (` + expr + `))().then(v => v === undefined ? "null" : JSON.stringify(v));`
}

// jsQuote returns s as a JavaScript string literal.
func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// decode stores the JSON text js of an evaluated expression in out.
func decode(js string, out any) error {
	if out == nil {
		return nil
	}
	if err := json.Unmarshal([]byte(js), out); err != nil {
		return fmt.Errorf("value %.200s: %w", js, err)
	}
	return nil
}
