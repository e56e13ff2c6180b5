package heap

import "syscall"

// huge allocates n bytes, marks them with madvise(MADV_HUGEPAGE) and frees them with
// collect, which must be a full collection that returns when done. Go's page allocator
// hands out the lowest free addresses first, so what is allocated next fills those
// pages. Where the system refuses the hint (its setting "never"), or the runtime
// places memory elsewhere, the pages are 4 KB ones, as without it.
func huge(n int, collect func()) {
	b := make([]byte, n) // fresh from the system: not written, so not yet in memory
	if err := syscall.Madvise(b, syscall.MADV_HUGEPAGE); err != nil {
		return
	}
	b = nil
	collect()
}
