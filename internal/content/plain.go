package content

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Most front matter is a few lines of "key: plain words", such as "title: Your first
// session" and "worksheet: true". The YAML decoder costs about a tenth of a large site's
// build for them (a parser, its buffers and a node tree for each page), so decodePlain
// reads them directly, and the params: of a worksheet, a few lines of "  key: plain words"
// or "  key: [plain words, plain words]". It reads only what the decoder would read the
// same way, and leaves anything else to it: quotes, other lists, deeper mappings,
// comments, tabs, a colon or a # in a value, a word YAML may read as something other than
// a string, a repeated or unknown key, a carriage return, an empty line. TestPlainAsYAML
// and FuzzPlainAsYAML hold it to the decoder's result, keys, values and lines.

// decodePlain decodes yml into p when every line is a known key and a plain value, and
// reports whether it did. When it reports false, p is as it was.
func (p *Page) decodePlain(yml []byte) bool {
	var fm FrontMatter
	type keyLine struct {
		key  string
		line int
	}
	var seen [12]keyLine
	n := 0
	for line := 2; len(yml) > 0; line++ { // line 1 is the opening "---"
		var l []byte
		l, yml, _ = bytes.Cut(yml, []byte("\n"))
		if string(l) == "params:" && fm.Params == nil {
			if fm.Params, yml = plainParams(yml); fm.Params == nil || n == len(seen) {
				return false
			}
			seen[n] = keyLine{"params", line}
			n++
			line += len(fm.Params)
			continue
		}
		k, v, ok := bytes.Cut(l, []byte(": "))
		if !ok || n == len(seen) {
			return false
		}
		key, field := fm.plainField(k)
		if field == nil {
			return false
		}
		for _, s := range seen[:n] {
			if s.key == key {
				return false // the decoder's error names both lines
			}
		}
		seen[n] = keyLine{key, line}
		n++
		switch f := field.(type) {
		case *string:
			if !plainWords(v) {
				return false
			}
			*f = string(v)
		case *int:
			if *f, ok = plainInt(v); !ok {
				return false
			}
		case *bool:
			switch string(v) {
			case "true":
				*f = true
			case "false":
			default:
				return false
			}
		}
	}
	if n == 0 {
		return false
	}
	p.FrontMatter = fm
	for _, s := range seen[:n] {
		p.Lines[s.key] = s.line
	}
	return true
}

// plainField returns key k and the field of fm it sets, for the keys decodePlain reads:
// a *string, *int or *bool; nil for the others.
func (fm *FrontMatter) plainField(k []byte) (string, any) {
	switch string(k) {
	case "title":
		return "title", &fm.Title
	case "description":
		return "description", &fm.Description
	case "slug":
		return "slug", &fm.Slug
	case "layout":
		return "layout", &fm.Layout
	case "id":
		return "id", &fm.ID
	case "menu":
		return "menu", &fm.Menu
	case "weight":
		return "weight", &fm.Weight
	case "draft":
		return "draft", &fm.Draft
	case "toc":
		return "toc", &fm.TOC
	case "worksheet":
		return "worksheet", &fm.Worksheet
	case "quickExit":
		return "quickExit", &fm.QuickExit
	case "repeat":
		return "repeat", &fm.Repeat
	}
	return "", nil
}

// plainWords reports whether YAML reads v as the string it is: it starts with a letter
// (or a digit, when a space follows later: "5 ways to rest"), it ends with neither a
// space nor a tab, it holds only letters, digits, spaces and common punctuation (no quote
// at its start, no colon, no #), and it is not one of the words YAML reads as null or a
// boolean.
func plainWords(v []byte) bool {
	if len(v) == 0 || v[len(v)-1] == ' ' {
		return false
	}
	first, _ := utf8.DecodeRune(v)
	switch {
	case unicode.IsLetter(first):
	case first >= '0' && first <= '9' && bytes.IndexByte(v, ' ') > 0:
	default:
		return false
	}
	for _, r := range string(v) {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r):
		case strings.ContainsRune(" .,-'()!?¿¡/’—–", r):
		default:
			return false
		}
	}
	if len(v) <= len("false") {
		switch strings.ToLower(string(v)) {
		case "null", "true", "false", "yes", "no", "on", "off", "y", "n":
			return false
		}
	}
	return true
}

// plainParams reads the lines of params: at the head of yml, each "  key: plain words" or
// "  key: [plain words, plain words]", into the map the decoder makes of them (a string,
// or a list of strings), and returns it with the rest of yml. It returns a nil map when
// a line is of another kind, a key repeats, or there is no line.
func plainParams(yml []byte) (map[string]any, []byte) {
	params := map[string]any{}
	for len(yml) > 0 && bytes.HasPrefix(yml, []byte("  ")) {
		var l []byte
		l, yml, _ = bytes.Cut(yml, []byte("\n"))
		k, v, ok := bytes.Cut(l[2:], []byte(": "))
		if !ok || !plainKey(k) || params[string(k)] != nil {
			return nil, nil
		}
		if list, ok := bytes.CutPrefix(v, []byte("[")); ok {
			list, ok = bytes.CutSuffix(list, []byte("]"))
			var items []any
			for item := range bytes.SplitSeq(list, []byte(", ")) {
				if !ok || !plainWords(item) || bytes.IndexByte(item, ',') >= 0 {
					return nil, nil
				}
				items = append(items, string(item))
			}
			params[string(k)] = items
			continue
		}
		if !plainWords(v) {
			return nil, nil
		}
		params[string(k)] = string(v)
	}
	if len(params) == 0 {
		return nil, nil
	}
	return params, yml
}

// plainKey reports whether YAML reads k as the string it is, a key of params: an ASCII
// letter, then letters, digits, - and _, and not a word YAML reads as null or a boolean.
func plainKey(k []byte) bool {
	if len(k) == 0 || !(k[0] >= 'a' && k[0] <= 'z' || k[0] >= 'A' && k[0] <= 'Z') {
		return false
	}
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return plainWords(k)
}

// plainInt reads a weight: up to nine ASCII digits, without a leading zero.
func plainInt(v []byte) (int, bool) {
	if len(v) == 0 || len(v) > 9 || v[0] == '0' && len(v) > 1 {
		return 0, false
	}
	n := 0
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
