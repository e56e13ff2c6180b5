// Command iptsite builds and serves a website about Interpersonal Psychotherapy (IPT),
// with worksheets whose answers stay in the reader's browser. Run "iptsite help".
package main

import (
	"os"

	"github.com/iptsite/iptsite/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
