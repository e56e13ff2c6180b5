package content

import (
	"path"
	"strings"
)

// Worksheet ids: the key a worksheet's answers are saved under in the reader's browser.
// Answers follow the id, not the file, so an id must not change when a file moves, is
// renamed or is translated, and two worksheets must never share one.

// WorksheetID is the key a worksheet's answers are saved under: its front matter's id,
// else one made from its file name (see defaultID); a translation's is the id of the
// worksheet it translates. It is "" for a page that is not a worksheet.
func (p *Page) WorksheetID() string { return p.sheetID }

// defaultID is the id of a worksheet without id: in its front matter: its file name
// without .md, in lower case, accents dropped from the letters of Western European
// languages, and each run of other characters than a-z and 0-9 made one hyphen
// ("My Sheet.md" gives my-sheet, "Diálogo 2.md" dialogo-2). It is the file name, not the
// whole path, so that a worksheet moved to another folder keeps its answers, and it is
// what every version of iptsite before the id: key gave a valid name.
func defaultID(file string) string {
	name := foldAccents.Replace(strings.ToLower(strings.TrimSuffix(path.Base(file), ".md")))
	var b strings.Builder
	gap := false
	for _, r := range name {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
		} else {
			gap = true
		}
	}
	return b.String()
}

var foldAccents = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ñ", "n", "ç", "c", "ß", "ss", "æ", "ae", "œ", "oe", "ø", "o",
)

// IDLine is the line of the front matter that gives the worksheet its id: the id: key,
// or worksheet: when the id is made from the file name.
func (p *Page) IDLine() int {
	if _, ok := p.Lines["id"]; ok {
		return p.Line("id")
	}
	return p.Line("worksheet")
}

// setIDs gives every worksheet its id, and reports id: on a page that is not a
// worksheet, a translation whose id is not its original's, and two worksheets with one
// id, in this language or between it and opts.Original.
func (l *loader) setIDs() {
	type owner struct {
		p    *Page
		path string
	}
	taken := map[string]owner{}
	if o := l.opts.Original; o != nil {
		for _, p := range sortedPages(o.ByPath) {
			if p.Worksheet {
				taken[p.sheetID] = owner{p, p.Path}
			}
		}
	}
	for _, p := range sortedPages(l.site.ByPath) {
		if !p.Worksheet {
			if p.ID != "" {
				l.errs.Addf(p.File, p.Line("id"), "id: is the key a worksheet's answers are saved under, and this page is not a worksheet (worksheet: true)")
			}
			continue
		}
		p.sheetID = p.ID
		if p.sheetID == "" {
			p.sheetID = defaultID(p.Path)
		}
		if o := l.opts.Original; o != nil {
			if orig := o.ByPath[p.Path]; orig != nil && orig.Worksheet {
				if p.ID != "" && p.ID != orig.sheetID {
					l.errs.Addf(p.File, p.IDLine(), "id %s is not %s, the id of %s:%d, which this page translates: a translation keeps its original's id, so that answers are shared between languages (leave id: out)",
						p.ID, orig.sheetID, orig.File, orig.IDLine())
				}
				p.sheetID = orig.sheetID
				continue
			}
		}
		if other, ok := taken[p.sheetID]; ok && other.path != p.Path {
			l.errs.Addf(p.File, p.IDLine(), "worksheet id %s is also the id of %s:%d, so the two would save their answers over each other; give one of them its own id: in its front matter",
				p.sheetID, other.p.File, other.p.IDLine())
			continue
		}
		taken[p.sheetID] = owner{p, p.Path}
	}
}
