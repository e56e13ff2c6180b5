package i18n

import (
	"testing"
	"testing/fstest"
)

func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range m {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestFallback: a key missing from a language's file comes from its base language's,
// then from English.
func TestFallback(t *testing.T) {
	fsys := files(map[string]string{
		"i18n/en.yaml":    "a: A\nb: B\nc: C\n",
		"i18n/es.yaml":    "a: A es\nb: B es\n",
		"i18n/es-MX.yaml": "a: A mx\n",
	})
	for _, c := range []struct {
		lang    string
		a, b, c string
	}{
		{"es-MX", "A mx", "B es", "C"},
		{"es", "A es", "B es", "C"},
		{"es-AR", "A es", "B es", "C"}, // no es-AR.yaml: its base language
		{"en", "A", "B", "C"},
		{"fr", "A", "B", "C"}, // no fr.yaml: English
	} {
		s, err := Load(fsys, c.lang)
		if err != nil {
			t.Errorf("%s: %v", c.lang, err)
			continue
		}
		if s.Lang != c.lang {
			t.Errorf("%s: Lang %q", c.lang, s.Lang)
		}
		if got := [3]string{s.T("a"), s.T("b"), s.T("c")}; got != [3]string{c.a, c.b, c.c} {
			t.Errorf("%s: a, b, c = %q, want %q", c.lang, got, [3]string{c.a, c.b, c.c})
		}
	}
}

// TestLoadErrors: no file for the language nor English, and files that are not a flat
// map of strings, are errors at their file and line.
func TestLoadErrors(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		lang  string
		want  string
	}{
		{nil, "fr", `i18n/fr.yaml: no interface strings for language "fr"`},
		{map[string]string{"i18n/es.yaml": "a: A\n"}, "de", `i18n/de.yaml: no interface strings for language "de"`},
		{map[string]string{"i18n/en.yaml": "a: A\n\tb: B\n"}, "en", "i18n/en.yaml:2: found a tab character that violates indentation"},
		{map[string]string{"i18n/en.yaml": "a: A\nb:\n  c: C\n"}, "en", "i18n/en.yaml:3: cannot use !!map into string"},
		{map[string]string{"i18n/en.yaml": "a: A\n", "i18n/es.yaml": "- a\n- b\n"}, "es", "i18n/es.yaml:1: cannot use !!seq into map[string]string"},
	} {
		_, err := Load(files(c.files), c.lang)
		if err == nil || err.Error() != c.want {
			t.Errorf("%v as %s: got %v, want %s", c.files, c.lang, err, c.want)
		}
	}
}

// TestGetAndT: Get says whether there is a text; T falls back to the key, so a missing
// string shows as its key rather than as nothing.
func TestGetAndT(t *testing.T) {
	s := New("en", map[string]string{"crisis.title": "Need help now?"})
	if v, ok := s.Get("crisis.title"); !ok || v != "Need help now?" {
		t.Errorf("Get = %q, %v", v, ok)
	}
	if v, ok := s.Get("no.such"); ok || v != "" {
		t.Errorf("Get of a missing key = %q, %v", v, ok)
	}
	if got := s.T("crisis.title"); got != "Need help now?" {
		t.Errorf("T = %q", got)
	}
	if got := s.T("no.such"); got != "no.such" {
		t.Errorf("T of a missing key = %q, want the key", got)
	}
}

// TestFormat replaces each {name} by the value after it; a missing key is an error
// that names the key and the language's file.
func TestFormat(t *testing.T) {
	s := New("es", map[string]string{
		"worksheet.saved": "Guardado en este aparato, {time}",
		"two":             "{a} and {b}, {a} again, {c} left",
	})
	for _, c := range []struct {
		key   string
		pairs []string
		want  string
	}{
		{"worksheet.saved", []string{"time", "14:02"}, "Guardado en este aparato, 14:02"},
		{"two", []string{"a", "1", "b", "2"}, "1 and 2, 1 again, {c} left"},
		{"two", []string{"a", "1", "b"}, "1 and {b}, 1 again, {c} left"}, // a name without a value is left
		{"worksheet.saved", nil, "Guardado en este aparato, {time}"},
	} {
		got, err := s.Format(c.key, c.pairs...)
		if err != nil || got != c.want {
			t.Errorf("Format(%q, %q) = %q, %v; want %q", c.key, c.pairs, got, err, c.want)
		}
	}
	if _, err := s.Format("no.such", "a", "b"); err == nil || err.Error() != `no interface string "no.such" in i18n/es.yaml` {
		t.Errorf("Format of a missing key: %v", err)
	}
}
