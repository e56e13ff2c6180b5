package browsertest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// webkit is WebKitGTK's MiniBrowser driven by WebKitWebDriver over classic
// W3C WebDriver (plain HTTP and JSON). MiniBrowser has no headless mode, so
// it gets a virtual X display from Xvfb when DISPLAY is not set.
type webkit struct {
	xvfb, drv *exec.Cmd
	base      string // the session's URL
	client    http.Client

	mu      sync.Mutex // one command at a time: a session has one current window
	current string     // that window's handle
	home    string     // the first window, never closed: closing the last would end the session
}

// elementKey is the key of an element reference in WebDriver's JSON.
const elementKey = "element-6066-11e4-a52e-4f735466cecf"

func startWebKit(driverPath, miniBrowser, xvfb string) (_ *webkit, err error) {
	w := &webkit{client: http.Client{Timeout: commandTimeout}}
	defer func() {
		if err != nil {
			w.stop()
		}
	}()
	env := os.Environ()
	if xvfb != "" {
		display, err := w.startXvfb(xvfb)
		if err != nil {
			return nil, err
		}
		env = append(env, "DISPLAY="+display)
	}
	// A free port: WebKitWebDriver cannot pick one and say which.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	w.drv = exec.Command(driverPath, "--host=127.0.0.1", "--port="+strconv.Itoa(port))
	w.drv.Env = env
	ownGroup(w.drv)
	if err := w.drv.Start(); err != nil {
		return nil, err
	}
	root := "http://127.0.0.1:" + strconv.Itoa(port)
	for deadline := time.Now().Add(commandTimeout); ; time.Sleep(50 * time.Millisecond) {
		if resp, err := w.client.Get(root + "/status"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("WebKitWebDriver did not answer within %v", commandTimeout)
		}
	}
	// The proxy that refuses every connection keeps every request but
	// those to this machine from leaving it.
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "MiniBrowser",
		"webkitgtk:browserOptions": map[string]any{
			"binary": miniBrowser,
			"args":   []string{"--automation", "--proxy=http://127.0.0.1:9", "--ignore-host=127.0.0.1", "--ignore-host=localhost"},
		},
	}}}
	var s struct{ SessionID string }
	if err := w.send(root+"/session", "POST", caps, &s); err != nil {
		return nil, err
	}
	w.base = root + "/session/" + s.SessionID
	err = w.send(w.base+"/window", "GET", nil, &w.current)
	w.home = w.current
	return w, err
}

// startXvfb starts a virtual display on a free display number, which Xvfb
// picks and writes to the pipe.
func (w *webkit) startXvfb(path string) (string, error) {
	r, wr, err := os.Pipe()
	if err != nil {
		return "", err
	}
	defer r.Close()
	w.xvfb = exec.Command(path, "-displayfd", "3", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
	w.xvfb.ExtraFiles = []*os.File{wr}
	ownGroup(w.xvfb)
	err = w.xvfb.Start()
	wr.Close()
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("xvfb gave no display: %v", err)
	}
	return ":" + strings.TrimSpace(line), nil
}

// send makes one WebDriver request and decodes its "value" into out.
func (w *webkit) send(url, method string, body, out any) error {
	var rd io.Reader
	if method == "POST" {
		if body == nil {
			body = map[string]any{}
		}
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return err
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var r struct {
		Value json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return fmt.Errorf("%s %s: %s: %w", method, url, resp.Status, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error, Message string }
		json.Unmarshal(r.Value, &e)
		return fmt.Errorf("%s %s: %s: %s", method, strings.TrimPrefix(url, w.base), e.Error, e.Message)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(r.Value, out)
}

func (w *webkit) stop() {
	if w.base != "" {
		w.send(w.base, "DELETE", nil, nil)
	}
	killGroup(w.drv)
	killGroup(w.xvfb)
}

func (w *webkit) newTab(t testing.TB) (Tab, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	var win struct{ Handle string }
	if err := w.send(w.base+"/window/new", "POST", map[string]any{"type": "tab"}, &win); err != nil {
		return nil, err
	}
	tab := &webkitTab{t: t, w: w, handle: win.Handle}
	t.Cleanup(func() {
		tab.do(func(base string) error {
			w.send(base+"/window", "DELETE", nil, nil)
			// A new window needs a current one to open from.
			w.current = w.home
			return w.send(base+"/window", "POST", map[string]any{"handle": w.home}, nil)
		})
	})
	return tab, nil
}

// webkitTab is a [Tab] of WebKit: one window of the shared session. Each
// command first makes it the session's current window.
type webkitTab struct {
	t      testing.TB
	w      *webkit
	handle string
}

// do runs f with the tab's window current, one command at a time.
func (k *webkitTab) do(f func(base string) error) error {
	k.w.mu.Lock()
	defer k.w.mu.Unlock()
	if k.w.current != k.handle {
		if err := k.w.send(k.w.base+"/window", "POST", map[string]any{"handle": k.handle}, nil); err != nil {
			return err
		}
		k.w.current = k.handle
	}
	return f(k.w.base)
}

func (k *webkitTab) Engine() string { return WebKit }

func (k *webkitTab) Open(url string) error {
	return k.do(func(base string) error { return k.w.send(base+"/url", "POST", map[string]any{"url": url}, nil) })
}

func (k *webkitTab) Reload() error {
	return k.do(func(base string) error { return k.w.send(base+"/refresh", "POST", nil, nil) })
}

func (k *webkitTab) Eval(expr string, out any) error {
	// The asynchronous form, whose callback every driver supports, rather
	// than relying on the synchronous form awaiting a promise.
	script := `const done = arguments[arguments.length - 1];
		(function () {` + wrapJS(expr) + `})().then(v => done([v]), e => done([null, String(e) + (e && e.stack ? '\n' + e.stack : '')]));`
	var r []*string
	err := k.do(func(base string) error {
		return k.w.send(base+"/execute/async", "POST", map[string]any{"script": script, "args": []any{}}, &r)
	})
	if err != nil {
		return err
	}
	if len(r) == 2 && r[1] != nil {
		return errors.New(*r[1])
	}
	if len(r) == 0 || r[0] == nil {
		return fmt.Errorf("no value from %s", expr)
	}
	return decode(*r[0], out)
}

// element runs f with the reference of the first element that matches
// selector, scrolled into the middle of the view.
func (k *webkitTab) element(selector string, f func(el string) error) error {
	return k.do(func(base string) error {
		var ref map[string]string
		if err := k.w.send(base+"/element", "POST", map[string]any{"using": "css selector", "value": selector}, &ref); err != nil {
			return err
		}
		el := base + "/element/" + ref[elementKey]
		if err := k.w.send(base+"/execute/sync", "POST", map[string]any{
			"script": `arguments[0].scrollIntoView({block: 'center', inline: 'center', behavior: 'instant'});`,
			"args":   []any{ref},
		}, nil); err != nil {
			return err
		}
		return f(el)
	})
}

func (k *webkitTab) Click(selector string) error {
	return k.element(selector, func(el string) error { return k.w.send(el+"/click", "POST", nil, nil) })
}

func (k *webkitTab) Type(selector, text string) error {
	return k.element(selector, func(el string) error {
		if err := k.w.send(el+"/click", "POST", nil, nil); err != nil {
			return err
		}
		return k.w.send(el+"/value", "POST", map[string]any{"text": strings.Join(keyValues(text), "")}, nil)
	})
}

func (k *webkitTab) SetFiles(selector string, paths ...string) error {
	return k.element(selector, func(el string) error {
		return k.w.send(el+"/value", "POST", map[string]any{"text": strings.Join(paths, "\n")}, nil)
	})
}

func (k *webkitTab) NewTab() (Tab, error) { return k.w.newTab(k.t) }
