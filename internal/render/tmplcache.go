package render

import (
	"maps"
	"slices"
	"strconv"
	"text/template/parse"

	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/source"
	"github.com/iptsite/iptsite/internal/treecodec"
)

// Parsing templates/, minifying it and having html/template escape it is the longest
// step before a build's first page, and it makes the same trees from the same files. A
// build with a cache keeps them there: each template that a layout or a shared partial
// runs, as html/template left it, escapers in, encoded node by node (package treecodec),
// and the next build reads the trees back instead, in less than half the time parsing
// their text would take.
//
// Only what html/template escaped is kept: the templates reached from the layouts and
// the shared partials through their calls as escaping left them. A template that did
// not escape has no tree, and one called in another context has a name Lookup does not
// find, so neither is kept; a page that runs such a template finds it missing, and
// html/template runs the page from the files, which reports the error as without the
// cache. The entry is found by every file of templates/, whether the build minifies and
// the version of the program (cache.Key), so an edited template or a new iptsite finds
// nothing and parses again. TestCacheSameOutput and TestTemplatesFromCache hold a build
// from the cache to one without.

// cachedTemplates returns templates/ parsed and escaped: from the cache when an earlier
// build kept it, else by parseAll, and then kept.
func (b *builder) cachedTemplates() *tmplSet {
	c := b.opts.Cache
	if c == nil {
		return b.parseAll()
	}
	key, ok := b.templatesKey(c)
	if !ok {
		return b.parseAll()
	}
	if data, ok := c.Get(key); ok {
		if s := decodeTemplates(data); s != nil {
			s.by = b
			return s
		}
	}
	s := b.parseAll()
	if s != nil {
		if data, err := s.encode(); err == nil {
			c.Put(key, data)
		}
	}
	return s
}

// templatesKey is the cache key of templates/: the name and text of each file that
// parseTemplates reads, and whether they are minified. It reports false when a file
// cannot be read: parseAll then reports it.
func (b *builder) templatesKey(c *cache.Cache) (string, bool) {
	parts, layouts := b.templateFiles()
	key := [][]byte{[]byte(strconv.FormatBool(b.min.on))}
	for _, name := range append(append([]string{baseName}, parts...), layouts...) {
		data, err := source.ReadShared(b.src, name) // only hashed
		if err != nil {
			return "", false
		}
		key = append(key, []byte(name), data)
	}
	return c.Key("templates", key...), true
}

// encode returns the entry that decodeTemplates reads back: whether s is minified, its
// layouts, its shared partials, and the tree of each escaped template they run.
func (s *tmplSet) encode() ([]byte, error) {
	var layouts, shared, trees [][]byte
	for _, l := range slices.Sorted(maps.Keys(s.layouts)) {
		layouts = append(layouts, []byte(l), []byte(s.layouts[l]))
	}
	for _, name := range s.shared {
		shared = append(shared, []byte(name))
	}
	for _, name := range s.escapedNames() {
		tree, err := treecodec.Append(nil, s.tree(name).Root)
		if err != nil {
			return nil, err
		}
		trees = append(trees, []byte(name), tree)
	}
	return cache.Pack([]byte(strconv.FormatBool(s.minified)), cache.Pack(layouts...),
		cache.Pack(shared...), cache.Pack(trees...)), nil
}

// escapedNames returns, sorted, the templates reached from the layouts and the shared
// partials of s through the calls in their trees, that have a tree: all escaped (see
// above).
func (s *tmplSet) escapedNames() []string {
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		t := s.tree(name)
		if seen[name] || t == nil || t.Root == nil {
			return
		}
		seen[name] = true
		walkList(t.Root, func(l *parse.ListNode, i int) {
			if c, ok := l.Nodes[i].(*parse.TemplateNode); ok {
				visit(c.Name)
			}
		})
	}
	for _, name := range s.layouts {
		visit(name)
	}
	for _, name := range s.shared {
		visit(name)
	}
	return slices.Sorted(maps.Keys(seen))
}

// decodeTemplates reads what encode wrote, or returns nil when it cannot.
func decodeTemplates(data []byte) *tmplSet {
	pieces, ok := cache.Unpack(data)
	if !ok || len(pieces) != 4 {
		return nil
	}
	minified, err := strconv.ParseBool(string(pieces[0]))
	layouts, ok1 := cache.Unpack(pieces[1])
	shared, ok2 := cache.Unpack(pieces[2])
	trees, ok3 := cache.Unpack(pieces[3])
	if err != nil || !ok1 || !ok2 || !ok3 || len(layouts)%2 != 0 || len(trees)%2 != 0 {
		return nil
	}
	s := &tmplSet{layouts: map[string]string{}, trees: map[string]*parse.Tree{}, minified: minified, escaped: true}
	for i := 0; i < len(layouts); i += 2 {
		s.layouts[string(layouts[i])] = string(layouts[i+1])
	}
	for _, name := range shared {
		s.shared = append(s.shared, string(name))
	}
	for i := 0; i < len(trees); i += 2 {
		name := string(trees[i])
		root, err := treecodec.Decode(trees[i+1])
		if err != nil {
			return nil
		}
		t := parse.New(name)
		t.Mode = parse.SkipFuncCheck // the escapers and the site's functions are only names here
		t.Root = root
		s.trees[name] = t
	}
	return s
}
