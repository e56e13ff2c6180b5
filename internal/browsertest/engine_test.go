package browsertest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEngines drives the same form in every engine through [Tab]: values
// of each JSON type, real key presses and clicks below the fold, a chosen
// file, a reload and a second tab that shares the page's storage.
func TestEngines(t *testing.T) {
	file := filepath.Join(t.TempDir(), "answers.txt")
	if err := os.WriteFile(file, []byte("from disk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, engine := range Engines {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			base := Serve(t, "testdata/site", "/clinic/sub/")
			tab := NewTab(t, engine)
			if tab.Engine() != engine {
				t.Errorf("Engine() = %q", tab.Engine())
			}
			must(t, tab.Open(base+"form/"))

			if got := EvalIn[[]any](t, tab, `[document.title, 2 + 1, true, null, {a: [1]}]`); !slices.EqualFunc(got, []any{"A form", 3.0, true, nil, map[string]any{"a": []any{1.0}}}, func(a, b any) bool { return jsonText(a) == jsonText(b) }) {
				t.Errorf("values = %#v", got)
			}
			if got := EvalIn[any](t, tab, `new Promise(r => setTimeout(() => r(undefined), 10))`); got != nil {
				t.Errorf("undefined = %#v, want nil", got)
			}
			err := tab.Eval(`(async () => { throw new Error('thrown on purpose'); })()`, nil)
			if err == nil || !strings.Contains(err.Error(), "thrown on purpose") {
				t.Errorf("an exception gave error %v", err)
			}
			if err := tab.Click("#no-such-element"); err == nil {
				t.Error("clicking a missing element gave no error")
			}

			must(t, tab.Type("#name", "Ann B"))
			must(t, tab.Click("#go"))
			must(t, tab.SetFiles("#file", file))
			log := EvalIn[string](t, tab, `new Promise(r => setTimeout(() => r(document.getElementById('log').textContent), 200))`)
			want := "key A true\nkey n true\nkey n true\nkey   true\nkey B true\nclick true\nfile answers.txt from disk true"
			if log != want {
				t.Errorf("the page saw\n%s\nwant\n%s", log, want)
			}

			must(t, tab.Reload())
			if got := EvalIn[string](t, tab, `document.getElementById('name').value + '|' + document.getElementById('log').textContent`); got != "Ann B|" {
				t.Errorf("after reload, name|log = %q, want the stored name and an empty log", got)
			}
			other, err := tab.NewTab()
			must(t, err)
			must(t, other.Open(base+"form/"))
			if got := EvalIn[string](t, other, `localStorage.getItem('name')`); got != "Ann B" {
				t.Errorf("the second tab's storage has %q", got)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestEngineMissing(t *testing.T) {
	quietSkips(t)
	for _, tt := range []struct{ engine, env, skip string }{
		{Firefox, "IPTSITE_FIREFOX", "firefox not found; run ./test.sh"},
		{WebKit, "IPTSITE_WEBKIT_DRIVER", "WebKitWebDriver not found; run ./test.sh"},
	} {
		t.Run(tt.engine, func(t *testing.T) {
			t.Setenv("CI", "")
			t.Setenv(tt.env, filepath.Join(t.TempDir(), "no-such-program"))
			f := newFakeTB(t)
			f.run(func(tb testing.TB) { NewTab(tb, tt.engine) })
			if !strings.Contains(f.fatal, tt.env+"=") {
				t.Errorf("with a bad %s, NewTab reported\n%s\nwant a failure naming it", tt.env, f.report())
			}

			// Nothing installed: an empty PATH and no absolute candidates.
			t.Setenv(tt.env, "")
			t.Setenv("PATH", t.TempDir())
			saved := programs[tt.engine]
			t.Cleanup(func() { programs[tt.engine] = saved })
			programs[tt.engine] = slices.Clone(saved)
			for i := range programs[tt.engine] {
				programs[tt.engine][i].candidates = slices.DeleteFunc(slices.Clone(saved[i].candidates), filepath.IsAbs)
			}
			f = newFakeTB(t)
			f.run(func(tb testing.TB) { NewTab(tb, tt.engine) })
			if !strings.HasPrefix(f.skipped, "BROWSER TESTS SKIPPED: "+tt.skip) || f.fatal != "" {
				t.Errorf("without CI, NewTab reported\n%s\nwant a loud skip", f.report())
			}

			t.Setenv("CI", "true")
			f = newFakeTB(t)
			f.run(func(tb testing.TB) { NewTab(tb, tt.engine) })
			if !strings.Contains(f.fatal, "cannot run under CI=true: "+tt.skip) || f.skipped != "" {
				t.Errorf("with CI=true, NewTab reported\n%s\nwant a failure", f.report())
			}
		})
	}

	// WebKit's display: Xvfb is needed only without DISPLAY.
	t.Run("xvfb", func(t *testing.T) {
		t.Setenv("CI", "")
		t.Setenv("IPTSITE_XVFB", filepath.Join(t.TempDir(), "no-xvfb"))
		t.Setenv("DISPLAY", ":99")
		if progs := findPrograms(t, WebKit); progs[2] != "" {
			t.Errorf("with DISPLAY set, Xvfb was looked for: %q", progs)
		}
		t.Setenv("DISPLAY", "")
		t.Setenv("IPTSITE_XVFB", "")
		t.Setenv("PATH", t.TempDir())
		saved := programs[WebKit]
		t.Cleanup(func() { programs[WebKit] = saved })
		programs[WebKit] = slices.Clone(saved)
		programs[WebKit][2].candidates = nil
		f := newFakeTB(t)
		f.run(func(tb testing.TB) { findPrograms(tb, WebKit) })
		if !strings.HasPrefix(f.skipped, "BROWSER TESTS SKIPPED: Xvfb not found") {
			t.Errorf("without DISPLAY and Xvfb, NewTab reported\n%s\nwant a loud skip", f.report())
		}
	})
}
