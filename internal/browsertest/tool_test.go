package browsertest

import (
	"path/filepath"
	"strings"
	"testing"
)

// A program the browser tests need that is missing is a loud skip, or a failure under
// CI=true, like a missing browser; one that is there is found at its path.
func TestToolMissing(t *testing.T) {
	quietSkips(t)
	t.Setenv("PATH", t.TempDir())
	t.Setenv("CI", "")
	f := newFakeTB(t)
	f.run(func(tb testing.TB) { Tool(tb, "no-such-server", "no-such-package", filepath.Join(t.TempDir(), "nope")) })
	if !strings.HasPrefix(f.skipped, "BROWSER TESTS SKIPPED: no-such-server not found; run ./test.sh, which installs Debian's no-such-package package") || f.fatal != "" {
		t.Errorf("without CI, Tool reported\n%s\nwant a loud skip", f.report())
	}
	t.Setenv("CI", "true")
	f = newFakeTB(t)
	f.run(func(tb testing.TB) { Tool(tb, "no-such-server", "no-such-package") })
	if !strings.Contains(f.fatal, "cannot run under CI=true: no-such-server not found") || f.skipped != "" {
		t.Errorf("with CI=true, Tool reported\n%s\nwant a failure", f.report())
	}
	f = newFakeTB(t)
	var got string
	f.run(func(tb testing.TB) { got = Tool(tb, "no-such-server", "no-such-package", "/bin/sh") })
	if got != "/bin/sh" || f.fatal != "" || f.skipped != "" {
		t.Errorf("Tool with a path that runs: %q\n%s", got, f.report())
	}
}
