package render_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/deploy"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

var metaCSP = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)"`)

// TestHeadersFile builds the default site at the root of a host, in a subfolder, and
// without baseURL, and reads its _headers as Netlify and Cloudflare Pages do: every
// file, at each address it is asked for, gets each header of the table once (both
// hosts join two values of one header with a comma), with the value the table gives its
// kind of file, and the policy of the pages' <meta> plus frame-ancestors 'none'.
func TestHeadersFile(t *testing.T) {
	for _, tc := range []struct{ baseURL, base string }{
		{"https://clinic.example/", "/"},
		{"https://clinic.example/clinic/ipt/", "/clinic/ipt/"},
		{"", "/"},
	} {
		mem, _ := sitetest.Build(t, render.Options{BaseURL: tc.baseURL})
		data, ok := mem.File("_headers")
		if !ok {
			t.Fatalf("baseURL %q: no _headers", tc.baseURL)
		}
		rules, err := deploy.ParseHeadersFile(data)
		if err != nil {
			t.Fatal(err)
		}
		p, err := deploy.ReadPolicy(data)
		if err != nil {
			t.Fatal(err)
		}
		if p.Base != tc.base {
			t.Errorf("baseURL %q: _headers is for the folder %s, want %s", tc.baseURL, p.Base, tc.base)
		}
		// The header's policy is the 404 page's, which every missing address gets.
		page404, _ := mem.File("404.html")
		m := metaCSP.FindSubmatch(page404)
		if m == nil {
			t.Fatal("404.html has no Content-Security-Policy")
		}
		if got := strings.ReplaceAll(string(m[1]), "&#39;", "'"); got != p.CSP {
			t.Errorf("baseURL %q: the headers' policy is %q, the 404 page's %q", tc.baseURL, p.CSP, got)
		}
		if tc.baseURL != "" && p.CSP != render.CSP {
			t.Errorf("baseURL %q: the headers' policy is %q, the pages' %q", tc.baseURL, p.CSP, render.CSP)
		}
		// Cloudflare Pages reads 100 rules at most (docs/deploy.md says how many).
		if len(rules) >= 40 {
			t.Errorf("baseURL %q: _headers has %d rules; docs/deploy.md says the default site has under 40 (Cloudflare Pages reads 100)", tc.baseURL, len(rules))
		}
		fingerprinted := 0
		for _, name := range mem.Names() {
			if name == "_headers" {
				continue
			}
			if deploy.Fingerprint.MatchString(name) {
				fingerprinted++
			}
			urls := []string{tc.base + name}
			if dir, ok := strings.CutSuffix(name, "index.html"); ok {
				urls = append(urls, tc.base+dir)
			}
			want := p.Headers(name)
			for _, u := range urls {
				var got []deploy.Header
				for _, r := range rules {
					if r.Matches(u) {
						got = append(got, r.Headers...)
					}
				}
				if !sameHeaders(got, want) {
					t.Errorf("baseURL %q: %s gets\n%v\nwant\n%v", tc.baseURL, u, got, want)
				}
			}
		}
		// The stylesheets, the scripts, the search indexes and the worker's list.
		if fingerprinted < 8 {
			t.Errorf("baseURL %q: only %d files are fingerprinted", tc.baseURL, fingerprinted)
		}
	}
}

func sameHeaders(got, want []deploy.Header) bool {
	key := func(hs []deploy.Header) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Name+": "+h.Value)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(got), key(want))
}

// TestFingerprintNames holds the table's pattern to the names the build gives: the
// stylesheets, scripts, search indexes and the worker's list match it, and nothing
// else does, so no page, sw.js or manifest is ever cached for a year.
func TestFingerprintNames(t *testing.T) {
	mem, res := sitetest.Build(t, render.Options{})
	hashed := regexp.MustCompile(`^(css/[a-z-]+\.[0-9a-f]{10}\.css|js/[a-z-]+\.[0-9a-f]{10}\.js|search-index\.[a-z-]+\.[0-9a-f]{10}\.js|sw-files\.[0-9a-f]{16}\.js)$`)
	for _, name := range mem.Names() {
		if got, want := deploy.Fingerprint.MatchString(name), hashed.MatchString(name); got != want {
			t.Errorf("%s: fingerprinted %v, want %v", name, got, want)
		}
	}
	for _, ix := range res.Search {
		if !deploy.Fingerprint.MatchString(ix.File) {
			t.Errorf("the search index %s is not fingerprinted", ix.File)
		}
	}
}

// TestHostFilesNotOffline: the worker does not keep the host's own files, which hosts
// do not serve (its install would fail on them).
func TestHostFilesNotOffline(t *testing.T) {
	src := sitetest.DefaultContent(t)
	// the default site.yaml (its languages too), on a host in a subfolder, with .htaccess
	def, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	yml := string(def) + "\nbaseURL: https://clinic.example/ipt/\nhosting:\n  htaccess: true\n"
	src["site.yaml"] = &fstest.MapFile{Data: []byte(yml)}
	mem, _ := sitetest.Build(t, render.Options{Source: sitetest.Source(src)})
	for _, name := range mem.Names() {
		if !strings.HasPrefix(name, "sw-files.") {
			continue
		}
		list, _ := mem.File(name)
		for _, host := range []string{"_headers", ".htaccess"} {
			if _, ok := mem.File(host); !ok {
				t.Errorf("no %s", host)
			}
			if strings.Contains(string(list), `"`+host+`"`) {
				t.Errorf("%s lists %s", name, host)
			}
		}
		return
	}
	t.Fatal("no sw-files list")
}
