// Package diag is how every stage of the pipeline reports a problem in a source file:
// as "path:line: message", all problems of a run together.
package diag

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// An Error is one problem at one place in one file. Line 0 means the whole file.
type Error struct {
	Path string
	Line int
	Msg  string
	Err  error // the cause, if any, for errors.Is/As
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error at path:line, its message formatted as fmt.Errorf does: an
// error given with %w is its cause, which errors.Is and errors.As find.
func Errorf(path string, line int, format string, args ...any) *Error {
	err := fmt.Errorf(format, args...)
	e := &Error{Path: path, Line: line, Msg: err.Error()}
	switch w := err.(type) {
	case interface{ Unwrap() error }:
		e.Err = w.Unwrap()
	case interface{ Unwrap() []error }:
		e.Err = err // more than one %w: errors.Is and errors.As look through each
	}
	return e
}

// A List collects the errors of a run. The zero value is ready to use.
type List []*Error

// Add appends err: each error of a List or of errors.Join, an *Error as it is, and any
// other error with an empty path.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	if d, ok := err.(*Error); ok {
		*l = append(*l, d) // whole, even when its cause is a list
		return
	}
	var j interface{ Unwrap() []error }
	if errors.As(err, &j) {
		for _, e := range j.Unwrap() {
			l.Add(e)
		}
		return
	}
	var d *Error
	if errors.As(err, &d) {
		*l = append(*l, d)
		return
	}
	*l = append(*l, &Error{Msg: err.Error(), Err: err})
}

// Addf appends a new error at path:line.
func (l *List) Addf(path string, line int, format string, args ...any) {
	*l = append(*l, Errorf(path, line, format, args...))
}

// Err returns nil when the list is empty, and otherwise an error whose
// message is every error, sorted by path and line, one per line.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	s := append(List(nil), l...)
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Path != s[j].Path {
			return s[i].Path < s[j].Path
		}
		return s[i].Line < s[j].Line
	})
	return s
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func (l List) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// The parts of the YAML library's messages, compiled on the first.
var (
	yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`) })
	notFound = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^field (\S+) not found in type \S+$`) })
)

// DecodeYAML decodes data into v strictly: unknown keys and wrong types are errors.
// The document's first line is line firstLine of the file at path. Every problem is
// returned, each as path:line: message.
func DecodeYAML(path string, firstLine int, data []byte, v any) List {
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil || err.Error() == "EOF" {
		return nil
	}
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	var l List
	for _, m := range msgs {
		// A value that spans lines is quoted in the message as it is, newlines too: one
		// problem is one line of output, "path:line: message".
		m = strings.Join(strings.Fields(m), " ")
		line := 0
		if sm := yamlLine().FindStringSubmatch(m); sm != nil {
			line, _ = strconv.Atoi(sm[1])
			m = sm[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if sm := notFound().FindStringSubmatch(m); sm != nil {
			m = fmt.Sprintf("unknown key %q", sm[1])
		}
		m = strings.ReplaceAll(m, "cannot unmarshal", "cannot use")
		if line > 0 {
			line += firstLine - 1
		} else {
			line = firstLine
		}
		l = append(l, &Error{Path: path, Line: line, Msg: m, Err: err})
	}
	return l
}
