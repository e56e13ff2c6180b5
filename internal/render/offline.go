package render

// The files for working offline and from the home screen (the service worker, the web
// app manifests, the app icons) are made by package offline; here they are given what
// they are made from and written.

import (
	"io/fs"
	"path"
	"strings"

	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/offline"
)

// writeOffline writes the icons, the manifests and sw.js. It runs after every other
// file is written, since sw.js lists them.
func (r *run) writeOffline() {
	r.writeFiles(r.icons()...)
	r.writeManifests()
	if r.opts.LiveReload {
		r.writeFiles(offline.KillSwitch())
		return
	}
	list, sw, err := r.serviceWorker()
	if err != nil {
		r.fail(err)
		return
	}
	r.writeFiles(list, sw)
}

// writeManifests writes each language's web app manifest.
func (r *run) writeManifests() {
	for _, b := range r.langs {
		m, err := offline.Manifest(offline.App{
			Title:       b.cfg.Title,
			Description: b.cfg.Description,
			Lang:        b.lang,
			Folder:      b.langFolder(),
			BrandColor:  b.base.BrandColor,
		})
		if err != nil {
			r.fail(err)
			continue
		}
		r.writeFiles(m)
	}
}

// writeFiles writes files made by another package, minified by their type; the Code of
// one (sw.js's) is minified once and kept in the cache: minifying it was the longest
// step after the last page.
func (r *run) writeFiles(files ...offline.File) {
	for _, f := range files {
		data := r.min.bytes(f.Type, f.Name, f.Data)
		if f.Code != nil {
			data = append(append(data, ';'), r.min.cached(f.Type, f.Name, f.Code)...)
		}
		r.write(f.Name, data)
	}
}

// icons returns the app icons, drawn from the brand colour or the logo, or as the cache
// kept them: drawing and compressing four PNGs costs more than building a small site.
// Only icons drawn without a problem are kept, so a hit has no problem to report.
func (r *run) icons() []offline.File {
	brand := imageColor(r.base.BrandColor)
	name, data := r.logoFile()
	c := r.opts.Cache
	key := c.Key("icons", []byte{brand.R, brand.G, brand.B, brand.A}, []byte(name), data)
	if entry, ok := c.Get(key); ok {
		if files, ok := unpackFiles(entry); ok {
			return files
		}
	}
	logo, ok := r.appLogo(name, data)
	icons, err := offline.Icons(brand, logo)
	r.fail(err)
	if ok && err == nil {
		c.Put(key, packFiles(icons))
	}
	return icons
}

// checkLogo reports a clinic.logo that names no file under static/.
func (r *run) checkLogo() {
	name := strings.TrimPrefix(r.base.Clinic.Logo, "/")
	if _, ok := r.assets[name]; name != "" && !ok {
		r.failf(config.File, r.base.Line("clinic.logo"), "clinic.logo: no file static/%s", name)
	}
}

// logoFile returns clinic.logo's name under static/ and its bytes when it is a PNG, which
// can be drawn as the app icon; "" when it is not; nil bytes when it cannot be read.
func (r *run) logoFile() (string, []byte) {
	name := strings.TrimPrefix(r.base.Clinic.Logo, "/")
	if !strings.EqualFold(path.Ext(name), ".png") {
		return "", nil
	}
	data, _ := fs.ReadFile(r.src, path.Join("static", name))
	return name, data
}

// appLogo returns the logo logoFile read when it can be drawn as the app icon, a PNG of
// at least offline.MinLogo pixels on its longer side; else nil, and the icons are drawn
// from brandColor. It reports false when the logo has a problem, which it reports.
func (r *run) appLogo(name string, data []byte) (*offline.Logo, bool) {
	if name == "" {
		return nil, true
	}
	if data == nil {
		return nil, false // reported by checkLogo
	}
	logo, err := offline.DecodeLogo(data)
	if err != nil {
		r.failf(config.File, r.base.Line("clinic.logo"), "clinic.logo: static/%s is not a PNG image: %v", name, err)
		return nil, false
	}
	return logo, true
}

// packFiles and unpackFiles turn files into one cache entry and back.
func packFiles(files []offline.File) []byte {
	var pieces [][]byte
	for _, f := range files {
		pieces = append(pieces, []byte(f.Name), []byte(f.Type), f.Data)
	}
	return cache.Pack(pieces...)
}

func unpackFiles(entry []byte) ([]offline.File, bool) {
	pieces, ok := cache.Unpack(entry)
	if !ok || len(pieces)%3 != 0 || len(pieces) == 0 {
		return nil, false
	}
	var files []offline.File
	for i := 0; i < len(pieces); i += 3 {
		files = append(files, offline.File{Name: string(pieces[i]), Type: string(pieces[i+1]), Data: pieces[i+2]})
	}
	return files, true
}

// serviceWorker returns the list of files of the build and sw.js, which imports it.
func (r *run) serviceWorker() (list, sw offline.File, err error) {
	r.out.mu.Lock()
	files := make(map[string]string, len(r.out.hashes))
	for name, h := range r.out.hashes {
		files[name] = h
	}
	r.out.mu.Unlock()
	var langs []offline.Language
	for _, b := range r.langs {
		page := offline.Page{Lang: b.lang, CSS: r.assets["css/site.css"]}
		for key, dst := range map[string]*string{"offline.title": &page.Title, "offline.body": &page.Body, "offline.home": &page.Home} {
			v, err := b.str.Format(key)
			if err != nil {
				return list, sw, err
			}
			*dst = v
		}
		langs = append(langs, offline.Language{Folder: b.langFolder(), Offline: page})
	}
	return offline.Worker(files, langs)
}

// Manifest returns the URL of the web app manifest of the page's language, for
// <link rel="manifest">, or "" in a portable build: opened from disk, a browser may not
// read the manifest, and says so in the console of every page.
func (d *Data) Manifest() string {
	if d.b.cfg.Portable {
		return ""
	}
	return d.Rel("/" + d.b.langFolder() + offline.ManifestFile)
}

// ServiceWorker returns the URL of sw.js, which site.js registers, or "" under
// iptsite serve, where pages must always be fresh.
func (d *Data) ServiceWorker() string {
	if d.LiveReload {
		return ""
	}
	return d.Rel("/" + offline.WorkerFile)
}
