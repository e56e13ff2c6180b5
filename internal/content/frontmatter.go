package content

import (
	"bytes"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/iptsite/iptsite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// FrontMatter holds the keys a page may set.
type FrontMatter struct {
	Title       string   `yaml:"title"`
	Description string   `yaml:"description"`
	Weight      int      `yaml:"weight"`
	Draft       bool     `yaml:"draft"`
	Slug        string   `yaml:"slug"`
	Aliases     []string `yaml:"aliases"`
	Layout      string   `yaml:"layout"`
	TOC         bool     `yaml:"toc"`
	Worksheet   bool     `yaml:"worksheet"`
	ID          string   `yaml:"id"`
	QuickExit   bool     `yaml:"quickExit"`
	Repeat      bool     `yaml:"repeat"`
	// Menu is where a top-level page is listed: "main" (the default) or "footer".
	Menu   string         `yaml:"menu"`
	Params map[string]any `yaml:"params"`
}

// knownKeys are the front-matter keys, from FrontMatter's yaml tags.
var knownKeys = func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[FrontMatter]()
	for i := range t.NumField() {
		keys[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = true
	}
	return keys
}()

// maxFrontMatter is the most front matter a page may have. The YAML decoder takes time
// that grows with the square of its size, and no page needs more than a few lines.
const maxFrontMatter = 64 << 10

// Parse reads one page's front matter. file is the path to name in errors.
// Parse returns a nil page only when the front matter cannot be read at all.
func Parse(file string, data []byte) (*Page, diag.List) {
	if line := notText(data); line > 0 {
		return nil, diag.List{diag.Errorf(file, line, "not UTF-8 text")}
	}
	start, end, after, err := fence(file, data)
	if err != nil {
		return nil, diag.List{err}
	}
	p := &Page{File: file, Lines: map[string]int{}}
	if errs := p.decode(data[start:end]); errs != nil {
		return nil, errs
	}
	errs := p.validate()
	p.Source = blank(data, after)
	return p, errs
}

// fence finds the front matter: it is data[start:end], and the Markdown starts at after.
func fence(file string, data []byte) (start, end, after int, err *diag.Error) {
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return 0, 0, 0, diag.Errorf(file, 1, "missing front matter: start the file with a line \"---\", then title: …, then \"---\"")
	}
	start = bytes.IndexByte(data, '\n') + 1
	for i := start; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		line := data[i:]
		next := len(data)
		if j >= 0 {
			line = data[i : i+j]
			next = i + j + 1
		}
		if string(bytes.TrimRight(line, " \t\r")) == "---" {
			return start, i, next, nil
		}
		if next-start > maxFrontMatter {
			return 0, 0, 0, diag.Errorf(file, 1, "front matter is over %d KB: keep it short (is its closing \"---\" line missing?)", maxFrontMatter>>10)
		}
		i = next
	}
	return 0, 0, 0, diag.Errorf(file, 1, "front matter is not closed: add a line \"---\" after it")
}

// notText returns the line of the first byte of data that is not UTF-8 text (invalid
// UTF-8, or a NUL, as in a binary file or UTF-16 text), or 0 when all of it is.
func notText(data []byte) int {
	bad := bytes.IndexByte(data, 0)
	if utf8.Valid(data) {
		if bad < 0 {
			return 0
		}
	} else {
		for i := 0; i < len(data) && (bad < 0 || i < bad); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 {
				bad = i
				break
			}
			i += n
		}
	}
	return bytes.Count(data[:bad], []byte("\n")) + 1
}

// decode reads the front matter yaml into p, with the line of each key.
func (p *Page) decode(yml []byte) diag.List {
	if p.decodePlain(yml) {
		return nil
	}
	return p.decodeYAML(yml)
}

// decodeYAML reads the front matter yaml into p with the YAML decoder.
func (p *Page) decodeYAML(yml []byte) diag.List {
	// One YAML parse: into a node, whose keys give their lines and are checked against
	// the known ones. Only a front matter that fails is decoded again, strictly, to word
	// every one of its problems with its line.
	var node yaml.Node
	ok := yaml.Unmarshal(yml, &node) == nil && len(node.Content) == 1 && node.Content[0].Kind == yaml.MappingNode
	if ok {
		m := node.Content[0]
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i].Value
			ok = ok && knownKeys[k]
			p.Lines[k] = m.Content[i].Line + 1
		}
		ok = ok && m.Decode(&p.FrontMatter) == nil
	}
	if ok {
		return nil
	}
	p.FrontMatter = FrontMatter{}
	return diag.DecodeYAML(p.File, 2, yml, &p.FrontMatter)
}

// validate reports values of the front matter that cannot be used.
func (p *Page) validate() diag.List {
	var errs diag.List
	if strings.TrimSpace(p.Title) == "" {
		errs.Addf(p.File, 1, "title is required in the front matter")
	}
	if p.Menu != "" && p.Menu != MenuMain && p.Menu != MenuFooter {
		errs.Addf(p.File, p.Line("menu"), "menu %q must be main or footer", p.Menu)
	}
	if p.Slug != "" && !validSlug(p.Slug) {
		errs.Addf(p.File, p.Line("slug"), "slug %q must be one URL segment, without / ? # %% or spaces", p.Slug)
	}
	if p.Repeat && !p.Worksheet {
		errs.Addf(p.File, p.Line("repeat"), "repeat: true is for a worksheet: add worksheet: true, or remove repeat")
	}
	for _, a := range p.Aliases {
		if strings.Contains(a, "://") || strings.ContainsAny(a, "?#") || strings.Contains(a, "..") {
			errs.Addf(p.File, p.Line("aliases"), "alias %q must be a path on this site, such as /old/page/", a)
		}
	}
	return errs
}

// blank returns a copy of data with its first n bytes (the front matter) blanked to
// spaces and newlines, so that line N of the Markdown is line N of the file.
func blank(data []byte, n int) []byte {
	src := make([]byte, len(data))
	copy(src, data)
	for i := 0; i < n; i++ {
		if src[i] != '\n' {
			src[i] = ' '
		}
	}
	return src
}
