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
