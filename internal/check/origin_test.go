package check

import (
	"io/fs"
	"sync"
	"testing"

	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/sitetest"
)

var defaultConfig = sync.OnceValue(func() *config.Site {
	c, err := config.Load(sitetest.Source(nil))
	if err != nil {
		panic(err)
	}
	return c
})

// testOrigin is the Origin of a site laid over the defaults, as iptsite check makes it:
// site.yaml is the site's own when site has one; a nil site is the default site itself.
func testOrigin(site fs.FS) Origin {
	own := true
	if site != nil {
		_, err := fs.Stat(site, config.File)
		own = err == nil
	}
	return Origin{OwnConfig: own, Defaults: defaultConfig()}
}

// TestOriginDefaults checks that without the default site.yaml to compare with, crisis
// lines are not taken for the defaults: the check needs the Origin the command gives it.
func TestOriginDefaults(t *testing.T) {
	r := Run(renderDefaults(), Origin{OwnConfig: true})
	for _, f := range r.Findings {
		if f.Rule == RuleCrisisDefaults {
			t.Errorf("without Origin.Defaults: %s", f)
		}
	}
	r = Run(renderDefaults(), testOrigin(nil))
	found := false
	for _, f := range r.Findings {
		found = found || f.Rule == RuleCrisisDefaults
	}
	if !found {
		t.Error("with Origin.Defaults: no crisis-defaults finding")
	}
}
