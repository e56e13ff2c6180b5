package render

// Working offline and from the home screen.
//
// Every build ends by writing, at the root of the output:
//
//	sw.js                       the service worker: it keeps every file of the build on the
//	                            device, so pages and worksheets open without a network
//	manifest.webmanifest        the web app manifest ("Add to Home Screen"); each other
//	                            language gets <lang>/manifest.webmanifest, which starts there
//	icons/icon-192.png          the app icons: clinic.logo on white when it is a PNG of at
//	                            least 192 pixels, else the favicon's design in brandColor
//	icons/icon-512.png
//	icons/maskable-512.png      for launchers that cut icons to a circle or other shape
//	icons/apple-touch-icon.png  for iPhone and iPad
//
// sw.js imports sw-files.VERSION.js, the list of every other file of the build (except
// robots.txt and sitemap.xml) with a hash of its content, where VERSION is a hash of the
// list, so any change to the site makes a new worker.
// That worker downloads what changed, then waits; site.js shows "A new version is
// available" with a Reload button, rather than changing the pages under the reader. See
// sw.js in this package for how requests are answered.
//
// Under iptsite serve (Options.LiveReload) pages register no worker, and sw.js is one that
// removes itself and its caches, in case a browser kept a worker from a build that was
// opened at the same address before.

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"hash/crc64"
	"image"
	"image/png"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/config"
)

const (
	swFile       = "sw.js"
	manifestFile = "manifest.webmanifest"
)

//go:embed sw.js
var swCode string

// killSwitch is sw.js under iptsite serve.
const killSwitch = `// iptsite serve: no offline copy while editing. This worker replaces one from an
// earlier build at this address, deletes that build's caches and goes away.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil((async () => {
  const prefix = "iptsite " + new URL("./", self.location).href + " ";
  for (const k of await caches.keys()) if (k.startsWith(prefix)) await caches.delete(k);
  await self.registration.unregister();
  for (const c of await self.clients.matchAll({ type: "window" })) c.navigate(c.url);
})()));
`

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

// notCached are output files the service worker does not keep: they are for robots.
var notCached = map[string]bool{swFile: true, "robots.txt": true, "sitemap.xml": true}

// contentHash is the hash of a file's content in the service worker's list.
func contentHash(data []byte) string {
	// The list only has to notice a change, not resist a forger: CRC-64 is several
	// times faster than SHA-256 on a CPU without SHA instructions, and every page of
	// the build goes through it.
	return fmt.Sprintf("%016x", crc64.Checksum(data, crcTable))
}

var crcTable = crc64.MakeTable(crc64.ECMA)

// writeOffline writes the icons, the manifests and sw.js. It runs after every other
// file is written, since sw.js lists them.
func (r *run) writeOffline() {
	r.writeIcons()
	for _, b := range r.langs {
		b.writeManifest()
	}
	if r.opts.LiveReload {
		r.write(swFile, []byte(killSwitch))
		return
	}
	list, code, err := r.serviceWorker()
	if err != nil {
		r.fail(err)
		return
	}
	r.write(list.name, list.data)
	r.write(swFile, r.min.bytes("application/javascript", swFile, code))
}

// iconCache keeps drawn icons across the rebuilds of iptsite serve: drawing and
// compressing them takes longer than building a small site.
var iconCache sync.Map // "size shape #rrggbb" -> PNG bytes

func (r *run) writeIcons() {
	brand := parseHex(r.base.BrandColor)
	logo, logoHash := r.appLogo()
	var wg sync.WaitGroup
	for _, ic := range appIcons {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := fmt.Sprintf("%d %d %s %s", ic.size, ic.shape, strings.ToLower(r.base.BrandColor), logoHash)
			data, ok := iconCache.Load(k)
			if !ok {
				img := drawIcon(ic.size, brand, ic.shape)
				if logo != nil {
					img = drawLogoIcon(logo, ic.size, ic.shape)
				}
				png, err := encodePNG(img)
				if err != nil {
					r.failf(ic.file, 0, "drawing the app icon: %v", err)
					return
				}
				data, _ = iconCache.LoadOrStore(k, png)
			}
			r.write(ic.file, data.([]byte))
		}()
	}
	wg.Wait()
}

// minLogo is the fewest pixels a logo needs on its longer side to make app icons: the
// 512-pixel icon shows it at 410, and more enlargement than that looks blurred.
const minLogo = 192

// appLogo returns clinic.logo when it can be drawn as the app icon, a PNG of at least
// minLogo pixels on its longer side, and a hash of its file; else nil, and the icons are
// drawn from brandColor. (An SVG logo cannot be drawn without a renderer iptsite does
// not have.)
func (r *run) appLogo() (image.Image, string) {
	name := strings.TrimPrefix(r.base.Clinic.Logo, "/")
	if !strings.EqualFold(path.Ext(name), ".png") {
		return nil, ""
	}
	data, err := fs.ReadFile(r.src, path.Join("static", name))
	if err != nil {
		r.failf(config.File, r.base.Line("clinic.logo"), "clinic.logo: no file static/%s", name)
		return nil, ""
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		r.failf(config.File, r.base.Line("clinic.logo"), "clinic.logo: static/%s is not a PNG image: %v", name, err)
		return nil, ""
	}
	if b := img.Bounds(); max(b.Dx(), b.Dy()) < minLogo {
		return nil, ""
	}
	return img, contentHash(data)
}

// langFolder is the output folder of the language's pages: "" for the main language,
// else "es/".
func (b *builder) langFolder() string {
	if b.lang == b.base.Language {
		return ""
	}
	return b.lang + "/"
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

// writeManifest writes the language's web app manifest. The app starts at the
// language's home page; its scope is the whole site, so the language switch stays in it.
func (b *builder) writeManifest() {
	folder := b.langFolder()
	up := strings.Repeat("../", strings.Count(folder, "/"))
	m := manifest{
		Name:            b.cfg.Title,
		ShortName:       shortName(b.cfg.Title),
		Description:     b.cfg.Description,
		Lang:            b.lang,
		StartURL:        ".",
		Scope:           ".",
		Display:         "standalone",
		ThemeColor:      b.base.BrandColor,
		BackgroundColor: b.base.BrandColor,
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
		b.fail(err)
		return
	}
	name := folder + manifestFile
	b.write(name, b.min.bytes("application/json", name, data))
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

// offlineStrings are what sw.js says, in one language, when a page is not on the device.
type offlineStrings struct {
	Lang  string `json:"lang"`
	Title string `json:"title"`
	Body  string `json:"body"`
	Home  string `json:"home"`
	CSS   string `json:"css"`
}

// A fileList is the script that sets FILES for sw.js.
type fileList struct {
	name string // sw-files.VERSION.js
	data []byte
}

// serviceWorker returns sw.js (the strings, then the code) and the list of files it
// imports. The list is a file of its own, named after its hash, so that sw.js stays small:
// browsers fetch it each time a page of the site is opened, to look for a new version,
// and a list of thousands of pages weighs tens of kilobytes. It is not minified, which
// would unquote some keys.
func (r *run) serviceWorker() (fileList, []byte, error) {
	r.out.mu.Lock()
	files := map[string]string{}
	for name, h := range r.out.hashes {
		if !notCached[name] {
			files[name] = h
		}
	}
	r.out.mu.Unlock()
	list, err := json.Marshal(files) // keys sorted, so the same build gives the same worker
	if err != nil {
		return fileList{}, nil, err
	}
	version := contentHash(list)
	fl := fileList{name: "sw-files." + version + ".js", data: []byte("self.FILES = " + string(list) + ";\n")}

	type entry struct {
		folder string
		s      offlineStrings
	}
	var entries []entry
	for _, b := range r.langs {
		s := offlineStrings{Lang: b.lang, CSS: r.assets["css/site.css"]}
		for key, dst := range map[string]*string{"offline.title": &s.Title, "offline.body": &s.Body, "offline.home": &s.Home} {
			v, err := b.str.Format(key)
			if err != nil {
				return fileList{}, nil, err
			}
			*dst = v
		}
		entries = append(entries, entry{b.langFolder(), s})
	}
	// Longest folder first: the main language's "" matches every page.
	sort.SliceStable(entries, func(i, j int) bool { return len(entries[i].folder) > len(entries[j].folder) })
	offline := make([][2]any, len(entries))
	for i, e := range entries {
		offline[i] = [2]any{e.folder, e.s}
	}
	strs, err := json.Marshal(offline)
	if err != nil {
		return fileList{}, nil, err
	}

	var buf strings.Builder
	fmt.Fprintf(&buf, "\"use strict\";\nimportScripts(%q);\nconst VERSION = %q;\nconst OFFLINE = %s;\n",
		fl.name, version, strs)
	buf.WriteString(swCode)
	return fl, []byte(buf.String()), nil
}

// Manifest returns the URL of the web app manifest of the page's language, for
// <link rel="manifest">, or "" in a portable build: opened from disk, a browser may not
// read the manifest, and says so in the console of every page.
func (d *Data) Manifest() string {
	if d.b.cfg.Portable {
		return ""
	}
	return d.Rel("/" + d.b.langFolder() + manifestFile)
}

// ServiceWorker returns the URL of sw.js, which site.js registers, or "" under
// iptsite serve, where pages must always be fresh.
func (d *Data) ServiceWorker() string {
	if d.LiveReload {
		return ""
	}
	return d.Rel("/" + swFile)
}
