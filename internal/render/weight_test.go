package render_test

import (
	"bytes"
	"compress/gzip"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
)

// The client-side budgets of issue 6. A page's HTML and the CSS it needs before it can
// show anything should arrive in the first round trips of a new connection (TCP's first
// window is about 14 KB), and the worksheets' JavaScript should stay small enough for an
// old phone on a slow network.
const (
	firstRenderBudget = 14 * 1024 // gzipped HTML + render-blocking CSS, per page
	// scriptBudget is the gzipped JavaScript of a worksheet page, all files (issues 6
	// and 13). A page gets the code of its own field types only (the charts and the
	// questionnaire are parts "only for" them: see internal/render/scripts.go). The trend
	// chart of a repeatable worksheet (issue 16) counts too.
	scriptBudget = 12 * 1024
)

var linkTag = regexp.MustCompile(`<link\b[^>]*>`)

// attrValue returns the value of the attribute name of an HTML start tag, and whether
// the tag has it.
func attrValue(tag, name string) (string, bool) {
	m := regexp.MustCompile(`\s` + name + `(?:="([^"]*)"|\s|>|/)`).FindStringSubmatch(tag)
	if m == nil {
		return "", false
	}
	return m[1], true
}

func gzipSize(t *testing.T, data []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// file returns an output file named by a URL relative to the page, or fails.
func file(t *testing.T, mem *output.Memory, page, url string) (string, []byte) {
	t.Helper()
	name := path.Join(path.Dir(page), url)
	data, ok := mem.File(name)
	if !ok {
		t.Fatalf("%s: links %s, which was not written", page, url)
	}
	return name, data
}

// TestPageWeight measures every page of the default site, as a clinic gets it (minified),
// and gzipped as a web server sends it: the HTML with the stylesheets it needs for its
// first render (those not for print only), and the scripts of each worksheet page. It
// fails over budget, and when a script blocks rendering (no defer, async or type=module).
func TestPageWeight(t *testing.T) {
	mem := buildDefault(t, render.Options{})
	type weight struct {
		page             string
		html, css, total int
	}
	var pages []weight
	heaviestJS, jsPage, worksheets := 0, "", 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.File(name)
		html := string(data)
		w := weight{page: name, html: gzipSize(t, data)}
		for _, tag := range linkTag.FindAllString(html, -1) {
			rel, _ := attrValue(tag, "rel")
			media, hasMedia := attrValue(tag, "media")
			if rel != "stylesheet" || (hasMedia && media == "print") {
				continue
			}
			href, _ := attrValue(tag, "href")
			_, css := file(t, mem, name, href)
			w.css += gzipSize(t, css)
		}
		w.total = w.html + w.css
		pages = append(pages, w)
		if w.total > firstRenderBudget {
			t.Errorf("%s: HTML and CSS for the first render are %d bytes gzipped (HTML %d, CSS %d), over the budget of %d",
				name, w.total, w.html, w.css, firstRenderBudget)
		}

		js, worksheet := 0, false
		for _, tag := range scriptTag.FindAllString(html, -1) {
			_, deferred := attrValue(tag, "defer")
			_, async := attrValue(tag, "async")
			typ, _ := attrValue(tag, "type")
			if !deferred && !async && typ != "module" {
				t.Errorf("%s: %s blocks rendering: give it defer", name, tag)
			}
			src, ok := attrValue(tag, "src")
			if !ok {
				continue // inline scripts are reported by TestDefaultSiteIsSelfContained
			}
			file, data := file(t, mem, name, src)
			js += gzipSize(t, data)
			// My answers' script is the worksheet script's storage, lock and files, and its own
			worksheet = worksheet || strings.Contains(path.Base(file), "worksheet") || strings.Contains(path.Base(file), "my-answers")
		}
		if worksheet {
			worksheets++
			if js > heaviestJS {
				heaviestJS, jsPage = js, name
			}
		}
	}
	if len(pages) < 20 || worksheets < 5 {
		t.Fatalf("measured %d pages and %d worksheet pages: the default site should have more", len(pages), worksheets)
	}
	if heaviestJS > scriptBudget {
		t.Errorf("%s: its scripts are %d bytes gzipped, over the budget of %d", jsPage, heaviestJS, scriptBudget)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].total > pages[j].total })
	t.Logf("first render (HTML + CSS, gzipped), heaviest of %d pages, budget %d bytes:", len(pages), firstRenderBudget)
	for _, w := range pages[:5] {
		t.Logf("%s: %d bytes (HTML %d, CSS %d)", w.page, w.total, w.html, w.css)
	}
	t.Logf("lightest: %s: %d bytes", pages[len(pages)-1].page, pages[len(pages)-1].total)
	t.Logf("worksheet JavaScript (gzipped), heaviest of %d worksheet pages: %s: %d bytes, budget %d bytes",
		worksheets, jsPage, heaviestJS, scriptBudget)
	if !t.Failed() {
		t.Log("no script blocks rendering")
	}
}
