package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"strings"

	"github.com/iptsite/iptsite/internal/content"
)

// CSP is the Content-Security-Policy of every page: nothing from other hosts, no inline
// script or style, no plug-ins, no form posts, no <base> tricks.
const CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'"

// CSP returns the policy for templates' <meta http-equiv="Content-Security-Policy">.
func (d *Data) CSP() string { return d.b.pageCSP(d.inline) }

// pageCSP is the policy of a page, which with inline allows the site's stylesheet held in
// the page, by its hash. The headers of package deploy are made from it (hosting.go).
func (r *run) pageCSP(inline bool) string {
	if inline {
		sum := sha256.Sum256(r.siteCSS)
		return CSP + "; style-src 'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return CSP
}

// InlineCSS is the site's stylesheet, for a page that holds it in a style element (the
// 404 page without baseURL); "" for the others, which link it.
func (d *Data) InlineCSS() template.CSS {
	if !d.inline {
		return ""
	}
	return template.CSS(d.b.siteCSS)
}

func (r *run) writeExtras() {
	r.langs[0].writeNotFound()
	for _, b := range r.langs {
		b.writeAliases()
	}
	r.writeSitemap()
	r.writeRobots()
}

func (b *builder) writeNotFound() {
	if b.tmpl.layouts["404"] == "" {
		return
	}
	p := &content.Page{Kind: content.KindPage, URL: "/404.html", File: "templates/404.html", Path: "404.html"}
	p.Title = b.str.T("notfound.title")
	d := b.data(p, p.URL)
	// A host serves the 404 page at any missing address, however deep. With baseURL its
	// URLs are absolute; without, no relative URL reaches the stylesheet from every depth,
	// so the page holds it, allowed by its hash.
	d.abs = true
	d.inline = b.cfg.BaseURL == ""
	d.Canonical = ""
	html, err := b.tmpl.execute("404", d, nil)
	if err != nil {
		b.fail(err)
		return
	}
	b.writeHTML("/404.html", html)
}

var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.URL}}">
<link rel="canonical" href="{{.Canonical}}">
<title>{{.Heading}}</title></head>
<body><p>{{.Body}}: <a href="{{.URL}}">{{.Title}}</a></p></body></html>
`))

// writeAliases writes a small redirect page at each alias, so old links keep working.
func (b *builder) writeAliases() {
	for _, p := range b.site.Pages {
		for _, a := range p.Aliases {
			u := "/" + strings.Trim(a, "/") + "/"
			rel := b.rel(u, p.URL, false)
			canonical := rel
			if b.cfg.BaseURL != "" {
				canonical = b.cfg.BaseURL + strings.TrimPrefix(p.URL, "/")
			}
			var buf bytes.Buffer
			err := aliasPage.Execute(&buf, map[string]string{
				"Lang": b.cfg.Language, "CSP": CSP, "URL": rel, "Canonical": canonical,
				"Heading": b.str.T("alias.title"), "Body": b.str.T("alias.body"), "Title": p.Title,
			})
			if err != nil {
				b.fail(err)
				continue
			}
			b.write(strings.TrimPrefix(u, "/")+"index.html", b.min.bytes("text/html", u, buf.Bytes()))
		}
	}
}

var sitemap = template.Must(template.New("sitemap").Parse(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
{{range .}}<url><loc>{{.Loc}}</loc>{{range .Alternates}}<xhtml:link rel="alternate" hreflang="{{.Lang}}" href="{{.URL}}"/>{{end}}</url>
{{end}}</urlset>
`))

type sitemapURL struct {
	Loc        string
	Alternates []Translation
}

// writeSitemap lists every page of every language, each with its translations.
func (r *run) writeSitemap() {
	if r.base.BaseURL == "" {
		return
	}
	var urls []sitemapURL
	for _, b := range r.langs {
		for _, p := range b.site.Pages {
			u := sitemapURL{Loc: r.base.BaseURL + strings.TrimPrefix(p.URL, "/")}
			if ts := b.translations(p, "", true); len(ts) > 1 {
				u.Alternates = ts
			}
			urls = append(urls, u)
		}
	}
	var buf bytes.Buffer
	if err := sitemap.Execute(&buf, urls); err != nil {
		r.fail(err)
		return
	}
	r.write("sitemap.xml", r.min.bytes("text/xml", "sitemap.xml", buf.Bytes()))
}

func (r *run) writeRobots() {
	s := "User-agent: *\nAllow: /\n"
	if r.base.BaseURL != "" {
		s += "Sitemap: " + r.base.BaseURL + "sitemap.xml\n"
	}
	r.write("robots.txt", []byte(s))
}
