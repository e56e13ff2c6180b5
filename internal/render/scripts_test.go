package render

import (
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/iptsite/iptsite/internal/worksheet"
)

// joinedScript returns the default site's script js/<name>.js as the build joins it
// from static/js/<name>/, not minified.
func joinedScript(t *testing.T, name string) []byte {
	t.Helper()
	parts, err := fs.Glob(iptsite.Defaults(), "static/js/"+name+"/*.js")
	if err != nil || len(parts) == 0 {
		t.Fatalf("no parts of static/js/%s/: %v", name, err)
	}
	r := &run{src: iptsite.Defaults()}
	data := r.joinScript(parts)
	if err := r.errs.Err(); err != nil {
		t.Fatal(err)
	}
	return data
}

// worksheetScripts returns the worksheet scripts a build wrote, by name.
func worksheetScripts(t *testing.T, mem *output.Memory) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range mem.Names() {
		if !strings.HasPrefix(name, "js/worksheet") {
			continue
		}
		if !regexp.MustCompile(`^js/worksheet\.[0-9a-f]{10}\.js$`).MatchString(name) {
			t.Errorf("the worksheet script is written as %q, want js/worksheet.<hash>.js", name)
		}
		data, _ := mem.File(name)
		out[name] = string(data)
	}
	if len(out) == 0 {
		t.Fatal("no worksheet script was written")
	}
	return out
}

// TestScriptParts builds the default site with a site folder that adds a part to the
// worksheet script and replaces one: each js/worksheet.<hash>.js is the parts in name
// order, the site's among them, inside one function, and no part is written on its own.
func TestScriptParts(t *testing.T) {
	site := fstest.MapFS{
		"static/js/worksheet/field-toy.js": {Data: []byte("fieldTypes.toy = { get: (f) => f.dataset.toy, set: () => true };\n")},
		"static/js/worksheet/dialog.js":    {Data: []byte("function dialog() { return Promise.resolve(null); } // the site's own")},
	}
	mem := output.NewMemory()
	_, err := Build(Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, NoMinify: true}, mem)
	if err != nil {
		t.Fatal(err)
	}
	for name, js := range worksheetScripts(t, mem) {
		if !strings.HasPrefix(js, "(() => {\n'use strict';\n") || !strings.HasSuffix(js, "})();\n") {
			t.Errorf("%s is not wrapped in one function:\n%.80s\n…\n%s", name, js, js[max(0, len(js)-80):])
		}
		order := []string{"static/js/worksheet/base.js", "the site's own", "static/js/worksheet/field-text.js",
			"fieldTypes.toy = ", "static/js/worksheet/fields.js", "static/js/worksheet/start.js"}
		at := 0
		for _, s := range order {
			i := strings.Index(js[at:], s)
			if i < 0 {
				t.Fatalf("%s: %q missing, or not after %q", name, s, order[:len(order)-1])
			}
			at += i
		}
		if strings.Contains(js, "function dialog(title, content, buttons)") {
			t.Errorf("%s has the default dialog.js, which the site replaced", name)
		}
	}
	for _, name := range mem.Names() {
		if data, _ := mem.File(name); strings.HasPrefix(name, "sw-files.") && strings.Contains(string(data), "js/worksheet/") {
			t.Errorf("%s lists a part of the worksheet script", name)
		}
	}
}

var (
	registers = regexp.MustCompile(`fieldTypes\.(\w+) =`)
	dataType  = regexp.MustCompile(`data-type="(\w+)"`)
	scriptSrc = regexp.MustCompile(`<script src="([^"]*js/worksheet\.[0-9a-f]+\.js)"`)
)

// TestScriptOnlyFor checks the parts of the default worksheet script against the field
// types of package worksheet: every type has a part that registers its code (a type
// without one would be shown and never saved), and a part "only for" some types
// registers no other (the build itself refuses an "only for" type that is unknown or can
// be a table column: script-only-for-errors.txtar). Then, in the default site, every worksheet page's script
// registers every type of field on the page, and no more of the charts and questionnaire
// than the page has; and a page that is not a worksheet but loads the script (a site's
// own template) gets every part.
func TestScriptOnlyFor(t *testing.T) {
	parts, err := fs.Glob(iptsite.Defaults(), "static/js/worksheet/*.js")
	if err != nil || len(parts) == 0 {
		t.Fatalf("no parts: %v", err)
	}
	registered := map[string]string{} // type -> the part that registers it
	only := map[string][]string{}     // part -> the types it is only for
	for _, p := range parts {
		data, _ := fs.ReadFile(iptsite.Defaults(), p)
		ts, _ := partTypes(data)
		if len(ts) > 0 {
			only[p] = ts
		}
		for _, m := range registers.FindAllStringSubmatch(string(data), -1) {
			registered[m[1]] = p
			if len(ts) > 0 && !slices.Contains(ts, m[1]) {
				t.Errorf("%s registers %s but is only for %v: a page with a %s field would not get it", p, m[1], ts, m[1])
			}
		}
	}
	for _, typ := range worksheet.Types {
		if registered[typ] == "" {
			t.Errorf("no part of static/js/worksheet/ registers fieldTypes.%s: its fields would never be saved", typ)
		}
	}
	if len(only) < 2 {
		t.Fatalf("only %d parts are only for some types (%v): every page gets the charts' code", len(only), only)
	}

	// A site's own page that loads the worksheet script without being a worksheet, and a
	// worksheet of its own that loads it from a shared partial (rendered once for every
	// page with the same key, so it cannot be one page's).
	site := fstest.MapFS{
		"content/tool.md":     {Data: []byte("---\ntitle: A tool\nlayout: tool\n---\nA page of the clinic's own.\n")},
		"templates/tool.html": {Data: []byte("{{define \"head\"}}<script src=\"{{.Asset \"js/worksheet.js\"}}\" defer></script>{{end}}\n{{define \"main\"}}<article>{{.Content}}</article>{{end}}\n")},
		"content/own-sheet.md": {Data: []byte("---\ntitle: A sheet of our own\nworksheet: true\nlayout: own-sheet\n---\n\n" +
			"```field\nid: mood\ntype: text\nlabel: My mood\n```\n")},
		"templates/own-sheet.html":           {Data: []byte("{{define \"head\"}}{{shared \"own-script\" .}}{{end}}\n{{define \"main\"}}<article>{{.Content}}</article>{{end}}\n")},
		"templates/partials/own-script.html": {Data: []byte("{{define \"own-script\"}}<script src=\"{{.Asset \"js/worksheet.js\"}}\" defer></script>{{end}}\n")},
	}
	// (a site's content/ replaces the default one: copy it)
	err = fs.WalkDir(iptsite.Defaults(), "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(iptsite.Defaults(), p)
		site[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	mem := output.NewMemory()
	if _, err := Build(Options{Source: source.Layered{Site: site, Defaults: iptsite.Defaults()}, NoMinify: true}, mem); err != nil {
		t.Fatal(err)
	}
	scripts := worksheetScripts(t, mem)
	sheets := 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.File(name)
		m := scriptSrc.FindStringSubmatch(string(data))
		if m == nil {
			continue
		}
		js := scripts[path.Join(path.Dir(name), m[1])]
		has := map[string]bool{}
		for _, d := range dataType.FindAllStringSubmatch(string(data), -1) {
			has[d[1]] = true
		}
		if name == "tool/index.html" || name == "own-sheet/index.html" {
			has = map[string]bool{}
			for _, typ := range worksheet.Types {
				has[typ] = true
			}
		} else {
			sheets++
		}
		for typ := range has {
			if !registers.MatchString(js) || !strings.Contains(js, "fieldTypes."+typ+" =") {
				t.Errorf("%s has a %s field, but its script %s does not register its code", name, typ, m[1])
			}
		}
		for p, ts := range only {
			need := slices.ContainsFunc(ts, func(typ string) bool { return has[typ] })
			if got := strings.Contains(js, "// "+p+"\n"); got != need {
				t.Errorf("%s (fields %v): its script has %s: %v, want %v", name, slices.Sorted(maps.Keys(has)), p, got, need)
			}
		}
	}
	if sheets < 20 {
		t.Errorf("%d worksheet pages load the worksheet script: the default site has more", sheets)
	}
	if len(scripts) < 3 {
		t.Errorf("%d worksheet scripts were written: every page gets the same", len(scripts))
	}
}
