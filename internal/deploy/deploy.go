// Package deploy is what a web host should send with a built site, in one table
// (Table), and the files and snippets that tell each kind of host to send it:
//
//	_headers         Netlify and Cloudflare Pages read it from the site's folder;
//	                 every build writes it (Policy.HeadersFile)
//	.htaccess        Apache reads it from the site's folder; the build writes it when
//	                 site.yaml says hosting: {htaccess: true} (Policy.Htaccess)
//	nginx            a location block for the server's configuration (Policy.Nginx),
//	                 printed in docs/deploy.md, where a test keeps it equal to this table
//
// iptsite preview serves a built folder with the same headers (Policy.Headers), and
// a test serves the default site through Debian's nginx with the documented block.
//
// What the headers add to what the pages already say in their <meta> tags: a
// Content-Security-Policy with frame-ancestors 'none', which a <meta> cannot carry, so
// no other site can show a worksheet inside its own page and trick a client into typing
// there; and caching that is right by design, forever for the files whose names hold a
// hash of their content, and checked again each time for everything else, so a new
// build reaches readers at once.
package deploy

import (
	"regexp"
	"strings"
)

// Files says which files of the site a header is sent with.
type Files int

const (
	AllFiles      Files = iota // every response, the 404 page too
	Fingerprinted              // files whose names hold a hash of their content (see Fingerprint)
	OtherFiles                 // every other file: pages, sw.js, the manifests, images
)

// A Header is one line of the table: a header, its value, and the files it is sent with.
type Header struct {
	Name  string
	Value string
	Files Files
}

// Fingerprint matches the names of the files the build names after a hash of their
// content (css/site.1a2b3c4d5e.css, js/worksheet.1a2b3c4d5e.js, the search indexes, the
// service worker's list of files): a new build gives them new names, so a browser may
// keep them forever. nginx and Apache match it as written here.
var Fingerprint = regexp.MustCompile(`\.[0-9a-f]{10,16}\.(css|js)$`)

// The values of the table.
const (
	// Immutable lets a browser keep a fingerprinted file for a year without asking again.
	Immutable = "public, max-age=31536000, immutable"
	// NoCache makes a browser ask the host each time whether a page, sw.js or a manifest
	// changed (a cheap "not modified" when it did not), so a new build is seen at once.
	NoCache = "no-cache"
	// FrameAncestors is what the header policy adds to the page's own policy: no site,
	// this one included, may show the site's pages in a frame.
	FrameAncestors = "frame-ancestors 'none'"
	// PermissionsPolicy turns off the device features the site never uses, so that nothing
	// on its pages can ask for them.
	PermissionsPolicy = "accelerometer=(), bluetooth=(), browsing-topics=(), camera=(), display-capture=(), " +
		"geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
		"serial=(), usb=(), xr-spatial-tracking=()"
)

// Table returns the headers for a site whose pages carry the Content-Security-Policy
// csp in their <meta> tags. It is the one list every host file, the preview and the
// tests are made from.
func Table(csp string) []Header {
	return []Header{
		{"Content-Security-Policy", csp + "; " + FrameAncestors, AllFiles},
		{"X-Content-Type-Options", "nosniff", AllFiles},
		{"Referrer-Policy", "no-referrer", AllFiles},
		{"Permissions-Policy", PermissionsPolicy, AllFiles},
		{"Cache-Control", Immutable, Fingerprinted},
		{"Cache-Control", NoCache, OtherFiles},
	}
}

// A Policy is the table for one built site.
type Policy struct {
	// Base is the URL path the site lives at: "/" at the root of its host, "/ipt/" in a
	// subfolder (the path of baseURL).
	Base string
	// CSP is the policy the build puts in the pages' <meta> tags. When the 404 page holds
	// its stylesheet (a build without baseURL) it is that page's policy, which also allows
	// the stylesheet by its hash: a host sends the 404 page at every missing address, under
	// the one header every address gets, and each page's <meta> still applies its own.
	CSP string
}

// Table returns the policy's headers.
func (p Policy) Table() []Header { return Table(p.CSP) }

// Headers returns the headers a host sends with the file name (a path in the output
// folder, such as "css/site.1a2b3c4d5e.css" or "about/index.html"), in table order.
func (p Policy) Headers(name string) []Header {
	class := OtherFiles
	if Fingerprint.MatchString(name) {
		class = Fingerprinted
	}
	var out []Header
	for _, h := range p.Table() {
		if h.Files == AllFiles || h.Files == class {
			out = append(out, h)
		}
	}
	return out
}

// only returns the headers of the table sent with the files of class.
func (p Policy) only(class Files) []Header {
	var out []Header
	for _, h := range p.Table() {
		if h.Files == class {
			out = append(out, h)
		}
	}
	return out
}

// base returns p.Base as a clean path that starts and ends with a slash.
func (p Policy) base() string {
	b := "/" + strings.Trim(p.Base, "/") + "/"
	if b == "//" {
		return "/"
	}
	return b
}
