package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/source"
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

// TestScriptParts builds the default site with a site folder that adds a part to the
// worksheet script and replaces one: js/worksheet.js is the parts in name order, the
// site's among them, inside one function, and no part is written on its own.
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
	var scripts []string
	for _, name := range mem.Names() {
		if strings.HasPrefix(name, "js/worksheet") {
			scripts = append(scripts, name)
		}
	}
	if len(scripts) != 1 || !regexp.MustCompile(`^js/worksheet\.[0-9a-f]{10}\.js$`).MatchString(scripts[0]) {
		t.Fatalf("the worksheet script is written as %q, want one file js/worksheet.<hash>.js", scripts)
	}
	data, _ := mem.File(scripts[0])
	js := string(data)
	if !strings.HasPrefix(js, "(() => {\n'use strict';\n") || !strings.HasSuffix(js, "})();\n") {
		t.Errorf("js/worksheet.js is not wrapped in one function:\n%.80s\n…\n%s", js, js[max(0, len(js)-80):])
	}
	order := []string{"static/js/worksheet/base.js", "the site's own", "static/js/worksheet/field-text.js",
		"fieldTypes.toy = ", "static/js/worksheet/fields.js", "static/js/worksheet/start.js"}
	at := 0
	for _, s := range order {
		i := strings.Index(js[at:], s)
		if i < 0 {
			t.Fatalf("js/worksheet.js: %q missing, or not after %q", s, order[:len(order)-1])
		}
		at += i
	}
	if strings.Contains(js, "function dialog(title, content, buttons)") {
		t.Error("js/worksheet.js has the default dialog.js, which the site replaced")
	}
	for _, name := range mem.Names() {
		if data, _ := mem.File(name); strings.HasPrefix(name, "sw-files.") && strings.Contains(string(data), "js/worksheet/") {
			t.Errorf("%s lists a part of the worksheet script", name)
		}
	}
}
