package content

import (
	"strings"
	"testing"
	"time"
)

// Bad input gets a clear error with its line, never silence.
func TestParseErrors(t *testing.T) {
	big := "---\ntitle: Big\nparams:\n" + strings.Repeat("  k: \"0123456789012345678901234567890123456789\"\n", 2000) + "---\nText.\n"
	for _, c := range []struct{ name, data, want string }{
		{"invalid UTF-8 in the body", "---\ntitle: A\n---\nOne.\nTwo \xff\xfe.\n", "a.md:5: not UTF-8 text"},
		{"invalid UTF-8 in the front matter", "---\ntitle: \xc3\x28\n---\n", "a.md:2: not UTF-8 text"},
		{"a binary file", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.md:1: not UTF-8 text"},
		{"text with NUL bytes (UTF-16)", "-\x00-\x00-\x00\n\x00", "a.md:1: not UTF-8 text"},
		{"front matter over 64 KB", big, "a.md:1: front matter is over 64 KB: keep it short (is its closing \"---\" line missing?)"},
		{"unclosed front matter over 64 KB", strings.Replace(big, "---\nText", "Text", 1), "a.md:1: front matter is over 64 KB"},
		{"repeat on a page that is not a worksheet", "---\ntitle: A\nrepeat: true\n---\n", "a.md:3: repeat: true is for a worksheet"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Parse("a.md", []byte(c.data))
			got := errs.Err()
			if got == nil || !strings.HasPrefix(got.Error(), c.want) {
				t.Errorf("got %v, want %s", got, c.want)
			}
		})
	}
	// Text in any script is fine.
	if _, errs := Parse("a.md", []byte("---\ntitle: ¿Cómo? 你好\n---\nÉté — ✓\n")); errs != nil {
		t.Errorf("UTF-8 text: %v", errs)
	}
}

// A huge front matter is refused at once, before the YAML decoder, which takes time that
// grows with the square of its size.
func TestParseHugeFrontMatterIsQuick(t *testing.T) {
	data := "---\ntitle: Big\nparams:\n" + strings.Repeat("  k: v\n", 1<<20) + "---\n"
	start := time.Now()
	Parse("a.md", []byte(data))
	if d := time.Since(start); d > time.Second {
		t.Errorf("parsing 7 MB of front matter took %v", d)
	}
}
