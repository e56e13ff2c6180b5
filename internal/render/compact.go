package render

import "bytes"

// compactBlocks removes the line breaks that goldmark, and the worksheet's renderer,
// write between block elements ("</p>\n<h2"), which were all that minifying a page's
// Markdown HTML took out of the default site: its pages came out 54 bytes larger in
// all, for a tenth of a build's CPU time. A line break goes only where it sits between
// a tag's '>' and the next '<' and one of the two tags is a block element's, outside pre,
// textarea, script and style, so that no text or inline element changes:
// TestCompactSameDOM holds every page of the default site to what the minifier makes of
// it, as a browser reads both, and FuzzCompact any Markdown. It returns false, for the
// minifier, on HTML it leaves alone: a comment (which the minifier removes), a tag in
// capitals, a pre, textarea, script or style element that does not close. It works in
// place: b is not to be used after.
func compactBlocks(b []byte) ([]byte, bool) {
	regions, ok := rawRegions(b)
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
	return b[:w], true
}

// rawRegions returns where the contents of the pre, textarea, script and style elements
// of b are, from after their opening tag's name to their closing tag, in order; false
// for HTML that compactBlocks leaves to the minifier.
func rawRegions(b []byte) (regions [][2]int, ok bool) {
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
		var end string
		switch string(name) {
		case "pre":
			end = "</pre"
		case "textarea":
			end = "</textarea"
		case "script":
			end = "</script"
		case "style":
			end = "</style"
		default:
			continue
		}
		k := bytes.Index(b[i:], []byte(end))
		if k < 0 {
			return nil, false
		}
		regions = append(regions, [2]int{i, i + k})
		i += k + 1
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
