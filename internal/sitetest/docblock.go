package sitetest

import (
	"regexp"
	"testing"
)

// docBlock finds a block that a test keeps equal to the code, in a Markdown file: the
// comment "<!-- generated: NAME … -->" and the fenced code block right after it.
var docBlock = regexp.MustCompile("(?s)<!-- generated: ([a-z-]+)[^>]*-->\n```[a-z]*\n(.*?)```")

// DocBlocks returns the generated blocks of doc by name, each with the offsets of its
// text in doc (for a test that rewrites it with -update).
func DocBlocks(t testing.TB, doc []byte) map[string][2]int {
	t.Helper()
	out := map[string][2]int{}
	for _, m := range docBlock.FindAllSubmatchIndex(doc, -1) {
		name := string(doc[m[2]:m[3]])
		if _, dup := out[name]; dup {
			t.Fatalf("two generated blocks named %s", name)
		}
		out[name] = [2]int{m[4], m[5]}
	}
	return out
}

// DocBlock returns the text of the generated block name of the repository's file, such
// as the nginx block of docs/deploy.md.
func DocBlock(t testing.TB, file, name string) string {
	t.Helper()
	doc := RepoFile(t, file)
	b, ok := DocBlocks(t, doc)[name]
	if !ok {
		t.Fatalf("%s has no generated block %s", file, name)
	}
	return string(doc[b[0]:b[1]])
}
