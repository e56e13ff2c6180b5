package worksheet

import (
	"fmt"
	"html"
	"io"
	"strings"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type htmlRenderer struct {
	t func(string) string
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindField, func(w util.BufWriter, _ []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			n := n.(*Node)
			render(w, n.Field, r.t, n.crisis)
		}
		return gast.WalkSkipChildren, nil
	})
}

// Render returns the HTML of one field. t may be nil (English).
//
// The HTML is a complete blank form without script: repeatable fields have their
// first rows, visual fields have their form equivalent. Every control id starts
// with "f-<field id>_" (ids have no "_") so it never clashes with a heading id; the wrapper carries
// the field id itself, the anchor a therapist links to. Each type writes its own
// (its Render); a field whose type is unknown writes nothing.
func Render(f *Field, t func(string) string) string {
	var s strings.Builder
	render(&s, f, t, nil)
	return s.String()
}

// render writes what Render returns to w, with the HTML of the page's crisis lines (see
// WithCrisis): into the page as it is written, not into a string of its own first.
func render(w io.Writer, f *Field, t func(string) string, crisis func() string) {
	if typ := fieldType(f.Type, false); typ != nil {
		typ.Render(&builder{Writer: w, t: translator(t), f: f, p: "f-" + f.ID, crisis: crisis}, f)
	}
}

// A builder writes the HTML of one field.
type builder struct {
	io.Writer
	t func(string) string
	f *Field
	p string // control id prefix: f-<field id>
	// crisis returns the HTML of the site's crisis lines for the page (WithCrisis); nil: none
	crisis func() string
}

func e(s string) string { return html.EscapeString(s) }

func (b *builder) w(format string, args ...any) { fmt.Fprintf(b, format, args...) }

func (b *builder) hintAttr() string {
	if b.f.Hint == "" {
		return ""
	}
	return fmt.Sprintf(` aria-describedby="%s_hint"`, b.p)
}

func (b *builder) hint() {
	if b.f.Hint != "" {
		b.w("<p class=\"ws-hint\" id=\"%s_hint\">%s</p>\n", b.p, e(b.f.Hint))
	}
}

// open starts a group field: a fieldset whose legend is the label. data holds
// more attributes, each with its leading space.
func (b *builder) open(data ...string) {
	f := b.f
	b.w("<fieldset class=\"ws-field ws-%s\" id=\"%s\" data-field=\"%s\" data-type=\"%s\"%s%s>\n",
		f.Type, f.ID, f.ID, f.Type, strings.Join(data, ""), b.hintAttr())
	b.w("<legend class=\"ws-label\" id=\"%s_label\">%s</legend>\n", b.p, e(f.Label))
	b.hint()
}

func (b *builder) close() { b.w("</fieldset>\n") }

// tools renders the row buttons of a repeatable row; they work only with script.
func (b *builder) tools(row string) {
	b.w("<span class=\"ws-rowtools ws-js\">")
	for _, a := range [][2]string{{"up", "↑"}, {"down", "↓"}, {"remove", "×"}} {
		key := "worksheet.move-" + a[0]
		if a[0] == "remove" {
			key = "worksheet.remove"
		}
		b.w("<button type=\"button\" class=\"ws-icon\" data-act=\"%s\" aria-label=\"%s\" title=\"%s\" aria-describedby=\"%s-l\">%s</button>",
			a[0], e(b.t(key)), e(b.t(key)), row, a[1])
	}
	b.w("</span>")
}

// add renders the button that adds a row; it works only with script.
func (b *builder) add() {
	b.w("<button type=\"button\" class=\"ws-add ws-js\" data-act=\"add\" aria-describedby=\"%s_label\">%s</button>\n", b.p, e(b.t("worksheet.add")))
}
