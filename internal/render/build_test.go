package render

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/rogpeppe/go-internal/txtar"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite the errors sections of testdata/*.txtar")

// TestSites builds each site in testdata/*.txtar and checks its output.
//
// A case is a txtar archive. Its comment holds options, one per line: "baseURL URL",
// "portable", "drafts", "minify". Files under site/ (or at the top, when they are
// site.yaml, content/, templates/, static/, i18n/) are the site, laid over the defaults.
// Then:
//
//	-- want/NAME --      every non-blank line must appear in output file NAME
//	-- notwant/NAME --   no non-blank line may appear in output file NAME
//	-- missing --        output files that must not exist, one per line
//	-- errors --         the build must fail with exactly these lines
func TestSites(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			runCase(t, file, a)
		})
	}
}

func runCase(t *testing.T, file string, a *txtar.Archive) {
	t.Helper()
	site := fstest.MapFS{}
	var checks []txtar.File
	var wantErrs *txtar.File
	for i, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, "want/"), strings.HasPrefix(f.Name, "notwant/"), f.Name == "missing":
			checks = append(checks, f)
		case f.Name == "errors":
			wantErrs = &a.Files[i]
		default:
			site[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	opts := Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, NoMinify: true}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		k, v, _ := strings.Cut(strings.TrimSpace(line), " ")
		switch k {
		case "baseURL":
			opts.BaseURL = v
		case "portable":
			opts.Portable = true
		case "drafts":
			opts.Drafts = true
		case "minify":
			opts.NoMinify = false
		}
	}
	mem := output.NewMemory()
	_, err := Build(opts, mem)
	if wantErrs != nil {
		if err == nil {
			t.Fatalf("build succeeded, want errors:\n%s", wantErrs.Data)
		}
		got := err.Error() + "\n"
		if *update {
			wantErrs.Data = []byte(got)
			if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		if got != string(wantErrs.Data) {
			t.Errorf("errors:\ngot:\n%s\nwant:\n%s", got, wantErrs.Data)
		}
		return
	}
	if err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	for _, c := range checks {
		if c.Name == "missing" {
			for _, name := range lines(c.Data) {
				if _, ok := mem.File(name); ok {
					t.Errorf("output has %s, want none", name)
				}
			}
			continue
		}
		want := strings.HasPrefix(c.Name, "want/")
		name := c.Name[strings.IndexByte(c.Name, '/')+1:]
		data, ok := mem.File(name)
		if !ok {
			t.Errorf("no output file %s; have %v", name, mem.Names())
			continue
		}
		for _, l := range lines(c.Data) {
			if got := strings.Contains(string(data), l); got != want {
				if want {
					t.Errorf("%s: missing %q", name, l)
				} else {
					t.Errorf("%s: has %q", name, l)
				}
			}
		}
		if t.Failed() && testing.Verbose() {
			t.Logf("%s:\n%s", name, data)
		}
	}
}

func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
