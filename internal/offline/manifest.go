package offline

import (
	"encoding/json"
	"fmt"
	"strings"
)

// An App is what the web app manifest of one language says.
type App struct {
	Title       string // site.yaml title, in the language
	Description string
	Lang        string
	Folder      string // the output folder of the language's pages: "" or "es/"
	BrandColor  string // site.yaml brandColor, as written: the colour of the title bar
}

type manifest struct {
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description,omitempty"`
	Lang            string         `json:"lang"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	ThemeColor      string         `json:"theme_color"`
	BackgroundColor string         `json:"background_color"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
}

// Manifest returns the language's web app manifest, <Folder>manifest.webmanifest. The app
// starts at the language's home page; its scope is the whole site, so the language
// switch stays in it.
func Manifest(a App) (File, error) {
	up := strings.Repeat("../", strings.Count(a.Folder, "/"))
	m := manifest{
		Name:            a.Title,
		ShortName:       shortName(a.Title),
		Description:     a.Description,
		Lang:            a.Lang,
		StartURL:        ".",
		Scope:           ".",
		Display:         "standalone",
		ThemeColor:      a.BrandColor,
		BackgroundColor: a.BrandColor,
	}
	if up != "" {
		m.Scope = up
	}
	for _, ic := range appIcons {
		if ic.purpose == "" {
			continue
		}
		s := fmt.Sprint(ic.size)
		m.Icons = append(m.Icons, manifestIcon{Src: up + ic.file, Sizes: s + "x" + s, Type: "image/png", Purpose: ic.purpose})
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return File{}, err
	}
	return File{Name: a.Folder + ManifestFile, Data: data, Type: "application/json"}, nil
}

// shortName is the name under the icon on a home screen, where about 12 characters fit:
// the title when it is that short, else its first word in capitals of two or more
// letters ("Understanding IPT" gives "IPT"), else the words of the title that fit.
func shortName(title string) string {
	const max = 12
	if len([]rune(title)) <= max {
		return title
	}
	words := strings.Fields(title)
	for _, w := range words {
		if len([]rune(w)) >= 2 && len([]rune(w)) <= max && w == strings.ToUpper(w) && strings.ToLower(w) != w {
			return w
		}
	}
	s := ""
	for _, w := range words {
		if len([]rune(s+" "+w)) > max+1 {
			break
		}
		s = strings.TrimSpace(s + " " + w)
	}
	if s == "" {
		return string([]rune(title)[:max-1]) + "…"
	}
	return s
}
