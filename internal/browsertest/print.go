package browsertest

import (
	"context"
	"regexp"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Paper is a sheet's size in inches.
type Paper struct{ Width, Height float64 }

// The two paper sizes a clinic prints on.
var (
	A4     = Paper{8.27, 11.69}
	Letter = Paper{8.5, 11}
)

// PrintPDF prints the page in the tab as a person's Print would (print styles, the
// browser's default margins, no background graphics) on paper of size p, and returns
// the PDF.
func PrintPDF(t testing.TB, ctx context.Context, p Paper) []byte {
	t.Helper()
	var pdf []byte
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: p.Width, PaperHeight: p.Height})
		pdf = res.Data
		return err
	}))
	if err != nil {
		t.Fatalf("browsertest.PrintPDF: %v", err)
	}
	return pdf
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page\b`)

// PDFPages returns the number of pages of a PDF that Chromium printed (its page objects
// are not compressed).
func PDFPages(pdf []byte) int { return len(pdfPage.FindAll(pdf, -1)) }
