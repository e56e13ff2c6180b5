package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/iptsite/iptsite/internal/config"
)

// TextOptions choose what WriteText prints besides the findings and the summary.
type TextOptions struct {
	// Dir is the site folder as the user named it; paths are printed under it so
	// that editors and terminals can open them. "" or "." prints them as they are.
	Dir string
	// Links lists every external link, not only the count per host.
	Links bool
	// Grades prints the reading table: every page's words, sentences, grade and weight.
	Grades bool
}

// WriteText writes the report for a person: the findings grouped by file, each as
// path:line: level: message, the notes under them, the external links per host, and one
// summary line.
func (r *Report) WriteText(w io.Writer, opts TextOptions) {
	rel := func(p string) string {
		if p == "" || opts.Dir == "" || opts.Dir == "." || filepath.IsAbs(p) {
			return p
		}
		return filepath.ToSlash(filepath.Join(opts.Dir, p))
	}
	stats := map[string]Page{}
	for _, p := range r.Pages {
		stats[p.File] = p
	}
	last := "\x00"
	for _, f := range r.Findings {
		if f.Path != last {
			if last != "\x00" {
				fmt.Fprintln(w)
			}
			last = f.Path
			if p, ok := stats[f.Path]; ok {
				fmt.Fprintf(w, "%s (%s): grade %.1f, %d words, %d sentences, %.1f KB\n",
					rel(f.Path), p.URL, p.Grade, p.Words, p.Sentences, kb(p.Weight))
			} else if f.Path != "" {
				fmt.Fprintf(w, "%s\n", rel(f.Path))
			}
		}
		f.Path = rel(f.Path)
		fmt.Fprintln(w, f.String())
		for _, n := range f.Notes {
			fmt.Fprintln(w, Finding{Path: f.Path, Line: n.Line, Level: Note, Message: n.Text}.String())
		}
	}
	if len(r.Findings) > 0 {
		fmt.Fprintln(w)
	}
	if opts.Grades && len(r.Pages) > 0 {
		r.WriteGrades(w)
		fmt.Fprintln(w)
	}
	if opts.Links {
		for _, l := range r.Links {
			fmt.Fprintf(w, "%s:%d: link: %s\n", rel(l.Path), l.Line, l.URL)
		}
	}
	if len(r.Hosts) > 0 {
		var hs []string
		for _, h := range r.Hosts {
			hs = append(hs, fmt.Sprintf("%s %d", h.Host, h.Links))
		}
		fmt.Fprintf(w, "external links (listed, not fetched): %s\n", strings.Join(hs, ", "))
	}
	fmt.Fprintln(w, r.Summary())
}

// Summary is the last line of the text report.
func (r *Report) Summary() string {
	var b strings.Builder
	if r.Built {
		ws := 0
		for _, p := range r.Pages {
			if p.Worksheet {
				ws++
			}
		}
		fmt.Fprintf(&b, "checked %s (%s): ", plural(len(r.Pages), "page"), plural(ws, "worksheet"))
	} else {
		b.WriteString("the site does not build: ")
	}
	fmt.Fprintf(&b, "%s, %s", plural(r.Errors, "error"), plural(r.Warnings, "warning"))
	if len(r.Links) > 0 {
		fmt.Fprintf(&b, ", %s to %s", plural(len(r.Links), "external link"), plural(len(r.Hosts), "host"))
	}
	return b.String()
}

func plural(n int, s string) string {
	if n == 1 {
		return "1 " + s
	}
	return fmt.Sprintf("%d %ss", n, s)
}

// WriteGrades writes the reading table of issue 4: every page with its words, sentences,
// Flesch-Kincaid grade, reading time and weight.
func (r *Report) WriteGrades(w io.Writer) {
	width := len("page")
	for _, p := range r.Pages {
		width = max(width, len(p.URL))
	}
	fmt.Fprintf(w, "%-*s  %6s  %9s  %5s  %7s  %5s\n", width, "page", "words", "sentences", "grade", "minutes", "KB")
	for _, p := range r.Pages {
		fmt.Fprintf(w, "%-*s  %6d  %9d  %5.1f  %7d  %5.1f\n", width, p.URL, p.Words, p.Sentences, p.Grade, p.Minutes, kb(p.Weight))
	}
}

// WriteJSON writes the report for tools.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

func (r *Report) add(f Finding) *Finding {
	r.Findings = append(r.Findings, f)
	return &r.Findings[len(r.Findings)-1]
}

// finish sorts the findings, site.yaml first and then by path and line, and counts them.
func (r *Report) finish() {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		if (a.Path == config.File) != (b.Path == config.File) {
			if a.Path == config.File {
				return -1
			}
			return 1
		}
		if a.Path != b.Path {
			return strings.Compare(a.Path, b.Path)
		}
		return a.Line - b.Line
	})
	r.Errors, r.Warnings = 0, 0
	for _, f := range r.Findings {
		switch f.Level {
		case Error:
			r.Errors++
		case Warning:
			r.Warnings++
		}
	}
	counts := map[string]int{}
	for _, l := range r.Links {
		counts[l.Host]++
	}
	r.Hosts = nil
	for h, n := range counts {
		r.Hosts = append(r.Hosts, Host{h, n})
	}
	slices.SortFunc(r.Hosts, func(a, b Host) int {
		if a.Links != b.Links {
			return b.Links - a.Links
		}
		return strings.Compare(a.Host, b.Host)
	})
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Pages == nil {
		r.Pages = []Page{}
	}
	if r.Links == nil {
		r.Links = []Link{}
	}
	if r.Hosts == nil {
		r.Hosts = []Host{}
	}
}
