package config

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// every sets every key of site.yaml, as the package documentation lists them.
const every = `title: Riverside IPT
description: Help for people starting IPT.
language: en-GB
baseURL: https://clinic.example/ipt
portable: true
storageKey: riverside-ipt
clinic:
  name: Riverside Clinic
  phone: "01234 567890"
  email: ipt@clinic.example
  address: 1 River Road
  web: https://clinic.example/
  logo: img/logo.svg
crisis:
  - label: Samaritans
    number: "116 123"
    text: Call 116 123, free, day or night
    url: https://www.samaritans.org/
  - label: Shout
    sms: "85258"
    keyword: SHOUT
    text: Text SHOUT to 85258
    topic: young-people
menu: [about-ipt.md, phases/_index.md]
footer: Not a replacement for care.
brandColor: "#aa3355"
lockIdle: 30
languageName: English (UK)
languages:
  es:
    name: Español
    title: IPT en Riverside
    description: Ayuda para empezar la IPT.
    footer: No reemplaza la atención.
    crisis:
      - label: Línea de ayuda
        number: "024"
quickExit:
  url: https://www.bbc.co.uk/weather
  pages: [problem-areas/disputes.md]
check:
  readingLevel: 8.5
  pageWeight: 40
  levels:
    reading-level: warning
    link-text: "off"
hosting:
  htaccess: true
`

// TestEveryKey decodes a site.yaml that sets every key into the values it names.
func TestEveryKey(t *testing.T) {
	s, err := Parse([]byte(every))
	if err != nil {
		t.Fatal(err)
	}
	lines := s.Lines
	s.Lines = nil
	want := &Site{
		Title:       "Riverside IPT",
		Description: "Help for people starting IPT.",
		Language:    "en-GB",
		BaseURL:     "https://clinic.example/ipt/", // a final slash added
		Portable:    true,
		StorageKey:  "riverside-ipt",
		Clinic: Clinic{Name: "Riverside Clinic", Phone: "01234 567890", Email: "ipt@clinic.example",
			Address: "1 River Road", Web: "https://clinic.example/", Logo: "img/logo.svg"},
		Crisis: []CrisisLine{
			{Label: "Samaritans", Number: "116 123", Text: "Call 116 123, free, day or night", URL: "https://www.samaritans.org/"},
			{Label: "Shout", SMS: "85258", Keyword: "SHOUT", Text: "Text SHOUT to 85258", Topic: "young-people"},
		},
		Menu:         []string{"about-ipt.md", "phases/_index.md"},
		Footer:       "Not a replacement for care.",
		BrandColor:   "#aa3355",
		LockIdle:     30,
		LanguageName: "English (UK)",
		Languages: map[string]Language{"es": {Name: "Español", Title: "IPT en Riverside",
			Description: "Ayuda para empezar la IPT.", Footer: "No reemplaza la atención.",
			Crisis: []CrisisLine{{Label: "Línea de ayuda", Number: "024"}}}},
		QuickExit: QuickExit{URL: "https://www.bbc.co.uk/weather", Pages: []string{"problem-areas/disputes.md"}},
		Check: CheckConfig{ReadingLevel: 8.5, PageWeight: 40,
			Levels: map[string]string{"reading-level": "warning", "link-text": "off"}},
		Hosting: Hosting{Htaccess: true},
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got\n%+v\nwant\n%+v", s, want)
	}
	for key, line := range map[string]int{
		"title": 1, "clinic.web": 12, "crisis": 14, "crisis.0": 15, "crisis.0.url": 18, "crisis.1.text": 22,
		"crisis.1.topic": 23, "languages.es.crisis.0": 36, "quickExit.url": 39, "check.levels.link-text": 46, "hosting.htaccess": 48,
	} {
		if lines[key] != line {
			t.Errorf("Lines[%q] = %d, want %d", key, lines[key], line)
		}
	}
	s.Lines = lines
	if got := s.Line("no.such.key"); got != 1 {
		t.Errorf("Line of a key not in the file = %d, want 1", got)
	}
}

// TestDefaults: a site.yaml with only a title gets the documented defaults.
func TestDefaults(t *testing.T) {
	s, err := Parse([]byte("title: T\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := [...]any{s.Language, s.LanguageName, s.LockIdle, s.StorageKey, s.BrandColor, s.QuickExit.URL, s.BaseURL, s.Portable}
	want := [...]any{"en", "English", 15, "ipt", "#2f6b72", "https://www.bbc.com/weather", "", false}
	if got != want {
		t.Errorf("defaults %v, want %v", got, want)
	}
	// A language's name, when site.yaml gives none, is its name in its own words.
	s, err = Parse([]byte("title: T\nlanguage: es-MX\nlanguages:\n  fr: {}\n  xx: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.LanguageName != "Español" || s.Languages["fr"].Name != "Français" || s.Languages["xx"].Name != "xx" {
		t.Errorf("names: %q, %q, %q", s.LanguageName, s.Languages["fr"].Name, s.Languages["xx"].Name)
	}
}

// TestErrors: unknown keys, wrong types and bad values are errors at their line of
// site.yaml, all of them at once.
func TestErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"title: T\ntitel: x\n", `site.yaml:2: unknown key "titel"`},
		{"title: T\nclinic:\n  name: A\n  fax: 1\n", `site.yaml:4: unknown key "fax"`},
		{"title: T\nlockIdle: abc\n", "site.yaml:2: cannot use !!str `abc` into int"},
		{"title: T\nportable: maybe\n", "site.yaml:2: cannot use !!str `maybe` into bool"},
		{"title: T\ncrisis: nope\n", "site.yaml:2: cannot use !!str `nope` into []config.CrisisLine"},
		{"title: T\ncheck:\n  readingLevel: high\n", "site.yaml:3: cannot use !!str `high` into float64"},
		{"title: T\nhosting:\n  htacces: true\n", `site.yaml:3: unknown key "htacces"`},
		{"title: T\nhosting:\n  htaccess: yes please\n", "site.yaml:3: cannot use !!str `yes please` into bool"},
		{"title: [a\n", "site.yaml:1: did not find expected ',' or ']'"},
		{"title: T\n\tlanguage: en\n", "site.yaml:2: found a tab character that violates indentation"},
		{"description: d\n", "site.yaml:1: title is required"},
		{"title: T\nclinic:\n  logo: img/logo.svg\n", "site.yaml:3: clinic.logo needs clinic.name: the logo's words for people who cannot see it"},
		{"title: T\nclinic:\n  name: A\n  logo: img/logo.pdf\n", `site.yaml:4: clinic.logo "img/logo.pdf" must be a PNG, SVG, JPEG or WebP picture`},
		{"title: ' '\n", "site.yaml:1: title is required"},
		{"title: T\nlockIdle: -3\n", "site.yaml:2: lockIdle -3 must be a number of minutes from 1 to 1440"},
		{"title: T\nlanguage: english!\nlockIdle: 2000\nstorageKey: My Key\nbaseURL: ftp://x\nbrandColor: red\n", `site.yaml:2: language "english!" is not a BCP 47 tag such as en or es-MX
site.yaml:3: lockIdle 2000 must be a number of minutes from 1 to 1440
site.yaml:4: storageKey "My Key" must be lower-case letters, digits and hyphens
site.yaml:5: baseURL "ftp://x" must be an absolute http or https URL
site.yaml:6: brandColor "red" must be a colour like "#2f6b72"`},
		{"title: T\ncrisis:\n  - label: ''\n    url: x\nclinic:\n  web: www.x.org\nquickExit:\n  url: /here\n", `site.yaml:3: crisis line 1 needs a label
site.yaml:3: crisis line 1 needs a number or a text
site.yaml:4: crisis line 1: url "x" must start with https:// or http://
site.yaml:6: clinic web address "www.x.org" must start with https:// or http://
site.yaml:8: quickExit url "/here" must start with https:// or http://`},
		{"title: T\nlanguages:\n  en:\n    name: E\n  'x_y':\n    crisis:\n      - label: A\n", `site.yaml:3: language "en" is already the site's main language
site.yaml:5: language "x_y" is not a BCP 47 tag such as es or es-MX
site.yaml:7: crisis line 1 of language x_y needs a number or a text`},
		{"title: T\ncrisis:\n  - label: A\n    number: call us\n  - label: B\n    sms: text-me\n    keyword: two words\n  - label: C\n    text: Ask\n    keyword: HOME\n    topic: Abuse\n", `site.yaml:4: crisis line 1: number "call us" has no digits to call
site.yaml:6: crisis line 2: sms "text-me" must be the number to text, such as 741741
site.yaml:7: crisis line 2: keyword "two words" must be one word, such as HOME
site.yaml:10: crisis line 3: keyword "HOME" needs the sms number to text it to
site.yaml:11: crisis line 3: topic "Abuse" must be lower-case words joined by hyphens, such as abuse`},
	} {
		s, err := Parse([]byte(c.yaml))
		if err == nil {
			t.Errorf("%q: no error, want %s", c.yaml, c.want)
			continue
		}
		if s != nil {
			t.Errorf("%q: a Site with the error", c.yaml)
		}
		if err.Error() != c.want {
			t.Errorf("%q:\ngot:\n%v\nwant:\n%s", c.yaml, err, c.want)
		}
	}
}

// TestLoad reads site.yaml from a file system; without one it is an error on the file.
func TestLoad(t *testing.T) {
	s, err := Load(fstest.MapFS{"site.yaml": {Data: []byte("title: From the folder\n")}})
	if err != nil || s.Title != "From the folder" {
		t.Errorf("Load: %+v, %v", s, err)
	}
	_, err = Load(fstest.MapFS{})
	if err == nil || !strings.HasPrefix(err.Error(), "site.yaml: ") {
		t.Errorf("Load without site.yaml: %v, want an error on site.yaml", err)
	}
}

// TestFor: a language's own title, description, footer and crisis lines replace the
// site's on its pages; what it leaves out stays the site's.
func TestFor(t *testing.T) {
	s, err := Parse([]byte(`title: Main
description: Main words.
footer: Main footer.
storageKey: shared
crisis:
  - label: Main line
    number: "1"
languages:
  es:
    name: Español
    title: Principal
    crisis:
      - label: Línea
        number: "2"
  fr:
    footer: Pied de page.
`))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.For("en"); got != s {
		t.Error("For the main language is not the site itself")
	}
	if got := s.For("de"); got != s {
		t.Error("For a language the site does not have is not the site itself")
	}
	es := s.For("es")
	if es == s {
		t.Fatal("For(es) is the site itself")
	}
	if es.Language != "es" || es.LanguageName != "Español" || es.Title != "Principal" ||
		es.Description != "Main words." || es.Footer != "Main footer." || es.StorageKey != "shared" ||
		len(es.Crisis) != 1 || es.Crisis[0].Label != "Línea" {
		t.Errorf("For(es) = %+v", es)
	}
	fr := s.For("fr")
	if fr.Language != "fr" || fr.LanguageName != "Français" || fr.Title != "Main" || fr.Footer != "Pied de page." ||
		len(fr.Crisis) != 1 || fr.Crisis[0].Label != "Main line" {
		t.Errorf("For(fr) = %+v", fr)
	}
	if s.Title != "Main" || s.Language != "en" || s.Crisis[0].Label != "Main line" {
		t.Errorf("For changed the site: %+v", s)
	}
	if got, want := s.Langs(), []string{"en", "es", "fr"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Langs() = %v, want %v", got, want)
	}
}

// TestTel: a crisis line's number as a tel: URL, its digits and a leading plus sign.
func TestTel(t *testing.T) {
	for number, want := range map[string]string{
		"988": "tel:988", "+44 116 123": "tel:+44116123", "(555) 010-0199": "tel:5550100199", "1+2": "tel:12",
		"": "", "none": "", "+": "",
	} {
		if got := (CrisisLine{Number: number}).Tel(); string(got) != want {
			t.Errorf("Tel of %q = %q, want %q", number, got, want)
		}
	}
}

// TestSMSURL: the number to text as an sms: URL, with the keyword as the message.
func TestSMSURL(t *testing.T) {
	for _, c := range []struct{ sms, keyword, want string }{
		{"741741", "HOME", "sms:741741?&body=HOME"},
		{"85 258", "", "sms:85258"},
		{"88788", "START NOW", "sms:88788?&body=START+NOW"},
		{"", "HOME", ""},
	} {
		if got := (CrisisLine{SMS: c.sms, Keyword: c.keyword}).SMSURL(); string(got) != c.want {
			t.Errorf("SMSURL of %q, %q = %q, want %q", c.sms, c.keyword, got, c.want)
		}
	}
}

// TestTopics: the box on every page has the lines without a topic; a topic's lines
// are its own, and every line is the lines of no topic in particular.
func TestTopics(t *testing.T) {
	s, err := Parse([]byte("title: T\ncrisis:\n  - {label: A, number: \"1\"}\n  - {label: B, number: \"2\", topic: abuse}\n  - {label: C, number: \"3\", topic: grief}\n  - {label: D, number: \"4\"}\n"))
	if err != nil {
		t.Fatal(err)
	}
	labels := func(lines []CrisisLine) string {
		var b strings.Builder
		for _, c := range lines {
			b.WriteString(c.Label)
		}
		return b.String()
	}
	for _, c := range []struct{ what, got, want string }{
		{"BoxLines", labels(s.BoxLines()), "AD"},
		{"TopicLines(abuse)", labels(s.TopicLines("abuse")), "B"},
		{"TopicLines(none)", labels(s.TopicLines("none")), ""},
		{"TopicLines()", labels(s.TopicLines("")), "ABCD"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
		}
	}
}
