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

func TestZZSites(t *testing.T) {
	root := os.Getenv("AXSITE")
	if root == "" {
		t.Skip()
	}
	var files []string
	if l := os.Getenv("AXLIST"); l != "" {
		b, _ := os.ReadFile(l)
		for _, u := range strings.Fields(string(b)) {
			if strings.HasSuffix(u, "/") {
				u += "index.html"
			}
			files = append(files, filepath.Join(root, u))
		}
	} else {
		filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
			if err == nil && strings.HasSuffix(p, ".html") {
				files = append(files, p)
			}
			return nil
		})
	}
	counts := map[string]int{}
	samples := map[string][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s := &crawler.Snapshot{URL: f, Status: 200, HTML: string(b), DOM: string(b), ContentType: "text/html"}
		for _, c := range accessibleChecks() {
			if !c.Available(s) {
				continue
			}
			for _, o := range Run(&c, []*Page{NewPage(s, true)}, nil) {
				if o.Outcome == Fail {
					counts[c.ID]++
					for _, e := range o.Evidence {
						if len(samples[c.ID]) < 6 {
							samples[c.ID] = append(samples[c.ID], strings.TrimPrefix(f, root)+" | "+e.Selector+" | "+e.Snippet+fmt.Sprint(e.Params))
						}
					}
				}
			}
		}
	}
	var ids []string
	for k := range counts {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	for _, k := range ids {
		fmt.Printf("== %s: %d pages\n", k, counts[k])
		for _, s := range samples[k] {
			fmt.Println("   ", s)
		}
	}
}

func TestZZSiteSnaps(t *testing.T) {
	p := os.Getenv("AXSITESNAPS")
	if p == "" {
		t.Skip()
	}
	list, err := crawler.LoadSnapshots(p)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	review := map[string]int{}
	samples := map[string][]string{}
	max := 8
	for i := range list {
		s := &list[i]
		if !s.OK() {
			continue
		}
		for _, c := range accessibleChecks() {
			if os.Getenv("AXONLY") != "" && c.ID != os.Getenv("AXONLY") {
				continue
			}
			for _, o := range Run(&c, []*Page{NewPage(s, true)}, nil) {
				if o.Outcome == NeedsReview {
					review[c.ID]++
				}
				if o.Outcome == Fail {
					counts[c.ID]++
					for _, e := range o.Evidence {
						if len(samples[c.ID]) < max || os.Getenv("AXONLY") != "" {
							samples[c.ID] = append(samples[c.ID], s.URL+" | "+e.Selector+" | "+e.Snippet+fmt.Sprint(e.Params))
						}
					}
				}
			}
		}
	}
	var ids []string
	for k := range counts {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	for _, k := range ids {
		fmt.Printf("== %s: %d pages\n", k, counts[k])
		for _, s := range samples[k] {
			fmt.Println("   ", s)
		}
	}
	fmt.Println("review:", review)
}
