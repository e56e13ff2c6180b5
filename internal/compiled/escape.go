package compiled

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
)

// escapersOf returns the names of the escapers html/template put after the first command
// of p, joined by "|", or false when anything else follows it.
func escapersOf(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) < 2 {
		return "", false
	}
	var names []string
	for _, c := range p.Cmds[1:] {
		name, ok := escaper(c)
		if !ok {
			return "", false
		}
		names = append(names, name)
	}
	return strings.Join(names, "|"), true
}

// escaper returns the name of the escaper that the command c is.
func escaper(c *parse.CommandNode) (string, bool) {
	if len(c.Args) != 1 {
		return "", false
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok || !strings.HasPrefix(id.Ident, "_html_template_") {
		return "", false
	}
	return id.Ident, true
}

// escapeString returns s as the chain of escapers (as escapersOf names it) prints it,
// computed by html/template itself; false when there is no reference for the chain.
func escapeString(chain, s string) (string, bool) {
	ref := escapeRefs()[chain]
	if ref == nil {
		return "", false
	}
	return ref.escape(s)
}

// A chain is the escapers html/template put after a printed value: a string, an int,
// and the typed strings the first escaper passes as they are, go through their direct
// versions; any other value through html/template's, by a reference template with the
// same chain.
type chain struct {
	name   string
	direct []func(string) string
	ref    *escapeRef
	html   bool // the first escaper leaves template.HTML as it is
	url    bool // the first escaper (urlfilter) leaves template.URL as it is
}

// The escapers done directly, for a value that is a string.
var direct = map[string]func(string) string{
	"_html_template_htmlescaper":   htmlEscape,
	"_html_template_attrescaper":   htmlEscape,
	"_html_template_rcdataescaper": htmlEscape,
	"_html_template_urlfilter":     urlFilter,
	"_html_template_urlnormalizer": func(s string) string { return urlProcess(s, true) },
	"_html_template_urlescaper":    func(s string) string { return urlProcess(s, false) },
}

// chains are the chains made, by name: a chain is read only, and the same in every
// template of every language.
var chains sync.Map

func newChain(name string) (*chain, error) {
	if c, ok := chains.Load(name); ok {
		return c.(*chain), nil
	}
	c, err := makeChain(name)
	if err == nil {
		chains.Store(name, c)
	}
	return c, err
}

func makeChain(name string) (*chain, error) {
	c := &chain{name: name, ref: escapeRefs()[name]}
	if c.ref == nil {
		return nil, fmt.Errorf("escapers %s: not compiled", name)
	}
	for _, n := range strings.Split(name, "|") {
		f := direct[n]
		if f == nil {
			// Every value goes through html/template's escapers.
			c.direct = nil
			break
		}
		c.direct = append(c.direct, f)
	}
	c.html = strings.HasPrefix(name, "_html_template_htmlescaper")
	c.url = strings.HasPrefix(name, "_html_template_urlfilter")
	return c, nil
}

// escape returns s as the chain prints it, as escapeString does.
func (c *chain) escape(s string) (string, bool) {
	if out, ok := c.directly(reflect.ValueOf(s)); ok {
		return out, true
	}
	return c.ref.escape(s)
}

// directly returns v through the direct versions of the escapers, when they print it
// as html/template's do: a string; an int, which html/template's print as fmt.Sprint
// does and then escape as that string; template.HTML before the HTML escaper and
// template.URL before the URL filter, which pass them as they are.
func (c *chain) directly(v reflect.Value) (string, bool) {
	if c.direct == nil || !v.IsValid() {
		return "", false
	}
	fs := c.direct
	var s string
	switch t := v.Type(); {
	case t == stringType:
		s = v.String()
	case t == intType:
		s = strconv.FormatInt(v.Int(), 10)
	case t == htmlType && c.html, t == urlType && c.url:
		s, fs = v.String(), fs[1:]
	default:
		return "", false
	}
	for _, f := range fs {
		s = f(s)
	}
	return s, true
}

// write prints v through the chain.
func (c *chain) write(w *bytes.Buffer, v reflect.Value) error {
	if s, ok := c.directly(v); ok {
		w.WriteString(s)
		return nil
	}
	// Any other value, as html/template's escapers print it (nothing for no value).
	var x any
	if v.IsValid() {
		x = v.Interface()
	}
	out, ok := c.ref.escapeValue(x)
	if !ok {
		return errDecline
	}
	w.WriteString(out)
	return nil
}

// htmlEscape is html/template's htmlEscaper, attrEscaper and rcdataEscaper for a string.
func htmlEscape(s string) string {
	i := strings.IndexAny(s, "\x00\"&'+<>")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	written := 0
	for ; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
	return b.String()
}

// urlFilter is html/template's urlFilter for a string.
func urlFilter(s string) string {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// urlProcess is html/template's urlNormalizer (norm) and urlEscaper for a string.
func urlProcess(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte("0123456789abcdef"[c>>4])
		b.WriteByte("0123456789abcdef"[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// An escapeRef is a template that prints a value with one chain of escapers, between a
// prefix and a suffix printed as they are.
type escapeRef struct {
	t              *template.Template
	prefix, suffix string
}

// escape returns s as the reference's escapers print it.
func (r *escapeRef) escape(s string) (string, bool) { return r.escapeValue(s) }

func (r *escapeRef) escapeValue(v any) (string, bool) {
	var buf bytes.Buffer
	if r.t.Execute(&buf, v) != nil {
		return "", false
	}
	out, ok := strings.CutPrefix(buf.String(), r.prefix)
	if !ok {
		return "", false
	}
	return strings.CutSuffix(out, r.suffix)
}

// escapeRefs are the reference templates, by the chain of escapers html/template puts
// after their value: for the contexts where a template's text goes, text, attributes
// quoted and not, a title, a text area, links, styles, scripts and image sets. (A chain is
// a list of pure functions: any context that makes it makes the same text.)
var escapeRefs = sync.OnceValue(func() map[string]*escapeRef {
	refs := map[string]*escapeRef{}
	for _, src := range []string{
		`{{.}}`, `<p title="{{.}}">`, `<p title='{{.}}'>`, `<p title={{.}}>`, `<title>{{.}}</title>`,
		`<textarea>{{.}}</textarea>`, `<a href="{{.}}">`, `<a href="/x?q={{.}}">`, `<a href="#{{.}}">`,
		`<a href='{{.}}'>`, `<a href="mailto:{{.}}">`, `<a href='mailto:{{.}}'>`, `<a href=mailto:{{.}}>`,
		`<style>{{.}}</style>`, `<p style="color: {{.}}">`, `<p style='color: {{.}}'>`,
		`<script>var x = {{.}};</script>`, `<script>var x = "{{.}}";</script>`, `<script>var x = '{{.}}';</script>`,
		`<a onclick="f({{.}})">`, `<a onclick='f({{.}})'>`, `<a onclick="f('{{.}}')">`,
		`<img srcset="{{.}}">`, `<img srcset='{{.}}'>`,
	} {
		prefix, suffix, _ := strings.Cut(src, "{{.}}")
		t, err := template.New("ref").Parse(src)
		if err != nil || t.Execute(new(bytes.Buffer), "") != nil { // escapes it
			continue
		}
		for _, n := range t.Tree.Root.Nodes {
			if a, ok := n.(*parse.ActionNode); ok {
				if chain, ok := escapersOf(a.Pipe); ok && refs[chain] == nil {
					refs[chain] = &escapeRef{t: t, prefix: prefix, suffix: suffix}
				}
			}
		}
	}
	return refs
})
