package worksheet_test

// Translated worksheets share their answers with the original.

import (
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// TestTranslationSharesAnswers answers a choice, a checklist, a table's choice
// column, a circle and a rhythm in English, finds them in the Spanish worksheets,
// changes them there, and finds the changes back in English: the stored values
// are the same words in both languages.
func TestTranslationSharesAnswers(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/before-first-session/")
	type check struct{ page, expr, want string }
	fill := []struct{ page, js string }{
		{"worksheets/before-first-session/", `set('f-day-to-day_1', true); set('f-day-to-day_3', true);`},
		{"worksheets/communication-analysis/", `set('f-outcome_2', true);`},
		{"worksheets/connection/", `set('f-steps_r0_step', 'Call Ann'); set('f-steps_r0_done', 'Partly');`},
		{"worksheets/closeness-circle/", `set('f-circle_r0_name', 'Ann'); set('f-circle_r0_ring', 'Close'); set('f-circle_r1_name', 'Sam');`},
		{"worksheets/social-rhythm/", `set('f-rhythm_r1_d1', '08:30');`},
	}
	for _, f := range fill {
		open(t, ctx, base+f.page)
		do(t, ctx, setJS+f.js)
		settle()
	}
	shown := func(checks []check) {
		t.Helper()
		for _, c := range checks {
			open(t, ctx, base+c.page)
			if got := jsonText(browsertest.Eval[any](t, ctx, c.expr)); got != c.want {
				t.Errorf("%s: %s = %s, want %s", c.page, c.expr, got, c.want)
			}
		}
	}
	shown([]check{
		{"es/worksheets/before-first-session/", `document.querySelector('#f-day-to-day_1:checked + label').textContent`, "Dormir"},
		{"es/worksheets/before-first-session/", `document.getElementById('f-day-to-day_3').checked`, "true"},
		{"es/worksheets/before-first-session/", `document.querySelectorAll('#day-to-day input:checked').length`, "2"},
		{"es/worksheets/communication-analysis/", `document.querySelector('#outcome input:checked + label').textContent`, "En parte"},
		{"es/worksheets/connection/", `document.getElementById('f-steps_r0_done').selectedOptions[0].text`, "En parte"},
		{"es/worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').selectedOptions[0].text`, "Cerca"},
		// Ann is drawn on her ring; Sam, with no ring yet, waits below the circle
		{"es/worksheets/closeness-circle/", `[...document.querySelectorAll('#circle svg text.ws-mark')].map(n => n.textContent).join(' ')`, "Ann Todavía no están en el círculo: Sam"},
		{"es/worksheets/closeness-circle/", `document.querySelectorAll('#circle svg .ws-dot').length + ' ' + document.querySelectorAll('#circle svg .ws-unplaced').length`, "2 1"},
		{"es/worksheets/social-rhythm/", `document.getElementById('f-rhythm_r1_d1').value`, "08:30"},
		// the chart's key names the activity in its words, whole where there is room
		{"es/worksheets/social-rhythm/", `[...document.querySelectorAll('#rhythm svg text.ws-mark')].map(n => n.textContent).join(' ')`, "Hablar por primera vez con otra persona"},
		{"es/worksheets/social-rhythm/", `document.getElementById('ws-status').textContent.startsWith('Guardado en este dispositivo')`, "true"},
	})
	if t.Failed() {
		return
	}

	change := []struct{ page, js string }{
		{"es/worksheets/before-first-session/", `set('f-day-to-day_1', false); set('f-day-to-day_2', true);`},
		{"es/worksheets/communication-analysis/", `set('f-outcome_4', true);`},
		{"es/worksheets/closeness-circle/", `set('f-circle_r1_ring', 'Very close');`},
	}
	for _, f := range change {
		open(t, ctx, base+f.page)
		do(t, ctx, setJS+f.js)
		settle()
	}
	shown([]check{
		{"worksheets/before-first-session/", `[...document.querySelectorAll('#day-to-day input:checked + label')].map(n => n.textContent).join(', ')`, "Eating, Having energy"},
		{"worksheets/communication-analysis/", `document.querySelector('#outcome input:checked + label').textContent`, "I am not sure"},
		{"worksheets/closeness-circle/", `document.getElementById('f-circle_r1_ring').selectedOptions[0].text`, "Very close"},
		{"worksheets/closeness-circle/", `document.querySelectorAll('#circle svg .ws-unplaced').length`, "0"},
		{"worksheets/closeness-circle/", `document.querySelector('.ws-earlier').hidden`, "true"},
	})
	stored := browsertest.Eval[string](t, ctx, `localStorage.getItem(document.getElementById('worksheet').dataset.storageKey + ':before-first-session')`)
	if !strings.Contains(stored, `"day-to-day":{"selected":["Eating","Having energy"]}`) {
		t.Errorf("the record does not hold the original's words: %s", stored)
	}

	// an import previewed on the Spanish page shows both answers in Spanish
	open(t, ctx, base+"es/worksheets/before-first-session/")
	do(t, ctx, `window.__import = JSON.stringify({format: 'iptsite-answers', v: 1, site: document.getElementById('worksheet').dataset.storageKey,
		worksheets: [{v: 1, id: 'before-first-session', updated: '2030-01-01T00:00:00Z', answers: {'day-to-day': {selected: ['Sleeping']}}}]});`+importJS)
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('dialog[open] .ws-merge').textContent`); !strings.Contains(got, ": Dormir") || !strings.Contains(got, "las tuyas ahora: Comer, Tener energía") {
		t.Errorf("import preview on the Spanish page: %q", got)
	}
	rec.AssertNoErrors(t)
}

// TestTranslatedRecordFromBefore loads records that Spanish worksheets saved
// before answers were shared (the Spanish words as values): the Spanish pages
// show every answer and store it in the original's words on leaving, so that
// the English pages show it too.
func TestTranslatedRecordFromBefore(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/closeness-circle/")
	do(t, ctx, `const k = document.getElementById('worksheet').dataset.storageKey + ':';
		localStorage.setItem(k + 'before-first-session', JSON.stringify({v: 1, id: 'before-first-session', updated: '2026-01-02T10:00:00Z',
			answers: {'day-to-day': {selected: ['Dormir', 'Comer']}}}));
		localStorage.setItem(k + 'closeness-circle', JSON.stringify({v: 1, id: 'closeness-circle', updated: '2026-01-02T10:00:00Z',
			answers: {circle: [{name: 'Ann', ring: 'Muy cerca'}]}}));
		localStorage.setItem(k + 'social-rhythm', JSON.stringify({v: 1, id: 'social-rhythm', updated: '2026-01-02T10:00:00Z',
			answers: {rhythm: [{_row: 'Levantarme de la cama', d2: '07:15'}]}}));`)
	type check struct{ page, expr, want string }
	for _, c := range []check{
		{"es/worksheets/before-first-session/", `[...document.querySelectorAll('#day-to-day input:checked + label')].map(n => n.textContent).join(', ')`, "Dormir, Comer"},
		{"es/worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').selectedOptions[0].text`, "Muy cerca"},
		{"es/worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').options.length`, "5"},
		{"es/worksheets/social-rhythm/", `document.getElementById('f-rhythm_r0_d2').value`, "07:15"},
		{"worksheets/before-first-session/", `[...document.querySelectorAll('#day-to-day input:checked')].map(n => n.value).join(', ')`, "Sleeping, Eating"},
		{"worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').value`, "Very close"},
		{"worksheets/closeness-circle/", `document.querySelectorAll('#circle svg .ws-unplaced').length`, "0"},
		{"worksheets/social-rhythm/", `document.getElementById('f-rhythm_r0_d2').value`, "07:15"},
		{"worksheets/social-rhythm/", `document.querySelector('.ws-earlier').hidden`, "true"},
	} {
		open(t, ctx, base+c.page)
		if got := jsonText(browsertest.Eval[any](t, ctx, c.expr)); got != c.want {
			t.Errorf("%s: %s = %s, want %s", c.page, c.expr, got, c.want)
		}
	}
	rec.AssertNoErrors(t)
}
