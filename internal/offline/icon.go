package offline

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sync"

	"github.com/iptsite/iptsite/internal/diag"
)

// An appIcon is one picture of the app icon.
type appIcon struct {
	file    string
	size    int
	shape   iconShape
	purpose string // in the manifest; "" for an icon the manifest does not list
}

var appIcons = []appIcon{
	{"icons/icon-192.png", 192, iconRounded, "any"},
	{"icons/icon-512.png", 512, iconRounded, "any"},
	{"icons/maskable-512.png", 512, iconMaskable, "maskable"},
	{"icons/apple-touch-icon.png", 180, iconFull, ""},
}

// A Logo is a clinic's logo, to draw the app icons from instead of the favicon's design.
type Logo struct {
	img  image.Image
	hash string
}

// MinLogo is the fewest pixels a logo needs on its longer side to make app icons: the
// 512-pixel icon shows it at 410, and more enlargement than that looks blurred.
const MinLogo = 192

// DecodeLogo reads a PNG logo. It returns nil, and no error, for a picture too small to
// make the icons (see MinLogo). (An SVG logo cannot be drawn without a renderer iptsite
// does not have.)
func DecodeLogo(data []byte) (*Logo, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if b := img.Bounds(); max(b.Dx(), b.Dy()) < MinLogo {
		return nil, nil
	}
	return &Logo{img, Hash(data)}, nil
}

// iconCache keeps drawn icons across the rebuilds of iptsite serve: drawing and
// compressing them takes longer than building a small site.
var iconCache sync.Map // "size shape brand logo-hash" -> PNG bytes

// Icons returns the app icons as PNG files: drawn from logo, unless it is nil, else the
// favicon's design in the brand colour.
func Icons(brand color.NRGBA, logo *Logo) ([]File, error) {
	files := make([]File, len(appIcons))
	errs := make([]error, len(appIcons))
	var wg sync.WaitGroup
	for i, ic := range appIcons {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hash := ""
			if logo != nil {
				hash = logo.hash
			}
			k := fmt.Sprintf("%d %d %02x%02x%02x %s", ic.size, ic.shape, brand.R, brand.G, brand.B, hash)
			data, ok := iconCache.Load(k)
			if !ok {
				var img *image.NRGBA
				if logo != nil {
					img = drawLogoIcon(logo.img, ic.size, ic.shape)
				} else {
					img = drawIcon(ic.size, brand, ic.shape)
				}
				png, err := encodePNG(img)
				if err != nil {
					errs[i] = diag.Errorf(ic.file, 0, "drawing the app icon: %v", err)
					return
				}
				data, _ = iconCache.LoadOrStore(k, png)
			}
			files[i] = File{Name: ic.file, Data: data.([]byte)}
		}()
	}
	wg.Wait()
	var (
		drawn []File
		l     diag.List
	)
	for i, err := range errs {
		if err != nil {
			l.Add(err)
			continue
		}
		drawn = append(drawn, files[i])
	}
	return drawn, l.Err()
}

// An iconShape is how an app icon fills its square.
type iconShape int

const (
	// iconRounded is the favicon's design: a rounded square on a transparent
	// background, for the manifest's ordinary ("any") icons.
	iconRounded iconShape = iota
	// iconFull fills the whole square, for apple-touch-icon: iOS rounds the corners
	// itself and shows transparency as black.
	iconFull
	// iconMaskable fills the whole square and keeps the drawing inside the central
	// circle of 80% that every launcher's mask leaves visible.
	iconMaskable
)

// drawIcon draws static/favicon.svg's design (two circles, one filled and one a ring,
// white on the brand colour) as a size × size picture. The favicon is drawn on a grid
// of 32 units:
//
//	<rect width="32" height="32" rx="7"/>
//	<circle cx="12" cy="13" r="5" fill="#fff"/>
//	<circle cx="21" cy="19" r="5" fill="none" stroke="#fff" stroke-width="2.5"/>
//
// Pixels near an edge are sampled 4 × 4 times, to smooth it.
func drawIcon(size int, c color.NRGBA, shape iconShape) *image.NRGBA {
	brand := [3]float64{float64(c.R), float64(c.G), float64(c.B)}
	const n = 4 // samples per pixel along each axis, near an edge
	scale := 1.0
	if shape == iconMaskable {
		// The drawing reaches 12.1 units from the centre; the safe circle's radius
		// is 12.8. Shrinking a little more keeps it clear of the mask's edge.
		scale = 0.85
	}
	// at tells whether the point (x, y), in units, is inside the icon's square and
	// whether it is white, and how far it is from the nearest edge.
	at := func(x, y float64) (in, white bool, edge float64) {
		in, edge = true, math.Inf(1)
		if shape == iconRounded {
			d := roundedSquareDist(x, y, 32, 7)
			in, edge = d <= 0, math.Abs(d)
		}
		// The drawing, scaled about the centre.
		dx, dy := 16+(x-16)/scale, 16+(y-16)/scale
		d1 := math.Hypot(dx-12, dy-13)
		d2 := math.Hypot(dx-21, dy-19)
		white = d1 <= 5 || (d2 >= 3.75 && d2 <= 6.25)
		edge = math.Min(edge, scale*math.Min(math.Abs(d1-5), math.Min(math.Abs(d2-3.75), math.Abs(d2-6.25))))
		return in, white, edge
	}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	unit := 32 / float64(size)
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			in, white, edge := at((float64(px)+0.5)*unit, (float64(py)+0.5)*unit)
			cover, whites := 0.0, 0.0 // shares of the pixel inside the square; of those, white
			if edge > unit {          // further than half the pixel's diagonal
				if in {
					cover = 1
					if white {
						whites = 1
					}
				}
			} else {
				for sy := 0; sy < n; sy++ {
					for sx := 0; sx < n; sx++ {
						in, white, _ := at((float64(px)+(float64(sx)+0.5)/n)*unit, (float64(py)+(float64(sy)+0.5)/n)*unit)
						if in {
							cover++
							if white {
								whites++
							}
						}
					}
				}
				if cover > 0 {
					whites /= cover
				}
				cover /= n * n
			}
			if cover == 0 {
				continue
			}
			// Mix brand and white by the share of white; coverage is alpha.
			var c color.NRGBA
			c.R = uint8(math.Round(brand[0] + (255-brand[0])*whites))
			c.G = uint8(math.Round(brand[1] + (255-brand[1])*whites))
			c.B = uint8(math.Round(brand[2] + (255-brand[2])*whites))
			c.A = uint8(math.Round(255 * cover))
			img.SetNRGBA(px, py, c)
		}
	}
	return img
}

// roundedSquareDist is the signed distance from (x, y) to the edge of the square from 0
// to side with corners rounded to radius r: negative inside.
func roundedSquareDist(x, y, side, r float64) float64 {
	h := side/2 - r
	qx, qy := math.Abs(x-side/2)-h, math.Abs(y-side/2)-h
	return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - r
}

// encodePNG returns img as PNG.
func encodePNG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	e := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := e.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// drawLogoIcon draws a clinic's logo as an app icon: centred on white, which suits a
// logo made for paper or a web page, in a box of 80% of the icon (for a maskable icon,
// inside the safe circle). The logo is resampled with 4 × 4 bilinear samples per pixel
// (more when it is shrunk a lot), so edges stay smooth at every size.
func drawLogoIcon(logo image.Image, size int, shape iconShape) *image.NRGBA {
	src := image.NewNRGBA(logo.Bounds())
	draw.Draw(src, src.Bounds(), logo, logo.Bounds().Min, draw.Src)
	w, h := float64(src.Bounds().Dx()), float64(src.Bounds().Dy())
	fs := float64(size)
	k := 0.8 * fs / math.Max(w, h)
	if shape == iconMaskable {
		k = 0.8 * 0.92 * fs / math.Hypot(w, h) // the box's diagonal inside the safe circle
	}
	bw, bh := w*k, h*k
	x0, y0 := (fs-bw)/2, (fs-bh)/2
	n := max(4, min(8, int(math.Ceil(1/k))))

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	unit := 32 / fs
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			alpha := 1.0
			if shape == iconRounded {
				d := roundedSquareDist((float64(px)+0.5)*unit, (float64(py)+0.5)*unit, 32, 7) / unit
				alpha = math.Max(0, math.Min(1, 0.5-d))
				if alpha == 0 {
					continue
				}
			}
			r, g, b := 255.0, 255.0, 255.0
			if x, y := float64(px), float64(py); x+1 > x0 && x < x0+bw && y+1 > y0 && y < y0+bh {
				var sr, sg, sb, sa float64 // premultiplied sums
				for sy := 0; sy < n; sy++ {
					for sx := 0; sx < n; sx++ {
						lx := (x + (float64(sx)+0.5)/float64(n) - x0) / k
						ly := (y + (float64(sy)+0.5)/float64(n) - y0) / k
						if lx < 0 || ly < 0 || lx >= w || ly >= h {
							continue
						}
						cr, cg, cb, ca := bilinear(src, lx, ly)
						sr, sg, sb, sa = sr+cr, sg+cg, sb+cb, sa+ca
					}
				}
				m := float64(n * n)
				// The logo over white.
				r = sr/m + 255*(1-sa/m)
				g = sg/m + 255*(1-sa/m)
				b = sb/m + 255*(1-sa/m)
			}
			img.SetNRGBA(px, py, color.NRGBA{uint8(math.Round(r)), uint8(math.Round(g)), uint8(math.Round(b)), uint8(math.Round(255 * alpha))})
		}
	}
	return img
}

// bilinear samples img at (x, y), in pixels from its top left corner, and returns the
// colour premultiplied by its alpha, in 0-255 (alpha in 0-1).
func bilinear(img *image.NRGBA, x, y float64) (r, g, b, a float64) {
	bd := img.Bounds()
	x, y = x-0.5, y-0.5
	fx, fy := math.Floor(x), math.Floor(y)
	tx, ty := x-fx, y-fy
	for _, c := range [4]struct {
		dx, dy int
		w      float64
	}{{0, 0, (1 - tx) * (1 - ty)}, {1, 0, tx * (1 - ty)}, {0, 1, (1 - tx) * ty}, {1, 1, tx * ty}} {
		px := min(max(int(fx)+c.dx, 0), bd.Dx()-1) + bd.Min.X
		py := min(max(int(fy)+c.dy, 0), bd.Dy()-1) + bd.Min.Y
		p := img.NRGBAAt(px, py)
		pa := float64(p.A) / 255
		r += c.w * float64(p.R) * pa
		g += c.w * float64(p.G) * pa
		b += c.w * float64(p.B) * pa
		a += c.w * pa
	}
	return r, g, b, a
}
