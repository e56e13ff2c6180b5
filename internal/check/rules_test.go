package check

import (
	"os"
	"strings"
	"testing"
)

// TestRulesDocumented checks that the package documentation, the manual, lists every
// rule by its name with its default level, so a rule cannot be added or renamed silently.
func TestRulesDocumented(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[RuleName]bool{}
	for _, r := range Rules {
		if seen[r.Name] {
			t.Errorf("rule %s listed twice", r.Name)
		}
		seen[r.Name] = true
		line := "//\t" + string(r.Name) + strings.Repeat(" ", max(1, 17-len(r.Name))) + r.Level
		if !strings.Contains(string(doc), line) {
			t.Errorf("doc.go does not list %q", line)
		}
	}
	if seen[RuleBuild] {
		t.Error("the rule build is listed: its level cannot be changed")
	}
}
