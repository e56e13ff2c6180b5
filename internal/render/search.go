package render

// The search index of each language and its search pages: see package search.

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/content"
	"github.com/iptsite/iptsite/internal/search"
)

// searchLayout is the layout of a search page. A language gets a search index when it
// has a page with this layout.
const searchLayout = "search"

// A SearchIndex is the search index of one language, as the build wrote it.
type SearchIndex struct {
	Lang  string
	File  string // the output file: "search-index.en.1a2b3c4d5e.js"
	Pages int    // pages indexed
	Size  int    // bytes
	Gzip  int    // bytes, gzipped as a web server sends it
}

func (ix SearchIndex) String() string {
	return fmt.Sprintf("%s %.1f KB (%.1f KB gzipped)", ix.Lang, float64(ix.Size)/1024, float64(ix.Gzip)/1024)
}

// searchState is what one language keeps for its search index while its pages render.
type searchState struct {
	once  sync.Once
	on    bool // the language has a search page
	mu    sync.Mutex
	pages map[*content.Page]string // each page's HTML, read for the index by writeSearch
	held  map[*content.Page]*Data  // the search pages, rendered by writeSearch once the index is written
	index *SearchIndex
}

// indexPage records the text of the page of d for the search index of its language. It
// reports whether the page is a search page, which the caller should not render: its
// template needs the index's fingerprinted name, so writeSearch renders it after every
// other page.
func (b *builder) indexPage(d *Data) bool {
	s := &b.search
	s.once.Do(func() {
		s.pages = map[*content.Page]string{}
		s.held = map[*content.Page]*Data{}
		for _, p := range b.site.Pages {
			s.on = s.on || b.layout(p) == searchLayout
		}
	})
	if !s.on {
		return false
	}
	if b.layout(d.Page) == searchLayout {
		s.mu.Lock()
		s.held[d.Page] = d // a Session's update replaces it
		s.mu.Unlock()
		return true
	}
	s.mu.Lock()
	s.pages[d.Page] = string(d.Content)
	s.mu.Unlock()
	return false
}

// writeSearch writes the search index of each language that has a search page, then
// renders its search pages. A Session calls it again after re-rendering changed pages.
func (r *run) writeSearch() {
	for _, b := range r.langs {
		b.writeSearch()
	}
}

func (b *builder) writeSearch() {
	s := &b.search
	if len(s.held) == 0 {
		return
	}
	var held []*Data
	var pages []*content.Page
	key := [][]byte{[]byte(b.lang)}
	keyed := true // every page's HTML was written by this run (a Session's update writes some)
	for _, p := range b.site.Pages {
		if d, ok := s.held[p]; ok {
			held = append(held, d)
		}
		if _, ok := s.pages[p]; !ok {
			continue // a search page, or a page that failed
		}
		pages = append(pages, p)
		h, ok := b.written(p)
		keyed = keyed && ok
		key = append(key, []byte(p.Title), []byte(b.rel("/", p.URL, false)), []byte(p.Description), []byte(h))
	}
	// The index is made from the pages' titles, addresses, descriptions and HTML alone,
	// so the cache keeps it, with its gzipped size, by them: the HTML by the hash of the
	// page it is in, which the service worker's list has anyway. A change to the
	// templates makes the index again, once.
	c := b.opts.Cache
	if !keyed {
		c = nil
	}
	k := c.Key("search", key...)
	var js []byte
	gz := 0
	if entry, ok := c.Get(k); ok {
		if pieces, ok := cache.Unpack(entry); ok && len(pieces) == 2 {
			js, gz = pieces[0], int(binary.LittleEndian.Uint64(pieces[1]))
		}
	}
	if js == nil {
		var ok bool
		if js, ok = b.searchJS(pages, held[0].Page.File); !ok {
			return
		}
		gz = gzipLen(js)
		c.Put(k, cache.Pack(js, binary.LittleEndian.AppendUint64(nil, uint64(gz))))
	}
	sum := sha256.Sum256(js)
	s.index = &SearchIndex{
		Lang:  b.lang,
		File:  "search-index." + b.lang + "." + hex.EncodeToString(sum[:])[:10] + ".js",
		Pages: len(pages),
		Size:  len(js),
		Gzip:  gz,
	}
	b.write(s.index.File, js)
	for _, d := range held {
		html, err := b.tmpl.execute(searchLayout, d, nil)
		if err != nil {
			b.fail(err)
			continue
		}
		b.writeHTML(d.Page.URL, html)
	}
}

// searchJS reads the sections of each page, on every CPU, and returns the index as
// JavaScript; file is the search page's, for a problem with the index as a whole.
func (b *builder) searchJS(pages []*content.Page, file string) ([]byte, bool) {
	ix := &search.Index{Lang: b.lang, Pages: make([]search.Page, len(pages))}
	var failed atomic.Bool
	b.each(len(pages), func(i int, _ *bytes.Buffer) {
		p := pages[i]
		sections, err := search.Sections([]byte(b.search.pages[p]), b.lang)
		if err != nil {
			b.failf(p.File, 0, "reading the page for the search index: %v", err)
			failed.Store(true)
		}
		ix.Pages[i] = search.Page{
			Title:       p.Title,
			URL:         b.rel("/", p.URL, false), // the index is at the site root
			Description: p.Description,
			Sections:    sections,
		}
	})
	if failed.Load() {
		return nil, false
	}
	js, err := ix.JS()
	if err != nil {
		b.failf(file, 0, "writing the search index: %v", err)
		return nil, false
	}
	return js, true
}

// SearchIndex returns the URL of the search index of the page's language, for the
// template of a search page, which hands it to search.js: data-index="{{.SearchIndex}}".
// Other layouts cannot use it: the index is written after their pages.
func (d *Data) SearchIndex() (string, error) {
	ix := d.b.search.index
	if ix == nil {
		return "", fmt.Errorf(".SearchIndex is only for pages with layout: %s", searchLayout)
	}
	return d.Rel("/" + ix.File), nil
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// written returns the hash (offline.Hash) of the HTML of page p as this run wrote it, if
// it did.
func (b *builder) written(p *content.Page) (string, bool) {
	b.out.mu.Lock()
	defer b.out.mu.Unlock()
	h, ok := b.out.hashes[strings.TrimPrefix(p.URL, "/")+"index.html"]
	return h, ok
}
