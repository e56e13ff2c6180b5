package render_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/render"
)

// defaultIDs are the ids of the default site's worksheets, the names that clients'
// answers are already saved under in their browsers. Changing one loses those answers:
// a worksheet that is renamed or moved keeps its id: line instead.
var defaultIDs = []string{
	"before-first-session", "closeness-circle", "communication-analysis", "connection",
	"ending-plan", "goals", "grief", "interpersonal-inventory", "life-timeline", "mood-check",
	"phq-9", "problems-and-people", "role-dispute", "role-transition", "safety-plan", "social-rhythm",
}

// TestDefaultWorksheetIDs pins the ids of the default site's worksheets, in English and
// in Spanish, on each worksheet page and in My answers' list.
func TestDefaultWorksheetIDs(t *testing.T) {
	mem := buildDefault(t, render.Options{NoMinify: true})
	sheetID := regexp.MustCompile(`data-worksheet-id="([^"]*)"`)
	listID := regexp.MustCompile(`<a href="[^"]*" data-id="([^"]*)">`)
	for _, folder := range []string{"", "es/"} {
		var got []string
		for _, name := range mem.Names() {
			rest, ok := strings.CutPrefix(name, folder+"worksheets/")
			if !ok || strings.Count(rest, "/") != 1 || !strings.HasSuffix(rest, "/index.html") {
				continue
			}
			data, _ := mem.File(name)
			if m := sheetID.FindSubmatch(data); m != nil {
				got = append(got, string(m[1]))
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, defaultIDs) {
			t.Errorf("%sworksheets/: ids\n%v\nwant\n%v", folder, got, defaultIDs)
		}
		answers, ok := mem.File(folder + "my-answers/index.html")
		if !ok {
			t.Fatalf("no %smy-answers/index.html", folder)
		}
		var listed []string
		for _, m := range listID.FindAllSubmatch(answers, -1) {
			listed = append(listed, string(m[1]))
		}
		slices.Sort(listed)
		// My next session is a worksheet too (its free text box), outside worksheets/
		if want := slices.Sorted(slices.Values(append([]string{"my-next-session"}, defaultIDs...))); !slices.Equal(listed, want) {
			t.Errorf("%smy-answers/ lists ids\n%v\nwant\n%v", folder, listed, want)
		}
	}
}
