package worksheet

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A Field is one question of a worksheet, decoded from a field block.
// Only the members that apply to its Type are set.
type Field struct {
	ID    string
	Type  string
	Label string
	Hint  string
	Line  int // file line of the opening fence; for a table column, of its id key

	Rows       int     // textarea: visible lines; list, table, timeline, tracker, circle: rows shown at first
	Min, Max   float64 // number (when HasMin/HasMax), scale, timeline, tracker, number and scale columns
	Step       float64 // number (0: any), scale
	HasMin     bool
	HasMax     bool
	Unit       string   // number
	MinLabel   string   // scale, timeline, tracker
	MaxLabel   string   // scale, timeline, tracker
	Options    []string // choice, checklist, choice columns
	Other      string   // choice, checklist: label of the "other" text box ("" for the default)
	HasOther   bool
	ItemLabel  string   // list
	Columns    []*Field // table
	RowLabel   string   // table
	FixedRows  []string // table
	Question   string   // questionnaire
	Items      []string // questionnaire
	Answers    []Answer // questionnaire: the shared answer options
	Bands      []Band   // questionnaire
	Rules      []Rule   // questionnaire
	Rings      []string // circle, inside out; the interface's three when the author gives none
	People     string   // circle: id of the list or table field naming people
	Better     string   // tracker: "high" or "low"
	Activities []string // rhythm

	keyLines map[string]int // file line of each key the author wrote
	orig     *Field         // in a translation, the same field of the original worksheet (translation.go)
}

// keyLine returns the file line of key in the field's block, or the field's own line
// when the author did not write the key.
func (f *Field) keyLine(key string) int {
	if l, ok := f.keyLines[key]; ok {
		return l
	}
	return f.Line
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

// A Rule shows a message while the answer to Item (counted from 1) is above Above.
// Message is empty when the rule shows the site's crisis message.
type Rule struct {
	Item    int
	Above   float64
	Crisis  bool
	Message string
}

// Types lists the field types in the order the manual describes them.
var Types = []string{"text", "textarea", "number", "date", "scale", "choice", "checklist",
	"list", "table", "questionnaire", "circle", "timeline", "tracker", "rhythm"}

// columnTypes are the types a table column may have.
var columnTypes = []string{"text", "textarea", "number", "date", "time", "scale", "choice"}

// typeKeys lists, for every type, the keys it takes besides id, type, label and hint.
var typeKeys = map[string][]string{
	"text":          nil,
	"textarea":      {"rows"},
	"number":        {"min", "max", "step", "unit"},
	"date":          nil,
	"time":          nil,
	"scale":         {"min", "max", "step", "minLabel", "maxLabel"},
	"choice":        {"options", "other"},
	"checklist":     {"options", "other"},
	"list":          {"itemLabel", "rows"},
	"table":         {"columns", "rows", "rowLabel", "fixedRows"},
	"questionnaire": {"question", "items", "options", "bands", "rules"},
	"circle":        {"rings", "people", "rows"},
	"timeline":      {"min", "max", "minLabel", "maxLabel", "rows"},
	"tracker":       {"min", "max", "minLabel", "maxLabel", "better", "rows"},
	"rhythm":        {"activities"},
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// maxPoints bounds the answer points of a scale so it stays usable on a phone.
const maxPoints = 21

// decoder decodes field blocks and collects errors in file lines.
type decoder struct {
	base int // file line of YAML line 0: the opening fence
	errs []*Error
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	line := d.base
	if n != nil {
		line += n.Line
	}
	d.errs = append(d.errs, &Error{Line: line, Msg: fmt.Sprintf(format, args...)})
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseField decodes the YAML text of a field block whose opening fence is on file line fence.
func parseField(src []byte, fence int) (*Field, []*Error) {
	d := &decoder{base: fence}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		msg := err.Error()
		line := fence + 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			// The YAML parser (unlike its scanner) counts lines from 0 in its messages.
			if strings.HasPrefix(m[2], "did not find expected") {
				n++
			}
			// For a tab, it points at the line before; find the tab itself.
			if strings.Contains(m[2], "tab character") {
				for i, l := range strings.Split(string(src), "\n") {
					if i+1 >= n && strings.HasPrefix(strings.TrimLeft(l, " "), "\t") {
						n = i + 1
						break
					}
				}
			}
			line, msg = fence+n, m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		return nil, []*Error{{Line: line, Msg: "invalid YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return nil, []*Error{{Line: fence, Msg: "empty field block (want at least id, type and label)"}}
	}
	f := d.field(doc.Content[0], false)
	if f != nil {
		f.Line = fence
	}
	return f, d.errs
}

// pairs returns the key and value nodes of a mapping, reporting duplicate keys and
// keys not in allowed (when allowed is not nil).
func (d *decoder) pairs(n *yaml.Node, what string) (keys, vals []*yaml.Node, ok bool) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of keys to values", what)
		return nil, nil, false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if seen[k.Value] {
			d.errorf(k, "key %s appears twice", k.Value)
			continue
		}
		seen[k.Value] = true
		keys = append(keys, k)
		vals = append(vals, n.Content[i+1])
	}
	return keys, vals, true
}

// field decodes a field, or a column of a table.
func (d *decoder) field(n *yaml.Node, column bool) *Field {
	types, what := Types, "field block"
	if column {
		types, what = columnTypes, "a column"
	}
	keys, vals, ok := d.pairs(n, what)
	if !ok {
		return nil
	}
	f := &Field{Line: d.base + n.Line, keyLines: map[string]int{}}
	byKey := map[string]*yaml.Node{}
	for i, k := range keys {
		byKey[k.Value] = vals[i]
		f.keyLines[k.Value] = d.base + k.Line
	}

	if v := byKey["type"]; v == nil {
		d.errorf(n, "missing type (want one of %s)", strings.Join(types, ", "))
	} else {
		f.Type = d.str(v, "type")
		if f.Type != "" && !contains(types, f.Type) {
			if column {
				d.errorf(v, "unknown column type %q (want one of %s)", f.Type, strings.Join(types, ", "))
			} else {
				d.errorf(v, "unknown type %q (want one of %s)", f.Type, strings.Join(types, ", "))
			}
			f.Type = ""
		}
	}
	if v := byKey["id"]; v == nil {
		d.errorf(n, "missing id")
	} else {
		f.ID = d.str(v, "id")
		f.Line = d.base + v.Line
		if f.ID != "" && !idPattern.MatchString(f.ID) {
			d.errorf(v, "bad id %q: use lower-case letters, digits and single hyphens, starting with a letter", f.ID)
		}
	}
	if v := byKey["label"]; v != nil {
		f.Label = d.str(v, "label")
	}
	if strings.TrimSpace(f.Label) == "" {
		at := byKey["label"]
		if at == nil {
			at = n
		}
		d.errorf(at, "missing label")
	}
	if v := byKey["hint"]; v != nil {
		f.Hint = d.str(v, "hint")
	}

	for i, k := range keys {
		v := vals[i]
		switch k.Value {
		case "id", "type", "label", "hint":
			continue
		}
		if f.Type == "" {
			if !knownKey(k.Value) {
				d.errorf(k, "unknown key %q", k.Value)
			}
			continue // without a valid type the key cannot be checked further
		}
		if !contains(typeKeys[f.Type], k.Value) {
			if knownKey(k.Value) {
				d.errorf(k, "key %s does not apply to type %s", k.Value, f.Type)
			} else {
				d.errorf(k, "unknown key %q", k.Value)
			}
			continue
		}
		d.option(f, k, v)
	}
	if f.Type != "" {
		d.check(f, n, byKey)
	}
	return f
}

// option decodes the value of one type-specific key.
func (d *decoder) option(f *Field, k, v *yaml.Node) {
	switch k.Value {
	case "rows":
		f.Rows = d.count(v, "rows", 1, 50)
	case "min":
		f.Min, f.HasMin = d.num(v, "min")
	case "max":
		f.Max, f.HasMax = d.num(v, "max")
	case "step":
		f.Step, _ = d.num(v, "step")
		if f.Step <= 0 {
			d.errorf(v, "step must be more than 0")
		}
	case "unit":
		f.Unit = d.str(v, "unit")
	case "minLabel":
		f.MinLabel = d.str(v, "minLabel")
	case "maxLabel":
		f.MaxLabel = d.str(v, "maxLabel")
	case "options":
		if f.Type == "questionnaire" {
			f.Answers = d.answers(v)
		} else {
			f.Options = d.strs(v, "options")
		}
	case "other":
		// other: true asks for the interface's own "Other" label
		if v.Tag == "!!bool" {
			f.HasOther = v.Value == "true"
		} else {
			f.Other = d.str(v, "other")
			f.HasOther = f.Other != ""
		}
	case "itemLabel":
		f.ItemLabel = d.str(v, "itemLabel")
	case "rowLabel":
		f.RowLabel = d.str(v, "rowLabel")
	case "fixedRows":
		f.FixedRows = d.strs(v, "fixedRows")
	case "columns":
		f.Columns = d.columns(v)
	case "question":
		f.Question = d.str(v, "question")
	case "items":
		f.Items = d.strs(v, "items")
	case "bands":
		f.Bands = d.bands(v)
	case "rules":
		f.Rules = d.rules(v)
	case "rings":
		f.Rings = d.strs(v, "rings")
		if f.Rings != nil && (len(f.Rings) < 3 || len(f.Rings) > 4) {
			d.errorf(v, "rings needs 3 or 4 labels, inside out (has %d)", len(f.Rings))
		}
	case "people":
		f.People = d.str(v, "people")
	case "better":
		f.Better = d.str(v, "better")
		if f.Better != "high" && f.Better != "low" {
			d.errorf(v, "better must be high or low, not %q", f.Better)
		}
	case "activities":
		f.Activities = d.strs(v, "activities")
	}
}

// check applies defaults and validates the options of a field whose type is known.
func (d *decoder) check(f *Field, n *yaml.Node, byKey map[string]*yaml.Node) {
	at := func(key string) *yaml.Node {
		if v := byKey[key]; v != nil {
			return v
		}
		return n
	}
	rows := func(def int) {
		if f.Rows == 0 {
			f.Rows = def
		}
	}
	rating := func(min, max float64) {
		if !f.HasMin {
			f.Min = min
		}
		if !f.HasMax {
			f.Max = max
		}
		if f.Step == 0 {
			f.Step = 1
		}
		if f.Min >= f.Max {
			d.errorf(at("min"), "min (%s) must be less than max (%s)", fnum(f.Min), fnum(f.Max))
		} else if pts := math.Floor((f.Max-f.Min)/f.Step+1e-9) + 1; pts > maxPoints {
			d.errorf(at("max"), "%s from %s to %s has %s points; at most %d fit on a phone", f.Type, fnum(f.Min), fnum(f.Max), fnum(pts), maxPoints)
		}
		if f.MinLabel == "" || f.MaxLabel == "" {
			d.errorf(n, "%s needs minLabel and maxLabel (what the ends mean)", f.Type)
		}
	}
	options := func() {
		if len(f.Options) < 2 {
			d.errorf(at("options"), "%s needs at least 2 options", f.Type)
		}
		dupes(d, at("options"), "option", f.Options)
	}

	switch f.Type {
	case "textarea":
		rows(4)
	case "number":
		if f.HasMin && f.HasMax && f.Min >= f.Max {
			d.errorf(at("min"), "min (%s) must be less than max (%s)", fnum(f.Min), fnum(f.Max))
		}
	case "scale":
		rating(0, 10)
	case "choice", "checklist":
		options()
	case "list":
		rows(3)
	case "table":
		if len(f.Columns) == 0 {
			d.errorf(at("columns"), "table needs columns")
		}
		if f.FixedRows != nil {
			if byKey["rows"] != nil || byKey["rowLabel"] != nil {
				d.errorf(at("fixedRows"), "fixedRows cannot be used with rows or rowLabel")
			}
			if len(f.FixedRows) == 0 {
				d.errorf(at("fixedRows"), "fixedRows needs at least 1 row name")
			}
			dupes(d, at("fixedRows"), "row", f.FixedRows)
		}
		rows(3)
	case "questionnaire":
		if len(f.Items) == 0 {
			d.errorf(at("items"), "questionnaire needs items")
		}
		if len(f.Answers) < 2 {
			d.errorf(at("options"), "questionnaire needs at least 2 options, each {label, value}")
		}
		for i, r := range f.Rules {
			if r.Item < 1 || r.Item > len(f.Items) {
				d.errorf(byKey["rules"].Content[i], "rule points at item %d, but the questionnaire has %d items", r.Item, len(f.Items))
			}
		}
	case "circle":
		rows(3) // rings default to the interface's labels when the author gives none
	case "timeline":
		rating(0, 10)
		rows(3)
	case "tracker":
		rating(0, 10)
		if f.Better == "" {
			f.Better = "high"
		}
		rows(3)
	case "rhythm":
		if len(f.Activities) == 0 {
			d.errorf(at("activities"), "rhythm needs activities")
		}
		dupes(d, at("activities"), "activity", f.Activities)
	}
}

func (d *decoder) columns(v *yaml.Node) []*Field {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "columns must be a list of {id, label, type}")
		return nil
	}
	var cols []*Field
	seen := map[string]bool{}
	for _, c := range v.Content {
		col := d.field(c, true)
		if col == nil {
			continue
		}
		if col.ID != "" && seen[col.ID] {
			d.errorf(c, "column id %s appears twice", col.ID)
		}
		seen[col.ID] = true
		cols = append(cols, col)
	}
	return cols
}

func (d *decoder) answers(v *yaml.Node) []Answer {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "questionnaire options must be a list of {label, value}")
		return nil
	}
	var as []Answer
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
		as = append(as, a)
	}
	return as
}

func (d *decoder) bands(v *yaml.Node) []Band {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "bands must be a list of {min, max, label}")
		return nil
	}
	var bs []Band
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
		for _, p := range bs {
			if b.Min <= p.Max && p.Min <= b.Max {
				d.errorf(o, "band %q overlaps band %q", b.Label, p.Label)
			}
		}
		bs = append(bs, b)
	}
	return bs
}

func (d *decoder) rules(v *yaml.Node) []Rule {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "rules must be a list of {item, above, show: crisis} or {item, above, message}")
		return nil
	}
	var rs []Rule
	for _, o := range v.Content {
		keys, vals, ok := d.pairs(o, "a rule")
		if !ok {
			rs = append(rs, Rule{Item: 1})
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
			case "show":
				if s := d.str(vals[i], "show"); s != "crisis" {
					d.errorf(vals[i], "show must be crisis, not %q (for your own text use message)", s)
				}
				r.Crisis = true
			case "message":
				r.Message = d.str(vals[i], "message")
			default:
				d.errorf(k, "unknown key %q in a rule (want item, above, show, message)", k.Value)
			}
		}
		switch {
		case !has["item"] || !has["above"]:
			d.errorf(o, "rule needs item and above")
		case r.Crisis == (r.Message != ""):
			d.errorf(o, "rule needs either show: crisis or a message")
		}
		if !has["item"] {
			r.Item = 1
		}
		rs = append(rs, r)
	}
	return rs
}

func (d *decoder) str(v *yaml.Node, key string) string {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		d.errorf(v, "%s must be text", key)
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (d *decoder) num(v *yaml.Node, key string) (float64, bool) {
	if v.Kind == yaml.ScalarNode {
		if x, err := strconv.ParseFloat(v.Value, 64); err == nil && !math.IsInf(x, 0) && !math.IsNaN(x) {
			return x, true
		}
	}
	d.errorf(v, "%s must be a number", key)
	return 0, false
}

func (d *decoder) count(v *yaml.Node, key string, min, max int) int {
	if v.Kind == yaml.ScalarNode {
		if x, err := strconv.Atoi(v.Value); err == nil {
			if x < min || x > max {
				d.errorf(v, "%s must be from %d to %d", key, min, max)
				return min
			}
			return x
		}
	}
	d.errorf(v, "%s must be a whole number", key)
	return min
}

func (d *decoder) strs(v *yaml.Node, key string) []string {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list", key)
		return nil
	}
	ss := []string{}
	for _, e := range v.Content {
		s := d.str(e, "each of "+key)
		if s == "" && e.Kind == yaml.ScalarNode && e.Tag != "!!null" {
			d.errorf(e, "empty entry in %s", key)
		}
		ss = append(ss, s)
	}
	return ss
}

func dupes(d *decoder, at *yaml.Node, what string, ss []string) {
	seen := map[string]bool{}
	for i, s := range ss {
		if s != "" && seen[s] {
			n := at
			if at.Kind == yaml.SequenceNode && i < len(at.Content) {
				n = at.Content[i]
			}
			d.errorf(n, "%s %q appears twice", what, s)
		}
		seen[s] = true
	}
}

func knownKey(k string) bool {
	for _, ks := range typeKeys {
		if contains(ks, k) {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// fnum formats a number the way an author wrote it: 3, 2.5.
func fnum(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
