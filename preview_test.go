package iptsite_test

import (
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/server"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestPreviewNotFoundStyled: built without baseURL, the 404 page holds its stylesheet,
// allowed by its hash. Under the headers a host sends (here iptsite preview's, from the
// build's _headers), at a missing address three folders deep, it is still styled and
// breaks no rule of either policy, the header's or its own.
func TestPreviewNotFoundStyled(t *testing.T) {
	dir := sitetest.BuildDir(t, "", render.Options{})
	pv, err := server.NewPreview(dir, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pv.Close() })
	srv := httptest.NewServer(pv)
	t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })
	base := srv.URL + pv.Base()

	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"a/b/c/missing")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('h1').textContent`); got != "Page not found" {
		t.Fatalf("h1 %q, want the 404 page", got)
	}
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector('.crisis')).borderBottomStyle`); got != "solid" {
		t.Errorf("the 404 page is not styled under the host's headers (crisis box border %s)", got)
	}
	for _, m := range rec.CSPViolations() {
		t.Error(m)
	}
}
