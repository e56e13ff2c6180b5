package deploy_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/deploy"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// docPolicy is the site of the examples in docs/deploy.md: built with
// --baseURL https://clinic.example/ipt/, so its pages' policy is render.CSP.
var docPolicy = deploy.Policy{Base: "/ipt/", CSP: render.CSP}

// docRoot is the folder of the nginx example that holds ipt/.
const docRoot = "/var/www/html"

// docBlocks are the generated blocks of docs/deploy.md, made from the table.
func docBlocks() map[string]string {
	var table strings.Builder
	files := map[deploy.Files]string{deploy.AllFiles: "every file", deploy.Fingerprinted: "fingerprinted files", deploy.OtherFiles: "every other file"}
	for _, h := range docPolicy.Table() {
		fmt.Fprintf(&table, "%s: %s\n    (%s)\n", h.Name, h.Value, files[h.Files])
	}
	return map[string]string{
		"headers": table.String(),
		"nginx":   docPolicy.Nginx(docRoot),
		"apache":  string(docPolicy.Htaccess()),
	}
}

// TestDeployDoc holds the headers, the nginx block and the .htaccess of docs/deploy.md
// to the table they are made from (go test ./internal/deploy -update rewrites them).
func TestDeployDoc(t *testing.T) {
	_, here, _, _ := runtime.Caller(0)
	file := filepath.Join(filepath.Dir(here), "..", "..", "docs", "deploy.md")
	doc, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	blocks := sitetest.DocBlocks(t, doc)
	want := docBlocks()
	changed := false
	// From the last block to the first, so that rewriting keeps the offsets before it.
	for len(blocks) > 0 {
		name, last := "", -1
		for n, b := range blocks {
			if b[0] > last {
				name, last = n, b[0]
			}
		}
		b := blocks[name]
		delete(blocks, name)
		w, ok := want[name]
		if !ok {
			t.Errorf("docs/deploy.md: a generated block %s that the table does not make", name)
			continue
		}
		delete(want, name)
		if got := string(doc[b[0]:b[1]]); got != w {
			if *sitetest.Update {
				doc = append(doc[:b[0]:b[0]], append([]byte(w), doc[b[1]:]...)...)
				changed = true
				continue
			}
			t.Errorf("docs/deploy.md: the %s block is not what the table makes (go test ./internal/deploy -update):\ngot:\n%s\nwant:\n%s", name, got, w)
		}
	}
	for name := range want {
		t.Errorf("docs/deploy.md has no generated block %s", name)
	}
	if changed {
		if err := os.WriteFile(file, doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
