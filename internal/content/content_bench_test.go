package content

import (
	"fmt"
	"os"
	"testing"

	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
)

// BenchmarkLoad reads the corpus of the public static-site-generator benchmark (see
// package corpus) from a folder: walking it, reading every file, its front matter, and
// the tree of sections.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.Write(dir, corpus.Generate(n, 1)); err != nil {
				b.Fatal(err)
			}
			fsys := os.DirFS(dir)
			b.ReportAllocs()
			for b.Loop() {
				site, err := Load(fsys, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(site.Pages) != n+2 { // the pages, the posts section and the home page
					b.Fatalf("loaded %d pages, want %d", len(site.Pages), n+2)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/page")
		})
	}
}
