package sitetest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/output"
)

// TestVerify runs the driver on small cases and a made-up run: a case passes only when
// every section it has is compared with something and agrees with it.
func TestVerify(t *testing.T) {
	out := output.NewMemory()
	out.WriteFile("index.html", []byte("<h1>Home</h1>\n<p>Hello.</p>\n"))
	built := &Result{Output: out, Summary: "built 1 pages (0 worksheets), 1 files"}
	html := &Result{Exact: map[string]string{"out.html": "<p>Hi</p>\n"}}
	for _, c := range []struct {
		name, archive string
		readInput     bool    // the run reads in.md
		r             *Result // built runs read the site
		want          string  // a problem reported, "" for none
	}{
		{"site and want", "-- content/_index.md --\nx\n-- want/index.html --\n<h1>Home</h1>\n-- notwant/index.html --\nGoodbye\n-- missing --\nsw.js\n-- summary --\nbuilt 1 pages\n", false, built, ""},
		{"want missing a line", "-- content/_index.md --\nx\n-- want/index.html --\nGoodbye\n", false, built, `index.html: missing "Goodbye"`},
		{"notwant has a line", "-- content/_index.md --\nx\n-- notwant/index.html --\nHello.\n", false, built, `index.html: has "Hello."`},
		{"missing written", "-- content/_index.md --\nx\n-- missing --\nindex.html\n", false, built, "output has index.html, want none"},
		{"no such output", "-- content/_index.md --\nx\n-- want/a/index.html --\nA\n", false, built, "no output file a/index.html"},
		{"summary", "-- content/_index.md --\nx\n-- summary --\nsearch index\n", false, built, `missing "search index"`},
		{"want without output", "-- in.md --\nHi\n-- out.html --\n<p>Hi</p>\n-- want/index.html --\nHi\n", true, html, "writes no files"},
		{"exact", "-- in.md --\nHi\n-- out.html --\n<p>Hi</p>\n", true, html, ""},
		{"exact differs", "-- in.md --\nHi\n-- out.html --\n<p>Ho</p>\n", true, html, "out.html differs"},
		{"exact without a section", "-- in.md --\nHi\n", true, html, "no section out.html"},
		{"misnamed exact section", "-- in.md --\nHi\n-- findings --\n", true, html, "the case has findings, but the run gave none"},
		{"input not read", "-- in.md --\nHi\n-- out.html --\n<p>Hi</p>\n", false, html, "does not read it"},
		{"site not built", "-- site.yaml --\ntitle: T\n-- in.md --\nHi\n-- out.html --\n<p>Hi</p>\n", true, html, "builds no site"},
		{"errors", "-- in.md --\nHi\n-- errors --\na.md:1: one\na.md:2: two\n", true, &Result{Err: errors.Join(errors.New("a.md:1: one"), errors.New("a.md:2: two"))}, ""},
		{"errors differ", "-- in.md --\nHi\n-- errors --\na.md:1: one\n", true, &Result{Err: errors.New("a.md:1: two")}, "errors:"},
		{"errors wanted", "-- in.md --\nHi\n-- errors --\na.md:1: one\n-- out.html --\n<p>Hi</p>\n", true, html, "succeeded, want errors"},
		{"errors unwanted", "-- in.md --\nHi\n-- out.html --\n<p>Hi</p>\n", true, &Result{Err: errors.New("a.md:1: one")}, "failed, want no errors"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "case.txtar")
			if err := os.WriteFile(file, []byte(c.archive), 0o644); err != nil {
				t.Fatal(err)
			}
			k, err := parse(file)
			if err != nil {
				t.Fatal(err)
			}
			if c.r == built {
				k.Site()
			}
			if c.readInput {
				k.Input("in.md")
			}
			got, changed := k.verify(c.r)
			if changed {
				t.Error("changed the case without -update")
			}
			all := strings.Join(got, "\n")
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("problems:\n%s\nwant none", all)
			case c.want != "" && !strings.Contains(all, c.want):
				t.Errorf("problems:\n%s\nwant one with %q", all, c.want)
			}
		})
	}
}

// TestUnknownSection: a section the driver does not know fails the case, so a misspelt
// name cannot pass by comparing nothing.
func TestUnknownSection(t *testing.T) {
	for _, name := range []string{"out.htm", "output.html", "finding", "want", "wants/index.html", "content", "site.yml", "index.json", "expected"} {
		file := filepath.Join(t.TempDir(), "case.txtar")
		if err := os.WriteFile(file, []byte("-- in.md --\nHi\n-- "+name+" --\n<p>Hi</p>\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := parse(file); err == nil || !strings.Contains(err.Error(), `unknown section "`+name+`"`) {
			t.Errorf("a section %q: got %v, want an unknown section error", name, err)
		}
	}
}

// TestOptions reads the build options of a case's comment.
func TestOptions(t *testing.T) {
	file := filepath.Join(t.TempDir(), "case.txtar")
	comment := "A sentence about the case.\nbaseURL https://clinic.example/ipt/\nportable\ndrafts\n"
	if err := os.WriteFile(file, []byte(comment+"-- site.yaml --\ntitle: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := parse(file)
	if err != nil {
		t.Fatal(err)
	}
	o := c.Options()
	if o.BaseURL != "https://clinic.example/ipt/" || !o.Portable || !o.Drafts || !o.NoMinify {
		t.Errorf("options %+v", o)
	}
	if data, err := o.Source.(interface{ ReadFile(string) ([]byte, error) }).ReadFile("site.yaml"); err != nil || string(data) != "title: T\n" {
		t.Errorf("site.yaml is %q, %v; want the case's", data, err)
	}
	if c.Comment != comment {
		t.Errorf("comment %q", c.Comment)
	}
}
