package iptsite_test

// A therapist's note in the link (issue 16 part 2): made by the builder on the page for
// therapists, shown on the worksheet as text only, never sent in a request, and kept on
// the device only when the client asks.

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

const xssNote = "Fill in the first part before Tuesday. <img src=x onerror=alert(1)>"

// requestLog records the URL, headers and body of every request a tab makes.
type requestLog struct {
	mu   sync.Mutex
	seen []string
}

func recordRequests(t *testing.T, ctx context.Context) *requestLog {
	t.Helper()
	l := &requestLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			h, _ := json.Marshal(e.Request.Headers)
			var body strings.Builder
			for _, p := range e.Request.PostDataEntries {
				body.Write(p.Bytes)
			}
			l.mu.Lock()
			l.seen = append(l.seen, e.Request.URL+" "+string(h)+" "+body.String())
			l.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// carrying returns the requests that hold a word of the note, as typed or encoded.
func (l *requestLog) carrying(words ...string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, r := range l.seen {
		dec, _ := url.QueryUnescape(strings.ReplaceAll(r, "+", "%2B"))
		for _, w := range words {
			if strings.Contains(strings.ToLower(r+dec), strings.ToLower(w)) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// jsQuote quotes s as a JavaScript string literal.
func jsQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

func storageHolds(t *testing.T, ctx context.Context, word string) bool {
	t.Helper()
	return browsertest.Eval[bool](t, ctx, `Object.keys(localStorage).some((k) => (k + localStorage.getItem(k)).includes(`+jsQuote(word)+`))`)
}

func TestAssignmentLinkShowsTheNote(t *testing.T) {
	dir := buildDefault(t)
	base := browsertest.Serve(t, dir, prefix)
	ctx := browsertest.Chrome(t)
	reqs := recordRequests(t, ctx)
	rec := browsertest.Watch(ctx)
	sheet := base + "worksheets/role-dispute/"
	frag := "#" + url.Values{"note": {xssNote}, "q": {"what-i-want"}}.Encode()
	if err := chromedp.Do(ctx, chromedp.Navigate(sheet+frag), chromedp.WaitVisible(`#therapist-note`)); err != nil {
		t.Fatal(err)
	}
	got := browsertest.Eval[struct {
		Title, Text, Go  string
		Elements, Images int
	}](t, ctx, `(() => { const b = document.getElementById('therapist-note'), p = b.querySelector('.therapist-note-text');
		return {title: b.querySelector('h2').textContent, text: p.textContent, go: b.querySelector('a[href="#what-i-want"]')?.textContent || '',
			elements: p.childElementCount, images: document.querySelectorAll('main img').length}; })()`)
	if got.Title != "Your therapist's note" || got.Text != xssNote || got.Elements != 0 || got.Images != 0 {
		t.Errorf("the note: %+v, want the text %q and no element made from it", got, xssNote)
	}
	if !strings.Contains(got.Go, "What do I want from this relationship?") {
		t.Errorf("the link to the question says %q", got.Go)
	}
	browsertest.AssertAccessible(t, ctx)
	if storageHolds(t, ctx, "Tuesday") {
		t.Error("the note was stored before the client asked")
	}
	// The client keeps it: it comes back without the link, until closed.
	if err := chromedp.Do(ctx, chromedp.Click(`#therapist-note button`), chromedp.Navigate(sheet), chromedp.WaitVisible(`#therapist-note`)); err != nil {
		t.Fatal(err)
	}
	if !storageHolds(t, ctx, "Tuesday") {
		t.Error("Keep did not keep the note")
	}
	if text := browsertest.Eval[string](t, ctx, `document.querySelector('.therapist-note-text').textContent`); text != xssNote {
		t.Errorf("the kept note shows %q", text)
	}
	if err := chromedp.Do(ctx, chromedp.Click(`#therapist-note button`)); err != nil { // Close: the only button now
		t.Fatal(err)
	}
	if storageHolds(t, ctx, "Tuesday") || !browsertest.Eval[bool](t, ctx, `document.getElementById('therapist-note').hidden`) {
		t.Error("Close left the note on the page or on the device")
	}
	// An ordinary link to a question shows no note and marks the question.
	if err := chromedp.Do(ctx, chromedp.Navigate(sheet+"#what-they-want"), chromedp.WaitVisible(`#what-they-want.linked`)); err != nil {
		t.Fatal(err)
	}
	if !browsertest.Eval[bool](t, ctx, `document.getElementById('therapist-note').hidden`) {
		t.Error("a link to a question shows a note")
	}
	// Several worksheets: the list page names them, and each link carries the note on.
	list := base + "worksheets/#" + url.Values{"note": {"Try these two"}, "w": {"goals,role-dispute"}}.Encode()
	if err := chromedp.Do(ctx, chromedp.Navigate(list), chromedp.WaitVisible(`#therapist-note`)); err != nil {
		t.Fatal(err)
	}
	links := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll('#therapist-note li a')].map((a) => a.textContent + ' ' + a.getAttribute('href'))`)
	if h2 := browsertest.Eval[string](t, ctx, `document.querySelector('#therapist-note h2').textContent`); h2 != "Your therapist suggested these" ||
		len(links) != 2 || !strings.HasSuffix(links[1], "role-dispute/#note=Try+these+two") {
		t.Errorf("the list page: %q, %q", h2, links)
	}
	// Under the passphrase lock nothing is written in the clear: no Keep.
	browsertest.Eval[any](t, ctx, `localStorage.setItem('ipt:lock', '{}')`)
	if err := chromedp.Do(ctx, chromedp.Navigate(sheet+frag), chromedp.WaitVisible(`#therapist-note`)); err != nil {
		t.Fatal(err)
	}
	if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll('#therapist-note button').length`); n != 1 {
		t.Errorf("under the lock, %d buttons, want Close alone", n)
	}
	browsertest.Eval[any](t, ctx, `localStorage.clear()`)
	if r := reqs.carrying("Tuesday", "Try these", "onerror"); len(r) > 0 || len(reqs.seen) < 5 {
		t.Errorf("of %d requests, these carry the note: %q", len(reqs.seen), r)
	}
	for _, m := range rec.Errors() {
		if !strings.Contains(m.Text, "alert") {
			continue
		}
		t.Errorf("the note ran: %s", m)
	}
	rec.AssertClean(t, base)
}

// TestAssignmentBuilder makes links on the page for therapists of a portable copy with
// baseURL, opened from disk and offline, then follows one made on a served site.
func TestAssignmentBuilder(t *testing.T) {
	dir := sitetest.BuildDir(t, "", render.Options{Portable: true, BaseURL: "https://clinic.example/ipt/"})
	ctx := browsertest.Chrome(t)
	page := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/for-therapists/index.html"}).String()
	if err := chromedp.Do(ctx, browsertest.Offline(true), chromedp.Navigate(page), chromedp.WaitVisible(`#assign`)); err != nil {
		t.Fatal(err)
	}
	build := func(sheets []string, q, note string) (link string, qr bool) {
		t.Helper()
		set := `(() => { for (const b of document.querySelectorAll('.assign-sheets input')) b.checked = ` + jsQuote(strings.Join(sheets, " ")) + `.split(' ').includes(b.value);
			document.querySelector('.assign-sheets input').dispatchEvent(new Event('change', {bubbles: true}));
			const s = document.getElementById('assign-q'); s.value = ` + jsQuote(q) + `; s.dispatchEvent(new Event('change', {bubbles: true}));
			const n = document.getElementById('assign-note'); n.value = ` + jsQuote(note) + `; n.dispatchEvent(new Event('input', {bubbles: true}));
			return {link: document.querySelector('.handout-link').textContent, qr: !!document.querySelector('.handout-qr svg[aria-label]')}; })()`
		got := browsertest.Eval[struct {
			Link string
			QR   bool
		}](t, ctx, set)
		return got.Link, got.QR
	}
	if link, qr := build([]string{"role-dispute"}, "what-i-want", "Before Tuesday"); link != "https://clinic.example/ipt/worksheets/role-dispute/#note=Before+Tuesday&q=what-i-want" || !qr {
		t.Errorf("one worksheet and a question: %q (QR code: %v)", link, qr)
	}
	if link, _ := build([]string{"role-dispute"}, "what-i-want", ""); link != "https://clinic.example/ipt/worksheets/role-dispute/#what-i-want" {
		t.Errorf("without a note, an ordinary link to the question: %q", link)
	}
	if link, qr := build([]string{"goals", "role-dispute"}, "", "Try these"); link != "https://clinic.example/ipt/worksheets/#note=Try+these&w=goals,role-dispute" || !qr {
		t.Errorf("two worksheets: %q (QR code: %v)", link, qr)
	}
	if link, qr := build([]string{"goals"}, "", strings.Repeat("é", 200)); link == "" || !qr {
		t.Errorf("the longest note: %q (QR code: %v)", link, qr)
	}
	if link, _ := build(nil, "", "x"); link != "" || browsertest.Eval[string](t, ctx, `document.querySelector('.assign-problem').textContent`) != "Pick at least one worksheet." {
		t.Errorf("nothing picked: %q", link)
	}

	// Served without baseURL, the link is the site's own address, and opens the note.
	base := browsertest.Serve(t, buildDefault(t), prefix)
	ctx = browsertest.Chrome(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/for-therapists/"), chromedp.WaitVisible(`#assign`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	link, _ := build([]string{"role-dispute"}, "", xssNote)
	if !strings.HasPrefix(link, base+"es/worksheets/role-dispute/#note=") {
		t.Fatalf("served: the link %q", link)
	}
	if got := browsertest.Eval[string](t, ctx, overflowJS); got != "" {
		t.Errorf("the builder with a link made scrolls sideways at 320 px by %s", got)
	}
	browsertest.AssertAccessible(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(link), chromedp.WaitVisible(`#therapist-note`)); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#therapist-note h2').textContent + ': ' + document.querySelector('.therapist-note-text').textContent`); got != "La nota de tu terapeuta: "+xssNote {
		t.Errorf("the link made opens %q", got)
	}
}
