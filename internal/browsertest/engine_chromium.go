package browsertest

import (
	"context"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// chromeTab is a [Tab] of the Chromium that [Chrome] runs, through chromedp.
type chromeTab struct {
	t   testing.TB
	ctx context.Context
}

// ChromeContext returns the chromedp context of a Chromium tab from
// [NewTab], so that a test can add what only Chromium offers ([Watch],
// [Axe]); ok is false for the other engines.
func ChromeContext(tab Tab) (ctx context.Context, ok bool) {
	c, ok := tab.(*chromeTab)
	if !ok {
		return nil, false
	}
	return c.ctx, true
}

func (c *chromeTab) Engine() string { return Chromium }

func (c *chromeTab) Open(url string) error { return chromedp.Do(c.ctx, chromedp.Navigate(url)) }

func (c *chromeTab) Reload() error { return chromedp.Do(c.ctx, chromedp.Reload()) }

func (c *chromeTab) Eval(expr string, out any) error {
	js, err := chromedp.Run(c.ctx, chromedp.Evaluate[string]("(function () {"+wrapJS(expr)+"})()", chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	return decode(js, out)
}

func (c *chromeTab) Click(selector string) error {
	return c.on(selector, chromedp.Click(chromedp.CSS(selector)))
}

func (c *chromeTab) Type(selector, text string) error {
	return c.on(selector, chromedp.Click(chromedp.CSS(selector)), chromedp.SendKeys(chromedp.CSS(selector), text))
}

func (c *chromeTab) SetFiles(selector string, paths ...string) error {
	return c.on(selector, chromedp.SetUploadFiles(chromedp.CSS(selector), paths))
}

// on runs actions on the element that matches selector, failing at once when
// there is none, as the other engines do, where chromedp's query would wait
// for it to appear.
func (c *chromeTab) on(selector string, actions ...chromedp.Action[chromedp.Void]) error {
	var found bool
	if err := c.Eval(`document.querySelector(`+jsQuote(selector)+`) !== null`, &found); err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("no element matches %s", selector)
	}
	ctx, cancel := context.WithTimeout(c.ctx, commandTimeout)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// NewTab opens a tab of the same browser: [Chrome] shares one browser (and
// so its storage) among the tabs of a test binary that calls [Main], and a
// child of a tab's context is a new tab of that tab's browser otherwise.
func (c *chromeTab) NewTab() (Tab, error) {
	ctx, cancel := chromedp.NewContext(c.ctx)
	c.t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		return nil, err
	}
	return &chromeTab{t: c.t, ctx: ctx}, nil
}
