package render

import (
	"net/url"
	"slices"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/deploy"
)

// hostPolicy is the table of package deploy for this build: the folder of baseURL, and the
// pages' policy. Without baseURL the 404 page holds the site's stylesheet (extras.go), and a
// host sends that page at every missing address under the header every address gets, so
// the header allows what the 404 page's own policy allows.
func (r *run) hostPolicy() deploy.Policy {
	p := deploy.Policy{Base: "/", CSP: r.pageCSP(r.base.BaseURL == "" && r.siteCSS != nil)}
	if u, err := url.Parse(r.base.BaseURL); err == nil && u.Path != "" {
		p.Base = u.Path
	}
	return p
}

// writeHosting writes the files that tell a host which headers to send: _headers
// (Netlify, Cloudflare Pages) always, .htaccess (Apache) when site.yaml asks. It runs
// after sw.js is written, which must not list them: hosts that read them do not serve
// them, and the worker would fail to fetch them.
func (r *run) writeHosting() {
	p := r.hostPolicy()
	r.out.mu.Lock()
	names := make([]string, 0, len(r.out.hashes))
	for n := range r.out.hashes {
		names = append(names, n)
	}
	r.out.mu.Unlock()
	slices.Sort(names)
	r.write("_headers", p.HeadersFile(names))
	if !r.base.Hosting.Htaccess {
		return
	}
	if r.base.BaseURL == "" {
		// Apache's ErrorDocument takes the 404 page's address from the root of the host.
		r.failf(config.File, r.base.Line("hosting.htaccess"),
			"hosting.htaccess needs baseURL (in site.yaml, or --baseURL), the address the site will live at, for the address of its 404 page")
		return
	}
	r.write(".htaccess", p.Htaccess())
}
