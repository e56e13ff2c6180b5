package render_test

import (
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

var (
	mainMenu   = regexp.MustCompile(`(?s)<nav class="menu".*?</nav>`)
	footerMenu = regexp.MustCompile(`(?s)<nav class="footer-menu".*?</nav>`)
	menuItem   = regexp.MustCompile(`<li><a href="([^"]*)"`)
	way        = regexp.MustCompile(`<li class="way"><h3><a href="([^"]*)">([^<]+)</a></h3><p>[^<]+</p></li>`)
)

// TestMenusOfTheDefaultSite: on every page of the default site the main menu has six
// entries at most, and every top-level page is in it or in the footer's list, once; the
// home page of each language shows the four ways in as cards; and with no clinic name or
// logo in site.yaml no page has a place for them.
func TestMenusOfTheDefaultSite(t *testing.T) {
	mem, res := sitetest.Build(t, render.Options{})
	for lang, site := range res.Sites {
		top := len(site.Root.Pages) + len(site.Root.Sections)
		home := "index.html"
		if lang != res.Config.Language {
			home = lang + "/index.html"
		}
		for _, p := range site.Pages {
			name := strings.TrimPrefix(p.URL, "/") + "index.html"
			data, ok := mem.File(name)
			if !ok {
				t.Fatalf("%s: not written", name)
			}
			if strings.Contains(string(data), "clinic-logo") || strings.Contains(string(data), "clinic-name") {
				t.Errorf("%s: shows a clinic's name or logo, but site.yaml sets none", name)
			}
			menu := menuItem.FindAllString(mainMenu.FindString(string(data)), -1)
			footer := menuItem.FindAllString(footerMenu.FindString(string(data)), -1)
			if len(menu) == 0 || len(menu) > 6 {
				t.Errorf("%s: the main menu has %d entries, want 1 to 6", name, len(menu))
			}
			if len(menu)+len(footer) != top {
				t.Errorf("%s: %d entries in the main menu and %d in the footer, want the %d top-level pages", name, len(menu), len(footer), top)
			}
		}
		data, _ := mem.File(home)
		cards := way.FindAllStringSubmatch(string(data), -1)
		if len(cards) != 4 {
			t.Errorf("%s: %d cards, want the four ways in", home, len(cards))
		}
		for _, c := range cards {
			if _, ok := mem.File(path.Join(path.Dir(home), c[1], "index.html")); !ok {
				t.Errorf("%s: the card %q opens %s, which is not a page", home, c[2], c[1])
			}
		}
	}
}
