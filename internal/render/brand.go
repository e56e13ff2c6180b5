package render

import (
	"fmt"
	"image/color"
	"math"
	"strconv"
)

// brandCSS returns the CSS variables for the brand colour, adjusted so that text in that
// colour keeps a contrast of at least 4.5:1 (WCAG AA) on the light and the dark background.
func brandCSS(hex string) string {
	c := parseHex(hex)
	// The backgrounds that links sit on in site.css: page, panel, crisis box.
	light := adjust(c, -1, parseHex("#fbfaf7"), parseHex("#f1efe9"), parseHex("#fff4e5"))
	dark := adjust(c, +1, parseHex("#15191c"), parseHex("#1f2529"), parseHex("#2b2214"))
	return fmt.Sprintf(":root{--brand:%s;--brand-dark:%s}\n", toHex(light), toHex(dark))
}

type rgb [3]float64

func parseHex(s string) rgb {
	var c rgb
	for i := range 3 {
		v, _ := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		c[i] = float64(v)
	}
	return c
}

// imageColor is the colour #rrggbb for drawing, as the app icons are.
func imageColor(hex string) color.NRGBA {
	c := parseHex(hex)
	return color.NRGBA{uint8(c[0]), uint8(c[1]), uint8(c[2]), 0xff}
}

func toHex(c rgb) string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c[0])), int(math.Round(c[1])), int(math.Round(c[2])))
}

func luminance(c rgb) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.03928 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

func contrast(a, b rgb) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// adjust mixes c towards black (dir -1) or white (dir +1) until it reaches 4.6:1 on
// every one of bgs.
func adjust(c rgb, dir int, bgs ...rgb) rgb {
	target := rgb{0, 0, 0}
	if dir > 0 {
		target = rgb{255, 255, 255}
	}
	out := c
	low := func() bool {
		for _, bg := range bgs {
			if contrast(out, bg) < 4.6 {
				return true
			}
		}
		return false
	}
	for t := 0.0; t <= 1 && low(); t += 0.02 {
		for i := range out {
			out[i] = c[i] + (target[i]-c[i])*t
		}
	}
	return out
}
