package markdown

import (
	"regexp"
	"strings"
	"testing"
)

// alertMarker is the expression that alertType replaces.
var alertMarker = regexp.MustCompile(`^\s*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$`)

var alertSeeds = []string{"[!NOTE]", " [!TIP] \t", "[!NOTE]\r\n", "[!note]", "[!NOPE]", "[!NOTE] x", "[NOTE]", "![NOTE]", "[!NOTE", "\v[!NOTE]", "\f[!WARNING]\r", "", "[!]", "[!CAUTION]]"}

// TestAlertType holds alertType to the expression it replaces, on a first line as the
// parser gives it (with its line ending, which the expression was given without).
func TestAlertType(t *testing.T) {
	for _, s := range alertSeeds {
		checkAlertType(t, s)
	}
}

// FuzzAlertType does the same for any line; make fuzz runs it.
func FuzzAlertType(f *testing.F) {
	for _, s := range alertSeeds {
		f.Add(s)
	}
	f.Fuzz(checkAlertType)
}

func checkAlertType(t *testing.T, line string) {
	want := ""
	if m := alertMarker.FindStringSubmatch(strings.TrimRight(line, "\r\n")); m != nil {
		want = strings.ToLower(m[1])
	}
	if got := alertType([]byte(line)); got != want {
		t.Errorf("alertType(%q) = %q, the expression says %q", line, got, want)
	}
}
