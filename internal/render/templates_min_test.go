package render

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/iptsite/iptsite"
)

// blockOnNewLine is a line break before a block's tag, which the minifier always takes
// out of HTML (between inline elements it keeps one, as a space).
var blockOnNewLine = regexp.MustCompile(`>\n<(html|head|body|header|footer|main|nav|section|aside|article|div|p|ul|ol|li|h[1-6]|meta|link|title|details|summary|figure|fieldset|table|tr|td|form)\b`)

// Every default template is minified whole: a comment with an apostrophe in it, or any
// quote, once made the minifier read the rest of the file as a string and leave it as
// written (every page of the site then carried its line breaks).
func TestTemplatesMinifiedWhole(t *testing.T) {
	m := newMinifier(true)
	files, _ := fs.Glob(iptsite.Defaults(), "templates/*.html")
	parts, _ := fs.Glob(iptsite.Defaults(), "templates/partials/*.html")
	if len(files) < 5 || len(parts) < 5 {
		t.Fatalf("templates: %v, partials: %v", files, parts)
	}
	for _, name := range append(files, parts...) {
		data, err := fs.ReadFile(iptsite.Defaults(), name)
		if err != nil {
			t.Fatal(err)
		}
		if loc := blockOnNewLine.FindStringIndex(m.template(string(data))); loc != nil {
			out := m.template(string(data))
			t.Errorf("%s is not minified whole: a line break is left before a block at %q", name, out[max(0, loc[0]-60):loc[1]])
		}
	}
	// A comment with a quote, as a clinic may write, does not stop the minifier.
	out := m.template("<p>{{/* the site's title */ -}}\n<b>{{.X}}</b></p>\n<p>after</p>\n")
	if blockOnNewLine.MatchString(out) {
		t.Errorf("a comment with an apostrophe stopped the minifier: %q", out)
	}
}

func TestCarriesPolicy(t *testing.T) {
	for page, want := range map[string]bool{
		`<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><meta name="referrer" content="no-referrer"><link rel="stylesheet" href="a.css">`: true,
		`<head><meta http-equiv=content-security-policy content="default-src 'self'"><meta content=no-referrer name=referrer><script src=a.js></script>`:                 true,
		`<head><meta name="referrer" content="no-referrer"><link rel="stylesheet" href="a.css"><meta http-equiv="Content-Security-Policy" content="x">`:                  false, // after a link: too late
		`<head><meta http-equiv="Content-Security-Policy" content="x"></head><body>no-referrer`:                                                                          false,
		`<head><title>t</title></head><body></body>`: false,
		`<HEAD><META HTTP-EQUIV="CONTENT-SECURITY-POLICY" CONTENT="x"><META NAME="REFERRER" CONTENT="NO-REFERRER"><LINK REL="stylesheet" HREF="a.css">`: true,
		`<head><meta name="referrer" content="no-referrer"><LINK rel="stylesheet" href="a.css"><meta http-equiv="Content-Security-Policy" content="x">`: false, // after a link in capitals
		`<head><meta name="referrer" content="no-referrer"><Script src=a.js></Script><meta http-equiv="Content-Security-Policy" content="x">`:           false,
		`<head><meta name="referrer" content="no-referrer"><style></style><meta http-equiv="Content-Security-Policy" content="x">`:                      false,
		`<head><meta name="referrer" content="no-referrer"><meta http-equiv="Content-Security-Policy" content="x">`:                                     true, // no end of the head at all
		`<head><meta http-equiv="Content-Security-Policy" content="x"><meta name="referrer" content="no-referrer"><`:                                    true,
	} {
		if got := carriesPolicy([]byte(page)); got != want {
			t.Errorf("carriesPolicy(%s) = %v, want %v", page, got, want)
		}
	}
}
