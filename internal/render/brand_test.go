package render

import (
	"regexp"
	"testing"
)

// TestBrandContrast checks that any brand colour comes out readable as link text on
// each background of the light and the dark theme.
func TestBrandContrast(t *testing.T) {
	vars := regexp.MustCompile(`--brand:(#[0-9a-f]{6});--brand-dark:(#[0-9a-f]{6})`)
	for _, c := range []string{"#2f6b72", "#ffdd00", "#000000", "#ffffff", "#7f7f7f", "#0000ff", "#ff0000"} {
		m := vars.FindStringSubmatch(brandCSS(c))
		if m == nil {
			t.Fatalf("brandCSS(%s) = %q", c, brandCSS(c))
		}
		for _, bg := range []string{"#fbfaf7", "#f1efe9", "#fff4e5"} {
			if r := contrast(parseHex(m[1]), parseHex(bg)); r < 4.5 {
				t.Errorf("brand %s: light %s on %s has contrast %.2f", c, m[1], bg, r)
			}
		}
		for _, bg := range []string{"#15191c", "#1f2529", "#2b2214"} {
			if r := contrast(parseHex(m[2]), parseHex(bg)); r < 4.5 {
				t.Errorf("brand %s: dark %s on %s has contrast %.2f", c, m[2], bg, r)
			}
		}
	}
}
