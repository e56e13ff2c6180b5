// Command iptsite builds and serves a website about Interpersonal Psychotherapy (IPT),
// with worksheets whose answers stay in the reader's browser. Run "iptsite help".
package main

import (
	"os"

	"github.com/iptsite/iptsite/internal/cli"
	_ "github.com/iptsite/iptsite/internal/heap" // the heap in 2 MB pages, before the other packages initialize
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
