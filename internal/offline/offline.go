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
// # A version is kept whole or not at all
//
// The worker checks every file it keeps against the hash in the list, so that it never
// keeps a file of another version: a CDN or proxy that still serves the page of an
// earlier build would otherwise freeze on the device a page whose scripts are gone, a
// form that saves nothing. A file that does not match is downloaded again past every
// cache (the browser's, with cache "reload", and a CDN's, with a query it has not seen);
// a file that still does not match is never stored, and the new version is not
// installed: the reader keeps the version that works, whole, and the browser tries again
// at its next check for an update (when a page of the site is opened), by when the CDN
// has usually caught up. On a first visit nothing is kept offline until then; the
// pages come from the network as without a worker. A file is carried over from an
// earlier version's cache only when its content, not only its noted hash, matches.
// A host that always changes the files it serves (one that injects a script into
// pages, say) therefore gets no offline copy; the worker's console says which file.
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
	"crypto/sha256"
	"encoding/hex"
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
	// Code, when not nil, follows Data in the file: a part the same in every build (the
	// code of sw.js after its settings), which a writer minifies apart, once, and may
	// keep minified. The file is Data, a semicolon and Code.
	Code []byte
}

// Hash is the hash of a file's content in the service worker's list: the first 8 bytes
// of its SHA-256, in hex. sw.js computes the same with the browser's SubtleCrypto (which
// has no CRC) to check each file it downloads; 64 bits are plenty to tell two versions of
// a file apart, and keep the list of a large site small.
func Hash(data []byte) string { return HashOfSum(sha256.Sum256(data)) }

// HashOfSum is Hash of the data whose SHA-256 is sum, for a caller that has it already.
func HashOfSum(sum [sha256.Size]byte) string { return hex.EncodeToString(sum[:8]) }
