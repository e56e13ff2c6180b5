package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// build writes one file into dst through a Dir and commits it.
func build(t *testing.T, dst string) error {
	t.Helper()
	d, err := NewDir(dst)
	if err != nil {
		return err
	}
	if err := d.WriteFile("index.html", []byte("<p>hello</p>")); err != nil {
		t.Fatal(err)
	}
	return d.Commit()
}

// entries returns the names in dir.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

func TestDirNewAndEmptyFolders(t *testing.T) {
	base := t.TempDir()
	if err := build(t, filepath.Join(base, "new", "public")); err != nil {
		t.Fatalf("a folder that does not exist: %v", err)
	}
	empty := filepath.Join(base, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := build(t, empty); err != nil {
		t.Fatalf("an empty folder: %v", err)
	}
	if got := strings.Join(entries(t, empty), " "); got != Marker+" index.html" {
		t.Errorf("the build holds %s, want the marker and index.html", got)
	}
	// The folder holds the marker now, so the next build may replace it.
	if err := build(t, empty); err != nil {
		t.Fatalf("a folder an earlier build made: %v", err)
	}
}

// A folder that holds files iptsite did not make is never replaced: the build stops
// before it writes anything, and says which folder and why.
func TestDirRefusesForeignFolder(t *testing.T) {
	base := t.TempDir()
	important := filepath.Join(base, "important")
	if err := os.Mkdir(important, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(important, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := build(t, important)
	if err == nil {
		t.Fatal("the build replaced a folder of other files")
	}
	for _, want := range []string{important, "not empty", Marker} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if got := strings.Join(entries(t, important), " "); got != "notes.txt" {
		t.Errorf("the folder holds %s, want notes.txt alone", got)
	}
	if got := strings.Join(entries(t, base), " "); got != "important" {
		t.Errorf("the build left %s beside it, want nothing", got)
	}

	file := filepath.Join(base, "important", "notes.txt")
	if err := build(t, file); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("building into a file: %v, want an error saying it is not a folder", err)
	}
}

// Files put into the destination while a build runs are not thrown away with it.
func TestDirCommitChecksAgain(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	d, err := NewDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dst, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err == nil {
		t.Fatal("Commit replaced a folder of other files")
	}
	if _, err := os.Stat(filepath.Join(dst, "notes.txt")); err != nil {
		t.Error(err)
	}
}

// A web server that runs as another user must be able to read the output.
func TestDirRootMode(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "public")
	if err := build(t, dst); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dst)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o755 {
		t.Errorf("the output folder has mode %v, want 0755", got)
	}
}

// A build writes the next page into the memory of the last (Writer): Memory keeps a copy.
func TestMemoryKeepsACopy(t *testing.T) {
	m := NewMemory()
	buf := []byte("first page")
	if err := m.WriteFile("a/index.html", buf); err != nil {
		t.Fatal(err)
	}
	copy(buf, "other page")
	if got, _ := m.File("a/index.html"); string(got) != "first page" {
		t.Errorf("a/index.html = %q after its buffer was reused", got)
	}
}
