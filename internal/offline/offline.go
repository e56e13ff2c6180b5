// Package offline makes the files that let a site work offline and from the home screen.
//
// Every build ends by writing, at the root of the output:
//
//	sw.js                       the service worker: it keeps every file of the build on the
//	                            device, so pages and worksheets open without a network
//	manifest.webmanifest        the web app manifest ("Add to Home Screen"); each other
//	                            language gets <lang>/manifest.webmanifest, which starts there
//	icons/icon-192.png          the app icons: clinic.logo on white when it is a PNG of at
//	                            least 192 pixels, else the favicon's design in brandColor
//	icons/icon-512.png
//	icons/maskable-512.png      for launchers that cut icons to a circle or other shape
//	icons/apple-touch-icon.png  for iPhone and iPad
//
// sw.js imports sw-files.VERSION.js, the list of every other file of the build (except
// robots.txt and sitemap.xml) with a hash of its content, where VERSION is a hash of the
// list, so any change to the site makes a new worker.
// That worker downloads what changed, then waits; site.js shows "A new version is
// available" with a Reload button, rather than changing the pages under the reader. See
// sw.js in this package for how requests are answered.
//
// Under iptsite serve pages register no worker, and sw.js is killswitch.js, a worker that
// removes itself and its caches, in case a browser kept a worker from a build that was
// opened at the same address before.
//
// The package is a stage of the build that writes nothing itself: it takes values from
// site.yaml, the strings of each language and the hashes of the files written (see Hash),
// and returns Files, which package render writes through its one writer, last, since
// sw.js lists every other file.
package offline

import (
	"fmt"
	"hash/crc64"
)

// The files at the root of the output that pages link to.
const (
	WorkerFile   = "sw.js"
	ManifestFile = "manifest.webmanifest"
)

// A File is one file to write to the output folder.
type File struct {
	Name string // path in the output folder
	Data []byte
	// Type is the media type to minify Data as ("application/json"), or "" to write it
	// as it is.
	Type string
}

// Hash is the hash of a file's content in the service worker's list.
func Hash(data []byte) string {
	// The list only has to notice a change, not resist a forger: CRC-64 is several
	// times faster than SHA-256 on a CPU without SHA instructions, and every page of
	// the build goes through it.
	return fmt.Sprintf("%016x", crc64.Checksum(data, crcTable))
}

var crcTable = crc64.MakeTable(crc64.ECMA)
