//go:build !linux

package heap

// huge does nothing where the system has no transparent huge pages to ask for.
func huge(n int) {}
