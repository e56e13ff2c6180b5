package render

import "strings"

// Where the pages of each language live, and the check that translations keep what is
// shared between languages.

// contentDir is the folder of this language's pages.
func (b *builder) contentDir() string {
	if b.lang == b.base.Language {
		return "content"
	}
	return "content/" + b.lang
}

// langFolder is the output folder of the language's pages: "" for the main language,
// else "es/".
func (b *builder) langFolder() string {
	if b.lang == b.base.Language {
		return ""
	}
	return b.lang + "/"
}

// checkTranslations reports a translated worksheet whose field ids are not those of the
// worksheet it translates: answers are shared between languages by field id.
func (r *run) checkTranslations() {
	main := r.langs[0]
	for _, b := range r.langs[1:] {
		for _, p := range b.sheets {
			orig, ok := main.site.ByPath[p.Path]
			if !ok || !orig.Worksheet {
				continue
			}
			got, want := r.fields[p], r.fields[orig]
			if strings.Join(got, " ") != strings.Join(want, " ") {
				r.failf(p.File, 1, "field ids differ from %s, so answers would not be shared: have [%s], want [%s]",
					orig.File, strings.Join(got, " "), strings.Join(want, " "))
			}
		}
	}
}
