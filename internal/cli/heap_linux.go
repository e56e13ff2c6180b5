package cli

import (
	"runtime"
	"syscall"
)

// hugeHeap asks Linux to back the first n bytes of heap that the program fills with 2 MB
// pages (transparent huge pages) where the system leaves that to each program: its
// "madvise" setting, the default of many distributions. Go asks for 4 KB pages, and the
// first write to each is a page fault: a build of the default site made some 5800, which
// took a third of its CPU time on a virtual machine of the kind the benchmarks run on
// (docs/performance.md).
//
// It allocates n bytes, marks them with madvise, and has the collector free them, on a
// goroutine of its own (a collection can take milliseconds to start): the returned
// channel is closed once it has. Go's page allocator hands out the lowest free addresses
// first, so what the build allocates next fills those pages. Where the system refuses
// the hint, or the runtime places memory elsewhere, the pages are 4 KB ones, as without
// it.
func hugeHeap(n int) <-chan struct{} {
	done := make(chan struct{})
	b := make([]byte, n)
	if err := syscall.Madvise(b, syscall.MADV_HUGEPAGE); err != nil {
		close(done)
		return done
	}
	b = nil
	go func() {
		runtime.GC()
		close(done)
	}()
	return done
}
