package diskfile

import (
	"golang.org/x/sys/unix"
)

// ReadPlain reads the file at path when no part of path is a link, in one openat2 that
// refuses a link anywhere on the way (Linux 5.6 and later), where checking each part
// first would take a Lstat each. ok is false when it read nothing: a link on the way, no
// such file, a system without openat2; then the caller looks the slow way, which knows
// what to say. Once ok, err is what reading the file gave.
func ReadPlain(path string) (data []byte, ok bool, err error) {
	fd, err := retry(func() (int, error) {
		return unix.Openat2(unix.AT_FDCWD, path, &unix.OpenHow{
			Flags:   unix.O_RDONLY | unix.O_CLOEXEC,
			Resolve: unix.RESOLVE_NO_SYMLINKS,
		})
	})
	if err != nil {
		return nil, false, nil
	}
	data, err = readAll(fd, path)
	return data, true, err
}
