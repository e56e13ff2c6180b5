//go:build !linux

package diskfile

// ReadPlain reads nothing where the system has no openat2: the caller checks each part
// of the path, then reads.
func ReadPlain(path string) (data []byte, ok bool, err error) { return nil, false, nil }
