package check

import (
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// renderDefaults builds the default site alone.
func renderDefaults() render.Options {
	return render.Options{Source: sitetest.Source(nil)}
}

func checkDefault(t *testing.T) *Report {
	t.Helper()
	r := Run(renderDefaults(), testOrigin(nil))
	if !r.Built {
		var b strings.Builder
		r.WriteText(&b, TextOptions{})
		t.Fatalf("the default site does not build:\n%s", b.String())
	}
	return r
}

// TestDefaultSite checks the default site as a clinic gets it: no errors, and no
// warnings but the crisis lines, which are the United States defaults.
func TestDefaultSite(t *testing.T) {
	r := checkDefault(t)
	var b strings.Builder
	r.WriteText(&b, TextOptions{})
	t.Logf("\n%s", b.String())
	if r.Errors > 0 {
		t.Errorf("the default site has %d errors", r.Errors)
	}
	crisis := 0
	for _, f := range r.Findings {
		if f.Rule == RuleCrisisDefaults {
			crisis++
		} else if f.Level == Warning {
			t.Errorf("warning: %s", f)
		}
	}
	if crisis == 0 {
		t.Errorf("no warning that the crisis lines are the United States defaults")
	}
}

// TestDefaultSiteReadingLevel is the acceptance of issue 4: every page of the default
// site reads at Flesch-Kincaid grade 7 or lower, measured on the text a reader meets
// (see package doc). It prints the table; run with -v to see it.
func TestDefaultSiteReadingLevel(t *testing.T) {
	r := checkDefault(t)
	var b strings.Builder
	r.WriteGrades(&b)
	t.Logf("\n%s", b.String())
	if len(r.Pages) < 30 {
		t.Errorf("measured %d pages, want every page of the default site", len(r.Pages))
	}
	for _, p := range r.Pages {
		if p.Words == 0 {
			t.Errorf("%s: no words measured", p.File)
		}
		if p.Grade > DefaultReadingLevel {
			var long []string
			for _, s := range p.Stats.LongestSentences {
				long = append(long, s.Text)
			}
			t.Errorf("%s: grade %.1f is over %d; longest sentences: %q", p.File, p.Grade, DefaultReadingLevel, long)
		}
	}
}
