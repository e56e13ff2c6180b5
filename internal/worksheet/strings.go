package worksheet

// Defaults holds the English interface strings of worksheets, the fallback for Options.T.
// i18n/en.yaml carries the same keys; a test keeps the two in step.
var Defaults = map[string]string{
	// field controls, rendered at build time
	"worksheet.add":        "Add another",
	"worksheet.remove":     "Remove",
	"worksheet.move-up":    "Move up",
	"worksheet.move-down":  "Move down",
	"worksheet.entry":      "Entry",
	"worksheet.row":        "Row",
	"worksheet.other":      "Other",
	"worksheet.other-text": "in your words",
	"worksheet.choose":     "Choose",
	"worksheet.total":      "Total score",
	"worksheet.unanswered": "{n} not answered yet",
	"worksheet.bands":      "What the total means",
	"worksheet.crisis": "Thank you for answering. Thoughts like these are hard to carry alone. " +
		"Please talk to someone now. You can call or text a crisis line. " +
		"If you might act on these thoughts, call your local emergency number or go to the nearest emergency room. " +
		"Tell your therapist too.",
	"worksheet.me":       "Me",
	"worksheet.person":   "Person",
	"worksheet.name":     "Name",
	"worksheet.ring":     "How close",
	"worksheet.ring-1":   "Closest",
	"worksheet.ring-2":   "Close",
	"worksheet.ring-3":   "Less close",
	"worksheet.unplaced": "Not on the circle yet:",
	"worksheet.event":    "Event",
	"worksheet.when":     "When",
	"worksheet.what":     "What happened",
	"worksheet.mood":     "Mood",
	"worksheet.entry-n":  "Entry",
	"worksheet.date":     "Date",
	"worksheet.rating":   "Rating",
	"worksheet.note":     "Note",
	"worksheet.activity": "Activity",
	"worksheet.day-1":    "Mon",
	"worksheet.day-2":    "Tue",
	"worksheet.day-3":    "Wed",
	"worksheet.day-4":    "Thu",
	"worksheet.day-5":    "Fri",
	"worksheet.day-6":    "Sat",
	"worksheet.day-7":    "Sun",
	"worksheet.chart":    "Chart of the answers above",
	// a phone field's link, and its name for screen readers
	"worksheet.call":        "Call",
	"worksheet.call-number": "Call {number}",

	// worksheet tools (templates/partials/worksheet-tools.html) and worksheet.js
	"worksheet.notice": "Your answers stay on this device and are never sent. On a shared computer, " +
		"clear them when you are done. Some browsers delete them after a week without a visit: " +
		"download a copy, or add this site to your Home Screen.",
	"worksheet.notice-title":   "About your answers",
	"worksheet.status-none":    "Nothing saved yet",
	"worksheet.saved":          "Saved on this device, {time}",
	"worksheet.not-saved":      "Your answers are not being saved on this device (storage is full or turned off). Download them before you leave this page.",
	"worksheet.tools":          "More",
	"worksheet.print":          "Print or save as PDF",
	"worksheet.print-blank":    "Print blank",
	"worksheet.printed":        "Printed",
	"worksheet.download":       "Download my answers",
	"worksheet.download-all":   "Download all worksheets",
	"worksheet.import":         "Import answers",
	"worksheet.import-hint":    "Load the answers from a file you downloaded before. Nothing here is replaced without asking you.",
	"worksheet.copy":           "Copy as text",
	"worksheet.copied":         "Copied. You can paste it into a message.",
	"worksheet.copy-manual":    "Select the text below and copy it.",
	"worksheet.clear":          "Clear answers",
	"worksheet.clear-confirm":  "Clear all your answers on this worksheet? This cannot be undone.",
	"worksheet.clear-download": "Download a copy first",
	"worksheet.cleared":        "Answers cleared",
	"worksheet.my-answers":     "My answers on this device",
	"worksheet.earlier":        "Earlier answers",
	"worksheet.earlier-hint":   "Answers to questions that have since changed or been removed. They are kept and included in downloads.",
	"worksheet.newer":          "These answers were saved by a newer version of this site. Reload the page to edit them.",
	"worksheet.yes":            "Yes",
	"worksheet.cancel":         "Cancel",
	"worksheet.close":          "Close",

	// importing, on worksheets and on the My answers page
	"answers.import-title":   "Import answers",
	"answers.import-apply":   "Import",
	"answers.import-new":     "{n} answers to add",
	"answers.import-same":    "{n} already the same",
	"answers.import-differ":  "Different from yours: tick the ones to replace",
	"answers.import-newer":   "yours are newer",
	"answers.import-yours":   "yours now: {v}",
	"answers.import-done":    "Imported {n} answers",
	"answers.import-nothing": "Nothing to import: every answer is already here.",
	"answers.bad-file":       "This file could not be imported, nothing was changed: {why}",
	"answers.bad-json":       "it is not an answers file from this site",
	"answers.bad-site":       "it holds answers from another website",
	"answers.bad-record":     "part of it is damaged",
	"answers.bad-version":    "it was made by a newer version of this site",

	// the My answers page (templates/partials/my-answers.html)
	"answers.needs-script":  "This page lists the answers saved in your browser. It needs JavaScript, which is turned off.",
	"answers.intro":         "Worksheets with answers saved in this browser on this device.",
	"answers.none":          "No answers are saved on this device.",
	"answers.changed":       "Last changed",
	"answers.open":          "Open",
	"answers.answered":      "{n} questions answered",
	"answers.answered-one":  "1 question answered",
	"answers.download":      "Download",
	"answers.erase-all":     "Erase all answers",
	"answers.erase-confirm": "Erase every saved answer on this device? Download a copy first if you want to keep them.",
	"answers.erased":        "All answers erased",
}

// translator returns a T that falls back to Defaults.
func translator(t func(string) string) func(string) string {
	return func(key string) string {
		if t != nil {
			if s := t(key); s != "" && s != key {
				return s
			}
		}
		if s, ok := Defaults[key]; ok {
			return s
		}
		return key
	}
}
