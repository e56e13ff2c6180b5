package render_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

var (
	attrURL      = regexp.MustCompile(`\s(?:href|src|action|poster|content)="([^"]*)"`)
	linkURL      = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idAttr       = regexp.MustCompile(`\sid="([^"]+)"`)
	inlineScript = regexp.MustCompile(`<script\b[^>]*>\s*[^<\s]`)
	scriptTag    = regexp.MustCompile(`<script\b[^>]*>`)
	styleAttr    = regexp.MustCompile(`<[^>]+\sstyle=`)
	handlerAttr  = regexp.MustCompile(`<[^>]+\son[a-z]+=`)
)

// buildDefault builds the default site, minified unless opts say not, as a clinic gets it.
func buildDefault(t *testing.T, opts render.Options) *output.Memory {
	t.Helper()
	mem, _ := sitetest.Build(t, opts)
	return mem
}

// TestDefaultSiteIsSelfContained checks every page of the default site: the strict
// Content-Security-Policy, no inline script, style or event handler, no absolute URL of
// its own, nothing loaded from another host, and no broken link or fragment.
func TestDefaultSiteIsSelfContained(t *testing.T) {
	for _, portable := range []bool{false, true} {
		mem := buildDefault(t, render.Options{Portable: portable})
		ids := map[string]map[string]bool{}
		var pages []string
		for _, name := range mem.Names() {
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			pages = append(pages, name)
			data, _ := mem.File(name)
			ids[name] = map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(data), -1) {
				ids[name][m[1]] = true
			}
		}
		if len(pages) < 20 {
			t.Fatalf("only %d pages: %v", len(pages), pages)
		}
		for _, name := range pages {
			b, _ := mem.File(name)
			html := string(b)
			if !strings.Contains(html, `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;;`) &&
				!strings.Contains(html, `<meta http-equiv="Content-Security-Policy" content="default-src 'self';`) {
				t.Errorf("%s: no Content-Security-Policy meta", name)
			}
			if !strings.Contains(html, `<meta name="referrer" content="no-referrer">`) {
				t.Errorf("%s: no referrer policy", name)
			}
			for _, tag := range scriptTag.FindAllString(html, -1) {
				if !strings.Contains(tag, " src=") {
					t.Errorf("%s: inline script %s", name, tag)
				}
			}
			if m := inlineScript.FindString(html); m != "" {
				t.Errorf("%s: inline script %q", name, m)
			}
			if m := styleAttr.FindString(html); m != "" {
				t.Errorf("%s: style attribute in %q", name, m)
			}
			if strings.Contains(html, "_iptsite") {
				t.Errorf("%s: the live-reload script is only for iptsite serve", name)
			}
			if m := handlerAttr.FindString(html); m != "" {
				t.Errorf("%s: event handler attribute in %q", name, m)
			}
			for _, m := range attrURL.FindAllStringSubmatch(html, -1) {
				if u := m[1]; strings.HasPrefix(u, "/") {
					t.Errorf("%s: absolute internal URL %q", name, u)
				}
			}
			for _, m := range linkURL.FindAllStringSubmatch(html, -1) {
				checkLink(t, mem, ids, name, m[0], m[1], portable)
			}
		}
	}
}

func checkLink(t *testing.T, mem *output.Memory, ids map[string]map[string]bool, page, attr, u string, portable bool) {
	t.Helper()
	if strings.HasPrefix(u, "mailto:") || strings.HasPrefix(u, "tel:") || strings.HasPrefix(u, "sms:") {
		return
	}
	if strings.Contains(u, "://") || strings.HasPrefix(u, "//") {
		if strings.Contains(attr, "src=") {
			t.Errorf("%s: loads %s from another host", page, u)
		}
		return
	}
	target, frag, _ := strings.Cut(u, "#")
	target, _, _ = strings.Cut(target, "?")
	file := page
	if target != "" {
		file = path.Join(path.Dir(page), target)
		if strings.HasSuffix(target, "/") || target == "." || target == "./" {
			if portable {
				t.Errorf("%s: portable link %q does not end in index.html", page, u)
			}
			file = path.Join(file, "index.html")
		}
	}
	if _, ok := mem.File(file); !ok {
		t.Errorf("%s: broken link %q (no %s)", page, u, file)
		return
	}
	if frag != "" && strings.HasSuffix(file, ".html") && !ids[file][frag] {
		t.Errorf("%s: link %q to a missing id in %s", page, u, file)
	}
}

// TestDefaultSitePages checks that every page and worksheet the default site promises is
// at its URL: therapists send these links, so they must not move.
func TestDefaultSitePages(t *testing.T) {
	mem := buildDefault(t, render.Options{})
	pages := []string{"", "about-ipt/", "phases/", "phases/beginning/", "phases/middle/", "phases/ending/",
		"problem-areas/", "problem-areas/grief/", "problem-areas/disputes/", "problem-areas/life-changes/",
		"problem-areas/isolation/", "what-to-expect/", "worksheets/", "my-answers/", "for-therapists/",
		"help-now/", "glossary/", "sources/"}
	sheets := []string{"before-first-session", "interpersonal-inventory", "closeness-circle", "life-timeline",
		"goals", "mood-check", "communication-analysis", "role-dispute", "role-transition", "grief",
		"connection", "social-rhythm", "ending-plan", "phq-9"}
	for _, s := range sheets {
		pages = append(pages, "worksheets/"+s+"/")
	}
	for _, lang := range []string{"", "es/"} {
		for _, p := range pages {
			b, ok := mem.File(lang + p + "index.html")
			if !ok {
				t.Errorf("no page at /%s%s", lang, p)
				continue
			}
			if strings.HasPrefix(p, "worksheets/") && p != "worksheets/" && !strings.Contains(string(b), `class="worksheet" id="worksheet"`) {
				t.Errorf("/%s%s is not a worksheet", lang, p)
			}
		}
	}
}

// TestTherapistHandouts checks the for-therapists page of a site with a web address:
// each worksheet with its address, a copy button and a QR code drawn at build time.
func TestTherapistHandouts(t *testing.T) {
	mem := buildDefault(t, render.Options{BaseURL: "https://clinic.example/ipt/"})
	b, _ := mem.File("for-therapists/index.html")
	html := string(b)
	for _, want := range []string{
		`<code class="sheet-url">https://<wbr>clinic.example/<wbr>ipt/<wbr>worksheets/<wbr>role-dispute/<wbr></code>`,
		`data-copy="https://clinic.example/ipt/worksheets/phq-9/"`,
		`aria-label="QR code: `,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("for-therapists: missing %q", want)
		}
	}
	_, res := sitetest.Build(t, render.Options{})
	want := 0 // the worksheets of the main language: those in worksheets/, and My next session
	for _, p := range res.Site.Pages {
		if p.Worksheet {
			want++
		}
	}
	if n := strings.Count(html, `<svg class="qr"`); n != want || want < 14 {
		t.Errorf("%d QR codes, want one for each of the %d worksheets", n, want)
	}
	// Without a web address there is nothing to encode: the page says how to get the codes.
	b, _ = buildDefault(t, render.Options{}).File("for-therapists/index.html")
	if strings.Contains(string(b), `<svg class="qr"`) || !strings.Contains(string(b), "set baseURL in site.yaml") {
		t.Error("for-therapists without baseURL: want no QR codes and a note on baseURL")
	}
}

// TestNotFoundStyleHash checks that the 404 page without baseURL holds the stylesheet
// in a style element whose hash its policy allows, minified or not (the browser test
// TestNotFoundAtDepth shows it styled at depth).
func TestNotFoundStyleHash(t *testing.T) {
	for _, noMinify := range []bool{false, true} {
		mem, _ := sitetest.Build(t, render.Options{NoMinify: noMinify})
		page, _ := mem.File("404.html")
		style := regexp.MustCompile(`<style>([^<]*)</style>`).FindSubmatch(page)
		if style == nil {
			t.Fatalf("no-minify %v: the 404 page has no style element", noMinify)
		}
		sum := sha256.Sum256(style[1])
		want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(html.UnescapeString(string(page)), want) {
			t.Errorf("no-minify %v: the policy does not allow the style element by its hash %s", noMinify, want)
		}
		home, _ := mem.File("index.html")
		if bytes.Contains(home, []byte("<style")) {
			t.Errorf("no-minify %v: the home page has a style element", noMinify)
		}
	}
}

// TestNoDrawnCheckboxes: no page of the default site shows a box to tick that is not a
// working checkbox (a Markdown task list, "- [ ] …", is drawn as a disabled one; or a ☐
// written as text): on a phone it looks tappable and does nothing (issue 13 item 14). A
// list to tick is a worksheet's checklist, which remembers.
func TestNoDrawnCheckboxes(t *testing.T) {
	mem := buildDefault(t, render.Options{})
	pages := 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		data, _ := mem.File(name)
		for _, box := range deadBox.FindAllString(string(data), -1) {
			t.Errorf("%s shows %s, which looks like a checkbox to tick and is not one: use a checklist field, or a plain list", name, box)
		}
	}
	if pages < 20 {
		t.Fatalf("only %d pages", pages)
	}
}

// deadBox matches a disabled checkbox and the box characters.
var deadBox = regexp.MustCompile(`<input[^>]*\bdisabled\b[^>]*type="?checkbox[^>]*>|<input[^>]*type="?checkbox"?[^>]*\bdisabled\b[^>]*>|[☐□]|&#9744;|&#x2610;`)

// The breadcrumbs are a row of links and the page's own name, with a slash drawn between
// each by the stylesheet: a space between two items would show as a wider gap before one
// slash. The links are a shared partial and the page's own item is not, which once left one.
func TestBreadcrumbsEvenlySpaced(t *testing.T) {
	for _, opts := range []render.Options{{}, {NoMinify: true}} {
		mem := buildDefault(t, opts)
		seen := 0
		for _, name := range mem.Names() {
			data, _ := mem.File(name)
			for _, nav := range crumbs.FindAllString(string(data), -1) {
				seen++
				if gap := crumbGap.FindString(nav); gap != "" {
					t.Errorf("%s (minify %v): space between breadcrumbs: %q", name, !opts.NoMinify, gap)
				}
			}
		}
		if seen < 20 {
			t.Fatalf("only %d breadcrumb trails", seen)
		}
	}
}

var (
	crumbs   = regexp.MustCompile(`(?s)<nav class="?breadcrumbs"?.*?</nav>`)
	crumbGap = regexp.MustCompile(`</li>\s+<li`)
)
