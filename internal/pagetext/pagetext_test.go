package pagetext

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestBlocks(t *testing.T) {
	const page = `<main>
<nav class="breadcrumbs"><a href="/">Home</a></nav>
<h1>Grief</h1>
<p>When someone <em>close</em> dies,<br>the loss can change your days.</p>
<aside class="crisis"><p>Call 988</p></aside>
<h2 id="what-helps">What <code>helps</code></h2>
<ul><li>Talk about the person.</li><li>Talk about the person.</li></ul>
<div data-rows><div data-row><label>Name</label><input></div><div data-row><label>Second row</label></div></div>
<p class="ws-js" hidden>Needs script</p>
<button>Download</button>
<p>Ask <span class="ws-hint">a hint of its own</span> after</p>
</main>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	got := Blocks(doc)
	want := []Block{
		{Text: "Grief", Heading: 1},
		{Text: "When someone close dies, the loss can change your days."},
		{Text: "What helps", Heading: 2, ID: "what-helps"},
		{Text: "Talk about the person."},
		{Text: "Name"},
		{Text: "Ask"},
		{Text: "a hint of its own"},
		{Text: "after"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Blocks:\ngot  %+v\nwant %+v", got, want)
	}
	if got := Texts(nil); len(got) != 0 {
		t.Errorf("Texts(nil) = %q, want none", got)
	}
}
