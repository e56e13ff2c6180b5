// Package render turns a site's sources into the files of a static website.
//
// It reads site.yaml, i18n/, content/, templates/ and static/ from one fs.FS (see package
// source for how a clinic's folder is laid over the defaults), and writes every output file
// through one output.Writer. It checks everything before anything is kept: a run reports all
// of its problems as path:line: message, and a caller that gets an error throws the
// output away.
//
// # Templates
//
// Pages are rendered with Go's html/template. templates/base.html is the frame of every
// page; it calls {{block "main" .}}, which each layout defines. The layout of a page is
// templates/<layout>.html, where layout is the page's front-matter layout, or else
// "worksheet" for worksheets, "home" for the home page, "section" for a folder's
// _index.md, and "page" for the rest. Files in templates/partials/ are shared by all
// layouts: {{template "crisis" .}}. templates/404.html renders the not-found page.
//
// The data of every template (see Data) is:
//
//	.Site            site.yaml (see package config): .Site.Title, .Site.Crisis, .Site.Clinic, …
//	.Page            the page (see package content): .Page.Title, .Page.Description, .Page.Params, …
//	.Content         the page's Markdown as HTML
//	.TOC             the page's ## and ### headings when toc: true (.Level, .ID, .Text)
//	.Menu            the main menu, at most six pages (.Title, .URL, .Current)
//	.FooterMenu      the other top-level pages, listed in the footer (see package content)
//	.Breadcrumbs     the sections above the page
//	.Prev, .Next     neighbours in the section, or nil
//	.Children        for a section or the home page: its pages and subsections, 50 at a time
//	.Paginator       when a section has more than 50: .Number, .Total, .Prev and .Next (URLs or "")
//	.Cards           the page's ways in, from its front matter (.Title, .Text, .URL); the
//	                 home page shows them as cards. Each opens a page (else an error at
//	                 the line of params), with that page's title and description unless
//	                 it says its own:
//	                     params:
//	                       cards:
//	                         - page: about-ipt.md     # a file under content/
//	                           title: New to IPT?     # optional
//	                           text: Start here. …    # optional
//	.Worksheets      every worksheet of the site, in menu order (.Params.phase, .Params.areas, .QR)
//	.Lang            the language of the page
//	.Layout          the page's layout: its front matter's layout, else "worksheet", "home",
//	                 "section" or "page"
//	.Canonical       the page's absolute URL when baseURL is set, else ""
//	.Translations    the page in each language it exists in (.Lang, .LangName, .URL, .Current,
//	                 .Alternate: the URL for hreflang links, absolute with baseURL)
//	.Manifest        the web app manifest of the page's language ("" in a portable build)
//	.ServiceWorker   the service worker's URL ("" under iptsite serve)
//	.SearchIndex     the search index of the page's language (layout "search" only; a page
//	                 with that layout is what gives its language an index)
//	.LiveReload      true under iptsite serve
//	.QuickExit       true when the page shows the quick-exit button
//
// and these methods and functions:
//
//	{{.Rel "/my-answers/"}}      a site path as a URL relative to the page (works in any subfolder)
//	{{.Asset "css/site.css"}}    a static file's fingerprinted, relative URL
//	{{.Lookup "help-now.md"}}    a page by its file under content/, as a Link, or nil
//	{{$.Questions .Page}}        a worksheet's fields as links (.ID, .Label, .URL), for the page
//	                             for therapists (worksheets are rendered before other pages)
//	{{.Breakable .Absolute}}     a web address that wraps only after a / or before the #
//	{{t "crisis.title"}}         an interface string from i18n/<language>.yaml (missing key: error)
//	{{t "footer.clinic" "name" .Site.Clinic.Name}}   the same, with {name} replaced
//	{{list "a" "b"}}, {{has $list $x}}   make a list; test whether it holds a value
//	{{shared "menu" .}}          a partial rendered once and reused on every page of the same
//	                             depth, language, menu entry, section and layout (the policy
//	                             and assets, the site's title, the menu, breadcrumbs, crisis
//	                             box, footer, a worksheet's tools); it may use .Site, .Lang,
//	                             .Menu, .FooterMenu, .Breadcrumbs, .Layout, .QuickExit,
//	                             .LiveReload, .CSP, .Logo, .Rel, .Asset, .Lookup and t, and
//	                             nothing else of the page: .Page, .Content, .Prev and the rest
//	                             that differ from page to page are an error at their line
//	                             (sharedcheck.go)
//
// Every URL a template writes into a page should come from .Rel or .Asset, so that the
// site works at a domain's root, in a subfolder, and (with portable: true) from disk.
//
// # Static files and scripts
//
// static/ is copied to the output minified, CSS and JS under fingerprinted names. A
// folder static/js/<name>/ is one script, js/<name>.js ({{.Asset "js/worksheet.js"}}):
// its .js files joined in name order inside one function, so that they share one scope
// and one 'use strict' and stay a classic script (a copy opened from disk loads no
// modules); they are not written on their own. A site adds a part by putting a file in
// that folder, or replaces one by its name; the worksheet script's field types are in
// static/js/worksheet/field-<type>.js (see fields.js there). A site's own
// static/js/<name>.js beside the folder is an error.
//
// A part that starts with the line "// only for: circle timeline" (among its first
// comment lines) is joined only into the script of a worksheet page with a field of one
// of those types: a page without a chart does not download the code that draws one. The
// script is then written once for each set of parts that some page needs, each under
// its own fingerprinted name; a page that is not a worksheet and loads it, or a
// {{shared}} partial (which serves many pages), gets every part. A name that is no
// field type is an error, and so is a type that a table column can have: a table's
// cells do not name their type to the page, so that part must be on every worksheet page.
package render
