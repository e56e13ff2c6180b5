package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
)

// Eval evaluates the JavaScript expression expr in the tab, waiting for its value when
// it is a promise, and fails the test when it throws or its value is not a T.
func Eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}
