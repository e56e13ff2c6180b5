package check

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func mainOf(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><body>" + s + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	return findElement(doc, func(n *html.Node) bool { return n.DataAtom == atom.Main })
}

// TestReadable checks what counts as read: the blocks of <main>, without navigation,
// controls, script-only tools, repeated rows and repeated blocks.
func TestReadable(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"blocks", `<main><h1>Title</h1><p>One <em>two</em>.<br>Three.</p><ul><li>A<ul><li>B</li></ul></li></ul></main>`,
			[]string{"Title", "One two. Three.", "A", "B"}},
		{"navigation", `<main><nav class="breadcrumbs"><a href="/">Home</a></nav><h1>T</h1><nav class="toc"><h2>On this page</h2></nav><p>Text.</p><nav class="pager"><a href="x">Next</a></nav></main>`,
			[]string{"T", "Text."}},
		{"controls", `<main><div class="ws-field"><label for="f">Who matters?</label><p class="ws-hint">A name is fine.</p><input id="f"><button>Clear</button><select><option>3</option></select></div><div class="ws-tools ws-js"><p>Saved</p></div><svg><text>chart</text></svg></main>`,
			[]string{"Who matters?", "A name is fine."}},
		{"repeated rows", `<main><ol data-rows><li data-row><label>Goal <span>1</span></label></li><li data-row><label>Goal <span>2</span></label></li></ol><table><tbody data-rows data-fixed><tr data-row><th>Out of bed</th></tr><tr data-row><th>Dinner</th></tr></tbody></table></main>`,
			[]string{"Goal 1", "Out of bed", "Dinner"}},
		{"repeated blocks", `<main><fieldset><legend>1. Sleep</legend><label>Not at all</label><label>Often</label></fieldset><fieldset><legend>2. Food</legend><label>Not at all</label><label>Often</label></fieldset></main>`,
			[]string{"1. Sleep", "Not at all", "Often", "2. Food"}},
		{"hidden", `<main><p hidden>Gone.</p><p aria-hidden="true">Gone too.</p><p>Here <span class="ws-cell-label">Name</span>now.</p><table><tr><th>Name <span class="ws-hint">A first name.</span></th></tr></table></main>`,
			[]string{"Here now.", "Name", "A first name."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readable(mainOf(t, tt.html))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestBareNoun(t *testing.T) {
	for label, want := range map[string]bool{
		"Name": true, "My goals": true, "Feelings:": true,
		"When": false, "With whom": false, "Who matters?": false, "What I would change": false,
		"My goals for therapy": false, "": false,
	} {
		if got := bareNoun(label); got != want {
			t.Errorf("bareNoun(%q) = %v, want %v", label, got, want)
		}
	}
}
