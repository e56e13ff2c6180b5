package deploy

import (
	"fmt"
	"strings"
)

// Nginx returns a location block for the server block of nginx's configuration that
// serves the site from the folder root+Base (root "/var/www/html" and Base "/ipt/":
// the files of public/ copied into /var/www/html/ipt/), with the table's headers and the
// site's 404 page at every missing address.
//
// nginx sends a block's add_header lines only to requests that no inner block with
// add_header lines of its own answers, so the inner block for fingerprinted files
// repeats the headers every file gets.
func (p Policy) Nginx(root string) string {
	var b strings.Builder
	base := p.base()
	fmt.Fprintf(&b, "# iptsite: the site at %s, from the folder %s%s (made from iptsite's table of headers)\n", base, strings.TrimSuffix(root, "/"), base)
	fmt.Fprintf(&b, "location %s {\n", base)
	fmt.Fprintf(&b, "    root %s;\n", root)
	b.WriteString("    index index.html;\n")
	b.WriteString("    absolute_redirect off;\n")
	fmt.Fprintf(&b, "    error_page 404 %s404.html;\n", base)
	for _, h := range append(p.only(AllFiles), p.only(OtherFiles)...) {
		fmt.Fprintf(&b, "    add_header %s \"%s\" always;\n", h.Name, h.Value)
	}
	fmt.Fprintf(&b, "    location ~ \"%s\" {\n", Fingerprint.String())
	for _, h := range append(p.only(AllFiles), p.only(Fingerprinted)...) {
		fmt.Fprintf(&b, "        add_header %s \"%s\" always;\n", h.Name, h.Value)
	}
	b.WriteString("    }\n}\n")
	return b.String()
}
