package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The clinic's own site: the default site of the repository, a few dozen pages in two
// languages, whose build is mostly fixed cost (icons, QR codes, search index, assets)
// rather than pages. iptsite builds it twice, with its cache as it stands after the
// warm-up (as a clinic's second build finds it) and with the cache off (IPTSITE_CACHE=off,
// as a first build); the floor converts the same Markdown files. Its builds take tens of
// milliseconds, and a median of five moved by ±5 % from one run to the next on the
// benchmark's machine, so it is timed siteRuns times, or -runs when that is more.

// siteRuns is how many times the default site is timed at least.
const siteRuns = 21

// A siteRow is the default site's figures.
type siteRow struct {
	pages                int // Markdown files
	runs                 int // the runs each median is of
	warm, nocache, floor result
	serve                time.Duration // iptsite serve, from its start to its "serving" line
	base                 result        // the -base binary, cache warm; zero without
}

func (b *bench) defaultSite() (*siteRow, error) {
	out := filepath.Join(b.tmp, "default-out")
	floorOut := filepath.Join(b.tmp, "default-floor")
	type prog struct {
		name, out string
		argv, env []string
	}
	progs := []prog{
		{"iptsite", out, []string{b.iptsite, "build", "-s", b.root, "-d", out}, nil},
		{"iptsite, cache off", out, []string{b.iptsite, "build", "-s", b.root, "-d", out}, []string{"IPTSITE_CACHE=off"}},
		{"floor", floorOut, []string{b.self, "floor", b.root, floorOut}, nil},
	}
	if b.base != "" {
		progs = append(progs, prog{"base", out, []string{b.base, "build", "-s", b.root, "-d", out}, nil})
	}
	samples := make([][]sample, len(progs))
	var serves []sample
	for i := -1; i < max(b.runs, siteRuns); i++ {
		s, err := measureServe([]string{b.iptsite, "serve", "-s", b.root, "--port", "0"})
		if err != nil {
			return nil, fmt.Errorf("the default site, iptsite serve: %w", err)
		}
		if i >= 0 {
			serves = append(serves, s)
		}
		for j, p := range progs {
			os.RemoveAll(p.out)
			s, err := b.measure(p.argv, p.env...)
			if err != nil {
				return nil, fmt.Errorf("the default site, %s: %w", p.name, err)
			}
			if i >= 0 {
				samples[j] = append(samples[j], s)
			}
		}
	}
	r := &siteRow{serve: median(serves).wall, runs: len(serves)}
	for j, dst := range []*result{&r.warm, &r.nocache, &r.floor, &r.base} {
		if j < len(samples) {
			dst.sample = median(samples[j])
		}
	}
	var err error
	if r.floor.tree, err = walkTree(floorOut); err != nil {
		return nil, err
	}
	r.pages = r.floor.files
	if r.warm.tree, err = walkTree(out); err != nil {
		return nil, err
	}
	r.nocache.tree = r.warm.tree
	fmt.Fprintf(b.log, "default site, %d Markdown files: iptsite %d ms (cache off %d ms, serve %d ms), floor %d ms\n",
		r.pages, r.warm.wall.Milliseconds(), r.nocache.wall.Milliseconds(), r.serve.Milliseconds(), r.floor.wall.Milliseconds())
	return r, nil
}

// measureServe starts argv, a server, and returns the time to its line "serving …", then
// stops it.
func measureServe(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return sample{}, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "serving ") {
			return sample{wall: time.Since(start)}, nil
		}
	}
	return sample{}, fmt.Errorf("it stopped before serving")
}

func (s *siteRow) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "\nThe default site (the repository's own, %d Markdown files in two languages; `iptsite build -s .` against `benchsite floor .`; medians of %d runs):\n\n", s.pages, s.runs)
	b.WriteString("| build | wall ms | ×floor | CPU ms | ×floor | peak RSS MiB | output files |\n")
	b.WriteString("|:------|--------:|-------:|-------:|-------:|-------------:|-------------:|\n")
	for _, r := range []struct {
		name string
		res  result
	}{{"iptsite, cache warm", s.warm}, {"iptsite, cache off (`IPTSITE_CACHE=off`)", s.nocache}, {"floor", s.floor}} {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %d |\n", r.name, ms(r.res.wall), ratio(float64(r.res.wall), float64(s.floor.wall)),
			ms(r.res.cpu), ratio(float64(r.res.cpu), float64(s.floor.cpu)), mib(r.res.rss), r.res.files)
	}
	fmt.Fprintf(&b, "| `iptsite serve`, start to serving (cache warm) | %s | %s | | | | |\n", ms(s.serve), ratio(float64(s.serve), float64(s.floor.wall)))
	if o := s.base; o.wall > 0 {
		fmt.Fprintf(&b, "| -base, cache warm | %s | %s | %s | %s | %s | |\n", ms(o.wall), ratio(float64(o.wall), float64(s.floor.wall)),
			ms(o.cpu), ratio(float64(o.cpu), float64(s.floor.cpu)), mib(o.rss))
		fmt.Fprintf(&b, "\nThe default site against -base, in the same run: wall %.2f, CPU %.2f, peak RSS %.2f.\n",
			float64(s.warm.wall)/float64(o.wall), float64(s.warm.cpu)/float64(o.cpu), float64(s.warm.rss)/float64(o.rss))
	}
	return b.String()
}
