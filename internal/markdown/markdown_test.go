package markdown

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/yuin/goldmark/parser"
)

// TestCases renders testdata/*.txtar: each holds -- in.md -- and the exact -- out.html --.
// Links are resolved by a resolver that prefixes "resolved:" and the line number.
func TestCases(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no cases")
	}
	md := New(Options{T: func(k string) string { return "[" + k + "]" }})
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var in, want []byte
			for _, f := range a.Files {
				switch f.Name {
				case "in.md":
					in = f.Data
				case "out.html":
					want = f.Data
				}
			}
			pc := parser.NewContext(parser.WithIDs(NewIDs()))
			WithResolver(pc, func(dest string, line int, image bool) string {
				return "resolved:" + dest + ":" + string(rune('0'+line))
			})
			doc := Parse(md, in, pc)
			var got bytes.Buffer
			if err := md.Renderer().Render(&got, in, doc); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("got:\n%s\nwant:\n%s", got.String(), want)
			}
		})
	}
}
