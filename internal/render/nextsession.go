package render

import (
	"slices"

	"github.com/iptsite/iptsite/internal/content"
)

// The page "My next session" (layout session) gathers from the client's own answers what
// they want to talk about and their measures. A worksheet names its fields that say what
// the client wants to talk about in its front matter:
//
//	params:
//	  nextSession: [to-bring-up]
//
// and its measures are its questionnaire and tracker fields (the PHQ-9, the mood check).

// nextSessionKey is the front-matter param that names a worksheet's fields for the page.
const nextSessionKey = "nextSession"

// A NextSheet is a worksheet as the page "My next session" reads it.
type NextSheet struct {
	ID, Title, URL string
	Talk           []Question // the fields where the client writes what to talk about
	Measures       []Question // questionnaires and trackers, each with its .Type
}

// nextSessionIDs returns the field ids a worksheet's front matter names, and whether
// the value is a list of strings.
func nextSessionIDs(p *content.Page) ([]string, bool) {
	raw, ok := p.Params[nextSessionKey]
	if !ok {
		return nil, true
	}
	list, ok := raw.([]any)
	var ids []string
	for _, v := range list {
		s, isStr := v.(string)
		if !isStr {
			return nil, false
		}
		ids = append(ids, s)
	}
	return ids, ok
}

// checkNextSession reports, at the line of params, a nextSession that is not a list of
// the worksheet's field ids. It runs once the worksheets are rendered.
func (b *builder) checkNextSession() {
	for _, p := range b.sheets {
		ids, ok := nextSessionIDs(p)
		if !ok {
			b.failf(p.File, p.Line("params"), "params.%s must be a list of field ids", nextSessionKey)
			continue
		}
		b.mu.Lock()
		qs := b.questions[p]
		b.mu.Unlock()
		for _, id := range ids {
			if !slices.ContainsFunc(qs, func(q question) bool { return q.id == id }) {
				b.failf(p.File, p.Line("params"), "params.%s: no field %q in this worksheet", nextSessionKey, id)
			}
		}
	}
}

// NextSheets returns every worksheet but the page itself, with the fields the page
// "My next session" reads: {{range .NextSheets}}.
func (d *Data) NextSheets() []NextSheet {
	var out []NextSheet
	for _, p := range d.b.sheets {
		if p == d.Page {
			continue
		}
		ns := NextSheet{ID: p.WorksheetID(), Title: p.Title, URL: d.Rel(p.URL)}
		talk, _ := nextSessionIDs(p)
		for _, q := range d.Questions(p) {
			if slices.Contains(talk, q.ID) {
				ns.Talk = append(ns.Talk, q)
			}
			// a measure: a questionnaire's total, a tracker's ratings, or the rating of
			// a repeatable worksheet's scale, entry by entry (the mood check)
			if q.Type == "questionnaire" || q.Type == "tracker" || q.Type == "scale" && p.Repeat {
				ns.Measures = append(ns.Measures, q)
			}
		}
		out = append(out, ns)
	}
	return out
}
