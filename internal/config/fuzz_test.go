package config_test

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/sitetest"
)

var (
	errorLine = regexp.MustCompile(`^site\.yaml:(\d+): `)
	dialURL   = regexp.MustCompile(`^tel:\+?[0-9]+$`)
	smsURL    = regexp.MustCompile(`^sms:\+?[0-9]+(\?&body=[^&#"'<> ]+)?$`)
	webURL    = regexp.MustCompile(`^(?i)https?://[^\s]`)
)

// FuzzSiteYAML reads site.yaml of any kind: it must never panic; each error names
// site.yaml and a line it has; and a site.yaml that is accepted gives only values the
// templates may put in a page as they are: web addresses that are http or https,
// tel: and sms: addresses of digits, a colour, a storage key. Its seeds are the default
// site.yaml and every site.yaml of the fixtures; go test runs them, make fuzz the target.
func FuzzSiteYAML(f *testing.F) {
	f.Add(sitetest.DefaultFile(f, "site.yaml"))
	for _, s := range sitetest.Seeds(f, func(name string) bool { return name == "site.yaml" }) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		site, err := config.Parse(data)
		// YAML, like editors, also breaks lines at a lone carriage return.
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
		if err != nil {
			for _, e := range strings.Split(err.Error(), "\n") {
				m := errorLine.FindStringSubmatch(e)
				if m == nil {
					t.Fatalf("error %q does not start site.yaml:LINE:", e)
				}
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > lines {
					t.Errorf("error %q names line %d; site.yaml has %d", e, n, lines)
				}
			}
			return
		}
		if !regexp.MustCompile(`^#[0-9a-fA-F]{6}$`).MatchString(site.BrandColor) {
			t.Errorf("brandColor %q", site.BrandColor)
		}
		if !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(site.StorageKey) {
			t.Errorf("storageKey %q", site.StorageKey)
		}
		for _, u := range []string{site.BaseURL, site.Clinic.Web, site.QuickExit.URL} {
			if u != "" && !webURL.MatchString(u) {
				t.Errorf("web address %q is not http or https", u)
			}
		}
		langs := site.Langs()
		seen := map[string]bool{}
		for _, l := range langs {
			if seen[l] || l == "" {
				t.Fatalf("languages %q", langs)
			}
			seen[l] = true
			s := site.For(l)
			if s.Language != l || s.LanguageName == "" {
				t.Errorf("For(%q) gives language %q named %q", l, s.Language, s.LanguageName)
			}
			for _, c := range s.Crisis {
				if c.URL != "" && !webURL.MatchString(c.URL) {
					t.Errorf("crisis url %q is not http or https", c.URL)
				}
				if tel := string(c.Tel()); tel != "" && !dialURL.MatchString(tel) {
					t.Errorf("crisis number %q gives %q", c.Number, tel)
				}
				if sms := string(c.SMSURL()); sms != "" && !smsURL.MatchString(sms) {
					t.Errorf("crisis sms %q, keyword %q give %q", c.SMS, c.Keyword, sms)
				}
			}
		}
	})
}
