package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// Robots and sitemap limits: a site's robots.txt and sitemaps add seeds but
// never make the crawl unbounded.
const (
	robotsAgent     = "didi"
	maxRobotsBytes  = 512 << 10
	maxSitemapBytes = 10 << 20
	maxSitemapFiles = 20
	maxSitemapURLs  = 50000
	robotsTimeout   = 10 * time.Second
)

// robotsCache fetches and keeps robots.txt per origin.
type robotsCache struct {
	f  *fetcher
	mu sync.Mutex
	by map[string]*robotstxt.RobotsData
}

func newRobotsCache(f *fetcher) *robotsCache {
	return &robotsCache{f: f, by: map[string]*robotstxt.RobotsData{}}
}

// get returns the robots rules of an origin; nil allows everything.
func (r *robotsCache) get(ctx context.Context, origin string) *robotstxt.RobotsData {
	r.mu.Lock()
	defer r.mu.Unlock()
	if d, ok := r.by[origin]; ok {
		return d
	}
	ctx, cancel := context.WithTimeout(ctx, robotsTimeout)
	defer cancel()
	status, body := r.f.raw(ctx, origin+"/robots.txt", maxRobotsBytes)
	var d *robotstxt.RobotsData
	if status != 0 {
		d, _ = robotstxt.FromStatusAndBytes(status, body)
	}
	r.by[origin] = d
	return d
}

// allowed reports whether robots.txt lets didi fetch u.
func (r *robotsCache) allowed(ctx context.Context, u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	d := r.get(ctx, p.Scheme+"://"+p.Host)
	if d == nil {
		return true
	}
	target := p.EscapedPath()
	if p.RawQuery != "" {
		target += "?" + p.RawQuery
	}
	return d.TestAgent(target, robotsAgent)
}

// sitemapURLs returns the page URLs listed in the origin's sitemaps: those
// named in robots.txt, or /sitemap.xml, following sitemap index files.
// Sitemaps on another origin are not fetched: a robots.txt or an index may
// name any address, and didi requests only the scanned site's.
func (r *robotsCache) sitemapURLs(ctx context.Context, origin string) []string {
	var queue []string
	if d := r.get(ctx, origin); d != nil {
		queue = append(queue, d.Sitemaps...)
	}
	if len(queue) == 0 {
		queue = []string{origin + "/sitemap.xml"}
	}
	seen := map[string]bool{}
	var pages []string
	for files := 0; len(queue) > 0 && files < maxSitemapFiles && len(pages) < maxSitemapURLs; files++ {
		sm := queue[0]
		queue = queue[1:]
		if seen[sm] || !sameOrigin(sm, origin) {
			continue
		}
		seen[sm] = true
		sctx, cancel := context.WithTimeout(ctx, robotsTimeout)
		status, body := r.f.raw(sctx, sm, maxSitemapBytes)
		cancel()
		if status != http.StatusOK {
			continue
		}
		locs, index := parseSitemap(body)
		if index {
			queue = append(queue, locs...)
			continue
		}
		pages = append(pages, locs...)
	}
	if len(pages) > maxSitemapURLs {
		pages = pages[:maxSitemapURLs]
	}
	return pages
}

// parseSitemap reads a sitemap (urlset) or a sitemap index, gzipped or
// not, and returns its loc values and whether it is an index.
func parseSitemap(body []byte) (locs []string, index bool) {
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, false
		}
		body, err = io.ReadAll(io.LimitReader(zr, maxSitemapBytes))
		if err != nil {
			return nil, false
		}
	}
	var doc struct {
		XMLName xml.Name
		URLs    []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
		Sitemaps []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, false
	}
	if doc.XMLName.Local == "sitemapindex" {
		for _, s := range doc.Sitemaps {
			locs = append(locs, s.Loc)
		}
		return locs, true
	}
	for _, u := range doc.URLs {
		locs = append(locs, u.Loc)
	}
	return locs, false
}

// raw loads u and returns its status and at most limit bytes of body; the
// status is 0 when no response came.
func (f *fetcher) raw(ctx context.Context, u string, limit int64) (int, []byte) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, nil
	}
	req.Header.Set("User-Agent", "didi (+https://github.com/didi-index/didi)")
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, limit))
	return resp.StatusCode, body
}

// finalURL follows the redirects of u and returns the status and the final
// normalised URL; the status is 0 when no response came, and err then
// says why.
func (f *fetcher) finalURL(ctx context.Context, u string) (status int, final string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, u, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("User-Agent", "didi (+https://github.com/didi-index/didi)")
	resp, err := f.client.Do(req)
	if err != nil {
		return 0, u, describeFetchError(ctx, err)
	}
	resp.Body.Close()
	final, _ = normalizeURL(resp.Request.URL)
	return resp.StatusCode, final, nil
}

// sameOrigin reports whether raw is an address on origin o.
func sameOrigin(raw, o string) bool { return origin(raw) == o }
