package treecodec

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"text/template/parse"

	iptsite "github.com/iptsite/iptsite"
)

// sources use every kind of node a template has.
var sources = []string{
	``,
	`plain text`,
	`{{/* a comment */}}a{{- /* trimmed */ -}} b`,
	`{{.}} {{.Title}} {{.A.B.C}} {{$}} {{$x := .Y}}{{$x.Z}} {{$x = 2}}`,
	`{{nil | print}} {{true}} {{false}} {{1}} {{-2}} {{0x1F}} {{1.5e3}} {{'a'}} {{1i}} {{18446744073709551615}}`,
	"{{\"q\\\"uoted\"}} {{`raw`}} {{printf \"%d\" 3 | html}} {{(.F).G}} {{(index .M \"k\").N}}",
	`{{if .A}}a{{else if .B}}b{{else}}c{{end}}{{with $v := .W}}{{$v}}{{else with .X}}x{{end}}`,
	`{{range $i, $e := .L}}{{if $i}}{{break}}{{end}}{{continue}}{{else}}none{{end}}{{range 3}}{{.}}{{end}}`,
	`{{define "t"}}<b>{{.}}</b>{{end}}{{template "t" .Name}}{{template "t"}}{{block "b" .}}x{{end}}`,
	`<a href="{{.URL | urlquery}}" title='{{.T}}'>{{.X | and .Y | or .Z}}</a>`,
}

// parseAll parses src into its trees, as text/template does, without knowing its functions.
func parseAll(t testing.TB, name, src string) map[string]*parse.Tree {
	trees := map[string]*parse.Tree{}
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck | parse.ParseComments
	if _, err := tr.Parse(src, "", "", trees); err != nil {
		t.Skip(err)
	}
	return trees
}

func roundTrip(t testing.TB, name string, tree *parse.Tree) {
	enc, err := Append(nil, tree.Root)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	dec, err := Decode(enc)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got, want := dec.String(), tree.Root.String(); got != want {
		t.Errorf("%s: decoded\n%s\nwant\n%s", name, got, want)
	}
	again, err := Append(nil, dec)
	if err != nil || !bytes.Equal(again, enc) {
		t.Errorf("%s: the decoded tree encodes differently (positions, lines, numbers): %v", name, err)
	}
	if _, err := Decode(enc[:len(enc)-1]); err == nil && len(enc) > 1 {
		t.Errorf("%s: a cut encoding was decoded", name)
	}
}

// A tree comes back as it was: the same text, and the same encoding again (so the same
// positions, lines and numbers, which the text does not show).
func TestRoundTrip(t *testing.T) {
	for i, src := range sources {
		for name, tree := range parseAll(t, "src", src) {
			roundTrip(t, name+" of source "+string(rune('0'+i)), tree)
		}
	}
}

// Every template of the default site.
func TestDefaultTemplates(t *testing.T) {
	n := 0
	fs.WalkDir(iptsite.Defaults(), "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := fs.ReadFile(iptsite.Defaults(), p)
		if err != nil {
			t.Fatal(err)
		}
		for name, tree := range parseAll(t, p, string(src)) {
			roundTrip(t, p+": "+name, tree)
			n++
		}
		return nil
	})
	if n < 20 {
		t.Errorf("only %d templates in the default site", n)
	}
}

func FuzzRoundTrip(f *testing.F) {
	for _, s := range sources {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		trees := map[string]*parse.Tree{}
		tr := parse.New("fuzz")
		tr.Mode = parse.SkipFuncCheck | parse.ParseComments
		if _, err := tr.Parse(src, "", "", trees); err != nil {
			return
		}
		for name, tree := range trees {
			roundTrip(t, name, tree)
		}
	})
}

// Whatever the bytes, Decode returns a tree or an error; a tree it returns prints.
func FuzzDecode(f *testing.F) {
	for _, s := range sources {
		tr := parse.New("seed")
		tr.Mode = parse.SkipFuncCheck | parse.ParseComments
		trees := map[string]*parse.Tree{}
		if _, err := tr.Parse(s, "", "", trees); err == nil {
			for _, tree := range trees {
				enc, _ := Append(nil, tree.Root)
				f.Add(enc)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if l, err := Decode(data); err == nil {
			_ = l.String()
		}
	})
}

// A node Append does not know is an error, not a tree that decodes to something else.
func TestUnknownNode(t *testing.T) {
	l := &parse.ListNode{NodeType: parse.NodeList, Nodes: []parse.Node{&other{}}}
	if _, err := Append(nil, l); err == nil {
		t.Error("a node of an unknown type was encoded")
	}
}

type other struct{ parse.TextNode }

func (*other) Type() parse.NodeType { return 99 }

// BenchmarkDecode reads back the trees of the default site's page template; compare with
// BenchmarkParse, which parses their text, as the cache did before.
func BenchmarkDecode(b *testing.B) {
	var encs [][]byte
	for _, tree := range pageTrees(b) {
		enc, err := Append(nil, tree.Root)
		if err != nil {
			b.Fatal(err)
		}
		encs = append(encs, enc)
	}
	for b.Loop() {
		for _, enc := range encs {
			if _, err := Decode(enc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParse(b *testing.B) {
	var texts []string
	for _, tree := range pageTrees(b) {
		texts = append(texts, tree.Root.String())
	}
	for b.Loop() {
		for _, text := range texts {
			tr := parse.New("t")
			tr.Mode = parse.SkipFuncCheck
			if _, err := tr.Parse(text, "", "", map[string]*parse.Tree{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func pageTrees(b *testing.B) map[string]*parse.Tree {
	trees := map[string]*parse.Tree{}
	for _, p := range []string{"templates/base.html", "templates/page.html", "templates/section.html"} {
		src, err := fs.ReadFile(iptsite.Defaults(), p)
		if err != nil {
			continue
		}
		for n, t := range parseAll(b, p, string(src)) {
			trees[p+n] = t
		}
	}
	if len(trees) == 0 {
		b.Fatal("no templates")
	}
	return trees
}
