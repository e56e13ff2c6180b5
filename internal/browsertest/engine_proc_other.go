//go:build !linux

package browsertest

import "os/exec"

// ownGroup is a no-op where process groups and death signals differ; the
// engines' tests are set up for Debian (see ./test.sh).
func ownGroup(cmd *exec.Cmd) {}

// killGroup ends a command started with ownGroup, and waits.
func killGroup(cmd *exec.Cmd) {
	if cmd == nil || cmd.Process == nil {
		return
	}
	cmd.Process.Kill()
	cmd.Wait()
}
