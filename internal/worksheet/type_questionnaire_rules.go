package worksheet

import (
	"fmt"
	"math"

	"go.yaml.in/yaml/v3"
)

// A Rule of a questionnaire shows a message while the answer to Item (counted from
// 1) is above Above or, in a rule on the total (Item 0), while every item is answered
// and the total is from Min to Max, both included. Message is empty when the rule
// shows the site's crisis message.
type Rule struct {
	Item     int
	Above    float64
	Min, Max float64
	Crisis   bool
	Message  string
}

// condition is the rule without its own words: what a translation keeps.
func (r Rule) condition() Rule {
	r.Message = ""
	return r
}

type rules []Rule

const ruleForms = "{item, above, show: crisis}, {item, above, message} or {total: [min, max], message}"

func (rs *rules) decodeKey(d *decoder, key string, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "rules must be a list of %s", ruleForms)
		return
	}
	for _, o := range v.Content {
		keys, vals, ok := d.pairs(o, "a rule")
		if !ok {
			*rs = append(*rs, Rule{Item: 1})
			continue
		}
		var r Rule
		has := map[string]bool{}
		for i, k := range keys {
			has[k.Value] = true
			switch k.Value {
			case "item":
				r.Item = d.count(vals[i], "item", 1, math.MaxInt32)
			case "above":
				r.Above, _ = d.num(vals[i], "above")
			case "total":
				r.Min, r.Max = d.totalRange(vals[i])
			case "show":
				if s := d.str(vals[i], "show"); s != "crisis" {
					d.errorf(vals[i], "show must be crisis, not %q (for your own text use message)", s)
				}
				r.Crisis = true
			case "message":
				r.Message = d.str(vals[i], "message")
			default:
				d.errorf(k, "unknown key %q in a rule (want item, above, total, show, message)", k.Value)
			}
		}
		switch {
		case has["total"] && (has["item"] || has["above"]):
			d.errorf(o, "rule names both an item and the total: a rule on the total takes no item or above")
		case !has["total"] && (!has["item"] || !has["above"]):
			d.errorf(o, "rule needs item and above, or total")
		case r.Crisis == (r.Message != ""):
			d.errorf(o, "rule needs either show: crisis or a message")
		}
		if !has["item"] && !has["total"] {
			r.Item = 1
		}
		*rs = append(*rs, r)
	}
}

// totalRange decodes the [min, max] of a rule on the total.
func (d *decoder) totalRange(v *yaml.Node) (lo, hi float64) {
	if v.Kind != yaml.SequenceNode || len(v.Content) != 2 {
		d.errorf(v, "total must be a range [min, max]: the rule shows while the total is from min to max")
		return 0, 0
	}
	lo, okLo := d.num(v.Content[0], "the total's min")
	hi, okHi := d.num(v.Content[1], "the total's max")
	if okLo && okHi && lo > hi {
		d.errorf(v, "total: min (%s) is more than max (%s)", fnum(lo), fnum(hi))
	}
	return lo, hi
}

// renderRule writes a rule's message box, which the script fills while the rule
// holds: empty, it is a live region in place before its message comes, so that a
// screen reader says the message once, when it appears. A crisis rule is an alert
// that holds the site's crisis lines and a link to its help page (see WithCrisis);
// a message is a status.
func renderRule(b *builder, r Rule) {
	msg, class, role, more := r.Message, "ws-rule", "status", ""
	if r.Crisis {
		msg, class, role = b.t("worksheet.crisis"), "ws-rule ws-crisis", "alert"
		if b.crisis != nil {
			more = b.crisis()
		}
	}
	cond := fmt.Sprintf(" data-min=\"%s\" data-max=\"%s\"", fnum(r.Min), fnum(r.Max))
	if r.Item > 0 {
		cond = fmt.Sprintf(" data-item=\"%d\" data-above=\"%s\"", r.Item, fnum(r.Above))
	}
	b.w("<div class=\"%s\"%s role=\"%s\"><template><p>%s</p>%s</template></div>\n", class, cond, role, e(msg), more)
}
