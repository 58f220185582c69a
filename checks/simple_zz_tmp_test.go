package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/didi-index/didi/crawler"
)

func TestZZRealPages(t *testing.T) {
	root := os.Getenv("SIMREAL")
	if root == "" {
		t.Skip()
	}
	var pages []*Page
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".html") {
			return nil
		}
		b, _ := os.ReadFile(path)
		u := "https://site.example/" + strings.TrimPrefix(path, root)
		pages = append(pages, NewPage(&crawler.Snapshot{URL: u, FinalURL: u, Status: 200, HTML: string(b), DOM: string(b), ContentType: "text/html"}, len(pages) == 0))
		return nil
	})
	counts := map[string]map[Outcome]int{}
	for _, c := range append(simpleChecks(), reachableChecks()...) {
		c := c
		counts[c.ID] = map[Outcome]int{}
		for _, o := range Run(&c, pages, nil) {
			counts[c.ID][o.Outcome]++
			if o.Outcome == Fail || o.Outcome == NeedsReview {
				for i, e := range o.Evidence {
					if i >= 3 {
						break
					}
					fmt.Printf("%s %s %s | %s | %s %v\n", c.ID, o.Outcome, o.URL, e.Selector, Shorten(e.Snippet, 150), e.Params)
				}
			}
		}
	}
	for id, m := range counts {
		fmt.Println("COUNT", id, m)
	}
}
