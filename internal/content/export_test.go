package content

import (
	"fmt"
	"reflect"
)

// PlainAsYAML decodes yml with decodePlain and with the YAML decoder alone. It reports
// whether decodePlain read it, and how the two differ ("" when they do not): what
// decodePlain reads must be what the decoder reads, keys, values and lines, and what it
// leaves must leave the page untouched. Tests of both packages use it.
func PlainAsYAML(yml []byte) (read bool, diff string) {
	got := &Page{File: "x.md", Lines: map[string]int{}}
	if !got.decodePlain(yml) {
		if !reflect.DeepEqual(got, &Page{File: "x.md", Lines: map[string]int{}}) {
			return false, fmt.Sprintf("decodePlain left the page changed: %+v", got)
		}
		return false, ""
	}
	want := &Page{File: "x.md", Lines: map[string]int{}}
	if errs := want.decodeYAML(yml); errs != nil {
		return true, fmt.Sprintf("decodePlain read what the YAML decoder refuses: %v", errs)
	}
	if !reflect.DeepEqual(got.FrontMatter, want.FrontMatter) || !reflect.DeepEqual(got.Lines, want.Lines) {
		return true, fmt.Sprintf("\nplain %+v %v\nYAML  %+v %v", got.FrontMatter, got.Lines, want.FrontMatter, want.Lines)
	}
	return true, ""
}

// FrontMatterOf returns the front matter of a page's file, or false when it has none.
func FrontMatterOf(data []byte) ([]byte, bool) {
	start, end, _, err := fence("x.md", data)
	return data[start:end], err == nil
}
