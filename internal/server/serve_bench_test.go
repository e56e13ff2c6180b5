package server

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// logLines keeps what the server logs, for the test to read while it runs.
type logLines struct {
	mu    sync.Mutex
	lines []string
}

func (l *logLines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, strings.Split(strings.TrimSpace(string(p)), "\n")...)
	return len(p), nil
}

// builtIn matches the line of a whole build ("built 4002 pages … in 1.2s") and of an
// update of some pages ("updated content/posts/a.md in 3.1ms").
var builtIn = regexp.MustCompile(`^(built|updated) .* in (\S+)$`)

// lastBuild is the duration of the last good build the server logged, and whether it
// was a whole build or an update.
func (l *logLines) lastBuild() (time.Duration, string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.lines) - 1; i >= 0; i-- {
		if m := builtIn.FindStringSubmatch(l.lines[i]); m != nil {
			d, _ := time.ParseDuration(m[2])
			return d, m[1]
		}
	}
	return 0, ""
}

// TestServeReloadTime serves the 4000-page corpus of the benchmark (see cmd/benchsite),
// edits one page five times, and logs how long it took from writing the file to the
// reload event, as a browser would see it, with the server's default settings. It checks
// that the page served afterwards is the new one, but does not assert a time: the figure
// depends on the machine, and goes into docs/performance.md.
//
// It takes a few seconds, so it runs only when -run names it or IPTSITE_BENCH_SERVE is set:
//
//	IPTSITE_BENCH_SERVE=1 go test -run TestServeReloadTime -v ./internal/server/
func TestServeReloadTime(t *testing.T) {
	if os.Getenv("IPTSITE_BENCH_SERVE") == "" && !strings.Contains(flag.Lookup("test.run").Value.String(), "TestServeReloadTime") {
		t.Skip("a benchmark: set IPTSITE_BENCH_SERVE=1 or name it with -run")
	}
	const pages = 4000
	dir := t.TempDir()
	files := corpus.Generate(pages, 1)
	if err := corpus.Write(dir, files); err != nil {
		t.Fatal(err)
	}
	log := &logLines{}
	s := New(Options{Dir: dir, Source: sitetest.Source(os.DirFS(dir)), Log: log})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	first, _ := log.lastBuild()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)
	ev := events(t, ctx, ts.URL+"/")
	next(t, ev, "hello")
	time.Sleep(200 * time.Millisecond) // let the watcher start

	edited := files[pages/2]
	url := ts.URL + "/" + strings.TrimSuffix(strings.TrimPrefix(edited.Name, "content/"), ".md") + "/"
	var waits, builds []time.Duration
	kinds := map[string]int{}
	for i := range 5 {
		mark := fmt.Sprintf("Edit number %d.", i+1)
		start := time.Now()
		write(t, filepath.Join(dir, filepath.FromSlash(edited.Name)), string(edited.Data)+"\n"+mark+"\n")
		next(t, ev, "reload")
		waits = append(waits, time.Since(start))
		d, kind := log.lastBuild()
		builds = append(builds, d)
		kinds[kind]++
		if code, body := get(t, url); code != 200 || !strings.Contains(body, mark) {
			t.Fatalf("after edit %d, %s is not the new page: %d\n%s", i+1, url, code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("serve, %d pages: first build %v", pages, first.Round(time.Millisecond))
	t.Logf("serve, %d pages, one page edited: write to reload event %v median of %d (%v)",
		pages, medianDuration(waits).Round(time.Millisecond), len(waits), roundAll(waits))
	t.Logf("of which: waiting for more changes %v (Options.Delay), rebuilding %v median (whole builds: %d, updates of the changed pages: %d)",
		s.opts.Delay, medianDuration(builds).Round(time.Millisecond/10), kinds["built"], kinds["updated"])
}

func medianDuration(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func roundAll(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}

// BenchmarkServeEdit times what iptsite serve does after one edit at 4000 pages, from
// the changed file's name to the new build being served, without the watcher's wait:
// "page" is one page's text (only that page is rendered again), "template" is
// templates/page.html (the templates are executed again around the pages' kept Markdown
// HTML), "site.yaml" is the site's title (which reaches the pages through their
// templates alone: they are executed again, as for a template), "site.yaml-crisis" a
// crisis line (which a worksheet's alert is made with: everything is built again, with
// the cache the command uses, so icons, QR codes and minified files are read, not made).
//
//	go test -run '^$' -bench ServeEdit -benchtime 5x ./internal/server/
func BenchmarkServeEdit(b *testing.B) {
	const pages = 4000
	dir := b.TempDir()
	files := corpus.Generate(pages, 1)
	if err := corpus.Write(dir, files); err != nil {
		b.Fatal(err)
	}
	page, _ := fs.ReadFile(iptsite.Defaults(), "templates/page.html")
	settings, _ := fs.ReadFile(iptsite.Defaults(), "site.yaml")
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	os.WriteFile(filepath.Join(dir, "templates", "page.html"), page, 0o644)
	os.WriteFile(filepath.Join(dir, "site.yaml"), settings, 0o644)
	s := New(Options{Dir: dir, Source: sitetest.Source(os.DirFS(dir)), Cache: cache.New(b.TempDir())})
	if err := s.Rebuild(); err != nil {
		b.Fatal(err)
	}
	edits := []struct {
		name, file string
		text       func(i int) string
	}{
		{"page", files[pages/2].Name, func(i int) string { return string(files[pages/2].Data) + fmt.Sprintf("\nEdit %d.\n", i) }},
		{"template", "templates/page.html", func(i int) string {
			return strings.Replace(string(page), "<h1>", fmt.Sprintf("<p>Edit %d.</p><h1>", i), 1)
		}},
		{"site.yaml", "site.yaml", func(i int) string {
			return strings.Replace(string(settings), "title: Understanding IPT", fmt.Sprintf("title: Understanding IPT %d", i), 1)
		}},
		{"site.yaml-crisis", "site.yaml", func(i int) string {
			return strings.Replace(string(settings), "label: In immediate danger", fmt.Sprintf("label: In immediate danger %d", i), 1)
		}},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++
				b.StopTimer()
				os.WriteFile(filepath.Join(dir, filepath.FromSlash(e.file)), []byte(e.text(i)), 0o644)
				b.StartTimer()
				if err := s.update([]string{e.file}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
