package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

func TestErrorString(t *testing.T) {
	for _, c := range []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "content/a.md", Line: 3, Msg: "title is required"}, "content/a.md:3: title is required"},
		{&Error{Path: "content/a.md", Msg: "read: permission denied"}, "content/a.md: read: permission denied"},
		{Errorf("site.yaml", 12, "menu: no page content/%s", "x.md"), "site.yaml:12: menu: no page content/x.md"},
		{Errorf("site.yaml", 0, "%d%% done", 50), "site.yaml: 50% done"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprintf("code %d", e.code) }

// TestErrorfWraps: %w keeps the cause, for errors.Is and errors.As, and the message
// reads as with fmt.Errorf.
func TestErrorfWraps(t *testing.T) {
	e := Errorf("static/a.png", 0, "reading: %w", fs.ErrNotExist)
	if got, want := e.Error(), "static/a.png: reading: file does not exist"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(e, fs.ErrNotExist) {
		t.Error("errors.Is does not see fs.ErrNotExist through the *Error")
	}
	if e.Unwrap() != fs.ErrNotExist {
		t.Errorf("Unwrap = %v, want fs.ErrNotExist", e.Unwrap())
	}

	// Through a List and a wrapping of the *Error itself.
	var l List
	l.Add(Errorf("a.md", 2, "code: %w", &codeError{7}))
	wrapped := fmt.Errorf("building: %w", l.Err())
	var ce *codeError
	if !errors.As(wrapped, &ce) || ce.code != 7 {
		t.Errorf("errors.As does not find the cause through a List: %v", ce)
	}

	// Two causes.
	two := Errorf("a.md", 1, "%w and %w", fs.ErrNotExist, &codeError{8})
	if !errors.Is(two, fs.ErrNotExist) || !errors.As(two, &ce) || ce.code != 8 {
		t.Error("errors.Is or As misses one of two %w causes")
	}
	if got, want := two.Error(), "a.md:1: file does not exist and code 8"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}

	// Without %w there is no cause.
	if e := Errorf("a.md", 1, "plain %v", fs.ErrNotExist); e.Unwrap() != nil || errors.Is(e, fs.ErrNotExist) {
		t.Errorf("formatting with %%v made a cause; only %%w should")
	}
}

func TestListErrNilWhenEmpty(t *testing.T) {
	var l List
	l.Add(nil)
	if err := l.Err(); err != nil {
		t.Errorf("empty list: Err = %v, want nil", err)
	}
	if err := (List{}).Err(); err != nil {
		t.Errorf("List{}: Err = %v, want nil", err)
	}
}

// TestListAdd: lists and joined errors are flattened into their errors; an *Error is
// kept whole, even one whose cause is a list; another error gets an empty path.
func TestListAdd(t *testing.T) {
	var inner List
	inner.Addf("b.md", 2, "second")
	inner.Addf("a.md", 5, "first")

	var l List
	l.Add(inner)
	l.Add(errors.Join(Errorf("c.md", 1, "joined"), errors.New("plain")))
	l.Add(fmt.Errorf("context: %w", Errorf("d.md", 4, "wrapped")))
	l.Add(Errorf("e.md", 3, "loading: %w", inner.Err()))
	l.Addf("a.md", 1, "added with %s", "Addf")

	var got []string
	for _, e := range l {
		got = append(got, fmt.Sprintf("%q %d %q", e.Path, e.Line, e.Msg))
	}
	want := []string{
		`"b.md" 2 "second"`,
		`"a.md" 5 "first"`,
		`"c.md" 1 "joined"`,
		`"" 0 "plain"`,
		`"d.md" 4 "wrapped"`,
		`"e.md" 3 "loading: a.md:5: first\nb.md:2: second"`,
		`"a.md" 1 "added with Addf"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("list:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !errors.Is(l[3], l[3].Err) || l[3].Err.Error() != "plain" {
		t.Errorf("a plain error is not kept as the cause: %#v", l[3])
	}
}

// TestListErr: the message is every error, sorted by path and then line (stably), one
// per line; errors.Is and errors.As see each of them.
func TestListErr(t *testing.T) {
	var l List
	l.Addf("b.md", 1, "b1")
	l.Addf("a.md", 9, "a9")
	l.Addf("a.md", 2, "a2 first")
	l.Addf("a.md", 2, "a2 second")
	l.Add(errors.New("no path"))
	want := ": no path\na.md:2: a2 first\na.md:2: a2 second\na.md:9: a9\nb.md:1: b1"
	err := l.Err()
	if got := err.Error(); got != want {
		t.Errorf("Err:\n%s\nwant:\n%s", got, want)
	}
	if l[0].Path != "b.md" {
		t.Error("Err sorted the list itself")
	}
	var d *Error
	if !errors.As(err, &d) || d.Msg != "no path" {
		t.Errorf("errors.As(*Error) = %v, want the first error in order", d)
	}
	if u, ok := err.(interface{ Unwrap() []error }); !ok || len(u.Unwrap()) != 5 {
		t.Error("Err's error does not unwrap to its 5 errors")
	}
}

func TestDecodeYAML(t *testing.T) {
	type clinic struct {
		Name  string `yaml:"name"`
		Phone string `yaml:"phone"`
	}
	type site struct {
		Title  string   `yaml:"title"`
		Weight int      `yaml:"weight"`
		Menu   []string `yaml:"menu"`
		Clinic clinic   `yaml:"clinic"`
	}
	for _, c := range []struct {
		name      string
		firstLine int
		yaml      string
		want      []string
	}{
		{"good", 1, "title: A\nweight: 3\n", nil},
		{"empty", 1, "", nil},
		{"unknown key", 1, "title: A\ntitel: B\n", []string{`f.yaml:2: unknown key "titel"`}},
		{"unknown key nested", 1, "clinic:\n  name: X\n  fone: 1\n", []string{`f.yaml:3: unknown key "fone"`}},
		{"wrong type", 1, "title: A\nweight: heavy\n", []string{"f.yaml:2: cannot use !!str `heavy` into int"}},
		{"wrong type list", 1, "menu: /a/\n", []string{"f.yaml:1: cannot use !!str `/a/` into []string"}},
		{"every problem", 1, "weight: x\ntitel: B\nmenu: 3\n", []string{
			"f.yaml:1: cannot use !!str `x` into int",
			`f.yaml:2: unknown key "titel"`,
			"f.yaml:3: cannot use !!int `3` into []string",
		}},
		// Front matter starts on line 2 of its file, after "---".
		{"offset", 2, "title: A\nweight: heavy\n", []string{"f.yaml:3: cannot use !!str `heavy` into int"}},
		{"syntax", 1, "title: [\n", []string{"f.yaml:1: did not find expected node content"}},
		// Found by FuzzSiteYAML: a value over two lines made a message of two lines.
		{"value on lines", 1, "000000   \n\n00000", []string{"f.yaml:1: cannot use !!str `000000 ...` into diag.site"}},
		{"block value", 1, "weight: |\n  a\n  b\n", []string{"f.yaml:1: cannot use !!str `a b ` into int"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v site
			l := DecodeYAML("f.yaml", c.firstLine, []byte(c.yaml), &v)
			var got []string
			for _, e := range l {
				got = append(got, e.Error())
				if e.Err == nil {
					t.Errorf("%s: no cause", e)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if c.want == nil && l != nil {
				t.Errorf("no problems, but a non-nil list %v", l)
			}
		})
	}
}
