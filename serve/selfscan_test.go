package serve

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/didi-index/didi/scoring"

	"github.com/didi-index/didi/checks"
	"github.com/didi-index/didi/crawler"
	"github.com/didi-index/didi/criteria"
	"github.com/didi-index/didi/engine"
)

// TestPagesPassDidi scans the running server's pages with didi itself and
// fails on any failing check of weight > 0 in the criteria accessible,
// understandable, simple and trustworthy.
func TestPagesPassDidi(t *testing.T) {
	path := browserOrSkip(t)
	s := newTestServer(t, Config{NoBrowser: true, AllowPrivate: true, Operator: "Hogeschool Didi vzw, Kerkstraat 1, 9000 Gent"})
	site := siteServer(t, "good")
	c := newClient(t, s.URL)
	ev := c.newEvaluation()
	_, _, scan := c.post(ev+"/scan", url.Values{"url": {site.URL + "/"}})
	waitScan(t, s, scan)
	_, _, class := c.post("/class", url.Values{"title": {"Les"}})
	ss, _ := s.store.sessionBy(context.Background(), "secret", strings.TrimPrefix(class, "/class/"))
	c.post("/join", url.Values{"code": {ss.Code}, "name": {"An"}})

	var pages []string
	for _, p := range []string{"/", "/privacy", "/about", "/join", ev, ev + "/q/accessible", scan, class, class + "/view", "/lang/fr?next=" + url.QueryEscape(ev)} {
		pages = append(pages, s.URL+p)
	}
	reg := checks.Default()
	m, err := criteria.LoadDefault(scoring.Known(reg))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := engine.Run(ctx, engine.Plan{Model: m, Registry: reg, Languages: []string{"en"},
		Crawl: crawler.Options{Start: pages, NoCrawl: true, Browser: path, Timeout: 30 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range out.Result.Pages {
		if p.Error != "" {
			t.Errorf("%s: %s", p.URL, p.Error)
		}
	}
	for _, cr := range out.Result.Criteria {
		switch cr.ID {
		case "accessible", "understandable", "simple", "trustworthy":
		default:
			continue
		}
		for _, ch := range cr.Checks {
			if ch.Weight <= 0 {
				continue
			}
			for _, o := range ch.Outcomes {
				if o.Outcome != "fail" {
					continue
				}
				var ev []string
				for _, e := range o.Evidence {
					ev = append(ev, fmt.Sprintf("%s %s %s", e.Selector, e.Snippet, e.Message.In("en")))
				}
				t.Errorf("%s: %s fails on %s:\n  %s", cr.ID, ch.ID, o.URL, strings.Join(ev, "\n  "))
			}
		}
	}
}
