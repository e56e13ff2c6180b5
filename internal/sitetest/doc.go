// Package sitetest is what the tests of every stage share: a site built in memory (or
// into a folder) over the embedded default site, and the one driver of the txtar
// fixtures in each package's testdata/. Only tests import it.
//
// # Building a site
//
// Source lays a test's own files over the default site, as iptsite build lays a
// clinic's folder over them; DefaultContent copies the default pages, for a test that
// adds a page or changes one (a site with its own content/ has only its own pages).
// Build builds into memory and BuildDir into a folder for the browser tests; both fail
// the test with the build's errors. Buffer holds a log that another goroutine writes,
// such as the development server's.
//
// # Fixtures
//
// A fixture is one test case: a txtar archive in testdata/, run as a subtest named after
// its file (testdata/links.txtar is TestSites/links). Its comment, before the first
// section, says in a sentence what the case is about; a package may also read words of
// it as options (Case.Options reads "baseURL URL", "portable", "drafts" and "minify",
// one a line; the worksheet tests read "not a worksheet").
//
// The sections are of three kinds. The site's files, laid over the default site:
//
//	-- site.yaml --
//	-- content/NAME.md --      a case with content/ has only its own pages
//	-- templates/NAME.html --
//	-- static/NAME --
//	-- i18n/LANG.yaml --
//
// The Markdown a package renders without building a site (markdown, worksheet):
//
//	-- in.md --                the page's text, front matter included
//	-- original.md --          the page in.md translates (worksheet translations)
//
// And what the run must give:
//
//	-- errors --               the run fails with exactly these lines
//	-- want/NAME --            every non-blank line appears in output file NAME
//	-- notwant/NAME --         no non-blank line appears in output file NAME
//	-- missing --              these output files, one a line, are not written
//	-- summary --              every non-blank line appears in the build's summary line
//	-- out.html --             the rendered HTML, exactly
//	-- findings --             iptsite check's findings and notes, exactly, one a line
//	-- facts --                what the Markdown stage records of the page, exactly, one a line
//	-- index.LANG.json --      the search index of language LANG, as indented JSON, exactly
//
// A run without an errors section must not fail. go test -update rewrites the errors
// section and the exact sections (out.html, findings, facts, index.LANG.json) with what the run
// gave, adding the exact sections it lacks; review the diff before committing it.
//
// A case fails, rather than passing on nothing, when it has a section of any other name,
// a section its package's test does not read or does not produce (findings in a case of
// the renderer, site files in a Markdown case), or an exact output the run gave without a
// section to compare it with (an index for a language the case says has none).
package sitetest
