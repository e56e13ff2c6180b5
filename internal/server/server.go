// Package server is iptsite serve: it builds the site into memory, serves it, watches the
// site folder, and on every change rebuilds and tells open pages to reload.
//
// Pages get one extra script, /_iptsite/reload.js (reload.js in this folder), which
// listens to /_iptsite/events (server-sent events). A good rebuild sends "reload". A
// failed one keeps serving the last good site and sends "problems" with the list, which
// the script shows over the page.
//
// The server answers only requests for its own address: an IP address (127.0.0.1, [::1],
// or the computer's own on the local network, for a phone), localhost, or the name given
// to --bind, each with the port it listens on. Any other Host gets 403 Forbidden, so a
// page of another website that points its own name at 127.0.0.1 (DNS rebinding) cannot
// read the preview or its problems.
//
// Preview (preview.go) is iptsite preview: it serves a folder that iptsite build wrote,
// with the headers a web host will send (package deploy), on the same rules.
package server

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
)

// Options configure a Server.
type Options struct {
	Dir    string // the site folder, watched for changes
	Source fs.FS  // what to build from (the folder laid over the defaults)
	Addr   string // host:port to listen on
	Drafts bool
	Log    io.Writer        // progress lines
	Errors func(err error)  // build problems, as path:line: message
	Ready  func(url string) // called once the server listens (tests)
	Delay  time.Duration    // how long to wait for more changes before rebuilding (default 100ms)
	// AfterBuild, when set, is called after each good build with what it made, facts
	// included (iptsite check's findings). The new build is already being served. The
	// first build is made without its facts, which cost it 1-2 ms: they are found beside
	// the server once it serves (render.Session.Facts), and AfterBuild is called then,
	// unless another build has started since, which has its own call.
	AfterBuild func(*render.Result, *output.Memory)
	// Cache keeps what builds make alike (see package cache); nil makes everything.
	Cache *cache.Cache
	// Loaded, when set, is called by each whole build with the number of pages, before
	// any is rendered (see render.Options).
	Loaded func(pages int)
}

// Server serves the latest good build and tells pages when to reload.
type Server struct {
	opts Options

	building sync.Mutex      // one build at a time
	session  *render.Session // what the next update starts from
	builds   int             // the builds started, good or not; held by building

	port string // the port it listens on; "" when Run does not serve it (tests): any

	mu       sync.Mutex
	site     *output.Memory // the last good build, nil before the first
	problems string         // the last build's problems, "" when it was good
	version  int
	clients  map[chan event]struct{}
}

type event struct{ name, data string }

// New returns a Server; call Rebuild before serving.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Errors == nil {
		opts.Errors = func(error) {}
	}
	if opts.Delay == 0 {
		opts.Delay = 25 * time.Millisecond
	}
	return &Server{opts: opts, clients: map[chan event]struct{}{}}
}

// Rebuild builds the whole site. On success it serves the new build and sends "reload";
// on failure it keeps the last good build and sends the problems.
func (s *Server) Rebuild() error { return s.update(nil) }

// update brings the site up to date after changes to the named files (slash-separated
// paths in the site folder); nil builds everything. A change to the text of pages
// re-renders only those pages (see render.Session).
func (s *Server) update(changed []string) error {
	s.building.Lock()
	defer s.building.Unlock()
	s.builds++
	s.mu.Lock()
	prev := s.site
	s.mu.Unlock()
	var (
		mem  *output.Memory
		res  *render.Result
		err  error
		full = true
	)
	if s.session == nil || changed == nil || prev == nil {
		mem = output.NewMemory()
		facts := s.opts.AfterBuild != nil && s.session != nil // the first build: see AfterBuild
		s.session, res, err = render.Start(render.Options{Source: s.opts.Source, Drafts: s.opts.Drafts, LiveReload: true, Facts: facts, Cache: s.opts.Cache, Loaded: s.opts.Loaded}, mem)
	} else {
		mem, res, full, err = s.session.Update(changed, prev)
	}
	// The line is written before the pages are told to reload, so the terminal is never
	// behind what the browser shows, and outside the lock, so a slow terminal holds up no
	// request.
	if err == nil && full {
		fmt.Fprintln(s.opts.Log, res.Summary())
	} else if err == nil {
		fmt.Fprintf(s.opts.Log, "updated %s in %v\n", strings.Join(changed, ", "), res.Duration.Round(time.Millisecond/10))
	}
	s.mu.Lock()
	if err != nil {
		s.problems = err.Error()
		s.broadcast(event{"problems", s.problems})
		s.mu.Unlock()
		s.opts.Errors(err)
		fmt.Fprintf(s.opts.Log, "rebuild failed; still serving the last good site\n")
		return err
	}
	s.site = mem
	s.problems = ""
	s.version++
	s.broadcast(event{"reload", fmt.Sprint(s.version)})
	s.mu.Unlock()
	switch {
	case s.opts.AfterBuild == nil:
	case res.Pages > 0 && len(res.Facts) == 0: // built without them
		go s.afterBuild(s.builds, res, mem)
	default:
		s.opts.AfterBuild(res, mem)
	}
	return nil
}

// afterBuild finds the facts of build n, the one served, and calls AfterBuild with
// them, unless a newer build has started: the session no longer holds build n's pages.
func (s *Server) afterBuild(n int, res *render.Result, mem *output.Memory) {
	s.building.Lock()
	defer s.building.Unlock()
	if s.builds != n {
		return
	}
	facts := s.session.Facts()
	if facts == nil {
		return // only after a failed update, which would have started a build
	}
	res.Facts = facts
	s.opts.AfterBuild(res, mem)
}

// broadcast sends e to every open page; s.mu is held.
func (s *Server) broadcast(e event) {
	for c := range s.clients {
		select {
		case c <- e:
		default: // a slow page misses an event, not the server
		}
	}
}

// Handler serves the site, the reload script and the event stream.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/_iptsite/events", s.events)
	mux.HandleFunc("/_iptsite/reload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, reloadJS)
	})
	mux.HandleFunc("/", s.file)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.ownHost(r.Host) {
			http.Error(w, "iptsite serve answers only requests for localhost or an IP address", http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// ownHost reports whether a request's Host names this server (see the package doc). A
// DNS rebinding page sends its own name; an IP address cannot be one.
func (s *Server) ownHost(hostport string) bool { return ownHost(hostport, s.port, s.opts.Addr) }

// ownHost reports whether hostport names a server that listens on addr (the --bind
// name and port) and port ("" in tests: any).
func ownHost(hostport, port, addr string) bool {
	host, p, err := net.SplitHostPort(hostport)
	if err != nil {
		host, p = hostport, "80"
	}
	if port != "" && p != port {
		return false
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || net.ParseIP(host) != nil {
		return true
	}
	bound, _, err := net.SplitHostPort(addr)
	return err == nil && host == strings.ToLower(bound)
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan event, 8)
	s.mu.Lock()
	s.clients[c] = struct{}{}
	first := event{"hello", fmt.Sprint(s.version)}
	problems := s.problems
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()
	writeEvent(w, first)
	if problems != "" {
		writeEvent(w, event{"problems", problems})
	}
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case e := <-c:
			writeEvent(w, e)
			fl.Flush()
		}
	}
}

func writeEvent(w io.Writer, e event) {
	fmt.Fprintf(w, "event: %s\n", e.name)
	for _, line := range strings.Split(e.data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	io.WriteString(w, "\n")
}

func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	site, problems := s.site, s.problems
	s.mu.Unlock()
	w.Header().Set("Cache-Control", "no-store")
	if site == nil {
		// No good build yet: show the problems, and reload when they are fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build problems</title>`+
			`<script src="/_iptsite/reload.js" defer></script></head><body><h1>The site could not be built</h1><pre>%s</pre></body></html>`,
			html.EscapeString(problems))
		return
	}
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	data, ok := site.File(name)
	if !ok {
		if _, isDir := site.File(path.Join(name, "index.html")); isDir {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		data, _ = site.File("404.html")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(data)
}

// Watch rebuilds after each batch of changes under the site folder, until ctx ends.
// Folders created later are watched too. The output folder (public/) and hidden files
// are ignored.
func (s *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := s.addTree(w, s.opts.Dir); err != nil {
		return err
	}
	var timer *time.Timer
	var fire <-chan time.Time
	changed := map[string]bool{}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-w.Errors:
			fmt.Fprintf(s.opts.Log, "watching: %v\n", err)
		case ev := <-w.Events:
			if s.ignored(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					s.addTree(w, ev.Name)
				}
			}
			if rel, err := filepath.Rel(s.opts.Dir, ev.Name); err == nil {
				changed[filepath.ToSlash(rel)] = true
			}
			if timer == nil {
				timer = time.NewTimer(s.opts.Delay)
			} else {
				timer.Reset(s.opts.Delay)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			names := make([]string, 0, len(changed))
			for n := range changed {
				names = append(names, n)
			}
			sort.Strings(names)
			clear(changed)
			s.update(names)
		}
	}
}

func (s *Server) ignored(name string) bool {
	rel, err := filepath.Rel(s.opts.Dir, name)
	if err != nil {
		return true
	}
	rel = filepath.ToSlash(rel)
	base := path.Base(rel)
	return rel == "public" || strings.HasPrefix(rel, "public/") ||
		strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.Contains(rel, "node_modules")
}

func (s *Server) addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && s.ignored(p) {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

// Run builds, serves on opts.Addr and watches until ctx ends. A first build that fails
// still serves: the page shows the problems and reloads when they are fixed.
func Run(ctx context.Context, opts Options) error {
	s := New(opts)
	s.Rebuild()
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	_, s.port, _ = net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(s.opts.Log, "serving %s at %s (press Ctrl+C to stop)\n", opts.Dir, url)
	if opts.Ready != nil {
		opts.Ready(url)
	}
	return serveUntil(ctx, srv, ln, func() error { return s.Watch(ctx) })
}

// serveUntil serves srv on ln, with the other work beside it, until ctx ends or one of
// them fails; then it shuts srv down. serve and preview end the same way.
func serveUntil(ctx context.Context, srv *http.Server, ln net.Listener, beside ...func() error) error {
	errc := make(chan error, 1+len(beside))
	go func() { errc <- srv.Serve(ln) }()
	for _, f := range beside {
		go func() { errc <- f() }()
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	if err != nil && !errors.Is(err, http.ErrServerClosed) && !errors.Is(err, context.Canceled) {
		return err
	}
	return ctx.Err()
}

// reloadJS reloads the page after a good rebuild and shows the problems of a failed one.
//
//go:embed reload.js
var reloadJS string
