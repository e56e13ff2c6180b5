package iptsite_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	qrcode "github.com/skip2/go-qrcode"
)

// TestQREncoderMatchesGo: the assignment builder's QR encoder (static/js/qr/) makes, for
// the same text, the same version and the same modules as the Go library the build draws
// the worksheets' codes with, mask included, from a short address to one of 600 bytes.
func TestQREncoderMatchesGo(t *testing.T) {
	dir := buildDefault(t)
	base := browsertest.Serve(t, dir, prefix)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"for-therapists/")); err != nil {
		t.Fatal(err)
	}
	note := "fill+in+the+first+part+before+tuesday%2C+and+bring+it+with+you.+%C2%BFpreguntas%3F+"
	texts := []string{
		"hello",
		"https://clinic.example/ipt/worksheets/role-dispute/",
		"https://clinic.example/ipt/worksheets/role-dispute/#note=call+me&q=what-i-want",
	}
	for len(texts[len(texts)-1]) < 600 { // about 30 bytes more each time, to reach every version
		last := texts[len(texts)-1]
		texts = append(texts, last+note[len(last)%len(note):][:min(30, len(note)-len(last)%len(note))])
	}
	versions := map[int]bool{}
	for _, text := range texts {
		q, err := qrcode.New(text, qrcode.Medium)
		if err != nil {
			t.Fatal(err)
		}
		want := modules(q.Bitmap())
		arg, _ := json.Marshal(text)
		got := browsertest.Eval[struct {
			Version int
			Rows    []string
		}](t, ctx, `(() => { const q = iptQR.encode(`+string(arg)+`); return {version: q.version, rows: q.modules.map((r) => r.map((m) => m ? '#' : '.').join(''))}; })()`)
		if got.Version != q.VersionNumber {
			t.Errorf("%d bytes: version %d, want %d as go-qrcode", len(text), got.Version, q.VersionNumber)
			continue
		}
		versions[got.Version] = true
		if g := strings.Join(got.Rows, "\n"); g != want {
			t.Errorf("%d bytes, version %d: the modules differ from go-qrcode's:\ngot\n%s\nwant\n%s", len(text), got.Version, g, want)
		}
	}
	if len(versions) < 15 {
		t.Errorf("compared %d versions, want the range a link with a note needs", len(versions))
	}
	if got := browsertest.Eval[bool](t, ctx, `iptQR.encode('x'.repeat(700)) === null`); !got {
		t.Error("a text too long for version 20 gave a code")
	}
}

// modules draws a go-qrcode bitmap without its quiet zone of 4 modules, one row a line.
func modules(bitmap [][]bool) string {
	var rows []string
	for _, row := range bitmap[4 : len(bitmap)-4] {
		var b strings.Builder
		for _, on := range row[4 : len(row)-4] {
			b.WriteString(map[bool]string{true: "#", false: "."}[on])
		}
		rows = append(rows, b.String())
	}
	return strings.Join(rows, "\n")
}
