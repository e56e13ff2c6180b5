package heap

import (
	"bytes"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"testing"
)

// What the program allocates after this package's init lands in 2 MB pages, where the
// system leaves them to each program, and the collector is as it was. In a process of
// its own: this test binary ran the init when it started, as the command does.
func TestHuge(t *testing.T) {
	if os.Getenv("IPTSITE_TEST_HUGE") == "1" {
		if gc := debug.SetGCPercent(100); gc != 100 {
			t.Errorf("GOGC=%d after the init, want 100 as it was", gc)
		}
		before := anonHuge(t)
		var keep [][]byte
		for range 8 << 10 { // 8 MiB in 1 KiB objects, as a build allocates
			b := make([]byte, 1<<10)
			b[0] = 1
			keep = append(keep, b)
		}
		if after := anonHuge(t); after < before+4<<20 {
			t.Errorf("huge pages: %d KiB before, %d KiB after 8 MiB of small objects, want 4 MiB more at least", before>>10, after>>10)
		}
		_ = keep
		return
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || bytes.Contains(mode, []byte("[never]")) {
		t.Skipf("this system has no transparent huge pages to ask for (%q, %v)", mode, err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHuge$", "-test.count=1")
	cmd.Env = append(os.Environ(), "IPTSITE_TEST_HUGE=1", "GOGC=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("%v\n%s", err, out)
	}
}

// anonHuge returns the bytes of the process's memory in transparent huge pages.
func anonHuge(t *testing.T) int {
	data, err := os.ReadFile("/proc/self/smaps_rollup")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range bytes.Split(data, []byte("\n")) {
		if f := bytes.Fields(l); len(f) == 3 && string(f[0]) == "AnonHugePages:" {
			kb, _ := strconv.Atoi(string(f[1]))
			return kb << 10
		}
	}
	t.Fatal("no AnonHugePages in /proc/self/smaps_rollup")
	return 0
}
