package output

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDirWrite writes 4000 pages of 3.5 KB, each in its own folder as pretty URLs
// need, and commits them: the write stage of a build of the 4000-page benchmark corpus.
// It writes to /dev/shm when there is one, as the benchmark does, so that it measures
// the program and not the disk.
func BenchmarkDirWrite(b *testing.B) {
	base := b.TempDir()
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		d, err := os.MkdirTemp("/dev/shm", "output-bench-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(d) })
		base = d
	}
	page := bytes.Repeat([]byte("<p>Lorem ipsum dolor sit amet.</p>\n"), 100)[:3500]
	names := make([]string, 4000)
	for i := range names {
		names[i] = fmt.Sprintf("posts/page-%d/index.html", i)
	}
	dst := filepath.Join(base, "public")
	b.SetBytes(int64(len(page) * len(names)))
	for b.Loop() {
		d, err := NewDir(dst)
		if err != nil {
			b.Fatal(err)
		}
		for _, n := range names {
			if err := d.WriteFile(n, page); err != nil {
				b.Fatal(err)
			}
		}
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(names)), "µs/page")
}
