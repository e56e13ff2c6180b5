package browsertest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// firefoxPrefs go into the fresh profile of each Firefox run. The proxy
// that refuses every connection keeps every request on this machine (Firefox
// never sends 127.0.0.1 or localhost to a proxy), as the resolver rule does
// for Chromium. The remote agent sets its own recommended preferences for
// automation on top (no updates, telemetry or first-run pages).
const firefoxPrefs = `user_pref("network.proxy.type", 1);
user_pref("network.proxy.http", "127.0.0.1");
user_pref("network.proxy.http_port", 9);
user_pref("network.proxy.ssl", "127.0.0.1");
user_pref("network.proxy.ssl_port", 9);
user_pref("network.proxy.share_proxy_settings", true);
user_pref("intl.accept_languages", "en-US");
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);
`

// firefox is a headless Firefox driven over WebDriver BiDi, the W3C protocol
// Firefox speaks itself (no geckodriver): one websocket, commands and their
// results matched by id.
type firefox struct {
	cmd     *exec.Cmd
	profile string
	conn    *websocket.Conn
	writeMu sync.Mutex
	mu      sync.Mutex
	nextID  int
	waiting map[int]chan bidiResult
	closed  error // why reading stopped, once it has
}

type bidiResult struct {
	Type    string          `json:"type"` // success, error or event
	ID      *int            `json:"id"`
	Result  json.RawMessage `json:"result"`
	Error   string          `json:"error"`
	Message string          `json:"message"`
}

func startFirefox(path string) (_ *firefox, err error) {
	profile, err := os.MkdirTemp("", "iptsite-firefox-")
	if err != nil {
		return nil, err
	}
	f := &firefox{profile: profile, waiting: map[int]chan bidiResult{}}
	defer func() {
		if err != nil {
			f.stop()
		}
	}()
	if err := os.WriteFile(profile+"/user.js", []byte(firefoxPrefs), 0o644); err != nil {
		return nil, err
	}
	f.cmd = exec.Command(path, "--headless", "--no-remote", "--profile", profile, "--remote-debugging-port=0", "about:blank")
	f.cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1")
	ownGroup(f.cmd)
	stderr, err := f.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := f.cmd.Start(); err != nil {
		return nil, err
	}
	// Firefox prints the address it listens on; the rest of its output is
	// read and dropped so that it never blocks on a full pipe.
	found := make(chan string, 1)
	var lines []string
	go func() {
		s := bufio.NewScanner(stderr)
		for s.Scan() {
			if addr, ok := strings.CutPrefix(s.Text(), "WebDriver BiDi listening on "); ok {
				found <- addr
			} else if len(lines) < 20 {
				lines = append(lines, s.Text())
			}
		}
		close(found)
	}()
	var addr string
	select {
	case a, ok := <-found:
		if !ok {
			return nil, fmt.Errorf("firefox exited before listening:\n%s", strings.Join(lines, "\n"))
		}
		addr = a
	case <-time.After(commandTimeout):
		return nil, fmt.Errorf("firefox did not start listening within %v", commandTimeout)
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	f.conn, _, err = websocket.Dial(ctx, addr+"/session", nil)
	if err != nil {
		return nil, err
	}
	f.conn.SetReadLimit(64 << 20)
	go f.read()
	_, err = f.call("session.new", map[string]any{"capabilities": map[string]any{}})
	return f, err
}

// read delivers each result to the call waiting for it; events are not
// subscribed to, so none come.
func (f *firefox) read() {
	for {
		_, data, err := f.conn.Read(context.Background())
		if err != nil {
			f.mu.Lock()
			f.closed = err
			for id, ch := range f.waiting {
				close(ch)
				delete(f.waiting, id)
			}
			f.mu.Unlock()
			return
		}
		var r bidiResult
		if json.Unmarshal(data, &r) != nil || r.ID == nil {
			continue
		}
		f.mu.Lock()
		ch := f.waiting[*r.ID]
		delete(f.waiting, *r.ID)
		f.mu.Unlock()
		if ch != nil {
			ch <- r
		}
	}
}

// call sends one command and waits for its result.
func (f *firefox) call(method string, params any) (json.RawMessage, error) {
	f.mu.Lock()
	if f.closed != nil {
		f.mu.Unlock()
		return nil, fmt.Errorf("%s: connection to firefox closed: %w", method, f.closed)
	}
	f.nextID++
	id := f.nextID
	ch := make(chan bidiResult, 1)
	f.waiting[id] = ch
	f.mu.Unlock()

	msg, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	f.writeMu.Lock()
	err = f.conn.Write(ctx, websocket.MessageText, msg)
	f.writeMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", method, err)
	}
	select {
	case r, ok := <-ch:
		if !ok {
			return nil, fmt.Errorf("%s: connection to firefox closed", method)
		}
		if r.Type != "success" {
			return nil, fmt.Errorf("%s: %s: %s", method, r.Error, r.Message)
		}
		return r.Result, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%s: no answer within %v", method, commandTimeout)
	}
}

func (f *firefox) stop() {
	if f.conn != nil {
		f.conn.Close(websocket.StatusNormalClosure, "")
	}
	killGroup(f.cmd)
	os.RemoveAll(f.profile)
}

func (f *firefox) newTab(t testing.TB) (Tab, error) {
	res, err := f.call("browsingContext.create", map[string]any{"type": "tab"})
	if err != nil {
		return nil, err
	}
	var c struct{ Context string }
	if err := json.Unmarshal(res, &c); err != nil {
		return nil, err
	}
	t.Cleanup(func() { f.call("browsingContext.close", map[string]any{"context": c.Context}) })
	return &firefoxTab{t: t, f: f, context: c.Context}, nil
}

// firefoxTab is a [Tab] of Firefox: one BiDi browsing context.
type firefoxTab struct {
	t       testing.TB
	f       *firefox
	context string
}

func (b *firefoxTab) Engine() string { return Firefox }

func (b *firefoxTab) Open(url string) error {
	_, err := b.f.call("browsingContext.navigate", map[string]any{"context": b.context, "url": url, "wait": "complete"})
	return err
}

func (b *firefoxTab) Reload() error {
	_, err := b.f.call("browsingContext.reload", map[string]any{"context": b.context, "wait": "complete"})
	return err
}

// callFunction runs the function declaration fn in the page with the
// arguments args (BiDi local values) and returns its awaited result.
func (b *firefoxTab) callFunction(fn string, args ...any) (json.RawMessage, error) {
	if args == nil {
		args = []any{}
	}
	res, err := b.f.call("script.callFunction", map[string]any{
		"functionDeclaration": fn,
		"arguments":           args,
		"target":              map[string]any{"context": b.context},
		"awaitPromise":        true,
		"resultOwnership":     "none",
	})
	if err != nil {
		return nil, err
	}
	var r struct {
		Type             string
		Result           json.RawMessage
		ExceptionDetails struct{ Text string }
	}
	if err := json.Unmarshal(res, &r); err != nil {
		return nil, err
	}
	if r.Type == "exception" {
		return nil, errors.New(r.ExceptionDetails.Text)
	}
	return r.Result, nil
}

func (b *firefoxTab) Eval(expr string, out any) error {
	res, err := b.callFunction("function () {" + wrapJS(expr) + "}")
	if err != nil {
		return err
	}
	var v struct{ Value string }
	if err := json.Unmarshal(res, &v); err != nil {
		return err
	}
	return decode(v.Value, out)
}

// element returns the BiDi reference of the first element that matches
// selector, scrolled into the middle of the view.
func (b *firefoxTab) element(selector string) (map[string]any, error) {
	res, err := b.callFunction(`function (sel) {
		const e = document.querySelector(sel);
		if (!e) throw new Error('no element matches ' + sel);
		e.scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});
		return e;
	}`, map[string]any{"type": "string", "value": selector})
	if err != nil {
		return nil, err
	}
	var node struct{ SharedID string }
	if err := json.Unmarshal(res, &node); err != nil || node.SharedID == "" {
		return nil, fmt.Errorf("%s is not an element: %s", selector, res)
	}
	return map[string]any{"sharedId": node.SharedID}, nil
}

func (b *firefoxTab) actions(sources ...any) error {
	// Every key and button pressed is released in the same list, so there is
	// no releaseActions to send.
	_, err := b.f.call("input.performActions", map[string]any{"context": b.context, "actions": sources})
	return err
}

// Click retries a click that Firefox finds out of the view: on a busy
// machine it can hit-test against a scroll position from before
// scrollIntoView.
func (b *firefoxTab) Click(selector string) (err error) {
	for range 3 {
		if err = b.click(selector); err == nil || !strings.Contains(err.Error(), "out of bounds") {
			return err
		}
	}
	return err
}

func (b *firefoxTab) click(selector string) error {
	el, err := b.element(selector)
	if err != nil {
		return err
	}
	// Click once the element has stopped moving and is what a click at its middle hits:
	// a page that still lays out what the test's last script added (a row, a chart) can
	// move it between the scroll and the click, and the click is then lost beside it.
	// After half a second it clicks anyway, as before.
	if err := b.Eval(`(async () => {
		const e = document.querySelector(`+jsQuote(selector)+`);
		let last = '';
		for (let i = 0; i < 50; i++) {
			await new Promise(r => setTimeout(r, 10));
			const r = e.getBoundingClientRect();
			const now = [r.left, r.top, r.width, r.height].join();
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			if (now === last && hit && (hit === e || e.contains(hit))) return true;
			last = now;
		}
		return false;
	})()`, nil); err != nil {
		return err
	}
	return b.actions(map[string]any{
		"type": "pointer", "id": "mouse", "parameters": map[string]any{"pointerType": "mouse"},
		"actions": []any{
			map[string]any{"type": "pointerMove", "x": 0, "y": 0, "origin": map[string]any{"type": "element", "element": el}},
			map[string]any{"type": "pointerDown", "button": 0},
			map[string]any{"type": "pointerUp", "button": 0},
		},
	})
}

// Type clicks the element, as a person would, and types into it once it has the focus;
// keys sent while it has not would be lost.
func (b *firefoxTab) Type(selector, text string) error {
	focused := false
	for try := 0; try < 3 && !focused; try++ {
		if err := b.Click(selector); err != nil {
			return err
		}
		if err := b.Eval(`document.activeElement === document.querySelector(`+jsQuote(selector)+`)`, &focused); err != nil {
			return err
		}
	}
	if !focused {
		return fmt.Errorf("clicked %s three times and it did not take the focus: the keys would be lost", selector)
	}
	var keys []any
	for _, k := range keyValues(text) {
		keys = append(keys, map[string]any{"type": "keyDown", "value": k}, map[string]any{"type": "keyUp", "value": k})
	}
	return b.actions(map[string]any{"type": "key", "id": "keyboard", "actions": keys})
}

// keyValues splits text into WebDriver key values: one character each, with
// a new line as the Enter key.
func keyValues(text string) []string {
	var keys []string
	for _, r := range text {
		if r == '\n' {
			keys = append(keys, "\uE007")
		} else {
			keys = append(keys, string(r))
		}
	}
	return keys
}

func (b *firefoxTab) SetFiles(selector string, paths ...string) error {
	el, err := b.element(selector)
	if err != nil {
		return err
	}
	_, err = b.f.call("input.setFiles", map[string]any{"context": b.context, "element": el, "files": paths})
	return err
}

func (b *firefoxTab) NewTab() (Tab, error) { return b.f.newTab(b.t) }
