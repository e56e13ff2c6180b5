package worksheet_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/iptsite/iptsite/internal/worksheet"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"go.yaml.in/yaml/v3"
)

// convert renders src the way the build does, as the worksheet worksheetID ("" for a
// page that is not a worksheet).
func convert(t *testing.T, src []byte, worksheetID string) (string, []*worksheet.Field, []*worksheet.Error) {
	t.Helper()
	return translate(t, src, worksheetID, nil)
}

// translate is convert for a translation of the worksheet whose fields are original
// (nil: not a translation), read from original.md.
func translate(t *testing.T, src []byte, worksheetID string, original []*worksheet.Field) (string, []*worksheet.Field, []*worksheet.Error) {
	t.Helper()
	md := goldmark.New(
		goldmark.WithExtensions(worksheet.New(worksheet.Options{})),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	return worksheet.Convert(t, md, parser.NewContext(), src, worksheetID, original)
}

var banned = regexp.MustCompile(`style=|<script|<form|\son[a-z]+=`)

// TestCases renders the in.md section of each testdata/*.txtar as the build does and
// compares the HTML with out.html, or the errors with errors (see package sitetest). A
// case with original.md is a translation of it; a case whose comment says "not a
// worksheet" renders a page that is not one.
func TestCases(t *testing.T) {
	sitetest.Run(t, "testdata/*.txtar", func(t *testing.T, c *sitetest.Case) *sitetest.Result {
		in, ok := c.Input("in.md")
		if !ok {
			t.Fatal("no in.md section")
		}
		id := "test"
		if strings.Contains(c.Comment, "not a worksheet") {
			id = ""
		}
		var original []*worksheet.Field
		if o, ok := c.Input("original.md"); ok {
			var oerrs []*worksheet.Error
			if _, original, oerrs = convert(t, o, id); len(oerrs) > 0 {
				t.Fatalf("original.md: %v", oerrs)
			}
		}
		html, _, errs := translate(t, in, id, original)
		if len(errs) > 0 {
			all := make([]error, len(errs))
			for i, e := range errs {
				all[i] = e
			}
			return &sitetest.Result{Err: errors.Join(all...)}
		}
		// a strict Content-Security-Policy allows no inline style or script, and a
		// form would send the answers in a URL when submitted without script
		if m := banned.FindString(html); m != "" {
			t.Errorf("the HTML contains %q", m)
		}
		return &sitetest.Result{Exact: map[string]string{"out.html": html}}
	})
}

// TestEnglishStrings keeps Defaults and the default site's i18n/en.yaml in step.
func TestEnglishStrings(t *testing.T) {
	data := sitetest.DefaultFile(t, "i18n/en.yaml")
	var en map[string]string
	if err := yaml.Unmarshal(data, &en); err != nil {
		t.Fatal(err)
	}
	if len(worksheet.Defaults) == 0 {
		t.Fatal("worksheet.Defaults is empty: nothing to compare")
	}
	for k, want := range worksheet.Defaults {
		if got, ok := en[k]; !ok {
			t.Errorf("i18n/en.yaml lacks %s", k)
		} else if got != want {
			t.Errorf("i18n/en.yaml %s = %q, Defaults has %q", k, got, want)
		}
	}
}

// TestGuide keeps the authoring guide true: its field blocks build without error
// and show every type.
func TestGuide(t *testing.T) {
	_, fields, errs := convert(t, sitetest.RepoFile(t, "docs/worksheets.md"), "guide")
	for _, e := range errs {
		t.Errorf("docs/worksheets.md:%v", e)
	}
	seen := map[string]bool{}
	for _, f := range fields {
		seen[f.Type] = true
	}
	for _, typ := range worksheet.Types {
		if !seen[typ] {
			t.Errorf("docs/worksheets.md has no example of type %s", typ)
		}
	}
}

// TestScriptAPIs keeps network APIs and HTML built from strings out of the worksheet
// script, every part of it, and the trend chart. (Their weight as each page gets them is
// measured by internal/render's TestPageWeight.)
func TestScriptAPIs(t *testing.T) {
	parts, _ := filepath.Glob("../../static/js/worksheet/*.js")
	if len(parts) == 0 {
		t.Fatal("no static/js/worksheet/*.js")
	}
	var src []byte
	for _, p := range parts {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src = append(append(src, data...), '\n')
	}
	// the trend chart of repeatable worksheets sees the answers too
	trend, err := os.ReadFile("../../static/js/trend/trend.js")
	if err != nil {
		t.Fatal(err)
	}
	for _, api := range []string{"fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "import(", "new Image", "navigator.serviceWorker", "eval(", "innerHTML"} {
		if bytes.Contains(src, []byte(api)) {
			t.Errorf("worksheet.js uses %s: it must make no network request and build no HTML from strings", api)
		}
		if bytes.Contains(trend, []byte(api)) {
			t.Errorf("trend.js uses %s: it must make no network request and build no HTML from strings", api)
		}
	}
}
