// Package iptsite holds the default site: the IPT psychoeducation pages and worksheets,
// the templates, static files and interface strings that every build starts from.
//
// The iptsite command lives in cmd/iptsite; the generator in internal/.
package iptsite

import (
	"embed"
	"io/fs"
)

//go:embed site.yaml all:content templates static i18n
var defaults embed.FS

// Defaults returns the default site as a file system: site.yaml, content/, templates/,
// static/ and i18n/ at its root.
func Defaults() fs.FS { return defaults }
