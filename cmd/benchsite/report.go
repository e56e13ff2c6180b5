package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// report is what a run found.
type report struct {
	command               string
	commit                string // which iptsite: "at commit `abc1234`" or "binary `/path`"
	runs                  int
	machine               machine
	loadBefore, loadAfter float64
	rows                  []row
	hugoVersion           string   // hugo version's line, when Hugo was run
	base                  string   // the -base binary, when one was compared
	site                  *siteRow // the default site, when it was measured
	// Tests are the figures printed by the serve and page-weight tests, by test.
	Tests []testFigures
}

type testFigures struct {
	name, command string
	lines         []string
	err           string
}

const (
	beginMark = "<!-- benchsite:begin -->"
	endMark   = "<!-- benchsite:end -->"
)

// Targets of issues 6 and 14.
const (
	targetRatio     = 2.5                   // 4000 pages: wall time against the floor's
	targetCPU       = 4                     // 4000 pages: CPU time against the floor's
	targetHugo      = 0.4                   // 4000 pages: wall time against Hugo's
	targetRSS       = 60                    // MiB, 4000 pages
	targetLinearity = 2.7                   // 10000 pages against 4000 pages, wall time
	targetSite      = 3                     // the default site: wall time against the floor's on its Markdown
	targetReload    = 50 * time.Millisecond // serve, 4000 pages: one page edited to the reload event
)

var reloadLine = regexp.MustCompile(`one page edited: write to reload event (\S+) median`)

func ms(d time.Duration) string { return fmt.Sprintf("%d", d.Round(time.Millisecond).Milliseconds()) }

func kb(b int64) string { return fmt.Sprintf("%.1f KB", float64(b)/1e3) }

func mib(b int64) string { return fmt.Sprintf("%.1f", float64(b)/(1<<20)) }

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f×", a/b)
}

// Markdown is the report as a Markdown section.
func (r *report) Markdown() string {
	var b strings.Builder
	m := r.machine
	fmt.Fprintf(&b, "Measured by `%s`, iptsite %s, %s.\n\n", r.command, r.commit, time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "- Machine: %d CPUs, %s, %s memory, %s\n", m.cpus, m.model, m.memory, m.os)
	fmt.Fprintf(&b, "- Toolchain: %s\n", m.goVersion)
	fmt.Fprintf(&b, "- Output folder on: %s\n", m.fsType)
	// The load after counts the benchmark's own programs, which keep both CPUs busy for
	// minutes; only the load before tells of other work.
	fmt.Fprintf(&b, "- Load average (1 min) before and after (after: with the benchmark's own programs): %.2f, %.2f", r.loadBefore, r.loadAfter)
	if r.loadBefore >= 1 {
		b.WriteString(" — **the machine was busy with other work, so times are higher and noisier than on an idle machine; CPU time and memory are less affected**")
	}
	if r.runs == 1 {
		b.WriteString("\n- Each figure is of one run after a warm-up, a new process writing into an empty folder.\n\n")
	} else {
		fmt.Fprintf(&b, "\n- Each figure is the median of %d runs after a warm-up, each a new process writing into an empty folder.\n\n", r.runs)
	}

	b.WriteString("Wall time of the three programs in the same run, and the ratios:\n\n")
	b.WriteString("| pages | iptsite ms | Hugo ms | floor ms | iptsite/Hugo | iptsite/floor | iptsite/floor, CPU |\n")
	b.WriteString("|------:|-----------:|--------:|---------:|-------------:|--------------:|-------------------:|\n")
	for _, w := range r.rows {
		i, f := w.iptsite, w.floor
		h, ih := "–", "–"
		if w.hugo != nil {
			h, ih = ms(w.hugo.wall), fmt.Sprintf("%.2f", float64(i.wall)/float64(w.hugo.wall))
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s |\n", w.pages, ms(i.wall), h, ms(f.wall), ih,
			ratio(float64(i.wall), float64(f.wall)), ratio(float64(i.cpu), float64(f.cpu)))
	}
	if r.hugoVersion == "" {
		b.WriteString("\nHugo was not run: `make bench PEERS=hugo` runs it.\n")
	} else {
		fmt.Fprintf(&b, "\nHugo: `%s`, `hugo --minify` with a one-line template for every page and list, no taxonomies.\n", r.hugoVersion)
	}
	b.WriteString("\niptsite (`iptsite build`, default templates, minified), with the ratio to the floor:\n\n")
	b.WriteString("| pages | wall ms | ms/page | CPU ms | peak RSS MiB | output files | output MB | median page | largest page |\n")
	b.WriteString("|------:|--------:|--------:|-------:|-------------:|-------------:|----------:|------------:|:-------------|\n")
	for _, w := range r.rows {
		i, f := w.iptsite, w.floor
		fmt.Fprintf(&b, "| %d | %s (%s) | %.3f (%s) | %s (%s) | %s (%s) | %d | %.1f (%s) | %s | %s, %s |\n",
			w.pages,
			ms(i.wall), ratio(float64(i.wall), float64(f.wall)),
			perPage(i.wall, w.pages), ratio(float64(i.wall), float64(f.wall)),
			ms(i.cpu), ratio(float64(i.cpu), float64(f.cpu)),
			mib(i.rss), ratio(float64(i.rss), float64(f.rss)),
			i.files,
			float64(i.bytes)/1e6, ratio(float64(i.bytes), float64(f.bytes)),
			kb(i.medianPage), filepath.ToSlash(i.largest), kb(i.largestBytes))
	}
	b.WriteString("\nThe floor (`benchsite floor`: read, cut the front matter, goldmark, write; on every CPU):\n\n")
	b.WriteString("| pages | input MB | wall ms | ms/page | CPU ms | peak RSS MiB | output MB |\n")
	b.WriteString("|------:|---------:|--------:|--------:|-------:|-------------:|----------:|\n")
	for _, w := range r.rows {
		f := w.floor
		fmt.Fprintf(&b, "| %d | %.1f | %s | %.3f | %s | %s | %.1f |\n",
			w.pages, float64(w.inputBytes)/1e6, ms(f.wall), perPage(f.wall, w.pages), ms(f.cpu), mib(f.rss), float64(f.bytes)/1e6)
	}
	if r.hugoVersion != "" {
		b.WriteString("\nHugo (`hugo --minify`, bare template):\n\n")
		b.WriteString("| pages | wall ms | ms/page | CPU ms | peak RSS MiB | output files | output MB |\n")
		b.WriteString("|------:|--------:|--------:|-------:|-------------:|-------------:|----------:|\n")
		for _, w := range r.rows {
			if h := w.hugo; h != nil {
				fmt.Fprintf(&b, "| %d | %s | %.3f | %s | %s | %d | %.1f |\n",
					w.pages, ms(h.wall), perPage(h.wall, w.pages), ms(h.cpu), mib(h.rss), h.files, float64(h.bytes)/1e6)
			}
		}
	}
	if s := r.site; s != nil {
		b.WriteString(s.markdown())
	}
	if len(r.rows) > 0 && r.rows[0].bare != nil {
		b.WriteString("\niptsite with a one-line template (`-bare`: the same page as Hugo's above, around each page's Markdown), in the same run: what the default templates cost.\n\n")
		b.WriteString("| pages | iptsite ms | bare ms | bare/floor | bare/floor, CPU | iptsite/bare | iptsite/bare, CPU |\n")
		b.WriteString("|------:|-----------:|--------:|-----------:|----------------:|-------------:|------------------:|\n")
		for _, w := range r.rows {
			if o := w.bare; o != nil {
				fmt.Fprintf(&b, "| %d | %s | %s | %.1f× | %.1f× | %.2f | %.2f |\n", w.pages, ms(w.iptsite.wall), ms(o.wall),
					float64(o.wall)/float64(w.floor.wall), float64(o.cpu)/float64(w.floor.cpu),
					float64(w.iptsite.wall)/float64(o.wall), float64(w.iptsite.cpu)/float64(o.cpu))
			}
		}
	}
	if r.base != "" {
		fmt.Fprintf(&b, "\nAgainst `%s` (-base), in the same run:\n\n", r.base)
		b.WriteString("| pages | iptsite ms | base ms | wall, iptsite/base | CPU, iptsite/base | peak RSS, iptsite/base |\n")
		b.WriteString("|------:|-----------:|--------:|-------------------:|------------------:|-----------------------:|\n")
		for _, w := range r.rows {
			if o := w.base; o != nil {
				fmt.Fprintf(&b, "| %d | %s | %s | %.2f | %.2f | %.2f |\n", w.pages, ms(w.iptsite.wall), ms(o.wall),
					float64(w.iptsite.wall)/float64(o.wall), float64(w.iptsite.cpu)/float64(o.cpu), float64(w.iptsite.rss)/float64(o.rss))
			}
		}
	}
	b.WriteString("\nTargets:\n\n")
	for _, t := range r.targets() {
		fmt.Fprintf(&b, "- %s\n", t)
	}
	for _, t := range r.Tests {
		fmt.Fprintf(&b, "\n`%s`:\n\n", t.command)
		if t.err != "" {
			fmt.Fprintf(&b, "- did not run: %s\n", t.err)
		}
		for _, l := range t.lines {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	return b.String()
}

func perPage(d time.Duration, pages int) float64 {
	return float64(d.Microseconds()) / 1000 / float64(pages)
}

// targets says, for each target of the issue that this run measured, whether it holds.
func (r *report) targets() []string {
	var out []string
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**not met**"
	}
	var r4, r10 *row
	for i := range r.rows {
		switch r.rows[i].pages {
		case 4000:
			r4 = &r.rows[i]
		case 10000:
			r10 = &r.rows[i]
		}
	}
	if len(r.rows) > 1 {
		a, z := r.rows[0], r.rows[len(r.rows)-1]
		grow := float64(z.iptsite.medianPage) / float64(a.iptsite.medianPage)
		out = append(out, fmt.Sprintf("per-page output does not grow with the site: median page %s at %d pages, %s at %d (%.2f×): %s",
			kb(a.iptsite.medianPage), a.pages, kb(z.iptsite.medianPage), z.pages, grow, met(grow <= 1.05)))
		out = append(out, fmt.Sprintf("no page grows with the site: the largest at %d pages is %s, %s: %s",
			z.pages, filepath.ToSlash(z.iptsite.largest), kb(z.iptsite.largestBytes), met(z.iptsite.largestBytes <= 10*z.iptsite.medianPage)))
	}
	for _, t := range r.Tests {
		for _, l := range t.lines {
			if m := reloadLine.FindStringSubmatch(l); m != nil {
				d, _ := time.ParseDuration(m[1])
				out = append(out, fmt.Sprintf("serve, 4000 pages, one page edited: reload ≤ %v: %v (`%s`): %s", targetReload, d, t.command, met(d <= targetReload)))
			}
		}
	}
	if s := r.site; s != nil {
		q := float64(s.warm.wall) / float64(s.floor.wall)
		out = append(out, fmt.Sprintf("the default site (%d pages), wall time ≤ %d× the floor's on the same Markdown: %.1f× (%s ms against %s ms): %s",
			s.pages, targetSite, q, ms(s.warm.wall), ms(s.floor.wall), met(q <= targetSite)))
		if s.serve > 0 {
			q := float64(s.serve) / float64(s.floor.wall)
			out = append(out, fmt.Sprintf("the default site, `iptsite serve` serving within the same ≤ %d× the floor: %.1f× (%s ms; the build %s ms): %s",
				targetSite, q, ms(s.serve), ms(s.warm.wall), met(q <= targetSite)))
		}
	}
	if r4 == nil {
		return append(out, "the 4000-page corpus was not measured")
	}
	q := float64(r4.iptsite.wall) / float64(r4.floor.wall)
	out = append(out, fmt.Sprintf("4000 pages, wall time ≤ %.1f× the floor: %.1f× (%s ms against %s ms): %s",
		targetRatio, q, ms(r4.iptsite.wall), ms(r4.floor.wall), met(q <= targetRatio)))
	rss := float64(r4.iptsite.rss) / (1 << 20)
	c := float64(r4.iptsite.cpu) / float64(r4.floor.cpu)
	out = append(out, fmt.Sprintf("4000 pages, CPU time ≤ %d× the floor's: %.1f× (%s ms against %s ms): %s",
		targetCPU, c, ms(r4.iptsite.cpu), ms(r4.floor.cpu), met(c <= targetCPU)))
	if h := r4.hugo; h != nil {
		q := float64(r4.iptsite.wall) / float64(h.wall)
		out = append(out, fmt.Sprintf("4000 pages, wall time ≤ %.1f× Hugo's: %.2f× (%s ms against %s ms): %s",
			targetHugo, q, ms(r4.iptsite.wall), ms(h.wall), met(q <= targetHugo)))
	} else {
		out = append(out, "4000 pages, wall time against Hugo's: not measured (make bench PEERS=hugo)")
	}
	out = append(out, fmt.Sprintf("4000 pages, peak RSS ≤ %d MiB: %.1f MiB: %s", targetRSS, rss, met(rss <= targetRSS)))
	if r10 != nil {
		l := float64(r10.iptsite.wall) / float64(r4.iptsite.wall)
		out = append(out, fmt.Sprintf("10000 pages, wall time ≤ %.1f× the 4000-page time: %.2f× (%s ms): %s",
			targetLinearity, l, ms(r10.iptsite.wall), met(l <= targetLinearity)))
		out = append(out, fmt.Sprintf("memory from 4000 to 10000 pages: %s → %s MiB (%.2f× for 2.5× the pages)",
			mib(r4.iptsite.rss), mib(r10.iptsite.rss), float64(r10.iptsite.rss)/float64(r4.iptsite.rss)))
	}
	return out
}

// testFigures runs the tests that measure what a build of the corpus cannot: the time
// from an edit to the reload event under serve, and the weight of the default site's
// pages. It keeps the lines they log.
func (b *bench) testFigures() []testFigures {
	tests := []struct{ name, pkg, env string }{
		{"TestServeReloadTime", "./internal/server/", "IPTSITE_BENCH_SERVE=1"},
		{"BenchmarkServeEdit", "./internal/server/", ""},
		{"TestPageWeight", "./internal/render/", ""},
	}
	var out []testFigures
	for _, t := range tests {
		args := []string{"test", "-count=1", "-run", "^" + t.name + "$", "-v", t.pkg}
		if strings.HasPrefix(t.name, "Benchmark") {
			args = []string{"test", "-count=1", "-run", "^$", "-bench", "^" + t.name + "$", "-benchtime", "5x", t.pkg}
		}
		tf := testFigures{name: t.name, command: strings.TrimSpace(t.env + " go " + strings.Join(args, " "))}
		fmt.Fprintf(b.log, "running %s\n", tf.command)
		cmd := exec.Command("go", args...)
		cmd.Dir = b.root
		cmd.Env = os.Environ()
		if t.env != "" {
			cmd.Env = append(cmd.Env, t.env)
		}
		data, err := cmd.CombinedOutput()
		tf.lines = logLines(data)
		if err != nil {
			tf.err = fmt.Sprintf("%v (see the command's output)", err)
		}
		out = append(out, tf)
	}
	return out
}

var (
	logLine   = regexp.MustCompile(`^\s+\w+_test\.go:\d+: (.*)$`)
	benchLine = regexp.MustCompile(`^Benchmark\w+/(\S+?)(?:-\d+)?\s+(\d+)\s+(\d+) ns/op`)
)

// logLines are the t.Log lines of go test -v output, without their file:line, and the
// results of sub-benchmarks, as "name: time an operation".
func logLines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if m := logLine.FindStringSubmatch(l); m != nil {
			out = append(out, m[1])
		}
		if m := benchLine.FindStringSubmatch(l); m != nil {
			ns, _ := time.ParseDuration(m[3] + "ns")
			out = append(out, fmt.Sprintf("%s: %v an edit (mean of %s)", m[1], ns.Round(time.Millisecond/10), m[2]))
		}
	}
	return out
}

// writeDoc puts the report into file between the two marks, or writes a new file.
func writeDoc(file string, r *report) error {
	section := beginMark + "\n" + r.Markdown() + endMark
	data, err := os.ReadFile(file)
	switch {
	case err == nil:
		i := bytes.Index(data, []byte(beginMark))
		j := bytes.Index(data, []byte(endMark))
		if i < 0 || j < i {
			return fmt.Errorf("%s: no %s … %s lines to put the results between", file, beginMark, endMark)
		}
		data = append(append(append([]byte{}, data[:i]...), section...), data[j+len(endMark):]...)
	case os.IsNotExist(err):
		data = []byte("# Performance\n\n" + section + "\n")
	default:
		return err
	}
	return os.WriteFile(file, data, 0o644)
}
