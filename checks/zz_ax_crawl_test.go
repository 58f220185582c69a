package checks

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/didi-index/didi/crawler"
)

func TestZZCrawlACT(t *testing.T) {
	if os.Getenv("AXCRAWL") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile("/work/shared/benchmarks/act/manifest.json")
	var m struct {
		Cases []struct {
			RuleID string `json:"rule_id"`
			File   string `json:"file"`
		} `json:"cases"`
	}
	json.Unmarshal(b, &m)
	mine := map[string]bool{}
	for _, c := range accessibleChecks() {
		for _, a := range c.ACT {
			mine[a] = true
		}
	}
	var urls []string
	for _, c := range m.Cases {
		if mine[c.RuleID] {
			urls = append(urls, "http://127.0.0.1:8655/"+c.File)
		}
	}
	scan, err := crawler.Crawl(context.Background(), crawler.Options{Start: urls, NoCrawl: true, MaxPages: 100000, Concurrency: 2, Timeout: 15 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	crawler.SaveSnapshots("/tmp/act_snaps.json", scan.Pages)
	t.Logf("%d pages", len(scan.Pages))
}
