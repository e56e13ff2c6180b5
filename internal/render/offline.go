package render

// The files for working offline and from the home screen (the service worker, the web
// app manifests, the app icons) are made by package offline; here they are given what
// they are made from and written.

import (
	"io/fs"
	"path"
	"strings"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/offline"
)

// writeOffline writes the icons, the manifests and sw.js. It runs after every other
// file is written, since sw.js lists them.
func (r *run) writeOffline() {
	icons, err := offline.Icons(imageColor(r.base.BrandColor), r.appLogo())
	r.fail(err)
	r.writeFiles(icons...)
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

// writeFiles writes files made by another package, minified by their type.
func (r *run) writeFiles(files ...offline.File) {
	for _, f := range files {
		r.write(f.Name, r.min.bytes(f.Type, f.Name, f.Data))
	}
}

// checkLogo reports a clinic.logo that names no file under static/.
func (r *run) checkLogo() {
	name := strings.TrimPrefix(r.base.Clinic.Logo, "/")
	if _, ok := r.assets[name]; name != "" && !ok {
		r.failf(config.File, r.base.Line("clinic.logo"), "clinic.logo: no file static/%s", name)
	}
}

// appLogo returns clinic.logo when it can be drawn as the app icon, a PNG of at least
// offline.MinLogo pixels on its longer side; else nil, and the icons are drawn from
// brandColor.
func (r *run) appLogo() *offline.Logo {
	name := strings.TrimPrefix(r.base.Clinic.Logo, "/")
	if !strings.EqualFold(path.Ext(name), ".png") {
		return nil
	}
	data, err := fs.ReadFile(r.src, path.Join("static", name))
	if err != nil {
		return nil // reported by checkLogo
	}
	logo, err := offline.DecodeLogo(data)
	if err != nil {
		r.failf(config.File, r.base.Line("clinic.logo"), "clinic.logo: static/%s is not a PNG image: %v", name, err)
		return nil
	}
	return logo
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
