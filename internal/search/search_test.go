package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestSections(t *testing.T) {
	body := `<p>Dr. Lee helps. It takes time!</p>
<h2 id="one">First <em>part</em></h2>
<h3 id="empty">Nothing under it</h3>
<h2>No id</h2>
<ul><li>1. Call us.</li><li>Rest.</li></ul>
<div class="ws-js"><button>Download</button></div>`
	got, err := Sections([]byte(body), "en")
	if err != nil {
		t.Fatal(err)
	}
	want := []Section{
		{Sentences: []string{"Dr. Lee helps.", "It takes time!"}},
		{Heading: "First part", Anchor: "one"},
		{Heading: "Nothing under it", Anchor: "empty"},
		{Heading: "No id", Sentences: []string{"Call us.", "Rest."}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Sections:\ngot  %+v\nwant %+v", got, want)
	}
	got, _ = Sections([]byte(`<p>¿Qué es? Sr. Pérez lo sabe.</p>`), "es-MX")
	if want := []string{"¿Qué es?", "Sr. Pérez lo sabe."}; len(got) != 1 || !reflect.DeepEqual(got[0].Sentences, want) {
		t.Errorf("Spanish sentences: got %+v, want %q", got, want)
	}
}

// The script is one assignment, and text that would end a script element or break a
// line in JavaScript stays inside the string.
func TestJSRoundTrip(t *testing.T) {
	ix := &Index{Lang: "en", Pages: []Page{{
		Title: "A & B", URL: "a/", Description: "</script> <b>",
		Sections: []Section{{Heading: "H", Anchor: "h", Sentences: []string{"line\u2028sep \"quoted\""}}},
	}}}
	js, err := ix.JS()
	if err != nil {
		t.Fatal(err)
	}
	s := string(js)
	if !strings.HasPrefix(s, "self.iptsiteSearch={") || !strings.HasSuffix(s, "};\n") || strings.Count(s, "\n") != 1 {
		t.Errorf("JS = %q, want one line self.iptsiteSearch={…};", s)
	}
	if strings.Contains(s, "\u2028") {
		t.Errorf("JS has a raw U+2028: %q", s)
	}
	back, err := Parse(js)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, ix) {
		t.Errorf("Parse(JS()) = %+v, want %+v", back, ix)
	}
}
