// Package corpus makes the Markdown corpus of the public static-site-generator benchmark
// "Which generator builds Markdown the fastest?" (Zach Leatherman, 2022), whose files come
// from github.com/seancdavis/ssg-build-performance-tests: N pages in one folder, each with
// YAML front matter holding only a five-word lorem-ipsum title, and a body of three
// lorem-ipsum paragraphs, about 650 bytes a file. The file name is the title with its
// spaces replaced by hyphens.
//
// The corpus is deterministic: the same size and seed give the same bytes, so a figure
// measured here can be measured again anywhere.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Sizes are the page counts of the benchmark.
var Sizes = []int{250, 500, 1000, 2000, 4000, 10000}

// Dir is the folder, under the site folder, that holds the pages.
const Dir = "content/posts"

// A File is one page of the corpus.
type File struct {
	Name string // slash-separated, under the site folder: "content/posts/amet-sit-ut-ea-do.md"
	Data []byte
}

// words are the words of the lorem-ipsum generator the original corpus was made with.
var words = strings.Fields(`ad adipisicing aliqua aliquip amet anim aute cillum commodo
consectetur consequat culpa cupidatat deserunt do dolor dolore duis ea eiusmod elit enim
esse est et eu ex excepteur exercitation fugiat id in incididunt ipsum irure labore laboris
laborum Lorem magna minim mollit nisi non nostrud nulla occaecat officia pariatur proident
qui quis reprehenderit sint sit sunt tempor ullamco ut velit veniam voluptate`)

// Generate returns n pages made from seed, in the order they were made.
func Generate(n int, seed uint64) []File {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	files := make([]File, 0, n)
	seen := make(map[string]bool, n)
	for len(files) < n {
		title := phrase(r, 5)
		name := Dir + "/" + strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".md"
		if seen[name] {
			continue // the original generator also draws again on a duplicate name
		}
		seen[name] = true
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s\n---\n", title)
		for range 3 {
			b.WriteString("\n")
			b.WriteString(paragraph(r))
			b.WriteString("\n")
		}
		files = append(files, File{Name: name, Data: []byte(b.String())})
	}
	return files
}

// phrase is n random words separated by spaces.
func phrase(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	return strings.Join(ws, " ")
}

// paragraph is two to four sentences of four to sixteen words: with the title, about
// 650 bytes a file, the size of the original corpus.
func paragraph(r *rand.Rand) string {
	n := 2 + r.IntN(3)
	ss := make([]string, n)
	for i := range ss {
		s := phrase(r, 4+r.IntN(13))
		ss[i] = strings.ToUpper(s[:1]) + s[1:] + "."
	}
	return strings.Join(ss, " ")
}

// Write writes files into the site folder dir.
func Write(dir string, files []File) error {
	made := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// MapFS returns files as an in-memory site folder.
func MapFS(files []File) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[path.Clean(f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// Bytes is the total size of files.
func Bytes(files []File) int {
	n := 0
	for _, f := range files {
		n += len(f.Data)
	}
	return n
}
