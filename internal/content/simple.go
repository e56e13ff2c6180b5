package content

import (
	"bytes"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Most front matter is a few lines of "key: plain words", such as "title: Your first
// session" and "worksheet: true". The YAML decoder costs about a sixth of a large site's
// build for them; simple reads them directly. It reads only what the YAML decoder would
// read the same way, and leaves anything else (quotes, lists, comments, colons, a value
// YAML would read as null, a repeated key) to it.

// simple decodes yml into p when every line is a simple key: value, and reports whether it did.
func (p *Page) simple(yml []byte) bool {
	var fm FrontMatter
	lines := map[string]int{}
	for n := 0; len(yml) > 0; n++ {
		line := yml
		if i := bytes.IndexByte(yml, '\n'); i >= 0 {
			line, yml = yml[:i], yml[i+1:]
		} else {
			yml = nil
		}
		k, v, ok := bytes.Cut(line, []byte(": "))
		if !ok || !plainValue(v) {
			return false
		}
		key := string(k)
		if _, dup := lines[key]; dup {
			return false
		}
		lines[key] = n + 2 // the file's line: after the opening "---"
		switch key {
		case "title":
			fm.Title = string(v)
		case "description":
			fm.Description = string(v)
		case "slug":
			fm.Slug = string(v)
		case "layout":
			fm.Layout = string(v)
		case "weight":
			w, err := strconv.Atoi(string(v))
			if err != nil || (v[0] == '0' && len(v) > 1) || len(v) > 9 {
				return false
			}
			fm.Weight = w
		case "draft", "toc", "worksheet", "quickExit":
			var b bool
			switch string(v) {
			case "true":
				b = true
			case "false":
			default:
				return false
			}
			switch key {
			case "draft":
				fm.Draft = b
			case "toc":
				fm.TOC = b
			case "worksheet":
				fm.Worksheet = b
			case "quickExit":
				fm.QuickExit = b
			}
		default:
			return false
		}
	}
	if len(lines) == 0 {
		return false
	}
	p.FrontMatter = fm
	for k, l := range lines {
		p.Lines[k] = l
	}
	return true
}

// plainValue reports whether v is read by YAML as the string it is: it starts with a
// letter or digit, ends with neither a space nor a tab, holds only letters, digits,
// spaces and common punctuation (no quotes at its start, no colon or # at all), and is
// not a word YAML reads as null.
func plainValue(v []byte) bool {
	if len(v) == 0 {
		return false
	}
	first, _ := utf8.DecodeRune(v)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
		return false
	}
	if last := v[len(v)-1]; last == ' ' || last == '\t' || last == '\r' {
		return false
	}
	for _, r := range string(v) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r):
		case r == ' ', r == '.', r == ',', r == '-', r == '\'', r == '(', r == ')', r == '!', r == '?',
			r == '¿', r == '¡', r == '/', r == '’', r == '—', r == '–':
		default:
			return false
		}
	}
	switch string(v) {
	case "null", "Null", "NULL":
		return false
	}
	return true
}
