package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
	outdir "github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/source"
)

func TestFloor(t *testing.T) {
	site, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	files := corpus.Generate(20, 1)
	if err := corpus.Write(site, files); err != nil {
		t.Fatal(err)
	}
	if err := floor(site, out); err != nil {
		t.Fatal(err)
	}
	tr, err := walkTree(out)
	if err != nil || tr.files != 20 || tr.medianPage < 300 || !strings.HasSuffix(tr.largest, "index.html") {
		t.Fatalf("the floor wrote %+v (%v), want 20 pages", tr, err)
	}
	f := files[3]
	got, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(strings.TrimPrefix(f.Name, "content/"), ".md"), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(got)
	if !strings.HasPrefix(html, "<p>") || strings.Count(html, "<p>") != 3 || strings.Contains(html, "title:") {
		t.Errorf("%s: want three paragraphs and no front matter, got\n%s", f.Name, html)
	}
	if err := floor(t.TempDir(), out); err == nil || !strings.Contains(err.Error(), "content") {
		t.Errorf("a folder without content/: got %v, want an error naming it", err)
	}
}

// TestFloorFolders: the floor walks every folder, as a real site has them (the default
// site's content/es/phases/…), and puts a section's _index.md at its folder's index.html.
func TestFloorFolders(t *testing.T) {
	site, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	for name, text := range map[string]string{
		"_index.md":           "---\ntitle: Home\n---\nHome page.\n",
		"es/a.md":             "---\ntitle: A\n---\nUna página.\n",
		"es/phases/_index.md": "Fases.\n",
		"es/phases/notes.txt": "not Markdown",
	} {
		p := filepath.Join(site, "content", filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	if err := floor(site, out); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"index.html":           "<p>Home page.</p>\n",
		"es/a/index.html":      "<p>Una página.</p>\n",
		"es/phases/index.html": "<p>Fases.</p>\n",
	} {
		if got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name))); string(got) != want {
			t.Errorf("%s = %q (%v), want %q", name, got, err, want)
		}
	}
	if tr, _ := walkTree(out); tr.files != 3 {
		t.Errorf("the floor wrote %d files, want 3", tr.files)
	}
	// The default site, the repository's own content/.
	if err := floor("../..", filepath.Join(t.TempDir(), "default")); err != nil {
		t.Errorf("the default site: %v", err)
	}
}

func TestBody(t *testing.T) {
	for in, want := range map[string]string{
		"---\ntitle: a\n---\n\nText.\n": "\nText.\n",
		"No front matter.\n":            "No front matter.\n",
		"---\ntitle: unclosed\n":        "---\ntitle: unclosed\n",
	} {
		if got := string(body([]byte(in))); got != want {
			t.Errorf("body(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMedian(t *testing.T) {
	got := median([]sample{
		{wall: 5 * time.Millisecond, cpu: 1, rss: 30},
		{wall: 1 * time.Millisecond, cpu: 9, rss: 10},
		{wall: 3 * time.Millisecond, cpu: 4, rss: 20},
	})
	if want := (sample{wall: 3 * time.Millisecond, cpu: 4, rss: 20}); got != want {
		t.Errorf("median = %+v, want %+v", got, want)
	}
	if got := median([]sample{{rss: 10}, {rss: 20}}); got.rss != 15 {
		t.Errorf("median of two = %d, want 15", got.rss)
	}
}

func TestWriteDoc(t *testing.T) {
	file := filepath.Join(t.TempDir(), "performance.md")
	r := &report{command: "make bench", rows: []row{{pages: 4000,
		iptsite: result{sample: sample{wall: 300 * time.Millisecond, cpu: 500 * time.Millisecond, rss: 40 << 20},
			tree: tree{files: 4004, bytes: 14e6, medianPage: 3500, largest: "posts/index.html", largestBytes: 400e3}},
		floor: result{sample: sample{wall: 150 * time.Millisecond, cpu: 140 * time.Millisecond, rss: 9 << 20},
			tree: tree{files: 4000, bytes: 2e6}}}}}
	before := "# Title\n\nWords before.\n\n" + beginMark + "\nold table\n" + endMark + "\n\nWords after.\n"
	os.WriteFile(file, []byte(before), 0o644)
	if err := writeDoc(file, r); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	doc := string(data)
	for _, want := range []string{
		"# Title\n\nWords before.\n\n" + beginMark + "\n",
		endMark + "\n\nWords after.\n",
		"| 4000 | 300 (2.0×) | 0.075 (2.0×) | 500 (3.6×) | 40.0 (4.4×) | 4004 | 14.0 (7.0×) |",
		"4000 pages, wall time ≤ 2.5× the floor: 2.0× (300 ms against 150 ms): met",
		"4000 pages, peak RSS ≤ 60 MiB: 40.0 MiB: met",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %q:\n%s", want, doc)
		}
	}
	if strings.Contains(doc, "old table") {
		t.Errorf("the old results are still there:\n%s", doc)
	}
	os.WriteFile(file, []byte("# No marks\n"), 0o644)
	if err := writeDoc(file, r); err == nil {
		t.Error("a file without the marks was overwritten")
	}
}

// TestHugoColumn: with Hugo in the run, the table puts iptsite/Hugo beside iptsite/floor
// and the target against Hugo is judged; without, it says how to run it.
func TestHugoColumn(t *testing.T) {
	r := &report{command: "make bench PEERS=hugo", hugoVersion: "hugo v0.160.0", rows: []row{{pages: 4000,
		iptsite: result{sample: sample{wall: 300 * time.Millisecond, cpu: 500 * time.Millisecond}},
		floor:   result{sample: sample{wall: 150 * time.Millisecond, cpu: 250 * time.Millisecond}},
		hugo:    &result{sample: sample{wall: 1000 * time.Millisecond, cpu: 1500 * time.Millisecond, rss: 100 << 20}}}},
		Tests: []testFigures{{command: "go test x", lines: []string{"serve, 4000 pages, one page edited: write to reload event 29ms median of 5 (…)"}}}}
	doc := r.Markdown()
	for _, want := range []string{
		"| 4000 | 300 | 1000 | 150 | 0.30 | 2.0× | 2.0× |",
		"4000 pages, wall time ≤ 0.4× Hugo's: 0.30× (300 ms against 1000 ms): met",
		"4000 pages, CPU time ≤ 4× the floor's: 2.0× (500 ms against 250 ms): met",
		"| 4000 | 1000 | 0.250 | 1500 | 100.0 |",
		"serve, 4000 pages, one page edited: reload ≤ 50ms: 29ms (`go test x`): met",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the report lacks %q:\n%s", want, doc)
		}
	}
	r.hugoVersion, r.rows[0].hugo = "", nil
	if doc := r.Markdown(); !strings.Contains(doc, "| 4000 | 300 | – | 150 | – |") || !strings.Contains(doc, "make bench PEERS=hugo") {
		t.Errorf("without Hugo, the report should say so:\n%s", doc)
	}
	if h, err := parsePeers("hugo"); !h || err != nil {
		t.Errorf("parsePeers(hugo) = %v, %v", h, err)
	}
	if _, err := parsePeers("jekyll"); err == nil {
		t.Error("parsePeers(jekyll): want an error")
	}
}

// TestHugoSite: the folder Hugo builds from has its config and the one template.
func TestHugoSite(t *testing.T) {
	dir := t.TempDir()
	if err := hugoSite(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"hugo.toml", "layouts/single.html", "layouts/list.html"} {
		if data, err := os.ReadFile(filepath.Join(dir, name)); err != nil || len(data) == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
	b := &bench{hugo: "/x/hugo", tmp: dir}
	argv := strings.Join(b.hugoArgv("/s", "/o"), " ")
	if !strings.Contains(argv, "--minify") || !strings.Contains(argv, "--contentDir /s/content") || !strings.Contains(argv, "--destination /o") {
		t.Errorf("hugo's command line %q", argv)
	}
}

func TestLogLines(t *testing.T) {
	out := "=== RUN   TestX\n    x_test.go:12: first figure\n    other.go:3: not a test log\n--- PASS: TestX\n    y_test.go:140: second\n" +
		"BenchmarkServeEdit/site.yaml-2    	       5	1234567890 ns/op\n"
	got := strings.Join(logLines([]byte(out)), "|")
	if want := "first figure|second|site.yaml: 1.2346s an edit (mean of 5)"; got != want {
		t.Errorf("logLines = %q, want %q", got, want)
	}
}

// The -bare site builds with iptsite, and its pages are the corpus's Markdown in one line
// of HTML, as Hugo's are: nothing of the default templates' chrome.
func TestBareSite(t *testing.T) {
	dir := t.TempDir()
	files := corpus.Generate(30, 1)
	if err := bareSite(dir, files); err != nil {
		t.Fatal(err)
	}
	site, err := source.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	mem := outdir.NewMemory()
	if _, err := render.Build(render.Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}}, mem); err != nil {
		t.Fatal(err)
	}
	name := strings.TrimSuffix(strings.TrimPrefix(files[0].Name, "content/"), ".md") + "/index.html"
	page, ok := mem.File(name)
	if !ok {
		t.Fatalf("no %s among %v", name, mem.Names()[:5])
	}
	html := string(page)
	if !strings.Contains(html, "<main><p>") || strings.Contains(html, "site-header") || strings.Contains(html, "crisis") {
		t.Errorf("the bare page %s is not the Markdown in one line:\n%s", name, html)
	}
}

func TestBareColumn(t *testing.T) {
	r := &report{command: "go run ./cmd/benchsite -bare", rows: []row{{pages: 4000,
		iptsite: result{sample: sample{wall: 400 * time.Millisecond, cpu: 700 * time.Millisecond}},
		floor:   result{sample: sample{wall: 100 * time.Millisecond, cpu: 200 * time.Millisecond}},
		bare:    &result{sample: sample{wall: 320 * time.Millisecond, cpu: 500 * time.Millisecond}}}}}
	doc := r.Markdown()
	if want := "| 4000 | 400 | 320 | 3.2× | 2.5× | 1.25 | 1.40 |"; !strings.Contains(doc, want) {
		t.Errorf("no line %q in:\n%s", want, doc)
	}
}

// TestMain runs the command itself when a test starts this binary as benchsite.
func TestMain(m *testing.M) {
	if os.Getenv("BENCHSITE_TEST_AS_COMMAND") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestMeasureOwnMemory: the peak memory measured of a small program is its own, not that
// of benchsite, however much benchsite holds (on Linux a new process's peak starts at
// its parent's memory).
func TestMeasureOwnMemory(t *testing.T) {
	held := make([]byte, 256<<20)
	for i := range held {
		held[i] = 1
	}
	site, out := t.TempDir(), t.TempDir()
	if err := corpus.Write(site, corpus.Generate(5, 1)); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BENCHSITE_TEST_AS_COMMAND", "1")
	b := &bench{self: os.Args[0]}
	s, err := b.measure([]string{os.Args[0], "floor", site, out})
	if err != nil {
		t.Fatal(err)
	}
	if s.wall <= 0 || s.cpu <= 0 || s.rss <= 0 {
		t.Errorf("measured %+v, want a wall time, a CPU time and a peak", s)
	}
	if s.rss >= 128<<20 {
		t.Errorf("the floor of 5 pages peaked at %d MiB: benchsite's 256 MiB counted in", s.rss>>20)
	}
	if entries, err := os.ReadDir(out); len(entries) == 0 {
		t.Errorf("the floor wrote nothing (%v)", err)
	}
	runtime.KeepAlive(held)
}
