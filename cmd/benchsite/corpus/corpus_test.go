package corpus

import (
	"bytes"
	"strings"
	"testing"
)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(300, 1), Generate(300, 1)
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("file %d differs between two runs: %s and %s", i, a[i].Name, b[i].Name)
		}
	}
	if c := Generate(300, 2); c[0].Name == a[0].Name {
		t.Errorf("seeds 1 and 2 give the same first file %s", a[0].Name)
	}
}

// TestGenerateShape checks the shape of the original corpus: unique names in one folder,
// front matter with only a five-word title, three paragraphs, about 650 bytes a file.
func TestGenerateShape(t *testing.T) {
	files := Generate(4000, 1)
	if len(files) != 4000 {
		t.Fatalf("got %d files, want 4000", len(files))
	}
	seen := map[string]bool{}
	for _, f := range files {
		if seen[f.Name] {
			t.Fatalf("duplicate name %s", f.Name)
		}
		seen[f.Name] = true
		if !strings.HasPrefix(f.Name, Dir+"/") || strings.Count(f.Name, "/") != 2 || !strings.HasSuffix(f.Name, ".md") {
			t.Fatalf("name %s is not a .md file in %s", f.Name, Dir)
		}
		fm, body, ok := strings.Cut(strings.TrimPrefix(string(f.Data), "---\n"), "\n---\n")
		if !ok || !strings.HasPrefix(fm, "title: ") || strings.Contains(fm, "\n") {
			t.Fatalf("%s: front matter is not one title line:\n%s", f.Name, f.Data)
		}
		if n := len(strings.Fields(strings.TrimPrefix(fm, "title: "))); n != 5 {
			t.Fatalf("%s: title has %d words, want 5", f.Name, n)
		}
		if n := len(strings.Split(strings.TrimSpace(body), "\n\n")); n != 3 {
			t.Fatalf("%s: %d paragraphs, want 3:\n%s", f.Name, n, f.Data)
		}
	}
	if avg := Bytes(files) / len(files); avg < 550 || avg > 750 {
		t.Errorf("average file is %d bytes, want about 650", avg)
	}
}
