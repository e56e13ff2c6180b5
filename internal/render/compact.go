package render

import "bytes"

// compactBlocks does to a page's Markdown HTML what minifying it did for the default
// site, for a tenth of a build's CPU time less: it removes the line breaks that goldmark
// and the worksheet renderer write between block elements ("</p>\n<h2"), and makes each
// run of white space in the text one character (collapseText). A line break goes where
// it sits between a tag's '>' and the next '<' and one of the two tags is a block
// element's; no white space changes in a tag, nor in pre, textarea, script and style. So
// no text or inline element reads differently: TestCompactSameDOM holds every page of the
// default site to what the minifier makes of it, as a browser reads both, and
// FuzzCompact any Markdown. It returns false, for the minifier, on HTML it does not
// read (rawRegions). escaped says no attribute value in b holds a '<' or a '>': goldmark
// and the worksheet renderer escape them, so only raw HTML in the Markdown can. It works
// in place: b is not to be used after.
func compactBlocks(b []byte, escaped bool) ([]byte, bool) {
	regions, ok := rawRegions(b, escaped)
	if !ok {
		return b, false
	}
	w, start := 0, 0
	for r := 0; ; {
		j := bytes.IndexByte(b[r:], '\n')
		if j < 0 {
			break
		}
		p := r + j
		r = p + 1
		for len(regions) > 0 && regions[0][1] <= p {
			regions = regions[1:]
		}
		if len(regions) > 0 && regions[0][0] <= p {
			continue // in pre, textarea, script or style
		}
		// (The last line break, after a block's end tag, goes too: what follows the
		// Markdown HTML in a page is the end of the block around it.)
		if p > 0 && b[p-1] == '>' && (p+1 == len(b) && blockTag(tagBefore(b[:p])) ||
			p+1 < len(b) && b[p+1] == '<' && (blockTag(tagBefore(b[:p])) || blockTag(tagAfter(b[p+1:])))) {
			w += copy(b[w:], b[start:p])
			start = p + 1
		}
	}
	w += copy(b[w:], b[start:])
	b = b[:w]
	if hasSpaceRun(b) {
		b = collapseText(b)
	}
	return b, true
}

// hasSpaceRun reports whether b may have white space that collapseText would shorten:
// two spaces, a space and a line break, a tab... The Markdown HTML of most pages has none,
// and is not read byte by byte.
func hasSpaceRun(b []byte) bool {
	for _, s := range []string{"  ", " \n", "\n ", "\n\n", "\t", "\r", "\f"} {
		if bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

// collapseText makes each run of white space in the text of b (not in its tags, nor in
// pre, textarea, script or style) one character, a line break if the run had one, else a
// space, as the minifier does and as a browser renders it. It works in place.
func collapseText(b []byte) []byte {
	w := 0
	var quote byte // in a tag: the quote of the attribute value it is in, or 0
	tag := -1      // in a tag: where it starts in what is written
	for r := 0; r < len(b); {
		c := b[r]
		switch {
		case tag >= 0:
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				b[w] = c
				name, opening := tagAfter(b[tag:w+1]), b[tag+1] != '/'
				w, r, tag = w+1, r+1, -1
				if rawElement(name) && opening {
					// The element's contents, as they are, to its end tag.
					k := bytes.Index(b[r:], []byte("</"+string(name)))
					if k < 0 {
						k = len(b) - r
					}
					w += copy(b[w:], b[r:r+k])
					r += k
				}
				continue
			}
		case c == '<':
			tag = w
		case isSpace(c):
			j, nl := r, false
			for ; j < len(b) && isSpace(b[j]); j++ {
				nl = nl || b[j] == '\n'
			}
			if nl {
				b[w] = '\n'
			} else {
				b[w] = ' '
			}
			w++
			r = j
			continue
		}
		b[w] = c
		w++
		r++
	}
	return b[:w]
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// rawElement reports whether the element keeps the white space of its contents.
func rawElement(name []byte) bool {
	switch string(name) {
	case "pre", "textarea", "script", "style":
		return true
	}
	return false
}

// rawRegions returns where the contents of the pre, textarea, script and style elements
// of b are, from after their opening tag's name to their closing tag, in order; false
// for HTML that compactBlocks leaves to the minifier: a comment or a doctype, a tag in
// capitals, an attribute value with a '<' or a '>' in it (looked for unless escaped), an
// element of those four that does not end.
func rawRegions(b []byte, escaped bool) (regions [][2]int, ok bool) {
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return regions, true
		}
		i += j + 1
		if i < len(b) && b[i] == '!' {
			return nil, false // a comment, or a doctype
		}
		name := tagAfter(b[i-1:])
		for _, c := range name {
			if 'A' <= c && c <= 'Z' {
				return nil, false
			}
		}
		opening := i < len(b) && b[i] != '/'
		if !escaped {
			gt, ok := tagEnd(b, i)
			if !ok {
				return nil, false
			}
			i = gt + 1
		}
		if !opening || !rawElement(name) {
			continue
		}
		k := bytes.Index(b[i:], []byte("</"+string(name)))
		if k < 0 {
			return nil, false
		}
		regions = append(regions, [2]int{i, i + k})
		i += k + 1
	}
}

// tagEnd returns where the tag whose name starts at i ends (its '>'), or false when one
// of its attribute values holds a '<' or a '>', or it does not end.
func tagEnd(b []byte, i int) (int, bool) {
	for {
		j := bytes.IndexAny(b[i:], "\"'<>")
		if j < 0 || b[i+j] == '<' {
			return 0, false
		}
		i += j
		if b[i] == '>' {
			return i, true
		}
		k := bytes.IndexByte(b[i+1:], b[i])
		if k < 0 || bytes.ContainsAny(b[i+1:i+1+k], "<>") {
			return 0, false
		}
		i += k + 2
	}
}

// tagBefore returns the name of the tag that s ends with ("p" for "…</p>"), or nil.
func tagBefore(s []byte) []byte {
	j := bytes.LastIndexByte(s, '<')
	if j < 0 {
		return nil
	}
	return tagAfter(s[j:])
}

// tagAfter returns the name of the tag that s starts with ("h2" for "<h2 id=…"), or nil.
func tagAfter(s []byte) []byte {
	if len(s) < 2 || s[0] != '<' {
		return nil
	}
	t := s[1:]
	if t[0] == '/' {
		t = t[1:]
	}
	for i, c := range t {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return t[:i]
		}
	}
	return nil
}

// blockTag reports whether the element name is one that CSS displays as a block, a list
// item or a part of a table by default: white space beside its tags is not rendered.
func blockTag(name []byte) bool {
	switch string(name) {
	case "address", "article", "aside", "blockquote", "details", "dialog", "dd", "div", "dl", "dt",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
		"header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
		"tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col", "legend", "summary":
		return true
	}
	return false
}
