package crawler

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"
)

func TestSmokeDebug(t *testing.T) {
	path := browserOrSkip(t)
	srv := factsServer(t)
	began := time.Now()
	scan, err := Crawl(context.Background(), Options{Start: []string{srv.URL + "/"}, NoCrawl: true, Browser: path, BlockOutside: true, Timeout: 20 * time.Second, Progress: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(time.Since(began))
	p := scan.Pages[0]
	p.HTML, p.DOM = "", ""
	b, _ := json.MarshalIndent(p, "", " ")
	os.WriteFile("/tmp/crawler-smoke.json", b, 0o644)
	t.Log(scan.Browser, len(b))
}
