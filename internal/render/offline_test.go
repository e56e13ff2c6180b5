package render_test

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
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/offline"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// worker reads the list of files, from the script sw.js imports, and the version.
func worker(t *testing.T, mem *output.Memory) (files map[string]string, version string) {
	t.Helper()
	sw, ok := mem.File("sw.js")
	if !ok {
		t.Fatal("no sw.js")
	}
	m := regexp.MustCompile(`importScripts\("(sw-files\.([0-9a-f]+)\.js)"\);\s*const VERSION\s*=\s*"([0-9a-f]+)"`).FindSubmatch(sw)
	if m == nil {
		t.Fatalf("sw.js does not start by importing its list of files:\n%.300s", sw)
	}
	if string(m[2]) != string(m[3]) {
		t.Errorf("sw.js imports %s but its VERSION is %s", m[1], m[3])
	}
	data, ok := mem.File(string(m[1]))
	if !ok {
		t.Fatalf("sw.js imports %s, which the build did not write", m[1])
	}
	list, ok := strings.CutPrefix(string(data), "self.FILES = ")
	list, ok2 := strings.CutSuffix(list, ";\n")
	if !ok || !ok2 {
		t.Fatalf("%s is not self.FILES = {...};", m[1])
	}
	if err := json.Unmarshal([]byte(list), &files); err != nil {
		t.Fatalf("%s: %v", m[1], err)
	}
	if got, want := string(m[3]), offline.Hash([]byte(list)); got != want {
		t.Errorf("sw.js VERSION is %s, want %s, the hash of the list", got, want)
	}
	return files, string(m[3])
}

// TestServiceWorkerListsTheBuild: sw.js lists every file of the build, with the hash of
// what was written, except the files for robots, itself and its list, and the files for
// web hosts (hosting.go), which hosts do not serve.
func TestServiceWorkerListsTheBuild(t *testing.T) {
	mem := buildDefault(t, render.Options{NoMinify: true, BaseURL: "https://clinic.example/ipt/"})
	files, _ := worker(t, mem)
	for _, name := range mem.Names() {
		data, _ := mem.File(name)
		h, listed := files[name]
		switch {
		case name == "sw.js" || name == "robots.txt" || name == "sitemap.xml" || strings.HasPrefix(name, "sw-files."),
			name == "_headers" || name == ".htaccess":
			if listed {
				t.Errorf("sw.js lists %s", name)
			}
		case !listed:
			t.Errorf("sw.js does not list %s", name)
		case h != offline.Hash(data):
			t.Errorf("sw.js lists %s with hash %s, but its content hashes to %s", name, h, offline.Hash(data))
		}
		delete(files, name)
	}
	for name := range files {
		t.Errorf("sw.js lists %s, which the build did not write", name)
	}
	for _, name := range []string{"index.html", "worksheets/goals/index.html", "manifest.webmanifest", "icons/maskable-512.png", "favicon.svg"} {
		if _, ok := mem.File(name); !ok {
			t.Errorf("the build has no %s", name)
		}
	}
}

// buildEdited builds the default site with text added to the end of one content file.
func buildEdited(t *testing.T, opts render.Options, file, text string) *output.Memory {
	t.Helper()
	site := sitetest.DefaultContent(t)
	site["content/"+file].Data = append(site["content/"+file].Data, "\n\n"+text+"\n"...)
	opts.Source = sitetest.Source(site)
	mem, _ := sitetest.Build(t, opts)
	return mem
}

// TestServiceWorkerVersion: the same site gives the same worker, byte for byte, so
// browsers do not download a site again for nothing; a change to one page gives a new
// version in which the other pages keep their hashes, so an update downloads little.
func TestServiceWorkerVersion(t *testing.T) {
	opts := render.Options{NoMinify: true}
	a, b := buildDefault(t, opts), buildDefault(t, opts)
	swA, _ := a.File("sw.js")
	swB, _ := b.File("sw.js")
	if !bytes.Equal(swA, swB) {
		t.Fatal("two builds of the same site wrote different sw.js")
	}
	filesA, versionA := worker(t, a)

	c := buildEdited(t, opts, "about-ipt.md", "One more sentence.")
	filesC, versionC := worker(t, c)
	if versionC == versionA {
		t.Fatal("a changed page did not change the worker's version")
	}
	if filesC["about-ipt/index.html"] == filesA["about-ipt/index.html"] {
		t.Error("the changed page kept its hash")
	}
	for _, same := range []string{"index.html", "glossary/index.html", "worksheets/goals/index.html", "icons/icon-512.png", "manifest.webmanifest"} {
		if filesC[same] == "" || filesC[same] != filesA[same] {
			t.Errorf("%s: hash %q, was %q: an unchanged file should keep its hash", same, filesC[same], filesA[same])
		}
	}
}

// TestServeModeWorker: under iptsite serve no page registers the worker, and sw.js is
// the one that removes an earlier build's worker.
func TestServeModeWorker(t *testing.T) {
	mem := buildDefault(t, render.Options{LiveReload: true})
	sw, _ := mem.File("sw.js")
	if !bytes.Equal(sw, offline.KillSwitch().Data) {
		t.Errorf("sw.js under serve is not the worker that removes itself:\n%.300s", sw)
	}
	for _, name := range mem.Names() {
		data, _ := mem.File(name)
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte("data-sw")) {
			t.Errorf("%s registers the service worker under serve", name)
		}
	}
	home, _ := mem.File("index.html")
	if !bytes.Contains(home, []byte(`<link rel="manifest" href="manifest.webmanifest">`)) {
		t.Error("the home page under serve does not link the manifest")
	}
	built := buildDefault(t, render.Options{})
	home, _ = built.File("index.html")
	if !bytes.Contains(home, []byte(`data-sw="sw.js"`)) {
		t.Error("the built home page does not register sw.js")
	}
}

func decodePNG(t *testing.T, mem *output.Memory, name string) image.Image {
	t.Helper()
	data, ok := mem.File(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return img
}

// TestAppIcons draws the favicon's design in the brand colour: the sizes the manifest
// names, transparent corners only where a launcher does not cut its own shape, white
// circles where the favicon has them.
func TestAppIcons(t *testing.T) {
	const brand = "#aa3355"
	yaml := regexp.MustCompile(`(?m)^brandColor: .*$`).ReplaceAll(sitetest.DefaultFile(t, "site.yaml"), []byte(`brandColor: "`+brand+`"`))
	mem, _ := sitetest.Build(t, render.Options{Source: sitetest.Source(fstest.MapFS{"site.yaml": {Data: yaml}})})
	var m struct {
		ThemeColor      string `json:"theme_color"`
		BackgroundColor string `json:"background_color"`
		Icons           []struct{ Src, Sizes string }
	}
	data, _ := mem.File("manifest.webmanifest")
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest.webmanifest: %v", err)
	}
	if m.ThemeColor != brand || m.BackgroundColor != brand {
		t.Errorf("manifest colours %s and %s, want the brand colour %s", m.ThemeColor, m.BackgroundColor, brand)
	}
	if len(m.Icons) != 3 {
		t.Fatalf("manifest has %d icons, want 3", len(m.Icons))
	}
	for _, ic := range m.Icons {
		img := decodePNG(t, mem, ic.Src)
		if got := fmt.Sprintf("%dx%d", img.Bounds().Dx(), img.Bounds().Dy()); got != ic.Sizes {
			t.Errorf("%s is %v, the manifest says %s", ic.Src, img.Bounds().Size(), ic.Sizes)
		}
	}

	brandC := color.NRGBA{0xaa, 0x33, 0x55, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	clear := color.NRGBA{}
	// at returns the colour at (x, y) in the favicon's 32 units.
	at := func(img image.Image, x, y float64) color.NRGBA {
		s := float64(img.Bounds().Dx()) / 32
		return color.NRGBAModel.Convert(img.At(int(x*s), int(y*s))).(color.NRGBA)
	}
	for _, c := range []struct {
		file               string
		corner, fill, ring color.NRGBA
	}{
		{"icons/icon-192.png", clear, white, white},
		{"icons/icon-512.png", clear, white, white},
		{"icons/maskable-512.png", brandC, white, white},
		{"icons/apple-touch-icon.png", brandC, white, white},
	} {
		img := decodePNG(t, mem, c.file)
		if got := at(img, 0, 0); got != c.corner {
			t.Errorf("%s: corner %v, want %v", c.file, got, c.corner)
		}
		if got := at(img, 16, 5); got != brandC {
			t.Errorf("%s: background %v, want the brand colour %v", c.file, got, brandC)
		}
		if got := at(img, 12, 13); got != c.fill {
			t.Errorf("%s: centre of the filled circle %v, want %v", c.file, got, c.fill)
		}
		if got := at(img, 21, 19); got != brandC {
			t.Errorf("%s: centre of the ring %v, want the brand colour %v", c.file, got, brandC)
		}
	}
	// The ring, 5 units from its centre, on the unscaled icons.
	if got := at(decodePNG(t, mem, "icons/icon-512.png"), 26, 19); got != white {
		t.Errorf("icon-512: the ring is %v, want white", got)
	}
	// The maskable icon keeps its drawing inside the safe circle (radius 40%).
	img := decodePNG(t, mem, "icons/maskable-512.png")
	for y := 0; y < 512; y++ {
		for x := 0; x < 512; x++ {
			dx, dy := float64(x)+0.5-256, float64(y)+0.5-256
			if dx*dx+dy*dy > 0.4*512*0.4*512 && color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) != brandC {
				t.Fatalf("maskable-512: pixel (%d, %d) outside the safe circle is not the brand colour", x, y)
			}
		}
	}
}

// buildWithLogo builds the default site with static/img/logo.png and clinic.logo naming it.
func buildWithLogo(t *testing.T, logo []byte) (*output.Memory, error) {
	t.Helper()
	yaml := regexp.MustCompile(`(?m)^  name: ""$`).ReplaceAll(sitetest.DefaultFile(t, "site.yaml"), []byte("  logo: img/logo.png\n  name: Riverside Clinic"))
	site := fstest.MapFS{"site.yaml": {Data: yaml}, "static/img/logo.png": {Data: logo}}
	mem := output.NewMemory()
	_, err := render.Build(render.Options{Source: sitetest.Source(site)}, mem)
	return mem, err
}

// logoPNG is a w × h logo: its left half red, its right half transparent.
func logoPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w/2; x++ {
			img.SetNRGBA(x, y, color.NRGBA{0xcc, 0, 0, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestLogoIcons: a PNG logo large enough becomes the app icon, on white; a small one
// leaves the brand design; a file that is not a PNG is an error at clinic.logo's line.
func TestLogoIcons(t *testing.T) {
	mem, err := buildWithLogo(t, logoPNG(t, 400, 200))
	if err != nil {
		t.Fatal(err)
	}
	red := color.NRGBA{0xcc, 0, 0, 0xff}
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	for _, c := range []struct {
		file   string
		corner color.NRGBA
	}{
		{"icons/icon-512.png", color.NRGBA{}},
		{"icons/icon-192.png", color.NRGBA{}},
		{"icons/maskable-512.png", white},
		{"icons/apple-touch-icon.png", white},
	} {
		img := decodePNG(t, mem, c.file)
		s := img.Bounds().Dx()
		px := func(fx, fy float64) color.NRGBA {
			return color.NRGBAModel.Convert(img.At(int(fx*float64(s)), int(fy*float64(s)))).(color.NRGBA)
		}
		if got := px(0, 0); got != c.corner {
			t.Errorf("%s: corner %v, want %v", c.file, got, c.corner)
		}
		if got := px(0.35, 0.5); got != red {
			t.Errorf("%s: the logo's left half is %v, want %v", c.file, got, red)
		}
		if got := px(0.65, 0.5); got != white {
			t.Errorf("%s: the logo's transparent half is %v, want white", c.file, got)
		}
		if got := px(0.5, 0.15); got != white {
			t.Errorf("%s: above the logo is %v, want white", c.file, got)
		}
	}

	mem, err = buildWithLogo(t, logoPNG(t, 100, 50))
	if err != nil {
		t.Fatal(err)
	}
	img := decodePNG(t, mem, "icons/icon-512.png")
	if got := color.NRGBAModel.Convert(img.At(256, 80)).(color.NRGBA); got != (color.NRGBA{0x2f, 0x6b, 0x72, 0xff}) {
		t.Errorf("with a logo of 100 pixels the icon is %v at the top, want the brand colour", got)
	}

	_, err = buildWithLogo(t, []byte("<svg></svg>"))
	if err == nil || !regexp.MustCompile(`^site\.yaml:\d+: clinic\.logo: static/img/logo\.png is not a PNG image: `).MatchString(err.Error()) {
		t.Errorf("a logo that is not a PNG: got error %v", err)
	}
}

// TestWorkerScript: sw.js, its settings minified each build and its code minified once
// and kept in the cache, is one script that parses, in strict mode, the same whether the
// code came from the cache or not, and the same code minified or not.
func TestWorkerScript(t *testing.T) {
	c := cache.New(t.TempDir())
	var scripts [][]byte
	for _, opts := range []render.Options{{Cache: c}, {Cache: c}, {}, {NoMinify: true}} {
		mem := buildDefault(t, opts)
		sw, ok := mem.File("sw.js")
		if !ok {
			t.Fatal("no sw.js")
		}
		if _, err := js.Parse(parse.NewInputBytes(sw), js.Options{}); err != nil {
			t.Errorf("sw.js (minified: %v) does not parse: %v\n%.300s", !opts.NoMinify, err, sw)
		}
		if !bytes.HasPrefix(sw, []byte(`"use strict";`)) {
			t.Errorf("sw.js does not start in strict mode: %.60s", sw)
		}
		scripts = append(scripts, sw)
	}
	if !bytes.Equal(scripts[0], scripts[1]) || !bytes.Equal(scripts[0], scripts[2]) {
		t.Error("sw.js with its code from the cache is not the one made without")
	}
	if len(scripts[3]) <= len(scripts[0]) || !bytes.Contains(scripts[3], []byte("self.addEventListener(")) {
		t.Errorf("sw.js not minified is %d bytes, minified %d", len(scripts[3]), len(scripts[0]))
	}
}
