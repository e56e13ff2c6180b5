package render

import (
	"fmt"
	"slices"
	"testing"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/content"
)

func TestRel(t *testing.T) {
	tests := []struct {
		from, target string
		portable     bool
		want         string
	}{
		{"/", "/", false, "./"},
		{"/", "/a/", false, "a/"},
		{"/a/b/", "/a/c/", false, "../../a/c/"},
		{"/a/b/", "/a/b/", false, "../../a/b/"},
		{"/a/b/", "/a/", false, "../../a/"},
		{"/a/b/", "/", false, "../../"},
		{"/a/b/", "/css/s.css", false, "../../css/s.css"},
		{"/a/", "/a/b/#x", false, "../a/b/#x"},
		{"/404.html", "/css/s.css", false, "css/s.css"},
		{"/a/b/", "/a/", true, "../../a/index.html"},
		{"/", "/", true, "index.html"},
		{"/a/", "/b/?q=1#f", true, "../b/index.html?q=1#f"},
	}
	for _, tt := range tests {
		b := &builder{cfg: &config.Site{Portable: tt.portable}}
		if got := b.rel(tt.from, tt.target, false); got != tt.want {
			t.Errorf("rel(%q, %q, portable=%v) = %q, want %q", tt.from, tt.target, tt.portable, got, tt.want)
		}
	}
}

// children(p, lo, hi) is the lo-th to hi-th of a section's pages then its subsections,
// wherever the window falls.
func TestChildrenWindow(t *testing.T) {
	own := &content.Section{}
	var all []*content.Page
	for i := range 5 {
		p := &content.Page{File: fmt.Sprint("p", i)}
		own.Pages = append(own.Pages, p)
		all = append(all, p)
	}
	for i := range 3 {
		s := &content.Section{Index: &content.Page{File: fmt.Sprint("s", i)}}
		own.Sections = append(own.Sections, s)
		all = append(all, s.Index)
	}
	p := &content.Page{Own: own}
	if childCount(p) != 8 || childCount(&content.Page{}) != 0 || children(&content.Page{}, 0, 50) != nil {
		t.Fatalf("childCount = %d", childCount(p))
	}
	for lo := 0; lo <= 9; lo++ {
		for hi := lo; hi <= 10; hi++ {
			want := all[min(lo, 8):min(hi, 8)]
			if got := children(p, lo, hi); !slices.Equal(got, want) && (len(got) > 0 || len(want) > 0) {
				t.Errorf("children(%d, %d) = %v, want %v", lo, hi, got, want)
			}
		}
	}
}
