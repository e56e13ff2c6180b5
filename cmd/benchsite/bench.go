package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
)

// bench is one run of the benchmark.
type bench struct {
	sizes   []int
	runs    int
	seed    uint64
	keep    bool
	log     io.Writer
	command string

	root    string // the repository
	tmp     string // corpora and outputs
	bin     string // the programs timed, each a plain copy (install)
	iptsite string // the binary timed: built from cmd/iptsite unless given
	self    string // this program, for "benchsite floor" and "benchsite time"
	peers   bool   // also time Hugo (-peers hugo)
	site    bool   // also time the default site (-site)
	hugo    string // the Hugo binary: given with -hugo, else installed when peers
	base    string // another iptsite binary to compare with, in the same run (-base)
	bare    bool   // also time iptsite with bareTemplates (-bare)
}

// binFolder makes the folder the timed programs are copied into: on disk, in the user
// cache folder where Hugo is installed too (see install), or else the temporary folder.
func binFolder() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "iptsite-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return os.MkdirTemp(dir, "bin-")
}

// install copies the program at src into dir as name, with plain writes, and returns its
// path. Every program is timed from such a copy, as "go install" leaves one (and Hugo is
// installed): the same program ran up to 1.4× slower from the file the linker wrote, or
// from a copy on tmpfs, than from a copy on disk, most likely because of how its pages
// sit in the page cache; and the floor, which is mostly starting up, more than iptsite.
func install(src, dir, name string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	dst := filepath.Join(dir, name)
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return "", err
	}
	return dst, out.Close()
}

// A sample is one child process's cost.
type sample struct {
	wall, cpu time.Duration
	rss       int64 // peak resident set, bytes
}

// A result is the medians of one program at one size.
type result struct {
	sample
	tree
}

// A row is one corpus size.
type row struct {
	pages          int
	inputBytes     int
	iptsite, floor result
	hugo           *result // nil when Hugo was not run
	base           *result // nil without -base
	bare           *result // nil without -bare
}

func (b *bench) run() (*report, error) {
	var err error
	if b.root, err = moduleRoot(); err != nil {
		return nil, err
	}
	if b.self, err = os.Executable(); err != nil {
		return nil, err
	}
	base := ""
	if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
		base = "/dev/shm"
	}
	if b.tmp, err = os.MkdirTemp(base, "benchsite-"); err != nil {
		return nil, err
	}
	if b.keep {
		fmt.Fprintf(b.log, "keeping %s\n", b.tmp)
	} else {
		defer os.RemoveAll(b.tmp)
	}
	if b.bin, err = binFolder(); err != nil {
		return nil, err
	}
	defer os.RemoveAll(b.bin)
	if b.self, err = install(b.self, b.bin, "benchsite"); err != nil {
		return nil, err
	}
	rep := &report{command: b.command, runs: b.runs, machine: describeMachine(b.tmp), loadBefore: loadAverage()}
	if rep.machine.goVersion, err = output(b.root, "go", "version"); err != nil {
		return nil, err
	}
	if b.iptsite == "" {
		b.iptsite = filepath.Join(b.tmp, "iptsite")
		fmt.Fprintf(b.log, "building %s\n", b.iptsite)
		// A static program, as the floor is: iptsite needs no C, but where a C compiler is
		// installed, package net (for serve) links the C library, and each run then takes
		// about a millisecond longer to start.
		if _, err := outputEnv(b.root, []string{"CGO_ENABLED=0"}, "go", "build", "-o", b.iptsite, "./cmd/iptsite"); err != nil {
			return nil, err
		}
		rep.commit = "at an unknown commit"
		if c, err := output(b.root, "git", "describe", "--always", "--dirty"); err == nil {
			rep.commit = "at commit `" + c + "`"
		}
		rep.commit += ", built static (`CGO_ENABLED=0`, as the floor is)"
	} else {
		if b.iptsite, err = filepath.Abs(b.iptsite); err != nil {
			return nil, err
		}
		rep.commit = "binary `" + b.iptsite + "`"
	}
	if b.iptsite, err = install(b.iptsite, b.bin, "iptsite"); err != nil {
		return nil, err
	}
	if b.base != "" {
		if b.base, err = filepath.Abs(b.base); err != nil {
			return nil, err
		}
		rep.base = b.base
		if b.base, err = install(b.base, b.bin, "base"); err != nil {
			return nil, err
		}
	}
	if b.peers {
		if b.hugo, err = b.hugoBinary(); err != nil {
			return nil, err
		}
		if err := hugoSite(filepath.Join(b.tmp, "hugo-site")); err != nil {
			return nil, err
		}
		if v, err := output("", b.hugo, "version"); err == nil {
			rep.hugoVersion = v
		}
	}
	for _, n := range b.sizes {
		r, err := b.size(n)
		if err != nil {
			return nil, err
		}
		rep.rows = append(rep.rows, r)
	}
	if b.site {
		if rep.site, err = b.defaultSite(); err != nil {
			return nil, err
		}
	}
	rep.loadAfter = loadAverage()
	return rep, nil
}

// size measures both programs on a corpus of n pages.
func (b *bench) size(n int) (row, error) {
	site := filepath.Join(b.tmp, fmt.Sprintf("site-%d", n))
	files := corpus.Generate(n, b.seed)
	if err := corpus.Write(site, files); err != nil {
		return row{}, err
	}
	out := filepath.Join(b.tmp, fmt.Sprintf("out-%d", n))
	floorOut := filepath.Join(b.tmp, fmt.Sprintf("floor-%d", n))
	hugoOut := filepath.Join(b.tmp, fmt.Sprintf("hugo-%d", n))
	type prog struct {
		name string
		out  string
		argv []string
	}
	progs := []prog{{"iptsite", out, []string{b.iptsite, "build", "-s", site, "-d", out}}}
	if b.hugo != "" {
		progs = append(progs, prog{"hugo", hugoOut, b.hugoArgv(site, hugoOut)})
	}
	if b.base != "" {
		baseOut := filepath.Join(b.tmp, fmt.Sprintf("base-%d", n))
		progs = append(progs, prog{"base", baseOut, []string{b.base, "build", "-s", site, "-d", baseOut}})
	}
	if b.bare {
		bare, bareOut := filepath.Join(b.tmp, fmt.Sprintf("site-bare-%d", n)), filepath.Join(b.tmp, fmt.Sprintf("bare-%d", n))
		if err := bareSite(bare, files); err != nil {
			return row{}, err
		}
		progs = append(progs, prog{"bare", bareOut, []string{b.iptsite, "build", "-s", bare, "-d", bareOut}})
	}
	progs = append(progs, prog{"floor", floorOut, []string{b.self, "floor", site, floorOut}})
	samples := make([][]sample, len(progs))
	// A warm-up, then alternate the programs so that a burst of load elsewhere on the
	// machine falls on each.
	for i := -1; i < b.runs; i++ {
		for j, p := range progs {
			os.RemoveAll(p.out) // a cold build into an empty folder, not timed
			s, err := b.measure(p.argv)
			if err != nil {
				return row{}, fmt.Errorf("%s, %d pages: %w", p.name, n, err)
			}
			if i >= 0 {
				samples[j] = append(samples[j], s)
			}
		}
	}
	r := row{pages: n, inputBytes: corpus.Bytes(files)}
	for j, p := range progs {
		res := result{sample: median(samples[j])}
		var err error
		if res.tree, err = walkTree(p.out); err != nil {
			return row{}, err
		}
		if res.files < n {
			return row{}, fmt.Errorf("%s wrote %d files for %d pages", p.name, res.files, n)
		}
		switch p.name {
		case "iptsite":
			r.iptsite = res
		case "base":
			r.base = &res
		case "bare":
			r.bare = &res
		case "hugo":
			r.hugo = &res
			if err := checkPage("Hugo", hugoOut, floorOut, files[0].Name); err != nil {
				return row{}, err
			}
		default:
			r.floor = res
		}
	}
	if err := checkPage("iptsite", out, floorOut, files[0].Name); err != nil {
		return row{}, err
	}
	hugo := ""
	if r.hugo != nil {
		hugo = fmt.Sprintf(", Hugo %4d ms", r.hugo.wall.Milliseconds())
	}
	if r.base != nil {
		hugo += fmt.Sprintf(", -base %4d ms", r.base.wall.Milliseconds())
	}
	fmt.Fprintf(b.log, "%6d pages: iptsite %4d ms%s, floor %4d ms\n", n, r.iptsite.wall.Milliseconds(), hugo, r.floor.wall.Milliseconds())
	return r, nil
}

// checkPage makes sure that who wrote the first page, with the paragraphs the floor wrote.
func checkPage(who, out, floorOut, name string) error {
	rel := strings.TrimSuffix(strings.TrimPrefix(name, "content/"), ".md") + "/index.html"
	a, err := os.ReadFile(filepath.Join(out, rel))
	if err != nil {
		return fmt.Errorf("%s did not write %s: %w", who, rel, err)
	}
	f, err := os.ReadFile(filepath.Join(floorOut, rel))
	if err != nil {
		return fmt.Errorf("the floor did not write %s: %w", rel, err)
	}
	first, _, _ := bytes.Cut(f, []byte("</p>"))
	if len(first) < 20 || !bytes.Contains(a, first[3:]) {
		return fmt.Errorf("%s's %s lacks the page's first paragraph %q", who, rel, first)
	}
	return nil
}

// measure runs argv by "benchsite time" and returns what it reports: the wall time, and
// what the kernel says the program used (see the package doc for why not here). env, when
// given, is added to this process's environment.
func (b *bench) measure(argv []string, env ...string) (sample, error) {
	cmd := exec.Command(b.self, append([]string{"time", "--"}, argv...)...)
	if len(env) > 0 {
		cmd.Env = append(os.Environ(), env...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return sample{}, fmt.Errorf("%v\n%s", err, stderr.Bytes())
	}
	var wall, cpu, rss int64
	if _, err := fmt.Sscan(string(out), &wall, &cpu, &rss); err != nil {
		return sample{}, fmt.Errorf("benchsite time printed %q: %v", out, err)
	}
	return sample{wall: time.Duration(wall), cpu: time.Duration(cpu), rss: rss}, nil
}

// measureHere runs argv and returns its wall time and what the kernel says it used. Its
// stderr is this process's, and its output is thrown away.
func measureHere(argv []string) (sample, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, err
	}
	cpu, rss := usage(cmd.ProcessState)
	return sample{wall: wall, cpu: cpu, rss: rss}, nil
}

// median takes the median of each figure on its own.
func median(ss []sample) sample {
	pick := func(f func(sample) int64) int64 {
		v := make([]int64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		slices.Sort(v)
		if len(v)%2 == 1 {
			return v[len(v)/2]
		}
		return (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return sample{
		wall: time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:  time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		rss:  pick(func(s sample) int64 { return s.rss }),
	}
}

// A tree is what a program wrote.
type tree struct {
	files        int
	bytes        int64
	medianPage   int64  // the median size of the pages, the files named index.html
	largest      string // the largest page, relative to the output folder
	largestBytes int64
}

func walkTree(dir string) (tree, error) {
	var t tree
	var pages []int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		t.files++
		t.bytes += fi.Size()
		if d.Name() == "index.html" {
			pages = append(pages, fi.Size())
			if fi.Size() > t.largestBytes {
				t.largest, _ = filepath.Rel(dir, p)
				t.largestBytes = fi.Size()
			}
		}
		return nil
	})
	if len(pages) > 0 {
		slices.Sort(pages)
		t.medianPage = pages[len(pages)/2]
	}
	return t, err
}

// moduleRoot is the folder of the iptsite module that the current folder is in.
func moduleRoot() (string, error) {
	gomod, err := output("", "go", "env", "GOMOD")
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(gomod)
	if err != nil || !bytes.Contains(data, []byte("module github.com/iptsite/iptsite\n")) {
		return "", fmt.Errorf("run benchsite from the iptsite repository (go env GOMOD says %q)", gomod)
	}
	return filepath.Dir(gomod), nil
}

// output runs a command in dir and returns its trimmed standard output.
func output(dir string, name string, args ...string) (string, error) {
	return outputEnv(dir, nil, name, args...)
}

// outputEnv is output with env added to the command's environment.
func outputEnv(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return strings.TrimSpace(string(out)), nil
}
