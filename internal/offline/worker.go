package offline

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
)

//go:embed sw.js
var swCode string

// killSwitch is sw.js under iptsite serve.
//
//go:embed killswitch.js
var killSwitch []byte

// notCached are output files the service worker does not keep: they are for robots.
var notCached = map[string]bool{WorkerFile: true, "robots.txt": true, "sitemap.xml": true}

// A Language is what sw.js needs of one language of the site.
type Language struct {
	Folder  string // the output folder of its pages: "" for the main language, else "es/"
	Offline Page
}

// A Page is what sw.js shows, in one language, for a page that is not on the device
// while there is no network.
type Page struct {
	Lang  string `json:"lang"`
	Title string `json:"title"` // i18n offline.title
	Body  string `json:"body"`  // i18n offline.body
	Home  string `json:"home"`  // i18n offline.home, the link to the home page
	CSS   string `json:"css"`   // the output path of the site's stylesheet
}

// Worker returns the script with the list of files, sw-files.VERSION.js, and sw.js,
// which imports it. files maps each file written (name in the output folder) to its
// Hash; langs are the site's languages, the main one first.
//
// The list is a file of its own, named after its hash, so that sw.js stays small:
// browsers fetch it each time a page of the site is opened, to look for a new version,
// and a list of thousands of pages weighs tens of kilobytes. It is not minified, which
// would unquote some keys.
func Worker(files map[string]string, langs []Language) (list, worker File, err error) {
	cached := map[string]string{}
	for name, h := range files {
		if !notCached[name] {
			cached[name] = h
		}
	}
	names, err := json.Marshal(cached) // keys sorted, so the same build gives the same worker
	if err != nil {
		return File{}, File{}, err
	}
	version := Hash(names)
	list = File{Name: "sw-files." + version + ".js", Data: []byte("self.FILES = " + string(names) + ";\n")}

	// Longest folder first: the main language's "" matches every page.
	langs = append([]Language(nil), langs...)
	sort.SliceStable(langs, func(i, j int) bool { return len(langs[i].Folder) > len(langs[j].Folder) })
	offline := make([][2]any, len(langs))
	for i, l := range langs {
		offline[i] = [2]any{l.Folder, l.Offline}
	}
	strs, err := json.Marshal(offline)
	if err != nil {
		return File{}, File{}, err
	}

	head := fmt.Sprintf("\"use strict\";\nimportScripts(%q);\nconst VERSION = %q;\nconst OFFLINE = %s\n",
		list.Name, version, strs)
	return list, File{Name: WorkerFile, Data: []byte(head), Type: "application/javascript", Code: []byte(swCode)}, nil
}

// KillSwitch returns sw.js for iptsite serve: a worker that replaces one from an earlier
// build at the same address, deletes that build's caches and goes away.
func KillSwitch() File {
	return File{Name: WorkerFile, Data: append([]byte(nil), killSwitch...)}
}
