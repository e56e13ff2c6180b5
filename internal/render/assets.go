package render

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

type minifier struct {
	m     *minify.M
	on    bool
	cache *cache.Cache // for what every build minifies alike: static files, templates
}

func newMinifier(on bool) *minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.Add(goTemplate, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true,
		TemplateDelims: html.GoTemplateDelims})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	// The types of mediaTypes and package offline's files, by name: a pattern would be
	// compiled by every build.
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("text/xml", xml.Minify)
	return &minifier{m: m, on: on}
}

var mediaTypes = map[string]string{
	".css":         "text/css",
	".js":          "application/javascript",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".webmanifest": "application/json",
	".xml":         "text/xml",
	".html":        "text/html",
}

// goTemplate is the media type of an HTML template's source.
const goTemplate = "text/html+gotemplate"

// template minifies the source of an HTML template, leaving its actions as they are.
// Comments go first: the minifier reads a quote in an action as the start of a string, so
// an apostrophe in a comment ("the site's title") hid the rest of the file from it, which
// was then written with every line break. What a comment trims, it still trims.
func (m *minifier) template(text string) string {
	text = templateComment.ReplaceAllString(text, "{{$1/**/$2}}")
	return string(m.cached(goTemplate, "", []byte(text)))
}

// templateComment is a comment action, {{/* … */}}, with the marks that trim space.
var templateComment = regexp.MustCompile(`\{\{(- )?/\*[\s\S]*?\*/( -)?\}\}`)

// cachedJoin is cached for the data that join makes of the parts of key, found in the
// cache by those parts: join is called only when the entry must be made.
func (m *minifier) cachedJoin(mediatype, name string, key [][]byte, join func() []byte) []byte {
	if !m.on || m.cache == nil {
		return m.bytes(mediatype, name, join())
	}
	k := m.cache.Key("minify-joined", append([][]byte{[]byte(mediatype)}, key...)...)
	if out, ok := m.cache.Get(k); ok {
		return out
	}
	out := m.bytes(mediatype, name, join())
	m.cache.Put(k, out)
	return out
}

// cached is bytes, kept in the cache: for files that are the same from build to build.
func (m *minifier) cached(mediatype, name string, data []byte) []byte {
	if !m.on || mediatype == "" || m.cache == nil {
		return m.bytes(mediatype, name, data)
	}
	k := m.cache.Key("minify", []byte(mediatype), data)
	if out, ok := m.cache.Get(k); ok {
		return out
	}
	out := m.bytes(mediatype, name, data)
	m.cache.Put(k, out)
	return out
}

// bytes minifies data of the given media type; on failure it keeps data as written.
func (m *minifier) bytes(mediatype, name string, data []byte) []byte {
	if !m.on || mediatype == "" {
		return data
	}
	out, err := m.m.Bytes(mediatype, data)
	if err != nil {
		return data
	}
	return out
}

// fingerprinted files get a content hash in their names, so they can be cached forever.
func fingerprinted(name string) bool {
	return strings.HasSuffix(name, ".css") || strings.HasSuffix(name, ".js")
}

// copyStatic writes static/ to the output root, minified, CSS and JS under
// fingerprinted names. css/site.css starts with the brand colours (see brandCSS); the
// parts in static/js/<name>/ become one script, js/<name>.js (see scripts.go). It returns
// the map from path under static/ to output path.
func (b *run) copyStatic() map[string]string {
	names := map[string]string{}
	files, err := source.Files(b.src, "static")
	if err != nil {
		b.failf("static", 0, "%v", err)
	}
	scripts := map[string][]string{} // js/<name>.js -> its parts, in order
	for _, f := range files {
		rel := strings.TrimPrefix(f, "static/")
		if s, ok := scriptOf(rel); ok {
			scripts[s] = append(scripts[s], f)
			continue
		}
		data, err := fs.ReadFile(b.src, f)
		if err != nil {
			b.failf(f, 0, "%v", err)
			continue
		}
		if rel == "css/site.css" {
			data = append([]byte(brandCSS(b.base.BrandColor)), data...)
		}
		names[rel] = b.writeAsset(rel, data)
	}
	for _, s := range slices.Sorted(maps.Keys(scripts)) {
		if _, ok := names[s]; ok {
			b.failf("static/"+s, 0, "%s is also joined from static/%s/: put the script's parts there instead", s, strings.TrimSuffix(s, ".js"))
			continue
		}
		if j := b.newJoined(s, scripts[s]); j != nil {
			b.joined[s] = j // written for each page's fields, as pages ask (see variant)
			continue
		}
		names[s] = b.writeScript(s, withShared(s, scripts[s]))
	}
	return names
}

// writeAsset writes the static file rel, minified, and returns its output path:
// rel, or for CSS and JS rel with a hash of the content in its name.
func (b *run) writeAsset(rel string, data []byte) string {
	return b.writeMinified(rel, b.min.cached(mediaTypes[path.Ext(rel)], rel, data))
}

// writeMinified is writeAsset for data minified already.
func (b *run) writeMinified(rel string, data []byte) string {
	if rel == "css/site.css" {
		b.siteCSS = data
	}
	out := rel
	sum := sha256.Sum256(data) // for the name, and the service worker's list
	if fingerprinted(rel) {
		ext := path.Ext(rel)
		out = strings.TrimSuffix(rel, ext) + "." + hex.EncodeToString(sum[:])[:10] + ext
	}
	b.writeSummed(out, data, sum)
	return out
}

// hasFile reports whether site path p ("/img/a.png") names a static or content file.
func (b *builder) hasFile(p string) bool {
	p = strings.TrimPrefix(p, "/")
	if _, ok := b.assets[p]; ok {
		return true
	}
	_, ok := b.files[p]
	return ok
}
