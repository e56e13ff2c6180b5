package render

import (
	"fmt"
	"strings"

	"github.com/iptsite/iptsite/internal/content"
)

// Cards: a page's ways in, listed in its front matter under params.cards (see the
// package doc) and shown by the home page as cards that each open one page.

// A Card is one way in: a heading that links to a page, and a sentence about it.
type Card struct {
	Title, Text, URL string
}

// cardsOf returns what a page's params.cards holds, and a problem for each entry that
// cannot be a card.
func (b *builder) cardsOf(p *content.Page) (cards []Card, pages []*content.Page, problems []string) {
	raw, ok := p.Params["cards"]
	if !ok {
		return nil, nil, nil
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, nil, []string{"params.cards must be a list of pages, each with page:, title: and text:"}
	}
	for i, e := range list {
		m, _ := e.(map[string]any)
		file, _ := m["page"].(string)
		target, ok := b.site.ByPath[strings.TrimPrefix(file, "/")]
		if !ok {
			problems = append(problems, fmt.Sprintf("params.cards %d: no page content/%s", i+1, file))
			continue
		}
		c := Card{Title: target.Title, Text: target.Description}
		if s, ok := m["title"].(string); ok && s != "" {
			c.Title = s
		}
		if s, ok := m["text"].(string); ok && s != "" {
			c.Text = s
		}
		cards = append(cards, c)
		pages = append(pages, target)
	}
	return cards, pages, problems
}

// checkCards reports, at the line of params, every card of every page that opens no page.
func (b *builder) checkCards() {
	for _, p := range b.site.Pages {
		_, _, problems := b.cardsOf(p)
		for _, msg := range problems {
			b.failf(p.File, p.Line("params"), "%s", msg)
		}
	}
}

// Cards returns the page's ways in (params.cards), with URLs relative to the page.
func (d *Data) Cards() []Card {
	cards, pages, _ := d.b.cardsOf(d.Page)
	for i := range cards {
		cards[i].URL = d.Rel(pages[i].URL)
	}
	return cards
}
