package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"iptsite": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar. Besides testscript's own commands:
//
//	status N prog args...   runs prog and fails unless it exits with status N
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		// Each script gets a cold build cache of its own, inside its work folder: no
		// test depends on what another left, and none writes outside.
		Setup: func(env *testscript.Env) error {
			env.Setenv("IPTSITE_CACHE", filepath.Join(env.WorkDir, ".iptsite-cache"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: status N prog args...")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("status: %v", err)
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("status: %v", err)
				}
				if got != want {
					ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
				}
			},
		},
	})
}

// The memory limit grows with a large site, so that the collector does not run more
// often the more pages there are, and stays at 50 MiB for a clinic's site.
func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		pages int
		want  int64
	}{{0, 50 << 20}, {72, 50 << 20}, {4000, 50 << 20}, {10000, 10000 * 12 << 10}} {
		if got := memoryLimit(c.pages); got != c.want {
			t.Errorf("memoryLimit(%d) = %d MiB, want %d MiB", c.pages, got>>20, c.want>>20)
		}
	}
}
