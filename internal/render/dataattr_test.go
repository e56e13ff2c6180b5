package render_test

import (
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// A dataPattern finds a data- attribute's name in a line of script: its first group is
// the name, as an attribute's (lock-idle) or, with camel, as dataset's (lockIdle).
type dataPattern struct {
	re    *regexp.Regexp
	camel bool
}

var (
	jsReads = []dataPattern{
		{regexp.MustCompile(`\.dataset\.([a-zA-Z]\w*)\b(?:\s*[^=\s]|\s*==|$)`), true}, // el.dataset.name, not set
		{regexp.MustCompile(`\bT\('([a-zA-Z]\w*)'`), true},                            // T('name'): the page's words
		{regexp.MustCompile(`\b(?:get|has)Attribute\(['"]data-([a-z0-9-]+)['"]`), false},
		{regexp.MustCompile(`\[data-([a-z0-9-]+)`), false}, // a selector: '[data-name]', '[data-k=name]'
	}
	jsWrites = []dataPattern{
		{regexp.MustCompile(`\.dataset\.([a-zA-Z]\w*)\s*=[^=]`), true},
		{regexp.MustCompile(`\bsetAttribute\(['"]data-([a-z0-9-]+)['"]`), false},
		{regexp.MustCompile(`['"]data-([a-z0-9-]+)['"]\s*:`), false}, // el('div', {'data-name': …})
	}
	// a name this test cannot see: only the definitions of T may read dataset[k]
	dynamicRead = regexp.MustCompile(`\bdataset\[|\bT\([^')]`)
	cssRead     = regexp.MustCompile(`\[data-([a-z0-9-]+)`)
	htmlTag     = regexp.MustCompile(`<[a-zA-Z][^>]*>`)
	htmlData    = regexp.MustCompile(`\sdata-([a-z0-9-]+)`)
	camelHump   = regexp.MustCompile(`[A-Z]`)
)

// names returns the attribute names that p finds in line.
func (p dataPattern) names(line string) []string {
	var out []string
	for _, m := range p.re.FindAllStringSubmatch(line, -1) {
		if p.camel {
			m[1] = camelHump.ReplaceAllStringFunc(m[1], func(s string) string { return "-" + strings.ToLower(s) })
		}
		out = append(out, m[1])
	}
	return out
}

// notRead lists the data- attributes that pages have for someone other than the
// scripts and styles of the site, with why.
var notRead = map[string]string{}

// TestDataAttributes ties the data- attributes the scripts read to the pages that have
// them, and back. It builds the default site, and a worksheet with every example of
// docs/worksheets.md, and fails when a script reads an attribute that no page has and no
// script writes (a renamed attribute, a missing string), or when a page has one that no
// script or style reads (a leftover), unless notRead says who reads it.
func TestDataAttributes(t *testing.T) {
	written := map[string]string{} // attribute -> a page that has it
	addPages := func(mem *output.Memory) {
		for _, name := range mem.Names() {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			data, _ := mem.File(name)
			for _, tag := range htmlTag.FindAllString(string(data), -1) {
				for _, m := range htmlData.FindAllStringSubmatch(tag, -1) {
					if _, ok := written[m[1]]; !ok {
						written[m[1]] = name
					}
				}
			}
		}
	}
	addPages(buildDefault(t, render.Options{NoMinify: true}))
	addPages(buildEveryField(t))
	if len(written) < 20 || written["type"] == "" {
		t.Fatalf("found only these data- attributes on the pages: %v", written)
	}
	// html/template takes an attribute whose name after data- starts with "on" for an
	// event handler, and writes a value into it as a JavaScript string, quotes and all:
	// the search page once said "1 page matches." with the quotes.
	for _, name := range sortedKeys(written) {
		if strings.HasPrefix(name, "on") {
			t.Errorf("%s: data-%s: a template would write its value as a script string; choose a name that does not start with on", written[name], name)
		}
	}

	defaults := iptsite.Defaults()
	scripts, err := fs.Glob(defaults, "static/js/*.js")
	parts, err2 := fs.Glob(defaults, "static/js/*/*.js")
	scripts = append(scripts, parts...)
	if err != nil || err2 != nil || len(scripts) < 10 {
		t.Fatalf("found scripts %v: %v %v", scripts, err, err2)
	}
	read := map[string]string{}    // attribute -> a script that reads it
	jsWritten := map[string]bool{} // attributes the scripts write
	scriptText := map[string]string{}
	for _, p := range scripts {
		data, err := fs.ReadFile(defaults, p)
		if err != nil {
			t.Fatal(err)
		}
		scriptText[p] = string(data)
	}
	reload, err := os.ReadFile("../server/reload.js")
	if err != nil {
		t.Fatal(err)
	}
	scriptText["internal/server/reload.js"] = string(reload)
	for _, p := range sortedKeys(scriptText) {
		js := scriptText[p]
		for i, line := range strings.Split(js, "\n") {
			code, _, _ := strings.Cut(line, "// ")
			if dynamicRead.MatchString(code) && !strings.HasPrefix(strings.TrimSpace(code), "const T = ") {
				t.Errorf("%s:%d: reads a data- attribute whose name is not written out, which this test cannot follow: %s", p, i+1, strings.TrimSpace(code))
			}
			for _, pat := range jsReads {
				for _, name := range pat.names(code) {
					if _, ok := read[name]; !ok {
						read[name] = fmt.Sprintf("%s:%d", p, i+1)
					}
				}
			}
			for _, pat := range jsWrites {
				for _, name := range pat.names(code) {
					jsWritten[name] = true
				}
			}
		}
	}
	styled := map[string]bool{}
	css, _ := fs.Glob(defaults, "static/css/*.css")
	for _, p := range css {
		data, _ := fs.ReadFile(defaults, p)
		for _, m := range cssRead.FindAllStringSubmatch(string(data), -1) {
			styled[m[1]] = true
		}
	}

	for _, a := range sortedKeys(read) {
		if written[a] == "" && !jsWritten[a] {
			t.Errorf("%s reads data-%s, which no page has and no script writes", read[a], a)
		}
	}
	for _, a := range sortedKeys(written) {
		if read[a] == "" && !styled[a] && notRead[a] == "" {
			t.Errorf("%s has data-%s, which no script or style reads", written[a], a)
		}
	}
	t.Logf("%d data- attributes on the pages, %d read by the scripts", len(written), len(read))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// buildEveryField builds a site whose one page is a worksheet of every example in
// docs/worksheets.md, so that every field type is on it.
func buildEveryField(t *testing.T) *output.Memory {
	t.Helper()
	site := fstest.MapFS{"content/worksheets/every-field.md": {Data: sitetest.EveryField(t)}}
	mem, _ := sitetest.Build(t, render.Options{Source: sitetest.Source(site), NoMinify: true})
	return mem
}
