package render

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
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

// joinScript returns the parts (paths in the source) as one classic script, in lexical
// order of their paths (a walk would visit a/b.js before a-c.js): one function around
// them all, so that they share one private scope and one 'use strict', and run in order.
// Each part starts with a comment naming its file, for reading the output unminified.
func (b *run) joinScript(parts []string) []byte {
	parts = slices.Sorted(slices.Values(parts))
	var buf bytes.Buffer
	buf.WriteString("(() => {\n'use strict';\n")
	for _, p := range parts {
		data, err := fs.ReadFile(b.src, p)
		if err != nil {
			b.failf(p, 0, "%v", err)
			continue
		}
		buf.WriteString("// " + p + "\n")
		buf.Write(data)
		if !bytes.HasSuffix(data, []byte("\n")) {
			buf.WriteByte('\n')
		}
	}
	buf.WriteString("})();\n")
	return buf.Bytes()
}
