package worksheet

import (
	"go.yaml.in/yaml/v3"
)

type questionnaireKeys struct {
	Question string   `yaml:"question"` // the stem
	Items    []string `yaml:"items"`
	Answers  answers  `yaml:"options"` // shared by every item
	Bands    bands    `yaml:"bands"`
	Rules    rules    `yaml:"rules"`
}

// An Answer is one shared answer option of a questionnaire.
type Answer struct {
	Label string
	Value float64
}

// A Band names a range of questionnaire totals, both ends included.
type Band struct {
	Min, Max float64
	Label    string
}

// Questionnaire is a scored set of items sharing their answer options, with a
// total, bands naming ranges of it, and rules showing a message for an answer or
// for a range of the total.
var Questionnaire = &Type{
	Name: "questionnaire",
	Keys: questionnaireKeys{},
	Check: func(c *checker, f *Field) {
		k := keysOf[questionnaireKeys](f)
		if len(k.Items) == 0 {
			c.errorf(c.at("items"), "questionnaire needs items")
		}
		if len(k.Answers) < 2 {
			c.errorf(c.at("options"), "questionnaire needs at least 2 options, each {label, value}")
		}
		for i, r := range k.Rules {
			if r.Item > len(k.Items) {
				c.errorf(c.byKey["rules"].Content[i], "rule points at item %d, but the questionnaire has %d items", r.Item, len(k.Items))
			}
		}
	},
	Render:    renderQuestionnaire,
	Translate: translateQuestionnaire,
}

type answers []Answer

func (as *answers) decodeKey(d *decoder, key string, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "questionnaire options must be a list of {label, value}")
		return
	}
	for _, o := range v.Content {
		keys, vals, ok := d.pairs(o, "a questionnaire option")
		if !ok {
			continue
		}
		a, hasLabel, hasValue := Answer{}, false, false
		for i, k := range keys {
			switch k.Value {
			case "label":
				a.Label, hasLabel = d.str(vals[i], "label"), true
			case "value":
				a.Value, hasValue = d.num(vals[i], "value")
			default:
				d.errorf(k, "unknown key %q in a questionnaire option (want label, value)", k.Value)
			}
		}
		if !hasLabel || !hasValue {
			d.errorf(o, "questionnaire option needs label and value")
		}
		*as = append(*as, a)
	}
}

type bands []Band

func (bs *bands) decodeKey(d *decoder, key string, v *yaml.Node) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "bands must be a list of {min, max, label}")
		return
	}
	for _, o := range v.Content {
		keys, vals, ok := d.pairs(o, "a band")
		if !ok {
			continue
		}
		var b Band
		has := map[string]bool{}
		for i, k := range keys {
			has[k.Value] = true
			switch k.Value {
			case "min":
				b.Min, _ = d.num(vals[i], "min")
			case "max":
				b.Max, _ = d.num(vals[i], "max")
			case "label":
				b.Label = d.str(vals[i], "label")
			default:
				d.errorf(k, "unknown key %q in a band (want min, max, label)", k.Value)
			}
		}
		if !has["min"] || !has["max"] || b.Label == "" {
			d.errorf(o, "band needs min, max and label")
		} else if b.Min > b.Max {
			d.errorf(o, "band %q: min (%s) is more than max (%s)", b.Label, fnum(b.Min), fnum(b.Max))
		}
		for _, p := range *bs {
			if b.Min <= p.Max && p.Min <= b.Max {
				d.errorf(o, "band %q overlaps band %q", b.Label, p.Label)
			}
		}
		*bs = append(*bs, b)
	}
}

func renderQuestionnaire(b *builder, f *Field) {
	k := keysOf[questionnaireKeys](f)
	b.open()
	if k.Question != "" {
		b.w("<p class=\"ws-question\">%s</p>\n", e(k.Question))
	}
	for i, item := range k.Items {
		n := i + 1
		b.w("<fieldset class=\"ws-item\" data-item=\"%d\">\n<legend><span class=\"ws-n\">%d.</span> %s</legend>\n<div class=\"ws-options\">\n", n, n, e(item))
		for j, a := range k.Answers {
			b.w("<div class=\"ws-option\"><input type=\"radio\" id=\"%s_%d_%d\" name=\"%s_%d\" value=\"%s\"><label for=\"%s_%d_%d\">%s</label></div>\n",
				b.p, n, j, b.p, n, fnum(a.Value), b.p, n, j, e(a.Label))
		}
		b.w("</div>\n</fieldset>\n")
		for _, r := range k.Rules {
			if r.Item == n {
				renderRule(b, r)
			}
		}
	}
	b.w("<p class=\"ws-total\"><span id=\"%s_total-l\">%s</span>: <output id=\"%s_total\" data-total aria-labelledby=\"%s_total-l\"></output> <span class=\"ws-band\" data-band></span> <span class=\"ws-unanswered\" data-unanswered data-text=\"%s\"></span></p>\n",
		b.p, e(b.t("worksheet.total")), b.p, b.p, e(b.t("worksheet.unanswered")))
	for _, r := range k.Rules {
		if r.Item == 0 {
			renderRule(b, r)
		}
	}
	if len(k.Bands) > 0 {
		b.w("<details class=\"ws-bands\"><summary>%s</summary>\n<ul>\n", e(b.t("worksheet.bands")))
		for _, band := range k.Bands {
			b.w("<li data-min=\"%s\" data-max=\"%s\">%s–%s: %s</li>\n", fnum(band.Min), fnum(band.Max), fnum(band.Min), fnum(band.Max), e(band.Label))
		}
		b.w("</ul>\n</details>\n")
	}
	b.close()
}

// translateQuestionnaire: the items, the answer values and the rules stay, so
// that the total and the messages come out the same.
func translateQuestionnaire(m *matcher, f, o *Field) {
	k, ok := keysOf[questionnaireKeys](f), keysOf[questionnaireKeys](o)
	m.count(f, o, "items", [2]string{"item", "items"}, len(k.Items), len(ok.Items))
	if m.count(f, o, "options", [2]string{"option", "options"}, len(k.Answers), len(ok.Answers)) {
		for i, a := range k.Answers {
			if a.Value != ok.Answers[i].Value {
				m.errorf(f.keyLine("options"), "questionnaire %s: option %d (%s) has value %s but %s has %s; a translation keeps the values",
					f.ID, i+1, a.Label, fnum(a.Value), m.at(o.keyLine("options")), fnum(ok.Answers[i].Value))
			}
		}
	}
	if m.count(f, o, "rules", [2]string{"rule", "rules"}, len(k.Rules), len(ok.Rules)) {
		for i, r := range k.Rules {
			if r.condition() != ok.Rules[i].condition() {
				m.errorf(f.keyLine("rules"), "questionnaire %s: rule %d differs from the one in %s; a translation shows its messages for the same answers",
					f.ID, i+1, m.at(o.keyLine("rules")))
			}
		}
	}
}
