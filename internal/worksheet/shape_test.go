package worksheet

import (
	"regexp"
	"testing"
)

// The id checks with the regular expressions they replace.
var (
	hyphenatedRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	fieldIDRE    = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
)

var idSeeds = []string{"", "-", "--", "a", "1", "a-", "-a", "a--b", "a-b", "1-a", "phq-9", "mood-check-2", "A", "a_b", "a b", "é", "a-B", "0a-0", "a-1-"}

// TestIDShapes holds isHyphenated and isFieldID to the expressions they replace.
func TestIDShapes(t *testing.T) {
	for _, s := range idSeeds {
		checkIDShapes(t, s)
	}
}

// FuzzIDShapes does the same for any string; make fuzz runs it.
func FuzzIDShapes(f *testing.F) {
	for _, s := range idSeeds {
		f.Add(s)
	}
	f.Fuzz(checkIDShapes)
}

func checkIDShapes(t *testing.T, s string) {
	if got, want := isHyphenated(s), hyphenatedRE.MatchString(s); got != want {
		t.Errorf("isHyphenated(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := isFieldID(s), fieldIDRE.MatchString(s); got != want {
		t.Errorf("isFieldID(%q) = %v, the expression says %v", s, got, want)
	}
}
