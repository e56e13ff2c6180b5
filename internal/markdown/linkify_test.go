package markdown

import (
	"bytes"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iptsite/iptsite"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// both renders src with the converter's parser with Linkify and with the one without,
// as the build does (the facts collected too), and returns the two HTMLs.
func both(t testing.TB, src []byte) (linked, unlinked string) {
	t.Helper()
	c := New(Options{Facts: true}).(*converter)
	html := func(p parser.Parser) string {
		pc := parser.NewContext(parser.WithIDs(NewIDs()))
		WithResolver(pc, func(dest string, line int, image bool) string { return "resolved:" + dest })
		doc := p.Parse(text.NewReader(src), parser.WithContext(pc))
		var out bytes.Buffer
		if err := c.Renderer().Render(&out, src, doc); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	return html(c.Parser()), html(c.unlinked)
}

// TestUnlinkedSameHTML: a page that linkable says has no bare address comes out of the
// parser without Linkify as it does with it, for every page of the default site and
// every test case here; and Parse finds the addresses of a page that has them.
func TestUnlinkedSameHTML(t *testing.T) {
	var sources [][]byte
	err := fs.WalkDir(iptsite.Defaults(), "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			b, err := fs.ReadFile(iptsite.Defaults(), p)
			sources = append(sources, b)
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	cases, _ := filepath.Glob("testdata/*.txtar")
	for _, name := range cases {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name == "in.md" {
				sources = append(sources, f.Data)
			}
		}
	}
	compared := 0
	for _, src := range sources {
		if linkable(src) {
			continue
		}
		compared++
		if linked, unlinked := both(t, src); linked != unlinked {
			t.Errorf("with Linkify:\n%s\nwithout:\n%s\nsource:\n%s", linked, unlinked, src)
		}
	}
	if compared < len(sources)/2 {
		t.Errorf("only %d of %d sources have no address to link: the test compares too few", compared, len(sources))
	}

	md := New(Options{})
	for src, want := range map[string]string{
		"Our page: www.example.org/help.\n":        `href="http://www.example.org/help"`,
		"Our page: https://example.org/a?b=c\n":    `href="https://example.org/a?b=c"`,
		"Files: ftp://example.org/f\n":             `href="ftp://example.org/f"`,
		"Or write to help@example.org, any day.\n": `href="mailto:help@example.org"`,
	} {
		pc := parser.NewContext(parser.WithIDs(NewIDs()))
		var out bytes.Buffer
		if err := md.Renderer().Render(&out, []byte(src), Parse(md, []byte(src), pc)); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("%q: no %s in %s", src, want, out.String())
		}
	}
}

// FuzzUnlinked holds the two parsers to the same HTML on any input linkable says has no
// address.
func FuzzUnlinked(f *testing.F) {
	for _, s := range []string{
		"plain words\n", "*em* _em_ ~~del~~ (paren) [link](x.md)\n", "a: b\n\nhttp: x\n",
		"| a | b |\n|---|---|\n| c | d |\n", "[^1]\n\n[^1]: note\n", "- [ ] task\n- [x] done\n",
		"Term\n: definition\n", "> [!NOTE]\n> words\n", "\"quoted\" -- dash...\n", "<b>raw</b> www x\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if linkable(src) {
			return
		}
		if linked, unlinked := both(t, src); linked != unlinked {
			t.Errorf("with Linkify:\n%s\nwithout:\n%s\nsource: %q", linked, unlinked, src)
		}
	})
}
