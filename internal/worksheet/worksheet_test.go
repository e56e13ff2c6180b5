package worksheet

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/js"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite the out.html and errors sections of testdata/*.txtar")

// frontMatter matches a leading front matter block, which the build blanks to newlines.
var frontMatter = regexp.MustCompile(`(?s)\A---\n.*?\n---\n`)

// convert renders src the way the build does. The worksheet id is "test" unless
// the archive's comment says "not a worksheet".
func convert(t *testing.T, src []byte, worksheetID string) (string, []*Field, []*Error) {
	t.Helper()
	return translate(t, src, worksheetID, nil)
}

// translate is convert for a translation of the worksheet whose fields are original
// (nil: not a translation), read from original.md.
func translate(t *testing.T, src []byte, worksheetID string, original []*Field) (string, []*Field, []*Error) {
	t.Helper()
	src = frontMatter.ReplaceAllFunc(src, func(fm []byte) []byte {
		return bytes.Repeat([]byte("\n"), bytes.Count(fm, []byte("\n")))
	})
	md := goldmark.New(
		goldmark.WithExtensions(New(Options{})),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	pc := parser.NewContext()
	Begin(pc, worksheetID)
	if original != nil {
		Translation(pc, original, "original.md")
	}
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		t.Fatal(err)
	}
	fields, errs := Result(pc)
	return out.String(), fields, errs
}

var banned = regexp.MustCompile(`style=|<script|<form|\son[a-z]+=`)

func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no test cases in testdata")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]*txtar.File{}
			for i := range a.Files {
				sections[a.Files[i].Name] = &a.Files[i]
			}
			in := sections["in.md"]
			if in == nil {
				t.Fatal("no in.md section")
			}
			id := "test"
			if strings.Contains(string(a.Comment), "not a worksheet") {
				id = ""
			}
			// a case with an original.md section is a translation of it
			var original []*Field
			if o := sections["original.md"]; o != nil {
				var oerrs []*Error
				if _, original, oerrs = convert(t, o.Data, id); len(oerrs) > 0 {
					t.Fatalf("original.md: %v", oerrs)
				}
			}
			got, _, errs := translate(t, in.Data, id, original)
			var gotErrs strings.Builder
			for _, e := range errs {
				gotErrs.WriteString(e.Error() + "\n")
			}
			want := sections["out.html"]
			if want == nil {
				want = sections["errors"]
				got = gotErrs.String()
			} else if len(errs) > 0 {
				t.Errorf("unexpected errors:\n%s", gotErrs.String())
			}
			if want == nil {
				t.Fatal("no out.html or errors section")
			}
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(a), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			// a strict Content-Security-Policy allows no inline style or script, and a
			// form would send the answers in a URL when submitted without script
			if want.Name == "out.html" {
				if m := banned.FindString(got); m != "" {
					t.Errorf("the HTML contains %q", m)
				}
			}
			if got != string(want.Data) {
				t.Errorf("%s: %s differs\ngot:\n%s\nwant:\n%s", file, want.Name, got, want.Data)
			}
		})
	}
}

// TestEnglishStrings keeps Defaults and i18n/en.yaml in step, once the site has that file.
func TestEnglishStrings(t *testing.T) {
	data, err := os.ReadFile("../../i18n/en.yaml")
	if os.IsNotExist(err) {
		t.Skip("no i18n/en.yaml yet")
	}
	if err != nil {
		t.Fatal(err)
	}
	var en map[string]string
	if err := yaml.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	for k, want := range Defaults {
		if got, ok := en[k]; !ok {
			t.Errorf("i18n/en.yaml lacks %s", k)
		} else if got != want {
			t.Errorf("i18n/en.yaml %s = %q, Defaults has %q", k, got, want)
		}
	}
}

// TestGuide keeps the authoring guide true: its field blocks build without error
// and show every type.
func TestGuide(t *testing.T) {
	src, err := os.ReadFile("../../docs/worksheets.md")
	if err != nil {
		t.Fatal(err)
	}
	_, fields, errs := convert(t, src, "guide")
	for _, e := range errs {
		t.Errorf("docs/worksheets.md:%v", e)
	}
	seen := map[string]bool{}
	for _, f := range fields {
		seen[f.Type] = true
	}
	for _, typ := range Types {
		if !seen[typ] {
			t.Errorf("docs/worksheets.md has no example of type %s", typ)
		}
	}
}

// TestScriptBudget measures the worksheet script as the build serves it, minified
// and gzipped: issue 3 allows 12 KB. It also keeps network APIs out of it.
func TestScriptBudget(t *testing.T) {
	// its parts, joined as the build joins static/js/worksheet/ (internal/render)
	parts, _ := filepath.Glob("../../static/js/worksheet/*.js")
	if len(parts) == 0 {
		t.Fatal("no static/js/worksheet/*.js")
	}
	src := []byte("(() => {\n'use strict';\n")
	for _, p := range parts {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src = append(append(src, data...), '\n')
	}
	src = append(src, "})();\n"...)
	var min bytes.Buffer
	if err := js.Minify(minify.New(), &min, bytes.NewReader(src), nil); err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(min.Bytes())
	w.Close()
	const budget = 12 * 1024
	t.Logf("worksheet.js: %d bytes, %d minified, %d gzipped (budget %d)", len(src), min.Len(), gz.Len(), budget)
	if gz.Len() > budget {
		t.Errorf("worksheet.js is %d bytes minified and gzipped, over the budget of %d", gz.Len(), budget)
	}
	for _, api := range []string{"fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "import(", "new Image", "navigator.serviceWorker", "eval(", "innerHTML"} {
		if bytes.Contains(src, []byte(api)) {
			t.Errorf("worksheet.js uses %s: it must make no network request and build no HTML from strings", api)
		}
	}
}
