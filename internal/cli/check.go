package cli

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/iptsite/iptsite/internal/check"
	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/source"
)

const checkSynopsis = "iptsite check [-s SRC] [--drafts] [--json] [--grades] [--links]"

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("check", stderr, checkSynopsis)
	src := fl.String("s", ".", "the site folder")
	drafts := fl.Bool("drafts", false, "check pages marked draft: true too")
	asJSON := fl.Bool("json", false, "write the report as JSON, for tools")
	grades := fl.Bool("grades", false, "print every page's words, sentences, reading grade and weight")
	links := fl.Bool("links", false, "list every external link, not only the count per host")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\n", checkSynopsis)
		fmt.Fprintf(stderr, "Builds the site in memory, as build does, and reports what clients would stumble on.\n")
		fmt.Fprintf(stderr, "Exits with status 1 when any finding is an error.\n\nOptions:\n")
		fl.PrintDefaults()
		fmt.Fprintf(stderr, "\nRules (set their level in site.yaml under check: levels:):\n")
		for _, r := range check.Rules {
			fmt.Fprintf(stderr, "  %-16s %-8s %s\n", r.Name, r.Level, r.Doc)
		}
	}
	if st := parse(fl, args, stderr); st >= 0 {
		return st
	}
	fsys, err := openSource(*src)
	if err != nil {
		fmt.Fprintf(stderr, "iptsite check: %v\n", err)
		return ExitError
	}
	r := check.Run(render.Options{Source: fsys, Drafts: *drafts}, origin(fsys, defaultConfig(fsys)))
	if *asJSON {
		if err := r.WriteJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "iptsite check: %v\n", err)
			return ExitError
		}
	} else {
		r.WriteText(stdout, check.TextOptions{Dir: *src, Grades: *grades, Links: *links})
	}
	if r.Errors > 0 {
		return ExitError
	}
	return ExitOK
}

// serveFindings prints the findings of each good rebuild under iptsite serve. Warnings
// and errors alike leave the site served; the summary line says how many there are. The
// check runs beside the server, so it never holds up the next rebuild, and a check
// overtaken by a newer build prints nothing.
func serveFindings(w io.Writer, src string, fsys source.Layered) func(*render.Result, *output.Memory) {
	var mu sync.Mutex
	latest := 0
	// Read with the first check, after the first build: serve starts serving sooner.
	defaults := sync.OnceValue(func() *config.Site { return defaultConfig(fsys) })
	return func(res *render.Result, mem *output.Memory) {
		mu.Lock()
		latest++
		n := latest
		mu.Unlock()
		go func() {
			r := check.Built(res, mem, origin(fsys, defaults()))
			var b strings.Builder
			r.WriteText(&b, check.TextOptions{Dir: src})
			mu.Lock()
			defer mu.Unlock()
			if n == latest {
				io.WriteString(w, b.String())
			}
		}()
	}
}

// origin tells the check what only the command knows: whether the site folder has a
// site.yaml of its own (a source without a site folder is the default site itself), and
// the default site.yaml to compare its crisis lines with.
func origin(fsys source.Layered, defaults *config.Site) check.Origin {
	own := true
	if fsys.Site != nil {
		_, err := fs.Stat(fsys.Site, config.File)
		own = err == nil
	}
	return check.Origin{OwnConfig: own, Defaults: defaults}
}

// defaultConfig returns the default site.yaml under the site folder, nil when it does
// not load (the check then compares no crisis lines with it).
func defaultConfig(fsys source.Layered) *config.Site {
	c, err := config.Load(fsys.Defaults)
	if err != nil {
		return nil
	}
	return c
}
