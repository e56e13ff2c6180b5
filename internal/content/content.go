// Package content loads the Markdown pages of a site and arranges them into sections.
//
// # Pages
//
// Every .md file under content/ is a page. It starts with YAML front matter between two
// lines of three hyphens:
//
//	---
//	title: The middle phase        # required
//	description: What happens in the middle sessions.   # link previews and search engines
//	weight: 20                     # order in menus and lists, lower first (then by title)
//	draft: true                    # left out unless the build runs with --drafts (in a
//	                               # section's _index.md: the whole section)
//	slug: middle                   # the last part of the URL (default: the file name, see below)
//	aliases: [/old/middle/]        # old URLs that redirect here, so links already sent keep working
//	layout: page                   # the template in templates/<layout>.html
//	toc: true                      # show a table of contents of the ## and ### headings
//	worksheet: true                # the page is a worksheet (see docs/worksheets.md)
//	id: grief                      # a worksheet's id: the name its answers are saved under
//	quickExit: true                # show the "leave this page quickly" button
//	repeat: true                   # a worksheet filled in again and again (a mood measure):
//	                               # each time is a dated entry, shown as a list and a chart
//	menu: footer                   # a top-level page listed in the footer, not the main menu
//	params:                        # anything else, for templates: {{ .Page.Params.phase }}
//	  phase: middle
//	---
//
// A worksheet's answers are saved in the reader's browser under its id, so the id must
// never change once clients have used the worksheet: answers follow the id, not the file.
// Without id:, it is made from the file name, in lower case, accents dropped, with each
// run of characters other than a-z and 0-9 made one hyphen ("My Sheet.md" gives
// my-sheet, "Diálogo.md" dialogo), so moving the file to another folder keeps it but
// renaming it does not: before renaming a worksheet that clients use, write its old id
// in id:. An id is lower-case letters and digits in words joined by single hyphens, at
// most 64 characters, and not "lock" (what an answers file may hold, so that every
// answer can be downloaded and imported again). Two worksheets with one id are an error
// that names both. A translation (content/<lang>/ at the same path) has the id of the
// worksheet it translates, so answers are shared between languages; it may leave id:
// out.
//
// Any other key is an error that names the key and its line. Front matter is short: over
// 64 KB is an error. A page is UTF-8 text: a file with bytes that are not (saved in
// another encoding, or not text at all) is an error that names its first such line.
//
// # Sections and URLs
//
// A folder is a section, and its _index.md is the section's own page. URLs are "pretty":
// content/phases/middle.md is served as phases/middle/index.html, at /phases/middle/;
// content/phases/_index.md at /phases/; content/_index.md is the home page at /.
// A file or folder name that cannot be part of a web address as it is, because it has a
// space, #, ? or %, gives one made from its letters and digits in lower case, joined by
// hyphens: "content/Our Team/My Plan #2.md" is at /our-team/my-plan-2/. Other names are
// used as they are (PHQ-9.md is at /PHQ-9/). A name with no letter or digit is an error;
// rename the file, or give it a slug:. A slug: itself must be one such part as it is.
// Files in content/ that are not Markdown (images, PDFs) are copied beside the pages.
//
// Navigation comes from the tree: the main menu lists the top level (or site.yaml's menu),
// at most six pages, in order of weight; a top-level page with menu: footer, and any
// after the sixth, is listed in the footer instead. The home page is reached by the
// site's title. Each page has breadcrumbs up to the home page, and previous/next links
// within its section, in order of weight and then title.
package content

import "io/fs"

// Site is every page of a site, arranged in sections.
type Site struct {
	Root  *Section
	Pages []*Page // every page in a stable order: depth-first, in navigation order
	// ByPath finds a page by its path under content/.
	ByPath map[string]*Page
	// ByURL finds a page by its URL.
	ByURL map[string]*Page
	// Files are the non-Markdown files under content/, by path under content/.
	Files []string
}

// Options control Load.
type Options struct {
	Dir    string // the content folder in fsys; default "content"
	Drafts bool   // include draft pages
	// Lang is the language of the pages; URLPrefix ("/es") goes before every URL.
	Lang      string
	URLPrefix string
	// Exclude names folders directly under Dir to leave out (the other languages' trees).
	Exclude []string
	// Original is the site of the main language, when these pages translate it: a
	// translated worksheet takes the id of the worksheet at the same path there.
	Original *Site
}

// Load reads every page under the content folder of fsys.
// It reports every problem it finds, as path:line: message.
func Load(fsys fs.FS, opts Options) (*Site, error) {
	l := newLoader(opts)
	files := l.walk(fsys)
	parse(fsys, files) // on every CPU
	drafts := l.place(files)
	l.dropDraftSections(drafts)
	l.addMissingIndexes()
	l.setURLs()
	l.setIDs()
	l.order(l.site.Root)
	return l.site, l.errs.Err()
}
