package deploy

import (
	"fmt"
	"strings"
)

// Htaccess returns the .htaccess file of a build for Apache. Apache reads it when the
// folder's configuration allows it (AllowOverride FileInfo) and mod_headers is on
// (a2enmod headers); without mod_headers it answers 500 rather than serve the site
// without its headers, so the mistake shows at once. The same lines work in a
// <Directory> block of the server's configuration.
func (p Policy) Htaccess() []byte {
	var b strings.Builder
	b.WriteString("# The HTTP headers of this site for Apache, written by iptsite build (site.yaml:\n" +
		"# hosting: {htaccess: true}) from its table of headers. It needs mod_headers.\n")
	fmt.Fprintf(&b, "ErrorDocument 404 %s404.html\n", p.base())
	for _, h := range p.only(AllFiles) {
		fmt.Fprintf(&b, "Header always set %s \"%s\"\n", h.Name, h.Value)
	}
	for _, h := range p.only(OtherFiles) {
		fmt.Fprintf(&b, "Header always set %s \"%s\"\n", h.Name, h.Value)
	}
	// A <FilesMatch> applies after the lines above, so its value replaces theirs.
	fmt.Fprintf(&b, "<FilesMatch \"%s\">\n", Fingerprint.String())
	for _, h := range p.only(Fingerprinted) {
		fmt.Fprintf(&b, "\tHeader always set %s \"%s\"\n", h.Name, h.Value)
	}
	b.WriteString("</FilesMatch>\n")
	return []byte(b.String())
}
