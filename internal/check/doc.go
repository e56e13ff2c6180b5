// Package check is iptsite check: it tells a clinic what is wrong with its content before
// clients see it. It builds the site exactly as iptsite build does, into memory. Nothing
// is written and nothing is fetched.
//
// A problem the build finds (a broken link, a bad worksheet field, a typo in site.yaml) is
// a finding of the rule "build", always an error, and nothing else is checked until the
// site builds. Then each page is checked against the rules below. Every finding names
// the Markdown file and the line. The build keeps what each page's Markdown holds, with
// the line of each part (see render.Facts): its headings, links, images, tables, the
// fields of a worksheet with the line of their label: key, and its text blocks. The check
// reads those, and reads the rendered page only for what the template adds: the text as
// a reader meets it, the h1 and the headings before the text, the crisis box and the
// weight. A long sentence or a rare word is placed at the line its words start on in the
// text blocks. What it cannot place (text from a template) points at the page's title line.
//
// # Rules
//
// Each rule has a level: error (iptsite check exits with status 1), warning (shown, and
// the check passes) or off. site.yaml can change them (see package config):
//
//	check:
//	  readingLevel: 7        # highest Flesch-Kincaid grade (default 7)
//	  pageWeight: 30         # KB a page may weigh, gzipped (default 30)
//	  levels:
//	    reading-level: warning
//	    field-hint: off
//
// The rules, with their default levels:
//
//	reading-level    error    the page's grade is over readingLevel
//	one-h1           error    the page has no h1, or the text has a # heading besides the title
//	heading-order    error    a heading skips a level: an h4 (####) after an h2 (##)
//	empty-heading    error    a heading without words
//	image-alt        error    an image without alt text: ![](photo.jpg)
//	link-text        error    link text that says nothing: "click here", "here", "read more", "aquí",
//	                          a bare address, no text at all
//	table-headers    error    a table whose header row is missing or empty
//	field-hint       warning  a worksheet field (or table column) without a hint whose label
//	                          is one or two words and not a question: "Feelings", "Notes"
//	duplicate-label  error    two fields of a worksheet, or two columns of a table, with
//	                          the same label
//	crisis-box       error    a page without the crisis box, or site.yaml without crisis lines
//	crisis-defaults  warning  site.yaml's crisis lines are still the United States defaults:
//	                          "set your local crisis numbers"
//	page-weight      error    the page's HTML plus the CSS and JavaScript it loads, each
//	                          gzipped, weigh more than pageWeight
//
// Headings, images, links and tables are those of the Markdown, checked when the page has
// a <main>; the h1 and the crisis box are checked on the whole rendered page. The pages of every language in site.yaml are checked, and the
// not-found page (templates/404.html) for its crisis box.
//
// # Reading level
//
// The grade is measured by package readability on the text a reader meets in <main>: the
// headings, paragraphs, list items, table cells, definition lists, and a worksheet's
// labels, legends, hints and answer options. Left out are navigation (breadcrumbs, table
// of contents, previous and next), the crisis box (the same on every page), buttons and
// other controls, the tools that need JavaScript, drawings, the labels that repeat a
// table's column headers in each cell, every row but the first of a list or table the
// reader can add rows to, and any block that repeats an earlier one word for word (the
// answer options under each question of a questionnaire). Each page is measured in its
// language: English with Flesch-Kincaid, Spanish with Fernández Huerta's table (see package
// readability); a language without rules of its own is measured as English, with a
// warning on site.yaml. A page over the limit has
// notes that say where to start: its sentences of LongSentence words or more, longest
// first, and its rarest long words.
//
// # External links
//
// Links to other sites are listed with the line they are on and counted per host, not
// fetched: the site must build offline. The report says how many go to each host, so a
// clinic sees which sites it sends clients to.
//
// # Output
//
// WriteText groups the findings by file, each as path:line: level: message with its notes
// as path:line: note: …, then the external links per host and one summary line. WriteJSON
// writes the Report for tools. WriteGrades writes the table of every page's words,
// sentences, grade, reading time and weight.
package check
