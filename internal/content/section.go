package content

import (
	"path"
	"strings"
)

// A Section is a folder of pages.
type Section struct {
	Dir      string // "" for the root, else "phases" or "a/b"
	Index    *Page  // the _index.md page, or a page made up from the folder's name
	Pages    []*Page
	Sections []*Section
	Parent   *Section
}

// sectionURL is the URL of a section: its parent's URL and its own slug or folder name.
func sectionURL(s *Section) string {
	if s.Parent == nil {
		return "/"
	}
	seg := segment(path.Base(s.Dir))
	if s.Index != nil && s.Index.Slug != "" {
		seg = s.Index.Slug
	}
	return sectionURL(s.Parent) + seg + "/"
}

// parentDir is the folder of p, "" at the top.
func parentDir(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d
}

// titleFromDir is the title of a section without an _index.md: "problem-areas" gives
// "Problem areas".
func titleFromDir(name string) string {
	name = strings.ReplaceAll(name, "-", " ")
	if name == "" {
		return name
	}
	return strings.ToUpper(name[:1]) + name[1:]
}
