// Package diskfile reads and writes whole files on disk in the fewest system calls.
//
// os.ReadFile and os.WriteFile open an os.File, which offers every file it opens to the
// network poller: on Linux, four fcntl and an epoll_ctl that fails, for a file on disk,
// more system calls than reading or writing it. A build reads and writes hundreds of
// small files, so the build's files go through here: open, read or write, close. Where
// the system is not Unix, the functions are os.ReadFile and os.WriteFile.
//
// Errors are *fs.PathError, as the os package's: "open", "read", "write" or "close",
// the path, and the system's error.
package diskfile
