package heap

import (
	"runtime"
	"syscall"
)

// huge allocates n bytes, marks them with madvise(MADV_HUGEPAGE) and frees them with a
// collection that returns when done. Go's page allocator hands out the lowest free
// addresses first, so what is allocated next fills those pages. Where the system
// refuses the hint (a kernel without huge pages), or the runtime places memory
// elsewhere, the pages are 4 KB ones, as without it; the n bytes are freed either way.
func huge(n int) {
	b := make([]byte, n) // fresh from the system: not written, so not yet in memory
	syscall.Madvise(b, syscall.MADV_HUGEPAGE)
	b = nil
	runtime.GC()
}
