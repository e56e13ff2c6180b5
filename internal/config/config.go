// Package config reads site.yaml, the file where a clinic names and brands its site.
//
// Every key, with the default site's values:
//
//	title: Interpersonal Psychotherapy      # the site's name, in the header and page titles
//	description: …                          # one sentence for link previews and search engines
//	language: en                            # BCP 47 tag: en, es, en-GB, …; picks i18n/<language>.yaml
//	baseURL: https://clinic.example/ipt/    # optional; turns on sitemap.xml and canonical links
//	portable: false                         # true: links end in index.html, so the folder works from disk
//	storageKey: ipt                         # prefix of saved worksheet answers; unique per site on one host
//	clinic:                                 # shown in the header and footer; all optional
//	  name: …                               # above the site's title, or the logo's alt text
//	  phone: …
//	  email: …
//	  address: …
//	  web: https://…
//	  logo: img/logo.svg                    # a file under static/ (PNG, SVG, JPEG or WebP), shown
//	                                        # in the header, needs name; a PNG of 192 pixels or
//	                                        # more is also the app icon
//	crisis:                                 # crisis lines: the box on every page, and help-now
//	  - label: Suicide & Crisis Lifeline
//	    number: "988"                       # a number to call: a tel: link, "Call 988"
//	    sms: "988"                          # a number to text: an sms: link, "Text 988"
//	    keyword: HOME                       # the word to text, put in the message: "Text HOME to …"
//	    text: Call or text 988              # optional words for the call link, or (with no
//	                                        # number and no sms) a line shown as it is
//	    url: https://988lifeline.org/       # the service's website, shown when there is no number
//	    topic: abuse                        # optional: a line for one topic, not in the box on
//	                                        # every page but on help-now and in the pages that ask
//	                                        # for it (see package markdown, crisis-lines blocks)
//	menu: [about-ipt.md, phases/_index.md]  # optional: content files in menu order (default: by weight),
//	                                        # at most six; the other top-level pages are in the footer
//	footer: …                               # a line of plain text at the foot of every page
//	brandColor: "#2f6b72"                   # #rrggbb; text on it is kept readable (WCAG AA)
//	lockIdle: 15                            # minutes idle before answers locked with a passphrase lock again
//	languageName: English                   # the main language's name in the language switch
//	languages:                              # other languages; their pages are in content/<tag>/
//	  es:
//	    name: Español
//	    title: …                            # title, description, footer and crisis replace the
//	    crisis: […]                         # main ones on that language's pages
//	quickExit:
//	  url: https://www.bbc.com/weather      # the neutral page the quick-exit button opens
//	  pages: [problem-areas/disputes.md]    # content files that show the button (or quickExit: true in a page)
//	check:                                  # what iptsite check (and serve) report; all optional
//	  readingLevel: 7                       # highest Flesch-Kincaid grade of a page
//	  pageWeight: 30                        # KB a page may weigh: HTML + CSS + JS, gzipped
//	  levels:                               # a rule's level: error (fails the check), warning or off
//	    reading-level: warning              # rule names: see iptsite check -h
//	hosting:                                # files for web hosts, besides _headers (docs/deploy.md)
//	  htaccess: true                        # write .htaccess for Apache (needs baseURL)
//
// Unknown keys and values of the wrong type are errors that name the line.
package config

import (
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/iptsite/iptsite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// File is the name of the configuration file at the root of a site.
const File = "site.yaml"

// Site is the parsed site.yaml.
type Site struct {
	Title       string       `yaml:"title"`
	Description string       `yaml:"description"`
	Language    string       `yaml:"language"`
	BaseURL     string       `yaml:"baseURL"`
	Portable    bool         `yaml:"portable"`
	StorageKey  string       `yaml:"storageKey"`
	Clinic      Clinic       `yaml:"clinic"`
	Crisis      []CrisisLine `yaml:"crisis"`
	Menu        []string     `yaml:"menu"`
	Footer      string       `yaml:"footer"`
	BrandColor  string       `yaml:"brandColor"`
	QuickExit   QuickExit    `yaml:"quickExit"`
	// LockIdle is how many idle minutes lock the answers again when a client has set a
	// passphrase lock on the device (default 15).
	LockIdle int `yaml:"lockIdle"`
	// LanguageName is the default language's name in its own words ("English"), for the language switch.
	LanguageName string `yaml:"languageName"`
	// Languages are the other languages of the site, by BCP 47 tag.
	Languages map[string]Language `yaml:"languages"`
	Check     CheckConfig         `yaml:"check"`
	// Hosting says which files for web hosts the build writes besides _headers.
	Hosting Hosting `yaml:"hosting"`

	// Lines maps a dotted key path ("crisis.0.label") to its line in site.yaml,
	// so later stages can point at the line of a value they reject.
	Lines map[string]int `yaml:"-"`
}

// A Language is another language the site is written in. Its pages live in
// content/<tag>/, mirroring the default language's files, and are built under /<tag>/.
// Each key it sets replaces the site's own for its pages.
type Language struct {
	Name        string       `yaml:"name"` // the language's name in its own words: Español
	Title       string       `yaml:"title"`
	Description string       `yaml:"description"`
	Footer      string       `yaml:"footer"`
	Crisis      []CrisisLine `yaml:"crisis"`
}

// Langs returns the site's languages: the default first, then the others in tag order.
func (s *Site) Langs() []string {
	out := []string{s.Language}
	var rest []string
	for l := range s.Languages {
		rest = append(rest, l)
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// For returns the settings as they apply to pages in language lang.
func (s *Site) For(lang string) *Site {
	l, ok := s.Languages[lang]
	if !ok || lang == s.Language {
		return s
	}
	c := *s
	c.Language = lang
	c.LanguageName = l.Name
	if l.Title != "" {
		c.Title = l.Title
	}
	if l.Description != "" {
		c.Description = l.Description
	}
	if l.Footer != "" {
		c.Footer = l.Footer
	}
	if l.Crisis != nil {
		c.Crisis = l.Crisis
	}
	return &c
}

// languageNames names common languages in their own words, for the language switch.
var languageNames = map[string]string{
	"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português",
	"it": "Italiano", "nl": "Nederlands", "pl": "Polski", "zh": "中文", "vi": "Tiếng Việt",
	"ko": "한국어", "ar": "العربية", "ru": "Русский", "tl": "Tagalog", "ht": "Kreyòl ayisyen",
}

func nameOf(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	if n, ok := languageNames[base]; ok {
		return n
	}
	return tag
}

// Hosting chooses the files for web hosts that a build writes (see package deploy and
// docs/deploy.md). _headers, for Netlify and Cloudflare Pages, is always written.
type Hosting struct {
	// Htaccess writes .htaccess, the headers and the 404 page for Apache. It needs
	// baseURL, since Apache takes the 404 page's address from the root of the host.
	Htaccess bool `yaml:"htaccess"`
}

// Clinic is who runs the site.
type Clinic struct {
	Name    string `yaml:"name"`
	Phone   string `yaml:"phone"`
	Email   string `yaml:"email"`
	Address string `yaml:"address"`
	Web     string `yaml:"web"`
	Logo    string `yaml:"logo"`
}

// CrisisLine is one way to get help now.
type CrisisLine struct {
	Label   string `yaml:"label"`
	Number  string `yaml:"number"`
	SMS     string `yaml:"sms"`
	Keyword string `yaml:"keyword"`
	Text    string `yaml:"text"`
	URL     string `yaml:"url"`
	Topic   string `yaml:"topic"`
}

// Tel returns the number as a tel: URL, or "" when there is no number.
// It is a template.URL because html/template would otherwise refuse the tel: scheme.
func (c CrisisLine) Tel() template.URL {
	if d := dialable(c.Number); d != "" {
		return template.URL("tel:" + d)
	}
	return ""
}

// SMSURL returns the text number as an sms: URL with the keyword as the message, or ""
// when there is none. The "?&body=" form is the one both iOS and Android read.
func (c CrisisLine) SMSURL() template.URL {
	d := dialable(c.SMS)
	if d == "" {
		return ""
	}
	if c.Keyword == "" {
		return template.URL("sms:" + d)
	}
	return template.URL("sms:" + d + "?&body=" + url.QueryEscape(c.Keyword))
}

// dialable keeps the digits of a number and a leading +.
func dialable(number string) string {
	var b strings.Builder
	for _, r := range number {
		if (r == '+' && b.Len() == 0) || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	if strings.Trim(b.String(), "+") == "" {
		return ""
	}
	return b.String()
}

// BoxLines returns the crisis lines shown in the box on every page: those without a topic.
func (s *Site) BoxLines() []CrisisLine {
	var out []CrisisLine
	for _, c := range s.Crisis {
		if c.Topic == "" {
			out = append(out, c)
		}
	}
	return out
}

// TopicLines returns the crisis lines of one topic, or every line when topic is "".
func (s *Site) TopicLines(topic string) []CrisisLine {
	var out []CrisisLine
	for _, c := range s.Crisis {
		if topic == "" || c.Topic == topic {
			out = append(out, c)
		}
	}
	return out
}

// QuickExit configures the "leave this page quickly" button.
type QuickExit struct {
	URL   string   `yaml:"url"`
	Pages []string `yaml:"pages"`
}

// Load reads and checks site.yaml from fsys.
func Load(fsys fs.FS) (*Site, error) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, diag.Errorf(File, 0, "%v", err)
	}
	return Parse(data)
}

// Parse parses and checks the contents of a site.yaml.
func Parse(data []byte) (*Site, error) {
	s := &Site{}
	if errs := diag.DecodeYAML(File, 1, data, s); errs != nil {
		return nil, errs.Err()
	}
	var root yaml.Node
	_ = yaml.Unmarshal(data, &root)
	s.Lines = map[string]int{}
	indexLines(&root, "", s.Lines)
	if errs := s.check(); errs != nil {
		return nil, errs.Err()
	}
	return s, nil
}

func indexLines(n *yaml.Node, prefix string, lines map[string]int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			indexLines(c, prefix, lines)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := prefix + n.Content[i].Value
			lines[k] = n.Content[i].Line
			indexLines(n.Content[i+1], k+".", lines)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			k := prefix + strconv.Itoa(i)
			lines[k] = c.Line
			indexLines(c, k+".", lines)
		}
	}
}

// Line returns the line of a dotted key in site.yaml, or 1 when it is not there.
func (s *Site) Line(key string) int {
	if l, ok := s.Lines[key]; ok {
		return l
	}
	return 1
}

func (s *Site) check() diag.List {
	var errs diag.List
	bad := func(key, format string, args ...any) {
		errs.Addf(File, s.Line(key), format, args...)
	}
	if strings.TrimSpace(s.Title) == "" {
		bad("title", "title is required")
	}
	if s.Language == "" {
		s.Language = "en"
	} else if !isLangTag(s.Language) {
		bad("language", "language %q is not a BCP 47 tag such as en or es-MX", s.Language)
	}
	if s.LockIdle == 0 {
		s.LockIdle = 15
	} else if s.LockIdle < 1 || s.LockIdle > 24*60 {
		bad("lockIdle", "lockIdle %d must be a number of minutes from 1 to 1440", s.LockIdle)
	}
	if s.LanguageName == "" {
		s.LanguageName = nameOf(s.Language)
	}
	for tag, l := range s.Languages {
		k := "languages." + tag
		switch {
		case !isLangTag(tag):
			bad(k, "language %q is not a BCP 47 tag such as es or es-MX", tag)
		case tag == s.Language:
			bad(k, "language %q is already the site's main language", tag)
		}
		if l.Name == "" {
			l.Name = nameOf(tag)
		}
		checkCrisis(l.Crisis, k+".", " of language "+tag, bad)
		s.Languages[tag] = l
	}
	if s.StorageKey == "" {
		s.StorageKey = "ipt"
	} else if !isHyphenated(s.StorageKey, isLowerOrDigit) {
		bad("storageKey", "storageKey %q must be lower-case letters, digits and hyphens", s.StorageKey)
	}
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("baseURL", "baseURL %q must be an absolute http or https URL", s.BaseURL)
		} else if !strings.HasSuffix(s.BaseURL, "/") {
			s.BaseURL += "/"
		}
	}
	if s.BrandColor == "" {
		s.BrandColor = "#2f6b72"
	} else if !isHexColor(s.BrandColor) {
		bad("brandColor", "brandColor %q must be a colour like \"#2f6b72\"", s.BrandColor)
	}
	checkCrisis(s.Crisis, "", "", bad)
	if s.Clinic.Web != "" && !isWebURL(s.Clinic.Web) {
		bad("clinic.web", "clinic web address %q must start with https:// or http://", s.Clinic.Web)
	}
	if l := s.Clinic.Logo; l != "" {
		switch ext := strings.ToLower(path.Ext(l)); {
		case ext != ".png" && ext != ".svg" && ext != ".jpg" && ext != ".jpeg" && ext != ".webp":
			bad("clinic.logo", "clinic.logo %q must be a PNG, SVG, JPEG or WebP picture", l)
		case strings.TrimSpace(s.Clinic.Name) == "":
			bad("clinic.logo", "clinic.logo needs clinic.name: the logo's words for people who cannot see it")
		}
	}
	if s.QuickExit.URL == "" {
		s.QuickExit.URL = "https://www.bbc.com/weather"
	} else if !isWebURL(s.QuickExit.URL) {
		bad("quickExit.url", "quickExit url %q must start with https:// or http://", s.QuickExit.URL)
	}
	return errs
}

func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// checkCrisis reports what is wrong with the crisis lines under key prefix ("" or
// "languages.es."); where names the language in messages.
func checkCrisis(lines []CrisisLine, prefix, where string, bad func(key, format string, args ...any)) {
	for i, c := range lines {
		k := prefix + "crisis." + strconv.Itoa(i)
		if strings.TrimSpace(c.Label) == "" {
			bad(k, "crisis line %d%s needs a label", i+1, where)
		}
		if c.Number == "" && c.SMS == "" && c.Text == "" {
			bad(k, "crisis line %d%s needs a number or a text", i+1, where)
		}
		if c.Number != "" && dialable(c.Number) == "" {
			bad(k+".number", "crisis line %d%s: number %q has no digits to call", i+1, where, c.Number)
		}
		if c.SMS != "" && !isSMSNumber(c.SMS) {
			bad(k+".sms", "crisis line %d%s: sms %q must be the number to text, such as 741741", i+1, where, c.SMS)
		}
		if c.Keyword != "" && c.SMS == "" {
			bad(k+".keyword", "crisis line %d%s: keyword %q needs the sms number to text it to", i+1, where, c.Keyword)
		} else if c.Keyword != "" && !isWord(c.Keyword) {
			bad(k+".keyword", "crisis line %d%s: keyword %q must be one word, such as HOME", i+1, where, c.Keyword)
		}
		if c.URL != "" && !isWebURL(c.URL) {
			bad(k+".url", "crisis line %d%s: url %q must start with https:// or http://", i+1, where, c.URL)
		}
		if c.Topic != "" && !isHyphenated(c.Topic, isLower) {
			bad(k+".topic", "crisis line %d%s: topic %q must be lower-case words joined by hyphens, such as abuse", i+1, where, c.Topic)
		}
	}
}
