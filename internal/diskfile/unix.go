//go:build unix

package diskfile

import (
	"io/fs"
	"syscall"
)

// ReadFile returns what the file at path holds, as os.ReadFile does.
func ReadFile(path string) ([]byte, error) {
	fd, err := retry(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return readAll(fd, path)
}

// readAll reads the file open at fd to its end, and closes it.
func readAll(fd int, path string) ([]byte, error) {
	defer syscall.Close(fd)
	size := 512
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Size > 0 && int64(int(st.Size)) == st.Size {
		size = int(st.Size) + 1 // one byte more, for the read that finds the end
	}
	data := make([]byte, 0, size)
	for {
		n, err := retry(func() (int, error) { return syscall.Read(fd, data[len(data):cap(data)]) })
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
		if len(data) == cap(data) { // the file grew: make room
			data = append(data, 0)[:len(data)]
		}
	}
}

// WriteFile writes data to the file at path, made with perm (before the umask) if it
// does not exist, emptied first if it does, as os.WriteFile does.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	fd, err := retry(func() (int, error) {
		return syscall.Open(path, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, uint32(perm.Perm()))
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 && err == nil {
		var n int
		n, err = retry(func() (int, error) { return syscall.Write(fd, data) })
		data = data[n:]
	}
	if cerr := syscall.Close(fd); err == nil && cerr != nil {
		return &fs.PathError{Op: "close", Path: path, Err: cerr}
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: path, Err: err}
	}
	return nil
}

// retry calls f again while a signal interrupts it.
func retry(f func() (int, error)) (int, error) {
	for {
		n, err := f()
		if err != syscall.EINTR {
			return max(n, 0), err
		}
	}
}
