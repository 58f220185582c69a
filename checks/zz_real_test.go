package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/didi-index/didi/crawler"
)

func TestZZReal(t *testing.T) {
	root := os.Getenv("ZZROOT")
	if root == "" {
		t.Skip()
	}
	var files []string
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	ids := strings.Split(os.Getenv("ZZIDS"), ",")
	counts := map[string]map[Outcome]int{}
	var pages []*Page
	for _, f := range files {
		b, _ := os.ReadFile(f)
		rel, _ := filepath.Rel(root, f)
		u := "http://127.0.0.1:8801/" + rel
		pages = append(pages, NewPage(&crawler.Snapshot{URL: u, FinalURL: u, Status: 200, HTML: string(b), DOM: string(b), ContentType: "text/html"}, len(pages) == 0))
	}
	for _, id := range ids {
		c := Default().Get(id)
		counts[id] = map[Outcome]int{}
		for _, o := range Run(c, pages, nil) {
			counts[id][o.Outcome]++
			if o.Outcome == Fail {
				for i, e := range o.Evidence {
					if i >= 4 {
						fmt.Printf("   ... %d more\n", len(o.Evidence)-4)
						break
					}
					fmt.Printf("%s FAIL %s | %s | %s | %v\n", id, strings.TrimPrefix(o.URL, "http://127.0.0.1:8801/"), e.Selector, e.Message, e.Params)
				}
			}
		}
		fmt.Println(id, counts[id])
	}
}
