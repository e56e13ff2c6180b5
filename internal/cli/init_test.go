package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is what TestInitPagesWorkflow reads of a GitHub Actions workflow.
type workflow struct {
	On          map[string]any    `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		Needs       any `yaml:"needs"`
		Environment struct {
			Name string `yaml:"name"`
		} `yaml:"environment"`
		Steps []struct {
			ID   string            `yaml:"id"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestInitPagesWorkflow: iptsite init writes a GitHub Pages workflow that is YAML, uses
// the actions GitHub documents for Pages in the right order, builds with the Pages
// site's address as baseURL, and publishes what the build wrote; and a README that
// says how to turn it on.
func TestInitPagesWorkflow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out, errs bytes.Buffer
	if st := Main([]string{"init", dir}, &out, &errs); st != ExitOK {
		t.Fatalf("init: status %d: %s", st, errs.String())
	}
	data, err := os.ReadFile(filepath.Join(dir, ".github/workflows/pages.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf workflow
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&wf); err != nil {
		t.Fatalf("pages.yml is not YAML: %v", err)
	}
	if _, ok := wf.On["push"]; !ok {
		t.Error("the workflow does not run on push")
	}
	if wf.Permissions["pages"] != "write" || wf.Permissions["id-token"] != "write" {
		t.Errorf("permissions %v: deploy-pages needs pages: write and id-token: write", wf.Permissions)
	}
	build, deploy := wf.Jobs["build"], wf.Jobs["deploy"]
	var uses []string
	run, uploaded := "", ""
	for _, s := range build.Steps {
		if s.Uses != "" {
			name, _, _ := strings.Cut(s.Uses, "@")
			uses = append(uses, name)
		}
		if strings.Contains(s.Run, "iptsite") {
			run = s.Run
			uses = append(uses, "(build)")
		}
		if strings.HasPrefix(s.Uses, "actions/upload-pages-artifact@") {
			uploaded = s.With["path"]
		}
		if strings.HasPrefix(s.Uses, "actions/configure-pages@") && s.ID != "pages" {
			t.Errorf("configure-pages has id %q; the build reads steps.pages.outputs", s.ID)
		}
	}
	want := []string{"actions/checkout", "actions/setup-go", "actions/configure-pages", "(build)", "actions/upload-pages-artifact"}
	if !slices.Equal(uses, want) {
		t.Errorf("the build job's steps are %v, want %v", uses, want)
	}
	if !strings.Contains(run, `build -d public --baseURL "${{ steps.pages.outputs.base_url }}/"`) {
		t.Errorf("the build step %q does not build into public/ with the Pages address as baseURL", run)
	}
	if !strings.Contains(run, "github.com/iptsite/iptsite/cmd/iptsite@latest") {
		t.Errorf("the build step %q does not name the iptsite that wrote it (a development build: latest)", run)
	}
	if uploaded != "public" {
		t.Errorf("upload-pages-artifact uploads %q, want public", uploaded)
	}
	if deploy.Needs != "build" || deploy.Environment.Name != "github-pages" ||
		len(deploy.Steps) != 1 || !strings.HasPrefix(deploy.Steps[0].Uses, "actions/deploy-pages@") {
		t.Errorf("the deploy job needs %v, in %q, runs %+v; want deploy-pages after build, in github-pages", deploy.Needs, deploy.Environment.Name, deploy.Steps)
	}

	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{".github/workflows/pages.yml", "Settings > Pages", "GitHub Actions", "docs/deploy.md"} {
		if !strings.Contains(string(readme), s) {
			t.Errorf("the new site's README does not say %q", s)
		}
	}
	if !strings.Contains(out.String(), "README.md") {
		t.Errorf("init does not point to the README: %q", out.String())
	}
}
