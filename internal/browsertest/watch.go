package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A Log records what one tab did from the call of [Watch] on: every network
// request, and every console message, uncaught exception, Content Security
// Policy violation and browser log entry. It is safe for concurrent use.
//
// The methods that read it first wait until the tab has been quiet for a
// moment, so that the events of the last action are in.
type Log struct {
	ctx context.Context

	mu       sync.Mutex
	requests []Request
	byID     map[network.RequestID]int // index into requests
	messages []Message
	events   int // count of recorded events, to see when the tab is quiet
	err      error
}

// A Request is one network request of the tab.
type Request struct {
	URL    string // without the fragment
	Method string
	Type   string // as Chrome names it: Document, Stylesheet, Script, Image, Fetch...
	Status int64  // the HTTP status, 0 when no response came
	// Failure is Chrome's error text (net::ERR_NAME_NOT_RESOLVED,
	// net::ERR_INTERNET_DISCONNECTED...) or "blocked:" and the reason
	// (blocked:csp) when the request failed; "" otherwise.
	Failure string
}

func (r Request) String() string {
	s := r.Method + " " + r.URL + " (" + r.Type + ")"
	switch {
	case r.Failure != "":
		s += ": " + r.Failure
	case r.Status != 0:
		s += fmt.Sprintf(": %d", r.Status)
	}
	return s
}

// Kind tells where a [Message] came from.
type Kind string

const (
	KindConsole   Kind = "console"   // a call such as console.error in page code
	KindException Kind = "exception" // an uncaught exception or unhandled rejection
	KindCSP       Kind = "csp"       // a Content Security Policy violation
	KindNetwork   Kind = "network"   // a resource that failed to load (404, refused...)
	KindBrowser   Kind = "browser"   // any other entry of the browser's log
)

// A Message is one console message, exception or browser log entry.
type Message struct {
	Kind  Kind
	Level string // "error", "warning", "info", "log", "debug"...
	Text  string
	URL   string // where it came from, when known
	Line  int64  // 1-based line in URL, 0 when unknown
}

func (m Message) String() string {
	s := string(m.Kind) + " " + m.Level + ": "
	if m.URL != "" {
		s += m.URL
		if m.Line > 0 {
			s += fmt.Sprintf(":%d", m.Line)
		}
		s += ": "
	}
	return s + m.Text
}

// IsError reports whether the message is an error: an exception, a CSP
// violation, or a message of level error.
func (m Message) IsError() bool {
	return m.Kind == KindException || m.Kind == KindCSP || m.Level == "error"
}

// Watch starts recording the requests and messages of the tab ctx, a context
// from [Chrome]. Call it before the navigation to record.
func Watch(ctx context.Context) *Log {
	l := &Log{ctx: ctx, byID: make(map[network.RequestID]int)}
	if err := chromedp.Listen(ctx, l.record); err != nil {
		l.err = fmt.Errorf("browsertest.Watch: %w", err)
	}
	return l
}

// record runs on chromedp's read loop for every event of the tab, so it
// only copies what it needs under the lock.
func (l *Log) record(ev any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		r := Request{URL: ev.Request.URL, Method: ev.Request.Method, Type: string(ev.Type)}
		if i, ok := l.byID[ev.RequestID]; ok && ev.RedirectResponse != nil {
			// A redirect reuses the id: close the first hop, start the next.
			l.requests[i].Status = ev.RedirectResponse.Status
		}
		l.byID[ev.RequestID] = len(l.requests)
		l.requests = append(l.requests, r)
	case *network.EventResponseReceived:
		if i, ok := l.byID[ev.RequestID]; ok {
			l.requests[i].Status = ev.Response.Status
		}
	case *network.EventLoadingFailed:
		if i, ok := l.byID[ev.RequestID]; ok {
			if ev.BlockedReason != "" {
				l.requests[i].Failure = "blocked:" + string(ev.BlockedReason)
			} else {
				l.requests[i].Failure = ev.ErrorText
			}
		}
	case *runtime.EventConsoleAPICalled:
		m := Message{Kind: KindConsole, Level: string(ev.Type), Text: argsText(ev.Args)}
		if ev.Type == runtime.ConsoleAPICalledTypeAssert {
			m.Level = "error"
		}
		if st := ev.StackTrace; st != nil && len(st.CallFrames) > 0 {
			m.URL, m.Line = st.CallFrames[0].URL, st.CallFrames[0].LineNumber+1
		}
		l.messages = append(l.messages, m)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		m := Message{Kind: KindException, Level: "error", Text: d.Text, URL: d.URL, Line: d.LineNumber + 1}
		if d.Exception != nil {
			desc, _, _ := strings.Cut(valueText(d.Exception), "\n    at ")
			m.Text = strings.TrimSpace(d.Text + " " + desc)
		}
		if m.URL == "" && d.StackTrace != nil && len(d.StackTrace.CallFrames) > 0 {
			m.URL = d.StackTrace.CallFrames[0].URL
		}
		l.messages = append(l.messages, m)
	case *log.EventEntryAdded:
		e := ev.Entry
		m := Message{Kind: KindBrowser, Level: string(e.Level), Text: e.Text, URL: e.URL, Line: e.LineNumber}
		switch {
		case e.Source == log.EntrySourceSecurity && strings.Contains(e.Text, "Content Security Policy"):
			m.Kind = KindCSP
		case e.Source == log.EntrySourceNetwork:
			m.Kind = KindNetwork
		}
		if m.Line > 0 && m.Kind != KindNetwork {
			// The protocol counts lines from 0 for log entries too.
			m.Line++
		}
		l.messages = append(l.messages, m)
	default:
		return
	}
	l.events++
}

// argsText joins the arguments of a console call as the console shows them.
func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = valueText(a)
	}
	return strings.Join(parts, " ")
}

func valueText(o *runtime.RemoteObject) string {
	if len(o.Value) > 0 {
		var s string
		if err := json.Unmarshal([]byte(o.Value), &s); err == nil {
			return s
		}
		return string(o.Value)
	}
	if o.UnserializableValue != "" {
		return string(o.UnserializableValue)
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Type)
}

// settle waits until no event has arrived for a short while, at most a few
// seconds, after a round trip to the page that flushes what the page has
// already sent.
func (l *Log) settle() {
	const (
		quiet = 150 * time.Millisecond
		limit = 3 * time.Second
	)
	chromedp.Do(l.ctx, chromedp.Evaluate[chromedp.Void]("0")) // the tab may be gone; that is fine
	deadline := time.Now().Add(limit)
	l.mu.Lock()
	n := l.events
	l.mu.Unlock()
	for time.Now().Before(deadline) {
		time.Sleep(quiet)
		l.mu.Lock()
		m := l.events
		l.mu.Unlock()
		if m == n {
			return
		}
		n = m
	}
}

// Requests returns every request recorded so far, in the order sent.
func (l *Log) Requests() []Request {
	l.settle()
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Request(nil), l.requests...)
}

// Messages returns every message recorded so far, of every level.
func (l *Log) Messages() []Message {
	l.settle()
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Message(nil), l.messages...)
}

// Errors returns the messages that are errors (see [Message.IsError]).
func (l *Log) Errors() []Message {
	var errs []Message
	for _, m := range l.Messages() {
		if m.IsError() {
			errs = append(errs, m)
		}
	}
	return errs
}

// CSPViolations returns the Content Security Policy violations.
func (l *Log) CSPViolations() []Message {
	var v []Message
	for _, m := range l.Messages() {
		if m.Kind == KindCSP {
			v = append(v, m)
		}
	}
	return v
}

// ForeignRequests returns the requests that went to another host than the
// one of baseURL (scheme, host and port must match). Requests that use no
// network, such as data: and blob: URLs, are not foreign.
func (l *Log) ForeignRequests(baseURL string) []Request {
	base, err := url.Parse(baseURL)
	if err != nil {
		panic("browsertest: bad base URL " + baseURL)
	}
	var foreign []Request
	for _, r := range l.Requests() {
		u, err := url.Parse(r.URL)
		if err != nil {
			foreign = append(foreign, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if u.Scheme != base.Scheme || u.Host != base.Host {
			foreign = append(foreign, r)
		}
	}
	return foreign
}

// AssertSameHost fails the test when the tab sent a request to any host but
// the one of baseURL, listing each such request.
func (l *Log) AssertSameHost(t testing.TB, baseURL string) {
	t.Helper()
	l.checkWatching(t)
	if foreign := l.ForeignRequests(baseURL); len(foreign) > 0 {
		t.Errorf("the page sent %d request(s) to other hosts than %s:%s", len(foreign), baseURL, bullets(foreign))
	}
}

// AssertNoErrors fails the test when the tab logged any error: an uncaught
// exception, a CSP violation, a console.error, a resource that failed to
// load. It lists each one.
func (l *Log) AssertNoErrors(t testing.TB) {
	t.Helper()
	l.checkWatching(t)
	if errs := l.Errors(); len(errs) > 0 {
		t.Errorf("the browser reported %d error(s):%s", len(errs), bullets(errs))
	}
}

// AssertClean is [Log.AssertSameHost] and [Log.AssertNoErrors] together.
func (l *Log) AssertClean(t testing.TB, baseURL string) {
	t.Helper()
	l.AssertSameHost(t, baseURL)
	l.AssertNoErrors(t)
}

// checkWatching fails the test when Watch could not start recording, so an
// empty log never passes for a clean page.
func (l *Log) checkWatching(t testing.TB) {
	t.Helper()
	if l.err != nil {
		t.Fatal(l.err)
	}
}

func bullets[T fmt.Stringer](items []T) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString("\n\t- ")
		b.WriteString(it.String())
	}
	return b.String()
}
