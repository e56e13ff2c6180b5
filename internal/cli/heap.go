package cli

import "runtime/debug"

// The collector under build and serve. A build is one short burst of allocation: most of
// what it allocates is garbage once the page that made it is written, and a build of a
// clinic's site allocates less than the memory limit in all (the default site about 25
// MB). So a site of up to smallSite pages builds without collecting until the heap nears
// the limit, which it does not reach; a collection would cost more than the memory it
// gives back. A larger site collects at GOGC=400: seldom while the heap is small, and as
// usual once it nears the limit (memoryLimit).
//
// The memory the build fills is in 2 MB pages where the system allows it: the command
// asks for them when it starts (package heap).

const (
	smallSite      = 1000
	largeGCPercent = 400
)

// collect sets the collector for builds, and returns the function to call with the
// number of pages once they are read (render.Options.Loaded), and one that puts the
// settings back.
func collect() (loaded func(pages int), restore func()) {
	gc := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(memoryLimit(0))
	loaded = func(pages int) {
		if pages > smallSite {
			debug.SetGCPercent(largeGCPercent)
		} else {
			debug.SetGCPercent(-1)
		}
		debug.SetMemoryLimit(memoryLimit(pages))
	}
	restore = func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
	return loaded, restore
}

// memoryLimit is the soft memory limit of a build of so many pages: 50 MiB, or 12 KiB a
// page when that is more. A build holds each page's text and front matter until the end
// (about 2.3 KB a page) and makes garbage at a steady rate while it renders; under a
// fixed limit the collector would run more often the more pages there are (31 times for
// 10000 pages, 8 for 4000), and the build time would grow faster than the site.
func memoryLimit(pages int) int64 {
	return max(50<<20, int64(pages)*12<<10)
}
