// Command benchsite measures how fast iptsite builds Markdown, on the corpus of the public
// static-site-generator benchmark (see package corpus), against a floor: the least a
// program must do to turn those files into HTML pages.
//
// Usage:
//
//	benchsite [-sizes 250,500,...] [-runs 5] [-iptsite BINARY] [-peers hugo] [-bare] [-write docs/performance.md]
//	benchsite gen [-seed 1] N DIR
//	benchsite floor DIR OUT
//	benchsite time -- PROGRAM [ARG...]
//
// With no command, benchsite builds cmd/iptsite once, writes a corpus of each size into a
// tmpfs folder (/dev/shm) when there is one, and for each size runs "iptsite build" (the
// default templates, minified) and "benchsite floor" as child processes: a warm-up, then
// -runs times each, alternating. It prints a Markdown table of the medians: wall time,
// time per page, CPU time, peak resident memory (the child's rusage, by "benchsite time")
// and output bytes, each
// with its ratio to the floor. -peers hugo also builds each corpus with Hugo (installed
// into the user cache folder the first time, with go install), minified, with a bare
// one-line template, alternating with the other two, and prints iptsite/Hugo beside
// iptsite/floor. -bare also times iptsite on a copy of each corpus with templates as bare
// as Hugo's, to show what its own templates cost. -write puts the table, the machine and
// the command into a file, between the lines <!-- benchsite:begin --> and
// <!-- benchsite:end -->, keeping what the file says around them.
//
// gen writes a corpus of N pages into the site folder DIR.
//
// floor is the floor: for every .md file in every folder under DIR/content, read it, cut
// the front matter, convert the rest with goldmark's defaults, and write
// OUT/<path>/index.html, the same pretty URLs as iptsite. On GOMAXPROCS goroutines, as
// iptsite; no template, no minifying: the simplest program that does the job. DIR may be a
// real site folder (benchsite floor . OUT converts the default site's pages).
//
// time runs PROGRAM and prints its wall time and CPU time in nanoseconds and its peak
// resident memory in bytes, on one line. benchsite runs each program it times through it:
// Linux counts in a new process's peak the memory of the process that started it (shared
// until the program is loaded), and benchsite itself holds tens of MiB, more than the floor
// uses; "benchsite time" holds a few.
//
// Run it from the repository, which "make bench" does.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "gen":
			return runGen(args[1:], stdout, stderr)
		case "floor":
			return runFloor(args[1:], stderr)
		case "time":
			return runTime(args[1:], stdout, stderr)
		}
	}
	return runBench(args, stdout, stderr)
}

func runGen(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	seed := fl.Uint64("seed", 1, "the seed of the corpus")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	n, err := strconv.Atoi(fl.Arg(0))
	if fl.NArg() != 2 || err != nil || n < 1 {
		fmt.Fprintln(stderr, "usage: benchsite gen [-seed 1] N DIR")
		return 2
	}
	files := corpus.Generate(n, *seed)
	if err := corpus.Write(fl.Arg(1), files); err != nil {
		fmt.Fprintf(stderr, "benchsite gen: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d pages (%d bytes) into %s\n", n, corpus.Bytes(files), fl.Arg(1))
	return 0
}

func runFloor(args []string, stderr io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintln(stderr, "usage: benchsite floor DIR OUT")
		return 2
	}
	if err := floor(args[0], args[1]); err != nil {
		fmt.Fprintf(stderr, "benchsite floor: %v\n", err)
		return 1
	}
	return 0
}

func runTime(args []string, stdout, stderr io.Writer) int {
	if len(args) < 2 || args[0] != "--" {
		fmt.Fprintln(stderr, "usage: benchsite time -- PROGRAM [ARG...]")
		return 2
	}
	s, err := measureHere(args[1:])
	if err != nil {
		fmt.Fprintf(stderr, "benchsite time: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%d %d %d\n", s.wall, s.cpu, s.rss)
	return 0
}

func runBench(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("benchsite", flag.ContinueOnError)
	fl.SetOutput(stderr)
	sizes := fl.String("sizes", joinInts(corpus.Sizes), "the corpus sizes, comma-separated")
	runs := fl.Int("runs", 5, "timed runs of each program at each size, after one warm-up")
	seed := fl.Uint64("seed", 1, "the seed of the corpus")
	write := fl.String("write", "", "also write the results into this Markdown file")
	keep := fl.Bool("keep", false, "keep the corpora and outputs, and print where they are")
	binary := fl.String("iptsite", "", "time this iptsite binary instead of building cmd/iptsite (to compare two versions)")
	base := fl.String("base", "", "also time this other iptsite binary, alternating, and print the ratios of the two (to measure a change)")
	peers := fl.String("peers", "", "also build each corpus with these generators: hugo (installed into the user cache folder the first time)")
	hugo := fl.String("hugo", "", "with -peers hugo, run this Hugo binary instead of installing "+hugoVersion)
	site := fl.Bool("site", true, "also build the default site, the repository's own, against the floor on its Markdown")
	bare := fl.Bool("bare", false, "also time iptsite on each corpus with a one-line template like Hugo's, to show what the default templates cost")
	serve := fl.Bool("serve", true, "with -write, also run the serve test and the page-weight test and include their figures")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "benchsite: unknown command %q\n", fl.Arg(0))
		return 2
	}
	ns, err := parseInts(*sizes)
	if err != nil || *runs < 1 {
		fmt.Fprintf(stderr, "benchsite: -sizes wants page counts such as 250,4000 and -runs at least 1\n")
		return 2
	}
	withHugo, err := parsePeers(*peers)
	if err != nil {
		fmt.Fprintf(stderr, "benchsite: -peers: %v\n", err)
		return 2
	}
	b := &bench{sizes: ns, runs: *runs, seed: *seed, keep: *keep, log: stderr, iptsite: *binary,
		command: commandLine(args), peers: withHugo, hugo: *hugo, site: *site, base: *base, bare: *bare}
	rep, err := b.run()
	if err != nil {
		fmt.Fprintf(stderr, "benchsite: %v\n", err)
		return 1
	}
	if *write != "" && *serve {
		rep.Tests = b.testFigures()
	}
	fmt.Fprint(stdout, rep.Markdown())
	if *write != "" {
		if err := writeDoc(*write, rep); err != nil {
			fmt.Fprintf(stderr, "benchsite: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "wrote %s\n", *write)
	}
	return 0
}

// commandLine is the command that reproduces this run.
func commandLine(args []string) string {
	if os.Getenv("MAKELEVEL") != "" && len(args) >= 2 && args[len(args)-2] == "-write" {
		switch strings.Join(args[:len(args)-2], " ") {
		case "":
			return "make bench"
		case "-peers hugo":
			return "make bench PEERS=hugo"
		}
	}
	return strings.TrimSpace("go run ./cmd/benchsite " + strings.Join(args, " "))
}

func parseInts(s string) ([]int, error) {
	var ns []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad size %q", f)
		}
		ns = append(ns, n)
	}
	return ns, nil
}

func joinInts(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}
