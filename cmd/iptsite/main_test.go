package main

import (
	"os"
	"os/exec"
	"regexp"
	"slices"
	"testing"
)

// TestHeapFirst: package heap initializes before goldmark and the packages of ours that
// use it, whose initialization allocates most (see package heap). Go orders the
// initialization by import path where the imports allow; a new import of package heap,
// or a new Go, could move it after them, where it would take effect too late.
func TestHeapFirst(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var order []string
	for _, m := range regexp.MustCompile(`(?m)^init (\S+) @`).FindAllSubmatch(out, -1) {
		order = append(order, string(m[1]))
	}
	heap := slices.Index(order, "github.com/iptsite/iptsite/internal/heap")
	if heap < 0 {
		t.Fatalf("package heap does not initialize:\n%s", out)
	}
	for _, later := range []string{
		"github.com/yuin/goldmark/util", "github.com/yuin/goldmark/parser", "github.com/yuin/goldmark/extension",
		"github.com/iptsite/iptsite/internal/markdown", "github.com/iptsite/iptsite/internal/config",
		"github.com/iptsite/iptsite/internal/render", "github.com/tdewolff/minify/v2/html",
	} {
		if i := slices.Index(order, later); i < heap {
			t.Errorf("%s initializes before package heap (at %d, heap at %d), or not at all", later, i, heap)
		}
	}
}
