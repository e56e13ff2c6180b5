package render_test

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ukSite is a clinic in the UK: its own crisis lines in both languages, and the
// default pages.
const ukSite = `title: Clinic
storageKey: uk
crisis:
  - label: Samaritans
    number: "116 123"
  - label: In immediate danger
    number: "999"
  - label: Shout
    sms: "85258"
    keyword: SHOUT
  - label: Refuge
    number: "0808 2000 247"
    topic: abuse
languages:
  es:
    crisis:
      - label: Samaritans
        number: "116 123"
      - label: En peligro inmediato
        number: "999"
`

// TestCrisisLinesComeFromSiteYAML builds the default pages with the crisis lines of a
// clinic in the UK: no US number may be left anywhere in the output, and the help page
// and the dispute pages list the clinic's own.
func TestCrisisLinesComeFromSiteYAML(t *testing.T) {
	mem, _ := sitetest.Build(t, render.Options{Source: sitetest.Source(fstest.MapFS{"site.yaml": {Data: []byte(ukSite)}})})
	// A number standing alone: not part of a longer run of digits or of a hex hash.
	us := regexp.MustCompile(`(?:^|[^0-9A-Za-z])(988|911|741741|88788|1-800-799-7233|799-7233)(?:[^0-9A-Za-z]|$)`)
	texts := 0
	for _, name := range mem.Names() {
		if !textFile(name) {
			continue
		}
		texts++
		data, _ := mem.File(name)
		for _, m := range us.FindAllSubmatchIndex(data, -1) {
			from := max(m[2]-60, 0)
			to := min(m[3]+60, len(data))
			t.Errorf("%s: US number %s in a site with UK lines only: …%s…", name, data[m[2]:m[3]], data[from:to])
		}
	}
	if texts < 50 {
		t.Fatalf("only %d text files checked", texts)
	}
	for page, want := range map[string]string{
		"help-now/index.html":                `href="tel:116123">Call 116 123</a>`,
		"problem-areas/disputes/index.html":  `href="tel:08082000247">Call 0808 2000 247</a>`,
		"worksheets/role-dispute/index.html": `href="tel:08082000247">Call 0808 2000 247</a>`,
		"es/help-now/index.html":             `href="tel:999">Llama al 999</a>`,
	} {
		data, _ := mem.File(page)
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("%s does not hold %s", page, want)
		}
	}
	home, _ := mem.File("index.html")
	if bytes.Contains(home, []byte("Refuge")) {
		t.Errorf("the crisis box on every page shows a line of a topic (Refuge, topic abuse)")
	}
	if !bytes.Contains(home, []byte(`href="sms:85258?&amp;body=SHOUT">Text SHOUT to 85258</a>`)) {
		t.Errorf("the crisis box has no sms: link for Shout")
	}
}

func textFile(name string) bool {
	for _, ext := range []string{".html", ".js", ".css", ".json", ".xml", ".txt", ".webmanifest"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// TestEveryCrisisNumberIsALink reads every page of the default site as text: each
// number of a crisis line of site.yaml, wherever it is written, must be inside a link
// that calls it (tel:) or texts it (sms:), so a person on a phone can tap it.
func TestEveryCrisisNumberIsALink(t *testing.T) {
	mem := buildDefault(t, render.Options{})
	cfg, err := config.Load(sitetest.Source(nil))
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, lang := range cfg.Langs() {
		for _, c := range cfg.For(lang).Crisis {
			for _, n := range []string{c.Number, c.SMS} {
				if n != "" && !slices.Contains(numbers, n) {
					numbers = append(numbers, n)
				}
			}
		}
	}
	if len(numbers) < 4 {
		t.Fatalf("the default site.yaml has only the numbers %q", numbers)
	}
	found := 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.File(name)
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node, link string)
		walk = func(n *html.Node, link string) {
			if n.Type == html.ElementNode && n.DataAtom == atom.A {
				for _, a := range n.Attr {
					if a.Key == "href" {
						link = a.Val
					}
				}
			}
			if n.Type == html.TextNode {
				for _, num := range numbers {
					if !containsNumber(n.Data, num) {
						continue
					}
					found++
					if !strings.HasPrefix(link, "tel:") && !strings.HasPrefix(link, "sms:") {
						t.Errorf("%s: %q is written as plain text in %q", name, num, strings.TrimSpace(n.Data))
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, link)
			}
		}
		walk(doc, "")
	}
	if found == 0 {
		t.Fatal("no crisis number found on any page")
	}
}

// containsNumber reports whether num stands in s on its own, not inside a longer number.
func containsNumber(s, num string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], num)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(num)
		before := j == 0 || !isDigit(s[j-1])
		after := end == len(s) || !isDigit(s[end])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// TestQuickExitNote checks that every page with the quick-exit button says, under its
// heading, that leaving quickly does not clear the browser's history, and that no other
// page does.
func TestQuickExitNote(t *testing.T) {
	mem := buildDefault(t, render.Options{})
	with := 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		data, _ := mem.File(name)
		page := string(data)
		bar, note := strings.Contains(page, `class="quickexit"`), strings.Contains(page, `class="quickexit-note"`)
		if bar != note {
			t.Errorf("%s: quick-exit button %v, note on the history %v", name, bar, note)
		}
		if bar {
			with++
			if h1 := strings.Index(page, "</h1>"); h1 < 0 || !strings.HasPrefix(strings.TrimSpace(page[h1+5:]), `<p class="quickexit-note">`) {
				t.Errorf("%s: the note on the history is not right under the heading", name)
			}
		}
	}
	if with < 10 {
		t.Errorf("only %d pages have the quick-exit button", with)
	}
}
