package render

import (
	"flag"
	"os"
	"testing"
)

// Every page a test of this package builds (the txtar sites, the default site, the
// corpus) is made by the compiled templates and by html/template, and the build fails
// where the two differ; benchmarks time the build as it is.
func TestMain(m *testing.M) {
	flag.Parse()
	checkCompiled = flag.Lookup("test.bench").Value.String() == ""
	os.Exit(m.Run())
}
