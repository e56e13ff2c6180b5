// Package i18n holds the interface strings of a site: button labels, notices, headings
// that come from the generator rather than from a page.
//
// They live in i18n/<language>.yaml, one flat map of key to text:
//
//	crisis.title: Need help now?
//	worksheet.saved: Saved on this device, {time}
//
// A site translates its interface by adding i18n/<language>.yaml for the language set in
// site.yaml. A key missing from it falls back to the file of the base language ("es" for
// "es-MX"), then to English, so a partial translation still builds.
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/iptsite/iptsite/internal/diag"
	"github.com/iptsite/iptsite/internal/plainyaml"
)

// Strings maps keys to text in one language.
type Strings struct {
	Lang string
	m    map[string]string
}

// Load reads the strings for lang from fsys's i18n folder, falling back as described above.
func Load(fsys fs.FS, lang string) (*Strings, error) {
	s := &Strings{Lang: lang, m: map[string]string{}}
	chain := []string{lang}
	if i := strings.IndexByte(lang, '-'); i > 0 {
		chain = append(chain, lang[:i])
	}
	if chain[len(chain)-1] != "en" {
		chain = append(chain, "en")
	}
	found := false
	var errs diag.List
	for _, l := range chain {
		name := "i18n/" + l + ".yaml"
		data, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs.Addf(name, 0, "%v", err)
			continue
		}
		found = true
		m, plain := plainyaml.Strings(data) // most files; the YAML parser reads the others
		if !plain {
			m = map[string]string{}
			if e := diag.DecodeYAML(name, 1, data, &m); e != nil {
				errs = append(errs, e...)
				continue
			}
		}
		for k, v := range m {
			if _, ok := s.m[k]; !ok {
				s.m[k] = v
			}
		}
	}
	if !found && errs == nil {
		errs.Addf("i18n/"+lang+".yaml", 0, "no interface strings for language %q", lang)
	}
	return s, errs.Err()
}

// New returns Strings from a map, for tests.
func New(lang string, m map[string]string) *Strings { return &Strings{Lang: lang, m: m} }

// Get returns the text for key, and whether there is one.
func (s *Strings) Get(key string) (string, bool) {
	v, ok := s.m[key]
	return v, ok
}

// T returns the text for key, or the key itself when it is missing.
func (s *Strings) T(key string) string {
	if v, ok := s.m[key]; ok {
		return v
	}
	return key
}

// Format returns the text for key with each {name} replaced by the value after it:
// Format("worksheet.saved", "time", "14:02"). A missing key is an error.
func (s *Strings) Format(key string, pairs ...string) (string, error) {
	v, ok := s.m[key]
	if !ok {
		return "", fmt.Errorf("no interface string %q in i18n/%s.yaml", key, s.Lang)
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		v = strings.ReplaceAll(v, "{"+pairs[i]+"}", pairs[i+1])
	}
	return v, nil
}
