package render

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/source"
	"github.com/iptsite/iptsite/internal/worksheet"
)

// scriptOf reports whether rel, a path under static/, is a part of a joined script, and
// names that script: "js/worksheet/lock.js" is a part of "js/worksheet.js".
func scriptOf(rel string) (string, bool) {
	dir, _, ok := strings.Cut(strings.TrimPrefix(rel, "js/"), "/")
	if !ok || !strings.HasPrefix(rel, "js/") || dir == "" || !strings.HasSuffix(rel, ".js") {
		return "", false
	}
	return "js/" + dir + ".js", true
}

// sharedParts names, for a script, parts of another folder joined with its own (in the
// same lexical order): the My answers page needs the worksheet script's storage, lock,
// files and dialogs, not its fields, rows and charts, so js/my-answers.js is those parts
// and static/js/my-answers/, and js/worksheet.js goes without My answers' code.
var sharedParts = map[string][]string{
	"js/my-answers.js": {"base", "crypto", "dialog", "entries", "files", "lock", "start", "storage", "vault"},
}

// withShared returns the parts of script s with the parts it shares from the worksheet
// script (see sharedParts).
func withShared(s string, parts []string) []string {
	for _, p := range sharedParts[s] {
		parts = append(parts, "static/js/worksheet/"+p+".js")
	}
	return parts
}

// onlyFor is the comment line that makes a part of a script one that only the pages
// with certain field types get: "// only for: circle timeline" at the head of
// field-circle.js or chart.js. A worksheet page's script is joined from the other
// parts and those for the types of its own fields, so that a page without a chart does
// not download the code that draws one.
const onlyFor = "// only for:"

// A joined is a script whose parts are not all on every page (see onlyFor): it is
// written once for each set of parts that some page asks for.
type joined struct {
	name  string
	parts []string            // every part, paths in the source
	only  map[string][]string // part -> the field types it is only for

	mu       sync.Mutex
	variants map[string]*variant // by the parts joined, one per line
}

// A variant is one set of a joined script's parts, written once: pages that ask for
// another set meanwhile are not kept waiting.
type variant struct {
	once sync.Once
	out  string // the output path
}

// partTypes returns the field types that the part is only for (its onlyFor line, among
// the comment lines it starts with) and that line's number, or nil when every page with
// the script gets it.
func partTypes(data []byte) ([]string, int) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "//") {
			break
		}
		if rest, ok := strings.CutPrefix(line, onlyFor); ok {
			return strings.Fields(rest), n
		}
	}
	return nil, 0
}

// checkOnlyFor reports an onlyFor line that would leave fields without their code: a
// name that is no field type (a typo would keep the part from every page, and such
// fields would never be saved), or a type a table column can have (a table's cells do
// not name their type to the page).
func (b *run) checkOnlyFor(part string, line int, types []string) {
	if len(types) == 0 {
		b.failf(part, line, "%s names no field type: name them (%s), or leave the line out", onlyFor, strings.Join(worksheet.Types, ", "))
	}
	for _, t := range types {
		switch {
		case !slices.Contains(worksheet.Types, t):
			b.failf(part, line, "%s %s: there is no field type %q (the types: %s)", onlyFor, strings.Join(types, " "), t, strings.Join(worksheet.Types, ", "))
		case worksheet.IsColumn(t):
			b.failf(part, line, "%s %s: a table column can be a %s, and a table does not tell the page the types of its columns: leave %s out, so that every worksheet page gets this part", onlyFor, strings.Join(types, " "), t, t)
		}
	}
}

// newJoined returns script s with its parts, or nil when every part is on every page
// (the script is then written once, as it is).
func (b *run) newJoined(s string, parts []string) *joined {
	j := &joined{name: s, parts: parts, only: map[string][]string{}, variants: map[string]*variant{}}
	for _, p := range parts {
		data, err := source.ReadShared(b.src, p)
		if err != nil {
			continue // joinScript reports it
		}
		if ts, line := partTypes(data); line > 0 {
			b.checkOnlyFor(p, line, ts)
			j.only[p] = ts
		}
	}
	if len(j.only) == 0 {
		return nil
	}
	return j
}

// variant returns the output path of the script for a page whose fields have the given
// types, writing it the first time a page asks for that set of parts. A nil types
// means the page's fields are not known (a template that loads the script on a page
// that is not a worksheet): that page gets every part.
func (b *run) variant(j *joined, types map[string]bool) string {
	var parts []string
	for _, p := range j.parts {
		if ts, ok := j.only[p]; ok && types != nil && !slices.ContainsFunc(ts, func(t string) bool { return types[t] }) {
			continue
		}
		parts = append(parts, p)
	}
	key := strings.Join(parts, "\n")
	j.mu.Lock()
	v := j.variants[key]
	if v == nil {
		v = new(variant)
		j.variants[key] = v
	}
	j.mu.Unlock()
	v.once.Do(func() { v.out = b.writeScript(j.name, withShared(j.name, parts)) })
	return v.out
}

// writeScript writes the parts as one script (joinScript), minified, and returns its
// output path, as writeAsset does. The minified script is found in the cache by its
// parts, so that a warm build neither joins them nor hashes the joined script.
func (b *run) writeScript(name string, parts []string) string {
	parts, texts := b.readParts(parts)
	key := make([][]byte, 0, 2*len(parts))
	for i, p := range parts {
		key = append(key, []byte(p), texts[i])
	}
	data := b.min.cachedJoin(mediaTypes[".js"], name, key, func() []byte { return joinTexts(parts, texts) })
	return b.writeMinified(name, data)
}

// joinScript returns the parts (paths in the source) as one classic script, in lexical
// order of their paths (a walk would visit a/b.js before a-c.js): one function around
// them all, so that they share one private scope and one 'use strict', and run in order.
// Each part starts with a comment naming its file, for reading the output unminified.
func (b *run) joinScript(parts []string) []byte {
	return joinTexts(b.readParts(parts))
}

// readParts returns the parts in lexical order and the text of each (nil for one that
// could not be read, which it reports), as the build keeps them: not to be changed.
func (b *run) readParts(parts []string) ([]string, [][]byte) {
	parts = slices.Sorted(slices.Values(parts))
	texts := make([][]byte, len(parts))
	for i, p := range parts {
		data, err := source.ReadShared(b.src, p)
		if err != nil {
			b.failf(p, 0, "%v", err)
			continue
		}
		texts[i] = data
	}
	return parts, texts
}

// joinTexts joins the parts, as joinScript; a part without a text is left out.
func joinTexts(parts []string, texts [][]byte) []byte {
	const head, tail = "(() => {\n'use strict';\n", "})();\n"
	size := len(head) + len(tail)
	for i, p := range parts {
		if texts[i] != nil {
			size += len("// \n") + len(p) + len(texts[i]) + 1
		}
	}
	buf := bytes.NewBuffer(make([]byte, 0, size)) // made at its size, not grown
	buf.WriteString(head)
	for i, data := range texts {
		if data == nil {
			continue
		}
		buf.WriteString("// " + parts[i] + "\n")
		buf.Write(data)
		if !bytes.HasSuffix(data, []byte("\n")) {
			buf.WriteByte('\n')
		}
	}
	buf.WriteString(tail)
	return buf.Bytes()
}
