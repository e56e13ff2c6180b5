package worksheet_test

import (
	"os"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/worksheet"
)

// idCases reads testdata/ids.txt: the ids a worksheet may have, and those it may not.
func idCases(t *testing.T) (good, bad []string) {
	t.Helper()
	data, err := os.ReadFile("testdata/ids.txt")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		kind, id, ok := strings.Cut(line, " ")
		switch {
		case ok && kind == "good":
			good = append(good, id)
		case ok && kind == "bad":
			bad = append(bad, id)
		default:
			t.Fatalf("testdata/ids.txt:%d: want good or bad and an id: %q", i+1, line)
		}
	}
	if len(good) < 3 || len(bad) < 3 {
		t.Fatalf("testdata/ids.txt: only %d good and %d bad ids", len(good), len(bad))
	}
	return good, bad
}

func TestCheckID(t *testing.T) {
	good, bad := idCases(t)
	for _, id := range good {
		if err := worksheet.CheckID(id); err != nil {
			t.Errorf("CheckID(%q) = %v, want nil", id, err)
		}
	}
	for _, id := range bad {
		if err := worksheet.CheckID(id); err == nil || !strings.Contains(err.Error(), "worksheet id") {
			t.Errorf("CheckID(%q) = %v, want an error naming the worksheet id", id, err)
		}
	}
}
