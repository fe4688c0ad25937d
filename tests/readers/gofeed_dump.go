// Reads one feed file with gofeed (github.com/mmcdole/gofeed, the feed
// parser most Go readers use) and prints what it read as JSON for
// tests/other_readers_check.py.
//
// The universal parser (gofeed.NewParser().Parse) is what an application
// sees, but its Item.Links is a list of bare URLs: hreflang is dropped in
// the translation. So the same bytes are also read with the format's own
// parser (atom.Parser, or rss.Parser whose atom:link elements land in the
// item's extensions), which keeps the link attributes.
//
// usage: go run gofeed_dump.go FEED
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/rss"
)

type link struct {
	Href     string `json:"href"`
	Rel      string `json:"rel"`
	Hreflang string `json:"hreflang"`
	Type     string `json:"type"`
}

type entry struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Link       string   `json:"link"`
	Links      []link   `json:"links"`
	Published  *int64   `json:"published"`
	Updated    *int64   `json:"updated"`
	Summary    string   `json:"summary"`
	Content    string   `json:"content"`
	Authors    []string `json:"authors"`
	Categories []string `json:"categories"`
}

type feed struct {
	Language string  `json:"language"`
	Title    string  `json:"title"`
	Link     string  `json:"link"`
	Links    []link  `json:"links"`
	Entries  []entry `json:"entries"`
}

func unix(t *time.Time) *int64 {
	if t == nil {
		return nil
	}
	s := t.Unix()
	return &s
}

// atomLinks reads the atom:link elements gofeed's RSS parser keeps as
// extensions.
func atomLinks(e ext.Extensions) []link {
	links := []link{}
	for _, l := range e["atom"]["link"] {
		links = append(links, link{l.Attrs["href"], l.Attrs["rel"], l.Attrs["hreflang"], l.Attrs["type"]})
	}
	return links
}

func atomLinkList(ls []*atom.Link) []link {
	links := []link{}
	for _, l := range ls {
		links = append(links, link{l.Href, l.Rel, l.Hreflang, l.Type})
	}
	return links
}

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gofeed:", err)
		os.Exit(1)
	}
	out := feed{Language: parsed.Language, Title: parsed.Title, Link: parsed.Link, Entries: []entry{}}
	var itemLinks [][]link
	switch parsed.FeedType {
	case "atom":
		f, err := (&atom.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintln(os.Stderr, "gofeed atom:", err)
			os.Exit(1)
		}
		out.Links = atomLinkList(f.Links)
		for _, e := range f.Entries {
			itemLinks = append(itemLinks, atomLinkList(e.Links))
		}
	case "rss":
		f, err := (&rss.Parser{}).Parse(bytes.NewReader(data))
		if err != nil {
			fmt.Fprintln(os.Stderr, "gofeed rss:", err)
			os.Exit(1)
		}
		out.Links = atomLinks(f.Extensions)
		for _, i := range f.Items {
			itemLinks = append(itemLinks, atomLinks(i.Extensions))
		}
	}
	for n, i := range parsed.Items {
		e := entry{
			ID: i.GUID, Title: i.Title, Link: i.Link,
			Published: unix(i.PublishedParsed), Updated: unix(i.UpdatedParsed),
			Summary: i.Description, Content: i.Content,
			Authors: []string{}, Categories: i.Categories, Links: []link{},
		}
		if e.Categories == nil {
			e.Categories = []string{}
		}
		for _, a := range i.Authors {
			e.Authors = append(e.Authors, a.Name)
		}
		if n < len(itemLinks) {
			e.Links = itemLinks[n]
		}
		out.Entries = append(out.Entries, e)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}
