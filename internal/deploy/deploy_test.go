package deploy

import (
	"strings"
	"testing"
)

// TestHeadersByFile: fingerprinted files are kept a year, every other file is checked
// again each time, and every file gets the security headers.
func TestHeadersByFile(t *testing.T) {
	p := Policy{Base: "/", CSP: "default-src 'self'"}
	for name, cache := range map[string]string{
		"css/site.7296db2655.css":            Immutable,
		"js/worksheet.2bba9faa51.js":         Immutable,
		"search-index.es.706e03d207.js":      Immutable,
		"sw-files.e601a6bd8390dae2.js":       Immutable,
		"index.html":                         NoCache,
		"sw.js":                              NoCache,
		"manifest.webmanifest":               NoCache,
		"es/manifest.webmanifest":            NoCache,
		"icons/icon-192.png":                 NoCache,
		"css/site.css":                       NoCache, // no hash: it may change
		"img/photo.2bba9faa51.png":           NoCache, // not a name the build gives
		"worksheets/goals/index.html":        NoCache,
		"js/worksheet.2BBA9FAA51.js":         NoCache,
		"js/worksheet.2bba9faa51.js.map":     NoCache,
		"js/worksheet.2bba9faa51a1b2c3d4.js": NoCache, // 18 hex digits
	} {
		got := map[string]string{}
		for _, h := range p.Headers(name) {
			if _, dup := got[h.Name]; dup {
				t.Errorf("%s: %s twice", name, h.Name)
			}
			got[h.Name] = h.Value
		}
		if got["Cache-Control"] != cache {
			t.Errorf("%s: Cache-Control %q, want %q", name, got["Cache-Control"], cache)
		}
		if got["Content-Security-Policy"] != "default-src 'self'; frame-ancestors 'none'" ||
			got["X-Content-Type-Options"] != "nosniff" || got["Referrer-Policy"] != "no-referrer" ||
			!strings.Contains(got["Permissions-Policy"], "camera=()") ||
			!strings.Contains(got["Permissions-Policy"], "microphone=()") ||
			!strings.Contains(got["Permissions-Policy"], "geolocation=()") {
			t.Errorf("%s: %v", name, got)
		}
	}
}

// The nginx and Apache files put every value in double quotes, with no escapes.
func TestValuesNeedNoEscape(t *testing.T) {
	for _, h := range Table("default-src 'self'") {
		if strings.ContainsAny(h.Value, "\"\\\n") {
			t.Errorf("%s: %q", h.Name, h.Value)
		}
	}
}

// TestCover: a folder whose files are all of one kind is one rule; a mixed folder has a
// rule per file, and a page's folder address gets its index.html's.
func TestCover(t *testing.T) {
	files := []string{
		"404.html",
		"about/index.html",
		"css/img/bg.png",
		"css/site.7296db2655.css",
		"index.html",
		"js/site.5fb2c202fd.js",
		"sw-files.e601a6bd8390dae2.js",
		"sw.js",
	}
	var got []string
	for _, r := range cover("", files) {
		got = append(got, r.path+" "+map[Files]string{Fingerprinted: "immutable", OtherFiles: "no-cache"}[r.class])
	}
	want := []string{
		"404.html no-cache",
		"about/* no-cache",
		"css/img/* no-cache",
		"css/site.7296db2655.css immutable",
		" no-cache",
		"index.html no-cache",
		"js/* immutable",
		"sw-files.e601a6bd8390dae2.js immutable",
		"sw.js no-cache",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadPolicy recovers the folder and the pages' policy from the file the build
// wrote, and refuses a file that does not hold them.
func TestReadPolicy(t *testing.T) {
	for _, base := range []string{"/", "/clinic/ipt/"} {
		want := Policy{Base: base, CSP: "default-src 'self'; style-src 'self' 'sha256-abc='"}
		got, err := ReadPolicy(want.HeadersFile([]string{"index.html", "css/a.7296db2655.css"}))
		if err != nil || got != want {
			t.Errorf("ReadPolicy: %+v, %v; want %+v", got, err, want)
		}
	}
	for data, msg := range map[string]string{
		"/*\n  X-Content-Type-Options: nosniff\n":             "no rule gives every file a Content-Security-Policy",
		"/*\n  Content-Security-Policy: default-src 'self'\n": "does not end in frame-ancestors 'none'",
		"  Content-Security-Policy: x\n":                      "_headers:1: a header before any path",
		"/*\n  no colon\n":                                    `_headers:2: "no colon" is not name: value`,
	} {
		if _, err := ReadPolicy([]byte(data)); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%q: %v, want %q", data, err, msg)
		}
	}
}
