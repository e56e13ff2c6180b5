package worksheet_test

// The phone field: a Call link that follows the number typed, in a field and in the
// rows of a table, also in rows added later and after a reload; on paper the number.

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

func TestPhoneCallLink(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	// link returns the Call link beside the input id: shown, its address and its name
	link := func(id string) string {
		return browsertest.Eval[string](t, ctx, `(() => { const a = document.getElementById(`+jsString(id)+`).nextElementSibling;
			return (a.hidden ? 'hidden' : 'shown') + ' ' + a.getAttribute('href') + ' ' + a.getAttribute('aria-label'); })()`)
	}
	if got, want := link("f-doctor-phone"), "hidden null null"; got != want {
		t.Errorf("before anything is typed the Call link is %q, want %q", got, want)
	}
	do(t, ctx, setJS+`set('f-doctor-phone', ' +1 (555) 010-0199 ');`)
	if got, want := link("f-doctor-phone"), "shown tel:+15550100199 Call +1 (555) 010-0199"; got != want {
		t.Errorf("after typing a number the Call link is %q, want %q", got, want)
	}
	do(t, ctx, setJS+`set('f-doctor-phone', '12');`)
	if got := link("f-doctor-phone"); got[:6] != "hidden" {
		t.Errorf("with 2 digits the Call link is %q, want it hidden", got)
	}
	do(t, ctx, setJS+`set('f-doctor-phone', '0800 123 456');`)

	// a table's phone column: the first row, then a row added after a filled one
	do(t, ctx, setJS+`set('f-people-to-call_r0_name', 'Ann'); set('f-people-to-call_r0_phone', '555 0142');
		set('f-people-to-call_r1_name', 'Sam'); set('f-people-to-call_r1_phone', '555 0177');
		document.querySelector('#people-to-call [data-act=add]').click();`)
	if got, want := link("f-people-to-call_r0_phone"), "shown tel:5550142 Call 555 0142"; got != want {
		t.Errorf("a table row's Call link is %q, want %q", got, want)
	}
	if got, want := link("f-people-to-call_r2_phone"), "hidden null null"; got != want {
		t.Errorf("the Call link of a row just added is %q, want %q", got, want)
	}
	do(t, ctx, setJS+`set('f-people-to-call_r2_phone', '+44 20 7946 0958');`)
	if got, want := link("f-people-to-call_r2_phone"), "shown tel:+442079460958 Call +44 20 7946 0958"; got != want {
		t.Errorf("an added row's Call link is %q, want %q", got, want)
	}
	browsertest.AssertAccessible(t, ctx)
	settle()

	// saved, and the links are back after a reload
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	for id, want := range map[string]string{
		"f-doctor-phone":            "shown tel:0800123456 Call 0800 123 456",
		"f-people-to-call_r0_phone": "shown tel:5550142 Call 555 0142",
		"f-people-to-call_r1_phone": "shown tel:5550177 Call 555 0177",
		"f-people-to-call_r2_phone": "shown tel:+442079460958 Call +44 20 7946 0958",
	} {
		if got := link(id); got != want {
			t.Errorf("after a reload the Call link of %s is %q, want %q", id, got, want)
		}
	}

	// on paper: the number, in black, and no link
	if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
		t.Fatal(err)
	}
	style := func(sel, prop string) string {
		return browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).getPropertyValue(`+jsString(prop)+`)`)
	}
	if got := style("#doctor-phone .ws-call", "display"); got != "none" {
		t.Errorf("the Call link prints: display %s", got)
	}
	if got := style("#f-doctor-phone", "color"); got != "rgb(0, 0, 0)" {
		t.Errorf("the number prints in %s, want black", got)
	}
	if got := browsertest.Eval[float64](t, ctx, `document.getElementById('f-doctor-phone').getBoundingClientRect().width`); got < 120 {
		t.Errorf("the number prints in a box %.0f px wide, too narrow to read it", got)
	}
	rec.AssertClean(t, base)
}
