package render

import (
	"testing"

	"github.com/iptsite/iptsite/internal/config"
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
