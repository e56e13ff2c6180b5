package cli

import (
	"runtime/debug"
	"testing"
)

// A clinic's site builds without collecting below the memory limit; a large site
// collects at GOGC=400; the settings come back after the build.
func TestCollect(t *testing.T) {
	gcPercent := func() int {
		p := debug.SetGCPercent(0)
		debug.SetGCPercent(p)
		return p
	}
	limit := func() int64 { return debug.SetMemoryLimit(-1) } // -1 reads it
	wasGC, wasLimit := gcPercent(), limit()
	loaded, restore := collect()
	for _, c := range []struct {
		pages int
		gc    int
		limit int64
	}{{72, -1, 50 << 20}, {smallSite, -1, 50 << 20}, {4000, 400, 50 << 20}, {10000, 400, 10000 * 12 << 10}, {250, -1, 50 << 20}} {
		loaded(c.pages)
		if got := gcPercent(); got != c.gc {
			t.Errorf("%d pages: GOGC=%d, want %d", c.pages, got, c.gc)
		}
		if got := limit(); got != c.limit {
			t.Errorf("%d pages: memory limit %d MiB, want %d MiB", c.pages, got>>20, c.limit>>20)
		}
	}
	restore()
	if gcPercent() != wasGC || limit() != wasLimit {
		t.Errorf("after the build: GOGC=%d, limit %d; want them as they were, %d and %d", gcPercent(), limit(), wasGC, wasLimit)
	}
}
