package render

import (
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
)

// TestTemplatesFromCache: a build with a warm cache reads templates/ back escaped, and
// compiles every page of the default site from it, in both languages, without
// html/template and with the bytes of a build without the cache; an edited template
// is parsed again; a template that does not escape fails the same way from a warm cache
// as from a cold one.
func TestTemplatesFromCache(t *testing.T) {
	defer func(was bool) { checkCompiled = was }(checkCompiled)
	checkCompiled = false // which would parse the set for html/template, to compare
	c := cache.New(t.TempDir())
	start := func(src fs.FS) (*Session, *output.Memory, error) {
		t.Helper()
		mem := output.NewMemory()
		s, _, err := Start(Options{Source: src, Cache: c}, mem)
		return s, mem, err
	}
	want := output.NewMemory()
	if _, err := Build(Options{Source: iptsite.Defaults()}, want); err != nil {
		t.Fatal(err)
	}
	if s, _, err := start(iptsite.Defaults()); err != nil || s.r.langs[0].tmpl.root == nil {
		t.Fatalf("cold cache: err %v, or the set did not come from the files", err)
	}
	s, got, err := start(iptsite.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	sameOutput(t, "templates from the cache", want, got)
	for _, b := range s.r.langs {
		if b.tmpl.root != nil {
			t.Errorf("%s: the warm build parsed templates/ again", b.lang)
		}
	}
	allCompiled(t, s)

	page, _ := fs.ReadFile(iptsite.Defaults(), "templates/page.html")
	site := fstest.MapFS{"templates/page.html": {Data: []byte(strings.Replace(string(page), "<h1>", `<p class="edited">Edited.</p><h1>`, 1))}}
	s, got, err = start(source.Layered{Site: site, Defaults: iptsite.Defaults()})
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := got.File("about-ipt/index.html"); s.r.langs[0].tmpl.root == nil || !strings.Contains(string(a), "Edited.") {
		t.Errorf("an edited template was not parsed again: %.300s", a)
	}

	site["templates/page.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<a href="{{.Page.Title}}{{end}}`)}
	var errs []string
	for range 2 {
		if _, _, err := start(source.Layered{Site: site, Defaults: iptsite.Defaults()}); err == nil {
			t.Fatal("a template that does not escape built")
		} else {
			lines := strings.Split(err.Error(), "\n") // in the order the pages failed
			slices.Sort(lines)
			errs = append(errs, strings.Join(lines, "\n"))
		}
	}
	if errs[0] != errs[1] || !strings.Contains(errs[0], "ends in a non-text context") {
		t.Errorf("a template that does not escape, cold cache then warm:\n%.500s\n%.500s", errs[0], errs[1])
	}
}
