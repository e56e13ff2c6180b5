// Package worksheet turns the questions of a worksheet page into form controls.
//
// docs/worksheets.md is the full authoring guide, with an example of every type;
// this is its summary, for the reader of the code.
//
// # Pages and fields
//
// A worksheet is a content page with worksheet: true in its front matter. Its id,
// the key its answers are saved under, is its slug. Each question is a fenced
// block whose info string is exactly "field", holding YAML:
//
//	```field
//	id: what-i-want
//	type: textarea
//	label: What do I want from this relationship?
//	hint: A few words is enough.
//	```
//
// Every field has id (required: lower-case letters, digits and single hyphens,
// starting with a letter; unique in the worksheet and different from every
// heading id; never renamed once published), type (required), label (required)
// and hint. The other keys depend on the type; a key the type does not take is
// an error:
//
//	text           –
//	textarea       rows (lines shown, default 4)
//	number         min, max, step (default any), unit
//	date           –
//	phone          – (a tel input; the script adds a Call link once it holds a number)
//	scale          min (0), max (10), step (1), minLabel, maxLabel (both required); at most 21 points
//	choice         options (2 or more), other (true, or the label of an "other" text box)
//	checklist      options, other
//	list           itemLabel, rows (entries shown at first, default 3)
//	table          columns (each {id, label, type, hint, and the type's keys}; types text,
//	               textarea, number, date, time, phone, scale, choice), rows (3), rowLabel;
//	               or fixedRows (row names) instead of rows and rowLabel
//	questionnaire  question (the stem), items, options ({label, value}, 2 or more),
//	               bands ({min, max, label}, not overlapping),
//	               rules ({item, above} from item 1, or {total: [min, max]}, each with
//	               show: crisis or message; shown under the item or the total)
//	circle         rings (3 or 4 labels, inside out; default worksheet.ring-1 to -3),
//	               people (id of a list or table field of this worksheet naming the people), rows
//	timeline       min, max, minLabel, maxLabel (the mood of each event), rows
//	tracker        min, max, minLabel, maxLabel, better (high or low), rows
//	rhythm         activities (a time for each on each of 7 days)
//
// # Building
//
// The build adds the extension from [New] to its goldmark converter, calls
// [Begin] on each page's parser context with the worksheet id ("" for a page
// that is not a worksheet), parses, then reads [Result]: the fields in document
// order and every [Error], each with the file line, for it to prefix with the
// path. The source given to goldmark must be the whole file with the front
// matter blanked to newlines, so that lines count from the top of the file.
//
// A translated worksheet (the same page under content/<language>/) shares its
// saved answers with the original. Before parsing it, the build also calls
// [Translation] with the original's fields: the translation's choice options,
// choice-column options, circle rings, rhythm activities and fixed table rows
// then store the original's words at the same place, and show their own. Parts
// that cannot be matched one for one (a different count, type, column id,
// number range or questionnaire value) are errors at the translation's line.
//
// # HTML
//
// [Render] writes each field as plain controls: a wrapper whose id is the field
// id (the anchor a therapist links to), labels tied with for, fieldset and legend
// for groups, hints tied with aria-describedby, control ids prefixed
// "f-<field id>_", and data-field / data-type / data-k attributes that
// static/js/worksheet/ (field-<type>.js) reads. The page is a complete blank form without
// script: lists and tables have their first rows, and the visual types (circle,
// timeline, tracker, rhythm) are a table of rows plus an empty svg the script
// draws into. There is no form element (a form without script would put the
// answers in a URL), no inline style and no inline script.
//
// Interface strings come from [Options].T, with [Defaults] as the English
// fallback; i18n/en.yaml holds the same keys. A questionnaire's crisis message
// holds the site's crisis lines and a link to its help page, which the build gives
// each page with [WithCrisis].
//
// # Field types
//
// Each type is a [Type] in a file of its own, type_<name>.go (a few alike share
// one: type_single.go, type_choice.go), listed in registry.go. It holds the type's
// keys as a struct whose yaml tags name them, decoded from the block's YAML nodes
// so that every error keeps its line (decode.go); a Check of the keys together;
// its HTML; what a translation of it must keep; and, for a type that may be a
// table column, its cell. field.go decodes what every field has and hands the rest
// to the type; render.go and translation.go hold what all types share. A new type
// is one such file, a line in registry.go, its script in
// static/js/worksheet/field-<name>.js, its entry in docs/worksheets.md and its
// tests; [Register] adds one from a test (registry_test.go).
package worksheet
