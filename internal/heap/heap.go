// Package heap readies the program's heap before the other packages initialize. The
// command imports it for that alone; nothing calls it.
//
// A build is one short burst of allocation (see internal/cli's collect), and the first
// write to each page of memory the heap takes from the system is a page fault: on the
// virtual machines the benchmarks run on, a fault costs some 2.5 µs with its 4 KB of
// zeros, and a build of the default site faulted thousands of times. So the heap's first
// 32 MiB are asked for in 2 MB pages where Linux leaves that to each program (huge), and
// what the program allocates from then on, the build included, fills them.
//
// It is done here, in an init of a package that needs only the runtime: Go initializes
// the packages in the order of their import paths where their own imports allow, so
// this one comes before goldmark, minify, YAML and the rest, whose initialization
// allocates too (goldmark's regular expressions grow the main goroutine's stack to
// hundreds of KB). Done at the start of a build instead, as it was, the build took 1.07
// times as long (docs/performance.md); TestFirst keeps the order.
package heap

import "runtime/debug"

// hugeSize is how much of the heap is asked for in 2 MB pages: more than a clinic's
// site allocates in a build (the default site about 15 MB), and less than the memory
// limit of a build (internal/cli's memoryLimit), which counts what the heap holds free.
const hugeSize = 32 << 20

func init() {
	// With the collector on, allocating hugeSize would start a collection of its own
	// before the one below.
	gc := debug.SetGCPercent(-1)
	defer debug.SetGCPercent(gc)
	huge(hugeSize)
}
