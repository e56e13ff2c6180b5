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
//	phone-number     error    a phone number written in the text, not as a link: "call 988"
//	                          rather than "call [988](tel:988)"
//	page-weight      error    the page's HTML plus the CSS and JavaScript it loads, each
//	                          gzipped, weigh more than pageWeight
//
// Headings, images, links and tables are those of the Markdown, checked when the page has
// a <main>; the h1 and the crisis box are checked on the whole rendered page. The pages of every language in site.yaml are checked, and the
// not-found page (templates/404.html) for its crisis box.
//
// # Phone numbers
//
// A person in distress, on a phone, can tap a link but not a number in a sentence, so
// every phone number in a page's text must be a tel: link (to call) or an sms: link (to
// text). The rule reads the page's text blocks without the text of its tel: and sms:
// links, and counts as a phone number: a number that site.yaml sets (a crisis line's or
// the clinic's phone, in any language), wherever it stands; 7 digits or more in groups
// or after a + (1-800-799-7233, +44 20 7946 0958); and 3 digits or more a few words
// after call, text, phone, dial, llama, marca, envía, teléfono… (call 911, text HOME to
// 741741). A number joined to a word (PHQ-9), a range (12-16, 0-27), a date, a time and
// a year are not phone numbers. It is an error rather than a warning because a number
// that cannot be tapped fails the person at the moment the site matters most, and the
// fix is always the same: make it a link, or show the configured lines with a
// crisis-lines block. A number the rule takes for a phone number by mistake is
// reworded, or site.yaml sets the rule's level to warning.
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
