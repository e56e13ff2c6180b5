package worksheet_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/iptsite/iptsite/internal/worksheet"
	"golang.org/x/net/html"
)

// FuzzWorksheet renders a worksheet page of any kind, and a translation of it when
// original is not empty, as the build does. It must never panic, must give each error one
// line of message at a line of the page, and what it writes must
// be safe under the site's strict Content-Security-Policy whatever the author typed: no
// script or style element, no event-handler (on…=) or style attribute, no javascript:
// address, and no value written unescaped, which would show as an element or attribute
// the renderers never make, or as elements that do not close in order. Its seeds are the
// in.md and original.md sections of the fixtures and docs/worksheets.md; go test runs
// them, make fuzz the target.
func FuzzWorksheet(f *testing.F) {
	pages := sitetest.Seeds(f, func(name string) bool { return name == "in.md" })
	originals := sitetest.Seeds(f, func(name string) bool { return name == "original.md" })
	for _, p := range pages {
		f.Add(p, []byte(nil))
	}
	for _, o := range originals {
		f.Add(o, o)
	}
	f.Add(sitetest.EveryField(f), []byte(nil))
	f.Fuzz(func(t *testing.T, page, original []byte) {
		var orig []*worksheet.Field
		if len(original) > 0 {
			var errs []*worksheet.Error
			if _, orig, errs = convert(t, original, "test"); len(errs) > 0 {
				return
			}
		}
		out, _, errs := translate(t, page, "test", orig)
		lines := bytes.Count(page, []byte("\n")) + 1
		for _, e := range errs {
			if e.Line < 1 || e.Line > lines || strings.Contains(e.Msg, "\n") {
				t.Errorf("error %q at line %d: want one line of message at a line of the page's %d", e.Msg, e.Line, lines)
			}
		}
		if len(errs) > 0 {
			return
		}
		if problem := unsafeHTML(out); problem != "" {
			t.Fatalf("%s in:\n%s", problem, out)
		}
	})
}

// elements are those the worksheet renderer and goldmark make; void ones are true.
var elements = map[string]bool{
	"input": true, "br": true, "hr": true, "img": true,
	"div": false, "span": false, "p": false, "label": false, "fieldset": false, "legend": false,
	"textarea": false, "select": false, "option": false, "button": false, "output": false,
	"table": false, "thead": false, "tbody": false, "tr": false, "th": false, "td": false,
	"ul": false, "ol": false, "li": false, "details": false, "summary": false, "time": false,
	"svg": false, "circle": false, "line": false, "text": false, "g": false, "path": false,
	"a": false, "em": false, "strong": false, "code": false, "pre": false, "blockquote": false,
	"h1": false, "h2": false, "h3": false, "h4": false, "h5": false, "h6": false, "del": false,
	"dl": false, "dt": false, "dd": false, "sup": false, "section": false, "template": false,
}

// attributes are those they write, besides data-* and aria-*.
var attributes = map[string]bool{
	"class": true, "id": true, "type": true, "name": true, "for": true, "value": true,
	"min": true, "max": true, "step": true, "rows": true, "scope": true, "role": true,
	"inputmode": true, "autocomplete": true, "title": true, "href": true, "src": true, "alt": true,
	"focusable": true, "checked": true, "disabled": true, "start": true, "rel": true,
	"viewbox": true, "cx": true, "cy": true, "r": true, "x": true, "y": true, "x1": true, "y1": true,
	"x2": true, "y2": true, "d": true, "hidden": true, "colspan": true, "align": true,
	"datetime": true, "open": true, "lang": true, "dir": true, "width": true, "height": true,
	"text-anchor": true, "transform": true, "placeholder": true, "maxlength": true, "tabindex": true,
}

// unsafeHTML returns what is wrong with out, or "".
func unsafeHTML(out string) string {
	z := html.NewTokenizer(strings.NewReader(out))
	var open []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err().Error()
			}
			if len(open) > 0 {
				return "<" + strings.Join(open, "> <") + "> not closed"
			}
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			void, ok := elements[tok.Data]
			if !ok {
				return "an element <" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				k := strings.ToLower(a.Key)
				if !attributes[k] && !strings.HasPrefix(k, "data-") && !strings.HasPrefix(k, "aria-") {
					return "an attribute " + a.Key + "=" + a.Val + " on <" + tok.Data + ">"
				}
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				if (k == "href" || k == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text")) {
					return "an address " + a.Val
				}
			}
			if !void && tt == html.StartTagToken {
				open = append(open, tok.Data)
			}
		case html.EndTagToken:
			tok := z.Token()
			if len(open) == 0 || open[len(open)-1] != tok.Data {
				return "</" + tok.Data + "> closes <" + strings.Join(open, "> <") + ">"
			}
			open = open[:len(open)-1]
		}
	}
}

// TestUnsafeHTML: the fuzz target's check finds what it is there to find.
func TestUnsafeHTML(t *testing.T) {
	for _, c := range []struct{ out, want string }{
		{`<div class="ws-field"><label for="f-a">A</label><input id="f-a"></div>`, ""},
		{`<label>a<script>x</script></label>`, "an element <script>"},
		{`<input value="a" onfocus="x">`, "an attribute onfocus=x on <input>"},
		{`<div style="color:red"></div>`, "an attribute style=color:red on <div>"},
		{`<input value="a"" b="">`, `an attribute "= on <input>`},
		{`<label>a<p>b</label>`, "</label> closes <label> <p>"},
		{`<a href="JavaScript:x">a</a>`, "an address JavaScript:x"},
		{`<span>`, "<span> not closed"},
	} {
		if got := unsafeHTML(c.out); got != c.want {
			t.Errorf("unsafeHTML(%s) = %q, want %q", c.out, got, c.want)
		}
	}
}
