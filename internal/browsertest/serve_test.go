package browsertest

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestServeUnderPrefix(t *testing.T) {
	base := Serve(t, "testdata/site", "/clinic/sub/")
	if !strings.HasSuffix(base, "/clinic/sub/") {
		t.Fatalf("base URL %q does not end in the prefix", base)
	}
	origin := strings.TrimSuffix(base, "/clinic/sub/")

	// Redirects are checked, not followed.
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	tests := []struct {
		path         string
		wantStatus   int
		wantBody     string // a part of the body, for 200
		wantLocation string // for redirects
		wantType     string // a prefix of Content-Type, for 200
	}{
		{path: "/clinic/sub/", wantStatus: 200, wantBody: "<title>Fixture home</title>", wantType: "text/html"},
		{path: "/clinic/sub/index.html", wantStatus: 200, wantBody: "<title>Fixture home</title>", wantType: "text/html"},
		{path: "/clinic/sub/a11y/", wantStatus: 200, wantBody: "One accessibility problem"},
		{path: "/clinic/sub/a11y/index.html", wantStatus: 200, wantBody: "One accessibility problem"},
		{path: "/clinic/sub/app.js", wantStatus: 200, wantBody: "script ran", wantType: "text/javascript"},
		{path: "/clinic/sub/style.css", wantStatus: 200, wantBody: "prefers-color-scheme", wantType: "text/css"},
		{path: "/clinic/sub/favicon.svg", wantStatus: 200, wantType: "image/svg+xml"},
		{path: "/clinic/sub/a11y", wantStatus: 301, wantLocation: "/clinic/sub/a11y/"},
		{path: "/clinic/sub/a11y?x=1", wantStatus: 301, wantLocation: "/clinic/sub/a11y/?x=1"},
		{path: "/clinic/sub", wantStatus: 301, wantLocation: "/clinic/sub/"},
		// Outside the prefix: what a link that climbs out of the site, or an
		// absolute URL, would reach.
		{path: "/", wantStatus: 404},
		{path: "/index.html", wantStatus: 404},
		{path: "/favicon.ico", wantStatus: 404},
		{path: "/style.css", wantStatus: 404},
		{path: "/clinic/", wantStatus: 404},
		{path: "/clinic/subway/", wantStatus: 404},
		// Inside the prefix but not in the site.
		{path: "/clinic/sub/missing.html", wantStatus: 404},
		{path: "/clinic/sub/empty/", wantStatus: 404}, // a folder without index.html is no listing
		{path: "/clinic/sub/%2e%2e/%2e%2e/go.mod", wantStatus: 404},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := client.Get(origin + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			if got := resp.Header.Get("Location"); got != tt.wantLocation {
				t.Errorf("Location %q, want %q", got, tt.wantLocation)
			}
			if !strings.Contains(string(body), tt.wantBody) {
				t.Errorf("body does not contain %q:\n%s", tt.wantBody, body)
			}
			if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, tt.wantType) {
				t.Errorf("Content-Type %q, want %q...", got, tt.wantType)
			}
		})
	}
}

func TestServeAtRoot(t *testing.T) {
	for _, prefix := range []string{"", "/"} {
		base := Serve(t, "testdata/site", prefix)
		if !strings.HasSuffix(base, "/") || strings.HasSuffix(base, "//") {
			t.Fatalf("Serve(%q) = %q, want the origin and one slash", prefix, base)
		}
		resp, err := http.Get(base + "a11y/")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("Serve(%q): GET a11y/: status %d, want 200", prefix, resp.StatusCode)
		}
	}
}

func TestServeRejectsBadArguments(t *testing.T) {
	tests := []struct {
		dir, prefix string
		want        string
	}{
		{"testdata/site", "clinic/", `prefix "clinic/" must be a clean URL path`},
		{"testdata/site", "/clinic", `prefix "/clinic" must be a clean URL path`},
		{"testdata/site", "/a//b/", `prefix "/a//b/" must be a clean URL path`},
		{"testdata/site", "/a/../b/", `prefix "/a/../b/" must be a clean URL path`},
		{"testdata/no-such-folder", "/", "no such file or directory"},
		{"testdata/site/index.html", "/", "is not a folder"},
	}
	for _, tt := range tests {
		f := newFakeTB(t)
		f.run(func(tb testing.TB) { Serve(tb, tt.dir, tt.prefix) })
		if !strings.Contains(f.fatal, tt.want) {
			t.Errorf("Serve(%q, %q) reported\n%s\nwant a fatal error containing %q", tt.dir, tt.prefix, f.report(), tt.want)
		}
	}
}
