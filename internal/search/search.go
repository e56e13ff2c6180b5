// Package search makes the index behind a site's search page: the text of every page
// of one language, cut into sentences under their headings, written as a small script
// that the search page's own script (static/js/search/, joined into js/search.js) loads,
// as a <script> element, when the reader first comes to the search box.
//
// The index is a script and not a JSON file so that search works wherever the site does:
// from a web server in any subfolder, offline, and from a --portable folder opened from
// disk, where a page cannot fetch a file. It loads on the first use of the box, not with
// the page, so that the page itself stays light (iptsite check's page weight) and a visit
// that does not search does not download it. The query never leaves the browser: the
// search page has no form, and the search script matches the query against this index.
//
// # What is indexed
//
// Each page's title, description and body (its Markdown as HTML: paragraphs, lists,
// tables, worksheet questions and hints), read the way package pagetext reads a page,
// so navigation, buttons and the crisis box are left out. The body is cut into sections
// at its headings; a result links to the section of its best sentence. Sentences are
// split by package readability's rules.
//
// # The script
//
//	self.iptsiteSearch={"lang":"en","pages":[
//	  {"t":"Grief","u":"problem-areas/grief/","d":"When someone close dies.",
//	   "s":[{"x":["First sentence.","Second."]},
//	        {"h":"What helps","a":"what-helps","x":["Talk about them."]}]}]}
//
// t is the title, u the page's URL relative to the folder of the index script, d the
// description, s the sections: h a heading, a its id, x the sentences. Keys are short
// because the index is most of what the search page downloads.
package search

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/iptsite/iptsite/internal/pagetext"
	"github.com/iptsite/iptsite/internal/readability"
	"golang.org/x/net/html"
)

// Global is the name of the variable the index script assigns to (self.iptsiteSearch).
const Global = "iptsiteSearch"

// An Index is the search index of one language.
type Index struct {
	Lang  string `json:"lang"`
	Pages []Page `json:"pages"`
}

// A Page is one page of the index.
type Page struct {
	Title       string    `json:"t"`
	URL         string    `json:"u"`
	Description string    `json:"d,omitempty"`
	Sections    []Section `json:"s,omitempty"`
}

// A Section is the text under one heading, or before the first one.
type Section struct {
	Heading   string   `json:"h,omitempty"`
	Anchor    string   `json:"a,omitempty"`
	Sentences []string `json:"x,omitempty"`
}

// Sections reads the HTML of a page's body and returns its text in sections, a new one
// at each heading. Text before the first heading makes a section with no heading.
// Sections with neither a heading nor sentences are left out.
func Sections(body []byte, lang string) ([]Section, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	var out []Section
	cur := Section{}
	for _, b := range pagetext.Blocks(doc) {
		if b.Heading > 0 {
			if cur.Heading != "" || len(cur.Sentences) > 0 {
				out = append(out, cur)
			}
			cur = Section{Heading: b.Text, Anchor: b.ID}
			continue
		}
		cur.Sentences = append(cur.Sentences, readability.Sentences(b.Text, lang)...)
	}
	if cur.Heading != "" || len(cur.Sentences) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// JS returns the index as a script that assigns it to self.iptsiteSearch.
func (ix *Index) JS() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("self." + Global + "=")
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // a script file, never inside HTML
	if err := enc.Encode(ix); err != nil {
		return nil, err
	}
	// Encode ends with a newline; JSON escapes U+2028 and U+2029, so the text is a valid script.
	js := bytes.TrimRight(buf.Bytes(), "\n")
	return append(js, ";\n"...), nil
}

// Parse reads an index script made by JS; tests use it to look inside a built index.
func Parse(js []byte) (*Index, error) {
	s := strings.TrimSpace(string(js))
	s = strings.TrimPrefix(s, "self."+Global+"=")
	s = strings.TrimSuffix(s, ";")
	var ix Index
	if err := json.Unmarshal([]byte(s), &ix); err != nil {
		return nil, err
	}
	return &ix, nil
}
