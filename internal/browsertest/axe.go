package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// AxeTags are the axe-core rule tags that [Axe] runs: WCAG 2.0, 2.1 and 2.2,
// levels A and AA.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeScript is where `npm ci --prefix tools` puts axe-core, relative to the
// module root.
var axeScript = filepath.Join("tools", "node_modules", "axe-core", "axe.min.js")

// A Violation is one axe-core rule that the page breaks.
type Violation struct {
	ID      string // the rule, such as "image-alt" or "color-contrast"
	Impact  string // "minor", "moderate", "serious" or "critical"
	Help    string // what the rule asks for
	HelpURL string
	Nodes   []ViolationNode
}

// A ViolationNode is one element that breaks the rule.
type ViolationNode struct {
	Target  string // a CSS selector for the element
	HTML    string // the element's opening tag
	Summary string // axe's advice for this element
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t\t%s  %s", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t\t"))
		}
	}
	return b.String()
}

// Axe runs the axe-core checks for [AxeTags] on the page open in the tab ctx
// and returns the rules that it breaks, or nil. It works under the site's
// strict Content-Security-Policy: the script goes in through the DevTools
// protocol, which the policy does not govern.
//
// Axe checks the page as it is now: run it after the navigation, and again
// after emulating dark mode or a phone to check those too.
//
// When axe-core is not installed (tools/node_modules), Axe skips the test
// with a message that starts "BROWSER TESTS SKIPPED"; with CI=true in the
// environment it fails the test instead.
func Axe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, axeScript))
	if errors.Is(err, os.ErrNotExist) {
		unavailable(t, "axe-core not installed; run "+TestCommand+", which runs npm ci --prefix tools")
	}
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object"`))
	if err != nil {
		t.Fatalf("browsertest.Axe: %v", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](string(src))); err != nil {
			t.Fatalf("browsertest.Axe: loading %s: %v", axeScript, err)
		}
	}
	tags, err := json.Marshal(AxeTags)
	if err != nil {
		t.Fatal(err)
	}
	script := `axe.run(document, {runOnly: {type: "tag", values: ` + string(tags) + `}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({
			ID: v.id, Impact: v.impact || "", Help: v.help, HelpURL: v.helpUrl,
			Nodes: v.nodes.map(n => ({
				Target: n.target.map(s => typeof s === "string" ? s : JSON.stringify(s)).join(" "),
				HTML: n.html,
				Summary: n.failureSummary || "",
			})),
		})))`
	violations, err := chromedp.Run(ctx, runAxe(script))
	if err != nil {
		t.Fatalf("browsertest.Axe: running axe: %v", err)
	}
	return violations
}

// axeTimeout bounds one run of the checks; a long page takes a few seconds.
const axeTimeout = time.Minute

// runAxe evaluates script, which returns a promise of the violations. axe
// needs timers, so in a tab where NoScript turned scripts off it turns them
// on for the run and off again after.
func runAxe(script string) chromedp.Action[[]Violation] {
	return func(ctx context.Context, t *chromedp.Target) ([]Violation, error) {
		ctx, cancel := context.WithTimeout(ctx, axeTimeout)
		defer cancel()
		if _, off := noScriptTabs.Load(t); off {
			if err := setScriptsDisabled(ctx, t, false); err != nil {
				return nil, err
			}
			defer setScriptsDisabled(ctx, t, true)
		}
		return chromedp.Evaluate[[]Violation](script, chromedp.EvalAwaitPromise)(ctx, t)
	}
}

// AssertAccessible fails the test when [Axe] finds any violation, listing
// each rule with the elements that break it and axe's advice.
func AssertAccessible(t testing.TB, ctx context.Context) {
	t.Helper()
	if v := Axe(t, ctx); len(v) > 0 {
		url, _ := chromedp.Run(ctx, chromedp.Location())
		t.Errorf("axe found %d accessibility violation(s) on %s:%s", len(v), url, bullets(v))
	}
}

// moduleRoot walks up from the working directory (a package's folder under
// go test) to the folder that holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("browsertest: no go.mod found above the working directory")
		}
		dir = parent
	}
}
