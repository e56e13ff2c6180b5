package deploy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// HeadersFile returns the _headers file of a build for Netlify and Cloudflare Pages;
// files are the names of every file in the output folder.
//
// Both hosts send the headers of every rule whose path matches a request, and join two
// values of one header with a comma, which would turn Cache-Control into nonsense. So
// the headers every file gets are one rule for the whole site, and Cache-Control comes
// from rules that never overlap: a folder whose files all get the same value is one
// rule (/ipt/css/*); elsewhere each file has its own, and a folder's index.html its
// folder's address too (/ipt/about/), since that is how pages are asked for.
func (p Policy) HeadersFile(files []string) []byte {
	var b bytes.Buffer
	b.WriteString("# The HTTP headers of this site for Netlify and Cloudflare Pages, which read this file\n" +
		"# and do not publish it. Written by iptsite build from its table of headers; for\n" +
		"# other hosts, see docs/deploy.md.\n")
	base := p.base()
	writeRule(&b, base+"*", p.only(AllFiles))
	cache := map[Files]string{}
	for _, h := range p.Table() {
		if h.Name == "Cache-Control" {
			cache[h.Files] = h.Value
		}
	}
	files = slices.Sorted(slices.Values(files))
	for _, r := range cover("", files) {
		writeRule(&b, base+r.path, []Header{{Name: "Cache-Control", Value: cache[r.class], Files: r.class}})
	}
	return b.Bytes()
}

func writeRule(b *bytes.Buffer, pattern string, hs []Header) {
	fmt.Fprintf(b, "\n%s\n", pattern)
	for _, h := range hs {
		fmt.Fprintf(b, "  %s: %s\n", h.Name, h.Value)
	}
}

// classOf tells whether a file is fingerprinted.
func classOf(name string) Files {
	if Fingerprint.MatchString(name) {
		return Fingerprinted
	}
	return OtherFiles
}

// A cacheRule gives the files that match path (relative to the site's folder; a final
// "*" matches any rest) their class's Cache-Control.
type cacheRule struct {
	path  string
	class Files
}

// cover returns rules that give each of files (sorted names under the folder dir, "" or
// ending in "/") one rule of its class, and no file two.
func cover(dir string, files []string) []cacheRule {
	if len(files) == 0 {
		return nil
	}
	if dir != "" && !slices.ContainsFunc(files, func(f string) bool { return classOf(f) != classOf(files[0]) }) {
		return []cacheRule{{dir + "*", classOf(files[0])}}
	}
	var out []cacheRule
	for i := 0; i < len(files); {
		rest := strings.TrimPrefix(files[i], dir)
		sub, _, inSub := strings.Cut(rest, "/")
		if !inSub {
			if rest == "index.html" {
				out = append(out, cacheRule{dir, classOf(files[i])})
			}
			out = append(out, cacheRule{files[i], classOf(files[i])})
			i++
			continue
		}
		j := i
		for j < len(files) && strings.HasPrefix(files[j], dir+sub+"/") {
			j++
		}
		out = append(out, cover(dir+sub+"/", files[i:j])...)
		i = j
	}
	return out
}

// A Rule is one block of a _headers file: a path pattern and its headers.
type Rule struct {
	Path    string
	Headers []Header // Files is left at AllFiles: the file does not say
}

// Matches reports whether the rule applies to the URL path u, as Netlify and
// Cloudflare Pages match: exactly, or by the part before a final "*".
func (r Rule) Matches(u string) bool {
	if prefix, ok := strings.CutSuffix(r.Path, "*"); ok {
		return strings.HasPrefix(u, prefix)
	}
	return u == r.Path
}

// ParseHeadersFile reads the rules of a _headers file.
func ParseHeadersFile(data []byte) ([]Rule, error) {
	var rules []Rule
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		t := strings.TrimSpace(line)
		switch {
		case t == "" || strings.HasPrefix(t, "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, Rule{Path: t})
		case len(rules) == 0:
			return nil, fmt.Errorf("_headers:%d: a header before any path", n)
		default:
			name, value, ok := strings.Cut(t, ":")
			if !ok {
				return nil, fmt.Errorf("_headers:%d: %q is not name: value", n, t)
			}
			r := &rules[len(rules)-1]
			r.Headers = append(r.Headers, Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
		}
	}
	return rules, sc.Err()
}

// ReadPolicy recovers the policy of a build from the _headers file it wrote: the site's
// folder from the rule for every file, and the pages' policy from its
// Content-Security-Policy.
func ReadPolicy(data []byte) (Policy, error) {
	rules, err := ParseHeadersFile(data)
	if err != nil {
		return Policy{}, err
	}
	for _, r := range rules {
		for _, h := range r.Headers {
			if h.Name != "Content-Security-Policy" || !strings.HasSuffix(r.Path, "/*") {
				continue
			}
			csp, ok := strings.CutSuffix(h.Value, "; "+FrameAncestors)
			if !ok {
				return Policy{}, fmt.Errorf("_headers: the Content-Security-Policy of %s does not end in %s", r.Path, FrameAncestors)
			}
			return Policy{Base: Policy{Base: strings.TrimSuffix(r.Path, "*")}.base(), CSP: csp}, nil
		}
	}
	return Policy{}, errors.New("_headers: no rule gives every file a Content-Security-Policy")
}
