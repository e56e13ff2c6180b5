package browsertest

import (
	"os/exec"
	"testing"
)

// Tool returns the program a browser test needs besides the browser, such as Debian's
// nginx: the first of paths that runs, else name on the PATH. When there is none it
// skips the test with a message that starts "BROWSER TESTS SKIPPED" and names the
// Debian package that [TestCommand] installs; under CI=true it fails the test instead.
func Tool(t testing.TB, name, debianPackage string, paths ...string) string {
	t.Helper()
	for _, p := range append(paths, name) {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
	}
	unavailable(t, name+" not found; run "+TestCommand+", which installs Debian's "+debianPackage+" package, or install it (sudo apt-get install "+debianPackage+")")
	return ""
}
