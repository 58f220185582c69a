package checks

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/didi-index/didi/crawler"
)

func TestZZCrawlSite(t *testing.T) {
	list := os.Getenv("AXCRAWLSITE")
	if list == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(list)
	var urls []string
	for _, u := range strings.Fields(string(b)) {
		urls = append(urls, os.Getenv("AXBASE")+u)
	}
	o := crawler.Options{Start: urls, NoCrawl: os.Getenv("AXNOCRAWL") != "", MaxPages: 60, Concurrency: 2, Timeout: 20 * time.Second, BlockOutside: true}
	scan, err := crawler.Crawl(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	crawler.SaveSnapshots(os.Getenv("AXOUT"), scan.Pages)
	t.Logf("%d pages", len(scan.Pages))
}
