package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/chromedp/chromedp"
)

// floor loads the URLs in a bare headless Chromium with n tabs and no
// analysis at all: the reference the crawler is compared with on the same
// machine at the same moment (PEERS.md measured 10.1 pages/s on an idle
// machine with one tab). It returns the number of pages loaded.
func floor(urls []string, n int) (int, error) {
	tmp, err := os.MkdirTemp("", "crawlbench-tmp-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp) // Chromium's own socket files; the profile is chromedp's
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.Env("TMPDIR="+tmp),
		chromedp.ExecPath("chromium"),
		chromedp.Flag("proxy-server", "http://127.0.0.1:9"),
		chromedp.Flag("proxy-bypass-list", "<-loopback>;"+originOf(urls[0])),
	)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	browser, stop := chromedp.NewContext(alloc)
	defer stop()
	if err := chromedp.Do(browser); err != nil {
		return 0, fmt.Errorf("start browser: %w", err)
	}
	work := make(chan string)
	var wg sync.WaitGroup
	var mu sync.Mutex
	loaded := 0
	for range n {
		tab, closeTab := chromedp.NewContext(browser)
		if err := chromedp.Do(tab); err != nil {
			closeTab()
			return 0, fmt.Errorf("open tab: %w", err)
		}
		wg.Go(func() {
			defer closeTab()
			for u := range work {
				if err := chromedp.Do(tab, chromedp.Navigate(u)); err == nil {
					mu.Lock()
					loaded++
					mu.Unlock()
				}
			}
		})
	}
	for _, u := range urls {
		work <- u
	}
	close(work)
	wg.Wait()
	return loaded, nil
}

// originOf returns scheme://host:port of an absolute URL.
func originOf(u string) string {
	for i, slashes := 0, 0; i < len(u); i++ {
		if u[i] == '/' {
			slashes++
			if slashes == 3 {
				return u[:i]
			}
		}
	}
	return u
}
