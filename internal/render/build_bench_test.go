package render

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/markdown"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// The benchmarks build the corpus of the public static-site-generator benchmark (see
// package corpus) laid over the default site, the way "iptsite build" does, without the
// file system: run them with
//
//	go test -run '^$' -bench . -benchmem ./internal/render/
//
// and profile one stage with -cpuprofile or -memprofile. cmd/benchsite measures the
// whole command against the floor.

// discard is an output.Writer that keeps nothing, so a benchmark times the build alone.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// benchSource writes the corpus to a folder and lays it over the defaults, as the command
// does. (An fstest.MapFS would not do: it lists every file to open a folder, and the
// layers stat content/ on every read.)
func benchSource(b testing.TB, pages int) source.Layered {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Generate(pages, 1)); err != nil {
		b.Fatal(err)
	}
	return source.Layered{Site: os.DirFS(dir), Defaults: iptsite.Defaults()}
}

// BenchmarkBuild is the whole build, minified, without writing.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := benchSource(b, n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(Options{Source: src}, discard{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/page")
		})
	}
}

// BenchmarkRender is the build without minifying: load, Markdown, templates.
func BenchmarkRender(b *testing.B) {
	src := benchSource(b, 4000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(Options{Source: src, NoMinify: true}, discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/4000, "µs/page")
}

// BenchmarkMinify minifies HTML of the 4000-page corpus: "content" is each page's own
// Markdown HTML, which is what a build minifies per page (its templates are minified once,
// when they are loaded); "page" is each whole page, which a build minifies only when its
// templates cannot be minified.
func BenchmarkMinify(b *testing.B) {
	mem := output.NewMemory()
	if _, err := Build(Options{Source: benchSource(b, 4000), NoMinify: true}, mem); err != nil {
		b.Fatal(err)
	}
	var pages, contents [][]byte
	md := markdown.New(markdown.Options{})
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.File(name)
		pages = append(pages, data)
	}
	for _, f := range corpus.Generate(4000, 1) {
		var buf bytes.Buffer
		if err := md.Convert(f.Data[bytes.Index(f.Data[3:], []byte("\n---\n"))+8:], &buf); err != nil {
			b.Fatal(err)
		}
		contents = append(contents, buf.Bytes())
	}
	for _, c := range []struct {
		name string
		html [][]byte
	}{{"content", contents}, {"page", pages}} {
		b.Run(c.name, func(b *testing.B) {
			m := newMinifier(true)
			size := 0
			for _, h := range c.html {
				size += len(h)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, h := range c.html {
					// The minifier may write into its input: give it a copy, as the build does.
					m.bytes("text/html", "", bytes.Clone(h))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(len(c.html)), "µs/page")
		})
	}
}

// BenchmarkDefaultSite is the build of the clinic-sized default site (its pages in two
// languages), minified, without writing: mostly what every build costs whatever its size
// (templates, assets, icons, QR codes, the search index). "nocache" makes all of it;
// "warm" reads what it can from a cache an earlier build filled (see package cache).
// cmd/benchsite measures the command against the floor on the same Markdown.
func BenchmarkDefaultSite(b *testing.B) {
	for _, warm := range []bool{false, true} {
		name, c := "nocache", (*cache.Cache)(nil)
		if warm {
			name, c = "warm", cache.New(b.TempDir())
		}
		b.Run(name, func(b *testing.B) {
			opts := Options{Source: iptsite.Defaults(), BaseURL: "https://example.org/", Cache: c}
			if _, err := Build(opts, discard{}); err != nil { // fills the cache
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Build(opts, discard{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
