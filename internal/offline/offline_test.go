package offline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"strings"
	"testing"
)

// TestWorker: the list holds every file but those for robots and sw.js itself, with
// the hashes given; its name and sw.js's VERSION are the hash of the list; the offline
// page of the language with the longest folder comes first, since "" matches every page.
func TestWorker(t *testing.T) {
	files := map[string]string{
		"index.html": "1111", "es/index.html": "2222", "css/site.abc.css": "3333",
		"sw.js": "4444", "robots.txt": "5555", "sitemap.xml": "6666",
	}
	langs := []Language{
		{Folder: "", Offline: Page{Lang: "en", Title: "You are offline", Body: "b", Home: "h", CSS: "css/site.abc.css"}},
		{Folder: "es/", Offline: Page{Lang: "es", Title: "Sin conexión", Body: "b", Home: "h", CSS: "css/site.abc.css"}},
	}
	list, sw, err := Worker(files, langs)
	if err != nil {
		t.Fatal(err)
	}
	wantList := `{"css/site.abc.css":"3333","es/index.html":"2222","index.html":"1111"}`
	if got, want := string(list.Data), "self.FILES = "+wantList+";\n"; got != want {
		t.Errorf("list:\n%s\nwant:\n%s", got, want)
	}
	version := Hash([]byte(wantList))
	if got, want := list.Name, "sw-files."+version+".js"; got != want {
		t.Errorf("list is named %s, want %s", got, want)
	}
	if list.Type != "" {
		t.Errorf("the list is minified as %s; minifying would unquote its keys", list.Type)
	}
	if sw.Name != "sw.js" || sw.Type != "application/javascript" {
		t.Errorf("worker is %s of type %s", sw.Name, sw.Type)
	}
	head := fmt.Sprintf("\"use strict\";\nimportScripts(%q);\nconst VERSION = %q;\nconst OFFLINE = [[\"es/\",{\"lang\":\"es\",\"title\":\"Sin conexión\",", list.Name, version)
	if !strings.HasPrefix(string(sw.Data), head) {
		t.Errorf("sw.js starts:\n%.300s\nwant:\n%s", sw.Data, head)
	}
	if string(sw.Code) != swCode {
		t.Error("sw.js does not end with the code of sw.js")
	}
	if langs[0].Folder != "" {
		t.Error("Worker reordered the caller's languages")
	}

	files["index.html"] = "7777"
	list2, sw2, _ := Worker(files, langs)
	if list2.Name == list.Name || bytes.Equal(sw2.Data, sw.Data) {
		t.Error("a changed file did not change the worker's version")
	}
}

func TestKillSwitch(t *testing.T) {
	f := KillSwitch()
	if f.Name != "sw.js" || f.Type != "" {
		t.Errorf("kill switch is %s of type %q", f.Name, f.Type)
	}
	for _, want := range []string{"caches.delete", "registration.unregister()"} {
		if !bytes.Contains(f.Data, []byte(want)) {
			t.Errorf("kill switch does not call %s", want)
		}
	}
	f.Data[0] = 'x'
	if KillSwitch().Data[0] == 'x' {
		t.Error("KillSwitch returns the package's own bytes")
	}
}

// TestManifest: a language in a folder gets its own manifest there, which starts at its
// home page and whose scope and icons reach up to the whole site.
func TestManifest(t *testing.T) {
	f, err := Manifest(App{Title: "Entendiendo la TIP", Description: "Ayuda", Lang: "es", Folder: "es/", BrandColor: "#AA3355"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "es/manifest.webmanifest" || f.Type != "application/json" {
		t.Errorf("manifest is %s of type %s", f.Name, f.Type)
	}
	var m manifest
	if err := json.Unmarshal(f.Data, &m); err != nil {
		t.Fatal(err)
	}
	want := manifest{
		Name: "Entendiendo la TIP", ShortName: "TIP", Description: "Ayuda", Lang: "es",
		StartURL: ".", Scope: "../", Display: "standalone", ThemeColor: "#AA3355", BackgroundColor: "#AA3355",
		Icons: []manifestIcon{
			{"../icons/icon-192.png", "192x192", "image/png", "any"},
			{"../icons/icon-512.png", "512x512", "image/png", "any"},
			{"../icons/maskable-512.png", "512x512", "image/png", "maskable"},
		},
	}
	if got, wantS := fmt.Sprint(m), fmt.Sprint(want); got != wantS {
		t.Errorf("manifest\n%s\nwant\n%s", got, wantS)
	}
	main, _ := Manifest(App{Title: "Clinic", Lang: "en", BrandColor: "#2f6b72"})
	if !regexp.MustCompile(`"scope": "\."`).Match(main.Data) || !bytes.Contains(main.Data, []byte(`"src": "icons/icon-192.png"`)) {
		t.Errorf("the main language's manifest:\n%s", main.Data)
	}
}

func TestShortName(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Clinic", "Clinic"},
		{"Twelve chars", "Twelve chars"},
		{"Understanding IPT", "IPT"},
		{"Riverside Family Clinic", "Riverside"},
		{"Entendiendo la TIP", "TIP"},
		{"A Very Long Clinic Name", "A Very Long"},
		{"Psychotherapeutics", "Psychothera…"},
	} {
		if got := shortName(c.title); got != c.want {
			t.Errorf("shortName(%q) = %q, want %q", c.title, got, c.want)
		}
	}
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestIcons: the four icons, of their sizes, from the brand colour or from a logo
// large enough; a logo that is not a PNG is an error, one too small is no logo.
// (The pictures themselves are checked through a build: internal/render's TestAppIcons
// and TestLogoIcons.)
func TestIcons(t *testing.T) {
	brand := color.NRGBA{0xaa, 0x33, 0x55, 0xff}
	logo, err := DecodeLogo(pngOf(t, 400, 200))
	if err != nil || logo == nil {
		t.Fatalf("DecodeLogo of a 400 × 200 PNG: %v, %v", logo, err)
	}
	if small, err := DecodeLogo(pngOf(t, MinLogo-1, 50)); small != nil || err != nil {
		t.Errorf("DecodeLogo of a small PNG: %v, %v; want nil, nil", small, err)
	}
	if _, err := DecodeLogo([]byte("<svg></svg>")); err == nil {
		t.Error("DecodeLogo of an SVG: no error")
	}
	want := map[string]int{"icons/icon-192.png": 192, "icons/icon-512.png": 512, "icons/maskable-512.png": 512, "icons/apple-touch-icon.png": 180}
	for _, l := range []*Logo{nil, logo} {
		files, err := Icons(brand, l)
		if err != nil {
			t.Fatal(err)
		}
		if len(files) != len(want) {
			t.Errorf("%d icons, want %d", len(files), len(want))
		}
		for _, f := range files {
			img, err := png.Decode(bytes.NewReader(f.Data))
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if s := img.Bounds().Dx(); s != want[f.Name] || img.Bounds().Dy() != s {
				t.Errorf("%s is %v, want %d pixels square", f.Name, img.Bounds().Size(), want[f.Name])
			}
			// The centre of the ring is brand-coloured, unless the logo is drawn.
			if got := color.NRGBAModel.Convert(img.At(img.Bounds().Dx()*21/32, img.Bounds().Dy()*19/32)); (got == brand) != (l == nil) {
				t.Errorf("%s (logo %v): the centre of the ring is %v", f.Name, l != nil, got)
			}
		}
	}
}

// TestHash: the hash of the list is the first 8 bytes of SHA-256, which sw.js computes
// with the browser's SubtleCrypto to check each file it keeps.
func TestHash(t *testing.T) {
	// SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
	if got, want := Hash([]byte("abc")), "ba7816bf8f01cfea"; got != want {
		t.Errorf("Hash(abc) = %s, want %s", got, want)
	}
	if !strings.Contains(swCode, `crypto.subtle.digest("SHA-256"`) || !strings.Contains(swCode, "slice(0, 8)") {
		t.Error("sw.js does not hash files as Hash does")
	}
}
