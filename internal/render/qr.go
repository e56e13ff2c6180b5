package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/iptsite/iptsite/internal/content"
	qrcode "github.com/skip2/go-qrcode"
)

// qrCodes draws a QR code of each worksheet's absolute URL, for printed handouts.
// Without a baseURL there is no address to encode, and so no codes.
func (b *builder) qrCodes() map[*content.Page]template.HTML {
	codes := map[*content.Page]template.HTML{}
	if b.cfg.BaseURL == "" {
		return codes
	}
	for _, p := range b.sheets {
		u := b.cfg.BaseURL + strings.TrimPrefix(p.URL, "/")
		c := b.opts.Cache // a code changes only with its address and label
		svg, err := c.Do(c.Key("qr", []byte(u), []byte(p.Title)), func() ([]byte, error) {
			svg, err := qrSVG(u, p.Title)
			return []byte(svg), err
		})
		if err != nil {
			b.failf(p.File, 0, "making a QR code for %s: %v", u, err)
			continue
		}
		codes[p] = template.HTML(svg)
	}
	return codes
}

// qrSVG encodes text as a QR code drawn in SVG, one path of unit squares.
func qrSVG(text, label string) (template.HTML, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", err
	}
	bits := q.Bitmap()
	var d strings.Builder
	for y, row := range bits {
		for x, on := range row {
			if on {
				fmt.Fprintf(&d, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	n := len(bits)
	return template.HTML(fmt.Sprintf(
		`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		n, n, template.HTMLEscapeString("QR code: "+label), n, n, d.String())), nil
}
