package browsertest

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB stands in for a test's testing.TB to check what a helper reports:
// it records errors, fatals and skips instead of acting on the real test.
// Fatal and Skip end the goroutine, as they do in a real test, so run the
// helper with run.
type fakeTB struct {
	testing.TB // the real test, for TempDir, Cleanup, Setenv...

	mu      sync.Mutex
	errors  []string
	fatal   string
	skipped string
}

func newFakeTB(t *testing.T) *fakeTB { return &fakeTB{TB: t} }

func (f *fakeTB) Helper() {}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Error(args ...any) { f.Errorf("%s", fmt.Sprint(args...)) }

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatal = fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Fatal(args ...any) { f.Fatalf("%s", fmt.Sprint(args...)) }

func (f *fakeTB) Skip(args ...any) {
	f.mu.Lock()
	f.skipped = fmt.Sprint(args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Skipf(format string, args ...any) { f.Skip(fmt.Sprintf(format, args...)) }

// run calls fn with f on its own goroutine and waits for it to end, by
// returning or by a Fatal or a Skip.
func (f *fakeTB) run(fn func(tb testing.TB)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
}

// report is everything the helper reported, for failure messages.
func (f *fakeTB) report() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return fmt.Sprintf("errors: %q\nfatal: %q\nskipped: %q", f.errors, f.fatal, f.skipped)
}

// errorText joins the recorded errors.
func (f *fakeTB) errorText() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.errors, "\n")
}
